#include "validate/explain_command.h"

#include <unistd.h>

#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "rules/validate.h"
#include "schedule/civil.h"
#include "schedule/describe.h"
#include "schedule/dst_encounters.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/cli_util.h"
#include "validate/report.h"
#include "validate/terminal_text.h"

namespace runcheck {
namespace validate {
namespace {

constexpr const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// "in 2 days 3 h", "in 15 min", "3 h 5 min ago", "now".
std::string Relative(int64_t seconds) {
  const bool past = seconds < 0;
  int64_t s = past ? -seconds : seconds;
  std::vector<std::string> parts;
  const int64_t days = s / 86400, hours = s / 3600 % 24, minutes = s / 60 % 60;
  if (days > 0) parts.push_back(absl::StrCat(days, days == 1 ? " day" : " days"));
  if (hours > 0) parts.push_back(absl::StrCat(hours, " h"));
  if (days == 0 && minutes > 0) parts.push_back(absl::StrCat(minutes, " min"));
  if (parts.empty()) parts.push_back(absl::StrCat(s % 60, " s"));
  const std::string text = absl::StrJoin(parts, " ");
  return past ? text + " ago" : "in " + text;
}

std::string Fire(int64_t t, int64_t now, const schedule::TimeZone& zone) {
  const int64_t local = t + zone.OffsetAt(t);
  const int64_t days = schedule::FloorDiv(local, schedule::kSecondsPerDay);
  return absl::StrCat("  ", kWeekdays[schedule::WeekdayFromDays(days)], " ", FormatLocal(t, zone),
                      "  (", Relative(t - now), ")\n");
}

std::string Interval(int64_t s) {
  if (s % 86400 == 0) return absl::StrCat(s, " s (", s / 86400, s == 86400 ? " day)" : " days)");
  if (s % 3600 == 0) return absl::StrCat(s, " s (", s / 3600, " h)");
  if (s % 60 == 0) return absl::StrCat(s, " s (", s / 60, " min)");
  return absl::StrCat(s, " s");
}

// The year's months, three to a row, with the days that have a fire marked.
std::string Calendar(const schedule::Schedule& s, int year, bool color) {
  const schedule::TimeZone& zone = s.zone();
  auto fires_on = [&](int y, int m, int d) {
    // Local midnight to midnight (an instant before the day's first second).
    const int64_t day = schedule::DaysFromCivil(y, m, d) * schedule::kSecondsPerDay;
    const int64_t start = day - zone.OffsetAt(day);
    const int64_t end = day + schedule::kSecondsPerDay - zone.OffsetAt(day + schedule::kSecondsPerDay);
    const std::optional<int64_t> n = s.Next(start - 1);
    return n && *n < end;
  };
  std::string out = absl::StrCat("calendar ", year, " (", zone.name(), "; ",
                                 color ? "fire days in reverse video" : "fire days marked *",
                                 ")\n");
  for (int row = 0; row < 4; ++row) {
    std::vector<std::vector<std::string>> months;  // 8 lines of 21 columns each
    for (int k = 0; k < 3; ++k) {
      const int m = row * 3 + k + 1;
      std::vector<std::string> lines;
      const std::string title = absl::StrCat(kMonths[m - 1], " ", year);
      const int pad = (21 - static_cast<int>(title.size())) / 2;
      lines.push_back(std::string(pad, ' ') + title + std::string(21 - pad - title.size(), ' '));
      lines.push_back("Mo Tu We Th Fr Sa Su ");
      const int first = schedule::WeekdayFromDays(schedule::DaysFromCivil(year, m, 1));
      std::string week(3 * first, ' ');
      int cells = first;
      for (int d = 1; d <= schedule::DaysInMonth(year, m); ++d) {
        const bool fire = fires_on(year, m, d);
        const std::string num = absl::StrFormat("%2d", d);
        week += fire ? (color ? "\x1b[7m" + num + "\x1b[0m " : num + "*") : num + " ";
        if (++cells % 7 == 0) {
          lines.push_back(week);
          week.clear();
        }
      }
      if (!week.empty()) lines.push_back(week + std::string(3 * (7 - cells % 7), ' '));
      while (lines.size() < 8) lines.push_back(std::string(21, ' '));
      months.push_back(lines);
    }
    for (size_t line = 0; line < 8; ++line) {
      std::string text;
      for (const auto& month : months) text += month[line] + " ";
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out += text + "\n";
    }
  }
  return out;
}

}  // namespace

int ExplainCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out) {
  std::string problem;
  std::optional<Flags> flags =
      ParseFlags(args, {"lang", "zone", "now", "timeout", "created", "next", "previous", "calendar", "color", "dst-policy"},
                 {}, &problem);
  if (!flags) return Usage(problem);
  auto& v = flags->values;
  if (flags->positional.size() != 1) return Usage("'explain' takes exactly one expression (quote it)");
  const std::optional<schedule::FrequencyOptions> parsed =
      FrequencyOptionsFromFlags(v, schedule::TzdbZoneProvider::Default(), &problem);
  if (!parsed) return Usage(problem);
  const schedule::FrequencyOptions& opt = *parsed;
  schedule::Language lang = schedule::Language::kEnglish;
  if (v.count("lang")) {
    const std::optional<schedule::Language> l = schedule::FindLanguage(v["lang"]);
    if (!l) return Usage("--lang is en, ja or zh");
    lang = *l;
  }
  int next = 5, previous = 5;
  if (v.count("next") && (!absl::SimpleAtoi(v["next"], &next) || next < 0 || next > 1000)) {
    return Usage("--next takes a number from 0 to 1000");
  }
  if (v.count("previous") &&
      (!absl::SimpleAtoi(v["previous"], &previous) || previous < 0 || previous > 1000)) {
    return Usage("--previous takes a number from 0 to 1000");
  }
  std::optional<int> calendar_year;
  if (v.count("calendar")) {
    int year = 0;
    if (v["calendar"] == "now") {
      year = static_cast<int>(schedule::CivilFromLocalSeconds(*opt.now).year);
    } else if (!absl::SimpleAtoi(v["calendar"], &year) || year < 1970 || year > 2099) {
      return Usage("--calendar takes a year from 1970 to 2099, or now");
    }
    calendar_year = year;
  }
  bool color = false;
  const std::string mode = v.count("color") ? v["color"] : "auto";
  if (mode == "always") {
    color = true;
  } else if (mode == "auto") {
    color = isatty(fileno(out)) && std::getenv("NO_COLOR") == nullptr;
  } else if (mode != "never") {
    return Usage("--color is auto, always or never");
  }
  // `-`: the expression is stdin (one line; a trailing newline is dropped).
  const std::optional<std::string> expression = ReadExpression(flags->positional[0], in, &problem);
  if (!expression) return Usage(problem);
  const std::string& text = *expression;

  const schedule::FrequencyResult r = schedule::ParseFrequency(text, opt);
  std::string result;
  if (!r.schedule) {
    result = "invalid\n";
    for (const core::Violation& x : r.findings.violations) result += ViolationText(x, text);
    std::fwrite(result.data(), 1, result.size(), out);
    return kExitInvalid;
  }
  const schedule::Schedule& s = *r.schedule;
  const schedule::TimeZone& zone = s.zone();
  const int64_t now = *opt.now;
  absl::StrAppend(&result, EscapeForTerminal(text), "\n  ", schedule::Describe(s, lang), "\n");
  absl::StrAppend(&result, "canonical: ", s.ToString(), "; class: ",
                  s.fixed_time() ? "fixed-time" : "interval", "; zone: ", zone.name(), "\n");
  for (const core::Warning& w : r.findings.warnings) result += WarningText(w);
  const std::vector<int64_t> fires = s.NextN(now, next);
  absl::StrAppend(&result, "next ", fires.size(), " after ", FormatLocal(now, zone), ":\n");
  for (int64_t t : fires) result += Fire(t, now, zone);
  std::string earlier;
  int found = 0;
  for (auto it = s.Backward(now, std::numeric_limits<int64_t>::min(), previous);
       std::optional<int64_t> t = it.Next(); ++found) {
    earlier += Fire(*t, now, zone);
  }
  absl::StrAppend(&result, "previous ", found, " before it, latest first:\n", earlier);
  // The minimum interval: rate's period; cron's smallest gap between
  // consecutive fires from now (exact below a day).
  if (s.kind() == schedule::Schedule::Kind::kRate) {
    absl::StrAppend(&result, "interval: ", Interval(s.rate_period_seconds()), "\n");
  } else if (const schedule::CronFields* f = s.cron_fields()) {
    const int64_t local = now + zone.OffsetAt(now);
    if (const std::optional<int64_t> gap = schedule::MinimumCronInterval(*f, local)) {
      absl::StrAppend(&result, "minimum interval: ",
                      *gap >= 86400 ? "at least 1 day" : Interval(*gap), "\n");
    }
    const std::vector<schedule::DstEncounter> met =
        schedule::DstEncounters(*f, zone, now, now + 366 * schedule::kSecondsPerDay);
    if (met.empty()) {
      result += "clock changes in the next 12 months: none that touch the schedule\n";
    } else {
      result += "clock changes in the next 12 months that touch the schedule:\n";
      for (const schedule::DstEncounter& e : met) {
        const schedule::CivilTime a = schedule::CivilFromLocalSeconds(e.local_from);
        const schedule::CivilTime b = schedule::CivilFromLocalSeconds(e.local_to);
        absl::StrAppendFormat(
            &result, "  %04d-%02d-%02d %02d:%02d-%02d:%02d the clock %s: %s\n", a.year, a.month,
            a.day, a.hour, a.minute, b.hour, b.minute, e.gap ? "skips ahead" : "falls back",
            e.gap ? (s.dst_gap() == schedule::DstPolicy::Gap::kRunAtGapEnd
                         ? "a fire time there runs once, when the clock jumps"
                     : s.dst_gap() == schedule::DstPolicy::Gap::kSkip
                         ? "fire times there are skipped"
                         : "fire times there run that much later")
                  : (s.dst_overlap() == schedule::DstPolicy::Overlap::kFirst
                         ? "a fire time there runs once, on the first pass"
                     : s.dst_overlap() == schedule::DstPolicy::Overlap::kSecond
                         ? "a fire time there runs once, on the second pass"
                         : "fire times there run on both passes"));
      }
    }
  }
  const rules::AgentRequirement agent = rules::AgentForFrequency(s);
  if (agent.linux_version.empty()) {
    result += "agent: any version\n";
  } else {
    absl::StrAppend(&result, "agent: at least ", agent.linux_version, " (Linux) / ",
                    agent.windows_version, " (Windows)\n");
    for (const rules::AgentReason& reason : agent.reasons) {
      absl::StrAppend(&result, "  ", reason.ToString(), "\n");
    }
  }
  if (calendar_year) result += Calendar(s, *calendar_year, color);
  std::fwrite(result.data(), 1, result.size(), out);
  return kExitValid;
}

}  // namespace validate
}  // namespace runcheck
