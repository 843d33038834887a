#include "schedule/cron.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schedule/civil.h"

namespace runcheck {
namespace schedule {
namespace {

int64_t L(int64_t y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return LocalSeconds(CivilTime{y, mo, d, h, mi, s});
}

CronFields MustParse(std::string_view text) {
  CronParse p = ParseCronFields(text);
  EXPECT_FALSE(p.error.has_value())
      << text << ": " << (p.error ? p.error->detail : "");
  return p.fields.value_or(CronFields{});
}

struct BadCase {
  const char* text;
  size_t offset;
};

TEST(CronParseTest, RejectsWithOffset) {
  const BadCase kCases[] = {
      {"0 0 0 * *", 9},                 // five fields
      {"0 0 0 * * ? 2027 UTC", 17},     // eight tokens (zone is split off first)
      {"60 0 0 * * ?", 0},              // second out of range
      {"0 60 0 * * ?", 2},
      {"0 0 24 * * ?", 4},
      {"0 0 0 0 * ?", 6},
      {"0 0 0 32 * ?", 6},
      {"0 0 0 * 13 ?", 8},
      {"0 0 0 * 0 ?", 8},
      {"0 0 0 ? * 8", 10},              // day-of-week 8
      {"0 0 0 ? * * 1969", 12},
      {"0 0 0 ? * * 2100", 12},
      {"0 15 008 ? * * 2027", 5},       // two leading zeros
      {"0 15 010 ? * * 2027", 5},
      {"0 0 0 ? * 007", 10},
      {"0 0 050 ? * *", 4},             // a leading zero allows two digits only
      {"? 0 0 * * ?", 0},               // ? outside the day fields
      {"0 ? 0 * * ?", 2},
      {"0 0 0 1,* * ?", 8},             // * not alone
      {"0 0 0 ?,1 * ?", 6},
      {"0 0/0 0 * * ?", 4},             // step 0
      {"0 0/60 0 * * ?", 4},            // step > 59
      {"0 0 0/24 * * ?", 6},
      {"0 0 0 1/31 * ?", 8},
      {"0 0 0 ? 1/12 *", 10},
      {"0 0 0 ? * 1/7", 12},
      {"0 0 0 ? * * 2027/130", 17},
      {"0 0 0 ? * * 2030-2027", 12},    // descending year range
      {"0 0 0 L-31 * ?", 8},
      {"0 0 0 L-0 * ?", 8},
      {"0 0 0 L-1W * ?", 6},
      {"0 0 0 32W * ?", 6},
      {"0 0 0 ? * 6#6", 12},
      {"0 0 0 ? * 6#0", 12},
      {"0 0 0 ? * 8L", 10},
      {"0 0 0 ? * FOO", 10},
      {"0 0 0 ? FOO *", 8},
      {"0 0 0 ? JANUARYX *", 8},
      {"0 0 0 ? * MON-", 14},           // missing range end
      {"0 0 0 1,,2 * ?", 8},            // empty element
      {"0 0 0 x * ?", 6},
      {"0 0 0 ? * * ?/2", 12},
      {"a 0 0 * * ?", 0},
  };
  for (const BadCase& c : kCases) {
    CronParse p = ParseCronFields(c.text);
    ASSERT_TRUE(p.error.has_value()) << c.text;
    EXPECT_EQ(p.error->offset, c.offset) << c.text << ": " << p.error->detail;
    EXPECT_FALSE(p.error->detail.empty());
  }
}

TEST(CronParseTest, FieldValues) {
  CronFields f = MustParse("0 0/30 9-17 * * ?");
  EXPECT_EQ(f.seconds, 1u);
  EXPECT_EQ(f.minutes, (uint64_t{1} << 0) | (uint64_t{1} << 30));
  EXPECT_EQ(f.hours, 0x3fe00u);  // 9..17
  EXPECT_FALSE(f.dom_restricted);
  EXPECT_FALSE(f.dow_restricted);
  EXPECT_FALSE(f.fixed_time);

  f = MustParse("0 0 22-2 * * ?");  // wraps
  EXPECT_EQ(f.hours, (1u << 22) | (1u << 23) | 1u | 2u | 4u);

  f = MustParse("0 0 0 ? * FRI-MON");  // Fri, Sat, Sun, Mon
  EXPECT_EQ(f.weekdays, (1 << 4) | (1 << 5) | (1 << 6) | 1);
  f = MustParse("0 0 0 ? * MON-SUN");
  EXPECT_EQ(f.weekdays, 0x7f);
  f = MustParse("0 0 0 ? * 1-7");
  EXPECT_EQ(f.weekdays, 0x7f);
  f = MustParse("0 0 0 ? * */2");  // Mon, Wed, Fri, Sun
  EXPECT_EQ(f.weekdays, 1 | 4 | 16 | 64);
  f = MustParse("0 0 0 ? * 0");
  EXPECT_EQ(f.weekdays, 64);
  f = MustParse("0 0 0 ? * 07");  // one leading zero: Sunday
  EXPECT_EQ(f.weekdays, 64);
  f = MustParse("0 0 0 ? * sunday,Tue");
  EXPECT_EQ(f.weekdays, 64 | 2);
  f = MustParse("0 0 0 ? * L");
  EXPECT_EQ(f.weekdays, 64);
  f = MustParse("0 0 0 ? * SUNL,6#3");
  EXPECT_EQ(f.last_weekdays, 64);
  EXPECT_EQ(f.nth_weekdays[5], 1 << 3);

  f = MustParse("0 0 0 L,15,1W,L-3,LW * ?");
  EXPECT_TRUE(f.last_day);
  EXPECT_TRUE(f.last_weekday_of_month);
  EXPECT_EQ(f.days, 1u << 15);
  EXPECT_EQ(f.nearest_weekdays, 1u << 1);
  EXPECT_EQ(f.last_day_offsets, 1u << 3);
  EXPECT_TRUE(f.dom_restricted);

  f = MustParse("0 0 0 ? NOV-FEB *");
  EXPECT_EQ(f.months, (1 << 11) | (1 << 12) | (1 << 1) | (1 << 2));
  f = MustParse("0 0 0 ? * * 2026/2");
  EXPECT_TRUE(f.HasYear(2026));
  EXPECT_FALSE(f.HasYear(2027));
  EXPECT_TRUE(f.HasYear(2098));
  EXPECT_FALSE(f.HasYear(2099));

  f = MustParse("0 15 10,14 * * ?");
  EXPECT_TRUE(f.fixed_time);
  f = MustParse("0\t15  08 ? * * 2027");
  EXPECT_EQ(f.hours, 1u << 8);
}

// SPEC 5.3: day-of-week 0 starting a range or a step is the Sunday before
// Monday; anywhere else it is Sunday. Expected days are written as names
// (bit 0 = Monday ... bit 6 = Sunday), read from the SPEC's examples.
TEST(CronParseTest, DayOfWeekZeroAndSeven) {
  constexpr uint8_t Mon = 1, Tue = 2, Wed = 4, Thu = 8, Fri = 16, Sat = 32, Sun = 64;
  constexpr uint8_t kAll = 0x7f;
  const struct {
    const char* field;
    uint8_t days;
    bool wraps;  // draws the wrap-around warning
  } kCases[] = {
      {"0", Sun, false},           {"7", Sun, false},
      {"0,7", Sun, false},         {"0-3", Sun | Mon | Tue | Wed, false},
      {"0-7", kAll, false},        {"0-6", kAll, false},
      {"0-7/2", Sun | Tue | Thu | Sat, false},
      {"0/2", Sun | Tue | Thu | Sat, false},
      {"00/3", Sun | Wed | Sat, false},
      {"0/1", kAll, false},        {"0-0", Sun, false},
      {"5-0", Fri | Sat | Sun, false},
      {"5-7", Fri | Sat | Sun, false},
      {"7-1", Sun | Mon, true},    {"6-2", Sat | Sun | Mon | Tue, true},
      {"1-7", kAll, false},        {"*/2", Mon | Wed | Fri | Sun, false},
      {"7/2", Sun, false},         {"SUN-MON", Sun | Mon, true},
      {"0-3,5", Sun | Mon | Tue | Wed | Fri, false},
      {"1/3", Mon | Thu | Sun, false},
  };
  for (const auto& c : kCases) {
    const std::string text = std::string("0 0 0 ? * ") + c.field;
    CronParse p = ParseCronFields(text);
    ASSERT_FALSE(p.error.has_value()) << text << ": " << p.error->detail;
    EXPECT_EQ(p.fields->weekdays, c.days) << text;
    bool wrap_note = false;
    for (const CronNote& n : p.notes) wrap_note = wrap_note || n.id == "frequency.old-agent-wrap-range";
    EXPECT_EQ(wrap_note, c.wraps) << text;
    // The canonical form writes Sunday as 7 and selects the same days.
    const std::string canonical = CronFieldsToString(*p.fields);
    const std::string dow = canonical.substr(canonical.rfind(' ') + 1);
    EXPECT_EQ(dow.find('0'), std::string::npos) << canonical;
    EXPECT_EQ(MustParse(canonical).weekdays, c.days) << canonical;
  }
}

// A range or step that selects one value is valid, with a warning.
TEST(CronParseTest, SingleValueRangesWarn) {
  for (const char* text : {"0 0 0 ? * SUN/2", "59/30 0 0 * * ?", "0 0 5-5 * * ?"}) {
    CronParse p = ParseCronFields(text);
    ASSERT_FALSE(p.error.has_value()) << text;
    bool noted = false;
    for (const CronNote& n : p.notes) noted = noted || n.id == "frequency.single-value-range";
    EXPECT_TRUE(noted) << text;
  }
  CronParse p = ParseCronFields("0 0 5-6 * * ?");
  for (const CronNote& n : p.notes) EXPECT_NE(n.id, "frequency.single-value-range");
}

TEST(CronParseTest, CanonicalFormRoundTrips) {
  for (const char* text :
       {"0 15 10 ? * *", "0 0/30 9-17 * * ?", "0 15 10 L * ?",
        "0 15 10 ? * 6L", "0 15 10 ? * 6#3 2027,2028", "*/10 * * * * ?",
        "0 0 0 1W,15,L-2,LW * ?", "0 10,44 14 ? 3 WED 2026/2",
        "0 0 22-2 ? * FRI-MON", "0 0 0 */1 * MON", "0 0 12 * * *"}) {
    const CronFields f = MustParse(text);
    const std::string canonical = CronFieldsToString(f);
    const CronFields g = MustParse(canonical);
    EXPECT_EQ(f, g) << text << " -> " << canonical;
    EXPECT_EQ(CronFieldsToString(g), canonical);
  }
  EXPECT_EQ(CronFieldsToString(MustParse("0 0/30 9-17 * * ?")),
            "0 0,30 9-17 * * ?");
}

// Appendix A of SPEC: documented examples and their first fires.
TEST(CronSearchTest, DocumentedExamples) {
  struct Case {
    const char* text;
    int64_t from;
    std::vector<int64_t> want;
  };
  const Case kCases[] = {
      {"0 15 10 ? * *", L(2027, 1, 1), {L(2027, 1, 1, 10, 15), L(2027, 1, 2, 10, 15)}},
      {"0 0/30 9-17 * * ?", L(2027, 1, 1, 17, 0, 1),
       {L(2027, 1, 1, 17, 30), L(2027, 1, 2, 9, 0)}},
      {"0 0-5 14 * * ?", L(2027, 1, 1, 14, 4, 30),
       {L(2027, 1, 1, 14, 5), L(2027, 1, 2, 14, 0)}},
      {"0 0 12 ? * WED", L(2027, 1, 1), {L(2027, 1, 6, 12), L(2027, 1, 13, 12)}},
      {"0 15 10 L * ?", L(2027, 2, 1), {L(2027, 2, 28, 10, 15), L(2027, 3, 31, 10, 15)}},
      {"0 15 10 ? * 6L", L(2027, 1, 1), {L(2027, 1, 30, 10, 15), L(2027, 2, 27, 10, 15)}},
      {"0 15 10 ? * 6#3", L(2027, 1, 1), {L(2027, 1, 16, 10, 15), L(2027, 2, 20, 10, 15)}},
      {"0 10,44 14 ? 3 WED", L(2027, 1, 1), {L(2027, 3, 3, 14, 10), L(2027, 3, 3, 14, 44)}},
      {"0 0 0 29 2 ?", L(2027, 1, 1), {L(2028, 2, 29), L(2032, 2, 29)}},
      {"0 0/30 9-17 * * ? 2027-2029", L(2029, 12, 31, 17, 30, 1),
       {}},
      {"0 10,44 14 ? 3 WED 2026/2", L(2027, 1, 1), {L(2028, 3, 1, 14, 10)}},
      // 5W: Saturday the 5th -> Friday the 4th; Sunday -> Monday the 6th.
      {"0 0 0 5W * ?", L(2027, 6, 1), {L(2027, 6, 4), L(2027, 7, 5)}},
      {"0 0 0 5W * ?", L(2027, 9, 1), {L(2027, 9, 6)}},
      // 1W on a Saturday -> Monday the 3rd (never leaves the month).
      {"0 0 0 1W * ?", L(2027, 5, 1) - 1, {L(2027, 5, 3)}},
      // 31W on a Sunday the 31st -> Friday the 29th.
      {"0 0 0 31W * ?", L(2027, 10, 1), {L(2027, 10, 29)}},
      {"0 0 0 LW * ?", L(2027, 7, 1), {L(2027, 7, 30)}},
      {"0 0 0 L-2 * ?", L(2027, 2, 1), {L(2027, 2, 26)}},
      // OR rule: the 13th or any Friday.
      {"0 0 0 13 * FRI", L(2027, 1, 1), {L(2027, 1, 1), L(2027, 1, 8)}},
      {"0 0 0 */1 * MON", L(2027, 1, 1), {L(2027, 1, 1), L(2027, 1, 2)}},
      {"0 0 0 ? * 5#5", L(2027, 1, 1), {L(2027, 1, 29), L(2027, 4, 30)}},
      {"59 59 23 31 12 ? 2099", L(2099, 1, 1), {L(2099, 12, 31, 23, 59, 59)}},
      {"0 0 0 30 2 ?", L(1970, 1, 1), {}},
  };
  for (const Case& c : kCases) {
    const CronFields f = MustParse(c.text);
    int64_t t = c.from;
    for (int64_t want : c.want) {
      std::optional<int64_t> got = f.NextCivil(t);
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_EQ(*got, want) << c.text;
      EXPECT_EQ(f.PreviousCivil(*got), *got) << c.text;
      t = *got + 1;
    }
    if (c.want.empty()) {
      EXPECT_FALSE(f.NextCivil(t).has_value()) << c.text;
    }
  }
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
