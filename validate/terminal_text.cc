#include "validate/terminal_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace runcheck {
namespace validate {
namespace {

bool IsBidiControl(int32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void AppendHex(std::string* out, const char* format, unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, format, value);
  out->append(buf);
}

// The code point of the valid sequence text[0, n).
int32_t CodePoint(std::string_view text, size_t n) {
  utf8proc_int32_t c = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(n), &c);
  return c;
}

// The first offset in [at, limit] that does not split a UTF-8 sequence
// (or `limit`).
size_t ForwardToBoundary(std::string_view s, size_t at, size_t limit) {
  while (at < limit && at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return at;
}

}  // namespace

std::string EscapeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\t') {
        out += "\\t";
      } else if (b == '\n') {
        out += "\\n";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b < 0x20 || b == 0x7F) {
        AppendHex(&out, "\\x%02x", b);
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    const size_t n = core::Utf8SequenceLength(text.substr(i));
    if (n == 0) {
      AppendHex(&out, "\\x%02x", b);
      ++i;
      continue;
    }
    const int32_t c = CodePoint(text.substr(i), n);
    if ((c >= 0x80 && c <= 0x9F) || IsBidiControl(c)) {
      AppendHex(&out, "\\u%04x", static_cast<unsigned>(c));
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  for (size_t i = 0; i < utf8.size();) {
    const size_t n = std::max<size_t>(1, core::Utf8SequenceLength(utf8.substr(i)));
    const int32_t c = n == 1 ? static_cast<unsigned char>(utf8[i]) : CodePoint(utf8.substr(i), n);
    const int w = c < 0x80 ? 1 : utf8proc_charwidth(c);
    width += static_cast<size_t>(std::max(0, w));
    i += n;
  }
  return width;
}

std::string CaretLines(std::string_view value, const core::Span& span) {
  constexpr size_t kBefore = 60;  // bytes of context before the span
  constexpr size_t kLine = 100;   // bytes shown in all
  const size_t at = std::min(span.offset, value.size());
  // The line start: the byte after the last LF before `at`, looked for in
  // the kBefore bytes before it only.
  size_t begin = at > kBefore ? at - kBefore : 0;
  for (size_t i = at; i > begin; --i) {
    if (value[i - 1] == '\n') {
      begin = i;
      break;
    }
  }
  begin = ForwardToBoundary(value, begin, at);
  size_t end = std::min(value.size(), begin + kLine);
  for (size_t i = at; i < end; ++i) {
    if (value[i] == '\n') {
      end = i;
      break;
    }
  }
  end = std::max(end, at);
  const std::string before = EscapeForTerminal(value.substr(begin, at - begin));
  const std::string under =
      EscapeForTerminal(value.substr(at, std::min(span.length, end - at)));
  std::string out = "    ";
  out += before;
  out += EscapeForTerminal(value.substr(at, end - at));
  out += "\n    ";
  out.append(DisplayWidth(before), ' ');
  out.append(std::max<size_t>(1, DisplayWidth(under)), '^');
  out += '\n';
  return out;
}

}  // namespace validate
}  // namespace runcheck
