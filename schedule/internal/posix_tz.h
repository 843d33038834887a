// -----------------------------------------------------------------------------
// File: schedule/internal/posix_tz.h
// -----------------------------------------------------------------------------
//
// The POSIX TZ rule strings that end every version-2+ TZif file (RFC 8536
// section 3.3), such as `EST5EDT,M3.2.0,M11.1.0`. A TZif file lists explicit
// transitions only up to some year (2037 in most builds, or none at all in
// "slim" builds); the footer rule says what happens after. date/tz 3.0.1 built
// with USE_OS_TZDB ignores the footer and freezes every zone at its last
// explicit offset, so the tzdb provider uses this module to extend zones
// through runcheck's horizon (2099).
//
// Accepted grammar: std offset [dst [offset] [,rule,rule]], names alphabetic
// (3+ letters) or <quoted> with [A-Za-z0-9+-]; offsets [+-]hh[:mm[:ss]] (hh
// 0-24); rules Jn (1-365), n (0-365) or Mm.w.d, each with an optional
// /[+-]hh[:mm[:ss]] time, hours -167 to 167 (RFC 8536 extension).
//
// Pure: no I/O, no exceptions, thread-safe.
//
// Example:
//
//   std::optional<PosixTz> tz = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
//   std::vector<ZoneTransition> t = PosixTransitions(*tz, 2050, 2050);
//   // two entries: 2050-03-13 07:00 UTC -> -14400, 2050-11-06 06:00 UTC -> -18000

#ifndef RUNCHECK_SCHEDULE_INTERNAL_POSIX_TZ_H_
#define RUNCHECK_SCHEDULE_INTERNAL_POSIX_TZ_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

struct PosixTzRule {
  enum Kind { kJulian1, kJulian0, kMonthWeekDay };  // Jn, n, Mm.w.d
  Kind kind = kMonthWeekDay;
  int day = 0;    // Jn: 1-365; n: 0-365
  int month = 0;  // Mm.w.d
  int week = 0;   // 1-5, 5 = last
  int weekday = 0;  // 0 = Sunday ... 6 = Saturday
  int32_t time = 7200;  // seconds after local midnight
};

struct PosixTz {
  int32_t std_offset = 0;  // UTC offset, east positive
  bool has_dst = false;
  int32_t dst_offset = 0;
  PosixTzRule start, end;  // start of DST (local standard time), end (local DST)
};

std::optional<PosixTz> ParsePosixTz(std::string_view spec);

// The offset changes the rule makes in years [first_year, last_year], sorted.
// A zone without DST yields none.
std::vector<ZoneTransition> PosixTransitions(const PosixTz& tz,
                                             int64_t first_year,
                                             int64_t last_year);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_POSIX_TZ_H_
