// -----------------------------------------------------------------------------
// File: schedule/time_zone.h
// -----------------------------------------------------------------------------
//
// A time zone as runcheck sees it: a name and a table of UTC-offset changes,
// and the interface through which zones enter the library.
//
// `TimeZone` is an immutable value. It maps instants (Unix seconds) to UTC
// offsets and civil times ("local seconds", see schedule/civil.h) back to
// instants. A civil time is one of three kinds, exactly as in
// `absl::TimeZone::At()`:
//
//   * kUnique: it occurs once.
//   * kSkipped: it never occurs; the clock jumped over it (spring forward).
//   * kRepeated: it occurs twice; the clock was set back (fall back).
//
// For the last two, `pre` is the instant computed with the offset in force
// before the transition, `post` the one computed with the offset after it, and
// `trans` the transition itself. For a skipped time `post < trans <= pre`; for
// a repeated time `pre < trans <= post`.
//
// `ZoneProvider` is the only door by which zone data enters the core (the
// core reads no file and no environment variable). Two implementations ship:
//
//   * `TzdbZoneProvider` (schedule/tzdb_zone_provider.h) reads the operating
//     system's tz database through Howard Hinnant's date/tz library.
//   * `StaticZoneProvider` (below) serves a fixed set of zones given to it,
//     for tests and for embedders that bring their own data.
//
// Thread-safety: `TimeZone` is immutable and cheap to copy (it shares its
// table); any number of threads may use one. Providers must be thread-safe.
// Nothing here throws or performs I/O.
//
// Example:
//
//   TimeZone ny = *provider.Load("America/New_York");
//   int32_t off = ny.OffsetAt(1772953200);            // -14400 (EDT)
//   TimeZone::Lookup l = ny.At(LocalSeconds({2026, 3, 8, 2, 30, 0}));
//   // l.kind == kSkipped, l.trans is 2026-03-08 07:00:00 UTC

#ifndef RUNCHECK_SCHEDULE_TIME_ZONE_H_
#define RUNCHECK_SCHEDULE_TIME_ZONE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runcheck {
namespace schedule {

// From instant `at` (Unix seconds) on, the UTC offset is `offset` seconds
// (east of UTC positive).
struct ZoneTransition {
  int64_t at;
  int32_t offset;

  friend bool operator==(const ZoneTransition& a, const ZoneTransition& b) {
    return a.at == b.at && a.offset == b.offset;
  }
};

class TimeZone {
 public:
  struct Lookup {
    enum Kind { kUnique, kSkipped, kRepeated };
    Kind kind;
    int64_t pre;    // kUnique: the instant
    int64_t trans;  // kUnique: the instant
    int64_t post;   // kUnique: the instant
  };

  // UTC, named "UTC".
  TimeZone();

  // A zone with one offset forever. |offset_seconds| < 26 hours.
  static TimeZone Fixed(std::string name, int32_t offset_seconds);

  // A zone from a table. `transitions` must be sorted by `at`, strictly
  // increasing, and each must leave the local clock moving forward (two
  // transitions closer together than their offset jump are rejected).
  // Entries that do not change the offset are dropped. `canonical_name` is
  // the zone `name` is an alias of (empty: it is canonical).
  // Returns nullopt for a table that breaks these rules.
  static std::optional<TimeZone> FromTransitions(
      std::string name, int32_t initial_offset,
      std::vector<ZoneTransition> transitions,
      std::string canonical_name = "");

  const std::string& name() const { return data_->name; }
  // The zone `name` is a legacy alias of, or `name` itself.
  const std::string& canonical_name() const {
    return data_->canonical.empty() ? data_->name : data_->canonical;
  }
  bool has_transitions() const { return !data_->transitions.empty(); }
  const std::vector<ZoneTransition>& transitions() const {
    return data_->transitions;
  }
  int32_t initial_offset() const { return data_->initial_offset; }

  // The UTC offset in force at `instant`.
  int32_t OffsetAt(int64_t instant) const;

  // The civil time `local` (local seconds) in this zone.
  Lookup At(int64_t local) const;

  // The first transition strictly after `instant`, if any.
  std::optional<ZoneTransition> NextTransition(int64_t instant) const;

  // Index of the offset segment containing `instant`: -1 before the first
  // transition, i for [transitions[i].at, transitions[i+1].at).
  int SegmentAt(int64_t instant) const;

  // Same zone data (names included).
  friend bool operator==(const TimeZone& a, const TimeZone& b);
  friend bool operator!=(const TimeZone& a, const TimeZone& b) {
    return !(a == b);
  }

 private:
  struct Data {
    std::string name;
    std::string canonical;
    int32_t initial_offset = 0;
    std::vector<ZoneTransition> transitions;
    // For transition i: the civil window it creates, in local seconds:
    // [lo, hi) is skipped (offset grew) or repeated (offset shrank).
    std::vector<int64_t> local_lo;
    // SegmentAt's index over [transitions.front().at, transitions.back().at):
    // entry k is the segment in force at front().at + (k << index_shift),
    // and a last entry holds the final segment. At most 4,097 entries.
    std::vector<int32_t> segment_index;
    int index_shift = 0;
  };
  explicit TimeZone(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  static void BuildSegmentIndex(Data& data);

  std::shared_ptr<const Data> data_;
};

// The door through which zones enter the library. Implementations must be
// thread-safe and must not cache failed look-ups (user input would grow the
// cache without bound).
class ZoneProvider {
 public:
  virtual ~ZoneProvider() = default;

  // The zone called `name` (case-sensitive), or nullopt if unknown.
  virtual std::optional<TimeZone> Load(std::string_view name) const = 0;

  // The name this provider knows that equals `name` ignoring ASCII case,
  // when `name` itself is not known; for "did you mean" hints only (zone
  // names stay case-sensitive, SPEC 8). Caches nothing keyed by `name`. The
  // default knows no spelling.
  virtual std::optional<std::string> SpellingOf(std::string_view name) const {
    return std::nullopt;
  }
};

// Serves the zones it was built with; knows no others. Immutable after
// construction.
class StaticZoneProvider : public ZoneProvider {
 public:
  StaticZoneProvider() = default;
  explicit StaticZoneProvider(std::vector<TimeZone> zones);

  std::optional<TimeZone> Load(std::string_view name) const override;
  std::optional<std::string> SpellingOf(std::string_view name) const override;

 private:
  std::map<std::string, TimeZone, std::less<>> zones_;
};

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_TIME_ZONE_H_
