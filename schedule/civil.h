// -----------------------------------------------------------------------------
// File: schedule/civil.h
// -----------------------------------------------------------------------------
//
// Proleptic-Gregorian calendar arithmetic on plain integers, for the hot loops
// of the schedule engine. A civil time is counted as "local seconds": the
// number of seconds from 1970-01-01 00:00:00 to it on a clock with no time
// zone, exactly as if it were UTC. Converting local seconds to an instant is
// the time zone's job (schedule/time_zone.h).
//
// All functions are constexpr, pure and total over years -1,000,000 to
// 1,000,000. No I/O, no exceptions, thread-safe.
//
// Example:
//
//   int64_t days = DaysFromCivil(2027, 2, 28);        // days since 1970-01-01
//   CivilDate d = CivilFromDays(days + 1);             // {2027, 3, 1}
//   int wd = WeekdayFromDays(days);                    // 0 = Monday ... 6 = Sunday

#ifndef RUNCHECK_SCHEDULE_CIVIL_H_
#define RUNCHECK_SCHEDULE_CIVIL_H_

#include <cstdint>

namespace runcheck {
namespace schedule {

inline constexpr int64_t kSecondsPerDay = 86400;

struct CivilDate {
  int64_t year;
  int month;  // 1-12
  int day;    // 1-31
};

struct CivilTime {
  int64_t year;
  int month, day, hour, minute, second;
};

constexpr bool IsLeapYear(int64_t y) {
  // y % 100 != 0 is y % 25 != 0 once y % 4 == 0, and then y % 400 == 0 is
  // y % 16 == 0: cheaper tests, the same answer for every y.
  return (y & 3) == 0 && (y % 25 != 0 || (y & 15) == 0);
}

constexpr int DaysInMonth(int64_t y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeapYear(y)) ? 29 : kDays[m - 1];
}

// Days from 1970-01-01 to y-m-d (which must be a valid date).
// The era-based algorithm: a 400-year era has exactly 146097 days.
constexpr int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const uint32_t yoe = static_cast<uint32_t>(y - era * 400);  // [0, 399]
  const uint32_t mp = static_cast<uint32_t>(m > 2 ? m - 3 : m + 9);  // March = 0
  const uint32_t doy = (153 * mp + 2) / 5 + static_cast<uint32_t>(d) - 1;  // [0, 365]
  const uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

constexpr CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  // Within an era every quantity is small and non-negative: unsigned 32-bit
  // arithmetic gives the same values with cheaper divisions.
  const uint32_t doe = static_cast<uint32_t>(z - era * 146097);  // [0, 146096]
  const uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const uint32_t mp = (5 * doy + 2) / 153;                         // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// 0 = Monday ... 6 = Sunday. 1970-01-01 was a Thursday (3).
constexpr int WeekdayFromDays(int64_t days) {
  const int64_t r = (days + 3) % 7;
  return static_cast<int>(r < 0 ? r + 7 : r);
}

constexpr int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

constexpr int64_t LocalSeconds(const CivilTime& t) {
  return DaysFromCivil(t.year, t.month, t.day) * kSecondsPerDay +
         t.hour * 3600 + t.minute * 60 + t.second;
}

constexpr CivilTime CivilFromLocalSeconds(int64_t s) {
  const int64_t days = FloorDiv(s, kSecondsPerDay);
  const int64_t sod = s - days * kSecondsPerDay;
  const CivilDate d = CivilFromDays(days);
  return CivilTime{d.year,
                   d.month,
                   d.day,
                   static_cast<int>(sod / 3600),
                   static_cast<int>(sod / 60 % 60),
                   static_cast<int>(sod % 60)};
}

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_CIVIL_H_
