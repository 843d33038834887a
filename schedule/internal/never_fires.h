// -----------------------------------------------------------------------------
// File: schedule/internal/never_fires.h
// -----------------------------------------------------------------------------
//
// Not public. Why a cron schedule never fires after `now`, found by reasoning
// over its fields rather than by a search (issue 15): the sentence the
// never-fires rule of schedule/frequency.h puts in its InvalidParam.Frequency
// detail.
//
//   * "no month the month field selects has a 31st day" (and 30th, 29th:
//     "February has a 29th only in leap years, and none of the years from
//     2027 the year field selects is one");
//   * "February 2027 has no 5th Monday" (the one month that could), or "no
//     month the fields select has a 5th Monday";
//   * "the last time that matches every field is 2026-03-01 00:00:00, before
//     now" (every matching time is past);
//   * "the only fire times fall in a skipped daylight-saving hour" (they
//     exist on the civil clock, and the DST policy skips them);
//   * else "no time after now up to 2099-12-31 matches every field".
//
// Pure; linear in the years and months it looks at (at most 130 x 12).

#ifndef RUNCHECK_SCHEDULE_INTERNAL_NEVER_FIRES_H_
#define RUNCHECK_SCHEDULE_INTERNAL_NEVER_FIRES_H_

#include <cstdint>
#include <string>

#include "schedule/cron.h"

namespace runcheck {
namespace schedule {
namespace internal {

// `now_local`: now on the schedule zone's civil clock (seconds).
std::string NeverFiresReason(const CronFields& f, int64_t now_local);

}  // namespace internal
}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_NEVER_FIRES_H_
