// -----------------------------------------------------------------------------
// File: core/base64.h
// -----------------------------------------------------------------------------
//
// Strict Base64 for `ContentEncoding=Base64` (SPEC section 4.1): RFC 4648's
// standard alphabet (A-Z a-z 0-9 + /), the length a multiple of 4 with `=`
// padding only at the end (at most two), no white space, no URL-safe `-` `_`,
// and the unused bits of the last character zero, so that every valid text
// has exactly one decoding and one encoding. Abseil's decoder accepts far
// more (missing padding, white space), so validity is decided here; Abseil
// only decodes what passed.
//
// Errors: the byte offset of the first character that makes the text
// invalid: a character outside the alphabet, a misplaced `=`, the last
// character when its unused bits are set, or the text's length when it ends
// early (missing padding).
//
// Pure, no exceptions, thread-safe; linear time. Decoding allocates the
// result only.
//
// Example:
//
//   FirstBase64Error("ZWNobw==");   // nullopt (valid: "echo")
//   FirstBase64Error("ZWNobw");     // 6  (missing padding)
//   FirstBase64Error("ZWNob x==");  // 5  (space)
//   FirstBase64Error("ZWNobx==");   // 5  (x leaves non-zero bits)
//   DecodeBase64("ZWNobw==");       // "echo"

#ifndef RUNCHECK_CORE_BASE64_H_
#define RUNCHECK_CORE_BASE64_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace runcheck {
namespace core {

// nullopt when `text` is valid strict Base64, else the offending offset.
std::optional<size_t> FirstBase64Error(std::string_view text);

// The decoded bytes of a text that FirstBase64Error() accepts; nullopt for
// any other text.
std::optional<std::string> DecodeBase64(std::string_view text);

// The exact decoded size of a valid text.
constexpr size_t DecodedBase64Size(std::string_view text) {
  size_t n = text.size() / 4 * 3;
  if (!text.empty() && text.back() == '=') --n;
  if (text.size() >= 2 && text[text.size() - 2] == '=') --n;
  return n;
}

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_BASE64_H_
