// -----------------------------------------------------------------------------
// File: params/powershell_context.h
// -----------------------------------------------------------------------------
//
// Where each placeholder of a PowerShell script stands (SPEC 6, issue 17):
// the lexical context PowerShell will read the rendered value in.
// Render() (params/render.h) with Quoting::kPowerShell quotes a value for
// its context, or refuses the context.
//
// The lexer reads the template once, left to right, with a stack of frames
// the way PowerShell's tokenizer nests them: code (the script, a `$(...)` or
// `@(...)` subexpression), '...', "...", here-strings @'...'@ and @"..."@
// (body from the line after the header to a line that starts with the
// closing quote and @), ${...} variable names, # line comments and <# #>
// block comments. It knows the typographic quotes PowerShell accepts as
// quotes: single U+2018 U+2019 U+201A U+201B, double U+201C U+201D U+201E.
// Backtick escapes the next character. A placeholder counts as one ordinary
// word character of the template.
//
//   context               example                  rendering (params/render.h)
//   kBare                 Write-Host {{v}}         '...' with each single-quote
//                         $x = {{v}}               character doubled
//   kSingleQuoted         'a{{v}}b'                each single-quote character
//                                                  doubled
//   kDoubleQuoted         "Hi {{v}}"               ` before $ ` and the double-
//                                                  quote characters
//   kHereString           @'<LF>{{v}}<LF>'@        verbatim; no line of the body
//                                                  may start with a quote and @
//   kExpandableHereString @"<LF>{{v}}<LF>"@        ` before $ ` and the double-
//                                                  quote characters; the same
//                                                  line rule
//   kComment              # note {{v}}             verbatim; no CR or LF
//   kBlockComment         <# {{v}} #>              verbatim; no #> (nor a value
//                                                  that starts with > or ends
//                                                  with #)
//   refused: kAfterSigil (${{v}}, @{{v}}: the value would name a variable or
//   start a here-string), kAfterBacktick (`{{v}}), kAfterVariable
//   ("$x{{v}}", "$env:{{v}}": the value would continue the name),
//   kBracedVariable (${x{{v}}}), kDirective (#{{v}}: the value could write
//   #requires), kStopParsing (after --%, PowerShell hands the rest of the
//   line to the program unparsed), kEvaluated (a statement that runs text
//   as code or names what runs: Invoke-Expression/iex, Add-Type,
//   [scriptblock]::Create, .InvokeScript, powershell/pwsh, cmd, bash/sh/wsl,
//   Start-Process/start/saps, Invoke-Item/ii, or `&` / `.` right before the
//   placeholder; the words are looked for in the whole statement, pipeline
//   included, so `{{v}} | iex` is refused; a list, not a proof), and
//   kUnknown: a statement longer than 2 KiB before or after the placeholder,
//   and — for every later placeholder — what the lexer does not follow with
//   certainty: `#` or `<#` in the middle of a token (a comment in expression
//   mode, a character in argument mode), a here-string header with text
//   after it on its line.
//
// What quoting cannot promise: Windows PowerShell 5.1 passes a string to a
// native program (an .exe) without escaping its embedded double quotes, so
// such a value stays one PowerShell string but may reach the program as
// several arguments (PowerShell 7.3+ escapes them).
//
// Cost: one pass, no backtracking; the statement check reads at most 2 KiB
// per placeholder; memory: the frame stack and one entry per placeholder.
// Pure, no exceptions, thread-safe.
//
// Example:
//
//   TemplateScan scan = ScanTemplate("Write-Host \"Hi {{name}}\" ${{x}}", limits);
//   std::vector<PowerShellPlaceholder> c = PowerShellContexts(content, scan);
//   // c[0].context == PowerShellContext::kDoubleQuoted
//   // c[1].context == PowerShellContext::kAfterSigil   (refused)

#ifndef RUNCHECK_PARAMS_POWERSHELL_CONTEXT_H_
#define RUNCHECK_PARAMS_POWERSHELL_CONTEXT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "params/template.h"

namespace runcheck {
namespace params {

enum class PowerShellContext {
  kBare,
  kSingleQuoted,
  kDoubleQuoted,
  kHereString,
  kExpandableHereString,
  kComment,
  kBlockComment,
  kAfterSigil,
  kAfterBacktick,
  kAfterVariable,
  kBracedVariable,
  kDirective,
  kStopParsing,
  kEvaluated,
  kUnknown,
};

// The context's name, for details ("inside double quotes").
std::string_view PowerShellContextName(PowerShellContext c);

// Whether Render() can make a value literal in `c`.
bool IsRenderable(PowerShellContext c);

struct PowerShellPlaceholder {
  PowerShellContext context = PowerShellContext::kUnknown;
  // Here-string contexts: the body's extent in the template, from the
  // start of the line after the header to the line break before the
  // terminator (or the end of the text).
  size_t body_begin = 0;
  size_t body_end = 0;
};

// One entry per scan.placeholders entry, in the same order.
std::vector<PowerShellPlaceholder> PowerShellContexts(std::string_view content,
                                                      const TemplateScan& scan);

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_POWERSHELL_CONTEXT_H_
