// -----------------------------------------------------------------------------
// File: schedule/cron.h
// -----------------------------------------------------------------------------
//
// Cron expressions of the RunCommand `Frequency` parameter (SPEC section 5.3):
//
//   <second> <minute> <hour> <day-of-month> <month> <day-of-week> [<year>]
//
// fields separated by runs of spaces or tabs. (The optional trailing time-zone
// token is split off before this parser runs, by `ParseFrequency` in
// schedule/frequency.h.)
//
//   field         values                                 specials
//   second        0-59                                   * , - /
//   minute        0-59                                   * , - /
//   hour          0-23                                   * , - /
//   day-of-month  1-31                                   * , - / ? L L-n LW nW
//   month         1-12, JAN-DEC, full names              * , - /
//   day-of-week   1=Monday ... 7=Sunday, 0=Sunday,       * , - / ? L nL n#k
//                 MON-SUN, full names
//   year          1970-2099                              * , - / ?
//
// Semantics: `a-b` is inclusive and wraps when b < a in every field but the
// year; `a/n` and `a-b/n` step inside the field or range, 1 <= n <= max-min;
// a number may carry at most one leading zero; names and specials are
// case-insensitive; `*` and `?` stand alone. When both day fields are
// restricted (their text is neither `*` nor `?`), a day matches when either
// matches.
//
// `CronFields` is the compiled form: one bitmask per field, searched in civil
// time. `NextCivil`/`PreviousCivil` find the next/previous matching civil time
// ("local seconds", schedule/civil.h) up to 2099-12-31 23:59:59; they walk at
// most one step per month of the horizon (1,560), each O(1).
//
// Pure: no I/O, no clock, no exceptions, no allocation after parsing.
// Immutable values; thread-safe.
//
// Example:
//
//   CronParse p = ParseCronFields("0 15 10 ? * 6#3");
//   // p.fields->NextCivil(LocalSeconds({2027, 1, 1, 0, 0, 0}))
//   //   == LocalSeconds({2027, 1, 16, 10, 15, 0})  (third Saturday)

#ifndef RUNCHECK_SCHEDULE_CRON_H_
#define RUNCHECK_SCHEDULE_CRON_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runcheck {
namespace schedule {

inline constexpr int kMinYear = 1970;
inline constexpr int kMaxYear = 2099;

struct CronFields {
  // Largest members first: 104 bytes in all.
  uint64_t seconds = 0;   // bit s
  uint64_t minutes = 0;   // bit m
  std::array<uint64_t, 3> years{};     // bit y - 1970
  uint32_t hours = 0;     // bit h
  uint32_t days = 0;      // bit d, 1-31
  uint32_t last_day_offsets = 0;  // bit n: L-n
  uint32_t nearest_weekdays = 0;       // bit n: nW
  // Derived by ParseCronFields from `weekdays` and `nth_weekdays` when the
  // day-of-week field is restricted: for a month whose 1st is weekday w
  // (0 = Monday), the days (bits 1-31) they select. A CronFields comes from
  // ParseCronFields; one built by hand must fill this too.
  std::array<uint32_t, 7> weekday_days{};
  uint16_t months = 0;    // bit m, 1-12
  uint8_t weekdays = 0;   // bit 0 = Monday ... 6 = Sunday
  uint8_t last_weekdays = 0;           // nL, same bits
  std::array<uint8_t, 7> nth_weekdays{};  // [weekday] bit k: n#k
  bool last_day = false;  // L
  bool last_weekday_of_month = false;  // LW
  bool dom_restricted = false;
  bool dow_restricted = false;
  bool has_year = false;
  // Fixed-time: second, minute and hour are single values or lists of them.
  bool fixed_time = false;

  // Bits 1..31 of the days of `year`-`month` that match the day fields.
  uint32_t DayMask(int64_t year, int month) const;
  bool HasYear(int64_t year) const;
  // The first matching civil time >= `from`, or the last <= `to`.
  std::optional<int64_t> NextCivil(int64_t from) const;
  std::optional<int64_t> PreviousCivil(int64_t to) const;

  friend bool operator==(const CronFields& a, const CronFields& b);
};

struct CronError {
  size_t offset = 0;  // into the text given to ParseCronFields
  size_t length = 0;
  std::string detail;
};

// A construct that parses fine but that older agents mishandle (SPEC 8).
// `id` is a stable warning id.
struct CronNote {
  std::string_view id;
  size_t offset = 0;
  size_t length = 0;
  std::string detail;
};

struct CronParse {
  std::optional<CronFields> fields;
  std::optional<CronError> error;
  std::vector<CronNote> notes;  // in text order
};

// Parses the six or seven fields (no zone).
CronParse ParseCronFields(std::string_view text);

// The canonical text of `f`: lists of ascending values and ranges, day-of-week
// as 1-7, no names. Parses back to an equal CronFields.
std::string CronFieldsToString(const CronFields& f);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_CRON_H_
