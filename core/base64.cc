#include "core/base64.h"

#include "absl/strings/escaping.h"

namespace runcheck {
namespace core {
namespace {

// The 6-bit value of a standard-alphabet character, or -1.
int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<size_t> FirstBase64Error(std::string_view text) {
  const size_t n = text.size();
  // Padding: `=` may only be the last one or two characters of a text whose
  // length is a multiple of 4.
  size_t data_end = n;
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '=') {
      const bool last = i == n - 1;
      const bool second_last = i == n - 2 && text[n - 1] == '=';
      if (!(last || second_last)) return i;
      if (data_end == n) data_end = i;
      continue;
    }
    if (Sextet(c) < 0) return i;
  }
  if (n % 4 != 0) return n;  // ends early: padding missing
  // The unused low bits of the last data character must be zero.
  const size_t pad = n - data_end;
  if (pad > 0) {
    const int last = Sextet(text[data_end - 1]);
    const int unused_mask = pad == 1 ? 0x3 : 0xF;
    if ((last & unused_mask) != 0) return data_end - 1;
  }
  return std::nullopt;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  if (FirstBase64Error(text)) return std::nullopt;
  std::string out;
  if (!absl::Base64Unescape(absl::string_view(text.data(), text.size()), &out)) {
    return std::nullopt;
  }
  return out;
}

}  // namespace core
}  // namespace runcheck
