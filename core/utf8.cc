#include "core/utf8.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace runcheck {
namespace core {

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

#if defined(__SSE2__)
// Counts the ASCII bytes at text[i...] 16 at a time, noting the first
// control character (unless one is noted already), and returns how many it
// consumed: it stops before the first byte >= 0x80, or before a tail of
// fewer than 16 bytes.
size_t AsciiBlocks(std::string_view text, size_t i, bool allow_tab_lf_cr, Utf8Facts& f) {
  const size_t start = i;
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  while (i + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    // Bytes below the first high one are ASCII (signed comparison is right
    // for them).
    const unsigned ascii = high == 0 ? 0xFFFFu : (1u << __builtin_ctz(high)) - 1;
    if (!f.first_control) {
      __m128i control = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
      if (allow_tab_lf_cr) {
        const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(v, tab),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        control = _mm_andnot_si128(allowed, control);
      }
      const unsigned c = static_cast<unsigned>(_mm_movemask_epi8(control)) & ascii;
      if (c != 0) f.first_control = Span{i + static_cast<size_t>(__builtin_ctz(c)), 1};
    }
    if (high != 0) {
      i += static_cast<size_t>(__builtin_ctz(high));
      break;
    }
    i += 16;
  }
  f.code_points += i - start;
  return i - start;
}
#endif

}  // namespace

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  size_t i = 0;
#if defined(__SSE2__)
  // All ASCII is valid: OR 64 bytes at a time and look at the high bits.
  for (; i + 64 <= text.size(); i += 64) {
    const char* p = text.data() + i;
    const __m128i v = _mm_or_si128(
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)),
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16))),
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32)),
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48))));
    if (_mm_movemask_epi8(v) != 0) break;
  }
#endif
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  if (i == text.size()) return std::nullopt;
  // Something else: the exact scan from here (i is on a character boundary:
  // everything before it is ASCII).
  const Utf8Facts f = ScanUtf8(text.substr(i));
  if (f.valid) return std::nullopt;
  return i + f.first_invalid;
}

Utf8Facts ScanUtf8(std::string_view text, bool allow_tab_lf_cr) {
  Utf8Facts f;
  size_t i = 0;
  while (i < text.size()) {
#if defined(__SSE2__)
    if (i + 16 <= text.size() && static_cast<uint8_t>(text[i]) < 0x80) {
      const size_t n = AsciiBlocks(text, i, allow_tab_lf_cr, f);
      i += n;
      if (n > 0) continue;
    }
#endif
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

std::string QuoteUserText(std::string_view text) {
  size_t at = 0;
  for (size_t chars = 0; at < text.size() && chars < kMaxQuotedChars; ++chars) {
    const size_t n = Utf8SequenceLength(text.substr(at));
    at += n == 0 ? 1 : n;
  }
  if (at >= text.size()) return std::string(text);
  std::string out(text.substr(0, at));
  out += "\xE2\x80\xA6";  // …
  return out;
}

}  // namespace core
}  // namespace runcheck
