// -----------------------------------------------------------------------------
// File: core/edit_distance.h
// -----------------------------------------------------------------------------
//
// The Levenshtein distance of two short texts, ASCII case ignored, for the
// "did you mean" hints (a parameter's name, a cron name, a subcommand). It
// stops early: a distance over `limit` comes back as `limit + 1`. Texts up
// to 64 bytes; a longer one is `limit + 1` away from anything.
//
// Pure, no allocation, thread-safe. Cost: length x length steps.
//
// Example:
//
//   EditDistance("Frequncy", "Frequency", 2);  // 1
//   EditDistance("WENSDAY", "wednesday", 2);   // 2

#ifndef RUNCHECK_CORE_EDIT_DISTANCE_H_
#define RUNCHECK_CORE_EDIT_DISTANCE_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "core/ascii.h"

namespace runcheck {
namespace core {

inline size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  constexpr size_t kMax = 64;
  if (a.size() > kMax || b.size() > kMax) return limit + 1;
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::array<size_t, kMax + 1> row{};
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (LowerAscii(a[i - 1]) == LowerAscii(b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return std::min(row[b.size()], limit + 1);
}

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_EDIT_DISTANCE_H_
