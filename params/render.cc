#include "params/render.h"

#include <algorithm>

#include "params/cmd_context.h"
#include "params/powershell_context.h"
#include "params/shell_context.h"
#include "core/ascii.h"
#include "core/utf8.h"

namespace runcheck {
namespace params {

// Where one placeholder stands, in the script language being rendered.
struct RenderPlan::Slot {
  bool renderable = true;
  std::string_view name;  // refused contexts: what the detail says
  ShellContext posix = ShellContext::kUnquoted;
  PowerShellContext powershell = PowerShellContext::kBare;
  CmdContext cmd = CmdContext::kOutsideQuotes;
  bool for_body = false;  // cmd: in a for command's body
  // A body (POSIX here-document, PowerShell here-string): its extent in
  // the template, and for POSIX its delimiter and <<-.
  bool has_body = false;
  size_t body_begin = 0;
  size_t body_end = 0;
  std::string delimiter;
  bool strip_tabs = false;
};

namespace {

using Entry = std::pair<std::string, std::string>;

bool KeyLess(const Entry& e, const std::string& key) { return e.first < key; }

// PowerShell's single-quote characters: ' U+2018 U+2019 U+201A U+201B.
size_t PowerShellQuoteLength(std::string_view s) {
  if (s[0] == '\'') return 1;
  if (s.size() >= 3 && s[0] == '\xE2' && s[1] == '\x80' &&
      (s[2] == '\x98' || s[2] == '\x99' || s[2] == '\x9A' || s[2] == '\x9B')) {
    return 3;
  }
  return 0;
}

std::optional<std::string> Refuse(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return std::nullopt;
}

// NUL fits in no script; invalid UTF-8 is refused where a lenient decoder
// could read an overlong form as a quote (PowerShell, cmd).
std::optional<std::string> CheckText(std::string_view value, bool utf8, std::string* why) {
  if (value.find('\0') != std::string_view::npos) {
    return Refuse(why, "the value holds a NUL byte");
  }
  if (utf8) {
    const core::Utf8Facts f = core::ScanUtf8(value);
    if (!f.valid) {
      return Refuse(why, "the value is not valid UTF-8 at byte " +
                             std::to_string(f.first_invalid));
    }
  }
  return std::string();
}

// `value` with `escape` written before each byte of `specials` (and before
// each typographic double quote when `typographic_double` is set).
std::string EscapeBefore(std::string_view value, std::string_view specials, char escape,
                         bool typographic_double = false) {
  std::string out;
  out.reserve(value.size() + 8);
  for (size_t i = 0; i < value.size(); ++i) {
    const char ch = value[i];
    if (specials.find(ch) != std::string_view::npos ||
        (typographic_double && ch == '\xE2' && i + 2 < value.size() && value[i + 1] == '\x80' &&
         value[i + 2] >= '\x9C' && value[i + 2] <= '\x9E')) {
      out += escape;
    }
    out += ch;
  }
  return out;
}

// `value` with each PowerShell single-quote character doubled.
std::string DoublePowerShellQuotes(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (size_t i = 0; i < value.size();) {
    const size_t q = PowerShellQuoteLength(value.substr(i));
    if (q > 0) {
      out.append(value.substr(i, q));  // doubled: one literal quote
      out.append(value.substr(i, q));
      i += q;
    } else {
      out += value[i++];
    }
  }
  return out;
}

using Context = RenderPlan::Slot;


std::vector<Context> ContextsOf(std::string_view content, const TemplateScan& scan,
                                Quoting quoting) {
  std::vector<Context> out;
  switch (quoting) {
    case Quoting::kRaw:
      break;
    case Quoting::kPosixShell:
      for (ShellPlaceholder& p : PosixShellContexts(content, scan)) {
        Context c;
        c.renderable = IsRenderable(p.context);
        c.name = ShellContextName(p.context);
        c.posix = p.context;
        c.has_body = p.context == ShellContext::kHereDoc ||
                     p.context == ShellContext::kQuotedHereDoc;
        c.body_begin = p.body_begin;
        c.body_end = p.body_end;
        c.delimiter = std::move(p.delimiter);
        c.strip_tabs = p.strip_tabs;
        out.push_back(std::move(c));
      }
      break;
    case Quoting::kPowerShell:
      for (const PowerShellPlaceholder& p : PowerShellContexts(content, scan)) {
        Context c;
        c.renderable = IsRenderable(p.context);
        c.name = PowerShellContextName(p.context);
        c.powershell = p.context;
        c.has_body = p.context == PowerShellContext::kHereString ||
                     p.context == PowerShellContext::kExpandableHereString;
        c.body_begin = p.body_begin;
        c.body_end = p.body_end;
        out.push_back(std::move(c));
      }
      break;
    case Quoting::kCmd:
      for (const CmdPlaceholder& p : CmdContexts(content, scan)) {
        Context c;
        c.renderable = IsRenderable(p.context);
        c.name = CmdContextName(p.context);
        c.cmd = p.context;
        c.for_body = p.for_body;
        out.push_back(std::move(c));
      }
      break;
  }
  return out;
}

// A value for a POSIX shell placeholder in a renderable context `c`: text
// that the shell reads back as exactly the value, in that context.
std::optional<std::string> QuotePosixValue(std::string_view value, const Context& c,
                                           std::string* why) {
  if (!CheckText(value, false, why)) return std::nullopt;
  switch (c.posix) {
    case ShellContext::kUnquoted:
      return QuoteValue(value, Quoting::kPosixShell, why);
    case ShellContext::kSingleQuoted: {
      std::string out;
      out.reserve(value.size() + 8);
      for (char ch : value) {
        if (ch == '\'') {
          out += "'\\''";
        } else {
          out += ch;
        }
      }
      return out;
    }
    case ShellContext::kDoubleQuoted:
      return EscapeBefore(value, "$`\"\\", '\\');
    case ShellContext::kHereDoc:
    case ShellContext::kQuotedHereDoc:
      // `<<-` strips the leading tabs of every body line, the value's too.
      if (c.strip_tabs && value.find("\n\t") != std::string_view::npos) {
        return Refuse(why, "has a line starting with a tab, which <<- would strip");
      }
      if (c.posix == ShellContext::kQuotedHereDoc) return std::string(value);
      return EscapeBefore(value, "$`\\", '\\');
    case ShellContext::kComment:
      if (value.find('\n') != std::string_view::npos) {
        return Refuse(why, "holds a line break, which would end the comment");
      }
      return std::string(value);
    default:
      return Refuse(why, "cannot be made literal here");
  }
}

// The same for PowerShell.
std::optional<std::string> QuotePowerShellValue(std::string_view value, const Context& c,
                                                std::string* why) {
  if (!CheckText(value, true, why)) return std::nullopt;
  switch (c.powershell) {
    case PowerShellContext::kBare:
      return QuoteValue(value, Quoting::kPowerShell, why);
    case PowerShellContext::kSingleQuoted:
      return DoublePowerShellQuotes(value);
    case PowerShellContext::kDoubleQuoted:
    case PowerShellContext::kExpandableHereString:
      // A backtick makes the next character literal: $ no longer expands,
      // ` no longer escapes, a quote no longer ends the string.
      return EscapeBefore(value, "$`\"", '`', /*typographic_double=*/true);
    case PowerShellContext::kHereString:
      return std::string(value);
    case PowerShellContext::kComment:
      if (value.find_first_of("\r\n") != std::string_view::npos) {
        return Refuse(why, "holds a line break, which would end the comment");
      }
      return std::string(value);
    case PowerShellContext::kBlockComment:
      if (value.find("#>") != std::string_view::npos || (!value.empty() && value[0] == '>') ||
          (!value.empty() && value.back() == '#')) {
        return Refuse(why, "could write #>, which would end the comment");
      }
      return std::string(value);
    default:
      return Refuse(why, "cannot be made literal here");
  }
}

// The same for cmd.
std::optional<std::string> QuoteCmdValue(std::string_view value, const Context& c,
                                         std::string* why) {
  if (c.for_body && value.find('%') != std::string_view::npos) {
    return Refuse(why, "holds %, which a for command's body reads as a loop variable");
  }
  std::optional<std::string> quoted = QuoteValue(value, Quoting::kCmd, why);
  if (!quoted || c.cmd == CmdContext::kOutsideQuotes) return quoted;
  // Inside the author's quotes: the same text without its own quotes.
  return quoted->substr(1, quoted->size() - 2);
}

std::optional<std::string> QuoteIn(std::string_view value, Quoting quoting, const Context& c,
                                   std::string* why) {
  switch (quoting) {
    case Quoting::kPosixShell: return QuotePosixValue(value, c, why);
    case Quoting::kPowerShell: return QuotePowerShellValue(value, c, why);
    case Quoting::kCmd: return QuoteCmdValue(value, c, why);
    case Quoting::kRaw: break;
  }
  return std::string(value);
}

// Whether a line of rendered[begin, end) would end the body early: a POSIX
// here-document's delimiter line (leading tabs stripped for <<-), or a line
// of a PowerShell here-string that starts (after blanks) with a quote
// character and @. The body's last line may end at `end` without a line
// break only when the text ends there (an unterminated body): it counts
// as a line too.
bool BodyEndsEarly(std::string_view rendered, size_t begin, size_t end, Quoting quoting,
                   const Context& c) {
  const bool powershell = quoting == Quoting::kPowerShell;
  const std::string_view breaks = powershell ? std::string_view("\r\n") : std::string_view("\n");
  while (begin < end) {
    size_t line_end = rendered.find_first_of(breaks, begin);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    size_t b = begin;
    if (powershell) {
      while (b < line_end && (rendered[b] == ' ' || rendered[b] == '\t')) ++b;
      const std::string_view line = rendered.substr(b, line_end - b);
      const size_t q = line.empty()                                  ? 0
                       : line[0] == '\'' || line[0] == '"'            ? 1
                       : line.size() >= 3 && line[0] == '\xE2' && line[1] == '\x80' &&
                               line[2] >= '\x98' && line[2] <= '\x9E'
                           ? 3
                           : 0;
      if (q > 0 && line.size() > q && line[q] == '@') return true;
    } else {
      if (c.strip_tabs) {
        while (b < line_end && rendered[b] == '\t') ++b;
      }
      if (rendered.substr(b, line_end - b) == c.delimiter) return true;
    }
    if (line_end >= end) break;
    begin = line_end + 1;
  }
  return false;
}

}  // namespace

ParameterValues ParameterValues::FromPairs(const std::vector<ParameterPair>& pairs) {
  ParameterValues v;
  for (const ParameterPair& p : pairs) {
    if (p.value_is_string) v.Set(p.key, std::string(p.value));
  }
  return v;
}

void ParameterValues::Set(std::string_view name, std::string value) {
  std::string key = core::ToLowerAscii(name);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key, KeyLess);
  if (it != entries_.end() && it->first == key) {
    it->second = std::move(value);
  } else {
    entries_.emplace(it, std::move(key), std::move(value));
  }
}

const std::string* ParameterValues::Find(std::string_view name) const {
  // Keys are stored lower-cased, so comparing ignoring case keeps the order.
  auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const Entry& e, std::string_view n) {
                               return core::CompareIgnoreCase(e.first, n) < 0;
                             });
  return it != entries_.end() && core::EqualsIgnoreCase(it->first, name) ? &it->second : nullptr;
}

std::optional<std::string> QuoteValue(std::string_view value, Quoting quoting,
                                      std::string* why) {
  if (quoting == Quoting::kRaw) return std::string(value);
  if (value.find('\0') != std::string_view::npos) {
    return Refuse(why, "the value holds a NUL byte");
  }
  std::string out;
  out.reserve(value.size() + 2);
  switch (quoting) {
    case Quoting::kRaw:
      break;
    case Quoting::kPosixShell:
      out += '\'';
      for (char c : value) {
        if (c == '\'') {
          out += "'\\''";
        } else {
          out += c;
        }
      }
      out += '\'';
      break;
    case Quoting::kPowerShell: {
      const core::Utf8Facts f = core::ScanUtf8(value);
      if (!f.valid) {
        return Refuse(why, "the value is not valid UTF-8 at byte " +
                               std::to_string(f.first_invalid));
      }
      out += '\'';
      for (size_t i = 0; i < value.size();) {
        const size_t q = PowerShellQuoteLength(value.substr(i));
        if (q > 0) {
          out.append(value.substr(i, q));  // doubled: one literal quote
          out.append(value.substr(i, q));
          i += q;
        } else {
          out += value[i++];
        }
      }
      out += '\'';
      break;
    }
    case Quoting::kCmd: {
      const core::Utf8Facts f = core::ScanUtf8(value, /*allow_tab_lf_cr=*/false);
      if (!f.valid) {
        return Refuse(why, "the value is not valid UTF-8 at byte " +
                               std::to_string(f.first_invalid));
      }
      out += '"';
      for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '!' || c == '^') {
          return Refuse(why, std::string("cmd cannot quote '") + c +
                                 "' safely (byte " + std::to_string(i) + ")");
        }
        if ((u < 0x20 && c != '\t') || u == 0x7F) {
          return Refuse(why, "cmd cannot hold control byte " +
                                 std::to_string(u) + " (byte " +
                                 std::to_string(i) + ")");
        }
        if (c == '%') out += '%';
        out += c;
      }
      out += '"';
      break;
    }
  }
  return out;
}

RenderPlan::RenderPlan(std::string_view content, const TemplateScan& scan, Quoting quoting)
    : quoting_(quoting), slots_(ContextsOf(content, scan, quoting)) {}
RenderPlan::~RenderPlan() = default;
RenderPlan::RenderPlan(const RenderPlan&) = default;
RenderPlan::RenderPlan(RenderPlan&&) noexcept = default;
RenderPlan& RenderPlan::operator=(const RenderPlan&) = default;
RenderPlan& RenderPlan::operator=(RenderPlan&&) noexcept = default;

size_t RenderPlan::size() const { return slots_.size(); }

bool RenderPlan::IsRenderable(size_t k) const {
  return k >= slots_.size() || slots_[k].renderable;
}

std::string_view RenderPlan::ContextName(size_t k) const {
  return k < slots_.size() ? slots_[k].name : std::string_view();
}

Rendered Render(std::string_view content, const TemplateScan& scan,
                const RenderOptions& options) {
  return Render(content, scan, RenderPlan(content, scan, options.quoting), options);
}

Rendered Render(std::string_view content, const TemplateScan& scan, const RenderPlan& plan,
                const RenderOptions& options) {
  Rendered r;
  const Quoting quoting = plan.quoting();
  auto fail = [&](RenderError::Kind kind, const Placeholder& p, std::string detail) {
    r.script.clear();
    r.error = RenderError{kind, p.span, std::move(detail)};
    return r;
  };
  r.script.reserve(content.size());
  // Each placeholder's context decides its quoting, or its refusal.
  const std::vector<Context>& contexts = plan.slots_;
  const bool lexed = !contexts.empty();
  // (template end of a placeholder, rendered minus template length so far)
  std::vector<std::pair<size_t, int64_t>> shifts;
  size_t pos = 0;
  for (size_t k = 0; k < scan.placeholders.size(); ++k) {
    const Placeholder& p = scan.placeholders[k];
    r.script.append(content.substr(pos, p.span.offset - pos));
    pos = p.span.offset + p.span.length;
    const std::string_view written = content.substr(p.span.offset, p.span.length);
    const size_t rendered_start = r.script.size();
    if (lexed && !contexts[k].renderable &&
        !(p.kind == Placeholder::kParameterStore && !options.resolve_store)) {
      return fail(RenderError::kUnsafeContext, p,
                  std::string(written) + " stands " + std::string(contexts[k].name) +
                      ", where no value can be made literal; move it to a bare word or "
                      "into quotes");
    }
    std::optional<std::string> value;
    switch (p.kind) {
      case Placeholder::kUser: {
        const std::string* v =
            options.user != nullptr ? options.user->Find(p.name) : nullptr;
        value = v != nullptr ? *v : std::string();
        break;
      }
      case Placeholder::kBuiltin: {
        const std::string* v =
            options.builtins != nullptr ? options.builtins->Find(p.name) : nullptr;
        if (v == nullptr) {
          return fail(RenderError::kMissingBuiltin, p,
                      "no value for built-in ACS::" + std::string(p.name));
        }
        value = *v;
        break;
      }
      case Placeholder::kParameterStore: {
        if (!options.resolve_store) {
          r.script.append(written);
          shifts.emplace_back(pos, shifts.empty() ? 0 : shifts.back().second);
          continue;
        }
        value = options.resolve_store(p.name, p.secret);
        if (!value) {
          return fail(RenderError::kUnresolvedReference, p,
                      "the parameter store has no value for " + std::string(p.name));
        }
        break;
      }
    }
    std::string why;
    const std::optional<std::string> quoted =
        lexed ? QuoteIn(*value, quoting, contexts[k], &why)
              : QuoteValue(*value, quoting, &why);
    if (!quoted) {
      return fail(RenderError::kUnsafeValue, p,
                  "the value of " + std::string(written) + " " + why);
    }
    r.script.append(*quoted);
    const int64_t before = shifts.empty() ? 0 : shifts.back().second;
    shifts.emplace_back(pos, before + static_cast<int64_t>(r.script.size() - rendered_start) -
                                 static_cast<int64_t>(p.span.length));
  }
  r.script.append(content.substr(pos));
  // No line of a here-document or here-string body may end it early. Body
  // bounds lie in template text, so they map to the script by the shifts
  // of the placeholders before them.
  auto rendered_offset = [&](size_t t) {
    auto it = std::upper_bound(shifts.begin(), shifts.end(), t,
                               [](size_t v, const std::pair<size_t, int64_t>& e) {
                                 return v < e.first;
                               });
    return static_cast<size_t>(static_cast<int64_t>(t) +
                               (it == shifts.begin() ? 0 : std::prev(it)->second));
  };
  size_t checked_body = std::string_view::npos;
  for (size_t k = 0; k < contexts.size(); ++k) {
    const Context& c = contexts[k];
    if (!c.has_body || c.body_begin == checked_body) continue;
    checked_body = c.body_begin;
    if (BodyEndsEarly(r.script, rendered_offset(c.body_begin), rendered_offset(c.body_end),
                      quoting, c)) {
      return fail(RenderError::kUnsafeValue, scan.placeholders[k],
                  "a value makes a line of the " +
                      std::string(quoting == Quoting::kPowerShell
                                      ? "here-string start with its terminator"
                                      : "here-document equal to its delimiter " + c.delimiter) +
                      ", which would end it early");
    }
  }
  return r;
}

int64_t SubstitutedSize(std::string_view content, const TemplateScan& scan,
                        const ParameterValues& user) {
  int64_t size = static_cast<int64_t>(content.size());
  for (const Placeholder& p : scan.placeholders) {
    if (p.kind != Placeholder::kUser) continue;
    const std::string* v = user.Find(p.name);
    size += (v != nullptr ? static_cast<int64_t>(v->size()) : 0) -
            static_cast<int64_t>(p.span.length);
  }
  return size;
}

}  // namespace params
}  // namespace runcheck
