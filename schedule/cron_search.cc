// The civil search of CronFields (schedule/cron.h): day masks and the
// year-month-day-time walk, forward and backward.

#include "schedule/cron.h"

#include <algorithm>

#include "absl/base/attributes.h"
#include "schedule/civil.h"
#include "schedule/internal/weekday_days.h"

namespace runcheck {
namespace schedule {
namespace {

int HighestBit(uint64_t m) { return 63 - __builtin_clzll(m); }
int LowestBit(uint64_t m) { return __builtin_ctzll(m); }
uint64_t AtLeast(uint64_t m, int v) { return v > 63 ? 0 : m & (~uint64_t{0} << v); }
// Bits 1..dim.
uint32_t DaysUpTo(int dim) { return ((uint32_t{2} << dim) - 1) & ~uint32_t{1}; }
uint64_t AtMost(uint64_t m, int v) {
  return v < 0 ? 0 : v >= 63 ? m : m & ((uint64_t{2} << v) - 1);
}

// The day (1-7) of the first weekday `w` in a month whose 1st is a
// `first_wd` (0 = Monday).
int FirstDayOfWeekday(int w, int first_wd) {
  const int ahead = w - first_wd;
  return 1 + (ahead < 0 ? ahead + 7 : ahead);
}

}  // namespace

namespace internal {

void FillWeekdayDays(CronFields& f) {
  // Bit k of `r` (k = 0..6): day k + 1's weekday, (first_wd + k) % 7, is
  // selected; multiplying by 1 + 2^7 + 2^14 + 2^21 + 2^28 repeats that week
  // for days 8-14, 15-21, 22-28 and 29-35 (days past 31 exist in no month).
  const uint32_t w7 = f.weekdays & 0x7Fu;
  for (int first_wd = 0; first_wd < 7; ++first_wd) {
    const uint32_t r = ((w7 >> first_wd) | (w7 << (7 - first_wd))) & 0x7Fu;
    f.weekday_days[first_wd] = static_cast<uint32_t>((uint64_t{r} * 0x10204081u) << 1);
  }
  for (int w = 0; w < 7; ++w) {
    // n#k: day first + 7(k - 1) for each bit k of nth_weekdays[w].
    for (uint32_t k = f.nth_weekdays[w]; k != 0; k &= k - 1) {
      for (int first_wd = 0; first_wd < 7; ++first_wd) {
        const int day = FirstDayOfWeekday(w, first_wd) + 7 * (LowestBit(k) - 1);
        if (day <= 31) f.weekday_days[first_wd] |= uint32_t{1} << day;
      }
    }
  }
}

}  // namespace internal

namespace {

// The body of CronFields::DayMask, inlined into the civil search (a call
// costs a third of the function there).
// `dim`: the month's length; `first_wd`: the weekday of its 1st (0 = Monday).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint32_t DayMaskOf(const CronFields& f, int dim,
                                                       int first_wd) {
  const uint32_t valid = DaysUpTo(dim);
  if (!f.dom_restricted && !f.dow_restricted) return valid;
  auto weekday_of = [&](int d) { return (first_wd + d - 1) % 7; };
  uint32_t dom = 0;
  if (f.dom_restricted) {
    dom = f.days & valid;
    if (f.last_day) dom |= uint32_t{1} << dim;
    for (uint32_t m = f.last_day_offsets; m; m &= m - 1) {
      const int d = dim - LowestBit(m);
      if (d >= 1) dom |= uint32_t{1} << d;
    }
    if (f.last_weekday_of_month) {
      const int wd = weekday_of(dim);
      dom |= uint32_t{1} << (wd == 5 ? dim - 1 : wd == 6 ? dim - 2 : dim);
    }
    for (uint32_t m = f.nearest_weekdays; m; m &= m - 1) {
      const int n = LowestBit(m);
      if (n > dim) continue;  // the month has no day n
      const int wd = weekday_of(n);
      int d = n;
      if (wd == 5) d = n == 1 ? n + 2 : n - 1;      // Saturday
      if (wd == 6) d = n == dim ? n - 2 : n + 1;    // Sunday
      dom |= uint32_t{1} << d;
    }
  }
  uint32_t dow = 0;
  if (f.dow_restricted) {
    dow = f.weekday_days[first_wd] & valid;
    for (uint32_t ws = f.last_weekdays; ws != 0; ws &= ws - 1) {  // nL
      const int w = LowestBit(ws);
      const int first = FirstDayOfWeekday(w, first_wd);
      dow |= uint32_t{1} << (first + (dim - first) / 7 * 7);
    }
  }
  if (f.dom_restricted && f.dow_restricted) return dom | dow;
  return f.dom_restricted ? dom : dow;
}

}  // namespace

bool CronFields::HasYear(int64_t year) const {
  if (year < kMinYear || year > kMaxYear) return false;
  const int i = static_cast<int>(year - kMinYear);
  return (years[i >> 6] >> (i & 63)) & 1;
}

uint32_t CronFields::DayMask(int64_t year, int month) const {
  return DayMaskOf(*this, DaysInMonth(year, month),
                   WeekdayFromDays(DaysFromCivil(year, month, 1)));
}

namespace {

// The civil search, forward (first match >= from) or backward (last match <=
// from), one level per field: years, then the months of a year, the days of
// a month (its day mask computed once), the hours of a day, its minutes and
// seconds. At each level only the first candidate can carry the query's own
// finer fields ("exact"); past it, the finer fields start from their first
// value, where a match is certain when the masks are not empty, so each level
// below the day looks at two candidates at most. Bounded by the horizon:
// at most 130 years of 12 months.
template <bool kForward>
struct Direction {
  static uint64_t From(uint64_t mask, int v) { return kForward ? AtLeast(mask, v) : AtMost(mask, v); }
  static int First(uint64_t mask) { return kForward ? LowestBit(mask) : HighestBit(mask); }
  static uint64_t DropFirst(uint64_t mask) {
    return kForward ? mask & (mask - 1) : mask & ~(uint64_t{1} << HighestBit(mask));
  }
};

// The first (last) matching second of a day at or after (before) h:mi:s
// when `exact`, else of the whole day; -1 when none.
template <bool kForward>
int SearchDay(const CronFields& f, bool exact, int h, int mi, int s) {
  using D = Direction<kForward>;
  for (uint64_t hm = exact ? D::From(f.hours, h) : f.hours; hm != 0; hm = D::DropFirst(hm)) {
    const int hour = D::First(hm);
    const bool hour_exact = exact && hour == h;
    for (uint64_t mm = hour_exact ? D::From(f.minutes, mi) : f.minutes; mm != 0;
         mm = D::DropFirst(mm)) {
      const int minute = D::First(mm);
      const uint64_t sm = hour_exact && minute == mi ? D::From(f.seconds, s) : f.seconds;
      if (sm != 0) return hour * 3600 + minute * 60 + D::First(sm);
    }
  }
  return -1;
}

template <bool kForward>
std::optional<int64_t> SearchCivil(const CronFields& f, int64_t from) {
  using D = Direction<kForward>;
  constexpr int64_t kFirst = DaysFromCivil(kMinYear, 1, 1) * kSecondsPerDay;
  constexpr int64_t kEnd = DaysFromCivil(kMaxYear + 1, 1, 1) * kSecondsPerDay;
  if (kForward) {
    if (from >= kEnd) return std::nullopt;
    from = std::max(from, kFirst);
  } else {
    if (from < kFirst) return std::nullopt;
    from = std::min(from, kEnd - 1);
  }
  // `from` is now inside the horizon and so not negative.
  const uint64_t query = static_cast<uint64_t>(from);
  const int64_t query_day = static_cast<int64_t>(query / kSecondsPerDay);
  const uint32_t sod = static_cast<uint32_t>(query % kSecondsPerDay);
  const CivilDate t = CivilFromDays(query_day);
  const int hour = static_cast<int>(sod / 3600);
  const int minute = static_cast<int>(sod / 60 % 60);
  const int second = static_cast<int>(sod % 60);
  bool exact = true;  // the query's own month, day and time still apply
  // The month the search looked at last, kept so that the next one, when it
  // is adjacent (the usual case), gets its 1st and that day's weekday by
  // one addition instead of from the calendar.
  int64_t seen_year = 0, first_day = 0;
  int seen_month = 0, dim = 0, first_wd = 0;
  for (int64_t y = t.year; kForward ? y <= kMaxYear : y >= kMinYear;
       y += kForward ? 1 : -1, exact = false) {
    if (f.has_year && !f.HasYear(y)) continue;
    for (uint64_t mm = exact ? D::From(f.months, t.month) : f.months; mm != 0;
         mm = D::DropFirst(mm)) {
      const int month = D::First(mm);
      const bool month_exact = exact && month == t.month;
      const int month_days = DaysInMonth(y, month);
      if (month_exact) {
        first_day = query_day - (t.day - 1);
        first_wd = WeekdayFromDays(first_day);
      } else if (seen_month != 0 &&
                 (kForward ? (y == seen_year && month == seen_month + 1) ||
                                 (y == seen_year + 1 && month == 1 && seen_month == 12)
                           : (y == seen_year && month == seen_month - 1) ||
                                 (y == seen_year - 1 && month == 12 && seen_month == 1))) {
        const int step = kForward ? dim : -month_days;  // days to the new 1st
        first_day += step;
        first_wd = (first_wd + step + 35) % 7;
      } else {
        first_day = DaysFromCivil(y, month, 1);
        first_wd = WeekdayFromDays(first_day);
      }
      seen_year = y;
      seen_month = month;
      dim = month_days;
      uint64_t dm = DayMaskOf(f, dim, first_wd);
      if (month_exact) dm = D::From(dm, t.day);
      for (; dm != 0; dm = D::DropFirst(dm)) {
        const int day = D::First(dm);
        const int at = SearchDay<kForward>(f, month_exact && day == t.day, hour,
                                           minute, second);
        if (at >= 0) return (first_day + day - 1) * kSecondsPerDay + at;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> CronFields::NextCivil(int64_t from) const {
  return SearchCivil<true>(*this, from);
}

std::optional<int64_t> CronFields::PreviousCivil(int64_t to) const {
  return SearchCivil<false>(*this, to);
}

bool operator==(const CronFields& a, const CronFields& b) {
  return a.seconds == b.seconds && a.minutes == b.minutes &&
         a.hours == b.hours && a.days == b.days && a.last_day == b.last_day &&
         a.last_day_offsets == b.last_day_offsets &&
         a.last_weekday_of_month == b.last_weekday_of_month &&
         a.nearest_weekdays == b.nearest_weekdays && a.months == b.months &&
         a.weekdays == b.weekdays && a.last_weekdays == b.last_weekdays &&
         a.nth_weekdays == b.nth_weekdays && a.years == b.years &&
         a.dom_restricted == b.dom_restricted &&
         a.dow_restricted == b.dow_restricted && a.fixed_time == b.fixed_time;
}

}  // namespace schedule
}  // namespace runcheck
