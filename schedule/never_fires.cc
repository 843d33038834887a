#include "schedule/internal/never_fires.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "schedule/civil.h"
#include "schedule/internal/english.h"

namespace runcheck {
namespace schedule {
namespace internal {
namespace {

// The (year, month) pairs the year and month fields select from now's month
// on.
std::vector<std::pair<int, int>> MonthsFrom(const CronFields& f, const CivilTime& now) {
  std::vector<std::pair<int, int>> out;
  for (int y = static_cast<int>(now.year); y <= kMaxYear; ++y) {
    if (f.has_year && !f.HasYear(y)) continue;
    for (int m = y == now.year ? now.month : 1; m <= 12; ++m) {
      if (f.months & (1u << m)) out.emplace_back(y, m);
    }
  }
  return out;
}

bool NoDaySpecials(const CronFields& f) {
  return !f.last_day && !f.last_weekday_of_month && f.last_day_offsets == 0 &&
         f.nearest_weekdays == 0;
}

// Day-of-month alone: the smallest selected day is past the end of every
// selected month.
std::optional<std::string> DayOfMonthReason(const CronFields& f, const CivilTime& now) {
  if (!f.dom_restricted || f.dow_restricted || !NoDaySpecials(f) || f.days == 0) {
    return std::nullopt;
  }
  const int first = __builtin_ctz(f.days);
  const std::vector<std::pair<int, int>> months = MonthsFrom(f, now);
  for (const auto& [y, m] : months) {
    if (DaysInMonth(y, m) >= first) return std::nullopt;
  }
  if (first == 29 && f.months == (1u << 2)) {
    return f.has_year ? absl::StrCat("February has a 29th only in leap years, and none of the "
                                     "years from ", now.year, " the year field selects is one")
                      : std::string("February has a 29th only in leap years");
  }
  return absl::StrCat("no month the month field selects has a ", Ordinal(first), " day");
}

// Day-of-week alone, of n#k only: no selected month has the k-th weekday.
std::optional<std::string> NthWeekdayReason(const CronFields& f, const CivilTime& now) {
  if (!f.dow_restricted || f.dom_restricted || f.weekdays != 0 || f.last_weekdays != 0) {
    return std::nullopt;
  }
  const std::vector<std::pair<int, int>> months = MonthsFrom(f, now);
  int weekday = -1, k = 0;
  for (int w = 0; w < 7; ++w) {
    for (int n = 1; n <= 5; ++n) {
      if (!(f.nth_weekdays[w] & (1u << n))) continue;
      if (weekday < 0) {
        weekday = w;
        k = n;
      }
      for (const auto& [y, m] : months) {
        const int first_weekday = WeekdayFromDays(DaysFromCivil(y, m, 1));
        const int day = 1 + (w - first_weekday + 7) % 7 + 7 * (n - 1);
        if (day <= DaysInMonth(y, m)) return std::nullopt;
      }
    }
  }
  if (weekday < 0) return std::nullopt;
  if (months.size() == 1) {
    return absl::StrCat(kEnglishMonths[months[0].second - 1], " ", months[0].first, " has no ",
                        Ordinal(k), " ", kEnglishWeekdays[weekday]);
  }
  return absl::StrCat("no month the fields select has a ", Ordinal(k), " ", kEnglishWeekdays[weekday]);
}

}  // namespace

std::string NeverFiresReason(const CronFields& f, int64_t now_local) {
  // On the civil clock a time still matches: the DST policy skips it.
  if (f.NextCivil(now_local + 1)) return "the only fire times fall in a skipped daylight-saving hour";
  const CivilTime now = CivilFromLocalSeconds(now_local);
  if (std::optional<std::string> r = DayOfMonthReason(f, now)) return *r;
  if (std::optional<std::string> r = NthWeekdayReason(f, now)) return *r;
  if (const std::optional<int64_t> last = f.PreviousCivil(now_local)) {
    const CivilTime t = CivilFromLocalSeconds(*last);
    return absl::StrFormat("the last time that matches every field is %04d-%02d-%02d %02d:%02d:%02d, before now",
                           t.year, t.month, t.day, t.hour, t.minute, t.second);
  }
  return "no time after now up to 2099-12-31 matches every field";
}

}  // namespace internal
}  // namespace schedule
}  // namespace runcheck
