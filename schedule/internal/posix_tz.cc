#include "schedule/internal/posix_tz.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "schedule/civil.h"

namespace runcheck {
namespace schedule {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  bool Eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // A number of at most `max_digits` digits.
  std::optional<int> Number(int max_digits) {
    int v = 0, n = 0;
    while (n < max_digits && absl::ascii_isdigit(static_cast<unsigned char>(peek()))) {
      v = v * 10 + (s_[i_++] - '0');
      ++n;
    }
    if (n == 0) return std::nullopt;
    return v;
  }
  bool Name() {
    if (Eat('<')) {
      size_t n = 0;
      while (!done() && peek() != '>') {
        const char c = peek();
        if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '+' &&
            c != '-') {
          return false;
        }
        ++i_;
        ++n;
      }
      return n >= 3 && Eat('>');
    }
    size_t n = 0;
    while (absl::ascii_isalpha(static_cast<unsigned char>(peek()))) {
      ++i_;
      ++n;
    }
    return n >= 3;
  }
  // [+-]hh[:mm[:ss]] with hh <= max_hours; seconds, sign applied.
  std::optional<int32_t> Hms(int max_hours) {
    int sign = 1;
    if (Eat('-')) {
      sign = -1;
    } else {
      Eat('+');
    }
    std::optional<int> h = Number(3);
    if (!h || *h > max_hours) return std::nullopt;
    int32_t v = *h * 3600;
    if (Eat(':')) {
      std::optional<int> m = Number(2);
      if (!m || *m > 59) return std::nullopt;
      v += *m * 60;
      if (Eat(':')) {
        std::optional<int> sec = Number(2);
        if (!sec || *sec > 59) return std::nullopt;
        v += *sec;
      }
    }
    return sign * v;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

std::optional<PosixTzRule> ParseRule(Cursor& c) {
  PosixTzRule r;
  if (c.Eat('J')) {
    r.kind = PosixTzRule::kJulian1;
    std::optional<int> d = c.Number(3);
    if (!d || *d < 1 || *d > 365) return std::nullopt;
    r.day = *d;
  } else if (c.Eat('M')) {
    r.kind = PosixTzRule::kMonthWeekDay;
    std::optional<int> m = c.Number(2);
    if (!m || *m < 1 || *m > 12 || !c.Eat('.')) return std::nullopt;
    std::optional<int> w = c.Number(1);
    if (!w || *w < 1 || *w > 5 || !c.Eat('.')) return std::nullopt;
    std::optional<int> d = c.Number(1);
    if (!d || *d > 6) return std::nullopt;
    r.month = *m;
    r.week = *w;
    r.weekday = *d;
  } else {
    r.kind = PosixTzRule::kJulian0;
    std::optional<int> d = c.Number(3);
    if (!d || *d > 365) return std::nullopt;
    r.day = *d;
  }
  if (c.Eat('/')) {
    std::optional<int32_t> t = c.Hms(167);
    if (!t) return std::nullopt;
    r.time = *t;
  }
  return r;
}

// Days since 1970-01-01 of the rule's date in `year`.
int64_t RuleDay(const PosixTzRule& r, int64_t year) {
  const int64_t jan1 = DaysFromCivil(year, 1, 1);
  switch (r.kind) {
    case PosixTzRule::kJulian1: {
      // Day 1-365, February 29 never counted.
      int64_t d = jan1 + r.day - 1;
      if (IsLeapYear(year) && r.day >= 60) ++d;
      return d;
    }
    case PosixTzRule::kJulian0:
      return jan1 + r.day;
    case PosixTzRule::kMonthWeekDay: {
      const int64_t first = DaysFromCivil(year, r.month, 1);
      // WeekdayFromDays: 0 = Monday; POSIX: 0 = Sunday.
      const int first_wd = (WeekdayFromDays(first) + 1) % 7;
      int64_t d = first + (r.weekday - first_wd + 7) % 7 + 7 * (r.week - 1);
      const int64_t last = first + DaysInMonth(year, r.month) - 1;
      while (d > last) d -= 7;
      return d;
    }
  }
  return jan1;
}

}  // namespace

std::optional<PosixTz> ParsePosixTz(std::string_view spec) {
  Cursor c(spec);
  PosixTz tz;
  if (!c.Name()) return std::nullopt;
  std::optional<int32_t> std_west = c.Hms(24);
  if (!std_west) return std::nullopt;
  tz.std_offset = -*std_west;
  if (c.done()) return tz;
  if (!c.Name()) return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset = tz.std_offset + 3600;
  if (!c.done() && c.peek() != ',') {
    std::optional<int32_t> dst_west = c.Hms(24);
    if (!dst_west) return std::nullopt;
    tz.dst_offset = -*dst_west;
  }
  if (c.done()) {
    // No rule: POSIX leaves it to the implementation; use the US rule, as
    // glibc and zic do.
    tz.start = PosixTzRule{PosixTzRule::kMonthWeekDay, 0, 3, 2, 0, 7200};
    tz.end = PosixTzRule{PosixTzRule::kMonthWeekDay, 0, 11, 1, 0, 7200};
    return tz;
  }
  if (!c.Eat(',')) return std::nullopt;
  std::optional<PosixTzRule> start = ParseRule(c);
  if (!start || !c.Eat(',')) return std::nullopt;
  std::optional<PosixTzRule> end = ParseRule(c);
  if (!end || !c.done()) return std::nullopt;
  tz.start = *start;
  tz.end = *end;
  return tz;
}

std::vector<ZoneTransition> PosixTransitions(const PosixTz& tz,
                                             int64_t first_year,
                                             int64_t last_year) {
  std::vector<ZoneTransition> out;
  if (!tz.has_dst) return out;
  for (int64_t y = first_year; y <= last_year; ++y) {
    const int64_t start =
        RuleDay(tz.start, y) * kSecondsPerDay + tz.start.time - tz.std_offset;
    const int64_t end =
        RuleDay(tz.end, y) * kSecondsPerDay + tz.end.time - tz.dst_offset;
    out.push_back(ZoneTransition{start, tz.dst_offset});
    out.push_back(ZoneTransition{end, tz.std_offset});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ZoneTransition& a, const ZoneTransition& b) {
                     return a.at < b.at;
                   });
  // A rule that keeps DST all year (e.g. J0/0,J365/25) makes one year's end
  // coincide with the next year's start: at one instant the later entry wins.
  // Entries that then change nothing are dropped.
  std::vector<ZoneTransition> changes;
  // Before the first entry the other offset was in force (southern-hemisphere
  // rules start the year in DST).
  int32_t current = out.empty() || out.front().offset == tz.dst_offset
                        ? tz.std_offset
                        : tz.dst_offset;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i + 1 < out.size() && out[i + 1].at == out[i].at) continue;
    if (out[i].offset != current) changes.push_back(out[i]);
    current = out[i].offset;
  }
  return changes;
}

}  // namespace schedule
}  // namespace runcheck
