// CronFieldsToString (schedule/cron.h): the canonical text of a cron
// expression.

#include "schedule/cron.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace runcheck {
namespace schedule {

namespace {

// "a-b,c,..." for the set bits of `mask` between lo and hi, shifted by `add`.
std::string ListOf(uint64_t mask, int lo, int hi, int add = 0) {
  std::vector<std::string> parts;
  for (int v = lo; v <= hi;) {
    if (!((mask >> v) & 1)) {
      ++v;
      continue;
    }
    int e = v;
    while (e + 1 <= hi && ((mask >> (e + 1)) & 1)) ++e;
    if (e == v) {
      parts.push_back(absl::StrCat(v + add));
    } else {
      parts.push_back(absl::StrCat(v + add, "-", e + add));
    }
    v = e + 1;
  }
  return absl::StrJoin(parts, ",");
}

}  // namespace

// A second, minute or hour field that keeps the schedule's class: plain
// values for fixed-time; for interval, '*', an arithmetic step "a-b/n" or
// ranges.
std::string TimeField(uint64_t mask, int hi, bool fixed) {
  if (fixed) {
    std::vector<std::string> parts;
    for (int v = 0; v <= hi; ++v) {
      if ((mask >> v) & 1) parts.push_back(absl::StrCat(v));
    }
    return absl::StrJoin(parts, ",");
  }
  const uint64_t all = (hi == 63 ? ~uint64_t{0} : (uint64_t{2} << hi) - 1);
  if (mask == all) return "*";
  const int n = __builtin_popcountll(mask);
  if (n >= 3) {
    const int a = __builtin_ctzll(mask);
    const int b = 63 - __builtin_clzll(mask);
    if ((b - a) % (n - 1) == 0) {
      const int step = (b - a) / (n - 1);
      bool progression = step > 1;
      for (int k = 0; progression && k < n; ++k) {
        progression = (mask >> (a + k * step)) & 1;
      }
      if (progression) return absl::StrCat(a, "-", b, "/", step);
    }
  }
  return ListOf(mask, 0, hi);
}

std::string CronFieldsToString(const CronFields& f) {
  std::string sec = TimeField(f.seconds, 59, f.fixed_time);
  const std::string min = TimeField(f.minutes, 59, f.fixed_time);
  const std::string hour = TimeField(f.hours, 23, f.fixed_time);
  if (!f.fixed_time &&
      (sec + min + hour).find_first_of("*-/") == std::string::npos) {
    // Plain values that came from an interval form ("5-5"): keep the class.
    const size_t comma = sec.find(',');
    const std::string first = sec.substr(0, comma);
    sec = absl::StrCat(first, "-", first, sec.substr(first.size()));
  }
  std::string out = absl::StrCat(sec, " ", min, " ", hour, " ");
  if (!f.dom_restricted) {
    out += f.dow_restricted ? "?" : "*";
  } else {
    std::vector<std::string> parts;
    if (f.days) parts.push_back(ListOf(f.days, 1, 31));
    if (f.last_day) parts.push_back("L");
    for (int n = 1; n <= 30; ++n) {
      if ((f.last_day_offsets >> n) & 1) parts.push_back(absl::StrCat("L-", n));
    }
    if (f.last_weekday_of_month) parts.push_back("LW");
    for (int n = 1; n <= 31; ++n) {
      if ((f.nearest_weekdays >> n) & 1) parts.push_back(absl::StrCat(n, "W"));
    }
    out += absl::StrJoin(parts, ",");
  }
  out += " ";
  out += f.months == 0x1ffe ? std::string("*") : ListOf(f.months, 1, 12);
  out += " ";
  if (!f.dow_restricted) {
    out += "?";
  } else {
    std::vector<std::string> parts;
    if (f.weekdays) parts.push_back(ListOf(f.weekdays, 0, 6, 1));
    for (int w = 0; w < 7; ++w) {
      if ((f.last_weekdays >> w) & 1) parts.push_back(absl::StrCat(w + 1, "L"));
    }
    for (int w = 0; w < 7; ++w) {
      for (int k = 1; k <= 5; ++k) {
        if ((f.nth_weekdays[w] >> k) & 1) {
          parts.push_back(absl::StrCat(w + 1, "#", k));
        }
      }
    }
    out += absl::StrJoin(parts, ",");
  }
  if (f.has_year) {
    std::vector<std::string> parts;
    bool all = true;
    for (int y = kMinYear; y <= kMaxYear; ++y) all = all && f.HasYear(y);
    if (all) {
      out += " *";
    } else {
      for (int y = kMinYear; y <= kMaxYear;) {
        if (!f.HasYear(y)) {
          ++y;
          continue;
        }
        int e = y;
        while (e + 1 <= kMaxYear && f.HasYear(e + 1)) ++e;
        parts.push_back(e == y ? absl::StrCat(y) : absl::StrCat(y, "-", e));
        y = e + 1;
      }
      out += " " + absl::StrJoin(parts, ",");
    }
  }
  return out;
}

}  // namespace schedule
}  // namespace runcheck
