// The cron parser of schedule/cron.h: fields, elements, names and specials
// into CronFields, with errors and notes at byte offsets.

#include "schedule/cron.h"

#include <algorithm>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/edit_distance.h"
#include "core/utf8.h"
#include "schedule/internal/weekday_days.h"

namespace runcheck {
namespace schedule {
namespace {

using internal::FillWeekdayDays;

enum Field { kSecond, kMinute, kHour, kDom, kMonth, kDow, kYear };

struct FieldSpec {
  const char* name;
  int min, max;
};

constexpr FieldSpec kSpecs[] = {
    {"second", 0, 59},      {"minute", 0, 59}, {"hour", 0, 23},
    {"day-of-month", 1, 31}, {"month", 1, 12},  {"day-of-week", 0, 7},
    {"year", kMinYear, kMaxYear},
};

constexpr std::string_view kMonthNames[] = {
    "JANUARY", "FEBRUARY", "MARCH",     "APRIL",   "MAY",      "JUNE",
    "JULY",    "AUGUST",   "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
constexpr std::string_view kDayNames[] = {"MONDAY", "TUESDAY",  "WEDNESDAY",
                                     "THURSDAY", "FRIDAY", "SATURDAY",
                                     "SUNDAY"};

// The name `upper` (upper case) most likely meant among `names`, as its
// three-letter form: a name it starts with (`WEDS`, `SEPT`), else one within
// two edits of a full name (`WENSDAY`, `FEBUARY`). Empty when none is close.
std::string_view MeantName(std::string_view upper, const std::string_view* names, int n) {
  for (int i = 0; i < n; ++i) {
    if (upper.size() > 3 && upper.substr(0, 3) == names[i].substr(0, 3)) return names[i].substr(0, 3);
  }
  if (upper.size() <= 3) return {};  // a three-letter slip is too ambiguous
  for (int i = 0; i < n; ++i) {
    if (core::EditDistance(upper, names[i], 2) <= 2) return names[i].substr(0, 3);
  }
  return {};
}

// A set of field values, bit (v - min).
struct Bits {
  uint64_t w[3] = {0, 0, 0};
  void Set(int i) { w[i >> 6] |= uint64_t{1} << (i & 63); }
  // Bits 0 .. n-1.
  void SetFirst(int n) {
    for (int k = 0; k < 3; ++k) {
      const int b = std::min(64, std::max(0, n - 64 * k));
      w[k] |= b == 64 ? ~uint64_t{0} : (uint64_t{1} << b) - 1;
    }
  }
  bool Get(int i) const { return (w[i >> 6] >> (i & 63)) & 1; }
};

// The offset of the first `c` in `s` at or after `from`, or npos: an inline
// loop, cheaper than a library call on the few bytes of a cron field.
size_t IndexOf(std::string_view s, char c, size_t from = 0) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == c) return i;
  }
  return std::string_view::npos;
}

// The first three bytes of `s` (at least three) as one number.
constexpr uint32_t Pack3(std::string_view s) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16;
}

// Upper-cases `s` into `buf` without allocating. Longer text than any name
// or special yields "\x01", which matches nothing.
template <size_t N>
std::string_view Upper(std::string_view s, char (&buf)[N]) {
  if (s.size() > N) return "\x01";
  for (size_t i = 0; i < s.size(); ++i) {
    buf[i] = static_cast<char>(absl::ascii_toupper(static_cast<unsigned char>(s[i])));
  }
  return std::string_view(buf, s.size());
}

// Parses one element of a field's comma list.
class ElementParser {
 public:
  ElementParser(Field field, std::string_view text, size_t base,
                CronFields& out, Bits& bits, std::optional<CronError>& error,
                std::vector<CronNote>& notes)
      : field_(field), spec_(kSpecs[field]), text_(text), base_(base),
        out_(out), bits_(bits), error_(error), notes_(notes) {}

  bool Parse() {
    if (text_.empty()) return Fail(0, 0, "empty list element");
    // A plain number, the most common element, can be no special form, no
    // range and no step: straight to the value.
    if (std::all_of(text_.begin(), text_.end(), absl::ascii_isdigit)) {
      const std::optional<int> v = Value(text_, 0);
      if (v) Add(*v);
      return v.has_value();
    }
    char buf[32];
    const std::string_view upper = Upper(text_, buf);
    if (field_ == kDom && ParseDomSpecial(upper)) return !error_;
    if (error_) return false;
    if (field_ == kDow && ParseDowSpecial(upper)) return !error_;
    if (error_) return false;

    // base [ "/" step ]
    const size_t slash = IndexOf(text_, '/');
    const std::string_view head = text_.substr(0, slash);
    int lo, hi;
    bool range = false;
    if (head == "*") {
      lo = field_ == kDow ? 1 : spec_.min;
      hi = field_ == kDow ? 7 : spec_.max;
      range = true;
    } else {
      const size_t dash = IndexOf(head, '-');
      std::optional<int> a = Value(head.substr(0, dash), 0);
      if (!a) return false;
      lo = hi = *a;
      if (dash != std::string_view::npos) {
        std::optional<int> b = Value(head.substr(dash + 1), dash + 1);
        if (!b) return false;
        hi = *b;
        range = true;
        // Day-of-week 0 starting a range is the Sunday before Monday
        // (`0-3` = Sun-Wed, `0-7` and `0-6` = every day, no wrap); ending
        // one it is Sunday, 7 (`5-0` = Fri-Sun). SPEC 5.3.
        if (field_ == kDow && hi == 0 && lo != 0) hi = 7;
        const std::string_view end_text = head.substr(dash + 1);
        if (field_ == kDow && hi == 7 &&
            (end_text == "7" || end_text == "07" || Upper(end_text, ebuf_) == "SUN" ||
             Upper(end_text, ebuf_) == "SUNDAY")) {
          Note("frequency.old-agent-sunday-range-end", dash + 1,
               end_text.size(),
               "older agents mishandle a day-of-week range ending at Sunday "
               "written 7 or SUN (they read it as 0 and the range as empty)");
        }
        if (field_ != kYear && hi < lo) {
          Note("frequency.old-agent-wrap-range", 0, head.size(),
               "older agents mishandle wrap-around ranges (end below start)");
        }
        if (field_ == kYear && hi < lo) {
          return Fail(0, head.size(),
                      absl::StrCat("year range ", lo, "-", hi, " is descending"));
        }
      }
    }
    int step = 1;
    if (slash != std::string_view::npos) {
      const std::string_view st = text_.substr(slash + 1);
      std::optional<int> n = Number(st, slash + 1, "step");
      if (!n) return false;
      const int span = field_ == kDow ? 6 : spec_.max - spec_.min;
      if (*n < 1 || *n > span) {
        return Fail(slash + 1, st.size(),
                    absl::StrCat(spec_.name, " step ", *n, " is outside 1-", span));
      }
      step = *n;
      if (!range) {  // a/n: from a up to the field maximum (from 0, the
                     // Sunday before Monday, in day-of-week: `0/2` = Sun,
                     // Tue, Thu, Sat)
        hi = field_ == kDow ? 7 : spec_.max;
        range = true;
      }
    }
    if (!range) {
      Add(lo);
      return true;
    }
    // Walk lo..hi (wrapping) in steps. A day-of-week walk from 0 never
    // wraps: hi >= 0.
    const int first = field_ == kDow ? 1 : spec_.min;
    const int last = field_ == kDow ? 7 : spec_.max;
    const int width = last - first + 1;
    const int count = (hi >= lo ? hi - lo : hi - lo + width) + 1;
    int selected = 0;
    for (int k = 0; k < count; k += step, ++selected) {
      int v = lo + k;
      if (v > last) v -= width;
      Add(v);
    }
    if (selected == 1 && text_ != "*") {
      Note("frequency.single-value-range", 0, text_.size(),
           "this range or step selects a single value; write the value alone");
    }
    return true;
  }

 private:
  bool Fail(size_t off, size_t len, std::string detail) {
    error_ = CronError{base_ + off, len, std::move(detail)};
    return false;
  }

  void Add(int v) {
    if (field_ == kDow) {
      bits_.Set(v == 0 ? 6 : v - 1);  // Monday = bit 0
    } else {
      bits_.Set(v - spec_.min);
    }
  }

  // Digits with at most one leading zero.
  std::optional<int> Number(std::string_view s, size_t off, const char* what) {
    if (s.empty()) {
      Fail(off, 0, absl::StrCat("missing ", what, " in ", spec_.name));
      return std::nullopt;
    }
    for (char c : s) {
      if (c < '0' || c > '9') {
        Fail(off, s.size(),
             absl::StrCat("'", core::QuoteUserText(s), "' is not a valid ", what,
                          " in ", spec_.name));
        return std::nullopt;
      }
    }
    // At most one leading zero, and only in a two-digit number: `08` is
    // fine, `008` and `010` are not (SPEC 5.3).
    if (s.size() > 2 && s[0] == '0') {
      const size_t digits = s.find_first_not_of('0');
      Fail(off, s.size(),
           absl::StrCat("'", core::QuoteUserText(s),
                        "': a number with a leading zero has at most two "
                        "digits (write ",
                        std::string(s.substr(digits == std::string_view::npos ? s.size() - 1
                                                                            : digits)),
                        ")"));
      return std::nullopt;
    }
    if (s.size() > 4) {
      Fail(off, s.size(), absl::StrCat("'", core::QuoteUserText(s), "' is too large"));
      return std::nullopt;
    }
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }

  // A number or (month, day-of-week) a name, range-checked.
  std::optional<int> Value(std::string_view s, size_t off) {
    // The usual case first: one to four digits without a leading zero, in
    // range, and not a zero-padded day-of-week (which gets a note below).
    if (!s.empty() && s.size() <= 4 && (s[0] != '0' || s.size() == 1)) {
      int v = 0;
      bool digits = true;
      for (char c : s) {
        digits = digits && c >= '0' && c <= '9';
        v = v * 10 + (c - '0');
      }
      if (digits && v >= spec_.min && v <= spec_.max) return v;
    }
    if (!s.empty() && absl::ascii_isalpha(static_cast<unsigned char>(s[0]))) {
      char buf[32];
      const std::string_view u = Upper(s, buf);
      if (field_ == kMonth || field_ == kDow) {
        const auto& names = field_ == kMonth ? kMonthNames : kDayNames;
        const int n = field_ == kMonth ? 12 : 7;
        if (u.size() == 3) {  // the usual abbreviation: three bytes at once
          const uint32_t key = Pack3(u);
          for (int i = 0; i < n; ++i) {
            if (Pack3(names[i]) == key) return i + 1;
          }
        } else {
          for (int i = 0; i < n; ++i) {
            if (u == names[i]) return i + 1;
          }
        }
      }
      // A hint: the name meant, or the field a name of the other kind
      // belongs to.
      std::string hint;
      if (field_ == kMonth || field_ == kDow) {
        const bool month = field_ == kMonth;
        const std::string_view meant = MeantName(u, month ? kMonthNames : kDayNames, month ? 12 : 7);
        const std::string_view other = MeantName(u, month ? kDayNames : kMonthNames, month ? 7 : 12);
        const std::string_view* others = month ? kDayNames : kMonthNames;
        bool other_exact = false;
        for (int i = 0; i < (month ? 7 : 12); ++i) {
          other_exact = other_exact || u == others[i] || (u.size() == 3 && u == others[i].substr(0, 3));
        }
        if (other_exact) {
          hint = month ? "; that is a day of the week, and this is the month field"
                       : "; that is a month, and this is the day-of-week field";
        } else if (!meant.empty()) {
          hint = absl::StrCat("; did you mean ", std::string(meant), "?");
        } else if (!other.empty()) {
          hint = month ? "; that is a day of the week, and this is the month field"
                       : "; that is a month, and this is the day-of-week field";
        }
      }
      Fail(off, s.size(),
           absl::StrCat("'", core::QuoteUserText(s), "' is not a ", spec_.name,
                        " value", field_ == kMonth ? " (JAN-DEC or 1-12)" : field_ == kDow ? " (MON-SUN or 0-7)" : "",
                        hint));
      return std::nullopt;
    }
    std::optional<int> v = Number(s, off, "value");
    if (!v) return std::nullopt;
    if (field_ == kDow && s.size() == 2 && s[0] == '0') {
      Note("frequency.old-agent-zero-padded-weekday", off, s.size(),
           "older agents mishandle a zero-padded day-of-week");
    }
    if (*v < spec_.min || *v > spec_.max) {
      Fail(off, s.size(),
           absl::StrCat(spec_.name, " value ", *v, " is outside ", spec_.min,
                        "-", spec_.max));
      return std::nullopt;
    }
    return v;
  }

  // L, L-n, LW, nW. Returns true when the element was one (or an error).
  bool ParseDomSpecial(std::string_view u) {
    if (u == "L") {
      out_.last_day = true;
      return true;
    }
    if (u == "LW") {
      out_.last_weekday_of_month = true;
      return true;
    }
    if (u.size() > 2 && u[0] == 'L' && u[1] == '-') {
      if (u.back() == 'W') {
        Fail(0, text_.size(), "L-nW is not supported");
        return true;
      }
      std::optional<int> n = Number(text_.substr(2), 2, "offset");
      if (!n) return true;
      if (*n < 1 || *n > 30) {
        Fail(2, text_.size() - 2,
             absl::StrCat("L-", *n, ": the offset must be 1-30"));
        return true;
      }
      Note("frequency.old-agent-l", 0, text_.size(),
           "older agents mishandle L-n in day-of-month");
      out_.last_day_offsets |= uint32_t{1} << *n;
      return true;
    }
    if (u.size() > 1 && u.back() == 'W') {
      const std::string_view day = text_.substr(0, text_.size() - 1);
      if (day.find_first_not_of("0123456789") != std::string_view::npos) {
        Fail(0, text_.size(),
             absl::StrCat("'", core::QuoteUserText(text_),
                          "': W follows a single day number (nW); write a list "
                          "such as 1W,15W"));
        return true;
      }
      std::optional<int> n = Value(day, 0);
      if (!n) return true;
      out_.nearest_weekdays |= uint32_t{1} << *n;
      return true;
    }
    return false;
  }

  // L, nL, n#k.
  bool ParseDowSpecial(std::string_view u) {
    if (u == "L") {
      Note("frequency.old-agent-l", 0, text_.size(),
           "older agents mishandle L alone in day-of-week (it means Sunday)");
      out_.weekdays |= 1 << 6;  // Sunday, the last day of the week
      return true;
    }
    const size_t hash = IndexOf(text_, '#');
    if (hash != std::string_view::npos) {
      std::optional<int> d = Value(text_.substr(0, hash), 0);
      if (!d) return true;
      std::optional<int> k = Number(text_.substr(hash + 1), hash + 1, "occurrence");
      if (!k) return true;
      if (*k < 1 || *k > 5) {
        Fail(hash + 1, text_.size() - hash - 1,
             absl::StrCat("#", *k, ": the occurrence must be 1-5"));
        return true;
      }
      const int bit = *d == 0 ? 6 : *d - 1;
      out_.nth_weekdays[bit] |= static_cast<uint8_t>(1 << *k);
      return true;
    }
    if (u.size() > 1 && u.back() == 'L') {
      std::optional<int> d = Value(text_.substr(0, text_.size() - 1), 0);
      if (!d) return true;
      out_.last_weekdays |= static_cast<uint8_t>(1 << (*d == 0 ? 6 : *d - 1));
      return true;
    }
    return false;
  }

  Field field_;
  FieldSpec spec_;
  std::string_view text_;
  size_t base_;
  CronFields& out_;
  Bits& bits_;
  std::optional<CronError>& error_;
  std::vector<CronNote>& notes_;
  char ebuf_[32];

  void Note(std::string_view id, size_t off, size_t len, std::string detail) {
    notes_.push_back(CronNote{id, base_ + off, len, std::move(detail)});
  }
};

uint64_t Low(const Bits& b) { return b.w[0]; }

}  // namespace

CronParse ParseCronFields(std::string_view text) {
  CronParse result;
  std::optional<CronError>& error = result.error;
  // Split on runs of spaces and tabs, keeping offsets.
  absl::InlinedVector<std::pair<size_t, std::string_view>, 8> tokens;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
    tokens.emplace_back(i, text.substr(i, j - i));
    i = j;
  }
  if (tokens.size() < 6 || tokens.size() > 7) {
    const size_t at = tokens.size() > 7 ? tokens[7].first : text.size();
    error = CronError{at, tokens.size() > 7 ? tokens[7].second.size() : 0,
                      absl::StrCat("expected 6 or 7 fields (second minute hour "
                                   "day-of-month month day-of-week [year]), got ",
                                   tokens.size())};
    return result;
  }
  CronFields f;
  f.has_year = tokens.size() == 7;
  for (size_t fi = 0; fi < tokens.size(); ++fi) {
    const Field field = static_cast<Field>(fi);
    const auto [base, tok] = tokens[fi];
    Bits bits;
    const bool any = tok == "*" || tok == "?";
    if (tok == "?" && field != kDom && field != kDow && field != kYear) {
      error = CronError{base, 1,
                        absl::StrCat("'?' is allowed only in day-of-month, "
                                     "day-of-week and year, not in ",
                                     kSpecs[field].name, "; use '*'")};
      return result;
    }
    if (any) {
      bits.SetFirst(field == kDow ? 7 : kSpecs[field].max - kSpecs[field].min + 1);
    } else {
      size_t start = 0;
      while (true) {
        const size_t comma = IndexOf(tok, ',', start);
        const std::string_view el = tok.substr(
            start, comma == std::string_view::npos ? tok.size() - start
                                                   : comma - start);
        if (el == "*" || el == "?") {
          error = CronError{base + start, 1,
                            absl::StrCat("'", core::QuoteUserText(el),
                                         "' must stand alone in ",
                                         kSpecs[field].name)};
          return result;
        }
        ElementParser p(field, el, base + start, f, bits, error, result.notes);
        if (!p.Parse()) return result;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
    }
    switch (field) {
      case kSecond:
        f.seconds = Low(bits);
        f.fixed_time = true;
        break;
      case kMinute:
        f.minutes = Low(bits);
        break;
      case kHour:
        f.hours = static_cast<uint32_t>(Low(bits));
        break;
      case kDom:
        f.days = static_cast<uint32_t>(Low(bits) << 1);
        f.dom_restricted = !any;
        break;
      case kMonth:
        f.months = static_cast<uint16_t>(Low(bits) << 1);
        break;
      case kDow:
        f.weekdays |= static_cast<uint8_t>(Low(bits));
        f.dow_restricted = !any;
        if (f.dow_restricted) {
          FillWeekdayDays(f);
        }
        break;
      case kYear:
        f.years = {bits.w[0], bits.w[1], bits.w[2]};
        break;
    }
    if (field <= kHour) {
      // Fixed-time needs plain numbers only: no '*', '-' or '/'.
      if (any || IndexOf(tok, '*') != std::string_view::npos ||
          IndexOf(tok, '-') != std::string_view::npos ||
          IndexOf(tok, '/') != std::string_view::npos) {
        f.fixed_time = false;
      }
    }
  }
  if (!f.has_year) {
    // Every year: bits 0 .. kMaxYear - kMinYear, a word at a time.
    constexpr int kYears = kMaxYear - kMinYear + 1;
    for (int w = 0; w < 3; ++w) {
      const int bits = std::min(64, std::max(0, kYears - 64 * w));
      f.years[w] = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
    }
  }
  // fixed_time was set at the second field and cleared by any interval field.
  result.fields = f;
  return result;
}

}  // namespace schedule
}  // namespace runcheck
