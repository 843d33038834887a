// -----------------------------------------------------------------------------
// File: schedule/internal/zone_token.h
// -----------------------------------------------------------------------------
//
// The time-zone token that may end a cron or `at` Frequency (SPEC 5.4).
//
// Accepted, case-sensitively:
//   * `UTC`, `GMT`;
//   * `GMT+H:MM` / `GMT-H:MM`, H 0-14 with no leading zero, MM 00-59
//     (`GMT+8:00` is UTC+8);
//   * any name the `ZoneProvider` knows, legacy aliases included (`US/Eastern`
//     gives a warning naming America/New_York; `Etc/GMT-8` gives a warning
//     that its POSIX sign means UTC+8).
// Everything else is an error whose detail suggests the right spelling:
// `GMT+08:00` and `UTC+8` -> "write GMT+8:00"; an unknown abbreviation such as
// `CST` -> "abbreviations are ambiguous; use an IANA name".
//
// Pure apart from the provider; never throws; thread-safe.
//
// Example:
//
//   ZoneToken z = ParseZoneToken("GMT+8:00", &provider);
//   // z.zone->OffsetAt(0) == 28800

#ifndef RUNCHECK_SCHEDULE_INTERNAL_ZONE_TOKEN_H_
#define RUNCHECK_SCHEDULE_INTERNAL_ZONE_TOKEN_H_

#include <optional>
#include <string>
#include <string_view>

#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

struct ZoneToken {
  std::optional<TimeZone> zone;
  std::string error;    // set when zone is empty
  std::string_view warning_id;  // empty, "frequency.zone-alias" or
                                // "frequency.etc-gmt-sign" (static strings)
  std::string warning;          // set with warning_id
};

// `provider` may be null: then only the fixed forms are known.
ZoneToken ParseZoneToken(std::string_view token, const ZoneProvider* provider);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_ZONE_TOKEN_H_
