#include "params/render.h"

#include <algorithm>

#include "params/shell_context.h"
#include "rules/ascii.h"
#include "rules/utf8.h"

namespace runcheck {
namespace params {
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

// A value for a POSIX shell placeholder in context `c` (IsRenderable(c)):
// text that the shell reads back as exactly the value, in that context.
std::optional<std::string> QuotePosixValue(std::string_view value, ShellContext c,
                                           std::string* why) {
  if (value.find('\0') != std::string_view::npos) {
    return Refuse(why, "the value holds a NUL byte");
  }
  std::string out;
  out.reserve(value.size() + 8);
  auto escape_with_backslash = [&](std::string_view specials) {
    for (char ch : value) {
      if (specials.find(ch) != std::string_view::npos) out += '\\';
      out += ch;
    }
  };
  switch (c) {
    case ShellContext::kUnquoted:
      return QuoteValue(value, Quoting::kPosixShell, why);
    case ShellContext::kSingleQuoted:
      for (char ch : value) {
        if (ch == '\'') {
          out += "'\\''";
        } else {
          out += ch;
        }
      }
      return out;
    case ShellContext::kDoubleQuoted:
      escape_with_backslash("$`\"\\");
      return out;
    case ShellContext::kHereDoc:
      escape_with_backslash("$`\\");
      return out;
    case ShellContext::kQuotedHereDoc:
      return std::string(value);
    case ShellContext::kComment:
      if (value.find('\n') != std::string_view::npos) {
        return Refuse(why, "holds a line break, which would end the comment");
      }
      return std::string(value);
    default:
      return Refuse(why, "cannot be made literal here");
  }
}

// Whether a line of rendered[begin, end) equals `delimiter` (leading tabs
// stripped when `strip_tabs`): the line would end the here-document early.
bool HasDelimiterLine(std::string_view rendered, size_t begin, size_t end,
                      std::string_view delimiter, bool strip_tabs) {
  while (begin < end) {
    size_t line_end = rendered.find('\n', begin);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    size_t b = begin;
    if (strip_tabs) {
      while (b < line_end && rendered[b] == '\t') ++b;
    }
    // The body's last line may end at `end` without its LF only when the
    // text ends there (an unterminated body): it counts as a line too.
    if (rendered.substr(b, line_end - b) == delimiter) return true;
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
  std::string key = ToLowerAscii(name);
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
                               return CompareIgnoreCase(e.first, n) < 0;
                             });
  return it != entries_.end() && EqualsIgnoreCase(it->first, name) ? &it->second : nullptr;
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
      const Utf8Facts f = ScanUtf8(value);
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
      const Utf8Facts f = ScanUtf8(value, /*allow_tab_lf_cr=*/false);
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

Rendered Render(std::string_view content, const TemplateScan& scan,
                const RenderOptions& options) {
  Rendered r;
  auto fail = [&](RenderError::Kind kind, const Placeholder& p, std::string detail) {
    r.script.clear();
    r.error = RenderError{kind, p.span, std::move(detail)};
    return r;
  };
  r.script.reserve(content.size());
  // POSIX shell: each placeholder's context decides its quoting (or refusal).
  const bool posix = options.quoting == Quoting::kPosixShell;
  std::vector<ShellPlaceholder> contexts;
  if (posix) contexts = PosixShellContexts(content, scan);
  // (template end of a placeholder, rendered minus template length so far)
  std::vector<std::pair<size_t, int64_t>> shifts;
  size_t pos = 0;
  for (size_t k = 0; k < scan.placeholders.size(); ++k) {
    const Placeholder& p = scan.placeholders[k];
    r.script.append(content.substr(pos, p.span.offset - pos));
    pos = p.span.offset + p.span.length;
    const std::string_view written = content.substr(p.span.offset, p.span.length);
    const size_t rendered_start = r.script.size();
    if (posix && !IsRenderable(contexts[k].context) &&
        !(p.kind == Placeholder::kParameterStore && !options.resolve_store)) {
      return fail(RenderError::kUnsafeContext, p,
                  std::string(written) + " stands " +
                      std::string(ShellContextName(contexts[k].context)) +
                      ", where no value can be made literal; move it to an unquoted word or "
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
    std::optional<std::string> quoted =
        posix ? QuotePosixValue(*value, contexts[k].context, &why)
              : QuoteValue(*value, options.quoting, &why);
    // `<<-` strips the leading tabs of every body line, the value's too.
    if (quoted && posix && contexts[k].strip_tabs &&
        value->find("\n\t") != std::string::npos) {
      quoted.reset();
      why = "has a line starting with a tab, which <<- would strip";
    }
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
  if (!posix) return r;
  // No line of a here-document body may become its delimiter line. Body
  // bounds lie in template text, so they map to the script by the shifts of
  // the placeholders before them.
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
    const ShellPlaceholder& c = contexts[k];
    if (c.context != ShellContext::kHereDoc && c.context != ShellContext::kQuotedHereDoc) continue;
    if (c.body_begin == checked_body) continue;
    checked_body = c.body_begin;
    if (HasDelimiterLine(r.script, rendered_offset(c.body_begin), rendered_offset(c.body_end),
                         c.delimiter, c.strip_tabs)) {
      return fail(RenderError::kUnsafeValue, scan.placeholders[k],
                  "a value makes a line of the here-document equal to its delimiter " +
                      c.delimiter + ", which would end it early");
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
