// -----------------------------------------------------------------------------
// File: schedule/tzdb_zone_provider.h
// -----------------------------------------------------------------------------
//
// The default `ZoneProvider`: the operating system's tz database
// (/usr/share/zoneinfo, Debian's `tzdata` package) read through Howard
// Hinnant's date/tz library. This is the one place in runcheck that performs
// I/O for time zones, and tzdb_zone_provider.cc is the only file that includes
// <date/tz.h>.
//
// What it does:
//   * `Load(name)` accepts any zone or link name the database knows, legacy
//     aliases included (`US/Eastern`, `PRC`), case-sensitively. It refuses
//     names that are not zones in the IANA sense even though files of that
//     name exist: `localtime`, `posixrules`, `Factory`, and anything under
//     `posix/` or `right/` (the latter count leap seconds, which Unix time
//     does not).
//   * The zone's table is read from date/tz for 1900 up to the last explicit
//     transition in the file, then extended to the end of 2100 from the
//     POSIX rule at the end of the TZif file (schedule/internal/posix_tz.h): date/tz
//     3.0.1 built with USE_OS_TZDB ignores that rule and would freeze every
//     zone at its last explicit offset (2037 for most builds), which is wrong
//     for the years 2038-2099 that schedules reach.
//   * `canonical_name()` of an alias is the zone it links to, from the `L`
//     lines of tzdata.zi.
//   * Loaded zones are cached (at most one entry per zone of the database, so
//     the cache is bounded); failed look-ups are not cached.
//
// Errors: an unknown or refused name gives nullopt. Every exception date/tz
// may throw is caught here.
//
// Thread-safety: safe for concurrent use. The first `Load` pays for reading
// the database's list of zones (about 10 ms).
//
// Example:
//
//   TzdbZoneProvider tzdb;
//   std::optional<TimeZone> la = tzdb.Load("America/Los_Angeles");

#ifndef RUNCHECK_SCHEDULE_TZDB_ZONE_PROVIDER_H_
#define RUNCHECK_SCHEDULE_TZDB_ZONE_PROVIDER_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

class TzdbZoneProvider : public ZoneProvider {
 public:
  // `zoneinfo_dir` is where the TZif files and tzdata.zi live; it must be
  // the directory date/tz reads (Debian: /usr/share/zoneinfo).
  explicit TzdbZoneProvider(std::string zoneinfo_dir = "/usr/share/zoneinfo");
  ~TzdbZoneProvider() override;

  std::optional<TimeZone> Load(std::string_view name) const override;
  // From the zone and link names of tzdata.zi, read once.
  std::optional<std::string> SpellingOf(std::string_view name) const override;

  // A process-wide instance, created on first use.
  static const TzdbZoneProvider& Default();

 private:
  std::optional<TimeZone> LoadUncached(const std::string& name) const;
  // Reads tzdata.zi once: its links (alias -> target) and every zone and
  // link name by its lower-case spelling.
  void ReadIndex() const;
  const std::map<std::string, std::string, std::less<>>& Links() const;

  std::string dir_;
  mutable std::mutex mu_;
  mutable std::map<std::string, TimeZone, std::less<>> cache_;
  mutable std::once_flag links_once_;
  mutable std::map<std::string, std::string, std::less<>> links_;
  mutable std::map<std::string, std::string, std::less<>> by_lower_name_;
};

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_TZDB_ZONE_PROVIDER_H_
