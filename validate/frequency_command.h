// -----------------------------------------------------------------------------
// File: validate/frequency_command.h
// -----------------------------------------------------------------------------
//
// `validate frequency [options] EXPRESSION` and `validate frequency --batch`
// (lines FREQUENCY<TAB>ZONE<TAB>NOW<TAB>TIMEOUT<TAB>N on `in`, one result
// line each on `out`, SPEC 9 *Batch contract*). See `validate --help`.

#ifndef RUNCHECK_VALIDATE_FREQUENCY_COMMAND_H_
#define RUNCHECK_VALIDATE_FREQUENCY_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

namespace runcheck {
namespace validate {

// Returns the exit status: 0 valid (every line valid, for a batch), 1
// invalid (any line), 2 usage error.
int FrequencyCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_FREQUENCY_COMMAND_H_
