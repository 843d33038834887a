#include "params/shell_context.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "params/internal/byte_scan.h"

namespace runcheck {
namespace params {
namespace {

enum class Frame : uint8_t {
  kCommand,    // the script, or the command inside $(...)
  kSingle,     // '...'
  kDouble,     // "..."
  kBackquote,  // `...`
  kParameter,  // ${...}
  kArithmetic, // $((...))
  kComment,    // # ... up to the line's end
};

struct FrameState {
  Frame kind;
  int parens = 0;  // kCommand inside $(: open parentheses; kArithmetic too
  bool substitution = false;  // kCommand: inside $(...)
  bool after_dollar = false;  // kSingle, kDouble: bash's $'...' / $"..."
  size_t command_start = 0;   // kCommand: where its current simple command began
};

struct HereDoc {
  std::string delimiter;
  bool strip_tabs = false;
  bool quoted = false;
  std::vector<size_t> placeholders;  // indexes into the result
  size_t command_start = 0;          // the command that reads the body
  size_t operator_at = 0;            // its `<<`
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

using internal::Bytes;
using internal::ByteSet;
using internal::Find;
using internal::kMaxCommandBytes;
using internal::SkipTo;

constexpr ByteSet kCommandSpecial = Bytes("\\'\"`$#()<\n;&|");
constexpr ByteSet kDoubleSpecial = Bytes("\\\"`$");
constexpr ByteSet kBodySpecial = Bytes("\\`$\n");
constexpr ByteSet kParameterSpecial = Bytes("{}'\"`\\$");
constexpr ByteSet kArithmeticSpecial = Bytes("()'\"`\\$");
constexpr ByteSet kBackquoteSpecial = Bytes("`\\");

// Characters that end a word (and so let `#` start a comment after them).
bool IsBreak(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
         c == '>' || c == '(' || c == ')';
}

// Whether the placeholder at `at` directly follows a parameter expansion
// without braces (`$name`, `$1`, `$#`...), which its value would continue:
// in "$x{{v}}" the value `y` makes the shell expand $xy, and zsh reads
// `[1]` or `:h` after $x as a subscript or a modifier. (Unquoted, the
// rendering starts with a quote, which ends the name.) Scans back over the
// name only, so the cost is bounded by the text since the last placeholder.
// `dollar` is the offset of the last unescaped $ the lexer read.
bool ContinuesParameter(std::string_view text, size_t at, size_t dollar) {
  size_t j = at;
  while (j > 0 && (absl::ascii_isalnum(static_cast<unsigned char>(text[j - 1])) || text[j - 1] == '_')) {
    --j;
  }
  if (j == at && j >= 2 && std::string_view("@*#?-$!").find(text[j - 1]) != std::string_view::npos &&
      j - 2 == dollar) {
    return true;  // a special parameter: zsh reads $#name as a length
  }
  return j < at && j > 0 && j - 1 == dollar;
}


// The words of the simple command that starts at `start`, split on
// unquoted blanks up to the first unquoted separator after `end`
// (approximate: the words only ever add refusals). Quote characters and
// backslashes are dropped, and so is each placeholder's text: its value may
// be empty, so `eval{{a}} {{b}}` is the command eval.
std::vector<std::string> CommandWords(std::string_view text, size_t start, size_t end,
                                      const std::vector<Placeholder>& placeholders) {
  const size_t limit = std::min(text.size(), start + kMaxCommandBytes);
  auto next = std::lower_bound(placeholders.begin(), placeholders.end(), start,
                               [](const Placeholder& p, size_t at) { return p.span.offset < at; });
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = start; i < limit && words.size() < 64;) {
    if (next != placeholders.end() && next->span.offset == i) {
      i += next->span.length;
      ++next;
      in_word = true;
      continue;
    }
    const char c = text[i];
    if (quote == 0 && (c == '\n' || c == ';' || c == '&' || c == '|') && i >= end) break;
    if (quote == 0 && (c == ' ' || c == '\t' || c == '\n')) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\\' && quote != '\'') {
      if (i + 1 < limit) word += text[i + 1];
      in_word = true;
      i += 2;
      continue;
    } else if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
      quote = quote == 0 ? c : 0;
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
    ++i;
  }
  if (in_word && words.size() < 64) words.push_back(std::move(word));
  return words;
}

bool IsAssignment(const std::string& w) {
  const size_t eq = w.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  for (size_t i = 0; i < eq; ++i) {
    const char c = w[i];
    if (!(c == '_' || absl::ascii_isalnum(static_cast<unsigned char>(c)) || (i > 0 && c == '['))) {
      return false;
    }
  }
  return true;
}

// Whether the placeholder at `at`, in the simple command that starts at
// `start`, is handed to something that evaluates it as code even though it
// arrives as one literal word (bash, ksh, zsh and mksh evaluate the operands
// of test's -eq and friends, of let, of declare -i, and array subscripts (in
// assignments, and in the names declare and read take), as
// arithmetic, which runs $(...) inside a[...]; eval, trap, . and a shell's
// -c run their argument; a shell or `eval` reading a here-document runs
// its body).
bool EvaluatesItsArguments(std::string_view text, size_t start, size_t at, ShellContext c,
                           const std::vector<Placeholder>& placeholders) {
  static const char* const kKeywords[] = {"if", "then", "else", "elif", "while", "until",
                                          "do", "!", "time", "{", "exec", "command",
                                          "builtin", "nohup", "env", "sudo"};
  static const char* const kEvaluate[] = {"eval", "let", "trap", ".", "source", "alias"};
  static const char* const kShells[] = {"sh", "bash", "dash", "zsh", "ksh", "ksh93", "mksh",
                                        "lksh", "posh", "yash", "busybox", "su", "ssh"};
  static const char* const kDeclare[] = {"declare", "typeset", "local", "readonly", "export",
                                         "integer"};
  static const char* const kTests[] = {"[", "test", "[["};
  // Commands whose arguments are variable names (`read a[$(id)]` runs id).
  static const char* const kTakeNames[] = {"read", "mapfile", "readarray", "getopts"};
  auto in = [](const std::string& w, const auto& list) {
    for (const char* x : list) {
      if (w == x) return true;
    }
    return false;
  };
  const std::vector<std::string> words = CommandWords(text, start, at, placeholders);
  size_t first = 0;
  while (first < words.size() && (in(words[first], kKeywords) || IsAssignment(words[first]))) {
    ++first;
  }
  // An array subscript being assigned: a[{{v}}]=x, in the word that holds
  // the placeholder.
  size_t word_begin = at;
  while (word_begin > start && text[word_begin - 1] != ' ' && text[word_begin - 1] != '\t' &&
         text[word_begin - 1] != '\n') {
    --word_begin;
  }
  const std::string_view prefix = text.substr(word_begin, at - word_begin);
  size_t name_end = 0;
  while (name_end < prefix.size() &&
         (prefix[name_end] == '_' || absl::ascii_isalnum(static_cast<unsigned char>(prefix[name_end])))) {
    ++name_end;
  }
  if (name_end > 0 && !absl::ascii_isdigit(static_cast<unsigned char>(prefix[0])) &&
      name_end < prefix.size() && prefix[name_end] == '[' &&
      prefix.find('=') == std::string_view::npos) {
    return true;  // name[...{{v}}
  }
  if (first >= words.size()) return false;
  std::string name = words[first];
  if (const size_t slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  const bool heredoc = c == ShellContext::kHereDoc || c == ShellContext::kQuotedHereDoc;
  if (in(name, kShells)) {
    if (heredoc) return true;
    for (size_t k = first + 1; k < words.size(); ++k) {
      if (words[k].size() > 1 && words[k][0] == '-' && words[k].find('c') != std::string::npos) {
        return true;
      }
    }
  }
  if (heredoc) return name == "eval" || name == "source" || name == ".";
  if (in(name, kEvaluate)) return true;
  if (in(name, kTakeNames)) return true;
  // declare and friends evaluate a name's subscript: a placeholder before
  // the `=` of its word (or in a word without one) stands in a name.
  if (in(name, kDeclare) && prefix.find('=') == std::string_view::npos &&
      (c == ShellContext::kUnquoted || c == ShellContext::kSingleQuoted ||
       c == ShellContext::kDoubleQuoted)) {
    return true;
  }
  if (name == "printf") {
    for (size_t k = first + 1; k < words.size(); ++k) {
      if (words[k] == "-v") return true;
    }
  }
  if (in(name, kDeclare) || in(name, kTests)) {
    for (size_t k = first + 1; k < words.size(); ++k) {
      const std::string& w = words[k];
      if (in(name, kDeclare) && w.size() > 1 && w[0] == '-' && w.find('i') != std::string::npos) {
        return true;
      }
      if (in(name, kTests) && (w == "-eq" || w == "-ne" || w == "-lt" || w == "-le" ||
                               w == "-gt" || w == "-ge")) {
        return true;
      }
    }
  }
  return false;
}

class Lexer {
 public:
  Lexer(std::string_view text, const TemplateScan& scan)
      : text_(text),
        scan_(scan),
        out_(scan.placeholders.size()),
        command_start_(scan.placeholders.size(), kNoCommand),
        command_at_(scan.placeholders.size(), 0) {
    frames_.push_back(FrameState{Frame::kCommand});
  }

  std::vector<ShellPlaceholder> Run() {
    size_t next = 0;  // the next placeholder
    size_t i = 0;
    auto next_offset = [&] {
      return next < out_.size() ? scan_.placeholders[next].span.offset : text_.size();
    };
    size_t at = next_offset();
    while (i < text_.size() && !unknown_) {
      if (i == at) {
        Placeholder(next);
        i += scan_.placeholders[next].span.length;
        ++next;
        at = next_offset();
        continue;
      }
      i = Step(i, at);
    }
    for (; next < out_.size(); ++next) out_[next].context = ShellContext::kUnknown;
    // A here-document body that runs to the end of the text ends there.
    if (in_body_) EndBody(text_.size());
    for (size_t k = 0; k < out_.size(); ++k) {
      if (!IsRenderable(out_[k].context) || command_start_[k] == kNoCommand) continue;
      const size_t command_at = command_at_[k];
      const size_t end = std::min(text_.size(), command_start_[k] + kMaxCommandBytes);
      if (command_at >= end ||
          (end < text_.size() &&
           text_.substr(command_at, end - command_at).find_first_of("\n;&|") ==
               std::string_view::npos)) {
        out_[k].context = ShellContext::kUnknown;  // a command too long to read
        continue;
      }
      if (EvaluatesItsArguments(text_, command_start_[k], command_at, out_[k].context,
                                scan_.placeholders)) {
        out_[k].context = ShellContext::kEvaluated;
      }
    }
    return std::move(out_);
  }

 private:
  FrameState& Top() { return frames_.back(); }

  // The innermost command frame (the bottom one is always a command).
  FrameState& InnermostCommand() {
    for (size_t k = frames_.size(); k-- > 1;) {
      if (frames_[k].kind == Frame::kCommand) return frames_[k];
    }
    return frames_.front();
  }

  void Placeholder(size_t index) {
    ShellPlaceholder& p = out_[index];
    command_start_[index] = InnermostCommand().command_start;
    command_at_[index] = scan_.placeholders[index].span.offset;
    if (reading_delimiter_) {
      p.context = ShellContext::kHereDocDelimiter;
      unknown_ = true;
      return;
    }
    if (in_body_) {
      HereDoc& h = pending_.front();
      p.context = expansion_in_line_ > 0 ? ShellContext::kUnknown
                  : h.quoted             ? ShellContext::kQuotedHereDoc
                  : dollar_              ? ShellContext::kAfterDollar
                  : escape_              ? ShellContext::kAfterBackslash
                  : ContinuesParameter(text_, scan_.placeholders[index].span.offset, last_dollar_)
                      ? ShellContext::kAfterParameter
                      : ShellContext::kHereDoc;
      p.delimiter = h.delimiter;
      p.strip_tabs = h.strip_tabs;
      command_start_[index] = h.command_start;
      command_at_[index] = h.operator_at;
      p.body_begin = body_begin_;
      h.placeholders.push_back(index);
      dollar_ = escape_ = false;
      line_may_end_body_ = false;
      return;
    }
    switch (Top().kind) {
      case Frame::kCommand:
        p.context = dollar_ ? ShellContext::kAfterDollar
                    : escape_ ? ShellContext::kAfterBackslash
                              : ShellContext::kUnquoted;
        word_start_ = false;
        break;
      case Frame::kSingle:  // $'...' reads backslash escapes in bash
        p.context = Top().after_dollar ? ShellContext::kAfterDollar : ShellContext::kSingleQuoted;
        break;
      case Frame::kDouble:
        p.context = dollar_ || Top().after_dollar ? ShellContext::kAfterDollar
                    : escape_ ? ShellContext::kAfterBackslash
                    : ContinuesParameter(text_, scan_.placeholders[index].span.offset, last_dollar_)
                        ? ShellContext::kAfterParameter
                        : ShellContext::kDoubleQuoted;
        break;
      case Frame::kBackquote:
        p.context = ShellContext::kBackquote;
        break;
      case Frame::kParameter:
        p.context = ShellContext::kParameter;
        break;
      case Frame::kArithmetic:
        p.context = ShellContext::kArithmetic;
        break;
      case Frame::kComment:
        // The first line's `#!` names the interpreter that runs the file.
        p.context = text_.size() >= 2 && text_[0] == '#' &&
                            (text_[1] == '!' || scan_.placeholders[index].span.offset == 1) &&
                            first_line_end_ > scan_.placeholders[index].span.offset
                        ? ShellContext::kInterpreterLine
                        : ShellContext::kComment;
        break;
    }
    dollar_ = escape_ = false;
  }

  // `$` at i in a command or "..." frame (or an unquoted here-document
  // body): what it opens. Returns the offset after what it consumed.
  size_t Dollar(size_t i, size_t placeholder) {
    last_dollar_ = i;
    const size_t n = i + 1;
    if (n < text_.size() && n != placeholder && text_[n] == '(') {
      if (n + 1 < text_.size() && n + 1 != placeholder && text_[n + 1] == '(') {
        frames_.push_back(FrameState{Frame::kArithmetic, 2});
        return n + 2;
      }
      frames_.push_back(FrameState{Frame::kCommand, 1, true, false, n + 1});
      word_start_ = true;
      return n + 1;
    }
    if (n < text_.size() && n != placeholder && text_[n] == '{') {
      frames_.push_back(FrameState{Frame::kParameter, 1});
      return n + 1;
    }
    dollar_ = true;
    return n;
  }

  bool InSubstitution() const {
    for (const FrameState& f : frames_) {
      if (f.kind == Frame::kCommand && f.substitution) return true;
    }
    return false;
  }

  // One step of the text at i (not a placeholder); returns the next offset.
  size_t Step(size_t i, size_t placeholder) {
    if (in_body_) return BodyStep(i, placeholder);
    if (reading_delimiter_) return DelimiterStep(i, placeholder);
    FrameState& f = Top();
    // Runs of bytes that change nothing, skipped at once.
    if (!escape_ && !dollar_) {
      size_t j = i;
      switch (f.kind) {
        case Frame::kSingle: j = Find(text_, i, placeholder, '\''); break;
        case Frame::kComment: j = Find(text_, i, placeholder, '\n'); break;
        case Frame::kDouble: j = SkipTo(text_, i, placeholder, kDoubleSpecial); break;
        case Frame::kParameter: j = SkipTo(text_, i, placeholder, kParameterSpecial); break;
        case Frame::kArithmetic: j = SkipTo(text_, i, placeholder, kArithmeticSpecial); break;
        case Frame::kBackquote: j = SkipTo(text_, i, placeholder, kBackquoteSpecial); break;
        case Frame::kCommand:
          // (Not inside $(...): its words are read one by one for `case`.)
          // Separators (; & |) only start a new simple command: taken here,
          // in the same loop, since scripts hold many.
          if (!f.substitution) {
            while (true) {
              const size_t from = j;
              j = SkipTo(text_, j, placeholder, kCommandSpecial);
              if (j > from) word_start_ = IsBreak(text_[j - 1]);
              if (j >= placeholder || (text_[j] != ';' && text_[j] != '&' && text_[j] != '|')) {
                break;
              }
              f.command_start = j + 1;
              word_start_ = true;
              ++j;
            }
          }
          break;
      }
      if (j > i) return j;
    }
    const char c = text_[i];
    const bool dollar = dollar_;
    dollar_ = false;
    switch (f.kind) {
      case Frame::kSingle:
        if (c == '\'') frames_.pop_back();
        return i + 1;
      case Frame::kComment:
        if (c == '\n') {
          frames_.pop_back();
          return Newline(i);
        }
        return i + 1;
      case Frame::kBackquote:
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == '`') {
          frames_.pop_back();
        }
        return i + 1;
      case Frame::kParameter:
        if (c == '\'' || c == '"' || c == '`' || c == '\\' || (c == '$' && i + 1 < text_.size() &&
                                                              text_[i + 1] == '(')) {
          unknown_ = true;
        } else if (c == '{') {
          ++f.parens;
        } else if (c == '}' && --f.parens == 0) {
          frames_.pop_back();
        }
        return i + 1;
      case Frame::kArithmetic:
        if (c == '\'' || c == '"' || c == '`' || c == '\\' || c == '$') {
          unknown_ = true;
        } else if (c == '(') {
          ++f.parens;
        } else if (c == ')' && --f.parens == 0) {
          frames_.pop_back();
        }
        return i + 1;
      case Frame::kDouble:
        if (escape_) {
          escape_ = false;
          return i + 1;
        }
        if (c == '\\') {
          escape_ = true;
        } else if (c == '"') {
          frames_.pop_back();
        } else if (c == '`') {
          frames_.push_back(FrameState{Frame::kBackquote});
        } else if (c == '$') {
          return Dollar(i, placeholder);
        }
        return i + 1;
      case Frame::kCommand:
        break;
    }
    // A command frame.
    if (escape_) {  // the character is literal (a newline: a line continuation)
      escape_ = false;
      word_start_ = false;
      return i + 1;
    }
    const bool at_word_start = word_start_;
    word_start_ = IsBreak(c);
    switch (c) {
      case '\\':
        escape_ = true;
        return i + 1;
      case '\'':
        frames_.push_back(FrameState{Frame::kSingle, 0, false, dollar});
        return i + 1;
      case '"':
        frames_.push_back(FrameState{Frame::kDouble, 0, false, dollar});
        return i + 1;
      case '`':
        frames_.push_back(FrameState{Frame::kBackquote});
        return i + 1;
      case '$':
        return Dollar(i, placeholder);
      case '#':
        if (at_word_start) frames_.push_back(FrameState{Frame::kComment});
        return i + 1;
      case '(':
        // `((` where a word starts: bash's, ksh's and zsh's arithmetic
        // command, which evaluates its text like $((...)).
        if (at_word_start && i + 1 < text_.size() && i + 1 != placeholder && text_[i + 1] == '(') {
          frames_.push_back(FrameState{Frame::kArithmetic, 2});
          return i + 2;
        }
        if (f.substitution) ++f.parens;
        f.command_start = i + 1;
        return i + 1;
      case ';':
      case '&':
      case '|':
        f.command_start = i + 1;
        return i + 1;
      case ')':
        f.command_start = i + 1;
        if (f.substitution && --f.parens == 0) {
          frames_.pop_back();
          word_start_ = false;
        }
        return i + 1;
      case '<':
        if (i + 1 < text_.size() && i + 1 != placeholder && text_[i + 1] == '<') {
          if (frames_.size() != 1) {  // a here-document inside $(...)
            unknown_ = true;
            return i + 2;
          }
          size_t j = i + 2;
          HereDoc h;
          if (j < text_.size() && j != placeholder && text_[j] == '-') {
            h.strip_tabs = true;
            ++j;
          }
          h.command_start = f.command_start;
          h.operator_at = i;
          pending_.push_back(std::move(h));
          reading_delimiter_ = true;
          delimiter_started_ = false;
          delimiter_quote_ = 0;
          return j;
        }
        return i + 1;
      case '\n':
        return Newline(i);
      default:
        if (at_word_start && InSubstitution() && text_.substr(i, 4) == "case" &&
            (i + 4 >= text_.size() || IsBreak(text_[i + 4]))) {
          unknown_ = true;
        }
        return i + 1;
    }
  }

  // An unquoted newline in the top command frame: here-document bodies
  // begin on the next line.
  size_t Newline(size_t i) {
    word_start_ = true;
    InnermostCommand().command_start = i + 1;
    if (frames_.size() == 1 && !pending_.empty()) BeginBody(i + 1);
    return i + 1;
  }

  // The word after `<<` (or `<<-`): quotes in it make the body verbatim.
  size_t DelimiterStep(size_t i, size_t placeholder) {
    HereDoc& h = pending_.back();
    const char c = text_[i];
    if (delimiter_quote_ != 0) {
      if (c == delimiter_quote_) {
        delimiter_quote_ = 0;
      } else if (c == '\n') {
        unknown_ = true;
      } else {
        h.delimiter += c;
      }
      return i + 1;
    }
    if (!delimiter_started_ && IsBlank(c)) return i + 1;
    if (IsBreak(c)) {
      reading_delimiter_ = false;
      if (!delimiter_started_) unknown_ = true;  // `<<` and no word
      return i;  // the break is the command's again
    }
    delimiter_started_ = true;
    if (c == '\'' || c == '"') {
      h.quoted = true;
      delimiter_quote_ = c;
    } else if (c == '\\') {
      h.quoted = true;
      if (i + 1 < text_.size() && i + 1 != placeholder) h.delimiter += text_[i + 1];
      return i + 2;
    } else if (c == '$' || c == '`') {
      unknown_ = true;  // an expansion in a delimiter
    } else {
      h.delimiter += c;
    }
    return i + 1;
  }

  void BeginBody(size_t at) {
    in_body_ = true;
    body_begin_ = at;
    line_start_ = at;
    line_may_end_body_ = true;
    expansion_in_line_ = 0;
    dollar_ = escape_ = false;
  }

  // Placeholders of the body get its end; the next pending body, if any,
  // begins at `next`.
  void EndBody(size_t end) {
    for (size_t index : pending_.front().placeholders) out_[index].body_end = end;
    pending_.pop_front();
    in_body_ = false;
  }

  size_t BodyStep(size_t i, size_t placeholder) {
    const HereDoc& h = pending_.front();
    if (!escape_ && !dollar_) {  // runs that change nothing
      const size_t j = h.quoted ? Find(text_, i, placeholder, '\n')
                       : expansion_in_line_ == 0 ? SkipTo(text_, i, placeholder, kBodySpecial)
                                                 : i;
      if (j > i) {
        // A byte on the line: it is the delimiter line only if the whole
        // line matches, which the check at its LF decides.
        return j;
      }
    }
    const char c = text_[i];
    if (c == '\n') {
      if (line_may_end_body_ && IsDelimiterLine(line_start_, i, h)) {
        EndBody(line_start_);
        if (!pending_.empty()) {
          BeginBody(i + 1);
        } else {
          word_start_ = true;
        }
        return i + 1;
      }
      if (expansion_in_line_ > 0) unknown_ = true;
      line_start_ = i + 1;
      line_may_end_body_ = true;
      dollar_ = escape_ = false;
      return i + 1;
    }
    if (h.quoted) return i + 1;
    // An unquoted body: \ $ ` are special.
    if (escape_) {
      escape_ = false;
      return i + 1;
    }
    dollar_ = false;
    if (c == '\\') {
      escape_ = true;
    } else if (c == '`') {
      expansion_in_line_ += expansion_in_line_ > 0 && backquote_open_ ? -1 : 1;
      backquote_open_ = !backquote_open_;
    } else if (c == '$') {
      last_dollar_ = i;
      if (i + 1 < text_.size() && i + 1 != placeholder &&
          (text_[i + 1] == '(' || text_[i + 1] == '{')) {
        ++expansion_in_line_;
        return i + 2;
      }
      dollar_ = true;
    } else if ((c == ')' || c == '}') && expansion_in_line_ > 0 && !backquote_open_) {
      --expansion_in_line_;
    } else if ((c == '(' || c == '{') && expansion_in_line_ > 0 && !backquote_open_) {
      ++expansion_in_line_;
    }
    return i + 1;
  }

  // Whether text[begin, end) is the delimiter line (tabs stripped for <<-).
  bool IsDelimiterLine(size_t begin, size_t end, const HereDoc& h) const {
    if (h.strip_tabs) {
      while (begin < end && text_[begin] == '\t') ++begin;
    }
    return text_.substr(begin, end - begin) == h.delimiter;
  }

  std::string_view text_;
  const TemplateScan& scan_;
  const size_t first_line_end_ = text_.find('\n');  // npos: one line
  std::vector<ShellPlaceholder> out_;
  static constexpr size_t kNoCommand = ~size_t{0};
  // Per placeholder: where its simple command began (for the heredoc
  // contexts, the command that reads the body).
  std::vector<size_t> command_start_;
  // Per placeholder: where in that command it stands (for here-documents,
  // the `<<`).
  std::vector<size_t> command_at_;
  absl::InlinedVector<FrameState, 16> frames_;  // the nesting; usually shallow
  std::deque<HereDoc> pending_;
  bool unknown_ = false;
  bool escape_ = false;      // the previous character was an unquoted backslash
  bool dollar_ = false;      // the previous character was an unquoted $
  size_t last_dollar_ = std::string_view::npos;  // the last unescaped $ read
  bool word_start_ = true;   // command frame: at the start of a word
  bool reading_delimiter_ = false;
  bool delimiter_started_ = false;
  char delimiter_quote_ = 0;
  bool in_body_ = false;
  size_t body_begin_ = 0;
  size_t line_start_ = 0;
  bool line_may_end_body_ = true;  // no placeholder on this line yet
  int expansion_in_line_ = 0;
  bool backquote_open_ = false;
};

}  // namespace

std::string_view ShellContextName(ShellContext c) {
  switch (c) {
    case ShellContext::kUnquoted: return "an unquoted word";
    case ShellContext::kSingleQuoted: return "inside single quotes";
    case ShellContext::kDoubleQuoted: return "inside double quotes";
    case ShellContext::kHereDoc: return "in a here-document body";
    case ShellContext::kQuotedHereDoc: return "in a quoted here-document body";
    case ShellContext::kComment: return "in a comment";
    case ShellContext::kAfterDollar: return "right after $";
    case ShellContext::kAfterBackslash: return "right after a backslash";
    case ShellContext::kAfterParameter:
      return "right after a $name expansion, which the value would continue";
    case ShellContext::kInterpreterLine: return "on the #! line, which names the interpreter";
    case ShellContext::kParameter: return "inside ${...}";
    case ShellContext::kArithmetic: return "inside $((...))";
    case ShellContext::kBackquote: return "inside backquotes";
    case ShellContext::kHereDocDelimiter: return "in a here-document delimiter";
    case ShellContext::kEvaluated:
      return "in a command that evaluates its arguments as code (test's -eq, let, "
             "declare -i, an array subscript, eval, a shell's -c or a shell reading the "
             "here-document)";
    case ShellContext::kUnknown: return "where the lexer cannot tell the context";
  }
  return "unknown";
}

bool IsRenderable(ShellContext c) {
  switch (c) {
    case ShellContext::kUnquoted:
    case ShellContext::kSingleQuoted:
    case ShellContext::kDoubleQuoted:
    case ShellContext::kHereDoc:
    case ShellContext::kQuotedHereDoc:
    case ShellContext::kComment:
      return true;
    default:
      return false;
  }
}

std::vector<ShellPlaceholder> PosixShellContexts(std::string_view content,
                                                 const TemplateScan& scan) {
  return Lexer(content, scan).Run();
}

}  // namespace params
}  // namespace runcheck
