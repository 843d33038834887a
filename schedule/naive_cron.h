// -----------------------------------------------------------------------------
// File: schedule/naive_cron.h   (testonly)
// -----------------------------------------------------------------------------
//
// An independent, deliberately naive answer to "does this cron schedule fire
// at this instant?", written from SPEC 5.3 and 5.5 without any of the fast
// search's machinery: each field is tested directly, day rules by scanning
// the month, and DST by looking at the instant's zone segment. The schedule
// tests and the differential fuzz target compare CronSchedule::Next and
// Previous with it, second by second. Far too slow for anything else.

#ifndef RUNCHECK_SCHEDULE_NAIVE_CRON_H_
#define RUNCHECK_SCHEDULE_NAIVE_CRON_H_

#include <cstdint>
#include <vector>

#include "schedule/cron.h"
#include "schedule/cron_schedule.h"

namespace runcheck {
namespace schedule {

// Whether local (civil) time `local`, in seconds, matches the fields.
bool NaiveMatches(const CronFields& f, int64_t local);

// Whether instant `u` is a fire of `s`, applying its DST policy literally.
bool NaiveFiresAt(const CronSchedule& s, int64_t u);

// The fires of `s` strictly inside (from, to), three ways: by the naive
// checker second by second, by a chain of Next from `from`, and by a chain of
// Previous from `to` (reported in increasing order). A chain stops a few
// fires past the naive count, so a runaway search cannot loop for long.
struct WindowFires {
  std::vector<int64_t> naive;
  std::vector<int64_t> next_chain;
  std::vector<int64_t> previous_chain;
};
WindowFires FiresInWindow(const CronSchedule& s, int64_t from, int64_t to);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_NAIVE_CRON_H_
