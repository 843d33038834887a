// -----------------------------------------------------------------------------
// File: schedule/frequency.h
// -----------------------------------------------------------------------------
//
// The RunCommand `Frequency` parameter: one entry point that parses a rate,
// at or cron expression into an immutable `Schedule`, or reports why it is
// invalid (SPEC sections 5, 8 and 10).
//
// Form: leading and trailing spaces/tabs are ignored (warning
// `frequency.trimmed`). A text starting with `rate` or `at` (any case), then
// optional spaces and `(`, is that form; anything else is cron.
//
//   rate(<n><unit>)   unit s, m, h, d (d = 86400 s); case-insensitive; spaces
//                     allowed between tokens; leading zeros allowed. Period
//                     60 s to 7 days (Limits). Fires at created + k*period,
//                     k >= 1: pure elapsed time, no DST. Like cron, fires end
//                     at the 2099 horizon (here 2099-12-31 23:59:59 UTC).
//   at(yyyy-MM-dd HH:mm:ss[ <zone>])
//                     once; `T` may replace the first space; zone defaults to
//                     UTC. No normalisation (Feb 30 is an error). A local time
//                     in a DST gap is an error; an ambiguous one means the
//                     earlier instant (warning `frequency.at-ambiguous`).
//   cron              schedule/cron.h, then an optional zone token
//                     (schedule/internal/zone_token.h); without one, the caller's
//                     default zone. DST handling: schedule/cron_schedule.h.
//
// Request-level rules run only when `FrequencyOptions::now` is set:
//   * at: the instant must be strictly after now;
//   * cron: the year field must select a year >= now's local year (explicit
//     past years in a list: warning `frequency.past-year`);
//   * any form: a schedule with no fire after now "never fires";
//   * cron: the smallest gap between consecutive civil fire times after now,
//     computed exactly from the fields (not by walking fires), must be
//     >= Limits::min_cron_interval_seconds and >= the Timeout;
//   * rate: the period must exceed the Timeout.
// Without `now` (compute-only, the agent's use) these are skipped.
//
// Errors: every problem is `InvalidParam.Frequency` on field `Frequency` with
// the byte span of the offending token (offsets into the text as given,
// before trimming) and a detail sentence; the first error stops parsing.
// Never throws; no I/O except through the ZoneProvider; no clock.
//
// Thread-safety: `Schedule` is immutable; share it freely.
//
// Bounds. Parsing is one pass over the text (a cron list of 10,000 values is
// fine; tests/bounds_test.cc). A Schedule is 104 bytes plus, for cron, one
// shared 112-byte compiled expression (bitmasks per field) and a reference
// to its zone's transition table, which every schedule of that zone shares
// (24 bytes per transition; a DST zone through 2100 has a few hundred). Next/Previous walk at most the zone segments between the query
// and the answer and one step per month inside each (schedule/
// cron_schedule.h), so the worst case, a schedule with no fire left, is
// bounded by the 2099 horizon: about 1,600 month steps.
//
// Example:
//
//   FrequencyOptions opt;
//   opt.zones = &TzdbZoneProvider::Default();
//   opt.now = 1798761600;  // 2027-01-01T00:00:00Z
//   FrequencyResult r = ParseFrequency("0 15 10 ? * 6#3 Asia/Shanghai", opt);
//   if (r.findings.ok()) {
//     std::optional<int64_t> next = r.schedule->Next(*opt.now);
//   }

#ifndef RUNCHECK_SCHEDULE_FREQUENCY_H_
#define RUNCHECK_SCHEDULE_FREQUENCY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/violation.h"
#include "schedule/cron_schedule.h"
#include "schedule/time_zone.h"

namespace runcheck {
namespace schedule {

struct FrequencyOptions {
  // Where zone names are looked up; null knows only UTC, GMT and GMT+H:MM.
  const ZoneProvider* zones = nullptr;
  // The zone of a cron expression without a zone token (the agent passes
  // the instance's system zone).
  TimeZone default_zone;
  // Unix seconds. Set: request-level rules run. Unset: compute-only.
  std::optional<int64_t> now;
  // The request's Timeout in seconds, if valid; unset compares with the 10 s
  // floor only.
  std::optional<int64_t> timeout_seconds;
  // The anchor of a rate schedule; defaults to `now` (0 when unset). Kept
  // inside [1900-01-01, the 2099 horizon].
  std::optional<int64_t> created;
  core::Limits limits;
  DstPolicy dst;
};

class Schedule {
 public:
  enum class Kind { kRate, kAt, kCron };

  Kind kind() const { return kind_; }
  // Fixed-time (at, and cron with plain second/minute/hour) or interval.
  bool fixed_time() const;
  const TimeZone& zone() const;

  // The first fire strictly after `after` / last strictly before `before`
  // (Unix seconds), or nullopt. Any int64_t is a valid argument.
  std::optional<int64_t> Next(int64_t after) const;
  std::optional<int64_t> Previous(int64_t before) const;
  // Up to `n` fires strictly after `after`, in order.
  std::vector<int64_t> NextN(int64_t after, int n) const;

  // Lazy iteration, bounded by a count and an end instant. Forward yields
  // fires t with after < t < end; backward yields fires t with
  // end < t < before, latest first. The iterator borrows the schedule, which
  // must outlive it.
  class Fires {
   public:
    std::optional<int64_t> Next();
   private:
    friend class Schedule;
    Fires(const Schedule* s, int64_t from, int64_t end, int count, bool forward)
        : s_(s), cursor_(from), end_(end), left_(count), forward_(forward) {}
    const Schedule* s_;
    int64_t cursor_, end_;
    int left_;
    bool forward_;
  };
  Fires Forward(int64_t after, int64_t end, int count) const {
    return Fires(this, after, end, count, true);
  }
  Fires Backward(int64_t before, int64_t end, int count) const {
    return Fires(this, before, end, count, false);
  }

  // Canonical text; ParseFrequency(ToString()) gives an equal schedule.
  std::string ToString() const;

  // Whether the text named its zone (cron and at), and whether a cron
  // expression has a year field: features older agents lack (SPEC 6.9).
  bool explicit_zone() const { return explicit_zone_; }
  bool has_year_field() const;

  // What the schedule is made of, for explaining it (schedule/describe.h):
  // a cron schedule's fields (null for rate and at); a rate's period in
  // seconds and the unit it was written in ("s", "m", "h", "d"); an at's
  // instant (Unix seconds).
  const CronFields* cron_fields() const { return cron_ ? &cron_->fields() : nullptr; }
  // A cron schedule's DST policy with kByClass resolved (SPEC 5.5); the
  // class defaults for rate and at, which never meet a clock change.
  DstPolicy::Gap dst_gap() const {
    return cron_ ? cron_->gap() : DstPolicy::Gap::kRunAtGapEnd;
  }
  DstPolicy::Overlap dst_overlap() const {
    return cron_ ? cron_->overlap() : DstPolicy::Overlap::kFirst;
  }
  int64_t rate_period_seconds() const { return period_; }
  std::string_view rate_unit() const { return rate_unit_; }
  int64_t at_instant() const { return at_; }

  friend bool operator==(const Schedule& a, const Schedule& b);

 private:
  friend struct ScheduleBuilder;
  Kind kind_ = Kind::kAt;
  int64_t at_ = 0;                      // kAt
  int64_t anchor_ = 0, period_ = 0;     // kRate
  std::string rate_unit_;               // kRate: "s", "m", "h" or "d"
  std::optional<CronSchedule> cron_;    // kCron (held inline: no allocation)
  bool explicit_zone_ = false;          // kCron, kAt
  std::optional<TimeZone> at_zone_;     // kAt (a cron schedule holds its own)
};

struct FrequencyResult {
  std::optional<Schedule> schedule;  // set when findings.ok()
  core::Findings findings;
};

FrequencyResult ParseFrequency(std::string_view text,
                               const FrequencyOptions& options);

// The zone a zone token names (SPEC 5.4: an IANA name through `zones`, UTC,
// GMT, GMT+H[:MM]), for FrequencyOptions::default_zone; nullopt with
// `*error` set when it names none. `zones` may be null (fixed forms only).
std::optional<TimeZone> ZoneFromToken(std::string_view token, const ZoneProvider* zones,
                                      std::string* error);

// The smallest gap in seconds between consecutive civil fire times of `f`
// after civil time `from` (local seconds). Exact when the gap is below `cap`
// (<= 86400), and then nullopt when fewer than two fires remain; otherwise
// the result is some value >= `cap`, whether or not two fires remain (a rule
// comparing with a limit <= cap needs no more, and the walk to find two
// fires is skipped). Cost: O(1) from the time fields, plus a walk of at most one step
// per month to the horizon, and only when the gap from one day's last fire
// to the next day's first is below `cap`.
std::optional<int64_t> MinimumCronInterval(const CronFields& f, int64_t from,
                                           int64_t cap = 86400);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_FREQUENCY_H_
