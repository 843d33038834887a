// -----------------------------------------------------------------------------
// File: schedule/internal/english.h
// -----------------------------------------------------------------------------
//
// Not public. The English words the schedule's sentences share (the
// descriptions of schedule/describe.h and the never-fires reasons).

#ifndef RUNCHECK_SCHEDULE_INTERNAL_ENGLISH_H_
#define RUNCHECK_SCHEDULE_INTERNAL_ENGLISH_H_

#include <string>

#include "absl/strings/str_cat.h"

namespace runcheck {
namespace schedule {
namespace internal {

inline constexpr const char* kEnglishMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
// 0 = Monday (SPEC 5.3's 1).
inline constexpr const char* kEnglishWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};

// "1st", "2nd", "3rd", "4th", "11th", "21st".
inline std::string Ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : ones == 1                ? "st"
                       : ones == 2                ? "nd"
                       : ones == 3                ? "rd"
                                                  : "th";
  return absl::StrCat(n, suffix);
}

}  // namespace internal
}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_INTERNAL_ENGLISH_H_
