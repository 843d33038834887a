// -----------------------------------------------------------------------------
// File: schedule/internal/schedule_builder.h
// -----------------------------------------------------------------------------
//
// What the Frequency parser (schedule/frequency_parse.cc) and the Schedule
// value (schedule/schedule.cc) share. Not API.

#ifndef RUNCHECK_SCHEDULE_INTERNAL_SCHEDULE_BUILDER_H_
#define RUNCHECK_SCHEDULE_INTERNAL_SCHEDULE_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>

#include "schedule/civil.h"
#include "schedule/cron.h"
#include "schedule/frequency.h"

namespace runcheck {
namespace schedule {
namespace internal {

// Rate fires end where cron's do: 2099-12-31 23:59:59, here in UTC.
inline constexpr int64_t kRateHorizon =
    DaysFromCivil(kMaxYear + 1, 1, 1) * kSecondsPerDay - 1;

}  // namespace internal

// Builds Schedule values; a friend so Schedule stays immutable to users.
struct ScheduleBuilder {
  static Schedule Rate(int64_t anchor, int64_t period, std::string unit) {
    Schedule s;
    s.kind_ = Schedule::Kind::kRate;
    s.anchor_ = anchor;
    s.period_ = period;
    s.rate_unit_ = std::move(unit);
    return s;
  }
  static Schedule At(int64_t at, TimeZone zone) {
    Schedule s;
    s.kind_ = Schedule::Kind::kAt;
    s.at_ = at;
    s.at_zone_ = std::move(zone);
    s.explicit_zone_ = true;
    return s;
  }
  static Schedule Cron(CronSchedule cron, bool explicit_zone) {
    Schedule s;
    s.kind_ = Schedule::Kind::kCron;
    s.cron_.emplace(std::move(cron));
    s.explicit_zone_ = explicit_zone;
    return s;
  }
};

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_SCHEDULE_BUILDER_H_
