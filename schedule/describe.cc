#include "schedule/describe.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/ascii.h"
#include "schedule/civil.h"
#include "schedule/cron.h"
#include "schedule/internal/english.h"

namespace runcheck {
namespace schedule {
namespace {

using L = Language;

// ---- The shape of a field's values -------------------------------------------

// A run of consecutive values; `first > last` wraps around the field's end.
struct Run {
  int first = 0, last = 0;
};

struct Shape {
  enum Kind { kAll, kSingle, kStep, kRuns } kind = kAll;
  int first = 0;  // kSingle: the value; kStep: where it starts
  int step = 0;   // kStep
  std::vector<Run> runs;  // kRuns, in the order they read
  std::vector<int> values;
};

Shape Analyze(std::vector<int> v, int lo, int hi, bool cyclic) {
  Shape s;
  s.values = v;
  const int n = static_cast<int>(v.size());
  if (n == 0) {
    s.kind = Shape::kRuns;
    return s;
  }
  if (n == hi - lo + 1) return s;  // kAll
  if (n == 1) {
    s.kind = Shape::kSingle;
    s.first = v[0];
    return s;
  }
  const int d = v[1] - v[0];
  bool even = d > 1;
  for (int i = 2; i < n && even; ++i) even = v[i] - v[i - 1] == d;
  if (even && v.back() + d > hi && (n >= 3 || (v[0] == lo && 2 * d == hi - lo + 1))) {
    s.kind = Shape::kStep;
    s.first = v[0];
    s.step = d;
    return s;
  }
  s.kind = Shape::kRuns;
  for (int x : v) {
    if (!s.runs.empty() && s.runs.back().last == x - 1) {
      s.runs.back().last = x;
    } else {
      s.runs.push_back({x, x});
    }
  }
  if (cyclic && s.runs.size() >= 2 && s.runs.front().first == lo && s.runs.back().last == hi) {
    s.runs.back().last = s.runs.front().last;  // 22-23 and 0-2: 22 through 2
    s.runs.erase(s.runs.begin());
    s.runs.insert(s.runs.begin(), s.runs.back());
    s.runs.pop_back();
  }
  return s;
}

std::vector<int> Bits(uint64_t bits, int lo, int hi) {
  std::vector<int> v;
  for (int i = lo; i <= hi; ++i) {
    if (bits >> i & 1) v.push_back(i);
  }
  return v;
}

// ---- Words ---------------------------------------------------------------------

constexpr const char* kDayJa[] = {"月曜日", "火曜日", "水曜日", "木曜日",
                                  "金曜日", "土曜日", "日曜日"};
constexpr const char* kDayZh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

constexpr const char* kNthEn[] = {"", "first", "second", "third", "fourth", "fifth"};

std::string Join(L lang, const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      switch (lang) {
        case L::kEnglish:
          out += i + 1 == items.size() ? " and " : ", ";
          break;
        case L::kJapanese:
          out += "・";
          break;
        case L::kChinese:
          out += "、";
          break;
      }
    }
    out += items[i];
  }
  return out;
}

std::string Clock(int h, int m, int s) {
  return s == 0 ? absl::StrFormat("%02d:%02d", h, m) : absl::StrFormat("%02d:%02d:%02d", h, m, s);
}

// "a through b" in each language, for names or numbers.
std::string Through(L lang, const std::string& a, const std::string& b) {
  switch (lang) {
    case L::kEnglish:
      return a + " through " + b;
    case L::kJapanese:
      return a + "から" + b;
    case L::kChinese:
      return a + "至" + b;
  }
  return a;
}

// A field's runs as words: each value by `name`, a run of two values as
// both, a longer one as "a through b". `cycle`: the field's number of
// values when it wraps around (0 when it does not).
template <typename Name>
std::string RunsText(L lang, const Shape& s, Name name, int cycle = 0) {
  std::vector<std::string> parts;
  bool ranges = false;
  for (const Run& r : s.runs) {
    const int length = r.first <= r.last ? r.last - r.first + 1 : r.last + cycle - r.first + 1;
    if (length == 1) {
      parts.push_back(name(r.first));
    } else if (length == 2) {
      parts.push_back(name(r.first));
      parts.push_back(name(r.last));
    } else {
      parts.push_back(Through(lang, name(r.first), name(r.last)));
      ranges = true;
    }
  }
  // In Japanese a range beside other items reads better after a comma.
  if (lang == L::kJapanese && ranges && parts.size() > 1) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "、" : "") + parts[i];
    return out;
  }
  return Join(lang, parts);
}

// ---- Time of day --------------------------------------------------------------

struct TimePhrase {
  std::string text;
  bool times_of_day = false;  // "At 10:15": reads with the days after it
};

// The values of a shape in reading order (a wrapping run from its start).
std::vector<int> InOrder(const Shape& s) {
  if (s.kind != Shape::kRuns) return s.values;
  std::vector<int> out;
  for (const Run& r : s.runs) {
    for (int v = r.first;; v = v == 23 && r.first > r.last ? 0 : v + 1) {
      out.push_back(v);
      if (v == r.last) break;
    }
  }
  return out;
}

// The hours a finer field runs in, as a qualifier: "" (every hour), or the
// spans of clock time. `last_minute`: the span ends at hh:59 (a field that
// fires all through the hour), else at hh:`at` (once an hour, at `at`).
std::string HourQualifier(L lang, const Shape& h, bool through_hour, int at) {
  auto from_to = [&](int a, int b) {
    const int end_minute = through_hour ? 59 : at;
    switch (lang) {
      case L::kEnglish:
        return absl::StrFormat("from %02d:%02d through %02d:%02d", a, through_hour ? 0 : at, b,
                               end_minute);
      case L::kJapanese:
        return through_hour ? absl::StrFormat("%d時から%d時59分まで", a, b)
                            : absl::StrFormat("%d時から%d時まで", a, b);
      case L::kChinese:
        return absl::StrFormat("%d:%02d至%d:%02d", a, through_hour ? 0 : at, b, end_minute);
    }
    return std::string();
  };
  switch (h.kind) {
    case Shape::kAll:
      return "";
    case Shape::kSingle:
      return from_to(h.first, h.first);
    case Shape::kStep:
      switch (lang) {
        case L::kEnglish:
          return absl::StrFormat("in every %s hour from %02d:00", internal::Ordinal(h.step), h.first);
        case L::kJapanese:
          return absl::StrFormat("%d時から%d時間おきの各時台", h.first, h.step);
        case L::kChinese:
          return absl::StrFormat("从%d点起每隔%d小时的整个小时内", h.first, h.step);
      }
      break;
    case Shape::kRuns: {
      std::vector<std::string> parts;
      for (const Run& r : h.runs) parts.push_back(from_to(r.first, r.last));
      return Join(lang, parts);
    }
  }
  return "";
}

// Seconds or minutes that vary, as the phrase that leads ("Every 5
// minutes", "At seconds 0 and 30"), or as a noun for a qualifier ("minute
// 5", "every 5th minute").
std::string Lead(L lang, const Shape& s, const char* en_unit, const char* ja_unit,
                 const char* zh_unit) {
  switch (s.kind) {
    case Shape::kAll:
      return lang == L::kEnglish    ? absl::StrCat("Every ", en_unit)
             : lang == L::kJapanese ? absl::StrCat("毎", ja_unit)
                                    : absl::StrCat("每", zh_unit);
    case Shape::kStep:
      switch (lang) {
        case L::kEnglish:
          return s.first == 0 ? absl::StrCat("Every ", s.step, " ", en_unit, "s")
                              : absl::StrCat("Every ", s.step, " ", en_unit, "s from ", en_unit, " ",
                                             s.first);
        case L::kJapanese:
          return s.first == 0 ? absl::StrCat(s.step, ja_unit, "ごと")
                              : absl::StrCat(s.first, ja_unit, "から", s.step, ja_unit, "ごと");
        case L::kChinese:
          return s.first == 0 ? absl::StrCat("每", s.step, zh_unit)
                              : absl::StrCat("从第", s.first, zh_unit, "起每", s.step, zh_unit);
      }
      break;
    case Shape::kSingle:
    case Shape::kRuns: {
      Shape runs = s;
      if (runs.kind == Shape::kSingle) runs.runs = {{s.first, s.first}};
      const std::string list = RunsText(lang, runs, [](int v) { return std::to_string(v); });
      return lang == L::kEnglish    ? absl::StrCat("At ", en_unit, s.values.size() > 1 ? "s " : " ", list)
             : lang == L::kJapanese ? absl::StrCat(list, ja_unit)
                                    : absl::StrCat("第", list, zh_unit);
    }
  }
  return "";
}

std::string MinuteNoun(L lang, const Shape& m) {
  switch (m.kind) {
    case Shape::kStep:
      return lang == L::kEnglish    ? absl::StrCat("every ", internal::Ordinal(m.step), " minute")
             : lang == L::kJapanese ? absl::StrCat(m.step, "分おきの各分")
                                    : absl::StrCat("每隔", m.step, "分钟");
    default: {
      Shape runs = m;
      if (runs.kind == Shape::kSingle) runs.runs = {{m.first, m.first}};
      const std::string list = RunsText(lang, runs, [](int v) { return std::to_string(v); });
      return lang == L::kEnglish    ? absl::StrCat(m.values.size() > 1 ? "minutes " : "minute ", list)
             : lang == L::kJapanese ? absl::StrCat(list, "分台")
                                    : absl::StrCat("第", list, "分钟内");
    }
  }
}

TimePhrase Time(L lang, const CronFields& f) {
  const Shape sec = Analyze(Bits(f.seconds, 0, 59), 0, 59, true);
  const Shape min = Analyze(Bits(f.minutes, 0, 59), 0, 59, true);
  const Shape hour = Analyze(Bits(f.hours, 0, 23), 0, 23, true);
  TimePhrase out;
  // One second and one minute: times of day, or every hour at that minute.
  if (sec.kind == Shape::kSingle && min.kind == Shape::kSingle &&
      (hour.kind == Shape::kSingle || (hour.values.size() <= 6 && hour.kind != Shape::kAll))) {
    std::vector<std::string> times;
    for (int h : InOrder(hour)) times.push_back(Clock(h, min.first, sec.first));
    out.times_of_day = true;
    out.text = lang == L::kEnglish ? "At " + Join(lang, times) : Join(lang, times);
    return out;
  }
  // One hour, one second, one run of minutes: "Every minute from 12:00
  // through 12:30".
  if (sec.kind == Shape::kSingle && sec.first == 0 && hour.kind == Shape::kSingle &&
      min.kind == Shape::kRuns && min.runs.size() == 1 && min.runs[0].first < min.runs[0].last) {
    const std::string a = Clock(hour.first, min.runs[0].first, 0);
    const std::string b = Clock(hour.first, min.runs[0].last, 0);
    out.text = lang == L::kEnglish    ? "Every minute from " + a + " through " + b
               : lang == L::kJapanese ? a + "から" + b + "まで毎分"
                                      : a + "至" + b + "每分钟";
    return out;
  }
  // Seconds vary within one minute of one hour: "Every 5 seconds from
  // 12:00:00 through 12:00:59".
  if (sec.kind != Shape::kSingle && min.kind == Shape::kSingle && hour.kind == Shape::kSingle) {
    const std::string a = absl::StrFormat("%02d:%02d:00", hour.first, min.first);
    const std::string b = absl::StrFormat("%02d:%02d:59", hour.first, min.first);
    const std::string every = Lead(lang, sec, "second", "秒", "秒");
    if (sec.kind == Shape::kAll || sec.kind == Shape::kStep) {
      out.text = lang == L::kEnglish    ? every + " from " + a + " through " + b
                 : lang == L::kJapanese ? a + "から" + b + "まで" + every
                                        : a + "至" + b + every;
      return out;
    }
  }
  // One run of minutes every hour: "Every minute from 5 through 10 past the
  // hour".
  if (sec.kind == Shape::kSingle && sec.first == 0 && hour.kind == Shape::kAll &&
      min.kind == Shape::kRuns && min.runs.size() == 1 && min.runs[0].first + 1 < min.runs[0].last) {
    const int a = min.runs[0].first, b = min.runs[0].last;
    out.text = lang == L::kEnglish    ? absl::StrCat("Every minute from ", a, " through ", b, " past the hour")
               : lang == L::kJapanese ? absl::StrCat("毎時", a, "分から", b, "分まで毎分")
                                      : absl::StrCat("每小时第", a, "至", b, "分钟的每分钟");
    return out;
  }
  // One second, a few minutes (or one), every hour or a span of hours.
  const bool few_minutes =
      min.kind == Shape::kSingle || (min.kind == Shape::kRuns && min.values.size() <= 6 &&
                                     std::all_of(min.runs.begin(), min.runs.end(),
                                                 [](const Run& r) { return r.first == r.last; }));
  if (sec.kind == Shape::kSingle && few_minutes) {
    std::vector<std::string> minutes;
    for (int m : min.values) {
      minutes.push_back(sec.first == 0 ? std::to_string(m) : absl::StrFormat("%d:%02d", m, sec.first));
    }
    const std::string at = Join(lang, minutes);
    const bool on_the_hour = min.kind == Shape::kSingle && min.first == 0 && sec.first == 0;
    const bool step = hour.kind == Shape::kStep;
    const std::string in = step ? "" : HourQualifier(lang, hour, false, min.first);
    switch (lang) {
      case L::kEnglish: {
        const std::string every = step ? absl::StrFormat("Every %d hours from %02d:00", hour.step, hour.first)
                                       : std::string("Every hour");
        out.text = every +
                   (on_the_hour ? "" : (min.values.size() > 1 ? " at minutes " : " at minute ") + at) +
                   (in.empty() ? "" : " " + in);
        break;
      }
      case L::kJapanese: {
        const std::string minute_text = at + (sec.first == 0 ? "分" : "");
        if (step) {
          out.text = absl::StrFormat("%d時から%d時間ごと", hour.first, hour.step) +
                     (on_the_hour ? "" : "の各" + minute_text);
        } else {
          out.text = in + "毎時" + minute_text;
        }
        break;
      }
      case L::kChinese: {
        const std::string every = step ? absl::StrFormat("从%d点起每%d小时", hour.first, hour.step)
                                       : std::string("每小时");
        out.text = in + every + (on_the_hour ? "整点" : "的第" + at + (sec.first == 0 ? "分钟" : ""));
        break;
      }
    }
    return out;
  }
  // Minutes vary, or seconds do: the finest varying field leads.
  std::string lead, qualifier;
  const bool seconds_vary = sec.kind != Shape::kSingle;
  if (!seconds_vary) {
    lead = Lead(lang, min, "minute", "分", "分钟");
    if (sec.first != 0) {
      lead += lang == L::kEnglish    ? absl::StrCat(" at second ", sec.first)
              : lang == L::kJapanese ? absl::StrCat("の", sec.first, "秒")
                                     : absl::StrCat("的第", sec.first, "秒");
    }
  } else {
    lead = Lead(lang, sec, "second", "秒", "秒");
    if (min.kind != Shape::kAll) qualifier = MinuteNoun(lang, min);
  }
  const std::string in = HourQualifier(lang, hour, true, 0);
  switch (lang) {
    case L::kEnglish:
      out.text = lead + (qualifier.empty() ? "" : " during " + qualifier) +
                 (in.empty() ? (qualifier.empty() ? "" : " of every hour") : " " + in);
      break;
    case L::kJapanese:
      out.text = in + (qualifier.empty() ? "" : (in.empty() ? "毎時" : "の") + qualifier + "、") + lead;
      break;
    case L::kChinese:
      out.text = in + (qualifier.empty() ? "" : (in.empty() ? "每小时" : "") + qualifier) + lead;
      break;
  }
  return out;
}

// ---- Days, months, years ---------------------------------------------------------

// The day-of-month part ("on the 15th"), or empty when unrestricted.
std::string DayOfMonth(L lang, const CronFields& f, bool months_restricted) {
  std::vector<std::string> parts;
  const Shape days = Analyze(Bits(f.days, 1, 31), 1, 31, false);
  auto day = [&](int d) {
    return lang == L::kEnglish ? "the " + internal::Ordinal(d) : std::to_string(d) + "日";
  };
  if (!days.values.empty()) {
    if (days.kind == Shape::kStep) {
      switch (lang) {
        case L::kEnglish:
          parts.push_back(absl::StrCat("every ", days.step, " days from the ", internal::Ordinal(days.first)));
          break;
        case L::kJapanese:
          parts.push_back(absl::StrCat(days.first, "日から", days.step, "日ごと"));
          break;
        case L::kChinese:
          parts.push_back(absl::StrCat("从", days.first, "日起每", days.step, "天"));
          break;
      }
    } else {
      Shape runs = days;
      if (runs.kind == Shape::kSingle) runs.runs = {{days.first, days.first}};
      if (runs.kind == Shape::kAll) runs.runs = {{1, 31}};
      parts.push_back(RunsText(lang, runs, day));
    }
  }
  for (int n : Bits(f.last_day_offsets, 1, 30)) {
    parts.push_back(lang == L::kEnglish
                        ? absl::StrCat("the day ", n, n == 1 ? " day" : " days", " before the last day")
                    : lang == L::kJapanese ? absl::StrCat("末日の", n, "日前")
                                           : absl::StrCat("倒数第", n + 1, "天"));
  }
  if (f.last_day) {
    parts.push_back(lang == L::kEnglish ? "the last day" : lang == L::kJapanese ? "末日" : "最后一天");
  }
  if (f.last_weekday_of_month) {
    parts.push_back(lang == L::kEnglish    ? "the last weekday"
                    : lang == L::kJapanese ? "最終平日"
                                           : "最后一个工作日");
  }
  for (int d : Bits(f.nearest_weekdays, 1, 31)) {
    parts.push_back(lang == L::kEnglish    ? "the weekday nearest the " + internal::Ordinal(d)
                    : lang == L::kJapanese ? absl::StrCat(d, "日に最も近い平日")
                                           : absl::StrCat("离", d, "日最近的工作日"));
  }
  if (parts.empty()) return "";
  const std::string list = Join(lang, parts);
  const bool step_only = parts.size() == 1 && days.kind == Shape::kStep;
  switch (lang) {
    case L::kEnglish:
      return (step_only ? "" : "on ") + list + (months_restricted ? "" : " of the month");
    case L::kJapanese:
      return (months_restricted ? "" : "毎月") + list;
    case L::kChinese:
      return (months_restricted ? "" : "每月") + list;
  }
  return list;
}

// The day-of-week part ("on Monday through Friday"), or empty.
std::string DayOfWeek(L lang, const CronFields& f, bool months_restricted) {
  const char* const* names = lang == L::kEnglish ? internal::kEnglishWeekdays : lang == L::kJapanese ? kDayJa : kDayZh;
  std::vector<std::string> parts;
  const Shape days = Analyze(Bits(f.weekdays, 0, 6), 0, 6, true);
  if (!days.values.empty()) {
    Shape runs = days;
    if (runs.kind == Shape::kSingle) runs.runs = {{days.first, days.first}};
    if (runs.kind == Shape::kStep) {  // Mon, Wed, Fri...: a list
      runs.runs.clear();
      for (int v : days.values) runs.runs.push_back({v, v});
    }
    if (runs.kind == Shape::kAll) runs.runs = {{0, 6}};
    parts.push_back(RunsText(lang, runs, [&](int d) { return std::string(names[d]); }, 7));
  }
  for (int d : Bits(f.last_weekdays, 0, 6)) {
    parts.push_back(lang == L::kEnglish    ? absl::StrCat("the last ", names[d])
                    : lang == L::kJapanese ? absl::StrCat("最終", names[d])
                                           : absl::StrCat("最后一个", names[d]));
  }
  for (int d = 0; d < 7; ++d) {
    for (int k : Bits(f.nth_weekdays[d], 1, 5)) {
      parts.push_back(lang == L::kEnglish    ? absl::StrCat("the ", kNthEn[k], " ", names[d])
                      : lang == L::kJapanese ? absl::StrCat("第", k, names[d])
                                             : absl::StrCat("第", k, "个", names[d]));
    }
  }
  if (parts.empty()) return "";
  const std::string list = Join(lang, parts);
  const bool plain = f.last_weekdays == 0 && std::all_of(f.nth_weekdays.begin(), f.nth_weekdays.end(),
                                                         [](uint8_t b) { return b == 0; });
  switch (lang) {
    case L::kEnglish:
      return "on " + list + (plain || months_restricted ? "" : " of the month");
    case L::kJapanese:
      return (plain ? (days.kind == Shape::kSingle ? "毎週" : "") : months_restricted ? "" : "毎月") + list;
    case L::kChinese:
      return (plain ? "每" : months_restricted ? "" : "每月") + list;
  }
  return list;
}

std::string Months(L lang, const CronFields& f) {
  const Shape m = Analyze(Bits(f.months, 1, 12), 1, 12, true);
  if (m.kind == Shape::kAll) return "";
  Shape runs = m;
  if (runs.kind == Shape::kSingle) runs.runs = {{m.first, m.first}};
  if (runs.kind == Shape::kStep) {
    runs.runs.clear();
    for (int v : m.values) runs.runs.push_back({v, v});
  }
  const std::string list = RunsText(
      lang, runs,
      [&](int v) { return lang == L::kEnglish ? std::string(internal::kEnglishMonths[v - 1]) : std::to_string(v) + "月"; },
      12);
  return lang == L::kEnglish ? "in " + list : list;
}

std::string Years(L lang, const CronFields& f) {
  if (!f.has_year) return "";
  std::vector<int> v;
  for (int y = kMinYear; y <= kMaxYear; ++y) {
    if (f.HasYear(y)) v.push_back(y);
  }
  const Shape s = Analyze(v, kMinYear, kMaxYear, false);
  if (s.kind == Shape::kAll) return "";
  auto year = [&](int y) { return lang == L::kEnglish ? std::to_string(y) : std::to_string(y) + "年"; };
  std::string list;
  if (s.kind == Shape::kStep) {
    list = lang == L::kEnglish    ? absl::StrCat("every ", s.step, " years from ", s.first)
           : lang == L::kJapanese ? absl::StrCat(s.first, "年から", s.step, "年ごと")
                                  : absl::StrCat("从", s.first, "年起每", s.step, "年");
  } else {
    Shape runs = s;
    if (runs.kind == Shape::kSingle) runs.runs = {{s.first, s.first}};
    list = RunsText(lang, runs, year);
  }
  return lang == L::kEnglish && s.kind != Shape::kStep ? "in " + list : list;
}

// Whether `zone` still moves its clock (a transition after 2020-01-01).
bool ObservesDst(const TimeZone& zone) {
  constexpr int64_t k2020 = 1577836800;
  return zone.NextTransition(k2020).has_value();
}

std::string Zone(L lang, const Schedule& s) {
  const std::string name = s.explicit_zone() || s.kind() == Schedule::Kind::kAt
                               ? std::string(s.zone().name())
                               : lang == L::kEnglish    ? "in the instance's time zone"
                               : lang == L::kJapanese ? "インスタンスのタイムゾーン"
                                                      : "实例所在时区";
  return lang == L::kEnglish ? " (" + name + ")" : "（" + name + "）";
}

std::string DstNote(L lang, const Schedule& s) {
  if (!s.explicit_zone() || !ObservesDst(s.zone())) return "";
  using Gap = DstPolicy::Gap;
  using Overlap = DstPolicy::Overlap;
  const Gap gap = s.dst_gap();
  const Overlap overlap = s.dst_overlap();
  switch (lang) {
    case L::kEnglish: {
      const char* g = gap == Gap::kRunAtGapEnd ? "in a skipped hour it runs once when the clock jumps"
                      : gap == Gap::kSkip      ? "fire times in a skipped hour are skipped"
                                               : "fire times in a skipped hour run that much later";
      const char* o = overlap == Overlap::kFirst    ? "in a repeated hour once, on the first pass"
                      : overlap == Overlap::kSecond ? "in a repeated hour once, on the second pass"
                                                    : "in a repeated hour both passes run";
      return absl::StrCat("; ", g, ", and ", o);
    }
    case L::kJapanese: {
      const char* g = gap == Gap::kRunAtGapEnd ? "夏時間で飛ばされる時間帯の実行は時計が進んだ時点で1回"
                      : gap == Gap::kSkip      ? "夏時間で飛ばされる時間帯の実行は行わず"
                                               : "夏時間で飛ばされる時間帯の実行はその分遅れて行い";
      const char* o = overlap == Overlap::kFirst    ? "繰り返される時間帯では1回目だけ実行します"
                      : overlap == Overlap::kSecond ? "繰り返される時間帯では2回目だけ実行します"
                                                    : "繰り返される時間帯では2回とも実行します";
      return absl::StrCat("。", g, "、", o);
    }
    case L::kChinese: {
      const char* g = gap == Gap::kRunAtGapEnd ? "夏令时跳过的时段在时钟跳变时执行一次"
                      : gap == Gap::kSkip      ? "夏令时跳过的时段不执行"
                                               : "夏令时跳过的时段顺延执行";
      const char* o = overlap == Overlap::kFirst    ? "重复的时段只在第一次执行"
                      : overlap == Overlap::kSecond ? "重复的时段只在第二次执行"
                                                    : "重复的时段两次都执行";
      return absl::StrCat("；", g, "，", o);
    }
  }
  return "";
}

std::string DescribeCron(L lang, const Schedule& s, const CronFields& f) {
  const TimePhrase time = Time(lang, f);
  const std::string months = Months(lang, f);
  const std::string years = Years(lang, f);
  const bool months_restricted = !months.empty();
  const std::string dom = f.dom_restricted ? DayOfMonth(lang, f, months_restricted) : "";
  const std::string dow = f.dow_restricted ? DayOfWeek(lang, f, months_restricted) : "";
  std::string days;
  // One month and one plain day: a date ("on February 29").
  const Shape month_shape = Analyze(Bits(f.months, 1, 12), 1, 12, true);
  const Shape day_shape = Analyze(Bits(f.days, 1, 31), 1, 31, false);
  const bool date = month_shape.kind == Shape::kSingle && f.dom_restricted && !f.dow_restricted &&
                    day_shape.kind == Shape::kSingle && f.last_day_offsets == 0 && !f.last_day &&
                    !f.last_weekday_of_month && f.nearest_weekdays == 0;
  if (date) {
    const std::string d = lang == L::kEnglish
                              ? absl::StrCat("on ", internal::kEnglishMonths[month_shape.first - 1], " ", day_shape.first)
                              : absl::StrCat(month_shape.first, "月", day_shape.first, "日");
    std::string out;
    const bool one_year = f.has_year && __builtin_popcountll(f.years[0]) + __builtin_popcountll(f.years[1]) +
                                                __builtin_popcountll(f.years[2]) == 1;
    if (lang == L::kEnglish) {
      out = time.text + " " + d + (years.empty() ? "" : ", " + (one_year ? years.substr(3) : years));
    } else if (one_year) {
      out = years + d + (time.times_of_day ? (lang == L::kJapanese ? "の " : " ")
                                           : (lang == L::kJapanese ? "、" : "，")) + time.text;
    } else {
      const bool ja = lang == L::kJapanese;
      out = (years.empty() ? "" : years + (ja ? "の" : "的")) + d +
            (time.times_of_day ? (ja ? "の " : " ") : (ja ? "、" : "，")) + time.text;
    }
    return out + Zone(lang, s) + DstNote(lang, s);
  }
  if (!dom.empty() && !dow.empty()) {  // SPEC 5.3: either matches
    days = lang == L::kEnglish ? dom + ", or " + dow.substr(0, 3) + "any " + dow.substr(3)
                               : dom + (lang == L::kJapanese ? "または" : "或") + dow;
  } else {
    days = dom.empty() ? dow : dom;
  }
  std::string out;
  switch (lang) {
    case L::kEnglish: {
      out = time.text;
      if (!days.empty()) {
        out += " " + days;
      } else if (time.times_of_day) {
        out += " every day";
      }
      if (!months.empty()) out += " " + months;
      if (!years.empty()) {
        out += (months.empty() && years.rfind("every", 0) != 0 ? " " : ", ") + years;
      }
      break;
    }
    case L::kJapanese:
    case L::kChinese: {
      const bool ja = lang == L::kJapanese;
      std::string when;
      if (!years.empty()) when += years + (ja ? "の" : "的");
      if (!months.empty()) when += months + (ja ? "の" : "的");
      const bool every_day = days.empty();
      when += every_day ? (when.empty() && !time.times_of_day ? "" : (ja ? "毎日" : "每天")) : days;
      if (time.times_of_day) {
        out = when + (ja && !every_day ? "の " : " ") + time.text;
      } else {
        out = when.empty() ? time.text : when + (ja ? "、" : "，") + time.text;
      }
      break;
    }
  }
  return out + Zone(lang, s) + DstNote(lang, s);
}

std::string DescribeRate(L lang, const Schedule& s) {
  const std::string_view unit = s.rate_unit();
  const int64_t scale = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 86400;
  const int64_t n = s.rate_period_seconds() / scale;
  const char* en = unit == "s" ? "second" : unit == "m" ? "minute" : unit == "h" ? "hour" : "day";
  const char* ja = unit == "s" ? "秒" : unit == "m" ? "分" : unit == "h" ? "時間" : "日";
  const char* zh = unit == "s" ? "秒" : unit == "m" ? "分钟" : unit == "h" ? "小时" : "天";
  switch (lang) {
    case L::kEnglish:
      return (n == 1 ? absl::StrCat("Every ", en) : absl::StrCat("Every ", n, " ", en, "s")) +
             ", counted from the time the task was created";
    case L::kJapanese:
      return absl::StrCat("タスクの作成時刻から", n, ja, "ごと");
    case L::kChinese:
      return absl::StrCat("自任务创建时起每", n == 1 ? "" : std::to_string(n), zh);
  }
  return "";
}

std::string DescribeAt(L lang, const Schedule& s) {
  const int64_t local = s.at_instant() + s.zone().OffsetAt(s.at_instant());
  const CivilTime t = CivilFromLocalSeconds(local);
  const std::string when = absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day,
                                           t.hour, t.minute, t.second);
  switch (lang) {
    case L::kEnglish:
      return "Once, at " + when + Zone(lang, s);
    case L::kJapanese:
      return when + " に1回" + Zone(lang, s);
    case L::kChinese:
      return "在 " + when + " 执行一次" + Zone(lang, s);
  }
  return "";
}

}  // namespace

std::optional<Language> FindLanguage(std::string_view tag) {
  const std::string_view base = tag.substr(0, tag.find_first_of("-_"));
  if (core::EqualsIgnoreCase(base, "en")) return Language::kEnglish;
  if (core::EqualsIgnoreCase(base, "ja")) return Language::kJapanese;
  if (core::EqualsIgnoreCase(base, "zh")) return Language::kChinese;
  return std::nullopt;
}

std::string Describe(const Schedule& schedule, Language language) {
  switch (schedule.kind()) {
    case Schedule::Kind::kRate:
      return DescribeRate(language, schedule);
    case Schedule::Kind::kAt:
      return DescribeAt(language, schedule);
    case Schedule::Kind::kCron:
      return DescribeCron(language, schedule, *schedule.cron_fields());
  }
  return "";
}

}  // namespace schedule
}  // namespace runcheck
