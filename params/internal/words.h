// -----------------------------------------------------------------------------
// File: params/internal/words.h
// -----------------------------------------------------------------------------
//
// Not a public header. Splitting a command's text into words for the
// PowerShell and cmd lexers' checks of what a statement runs. Pure, no
// exceptions.

#ifndef RUNCHECK_PARAMS_INTERNAL_WORDS_H_
#define RUNCHECK_PARAMS_INTERNAL_WORDS_H_

#include <cstddef>
#include <string_view>

#include <algorithm>
#include <vector>

#include "params/internal/byte_scan.h"
#include "params/template.h"

namespace runcheck {
namespace params {
namespace internal {

// Calls fn(word) for each maximal run of bytes of `word_bytes` in `text`,
// left to right, until fn returns true; returns whether one did.
template <typename Fn>
bool AnyWord(std::string_view text, const ByteSet& word_bytes, Fn fn) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_bytes[static_cast<unsigned char>(text[i])]) ++i;
    const size_t begin = i;
    while (i < text.size() && word_bytes[static_cast<unsigned char>(text[i])]) ++i;
    if (i > begin && fn(text.substr(begin, i - begin))) return true;
  }
  return false;
}

// AnyWord over the pieces of text[begin, end) between the placeholders
// (sorted by offset, as a TemplateScan holds them): a placeholder's own
// text names nothing, its value does (and is quoted).
template <typename Fn>
bool AnyWordOutside(std::string_view text, size_t begin, size_t end,
                    const std::vector<Placeholder>& placeholders, const ByteSet& word_bytes,
                    Fn fn) {
  auto it = std::lower_bound(placeholders.begin(), placeholders.end(), begin,
                             [](const Placeholder& p, size_t at) {
                               return p.span.offset + p.span.length <= at;
                             });
  while (begin < end) {
    size_t piece_end = end;
    if (it != placeholders.end() && it->span.offset < end) {
      piece_end = std::max(begin, it->span.offset);
    }
    if (piece_end > begin && AnyWord(text.substr(begin, piece_end - begin), word_bytes, fn)) {
      return true;
    }
    if (piece_end == end) break;
    begin = it->span.offset + it->span.length;
    ++it;
  }
  return false;
}

}  // namespace internal
}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_INTERNAL_WORDS_H_
