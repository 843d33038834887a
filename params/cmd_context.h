// -----------------------------------------------------------------------------
// File: params/cmd_context.h
// -----------------------------------------------------------------------------
//
// Where each placeholder of a cmd batch script stands (SPEC 6, issue 17):
// the lexical context cmd.exe will read the rendered value in. Render()
// (params/render.h) with Quoting::kCmd quotes a value for its context, or
// refuses the context. The script is assumed to run as a batch file (the
// agent writes a .bat), where %% is one literal %.
//
// The lexer follows cmd's phases line by line: %-expansion (phase 1) is
// blind to quotes and carets, so a `%` opens a variable reference until the
// next `%` of the line (%% outside one is a literal %, %0-%9, %* and %~ are
// arguments); delayed !-expansion may be on (the script can switch it on),
// so a `!` likewise opens one until the next `!`; quotes toggle at each `"`
// (a line break closes them), and outside quotes `^` escapes the next
// character (at a line's end, it joins the next line). A placeholder counts
// as one ordinary character of the template.
//
//   context          example                   rendering (params/render.h)
//   kOutsideQuotes   echo {{v}}                "..." with % written %%
//   kInsideQuotes    echo "Hi {{v}}"           % written %% (the author's
//                    set "x={{v}}"             quotes hold the value)
//   Both refuse a value holding ", ! or ^ (a " would end the quotes, and !
//   and ^ change meaning when delayed expansion is on), control characters
//   other than TAB, and invalid UTF-8; in a for command's body, also % (cmd
//   reads the %x that %%x becomes as a loop variable there).
//   refused: kAfterCaret (^{{v}}: the caret would escape the rendering's
//   opening quote), kPercentVariable (%x{{v}}%, %{{v}}, and %%{{v}} in a for
//   body: the value would be part of a variable name, or a loop variable), kDelayedVariable
//   (!x{{v}}!), kForClause (a placeholder in a `for` before its `do`: the set
//   of `for /f ... in ('...')` is a command line), kEvaluated (a line that
//   runs its text again or chooses what runs: call (it expands % a second
//   time), cmd, start, goto, set /a (arithmetic reads variable names),
//   powershell, pwsh, wsl, bash, sh, runas, mshta, wscript, cscript; the
//   words are looked for in the whole line, so `echo {{v}} | cmd` is
//   refused; a list, not a proof), and kUnknown (a line longer than 2 KiB
//   around the placeholder).
//
// What quoting cannot promise: a variable set from a value is expanded as
// text later (`set "x={{v}}"` then `echo %x%` runs a value's `&`): use it
// as !x! inside quotes, or not at all.
//
// Cost: one pass; the line check reads at most 2 KiB per placeholder;
// memory: one entry per placeholder. Pure, no exceptions, thread-safe.
//
// Example:
//
//   TemplateScan scan = ScanTemplate("echo \"Hi {{name}}\" %{{x}}%", limits);
//   std::vector<CmdPlaceholder> c = CmdContexts(content, scan);
//   // c[0].context == CmdContext::kInsideQuotes
//   // c[1].context == CmdContext::kPercentVariable   (refused)

#ifndef RUNCHECK_PARAMS_CMD_CONTEXT_H_
#define RUNCHECK_PARAMS_CMD_CONTEXT_H_

#include <string_view>
#include <vector>

#include "params/template.h"

namespace runcheck {
namespace params {

enum class CmdContext {
  kOutsideQuotes,
  kInsideQuotes,
  kAfterCaret,
  kPercentVariable,
  kDelayedVariable,
  kForClause,
  kEvaluated,
  kUnknown,
};

// The context's name, for details ("inside double quotes").
std::string_view CmdContextName(CmdContext c);

// Whether Render() can make a value literal in `c`.
bool IsRenderable(CmdContext c);

struct CmdPlaceholder {
  CmdContext context = CmdContext::kUnknown;
  // In the body of a for command (after `do` on its line, or in a ( ) block
  // opened by `do (`), where cmd replaces %x (after %% became %) with a loop
  // variable: a value there may not hold %.
  bool for_body = false;
};

// One entry per scan.placeholders entry, in the same order.
std::vector<CmdPlaceholder> CmdContexts(std::string_view content, const TemplateScan& scan);

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_CMD_CONTEXT_H_
