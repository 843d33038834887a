// ParseFrequency (schedule/frequency.h): the rate, at and cron grammars and
// the request-level rules.

#include "schedule/frequency.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/ascii.h"
#include "core/utf8.h"
#include "schedule/civil.h"
#include "schedule/cron.h"
#include "schedule/dst_encounters.h"
#include "schedule/internal/never_fires.h"
#include "schedule/internal/schedule_builder.h"
#include "schedule/internal/zone_token.h"

namespace runcheck {
namespace schedule {
namespace {

constexpr std::string_view kField = "Frequency";
using internal::kRateHorizon;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Is `text` (trimmed) of the form `<word>` + optional blanks + `(`?
bool StartsForm(std::string_view text, std::string_view word) {
  if (text.size() <= word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (core::LowerAscii(text[i]) != word[i]) return false;
  }
  size_t i = word.size();
  while (i < text.size() && IsBlank(text[i])) ++i;
  return i < text.size() && text[i] == '(';
}

class Parser {
 public:
  Parser(std::string_view original, const FrequencyOptions& options,
         FrequencyResult& result)
      : original_(original), opt_(options), result_(result) {}

  void Run() {
    size_t b = 0, e = original_.size();
    while (b < e && IsBlank(original_[b])) ++b;
    while (e > b && IsBlank(original_[e - 1])) --e;
    base_ = b;
    text_ = original_.substr(b, e - b);
    if (text_.empty()) {
      base_ = 0;
      Fail(0, original_.size(), "the Frequency is empty");
      return;
    }
    if (b > 0 || e < original_.size()) {
      Warn("frequency.trimmed", 0, original_.size(),
           "leading or trailing white space is ignored");
    }
    if (StartsForm(text_, "rate")) {
      Rate();
    } else if (StartsForm(text_, "at")) {
      At();
    } else {
      Cron();
    }
  }

 private:
  // Offsets below are into text_ (trimmed); spans are reported into the
  // original value.
  void Fail(size_t off, size_t len, std::string detail) {
    // A span never leaves the value (an error at its end has length 0).
    const size_t room = original_.size() - base_;
    off = std::min(off, room);
    len = std::min(len, room - off);
    result_.findings.violations.push_back(core::Violation{
        core::Code::kInvalidParamFrequency, std::string(kField),
        core::Span{base_ + off, len}, std::move(detail)});
  }
  void Warn(std::string_view id, size_t off, size_t len, std::string detail) {
    result_.findings.warnings.push_back(
        core::Warning{id, std::string(kField), core::Span{off, len}, std::move(detail)});
  }
  bool Ok() const { return result_.findings.violations.empty(); }

  void Rate() {
    size_t i = 4;
    auto blanks = [&] { while (i < text_.size() && IsBlank(text_[i])) ++i; };
    blanks();
    ++i;  // '('
    blanks();
    const size_t num_at = i;
    while (i < text_.size() && absl::ascii_isdigit(static_cast<unsigned char>(text_[i]))) {
      ++i;
    }
    int64_t n = 0;
    for (size_t k = num_at; k < i; ++k) {
      n = n * 10 + (text_[k] - '0');
      if (n > 1'000'000'000'000) {  // far above any limit; stops overflow
        Fail(num_at, i - num_at, "the rate is too large");
        return;
      }
    }
    if (i == num_at) {
      Fail(i, 1, "rate(...) needs a whole number, e.g. rate(5m)");
      return;
    }
    blanks();
    const size_t unit_at = i;
    const char u = i < text_.size() ? core::LowerAscii(text_[i]) : '\0';
    const int64_t scale = u == 's' ? 1 : u == 'm' ? 60 : u == 'h' ? 3600
                          : u == 'd' ? 86400 : 0;
    if (scale == 0) {
      Fail(unit_at, i < text_.size() ? 1 : 0,
           "rate(...) needs a unit s, m, h or d after the number");
      return;
    }
    ++i;
    if (i < text_.size() && absl::ascii_isalpha(static_cast<unsigned char>(text_[i]))) {
      size_t end = i;
      while (end < text_.size() && absl::ascii_isalpha(static_cast<unsigned char>(text_[end]))) ++end;
      Fail(unit_at, end - unit_at,
           absl::StrCat("'", core::QuoteUserText(text_.substr(unit_at, end - unit_at)),
                        "' is not a rate unit: the units are s, m, h and d "
                        "(one letter, e.g. rate(5m))"));
      return;
    }
    blanks();
    if (i >= text_.size() || text_[i] != ')') {
      Fail(i, i < text_.size() ? 1 : 0, "expected ')' to close rate(");
      return;
    }
    if (i + 1 != text_.size()) {
      Fail(i + 1, text_.size() - i - 1, "unexpected text after rate(...)");
      return;
    }
    const int64_t period = n * scale;
    const core::Limits& l = opt_.limits;
    if (period < l.min_rate_seconds || period > l.max_rate_seconds) {
      Fail(num_at, i - num_at,
           absl::StrCat("the rate period is ", period, " s; it must be ",
                        l.min_rate_seconds, " s to ", l.max_rate_seconds, " s"));
      return;
    }
    if (opt_.now && opt_.timeout_seconds && period <= *opt_.timeout_seconds) {
      Fail(num_at, i - num_at,
           absl::StrCat("the rate period (", period,
                        " s) must be longer than the Timeout (",
                        *opt_.timeout_seconds, " s)"));
      return;
    }
    // The anchor is kept inside [1900, 2100) so that anchor + k * period
    // never overflows; a rate created outside that range is out of contract.
    const int64_t anchor =
        std::clamp(opt_.created.value_or(opt_.now.value_or(0)),
                   DaysFromCivil(1900, 1, 1) * kSecondsPerDay, kRateHorizon);
    result_.schedule =
        ScheduleBuilder::Rate(anchor, period, std::string(1, u));
    CheckFiresAfterNow();
  }

  // Exactly `width` digits at text_[i]; returns the value or -1.
  int Digits(size_t i, size_t width) const {
    if (i + width > text_.size()) return -1;
    int v = 0;
    for (size_t k = i; k < i + width; ++k) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(text_[k]))) return -1;
      v = v * 10 + (text_[k] - '0');
    }
    return v;
  }

  void At() {
    size_t i = 2;
    while (i < text_.size() && IsBlank(text_[i])) ++i;
    ++i;  // '('
    const size_t start = i;
    // yyyy-MM-dd HH:mm:ss
    struct Part { size_t off, width; char after; const char* name; int lo, hi; };
    const Part parts[] = {
        {0, 4, '-', "year", kMinYear, kMaxYear}, {5, 2, '-', "month", 1, 12},
        {8, 2, ' ', "day", 1, 31},               {11, 2, ':', "hour", 0, 23},
        {14, 2, ':', "minute", 0, 59},           {17, 2, '\0', "second", 0, 59}};
    int v[6];
    for (int k = 0; k < 6; ++k) {
      const Part& p = parts[k];
      v[k] = Digits(start + p.off, p.width);
      if (v[k] < 0) {
        Fail(start + p.off, std::min(p.width, text_.size() - std::min(text_.size(), start + p.off)),
             absl::StrCat("at(...) expects yyyy-MM-dd HH:mm:ss; the ", p.name,
                          " must be ", p.width, " digits"));
        return;
      }
      if (p.after != '\0') {
        const size_t sep = start + p.off + p.width;
        const char c = sep < text_.size() ? text_[sep] : '\0';
        const bool ok = c == p.after || (p.after == ' ' && c == 'T');
        if (!ok) {
          Fail(sep, sep < text_.size() ? 1 : 0,
               absl::StrCat("at(...) expects '", std::string(1, p.after),
                            "' after the ", p.name,
                            p.after == ' ' ? " (or 'T')" : ""));
          return;
        }
      }
    }
    for (int k = 0; k < 6; ++k) {
      const Part& p = parts[k];
      const int hi = k == 2 ? DaysInMonth(v[0], v[1]) : p.hi;
      if (v[k] < p.lo || v[k] > hi) {
        Fail(start + p.off, p.width,
             absl::StrCat("the ", p.name, " ", v[k], " is outside ", p.lo, "-",
                          hi, k == 2 ? absl::StrCat(" for ", v[0], "-", v[1] < 10 ? "0" : "", v[1]) : ""));
        return;
      }
    }
    size_t i2 = start + 19;
    TimeZone zone = TimeZone::Fixed("UTC", 0);
    if (i2 < text_.size() && text_[i2] == ' ') {
      const size_t zone_at = i2 + 1;
      const size_t close = text_.find(')', zone_at);
      const size_t zone_end = close == std::string_view::npos ? text_.size() : close;
      const std::string_view token = text_.substr(zone_at, zone_end - zone_at);
      if (token.empty() || IsBlank(token.front()) || token.find_first_of(" \t") != std::string_view::npos) {
        Fail(zone_at, token.size(),
             "at(...) takes exactly one space before the time zone and none "
             "inside it");
        return;
      }
      if (!Zone(token, zone_at, &zone)) return;
      i2 = zone_end;
    }
    if (i2 >= text_.size() || text_[i2] != ')') {
      const char c = i2 < text_.size() ? text_[i2] : '\0';
      Fail(i2, i2 < text_.size() ? 1 : 0,
           c == 'Z' || c == 'z'
               ? "at(...) takes no 'Z' suffix: write the zone after one space, "
                 "e.g. at(2027-01-01 10:00:00 UTC)"
           : c == '\0'
               ? "expected ')' after the time"
               : "expected ')' or one space and a time zone after the time "
                 "(yyyy-MM-dd HH:mm:ss[ zone])");
      return;
    }
    if (i2 + 1 != text_.size()) {
      Fail(i2 + 1, text_.size() - i2 - 1, "unexpected text after at(...)");
      return;
    }
    const int64_t local = LocalSeconds(CivilTime{v[0], v[1], v[2], v[3], v[4], v[5]});
    const TimeZone::Lookup l = zone.At(local);
    if (l.kind == TimeZone::Lookup::kSkipped) {
      Fail(start, 19,
           absl::StrCat("this local time does not exist in ", zone.name(),
                        " (the clock skips it)"));
      return;
    }
    if (l.kind == TimeZone::Lookup::kRepeated) {
      Warn("frequency.at-ambiguous", base_ + start, 19,
           absl::StrCat("this local time occurs twice in ", zone.name(),
                        "; the earlier one is used"));
    }
    if (opt_.now && l.pre <= *opt_.now) {
      Fail(start, 19, "the time is in the past (it must be after now)");
      return;
    }
    result_.schedule = ScheduleBuilder::At(l.pre, std::move(zone));
  }

  bool Zone(std::string_view token, size_t off, TimeZone* zone) {
    ZoneToken z = ParseZoneToken(token, opt_.zones);
    if (!z.zone) {
      Fail(off, token.size(), z.error);
      return false;
    }
    if (!z.warning_id.empty()) {
      Warn(z.warning_id, base_ + off, token.size(), z.warning);
    }
    *zone = std::move(*z.zone);
    return true;
  }

  void Cron() {
    // Split off a trailing zone token: the 7th token when it starts with a
    // letter, or the 8th.
    absl::InlinedVector<std::pair<size_t, size_t>, 8> tok;  // offset, length
    for (size_t i = 0; i < text_.size();) {
      if (IsBlank(text_[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text_.size() && !IsBlank(text_[j])) ++j;
      tok.emplace_back(i, j - i);
      i = j;
    }
    size_t fields_end = text_.size();
    std::optional<std::pair<size_t, size_t>> zone_tok;
    if ((tok.size() == 7 || tok.size() == 8) &&
        absl::ascii_isalpha(static_cast<unsigned char>(text_[tok.back().first]))) {
      zone_tok = tok.back();
      fields_end = tok[tok.size() - 2].first + tok[tok.size() - 2].second;
    }
    if (tok.size() < 6 && !tok.empty() && text_[0] == '@') {
      Fail(0, tok[0].second,
           "macros such as @daily are not supported; write six fields, e.g. "
           "0 0 0 * * ?");
      return;
    }
    CronParse p = ParseCronFields(text_.substr(0, fields_end));
    if (p.error) {
      std::string detail = p.error->detail;
      if (tok.size() == 5) {
        detail += "; five-field cron is not supported: add the seconds field "
                  "first, e.g. 0 ";
        detail += core::QuoteUserText(text_.substr(0, fields_end));
      }
      Fail(p.error->offset, p.error->length, detail);
      return;
    }
    std::optional<TimeZone> named;  // copying the default zone only once, below
    if (zone_tok) {
      named.emplace();
      if (!Zone(text_.substr(zone_tok->first, zone_tok->second),
                zone_tok->first, &*named)) {
        return;
      }
    }
    for (const CronNote& n : p.notes) {
      Warn(n.id, base_ + n.offset, n.length, n.detail);
    }
    const CronFields& f = *p.fields;
    if (f.dom_restricted && f.dow_restricted) {
      Warn("frequency.day-fields-or", base_ + tok[3].first,
           tok[5].first + tok[5].second - tok[3].first,
           "both day-of-month and day-of-week are restricted: a day matches "
           "when EITHER matches (write ? in one of them to use only the "
           "other)");
    }
    result_.schedule = ScheduleBuilder::Cron(
        CronSchedule(f, named ? std::move(*named) : opt_.default_zone, opt_.dst),
        zone_tok.has_value());
    if (!opt_.now) return;
    // Request-level rules.
    const TimeZone& z = result_.schedule->zone();
    const int64_t now_local = *opt_.now + z.OffsetAt(*opt_.now);
    const int64_t now_year = CivilFromLocalSeconds(now_local).year;
    if (f.has_year) {
      bool any_future = false;
      for (int y = std::max<int64_t>(kMinYear, now_year); y <= kMaxYear; ++y) {
        any_future = any_future || f.HasYear(y);
      }
      const auto [yoff, ylen] = tok[6];
      const bool any_past = NamesYearBefore(text_.substr(yoff, ylen), now_year);
      if (!any_future) {
        Fail(yoff, ylen,
             absl::StrCat("every year the year field selects is before ",
                          now_year));
        result_.schedule.reset();
        return;
      }
      if (any_past) {
        Warn("frequency.past-year", base_ + yoff, ylen,
             absl::StrCat("the year field names years before ", now_year));
      }
    }
    if (!CheckFiresAfterNow(&f, now_local)) return;
    WarnDst(f, z, fields_end);
    const int64_t floor = opt_.limits.min_cron_interval_seconds;
    const int64_t need = std::max(floor, opt_.timeout_seconds.value_or(0));
    if (std::optional<int64_t> gap = MinimumCronInterval(f, now_local, need);
        gap && *gap < need) {
      Fail(0, fields_end,
           absl::StrCat("fires can be ", *gap,
                        " s apart; the minimum interval is ", need, " s (",
                        opt_.timeout_seconds && *opt_.timeout_seconds > floor
                            ? "the Timeout"
                            : "the 10 s floor",
                        ")"));
      result_.schedule.reset();
    }
  }

  // Whether a year field names a year before `year` explicitly: an element
  // that starts with a number below it (`2020`, `2020-2030`, `2020/2`).
  // `*`, `?` and `*/2` name no year (SPEC 5.3). The field parsed, so each
  // element starts with a year of four digits, `*` or `?`.
  static bool NamesYearBefore(std::string_view field, int64_t year) {
    for (size_t start = 0; start <= field.size();) {
      size_t comma = field.find(',', start);
      if (comma == std::string_view::npos) comma = field.size();
      int64_t v = 0;
      size_t i = start;
      for (; i < comma && field[i] >= '0' && field[i] <= '9'; ++i) v = v * 10 + (field[i] - '0');
      if (i > start && v < year) return true;
      start = comma + 1;
    }
    return false;
  }

  static const char* GapWords(DstPolicy::Gap gap) {
    return gap == DstPolicy::Gap::kRunAtGapEnd ? "run once at the end of the gap"
           : gap == DstPolicy::Gap::kSkip      ? "skipped"
                                               : "shifted by the gap's length";
  }
  static const char* OverlapWords(DstPolicy::Overlap overlap) {
    return overlap == DstPolicy::Overlap::kFirst    ? "first pass only"
           : overlap == DstPolicy::Overlap::kSecond ? "second pass only"
                                                    : "both passes";
  }

  // Does the zone move its clock across a fire time within a year of now?
  void WarnDst(const CronFields& f, const TimeZone& z, size_t fields_end) {
    const std::vector<DstEncounter> met =
        DstEncounters(f, z, *opt_.now, *opt_.now + 366 * kSecondsPerDay + 1);
    if (met.empty()) return;
    const DstEncounter& e = met.front();
    const CivilTime d = CivilFromLocalSeconds(e.local_from);
    Warn("frequency.dst-affected", base_, fields_end,
         absl::StrFormat("on %04d-%02d-%02d %s the clock %s: fire times "
                         "there follow the DST policy (%s)",
                         d.year, d.month, d.day, z.name(),
                         e.gap ? "skips ahead" : "falls back",
                         e.gap ? GapWords(result_.schedule->dst_gap())
                               : OverlapWords(result_.schedule->dst_overlap())));
    if (e.gap && e.after < 0) {
      Warn("frequency.old-agent-dst-gap", base_, fields_end,
           "older agents mishandle schedules in a zone west of UTC whose "
           "fire times fall in a spring-forward gap");
    }
  }

  // `cron`: its fields and now on its zone's clock, for the structural
  // reason (schedule/internal/never_fires.h).
  bool CheckFiresAfterNow(const CronFields* cron = nullptr, int64_t now_local = 0) {
    if (!opt_.now || !result_.schedule) return true;
    if (!result_.schedule->Next(*opt_.now)) {
      Fail(0, text_.size(),
           cron != nullptr
               ? "the schedule never fires after now: " +
                     internal::NeverFiresReason(*cron, now_local)
               : std::string("the schedule never fires after now (no time up to 2099-12-31 "
                             "matches every field)"));
      result_.schedule.reset();
      return false;
    }
    return true;
  }

  std::string_view original_;
  std::string_view text_;
  size_t base_ = 0;
  const FrequencyOptions& opt_;
  FrequencyResult& result_;
};

}  // namespace

FrequencyResult ParseFrequency(std::string_view text,
                               const FrequencyOptions& options) {
  FrequencyResult result;
  Parser(text, options, result).Run();
  if (!result.findings.ok()) result.schedule.reset();
  return result;
}

std::optional<TimeZone> ZoneFromToken(std::string_view token, const ZoneProvider* zones,
                                      std::string* error) {
  ZoneToken z = ParseZoneToken(token, zones);
  if (!z.zone && error != nullptr) *error = z.error;
  return std::move(z.zone);
}

}  // namespace schedule
}  // namespace runcheck
