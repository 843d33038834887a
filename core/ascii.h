// -----------------------------------------------------------------------------
// File: core/ascii.h
// -----------------------------------------------------------------------------
//
// ASCII-only case folding for the API's case-insensitive names (parameter
// names, `ACS::` built-ins, tag prefixes, booleans, ContentEncoding). Bytes
// outside A-Z are compared as they are; no locale is consulted.
//
// Header-only, pure, thread-safe. (Debian's Abseil has its own string_view
// type, so its absl/strings/match.h helpers would need a conversion at every
// call.)
//
// Example:
//
//   EqualsIgnoreCase("Base64", "BASE64");        // true
//   StartsWithIgnoreCase("acs::x", "ACS::");     // true
//   ToLowerAscii("MyName");                      // "myname"
//   CompareIgnoreCase("abc", "ABD");             // -1

#ifndef RUNCHECK_CORE_ASCII_H_
#define RUNCHECK_CORE_ASCII_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace runcheck {
namespace core {

constexpr bool IsAlnumAscii(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a == b) return true;  // the usual case, at memcmp speed
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// Whether `needle` occurs in `s`, ignoring ASCII case.
inline bool ContainsIgnoreCase(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return false;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return true;
  }
  return needle.empty();
}

// Lexicographic order of the ASCII-lower-cased texts (no copies): sorts so
// that EqualsIgnoreCase() texts are adjacent.
inline int CompareIgnoreCase(std::string_view a, std::string_view b) {
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    const char x = LowerAscii(a[i]), y = LowerAscii(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

struct LessIgnoreCase {
  bool operator()(std::string_view a, std::string_view b) const {
    return CompareIgnoreCase(a, b) < 0;
  }
};

// FNV-1a over the ASCII-lower-cased bytes: equal for strings that are equal
// ignoring case. A grouping key only: confirm a match with EqualsIgnoreCase.
// FoldedHash a byte at a time, for a scan that hashes while it checks:
// start from kFoldedHashSeed and fold each byte in.
inline constexpr uint64_t kFoldedHashSeed = 1469598103934665603ull;
constexpr uint64_t FoldedHashStep(uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(LowerAscii(c))) * 1099511628211ull;
}

inline uint64_t FoldedHash(std::string_view s) {
  uint64_t h = kFoldedHashSeed;
  for (char c : s) h = FoldedHashStep(h, c);
  return h;
}

inline std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_ASCII_H_
