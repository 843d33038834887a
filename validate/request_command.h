// -----------------------------------------------------------------------------
// File: validate/request_command.h
// -----------------------------------------------------------------------------
//
// `validate [options] [FILE|-]`: whole RunCommand requests, one from a file
// or `in`, or many with `--batch` (one per line of `in`, one JSON result per
// line of `out`, SPEC 9 *Batch contract*). See README.md ("The validate
// binary") and `validate --help`.

#ifndef RUNCHECK_VALIDATE_REQUEST_COMMAND_H_
#define RUNCHECK_VALIDATE_REQUEST_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

namespace runcheck {
namespace validate {

// Returns the exit status: 0 valid (every line valid, for a batch), 1
// invalid (any line), 2 usage error or unreadable input. Usage problems go to
// stderr.
int RequestCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_REQUEST_COMMAND_H_
