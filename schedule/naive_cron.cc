#include "schedule/naive_cron.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "schedule/civil.h"

namespace runcheck {
namespace schedule {

namespace {

bool DayMatches(const CronFields& f, int64_t y, int m, int d) {
  const int dim = DaysInMonth(y, m);
  auto wd = [&](int day) { return WeekdayFromDays(DaysFromCivil(y, m, day)); };
  auto is_weekday = [&](int day) { return wd(day) < 5; };
  bool dom = (f.days >> d) & 1;
  if (f.last_day && d == dim) dom = true;
  for (int n = 1; n <= 30; ++n) {
    if (((f.last_day_offsets >> n) & 1) && d == dim - n) dom = true;
  }
  if (f.last_weekday_of_month) {
    int x = dim;
    while (!is_weekday(x)) --x;
    if (d == x) dom = true;
  }
  for (int n = 1; n <= 31; ++n) {
    if (!((f.nearest_weekdays >> n) & 1) || n > dim) continue;
    // The weekday closest to n inside the month; ties cannot happen.
    int best = -1;
    for (int x = 1; x <= dim; ++x) {
      if (is_weekday(x) && (best < 0 || std::abs(x - n) < std::abs(best - n))) {
        best = x;
      }
    }
    if (d == best) dom = true;
  }
  const int w = wd(d);
  bool dow = (f.weekdays >> w) & 1;
  if (((f.last_weekdays >> w) & 1) && d + 7 > dim) dow = true;
  if ((f.nth_weekdays[w] >> ((d - 1) / 7 + 1)) & 1) dow = true;
  if (f.dom_restricted && f.dow_restricted) return dom || dow;
  if (f.dom_restricted) return dom;
  if (f.dow_restricted) return dow;
  return true;
}

}  // namespace

bool NaiveMatches(const CronFields& f, int64_t local) {
  const CivilTime t = CivilFromLocalSeconds(local);
  return f.HasYear(t.year) && ((f.months >> t.month) & 1) &&
         ((f.hours >> t.hour) & 1) && ((f.minutes >> t.minute) & 1) &&
         ((f.seconds >> t.second) & 1) && DayMatches(f, t.year, t.month, t.day);
}

bool NaiveFiresAt(const CronSchedule& s, int64_t u) {
  const TimeZone& z = s.zone();
  const CronFields& f = s.fields();
  const int64_t c = u + z.OffsetAt(u);
  const TimeZone::Lookup l = z.At(c);
  bool fire = false;
  if (l.kind == TimeZone::Lookup::kUnique) {
    fire = NaiveMatches(f, c);
  } else {
    const bool first = u == l.pre;
    const bool allowed =
        s.overlap() == DstPolicy::Overlap::kBoth ||
        (first ? s.overlap() == DstPolicy::Overlap::kFirst
               : s.overlap() == DstPolicy::Overlap::kSecond);
    fire = allowed && NaiveMatches(f, c);
  }
  // Civil times a forward jump skipped.
  const int seg = z.SegmentAt(u);
  if (seg >= 0) {
    const int64_t at = z.transitions()[seg].at;
    const int32_t now_off = z.transitions()[seg].offset;
    const int32_t before =
        seg == 0 ? z.initial_offset() : z.transitions()[seg - 1].offset;
    if (now_off > before) {
      if (s.gap() == DstPolicy::Gap::kRunAtGapEnd && u == at) {
        for (int64_t g = at + before; g < at + now_off; ++g) {
          if (NaiveMatches(f, g)) fire = true;
        }
      }
      if (s.gap() == DstPolicy::Gap::kShift && u >= at &&
          u < at + (now_off - before) && NaiveMatches(f, u + before)) {
        fire = true;
      }
    }
  }
  return fire;
}

WindowFires FiresInWindow(const CronSchedule& s, int64_t from, int64_t to) {
  WindowFires w;
  for (int64_t u = from + 1; u < to; ++u) {
    if (NaiveFiresAt(s, u)) w.naive.push_back(u);
  }
  const size_t cap = w.naive.size() + 5;
  for (std::optional<int64_t> t = s.Next(from); t && *t < to && w.next_chain.size() < cap;
       t = s.Next(*t)) {
    w.next_chain.push_back(*t);
  }
  for (std::optional<int64_t> t = s.Previous(to);
       t && *t > from && w.previous_chain.size() < cap; t = s.Previous(*t)) {
    w.previous_chain.push_back(*t);
  }
  std::reverse(w.previous_chain.begin(), w.previous_chain.end());
  return w;
}

}  // namespace schedule
}  // namespace runcheck
