// -----------------------------------------------------------------------------
// File: schedule/dst_encounters.h
// -----------------------------------------------------------------------------
//
// The clock changes of a zone that a cron schedule meets: each transition in
// [from, to) whose skipped or repeated civil hour holds a civil fire time of
// the schedule. What the schedule does there is its DST policy's
// (schedule/cron_schedule.h); the Frequency warning frequency.dst-affected
// and `validate explain` both read it from here.
//
// Pure; at most `limit` transitions are looked at. Thread-safe.
//
// Example:
//
//   for (const DstEncounter& e : DstEncounters(fields, zone, now, now + 366 * 86400)) {
//     e.gap;  // the clock skips ahead (else it falls back)
//   }

#ifndef RUNCHECK_SCHEDULE_DST_ENCOUNTERS_H_
#define RUNCHECK_SCHEDULE_DST_ENCOUNTERS_H_

#include <cstdint>
#include <vector>

#include "schedule/cron.h"
#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

struct DstEncounter {
  int64_t at = 0;          // the transition (Unix seconds)
  int32_t before = 0;      // UTC offsets around it
  int32_t after = 0;
  bool gap = false;        // the clock skips ahead
  int64_t local_from = 0;  // the skipped or repeated civil span [from, to)
  int64_t local_to = 0;
  int64_t first_fire = 0;  // the first civil fire time in it
};

std::vector<DstEncounter> DstEncounters(const CronFields& f, const TimeZone& zone, int64_t from,
                                        int64_t to, int limit = 8);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_DST_ENCOUNTERS_H_
