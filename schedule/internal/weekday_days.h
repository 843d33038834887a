// -----------------------------------------------------------------------------
// File: schedule/internal/weekday_days.h
// -----------------------------------------------------------------------------
//
// What the cron parser (schedule/cron_parse.cc) asks of the civil search
// (schedule/cron_search.cc) when it compiles a day-of-week field. Not API.

#ifndef RUNCHECK_SCHEDULE_INTERNAL_WEEKDAY_DAYS_H_
#define RUNCHECK_SCHEDULE_INTERNAL_WEEKDAY_DAYS_H_

#include "schedule/cron.h"

namespace runcheck {
namespace schedule {
namespace internal {

// Fills CronFields::weekday_days from `weekdays` and `nth_weekdays`: for each
// weekday w a month can start on (0 = Monday), the days (bits 1-31) that the
// plain weekdays and the n#k elements select, before the month's length cuts
// them.
void FillWeekdayDays(CronFields& f);

}  // namespace internal
}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_WEEKDAY_DAYS_H_
