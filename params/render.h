// -----------------------------------------------------------------------------
// File: params/render.h
// -----------------------------------------------------------------------------
//
// Filling a script's placeholders (SPEC section 6): the agent's last step
// before it runs a command, and the server's content-size rule (SPEC 4.1).
//
// Render() walks the placeholders of a clean TemplateScan left to right and
// replaces each exactly once. Inserted text is never scanned again, so a
// value holding `{{x}}` stays `{{x}}`.
//   * user `{{name}}`: the value from `user` (names match ASCII-case-
//     insensitively); a name without a value renders as the empty string,
//     as the API does.
//   * built-in `{{ACS::Name}}`: the value from `builtins`, keyed by the name
//     without `ACS::`; a missing built-in is an error (kMissingBuiltin): a
//     script should not run with a silently empty instance id.
//   * `{{oos:name}}`, `{{oos-secret:name}}`: through `resolve_store` when the
//     caller gives one (nullopt from it is kUnresolvedReference); without a
//     resolver they stay as written.
// Text outside placeholders, and placeholders the scan rejected, are copied
// as they are.
//
// Quoting. kRaw inserts values as they are: the API's behaviour, and unsafe
// for a value an attacker chooses. The other modes make each inserted value
// one literal piece of text of the script's language. Values that cannot be
// made safe are refused (kUnsafeValue) rather than altered:
//   kPosixShell   context-aware: params/shell_context.h lexes the template
//                 and each placeholder is rendered for where it stands, or
//                 refused with kUnsafeContext (its span, the context named):
//                   unquoted word      '...' with each ' written '\''; inside
//                                      single quotes a POSIX shell gives no
//                                      byte a meaning but ', so no value can
//                                      end the word, expand ($, `) or start
//                                      a command (;, newline);
//                   inside '...'       each ' spliced as '\'' (close, an
//                                      escaped quote, reopen): the value
//                                      stays inside the author's quotes;
//                   inside "..."       \ before $ ` " \ : inside double
//                                      quotes only these four are special,
//                                      and a backslash makes each literal;
//                   here-document      \ before $ ` \ (unquoted delimiter:
//                                      these three are special there, " is
//                                      not); quoted delimiter: verbatim. In
//                                      both, a value that makes a body line
//                                      equal to the delimiter is refused, and
//                                      with <<- a value with a line that
//                                      starts with a tab (it would be
//                                      stripped);
//                   comment            verbatim; a line break is refused;
//                   refused contexts   right after $ (bash reads ${{v}} as
//                                      $'...' ANSI-C quoting) or a
//                                      backslash, inside ${...}, $((...)),
//                                      backquotes (backslash rules re-open
//                                      quotes there), $'...', a here-document
//                                      delimiter, ((...)), a word of a
//                                      command that evaluates its arguments
//                                      (`[ {{n}} -eq 1 ]`, let, eval, ...:
//                                      params/shell_context.h lists them),
//                                      or where the lexer cannot tell. NUL
//                                      is refused everywhere (no shell
//                                      string can hold it).
//                 Proven by tests/shell_differential_test.cc, which runs every
//                 hostile value class in every context through dash, bash,
//                 bash --posix, zsh (as sh and ksh too), ksh93, mksh, lksh,
//                 busybox sh, yash (in a UTF-8 locale: in the C locale it
//                 rejects non-ASCII bytes in a script) and posh. QuoteValue()
//                 with kPosixShell is the unquoted-word rendering.
//   kPowerShell   context-aware: params/powershell_context.h lexes the
//                 template; each placeholder is rendered for where it
//                 stands, or refused with kUnsafeContext:
//                   bare word          '...' with each single-quote character
//                                      doubled: ' and the typographic U+2018
//                                      U+2019 U+201A U+201B, which PowerShell
//                                      also reads as quotes. A single-quoted
//                                      string is verbatim (no $, no backtick
//                                      escapes, line breaks kept), and a
//                                      doubled quote is one literal quote;
//                   inside '...'       each single-quote character doubled;
//                   inside "..."       ` before $, ` and each double-quote
//                                      character (" U+201C U+201D U+201E): a
//                                      backtick makes any of them literal (it
//                                      is never put before a letter, so no
//                                      `n-style escape is made);
//                   @'...'@ body       verbatim; @"..."@ body as "...". In
//                                      both, a value that makes a body line
//                                      start (after blanks) with a quote
//                                      character and @ is refused: the
//                                      here-string would end there;
//                   comment            verbatim; CR or LF refused; in <# #>,
//                                      #> refused (and a value that starts
//                                      with > or ends with #);
//                   refused contexts   after $ or @, a backtick, a $name in
//                                      a string ("$x{{v}}"), inside ${...},
//                                      #{{v}} at a line's start (#requires),
//                                      after --%, a statement that runs text
//                                      as code or chooses what runs (iex,
//                                      Add-Type, [scriptblock]::Create, & ...:
//                                      the header lists them), or where the
//                                      lexer cannot tell.
//                 Every rendering refuses NUL and invalid UTF-8 (a lenient
//                 decoder could read an overlong form as a quote). QuoteValue()
//                 with kPowerShell is the bare-word rendering. Goldens:
//                 params/render_test.cc (PowerShell cannot run here).
//   kCmd          context-aware: params/cmd_context.h lexes the batch file:
//                   outside quotes     "..." with each % written %%. In a batch
//                                      file %% is one literal %, and inside
//                                      double quotes & | < > ( ) are literal;
//                   inside "..."       each % written %%, no quotes added: the
//                                      author's quotes hold the value;
//                 both refuse " (it would end the quotes), ! and ^ (their
//                 meaning depends on delayed expansion, which the script may
//                 switch on), control characters other than TAB (CR and LF
//                 end the command; Ctrl-Z reads as LF) and invalid UTF-8.
//                 Refused contexts: after ^, inside %...% or !...! (and right
//                 after % or !), a for command before its do, a line that runs
//                 its text again or chooses what runs (call, cmd, start, goto,
//                 set /a, powershell ...), or where the lexer cannot tell.
//                 QuoteValue() with kCmd is the outside-quotes rendering.
//
// Render() lexes the template on each call (most of its cost: 80-120 µs
// for 24 KiB of shell, bench/README.md); a RenderPlan made once lexes it
// once, and each Render() with it only copies and quotes (about 5 µs).
// `validate render` runs it from the command line.
//
// SubstitutedSize() is the content length after substituting user values
// only (built-ins and store references left as written), as the API measures
// CommandContent; Base64Length() the length of its Base64 encoding. Neither
// materialises anything.
//
// Pure, no exceptions, thread-safe (the resolver is called on the caller's
// thread, once per store placeholder, left to right).
//
// Example:
//
//   TemplateScan scan = ScanTemplate("echo {{name}}", limits);
//   ParameterValues user;
//   user.Set("name", "it's $(id)");
//   RenderOptions options;
//   options.quoting = Quoting::kPosixShell;
//   options.user = &user;
//   Rendered r = Render("echo {{name}}", scan, options);
//   r.script;  // echo 'it'\''s $(id)'

#ifndef RUNCHECK_PARAMS_RENDER_H_
#define RUNCHECK_PARAMS_RENDER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "params/parameters.h"
#include "params/template.h"
#include "core/violation.h"

namespace runcheck {
namespace params {

// Name -> value, names compared ASCII-case-insensitively. Set() replaces.
class ParameterValues {
 public:
  ParameterValues() = default;
  // The string values of checked Parameters; a later duplicate wins.
  static ParameterValues FromPairs(const std::vector<ParameterPair>& pairs);

  void Set(std::string_view name, std::string value);
  const std::string* Find(std::string_view name) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;  // lower-cased
};

enum class Quoting { kRaw, kPosixShell, kPowerShell, kCmd };

// Resolves a parameter-store reference: name, whether it was `oos-secret:`.
using StoreResolver =
    std::function<std::optional<std::string>(std::string_view name, bool secret)>;

struct RenderOptions {
  Quoting quoting = Quoting::kRaw;
  const ParameterValues* user = nullptr;      // null: no user values
  const ParameterValues* builtins = nullptr;  // null: none available
  StoreResolver resolve_store;                // empty: leave references
};

struct RenderError {
  // kUnsafeContext: a placeholder stands where no value can be made
  // literal (params/shell_context.h, params/powershell_context.h,
  // params/cmd_context.h), whatever its value.
  enum Kind { kUnsafeValue, kMissingBuiltin, kUnresolvedReference, kUnsafeContext };
  Kind kind;
  core::Span placeholder;     // in the content
  std::string detail;
};

struct Rendered {
  std::string script;                // empty when `error` is set
  std::optional<RenderError> error;  // the first problem, left to right
};

Rendered Render(std::string_view content, const TemplateScan& scan,
                const RenderOptions& options);

// The lexing half of Render(): where each placeholder of one template
// stands for one quoting mode, and so how it is quoted or why it is refused.
// Made once for a template rendered many times (one command run on many
// instances, each with its own {{ACS::InstanceId}}); immutable, so one plan
// may serve many threads. kRaw has nothing to lex.
class RenderPlan {
 public:
  RenderPlan(std::string_view content, const TemplateScan& scan, Quoting quoting);
  ~RenderPlan();
  RenderPlan(const RenderPlan&);
  RenderPlan(RenderPlan&&) noexcept;
  RenderPlan& operator=(const RenderPlan&);
  RenderPlan& operator=(RenderPlan&&) noexcept;

  Quoting quoting() const { return quoting_; }
  // Per placeholder k of the scan: whether a value can be made literal
  // there, and the context's name ("inside double quotes"; empty for kRaw).
  size_t size() const;
  bool IsRenderable(size_t k) const;
  std::string_view ContextName(size_t k) const;

  struct Slot;  // one placeholder's context (render.cc)

 private:
  friend Rendered Render(std::string_view, const TemplateScan&, const RenderPlan&,
                         const RenderOptions&);
  Quoting quoting_;
  std::vector<Slot> slots_;
};

// Render() with a plan made for the same content and scan; the plan's
// quoting is used (options.quoting is not read).
Rendered Render(std::string_view content, const TemplateScan& scan, const RenderPlan& plan,
                const RenderOptions& options);

// Quotes one value for `quoting` as Render() does (kRaw returns it as is).
// nullopt: the value cannot be quoted safely; `why` (optional) says why.
std::optional<std::string> QuoteValue(std::string_view value, Quoting quoting,
                                      std::string* why = nullptr);

// The byte length of `content` after substituting `user` values for its
// user placeholders (missing ones as empty), other placeholders unchanged.
int64_t SubstitutedSize(std::string_view content, const TemplateScan& scan,
                        const ParameterValues& user);

// The length of the padded Base64 encoding of `n` bytes.
constexpr int64_t Base64Length(int64_t n) { return (n + 2) / 3 * 4; }

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_RENDER_H_
