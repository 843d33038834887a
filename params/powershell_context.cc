#include "params/powershell_context.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/container/inlined_vector.h"
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

enum class Frame : uint8_t {
  kCode,            // the script, or a $(...) / @(...) subexpression
  kSingle,          // '...'
  kDouble,          // "..."
  kHereSingle,      // @'...'@ body
  kHereDouble,      // @"..."@ body
  kLineComment,     // # ... up to the line's end
  kBlockComment,    // <# ... #>
  kBracedVariable,  // ${...}
};

struct FrameState {
  explicit FrameState(Frame k) : kind(k) {}
  // A $( or @( subexpression whose statement starts at `start`.
  static FrameState Subexpression(size_t start) {
    FrameState f(Frame::kCode);
    f.subexpression = true;
    f.parens = 1;
    f.statement_start = start;
    return f;
  }

  Frame kind;
  bool subexpression = false;  // kCode: inside $( or @(
  int parens = 0;              // kCode subexpression: open parentheses
  size_t statement_start = 0;  // kCode: where its current statement began
  size_t opened_at = 0;        // comments: the #; here-strings: the @
  bool line_start = false;     // line comments: the # starts its line
  size_t body_begin = 0;       // here-strings
  std::vector<size_t> placeholders;  // here-strings: indexes into the result
};

// 0xE2 starts the typographic quotes (E2 80 98..9E), so it is special too.
constexpr ByteSet kCodeSpecial = Bytes("'\"\xE2`$@#<-\n\r;{}()");
constexpr ByteSet kSingleSpecial = Bytes("'\xE2");
constexpr ByteSet kDoubleSpecial = Bytes("\"\xE2`$");
constexpr ByteSet kLineBreak = Bytes("\n\r");
constexpr ByteSet kHereDoubleSpecial = Bytes("\n\r`$");
constexpr ByteSet kBlockCommentSpecial = Bytes("#");
constexpr ByteSet kBracedSpecial = Bytes("}`");

// The length of the single-quote character starting at i (' or U+2018..
// U+201B), 0 if none starts there before `limit`.
size_t SingleQuoteAt(std::string_view t, size_t i, size_t limit) {
  if (i >= limit) return 0;
  if (t[i] == '\'') return 1;
  if (i + 3 <= limit && t[i] == '\xE2' && t[i + 1] == '\x80' &&
      (t[i + 2] >= '\x98' && t[i + 2] <= '\x9B')) {
    return 3;
  }
  return 0;
}

// The same for the double-quote characters (" or U+201C..U+201E).
size_t DoubleQuoteAt(std::string_view t, size_t i, size_t limit) {
  if (i >= limit) return 0;
  if (t[i] == '"') return 1;
  if (i + 3 <= limit && t[i] == '\xE2' && t[i + 1] == '\x80' &&
      (t[i + 2] >= '\x9C' && t[i + 2] <= '\x9E')) {
    return 3;
  }
  return 0;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Whether the words of text[begin, end) (outside placeholders) name something that runs text as
// code, or chooses what runs. Words are runs of letters, digits, - and _
// (so `cmd.exe` holds `cmd`, `$x.InvokeScript(` holds `InvokeScript`),
// compared ignoring case.
bool NamesAnEvaluator(std::string_view text, size_t begin, size_t end,
                      const std::vector<Placeholder>& placeholders) {
  static const char* const kEvaluators[] = {
      "iex",  "invoke-expression", "add-type", "scriptblock", "invokescript", "newscriptblock",
      "powershell", "pwsh", "cmd", "bash", "sh", "wsl", "start-process", "saps", "start",
      "invoke-item", "ii"};
  static constexpr ByteSet kWordBytes =
      Bytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
  return internal::AnyWordOutside(text, begin, end, placeholders, kWordBytes,
                                  [](std::string_view word) {
    for (const char* e : kEvaluators) {
      if (core::EqualsIgnoreCase(word, e)) return true;
    }
    return false;
  });
}

class Lexer {
 public:
  Lexer(std::string_view text, const TemplateScan& scan)
      : text_(text),
        scan_(scan),
        out_(scan.placeholders.size()),
        statement_start_(scan.placeholders.size(), kNone),
        before_end_(scan.placeholders.size(), 0),
        after_begin_(scan.placeholders.size(), 0) {
    frames_.push_back(FrameState(Frame::kCode));
  }

  std::vector<PowerShellPlaceholder> Run() {
    size_t next = 0;
    size_t i = 0;
    auto next_offset = [&] {
      return next < out_.size() ? scan_.placeholders[next].span.offset : text_.size();
    };
    size_t at = next_offset();
    while (i < text_.size() && !unknown_) {
      if (i == at) {
        Placeholder(next);
        i += scan_.placeholders[next].span.length;
        placeholder_end_ = i;
        ++next;
        at = next_offset();
        continue;
      }
      i = Step(i, at);
    }
    for (; next < out_.size(); ++next) out_[next].context = PowerShellContext::kUnknown;
    // Here-strings left open at the end of the text end there.
    for (FrameState& f : frames_) {
      if (f.kind == Frame::kHereSingle || f.kind == Frame::kHereDouble) {
        EndHereString(f, text_.size(), text_.size());
      }
    }
    for (size_t k = 0; k < out_.size(); ++k) CheckStatement(k);
    return std::move(out_);
  }

 private:
  static constexpr size_t kNone = ~size_t{0};

  FrameState& Top() { return frames_.back(); }

  FrameState& InnermostCode() {
    for (size_t k = frames_.size(); k-- > 0;) {
      if (frames_[k].kind == Frame::kCode) return frames_[k];
    }
    return frames_.front();
  }

  // Whether a token starts at i: after a blank, a line break, an operator
  // or the start of the text (not after a placeholder: it is a word
  // character).
  bool TokenStartsAt(size_t i) const {
    if (i == 0) return true;
    if (i == placeholder_end_) return false;
    const char p = text_[i - 1];
    return IsBlank(p) || p == '\n' || p == '\r' || p == ';' || p == '(' || p == ')' ||
           p == '{' || p == '}' || p == '|' || p == '&' || p == ',' || p == '=';
  }

  // Whether only blanks stand before i on its line (#requires must start
  // a line).
  bool StartsLine(size_t i) const {
    while (i > 0 && IsBlank(text_[i - 1])) --i;
    return i == 0 || text_[i - 1] == '\n' || text_[i - 1] == '\r';
  }

  // Whether the placeholder at `at` continues the name of a variable that
  // expands in a string ("$x{{v}}", "$env:{{v}}").
  bool ContinuesVariable(size_t at) const {
    size_t j = at;
    while (j > 0 && (core::IsAlnumAscii(text_[j - 1]) ||
                     text_[j - 1] == '_' || text_[j - 1] == ':' || text_[j - 1] == '?')) {
      --j;
    }
    return j < at && j > 0 && j - 1 == last_dollar_;
  }

  void Placeholder(size_t index) {
    using C = PowerShellContext;
    PowerShellPlaceholder& p = out_[index];
    const core::Span span = scan_.placeholders[index].span;
    FrameState& f = Top();
    statement_start_[index] = InnermostCode().statement_start;
    before_end_[index] = span.offset;
    after_begin_[index] = span.offset + span.length;
    const bool sigil = sigil_, backtick = backtick_;
    sigil_ = backtick_ = false;
    if (verbatim_line_) {
      p.context = C::kStopParsing;
      return;
    }
    switch (f.kind) {
      case Frame::kCode:
        p.context = sigil ? C::kAfterSigil : backtick ? C::kAfterBacktick : C::kBare;
        break;
      case Frame::kSingle:
        p.context = C::kSingleQuoted;
        break;
      case Frame::kDouble:
      case Frame::kHereDouble:
        p.context = sigil                        ? C::kAfterSigil
                    : backtick                   ? C::kAfterBacktick
                    : ContinuesVariable(span.offset) ? C::kAfterVariable
                    : f.kind == Frame::kDouble   ? C::kDoubleQuoted
                                                 : C::kExpandableHereString;
        break;
      case Frame::kHereSingle:
        p.context = C::kHereString;
        break;
      case Frame::kLineComment:
        p.context = f.line_start && span.offset == f.opened_at + 1 ? C::kDirective : C::kComment;
        break;
      case Frame::kBlockComment:
        p.context = C::kBlockComment;
        break;
      case Frame::kBracedVariable:
        p.context = C::kBracedVariable;
        break;
    }
    if (f.kind == Frame::kHereSingle || f.kind == Frame::kHereDouble) {
      // The statement around a here-string is read around the whole
      // here-string: before its @, and after its terminator.
      p.body_begin = f.body_begin;
      before_end_[index] = f.opened_at;
      f.placeholders.push_back(index);
    }
  }

  void EndHereString(FrameState& f, size_t body_end, size_t after) {
    for (size_t index : f.placeholders) {
      out_[index].body_end = body_end;
      after_begin_[index] = after;
    }
  }

  // $ at i: a subexpression, a braced variable name, or a variable.
  size_t Sigil(size_t i, size_t limit) {
    last_dollar_ = i;
    if (i + 1 < limit && text_[i + 1] == '(') {
      frames_.push_back(FrameState::Subexpression(i + 2));
      return i + 2;
    }
    if (i + 1 < limit && text_[i + 1] == '{') {
      frames_.push_back(FrameState(Frame::kBracedVariable));
      return i + 2;
    }
    sigil_ = true;
    return i + 1;
  }

  // @ followed by a quote at i + 1 (of length q): a here-string header,
  // which must end its line.
  size_t HereHeader(size_t i, size_t q, bool single, size_t limit) {
    size_t j = i + 1 + q;
    while (j < limit && IsBlank(text_[j])) ++j;
    size_t body = 0;
    if (j + 1 < limit && text_[j] == '\r' && text_[j + 1] == '\n') {
      body = j + 2;
    } else if (j < limit && (text_[j] == '\n' || text_[j] == '\r')) {
      body = j + 1;
    } else {
      // Text after the header (an error to PowerShell), or a placeholder
      // on its line: the lexer stops following the script.
      unknown_ = true;
      return j;
    }
    FrameState f(single ? Frame::kHereSingle : Frame::kHereDouble);
    f.opened_at = i;
    f.body_begin = body;
    frames_.push_back(std::move(f));
    return body;
  }

  // A line break at i inside a here-string: returns where the text goes on,
  // after the terminator when the next line starts with it.
  size_t HereLineBreak(size_t i, size_t limit, bool single) {
    size_t n = i + 1;
    if (text_[i] == '\r' && n < limit && text_[n] == '\n') ++n;
    const size_t q = single ? SingleQuoteAt(text_, n, limit) : DoubleQuoteAt(text_, n, limit);
    if (q > 0 && n + q < limit && text_[n + q] == '@') {
      EndHereString(Top(), i, n + q + 1);
      frames_.pop_back();
      return n + q + 1;
    }
    return n;
  }

  size_t Step(size_t i, size_t limit) {
    FrameState& f = Top();
    const char c = text_[i];
    switch (f.kind) {
      case Frame::kCode:
        return CodeStep(i, limit);
      case Frame::kSingle: {
        const size_t j = SkipTo(text_, i, limit, kSingleSpecial);
        if (j > i) return j;
        const size_t q = SingleQuoteAt(text_, i, limit);
        if (q == 0) return i + 1;
        const size_t q2 = SingleQuoteAt(text_, i + q, limit);
        if (q2 > 0) return i + q + q2;  // a doubled quote is one literal quote
        frames_.pop_back();
        return i + q;
      }
      case Frame::kDouble:
      case Frame::kHereDouble: {
        const bool here = f.kind == Frame::kHereDouble;
        if (!backtick_ && !sigil_) {
          const size_t j = SkipTo(text_, i, limit, here ? kHereDoubleSpecial : kDoubleSpecial);
          if (j > i) return j;
        }
        sigil_ = false;
        if (backtick_) {
          backtick_ = false;
          // Whether an escaped line break can end a here-string is not
          // something to rely on.
          if (here && (c == '\n' || c == '\r')) unknown_ = true;
          return i + 1;
        }
        if (c == '`') {
          backtick_ = true;
          return i + 1;
        }
        if (c == '$') return Sigil(i, limit);
        if (here) return c == '\n' || c == '\r' ? HereLineBreak(i, limit, false) : i + 1;
        const size_t q = DoubleQuoteAt(text_, i, limit);
        if (q == 0) return i + 1;
        const size_t q2 = DoubleQuoteAt(text_, i + q, limit);
        if (q2 > 0) return i + q + q2;
        frames_.pop_back();
        return i + q;
      }
      case Frame::kHereSingle: {
        const size_t j = SkipTo(text_, i, limit, kLineBreak);
        if (j > i) return j;
        return HereLineBreak(i, limit, true);
      }
      case Frame::kLineComment: {
        const size_t j = SkipTo(text_, i, limit, kLineBreak);
        if (j > i) return j;
        frames_.pop_back();
        return i;  // the line break is the code's
      }
      case Frame::kBlockComment: {
        const size_t j = SkipTo(text_, i, limit, kBlockCommentSpecial);
        if (j > i) return j;
        if (i + 1 < limit && text_[i + 1] == '>') {
          frames_.pop_back();
          return i + 2;
        }
        return i + 1;
      }
      case Frame::kBracedVariable: {
        if (!backtick_) {
          const size_t j = SkipTo(text_, i, limit, kBracedSpecial);
          if (j > i) return j;
        }
        if (backtick_) {
          backtick_ = false;
        } else if (c == '`') {
          backtick_ = true;
        } else {
          frames_.pop_back();  // }
        }
        return i + 1;
      }
    }
    return i + 1;
  }

  size_t CodeStep(size_t i, size_t limit) {
    FrameState& f = Top();
    if (verbatim_line_) {
      // After --% the line is the program's, unparsed.
      const size_t j = SkipTo(text_, i, limit, kLineBreak);
      if (j > i) return j;
      verbatim_line_ = false;
    }
    if (!backtick_ && !sigil_) {
      const size_t j = SkipTo(text_, i, limit, kCodeSpecial);
      if (j > i) return j;
    }
    const char c = text_[i];
    sigil_ = false;
    if (backtick_) {
      backtick_ = false;
      // `<CR><LF> continues the line as one.
      if (c == '\r' && i + 1 < limit && text_[i + 1] == '\n') return i + 2;
      return i + 1;
    }
    switch (c) {
      case '`':
        backtick_ = true;
        return i + 1;
      case '$':
        return Sigil(i, limit);
      case '@': {
        const size_t sq = SingleQuoteAt(text_, i + 1, limit);
        if (sq > 0) return HereHeader(i, sq, true, limit);
        const size_t dq = DoubleQuoteAt(text_, i + 1, limit);
        if (dq > 0) return HereHeader(i, dq, false, limit);
        if (i + 1 < limit && text_[i + 1] == '(') {
          frames_.push_back(FrameState::Subexpression(i + 2));
          return i + 2;
        }
        if (i + 1 < limit && text_[i + 1] == '{') return i + 1;  // a hashtable
        sigil_ = true;  // @name splats a variable
        return i + 1;
      }
      case '#':
        if (!TokenStartsAt(i)) {
          unknown_ = true;  // a comment in expression mode, text in argument mode
          return i + 1;
        }
        frames_.push_back(FrameState(Frame::kLineComment));
        Top().opened_at = i;
        Top().line_start = StartsLine(i);
        return i + 1;
      case '<':
        if (i + 1 < limit && text_[i + 1] == '#') {
          if (!TokenStartsAt(i)) {
            unknown_ = true;
            return i + 1;
          }
          frames_.push_back(FrameState(Frame::kBlockComment));
          return i + 2;
        }
        return i + 1;
      case '-':
        if (text_.substr(i, 3) == "--%" && i + 3 <= limit && TokenStartsAt(i) &&
            (i + 3 == text_.size() || IsBlank(text_[i + 3]) || text_[i + 3] == '\n' ||
             text_[i + 3] == '\r')) {
          verbatim_line_ = true;
          return i + 3;
        }
        return i + 1;
      case '\n':
      case '\r':
        // A line that ends in | goes on as the same pipeline.
        if (!EndsInPipe(f.statement_start, i)) f.statement_start = i + 1;
        return i + 1;
      // Parentheses stay in their statement: `[scriptblock]::Create({{v}})`
      // hands the value to Create.
      case '(':
        if (f.subexpression) ++f.parens;
        return i + 1;
      case ')':
        if (f.subexpression && --f.parens == 0) frames_.pop_back();
        return i + 1;
      case ';':
      case '{':
      case '}':
        f.statement_start = i + 1;
        return i + 1;
      default: {
        const size_t sq = SingleQuoteAt(text_, i, limit);
        if (sq > 0) {
          frames_.push_back(FrameState(Frame::kSingle));
          return i + sq;
        }
        const size_t dq = DoubleQuoteAt(text_, i, limit);
        if (dq > 0) {
          frames_.push_back(FrameState(Frame::kDouble));
          return i + dq;
        }
        return i + 1;
      }
    }
  }

  // Whether the last non-blank character of text[from, at) is |.
  bool EndsInPipe(size_t from, size_t at) const {
    while (at > from && (IsBlank(text_[at - 1]) || text_[at - 1] == '\r')) --at;
    return at > from && text_[at - 1] == '|';
  }

  // The end of the statement that goes on at `from`: its ; or the line
  // break that ends it (a line ending in |, or a next line starting with |,
  // continues it). kNone when it is not found within kMaxCommandBytes.
  size_t StatementEnd(size_t from) const {
    const size_t limit = std::min(text_.size(), from + kMaxCommandBytes);
    size_t last = from;  // just after the last non-blank character
    for (size_t i = from; i < limit; ++i) {
      const char c = text_[i];
      if (c == ';') return i;
      if (c == '\n' || c == '\r') {
        if (last > from && text_[last - 1] == '|') continue;
        size_t n = i + 1;
        while (n < limit && (IsBlank(text_[n]) || text_[n] == '\n' || text_[n] == '\r')) ++n;
        if (n < limit && text_[n] == '|') continue;
        return i;
      }
      if (!IsBlank(c)) last = i + 1;
    }
    return limit == text_.size() ? limit : kNone;
  }

  // Marks a placeholder kEvaluated when its statement runs text as code,
  // kUnknown when the statement is too long to read.
  void CheckStatement(size_t k) {
    using C = PowerShellContext;
    PowerShellPlaceholder& p = out_[k];
    if (!IsRenderable(p.context) || statement_start_[k] == kNone) return;
    const size_t start = statement_start_[k];
    const size_t before = before_end_[k];
    if (before < start || before - start > kMaxCommandBytes) {
      p.context = C::kUnknown;
      return;
    }
    const size_t end = StatementEnd(after_begin_[k]);
    if (end == kNone) {
      p.context = C::kUnknown;
      return;
    }
    if (p.context == C::kBare) {
      // `& {{v}}` and `. {{v}}` run the command the value names.
      size_t j = before;
      while (j > start && IsBlank(text_[j - 1])) --j;
      if (j > start && (text_[j - 1] == '&' ||
                        (text_[j - 1] == '.' && (j - 1 == start || IsBlank(text_[j - 2]))))) {
        p.context = C::kEvaluated;
        return;
      }
    }
    if (NamesAnEvaluator(text_, start, before, scan_.placeholders) ||
        NamesAnEvaluator(text_, after_begin_[k], end, scan_.placeholders)) {
      p.context = C::kEvaluated;
    }
  }

  std::string_view text_;
  const TemplateScan& scan_;
  std::vector<PowerShellPlaceholder> out_;
  // Per placeholder: where its statement began, where the text before it
  // ends (its offset, or a here-string's @) and where the statement goes
  // on after it (its end, or after the here-string's terminator).
  std::vector<size_t> statement_start_;
  std::vector<size_t> before_end_;
  std::vector<size_t> after_begin_;
  absl::InlinedVector<FrameState, 8> frames_;
  bool unknown_ = false;
  bool sigil_ = false;          // the previous character was $ or @ (a name follows)
  bool backtick_ = false;       // the previous character was an escaping backtick
  bool verbatim_line_ = false;  // after --%, up to the line's end
  size_t last_dollar_ = kNone;
  size_t placeholder_end_ = kNone;
};

}  // namespace

std::string_view PowerShellContextName(PowerShellContext c) {
  using C = PowerShellContext;
  switch (c) {
    case C::kBare: return "a bare argument or expression";
    case C::kSingleQuoted: return "inside single quotes";
    case C::kDoubleQuoted: return "inside double quotes";
    case C::kHereString: return "in a @'...'@ here-string";
    case C::kExpandableHereString: return "in a @\"...\"@ here-string";
    case C::kComment: return "in a comment";
    case C::kBlockComment: return "in a <# #> comment";
    case C::kAfterSigil: return "right after $ or @";
    case C::kAfterBacktick: return "right after a backtick";
    case C::kAfterVariable: return "right after a $name in a string, which the value would continue";
    case C::kBracedVariable: return "inside ${...}";
    case C::kDirective: return "right after #, where the value could write #requires";
    case C::kStopParsing: return "after --%, which passes the rest of the line unparsed";
    case C::kEvaluated:
      return "in a statement that runs text as code or chooses what runs (Invoke-Expression, "
             "Add-Type, [scriptblock]::Create, powershell, cmd, Start-Process, & or .)";
    case C::kUnknown: return "where the lexer cannot tell the context";
  }
  return "unknown";
}

bool IsRenderable(PowerShellContext c) {
  using C = PowerShellContext;
  switch (c) {
    case C::kBare:
    case C::kSingleQuoted:
    case C::kDoubleQuoted:
    case C::kHereString:
    case C::kExpandableHereString:
    case C::kComment:
    case C::kBlockComment:
      return true;
    default:
      return false;
  }
}

std::vector<PowerShellPlaceholder> PowerShellContexts(std::string_view content,
                                                      const TemplateScan& scan) {
  return Lexer(content, scan).Run();
}

}  // namespace params
}  // namespace runcheck
