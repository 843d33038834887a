#include "params/cmd_context.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "params/internal/byte_scan.h"
#include "params/internal/words.h"
#include "core/ascii.h"

namespace runcheck {
namespace params {
namespace {

using internal::Bytes;
using internal::ByteSet;
using internal::kMaxCommandBytes;
using internal::SkipTo;

constexpr ByteSet kSpecial = Bytes("\"^%!\n()");
// Bytes that may be part of a command word: everything but blanks and
// cmd's separators, so `@echo` and `(call` still hold the word.
constexpr ByteSet kWordBytes = [] {
  ByteSet set{};
  for (int b = 0x21; b < 0x100; ++b) set[b] = true;
  for (char c : std::string_view("\"&|()<>=,;@")) set[static_cast<unsigned char>(c)] = false;
  return set;
}();

// Where a placeholder's line is read for what it runs: the line's start
// and the placeholder's offset.
struct LineOf {
  size_t start = 0;
  size_t at = 0;
  size_t end = 0;  // just after the placeholder
};

// Whether the word before offset i (blanks skipped) is `do`.
bool AfterDo(std::string_view text, size_t i) {
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i >= 2 && (text[i - 2] == 'd' || text[i - 2] == 'D') &&
         (text[i - 1] == 'o' || text[i - 1] == 'O') &&
         (i == 2 || !kWordBytes[static_cast<unsigned char>(text[i - 3])]);
}

// The context a line gives to a placeholder that is otherwise renderable:
// kEvaluated, kForClause, kUnknown, or `c` unchanged; sets *for_body when
// the line's for has reached its do.
CmdContext CheckLine(std::string_view text, const std::vector<Placeholder>& placeholders,
                     const LineOf& l, CmdContext c, bool* for_body) {
  if (l.at - l.start > kMaxCommandBytes) return CmdContext::kUnknown;
  const size_t limit = std::min(text.size(), l.end + kMaxCommandBytes);
  size_t line_end = l.end;
  while (line_end < limit && text[line_end] != '\n') ++line_end;
  if (line_end == limit && limit < text.size()) return CmdContext::kUnknown;
  static const char* const kEvaluators[] = {"call", "cmd",  "cmd.exe", "start", "goto",
                                            "powershell", "powershell.exe", "pwsh",
                                            "pwsh.exe", "wsl", "wsl.exe", "bash", "sh",
                                            "runas", "mshta", "wscript", "cscript"};
  auto is_evaluator = [](std::string_view w) {
    for (const char* e : kEvaluators) {
      if (core::EqualsIgnoreCase(w, e)) return true;
    }
    return false;
  };
  // Before the placeholder: the evaluators, `set /a`, and a `for` whose
  // `do` has not come yet.
  bool for_open = false;
  bool for_seen = false;
  bool set_seen = false;
  bool evaluated = false;
  internal::AnyWordOutside(text, l.start, l.at, placeholders, kWordBytes, [&](std::string_view w) {
    if (is_evaluator(w) || (set_seen && core::EqualsIgnoreCase(w, "/a"))) evaluated = true;
    set_seen = core::EqualsIgnoreCase(w, "set");
    if (core::EqualsIgnoreCase(w, "for")) for_open = for_seen = true;
    if (core::EqualsIgnoreCase(w, "do")) for_open = false;
    return evaluated;
  });
  if (evaluated) return CmdContext::kEvaluated;
  if (for_open) return CmdContext::kForClause;
  if (for_seen) *for_body = true;
  if (internal::AnyWordOutside(text, l.end, line_end, placeholders, kWordBytes, is_evaluator)) {
    return CmdContext::kEvaluated;
  }
  return c;
}

}  // namespace

std::vector<CmdPlaceholder> CmdContexts(std::string_view text, const TemplateScan& scan) {
  std::vector<CmdPlaceholder> out(scan.placeholders.size());
  std::vector<LineOf> lines(scan.placeholders.size());
  bool quoted = false;     // inside "..."
  bool caret = false;      // outside quotes, the previous character was ^
  bool percent = false;    // inside %...%
  bool bang = false;       // inside !...! (if delayed expansion is on)
  int parens = 0;          // open ( blocks, outside quotes
  std::vector<int> for_blocks;  // the depths at which `do (` blocks opened
  size_t line_start = 0;
  size_t next = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at =
        next < scan.placeholders.size() ? scan.placeholders[next].span.offset : text.size();
    if (i == at) {
      const core::Span span = scan.placeholders[next].span;
      const char before = i > 0 ? text[i - 1] : '\0';
      const bool for_block = !for_blocks.empty();
      CmdContext c = percent || (before == '%' && for_block) ? CmdContext::kPercentVariable
                     : bang || before == '!'  ? CmdContext::kDelayedVariable
                     : caret                  ? CmdContext::kAfterCaret
                     : quoted                 ? CmdContext::kInsideQuotes
                                              : CmdContext::kOutsideQuotes;
      out[next].context = c;
      out[next].for_body = for_block;
      lines[next] = LineOf{line_start, i, i + span.length};
      caret = false;
      i += span.length;
      ++next;
      continue;
    }
    if (!caret) {
      const size_t j = SkipTo(text, i, at, kSpecial);
      if (j > i) {
        i = j;
        continue;
      }
    }
    const char c = text[i];
    if (c == '%') {
      // Phase 1 reads % before quotes and carets mean anything.
      if (percent) {
        percent = false;
      } else if (i + 1 < at && (text[i + 1] == '%' || text[i + 1] == '*' || text[i + 1] == '~' ||
                                absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1])))) {
        ++i;  // %% (a literal %), or an argument
      } else {
        percent = true;
      }
      caret = false;
      ++i;
      continue;
    }
    if (c == '!') bang = !bang;
    if (c == '\n') {
      if (caret) {
        caret = true;  // ^ at a line's end joins the next line, whose first character it escapes
      } else {
        quoted = percent = bang = false;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    if (caret) {
      caret = c == '\r';  // (cmd drops CRs before it reads carets)
      ++i;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (!quoted) {
      if (c == '^') caret = true;
      if (c == '(') {
        if (AfterDo(text, i)) for_blocks.push_back(parens);
        ++parens;
      }
      if (c == ')' && parens > 0) {
        --parens;
        if (!for_blocks.empty() && for_blocks.back() == parens) for_blocks.pop_back();
      }
    }
    ++i;
  }
  for (size_t k = 0; k < out.size(); ++k) {
    if (!IsRenderable(out[k].context)) continue;
    out[k].context =
        CheckLine(text, scan.placeholders, lines[k], out[k].context, &out[k].for_body);
    // %%{{v}} on the line of a for's body: the value would start a loop variable.
    if (out[k].for_body && IsRenderable(out[k].context) && lines[k].at > 0 &&
        text[lines[k].at - 1] == '%') {
      out[k].context = CmdContext::kPercentVariable;
    }
  }
  return out;
}

std::string_view CmdContextName(CmdContext c) {
  switch (c) {
    case CmdContext::kOutsideQuotes: return "outside quotes";
    case CmdContext::kInsideQuotes: return "inside double quotes";
    case CmdContext::kAfterCaret: return "right after a ^ escape";
    case CmdContext::kPercentVariable: return "in a %variable% reference";
    case CmdContext::kDelayedVariable: return "in a !variable! reference";
    case CmdContext::kForClause: return "in a for command before its do";
    case CmdContext::kEvaluated:
      return "on a line that runs its text again or chooses what runs (call, cmd, start, "
             "goto, set /a, powershell)";
    case CmdContext::kUnknown: return "where the lexer cannot tell the context";
  }
  return "unknown";
}

bool IsRenderable(CmdContext c) {
  return c == CmdContext::kOutsideQuotes || c == CmdContext::kInsideQuotes;
}

}  // namespace params
}  // namespace runcheck
