// -----------------------------------------------------------------------------
// File: schedule/internal/cron_bits.h
// -----------------------------------------------------------------------------
//
// Bit helpers shared by the cron parser (schedule/cron_parse.cc) and the civil
// search (schedule/cron_search.cc). Not API.

#ifndef RUNCHECK_SCHEDULE_INTERNAL_CRON_BITS_H_
#define RUNCHECK_SCHEDULE_INTERNAL_CRON_BITS_H_

#include <cstdint>

#include "schedule/cron.h"

namespace runcheck {
namespace schedule {
namespace internal {

inline int HighestBit(uint64_t m) { return 63 - __builtin_clzll(m); }
inline int LowestBit(uint64_t m) { return __builtin_ctzll(m); }
inline uint64_t AtLeast(uint64_t m, int v) { return v > 63 ? 0 : m & (~uint64_t{0} << v); }
// Bits 1..dim.
inline uint32_t DaysUpTo(int dim) { return ((uint32_t{2} << dim) - 1) & ~uint32_t{1}; }
inline uint64_t AtMost(uint64_t m, int v) {
  return v < 0 ? 0 : v >= 63 ? m : m & ((uint64_t{2} << v) - 1);
}

// The day (1-7) of the first weekday `w` in a month whose 1st is a
// `first_wd` (0 = Monday).
inline int FirstDayOfWeekday(int w, int first_wd) {
  const int ahead = w - first_wd;
  return 1 + (ahead < 0 ? ahead + 7 : ahead);
}

// Fills CronFields::weekday_days from `weekdays` and `nth_weekdays`: for each
// weekday w a month can start on (0 = Monday), the days (bits 1-31) that the
// plain weekdays and the n#k elements select, before the month's length cuts
// them.
void FillWeekdayDays(CronFields& f);

}  // namespace internal
}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_CRON_BITS_H_
