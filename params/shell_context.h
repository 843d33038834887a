// -----------------------------------------------------------------------------
// File: params/shell_context.h
// -----------------------------------------------------------------------------
//
// Where each placeholder of a POSIX shell script stands (SPEC 6, issue 17):
// the lexical context a shell will read the rendered value in. Render()
// (params/render.h) quotes a value for its context, or refuses the context.
//
// The lexer reads the template once, left to right, with a stack of frames
// (command, '...', "...", $(...), ${...}, $((...)), `...`, here-document
// bodies, comments), the way a POSIX shell tokenises: backslash escapes,
// `#` at the start of a word, here-document delimiters (`<<`, `<<-`, quoted or
// not) and their bodies from the next line, `$(` with parenthesis counting.
// A placeholder counts as one ordinary word character of the template.
//
//   context            example                  rendering (params/render.h)
//   kUnquoted          echo {{v}}, x={{v}}      '...' with ' as '\''
//   kSingleQuoted      echo 'a{{v}}b'           each ' spliced as '\''
//   kDoubleQuoted      echo "Hi {{v}}"          \ before $ ` " and \ itself
//   kHereDoc           cat <<EOF / {{v}}        \ before $ ` \ ; no body line
//                                               of the result may equal the
//                                               delimiter
//   kQuotedHereDoc     cat <<'EOF' / {{v}}      verbatim; the same line rule
//   kComment           # note {{v}}             verbatim; no line break
//   refused: kAfterDollar (${{v}}), kAfterBackslash (\{{v}}),
//   kAfterParameter ("$x{{v}}" inside double quotes or a here-document body:
//   the value would continue the name, `y` making it $xy, and zsh reads
//   `[1]` or `:h` after it as a subscript or modifier), kInterpreterLine
//   (`#!/bin/{{v}}` or `#{{v}}` on the first line: the value would choose
//   the interpreter that runs the file), kParameter
//   (${x:-{{v}}}), kArithmetic ($(({{v}}))), kBackquote (`echo {{v}}`),
//   kHereDocDelimiter (cat <<{{v}}), kEvaluated: a word of a command that
//   evaluates its arguments as code although each arrives literally (bash,
//   ksh, zsh and mksh evaluate the operands of `[ {{v}} -eq 1 ]`, `test`,
//   `[[ ]]`, `let`, `declare -i` and array subscripts (`a[{{v}}]=`, and the
//   names `read` and `declare` take: `read {{v}}`, `declare {{v}}=1`) as
//   arithmetic, and `a[$(id)]` there runs id; `eval`, `trap`, `.`,
//   `source`, `alias`, `printf -v` and a shell's `-c` run or name code; `sh`
//   or `eval` reading a here-document runs its body). This is a list of the
//   evaluating commands that shells build in, not a proof: a script that
//   hands a value to its own interpreter (`python -c`, `awk`, `xargs sh`)
//   runs it whatever the quoting. `((`, where a word starts, is arithmetic
//   like `$((`. And kUnknown: a simple command longer than 2 KiB around a
//   placeholder (the command analysis reads at most that much, so it stays
//   O(1) per placeholder), and what the lexer does not
//   follow with certainty makes every later placeholder kUnknown (a `case`
//   inside $(...), whose patterns end in `)`; a here-document inside $(...);
//   quotes or $( inside ${...} or $((...)); an expansion in a here-document
//   body left open at the end of its line; `<<` without a delimiter word).
//
// A command's words are read with placeholders counted as possibly empty, so
// `eval{{a}} {{b}}` is the command eval (both refused). A placeholder that is
// the whole command word lets its value choose the program: the value stays
// one literal word, and what that program does with the other words is the
// author's choice.
//
// `$(...)` holds a command: placeholders inside it have the contexts above,
// relative to it (`"$(echo {{v}})"` is kUnquoted).
//
// Cost: one pass, no backtracking; memory: the frame stack (bounded by the
// nesting of the text) and one entry per placeholder. Pure, no exceptions,
// thread-safe.
//
// Example:
//
//   TemplateScan scan = ScanTemplate("echo \"Hi {{name}}\" ${{x}}", limits);
//   std::vector<ShellPlaceholder> c = PosixShellContexts(content, scan);
//   // c[0].context == ShellContext::kDoubleQuoted
//   // c[1].context == ShellContext::kAfterDollar   (refused)

#ifndef RUNCHECK_PARAMS_SHELL_CONTEXT_H_
#define RUNCHECK_PARAMS_SHELL_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "params/template.h"

namespace runcheck {
namespace params {

enum class ShellContext {
  kUnquoted,
  kSingleQuoted,
  kDoubleQuoted,
  kHereDoc,
  kQuotedHereDoc,
  kComment,
  kAfterDollar,
  kAfterBackslash,
  kAfterParameter,
  kInterpreterLine,
  kParameter,
  kArithmetic,
  kBackquote,
  kHereDocDelimiter,
  kEvaluated,
  kUnknown,
};

// The context's name, for details ("inside double quotes").
std::string_view ShellContextName(ShellContext c);

// Whether Render() can make a value literal in `c`.
bool IsRenderable(ShellContext c);

struct ShellPlaceholder {
  ShellContext context = ShellContext::kUnknown;
  // Here-document contexts: the delimiter word (unquoted), whether `<<-`
  // strips leading tabs, and the body's extent in the template (up to the
  // start of the delimiter line, or the end of the text).
  std::string delimiter;
  bool strip_tabs = false;
  size_t body_begin = 0;
  size_t body_end = 0;
};

// One entry per scan.placeholders entry, in the same order.
std::vector<ShellPlaceholder> PosixShellContexts(std::string_view content,
                                                 const TemplateScan& scan);

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_SHELL_CONTEXT_H_
