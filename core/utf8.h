// -----------------------------------------------------------------------------
// File: core/utf8.h
// -----------------------------------------------------------------------------
//
// UTF-8 facts about a field value, in one pass: is it valid UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), where is the
// first bad byte, how many code points does it hold, and where is the first
// control character (SPEC section 10: U+0000-U+001F, U+007F, U+0080-U+009F).
//
// RunCommand limits such as "Name <= 128 chars" count code points, so
// `code_points` is what length rules compare. For invalid text every byte of
// an invalid sequence counts as one, so a length is always defined.
//
// Never allocates, never throws; pure and thread-safe. Linear in the input.
//
// Example:
//
//   Utf8Facts f = ScanUtf8("caf\xC3\xA9\n");
//   f.valid;          // true
//   f.code_points;    // 5
//   f.first_control;  // Span{5, 1}  (LF)
//   ScanUtf8("a\xC3(").first_invalid;   // 1

#ifndef RUNCHECK_CORE_UTF8_H_
#define RUNCHECK_CORE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/violation.h"

namespace runcheck {
namespace core {

struct Utf8Facts {
  bool valid = true;
  size_t first_invalid = 0;   // byte offset; meaningful when !valid
  size_t code_points = 0;
  // The first control character (its bytes), if any. With
  // `allow_tab_lf_cr`, U+0009, U+000A and U+000D are not reported.
  std::optional<Span> first_control;
};

Utf8Facts ScanUtf8(std::string_view text, bool allow_tab_lf_cr = false);

// The offset of the first byte that is not part of valid UTF-8, if any: the
// validity half of ScanUtf8(), faster on ASCII text (no counting).
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// The length in bytes of the valid UTF-8 sequence starting at `text[0]`, or
// 0 when it is not one (or `text` is empty).
size_t Utf8SequenceLength(std::string_view text);

// How much user text a violation's or warning's detail quotes (SPEC 8,
// *Bounded findings*): at most this many code points.
inline constexpr size_t kMaxQuotedChars = 64;

// `text` for a detail: whole when it has at most kMaxQuotedChars code points
// (invalid bytes count one each), else its first kMaxQuotedChars followed by
// "…" (U+2026). Never splits a UTF-8 sequence. Escaping for a terminal is the
// printer's job, not this one's.
std::string QuoteUserText(std::string_view text);

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_UTF8_H_
