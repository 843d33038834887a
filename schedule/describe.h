// -----------------------------------------------------------------------------
// File: schedule/describe.h
// -----------------------------------------------------------------------------
//
// A schedule in a sentence an operator can read, in English, Japanese or
// Simplified Chinese (issue 15):
//
//   0 15 10 ? * MON-FRI Asia/Shanghai
//     en  At 10:15 on Monday through Friday (Asia/Shanghai)
//     ja  月曜日から金曜日の 10:15（Asia/Shanghai）
//     zh  每周一至周五 10:15（Asia/Shanghai）
//
// What it says:
//   * rate(...): the period, and that it counts from the task's creation;
//   * at(...): the one instant, on the zone's clock;
//   * cron: the time of day (one time, a few times, every n seconds,
//     minutes or hours, within which hours), the days (day-of-month values,
//     ranges, steps, L, L-n, LW, nW; day-of-week values and ranges with the
//     names spelled out, 1 = Monday, nL, n#k; both restricted: "on the 15th,
//     or on any Friday", SPEC 5.3's OR rule), the months, the years, and the
//     zone, or "the instance's time zone" when the expression names none;
//     in a zone that still moves its clock, what happens at a change (by the
//     schedule's class, SPEC 5.5's defaults).
// Ranges that wrap around (FRI-MON, 22-2 in hours) read as written
// ("Friday through Monday"). Times are 24-hour, HH:MM, with seconds only when
// they are not 0.
//
// Pure: no I/O, no global locale, no clock (a zone "still moves its clock"
// when it has a transition after 2020-01-01). No exceptions; thread-safe.
// Cost: a few hundred nanoseconds, linear in the text it writes.
//
// Example:
//
//   Describe(*ParseFrequency("0 0 12 L * ?", {}).schedule, Language::kEnglish);
//   // "At 12:00 on the last day of the month (in the instance's time zone)"

#ifndef RUNCHECK_SCHEDULE_DESCRIBE_H_
#define RUNCHECK_SCHEDULE_DESCRIBE_H_

#include <optional>
#include <string>
#include <string_view>

#include "schedule/frequency.h"

namespace runcheck {
namespace schedule {

enum class Language { kEnglish, kJapanese, kChinese };

// "en", "ja", "zh" (a region after a hyphen or underscore is ignored:
// "ja-JP", "zh_CN"), any case. nullopt otherwise.
std::optional<Language> FindLanguage(std::string_view tag);

std::string Describe(const Schedule& schedule, Language language);

}  // namespace schedule
}  // namespace runcheck

#endif  // RUNCHECK_SCHEDULE_DESCRIBE_H_
