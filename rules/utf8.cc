#include "rules/utf8.h"

#include <cstdint>
#include <cstring>

namespace runcheck {

size_t Utf8SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto b = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t c = b(0);
  if (c < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // no overlong forms
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < n) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
  }
  return n;
}

namespace {

// Whether the 8 bytes at `p` are all printable ASCII (0x20-0x7E). A false
// "no" only sends the bytes down the exact path.
bool EightPrintable(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  // A high bit: >= 0x80 (w), 0x7F (w + 1), < 0x20 (w - 0x20 borrows).
  return ((w | (w + kOnes) | (w - 0x20 * kOnes)) & kHigh) == 0;
}

}  // namespace

Utf8Facts ScanUtf8(std::string_view text, bool allow_tab_lf_cr) {
  Utf8Facts f;
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && EightPrintable(text.data() + i)) {
      f.code_points += 8;
      i += 8;
      continue;
    }
    const uint8_t c = static_cast<uint8_t>(text[i]);
    size_t n = 1;
    if (c < 0x80) {
      const bool control = c < 0x20 || c == 0x7F;
      const bool allowed =
          allow_tab_lf_cr && (c == '\t' || c == '\n' || c == '\r');
      if (control && !allowed && !f.first_control) f.first_control = Span{i, 1};
    } else {
      n = Utf8SequenceLength(text.substr(i));
      if (n == 0) {
        if (f.valid) {
          f.valid = false;
          f.first_invalid = i;
        }
        n = 1;
      } else if (n == 2 && c == 0xC2 &&
                 static_cast<uint8_t>(text[i + 1]) <= 0x9F &&
                 !f.first_control) {
        f.first_control = Span{i, 2};  // U+0080-U+009F
      }
    }
    ++f.code_points;
    i += n;
  }
  return f;
}

}  // namespace runcheck
