// `validate [options] [FILE|-]`: whole RunCommand requests, one from a file
// or stdin, or many with --batch. See README.md ("The validate binary").

#ifndef RUNCHECK_VALIDATE_REQUEST_COMMAND_H_
#define RUNCHECK_VALIDATE_REQUEST_COMMAND_H_

#include <string>
#include <vector>

namespace validate {

// Returns the exit status: 0 valid, 1 invalid, 2 usage or input error.
int RequestCommand(const std::vector<std::string>& args);

}  // namespace validate

#endif  // RUNCHECK_VALIDATE_REQUEST_COMMAND_H_
