// -----------------------------------------------------------------------------
// File: validate/render_command.h
// -----------------------------------------------------------------------------
//
// `validate render [options] FILE|-`: fills a CommandContent template's
// placeholders as the agent does (params/render.h) and prints the script,
// or says which placeholder was refused and why, with a caret under it.
// `--contexts` lists where each placeholder stands instead. See
// `validate --help`.

#ifndef RUNCHECK_VALIDATE_RENDER_COMMAND_H_
#define RUNCHECK_VALIDATE_RENDER_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

namespace runcheck {
namespace validate {

// Returns the exit status: 0 rendered (or, with --contexts, every
// placeholder renderable), 1 refused or an invalid template or parameters,
// 2 usage error.
int RenderCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_RENDER_COMMAND_H_
