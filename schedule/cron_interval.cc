// MinimumCronInterval (schedule/frequency.h): the smallest gap between two
// fires of cron fields, from the fields.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

#include "schedule/civil.h"
#include "schedule/cron.h"
#include "schedule/frequency.h"

namespace runcheck {
namespace schedule {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

int MinGap(uint64_t mask) {
  int best = 1 << 20, prev = -1;
  for (uint64_t m = mask; m; m &= m - 1) {
    const int v = __builtin_ctzll(m);
    if (prev >= 0) best = std::min(best, v - prev);
    prev = v;
  }
  return best;
}

int MaskSpan(uint64_t mask) {
  return 63 - __builtin_clzll(mask) - __builtin_ctzll(mask);
}

// Are there two consecutive fire days on or after the day of `from`?
bool HasConsecutiveDays(const CronFields& f, int64_t from) {
  const CivilTime t = CivilFromLocalSeconds(from);
  bool prev_last = false;  // the previous month's last day fires
  int64_t y = t.year;
  int m = t.month;
  bool first = true;
  for (; y <= kMaxYear; ++m, first = false) {
    if (m > 12) {
      m = 1;
      ++y;
      if (y > kMaxYear) break;
    }
    if (!f.HasYear(y) || !((f.months >> m) & 1)) {
      prev_last = false;
      continue;
    }
    uint32_t dm = f.DayMask(y, m);
    if (first) dm &= ~((uint32_t{1} << t.day) - 1);
    if (dm & (dm >> 1)) return true;
    if (prev_last && (dm & 2)) return true;
    prev_last = (dm >> DaysInMonth(y, m)) & 1;
  }
  return false;
}

}  // namespace

std::optional<int64_t> MinimumCronInterval(const CronFields& f, int64_t from,
                                           int64_t cap) {
  int64_t best = kMax;
  const int span_s = MaskSpan(f.seconds), span_m = MaskSpan(f.minutes);
  if (__builtin_popcountll(f.seconds) > 1) best = std::min<int64_t>(best, MinGap(f.seconds));
  if (__builtin_popcountll(f.minutes) > 1) {
    best = std::min<int64_t>(best, 60 * MinGap(f.minutes) - span_s);
  }
  if (__builtin_popcount(f.hours) > 1) {
    best = std::min<int64_t>(best, 3600 * MinGap(f.hours) - (60 * span_m + span_s));
  }
  const int64_t span_day = 3600 * MaskSpan(f.hours) + 60 * span_m + span_s;
  if (kSecondsPerDay - span_day < std::min(best, cap) &&
      HasConsecutiveDays(f, from)) {
    best = kSecondsPerDay - span_day;
  }
  // No two fires within a day and no consecutive days: at least a day apart.
  if (best == kMax) best = kSecondsPerDay;
  // The gaps above come from the fields; they are real only if two fires
  // remain, which matters only for a gap below the cap.
  if (best < cap) {
    const std::optional<int64_t> first = f.NextCivil(from + 1);
    if (!first || !f.NextCivil(*first + 1)) return std::nullopt;
  }
  return best;
}

}  // namespace schedule
}  // namespace runcheck
