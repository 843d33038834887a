// -----------------------------------------------------------------------------
// File: schedule/cron_schedule.h
// -----------------------------------------------------------------------------
//
// A compiled cron expression bound to a time zone and a daylight-saving
// policy: the fire-time calculator (SPEC section 5.5).
//
// The expression is matched in civil (wall-clock) time; matching civil times
// become instants through the zone. Where the zone's clock jumps, the policy
// decides:
//
//   * Gap (spring forward; the civil time never occurs):
//       kRunAtGapEnd  fire once at the first instant after the gap (several
//                     skipped times collapse into that one fire);
//       kSkip         do not fire;
//       kShift        fire at the civil time read with the old offset, i.e.
//                     the gap's length later on the new clock.
//   * Overlap (fall back; the civil time occurs twice):
//       kFirst, kSecond, kBoth passes.
//   * kByClass (the default for both): a fixed-time schedule (second, minute
//     and hour are plain values or lists) uses kRunAtGapEnd and kFirst; an
//     interval schedule (any of them has '*', a range or a step) uses kSkip
//     and kBoth, so hourly and sub-hourly schedules keep their rhythm:
//     `0 */30 * * * ?` in New York fires 01:30 EST then 03:00 EDT.
//
// Guarantees, in every zone: Next(t) > t; Next is strictly increasing along a
// chain of calls; Previous(Next(t)) <= t < Next(t). Instants are Unix
// seconds. Fire times end at 2099-12-31 23:59:59 local time.
//
// Cost: in a zone of one fixed offset (UTC, GMT+8) Next and Previous are one
// civil search. In a DST zone they find the query's offset segment in O(1)
// (TimeZone::SegmentAt's bucket index) and, when the query is past the
// segment's opening window and the answer before its closing one (nearly
// always), do one civil search; otherwise they walk the segments up to the
// answer (two a year), reusing the last search. The civil search goes year,
// month (one day mask each), day, hour, minute, second, looking at two
// candidates at most below the day; no loop is unbounded. On the standard
// machine a chained Next costs 1.08-1.16x a bare bitmask next() in UTC
// (bench/README.md).
//
// Storage: the fields (seconds, minutes, hours, days, months, weekdays and
// their L/W/# forms, 130 years of year bits, and the weekday days for each
// weekday a month can start on) take 104 bytes, and a CronSchedule 128
// bytes plus the zone's table, which it shares (a TimeZone is a shared
// pointer to immutable data; a DST zone's table with its segment index is a
// few KiB, loaded once per provider).
//
// Immutable and thread-safe; no I/O, no clock, no exceptions.
//
// Example:
//
//   CronSchedule s(*ParseCronFields("0 30 2 * * ?").fields, new_york, {});
//   s.Next(/* 2026-03-08 00:00 EST */ 1772946000);
//   // 2026-03-08 03:00 EDT: 02:30 did not occur; the fire runs at gap end.

#ifndef RUNCHECK_SCHEDULE_CRON_SCHEDULE_H_
#define RUNCHECK_SCHEDULE_CRON_SCHEDULE_H_

#include <cstdint>
#include <optional>

#include "schedule/cron.h"
#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

struct DstPolicy {
  enum class Gap { kByClass, kRunAtGapEnd, kSkip, kShift };
  enum class Overlap { kByClass, kFirst, kSecond, kBoth };
  Gap gap = Gap::kByClass;
  Overlap overlap = Overlap::kByClass;
};

class CronSchedule {
 public:
  CronSchedule(CronFields fields, TimeZone zone, DstPolicy policy);

  // The first fire strictly after `after`, or nullopt when none remains.
  std::optional<int64_t> Next(int64_t after) const;
  // The last fire strictly before `before`, or nullopt.
  std::optional<int64_t> Previous(int64_t before) const;

  const CronFields& fields() const { return fields_; }
  const TimeZone& zone() const { return zone_; }
  bool fixed_time() const { return fields_.fixed_time; }
  // The policy with kByClass resolved.
  DstPolicy::Gap gap() const { return gap_; }
  DstPolicy::Overlap overlap() const { return overlap_; }

 private:
  int32_t OffsetOf(int segment) const;

  CronFields fields_;
  TimeZone zone_;
  DstPolicy::Gap gap_;
  DstPolicy::Overlap overlap_;
};

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_CRON_SCHEDULE_H_
