// -----------------------------------------------------------------------------
// File: params/internal/byte_scan.h
// -----------------------------------------------------------------------------
//
// Not a public header. The byte-run skipping the script lexers
// (params/shell_context.h, params/powershell_context.h,
// params/cmd_context.h) share: each frame of a lexer has a set of bytes that
// may change its state, and every other byte is skipped in runs (a
// template's text is mostly such runs). Pure, no exceptions.

#ifndef RUNCHECK_PARAMS_INTERNAL_BYTE_SCAN_H_
#define RUNCHECK_PARAMS_INTERNAL_BYTE_SCAN_H_

#include <array>
#include <cstddef>
#include <string_view>

namespace runcheck {
namespace params {
namespace internal {

using ByteSet = std::array<bool, 256>;

constexpr ByteSet Bytes(std::string_view chars) {
  ByteSet set{};
  for (char c : chars) set[static_cast<unsigned char>(c)] = true;
  return set;
}

// The first offset in [i, limit) whose byte is in `set`, or `limit`.
inline size_t SkipTo(std::string_view text, size_t i, size_t limit, const ByteSet& set) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  // Eight bytes per branch while none of them is in the set.
  while (i + 8 <= limit && !(set[p[i]] | set[p[i + 1]] | set[p[i + 2]] | set[p[i + 3]] |
                             set[p[i + 4]] | set[p[i + 5]] | set[p[i + 6]] | set[p[i + 7]])) {
    i += 8;
  }
  while (i < limit && !set[p[i]]) ++i;
  return i;
}

// The first offset in [i, limit) holding `c`, or `limit`.
inline size_t Find(std::string_view text, size_t i, size_t limit, char c) {
  const size_t at = text.substr(0, limit).find(c, i);
  return at == std::string_view::npos ? limit : at;
}

// The lexers read at most this many bytes of the command (or statement)
// around a placeholder, so each placeholder costs O(1); a longer one is
// reported as a context the lexer cannot tell.
constexpr size_t kMaxCommandBytes = 2048;

}  // namespace internal
}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_INTERNAL_BYTE_SCAN_H_
