#include "schedule/frequency.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schedule/civil.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace schedule {
namespace {

int64_t Utc(int64_t y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return LocalSeconds(CivilTime{y, mo, d, h, mi, s});
}

const int64_t kNow = Utc(2026, 11, 28, 12);

FrequencyOptions Options() {
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  o.now = kNow;
  o.timeout_seconds = 60;
  return o;
}

struct Bad {
  const char* text;
  size_t offset;
  size_t length;
};

TEST(FrequencyTest, InvalidWithSpan) {
  const Bad kCases[] = {
      {"", 0, 0},
      {"   ", 0, 3},
      {"0 0 0 * *", 9, 0},                     // five fields
      {"@daily", 0, 6},
      {"0 15 10 ? * * 2027 GMT+08:00", 19, 9}, // write GMT+8:00
      {"0 15 10 ? * * 2027 UTC+8", 19, 5},
      {"0 15 10 ? * * 2027 GMT+15:00", 19, 9},
      {"0 15 10 ? * * 2027 CST", 19, 3},
      {"0 15 10 ? * * 2027 asia/shanghai", 19, 13},
      {"0 15 10 ? * * Mars/Olympus", 14, 12},
      {"  0 15 10 ? * 8", 14, 1},              // offsets count the trimmed blanks
      {"0 0 0 30 2 ?", 0, 12},                 // never fires
      {"0 0 0 31 4,6,9,11 ?", 0, 19},
      {"0 0 0 29 2 ? 2027", 0, 17},
      {"0 0 0 ? * * 2020,2025", 12, 9},        // only past years
      {"* * * * * ?", 0, 11},                  // 1 s apart < Timeout 60
      {"0 * * * * ?", 0, 11},                  // 60 s, not < 60: see below
      {"rate(", 5, 0},                         // fuzz: span stayed past the end
      {"rate(5)", 6, 1},
      {"rate(5x)", 6, 1},
      {"rate(30s)", 5, 3},                     // under 60 s
      {"rate(8d)", 5, 2},                      // over 7 days
      {"rate(1m)", 5, 2},                      // not longer than Timeout 60
      {"rate(99999999999999999m)", 5, 17},     // overflow
      {"rate(5m) x", 8, 2},
      {"rate(5m", 7, 0},
      {"at(", 3, 0},
      {"at(2027-06-06 13:15:30", 22, 0},
      {"at(2027-02-30 10:00:00)", 11, 2},      // Feb 30
      {"at(2027-13-01 10:00:00)", 8, 2},
      {"at(2027-06-06  13:15:30)", 14, 2},     // two spaces: no hour at 14
      {"at( 2027-06-06 13:15:30)", 3, 4},
      {"at(2027-06-06 13:15:30 )", 23, 0},
      {"at(2025-06-06 13:15:30)", 3, 19},      // in the past
      {"at(2027-03-14 02:30:00 America/New_York)", 3, 19},  // DST gap
      {"at(2027-06-06 13:15:30 GMT+08:00)", 23, 9},
      {"at(27-06-06 13:15:30)", 3, 4},
      {"at(2027-06-06T13:15:30Z)", 22, 1},     // 'Z' is no zone token
      {"rate(5min)", 6, 3},                    // units are one letter
      {"0 0 0 1W-5W * ?", 6, 5},               // the whole element
      {"0 0 050 * * ?", 4, 3},
      {"0 0 0 * * ? GMT+5:30:00", 12, 11},
      {"0 0 0 * * ? america/new_york", 12, 16},
  };
  for (const Bad& c : kCases) {
    FrequencyResult r = ParseFrequency(c.text, Options());
    if (std::string_view(c.text) == "0 * * * * ?") {
      EXPECT_TRUE(r.findings.ok()) << c.text;  // exactly 60 s is allowed
      continue;
    }
    ASSERT_FALSE(r.findings.ok()) << c.text;
    EXPECT_FALSE(r.schedule.has_value());
    const core::Violation& v = r.findings.violations.front();
    EXPECT_EQ(v.code, core::Code::kInvalidParamFrequency) << c.text;
    EXPECT_EQ(v.field, "Frequency");
    ASSERT_TRUE(v.span.has_value());
    EXPECT_EQ(v.span->offset, c.offset) << c.text << ": " << v.detail;
    EXPECT_EQ(v.span->length, c.length) << c.text << ": " << v.detail;
  }
}

// Why a schedule never fires is reasoned from its fields (issue 15): the
// detail names the structural cause, at the whole expression.
TEST(FrequencyTest, NeverFiresSaysWhy) {
  struct Why {
    const char* expr;
    const char* reason;  // in the detail
  };
  const Why kWhy[] = {
      {"0 0 0 31 2,4,6 ?", "no month the month field selects has a 31st day"},
      {"0 0 0 30 2 ?", "has a 30th day"},
      {"0 0 0 29 2 ? 2027,2029-2031", "February has a 29th only in leap years, and none of the "
                                     "years from 2026 the year field selects is one"},
      {"0 0 0 ? 2 MON#5 2027", "February 2027 has no 5th Monday"},
      {"0 0 0 ? 2 MON#5 2027,2029", "no month the fields select has a 5th Monday"},
      {"0 0 0 1 1 ? 2026", "the last time that matches every field is 2026-01-01 00:00:00"},
      // An interval schedule skips what falls in a spring-forward gap.
      {"0 */30 2 8 3 ? 2026 America/New_York", "skipped daylight-saving hour"},
  };
  FrequencyOptions o = Options();
  o.now = Utc(2026, 1, 2, 0);
  for (const Why& w : kWhy) {
    SCOPED_TRACE(w.expr);
    const FrequencyResult r = ParseFrequency(w.expr, o);
    ASSERT_EQ(r.findings.violations.size(), 1u);
    const core::Violation& v = r.findings.violations[0];
    EXPECT_EQ(v.code, core::Code::kInvalidParamFrequency);
    ASSERT_TRUE(v.span.has_value());
    EXPECT_EQ(v.span->offset, 0u);
    EXPECT_NE(v.detail.find(w.reason), std::string::npos) << v.detail;
  }
}

TEST(FrequencyTest, ZoneHintsNameTheRightSpelling) {
  // The hint is the contract here: it must carry the corrected token.
  for (const char* text : {"0 0 0 * * ? GMT+08:00", "0 0 0 * * ? UTC+8",
                           "0 0 0 * * ? GMT+8"}) {
    FrequencyResult r = ParseFrequency(text, Options());
    ASSERT_FALSE(r.findings.ok());
    EXPECT_NE(r.findings.violations[0].detail.find("GMT+8:00"),
              std::string::npos)
        << text;
  }
}

// Details that must name the right thing (issue 11, item 14; SPEC 8).
TEST(FrequencyTest, DetailsNameWhatIsMeant) {
  auto detail = [](const char* text) {
    FrequencyResult r = ParseFrequency(text, Options());
    return r.findings.ok() ? std::string() : r.findings.violations[0].detail;
  };
  EXPECT_NE(detail("0 0 0 * * ? america/new_york").find("America/New_York"), std::string::npos);
  EXPECT_NE(detail("0 0 0 * * ? utc").find("UTC"), std::string::npos);
  EXPECT_NE(detail("0 0 0 * * ? GMT+5:30:00").find("GMT+5:30"), std::string::npos);
  EXPECT_NE(detail("rate(5min)").find("s, m, h and d"), std::string::npos);
  EXPECT_NE(detail("at(2027-06-06T13:15:30Z)").find("UTC"), std::string::npos);
  // A misspelt name gets the name meant; a name of the other field says so.
  EXPECT_NE(detail("0 0 12 ? * WEDS").find("did you mean WED?"), std::string::npos);
  EXPECT_NE(detail("0 0 12 ? * THURS-FRI").find("did you mean THU?"), std::string::npos);
  EXPECT_NE(detail("0 0 12 * FEBUARY ?").find("did you mean FEB?"), std::string::npos);
  EXPECT_NE(detail("0 0 12 * MON ?").find("day of the week"), std::string::npos);
  EXPECT_NE(detail("0 0 12 ? * JAN").find("that is a month"), std::string::npos);
  EXPECT_EQ(detail("0 0 12 ? * XYZ").find("did you mean"), std::string::npos);
  EXPECT_NE(detail("0 0 25 * * ?").find("outside 0-23"), std::string::npos);
  // Pacific/Apia skipped 2011-12-30 by moving across the date line, not for
  // daylight saving.
  FrequencyOptions o = Options();
  o.now.reset();
  const FrequencyResult apia = ParseFrequency("at(2011-12-30 12:00:00 Pacific/Apia)", o);
  ASSERT_FALSE(apia.findings.ok());
  EXPECT_EQ(apia.findings.violations[0].detail.find("daylight"), std::string::npos);
  EXPECT_NE(apia.findings.violations[0].detail.find("skips"), std::string::npos);
}

TEST(FrequencyTest, DocumentedExamplesParse) {
  for (const char* text : {
           "0 15 10 ? * *", "0 15 10 * * ?", "0 0 12 * * ?",
           "0 0 10,14,16 * * ?", "0 0/30 9-17 * * ?", "0 * 14 * * ?",
           "0 0-5 14 * * ?", "0 0/5 14 * * ?", "0 0/5 14,18 * * ?",
           "0 0 12 ? * WED", "0 15 10 15 * ?", "0 15 10 L * ?",
           "0 15 10 ? * 6L", "0 15 10 ? * 6#3", "0 10,44 14 ? 3 WED",
           "0 15 10 ? * * 2027", "0 15 10 ? * * *", "0 15 10 ? * 6#3 2027,2028",
           "0 0/30 9-17 * * ? 2027-2029", "0 10,44 14 ? 3 WED 2026/2",
           "0 15 8 ? * * 2027", "0 15 08 ? * * 2027",
           "0 15 10 ? * * 2027 Asia/Shanghai",
           "0 0/30 10-11 * * ? 2027 GMT+8:00", "0 0/5 14 * 10 ? 2026/2 UTC",
           "0 */20 * * * ?", "0 */20 * * * *", "rate(5m)",
           "at(2027-06-06 13:15:30 Asia/Shanghai)",
           "at(2027-06-06 13:15:30 GMT-7:00)", "at(2027-06-06T13:15:30)",
           "RATE ( 05 M )", "At (2027-06-06 13:15:30)"}) {
    FrequencyResult r = ParseFrequency(text, Options());
    EXPECT_TRUE(r.findings.ok())
        << text << ": "
        << (r.findings.ok() ? "" : r.findings.violations[0].detail);
    ASSERT_TRUE(r.schedule.has_value()) << text;
    // Canonical text parses back to the same schedule.
    FrequencyResult again = ParseFrequency(r.schedule->ToString(), Options());
    ASSERT_TRUE(again.schedule.has_value()) << r.schedule->ToString();
    EXPECT_TRUE(*again.schedule == *r.schedule)
        << text << " -> " << r.schedule->ToString();
  }
}

TEST(FrequencyTest, FireTimes) {
  FrequencyOptions o = Options();
  FrequencyResult r = ParseFrequency("0 15 10 ? * * 2027 Asia/Shanghai", o);
  ASSERT_TRUE(r.schedule);
  EXPECT_EQ(r.schedule->Next(kNow), Utc(2027, 1, 1, 2, 15));

  r = ParseFrequency("0 0/30 10-11 * * ? 2027 GMT+8:00", o);
  ASSERT_TRUE(r.schedule);
  EXPECT_EQ(r.schedule->NextN(kNow, 5),
            (std::vector<int64_t>{Utc(2027, 1, 1, 2), Utc(2027, 1, 1, 2, 30),
                                  Utc(2027, 1, 1, 3), Utc(2027, 1, 1, 3, 30),
                                  Utc(2027, 1, 2, 2)}));

  o.created = kNow - 100;
  r = ParseFrequency("rate(5m)", o);
  ASSERT_TRUE(r.schedule);
  EXPECT_EQ(r.schedule->Next(kNow), kNow + 200);
  EXPECT_EQ(r.schedule->Next(kNow - 200), kNow + 200);  // first run: one period after creation
  EXPECT_EQ(r.schedule->Previous(kNow + 200), std::nullopt);
  EXPECT_EQ(r.schedule->Previous(kNow + 201), kNow + 200);

  r = ParseFrequency("at(2027-06-06 13:15:30 GMT-7:00)", Options());
  ASSERT_TRUE(r.schedule);
  EXPECT_EQ(r.schedule->Next(kNow), Utc(2027, 6, 6, 20, 15, 30));
  EXPECT_EQ(r.schedule->Next(Utc(2027, 6, 6, 20, 15, 30)), std::nullopt);

  // No zone: the caller's default zone.
  o = Options();
  o.default_zone = *TzdbZoneProvider::Default().Load("America/New_York");
  r = ParseFrequency("0 30 2 * * ?", o);
  ASSERT_TRUE(r.schedule);
  EXPECT_EQ(r.schedule->zone().name(), "America/New_York");
  EXPECT_EQ(r.schedule->Next(Utc(2027, 3, 14, 5)), Utc(2027, 3, 14, 7));
}

TEST(FrequencyTest, Warnings) {
  auto ids = [](const char* text) {
    std::vector<std::string> out;
    for (const core::Warning& w : ParseFrequency(text, Options()).findings.warnings) {
      out.emplace_back(w.id);
    }
    return out;
  };
  EXPECT_EQ(ids("0 0 0 13 * FRI"), std::vector<std::string>{"frequency.day-fields-or"});
  EXPECT_EQ(ids(" 0 0 0 * * ? "), std::vector<std::string>{"frequency.trimmed"});
  EXPECT_EQ(ids("0 0 0 * * ? Etc/GMT-8"),
            std::vector<std::string>{"frequency.etc-gmt-sign"});
  EXPECT_EQ(ids("0 0 0 * * ? US/Eastern"),
            std::vector<std::string>{"frequency.zone-alias"});
  EXPECT_EQ(ids("0 0 0 * * ? 2025,2027"),
            std::vector<std::string>{"frequency.past-year"});
  EXPECT_EQ(ids("0 0 0 * * ? 2020-2030"),
            std::vector<std::string>{"frequency.past-year"});
  // `*`, `?` and `*/n` name no past year (SPEC 5.3).
  EXPECT_TRUE(ids("0 0 0 * * ? *").empty());
  EXPECT_TRUE(ids("0 0 0 ? * * ?").empty());
  EXPECT_TRUE(ids("0 0 0 * * ? */2").empty());
  EXPECT_TRUE(ids("0 0 0 * * ? 2027-2099").empty());
  // 0 starting a day-of-week range is no wrap-around (SPEC 5.3).
  EXPECT_TRUE(ids("0 0 0 ? * 0-6").empty());
  EXPECT_EQ(ids("at(2027-11-07 01:30:00 America/New_York)"),
            std::vector<std::string>{"frequency.at-ambiguous"});
  EXPECT_TRUE(ids("0 0 0 * * ?").empty());
  // Constructs older agents mishandle.
  EXPECT_EQ(ids("0 0 0 ? * MON-SUN"),
            std::vector<std::string>{"frequency.old-agent-sunday-range-end"});
  EXPECT_EQ(ids("0 0 0 ? * 5-7"),
            std::vector<std::string>{"frequency.old-agent-sunday-range-end"});
  EXPECT_EQ(ids("0 0 22-2 * * ?"),
            std::vector<std::string>{"frequency.old-agent-wrap-range"});
  EXPECT_EQ(ids("0 0 0 ? * 01"),
            std::vector<std::string>{"frequency.old-agent-zero-padded-weekday"});
  EXPECT_EQ(ids("0 0 0 ? * L"), std::vector<std::string>{"frequency.old-agent-l"});
  EXPECT_EQ(ids("0 0 0 L-2 * ?"), std::vector<std::string>{"frequency.old-agent-l"});
  EXPECT_TRUE(ids("0 0 0 L * ?").empty());
  // DST within the next year (now is 2026-11-28; New York springs forward on
  // 2027-03-14, 02:00 -> 03:00).
  EXPECT_EQ(ids("0 30 2 * * ? America/New_York"),
            (std::vector<std::string>{"frequency.dst-affected",
                                      "frequency.old-agent-dst-gap"}));
  EXPECT_EQ(ids("0 30 1 * * ? Europe/London"),  // falls back 2027-10-31 02:00
            std::vector<std::string>{"frequency.dst-affected"});
  EXPECT_TRUE(ids("0 30 12 * * ? America/New_York").empty());
}

TEST(FrequencyTest, MinimumInterval) {
  auto gap = [](const char* text) {
    CronParse p = ParseCronFields(text);
    EXPECT_TRUE(p.fields.has_value()) << text;
    return MinimumCronInterval(*p.fields, Utc(2026, 11, 28, 12));
  };
  EXPECT_EQ(gap("*/10 * * * * ?"), 10);
  EXPECT_EQ(gap("0,50 * * * * ?"), 10);       // 00:00:50 -> 00:01:00
  EXPECT_EQ(gap("0 0,59 * * * ?"), 60);       // hh:59 -> next hour's :00
  EXPECT_EQ(gap("0 0 0,23 * * ?"), 3600);     // 23:00 -> next day 00:00
  EXPECT_EQ(gap("0 0 0,23 ? * MON"), 82800);  // Monday 00:00 -> 23:00
  EXPECT_EQ(gap("0 0 12 * * ?"), 86400);
  // A gap below the cap is real only while two fires remain.
  CronParse last_minute = ParseCronFields("*/10 * * * * ? 2099");
  ASSERT_TRUE(last_minute.fields.has_value());
  EXPECT_EQ(MinimumCronInterval(*last_minute.fields, Utc(2099, 12, 31, 23) + 3590), std::nullopt);
  EXPECT_EQ(MinimumCronInterval(*last_minute.fields, Utc(2099, 12, 31, 23) + 3570), 10);
  // One fire left, a year apart: at least the cap, without the walk.
  EXPECT_GE(gap("0 0 0 1 1 ? 2099").value_or(86400), 86400);
  // With a 3600 s Timeout, hourly is fine and half-hourly is not.
  FrequencyOptions o = Options();
  o.timeout_seconds = 3600;
  EXPECT_TRUE(ParseFrequency("0 0 * * * ?", o).findings.ok());
  EXPECT_FALSE(ParseFrequency("0 0/30 * * * ?", o).findings.ok());
  EXPECT_FALSE(ParseFrequency("0 0 0,23 * * ?", o).findings.ok() == false);
}

TEST(FrequencyTest, LazyIterationIsBoundedByCountAndEnd) {
  FrequencyResult r = ParseFrequency("0 0 * * * ?", Options());
  ASSERT_TRUE(r.schedule);
  const Schedule& s = *r.schedule;
  auto drain = [](Schedule::Fires it) {
    std::vector<int64_t> out;
    while (std::optional<int64_t> t = it.Next()) out.push_back(*t);
    return out;
  };
  const int64_t h = Utc(2027, 1, 1);
  EXPECT_EQ(drain(s.Forward(h, h + 3 * 3600, 100)),
            (std::vector<int64_t>{h + 3600, h + 7200}));  // end is exclusive
  EXPECT_EQ(drain(s.Forward(h, h + 100 * 3600, 2)),
            (std::vector<int64_t>{h + 3600, h + 7200}));  // count
  EXPECT_EQ(drain(s.Backward(h, h - 3 * 3600, 100)),
            (std::vector<int64_t>{h - 3600, h - 7200}));
  EXPECT_TRUE(drain(s.Forward(h, h + 100, 5)).empty());
  EXPECT_TRUE(drain(s.Forward(h, h + 10 * 3600, 0)).empty());
}

// Random expressions from the grammar, in many zones: the properties of
// SPEC 5.5 and the canonical round trip.
TEST(FrequencyTest, RandomExpressionProperties) {
  const char* const kZones[] = {
      "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe",
      "America/Santiago", "Antarctica/Troll", "Pacific/Apia", "Asia/Kolkata",
      "Asia/Tehran", "Pacific/Chatham", "America/St_Johns", "Africa/Casablanca",
      "America/Havana", "Asia/Gaza", "Europe/Chisinau", "Australia/Adelaide"};
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  auto rnd = [&](int n) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return static_cast<int>(seed % static_cast<uint64_t>(n));
  };
  auto time_field = [&](int max) -> std::string {
    switch (rnd(5)) {
      case 0: return "*";
      case 1: return std::to_string(rnd(max + 1));
      case 2: return std::to_string(rnd(max + 1)) + "," + std::to_string(rnd(max + 1));
      case 3: { int a = rnd(max + 1), b = rnd(max + 1); return std::to_string(a) + "-" + std::to_string(b); }
      default: return "*/" + std::to_string(1 + rnd(max));
    }
  };
  const char* const kDom[] = {"*", "?", "1", "15", "L", "L-3", "LW", "1W", "31", "29", "1-10", "*/9", "5,20"};
  const char* const kDow[] = {"*", "?", "MON", "MON-FRI", "SAT,SUN", "5#5", "6L", "FRI-MON", "*/3", "7"};
  const char* const kMonth[] = {"*", "2", "JAN-MAR", "*/4", "NOV-FEB", "4,6,9,11"};
  int checked = 0;
  for (int i = 0; i < 400; ++i) {
    std::string dom = kDom[rnd(13)], dow = kDow[rnd(10)];
    if (dom == "?" && dow == "?") dow = "*";
    const std::string expr = time_field(59) + " " + time_field(59) + " " +
                             time_field(23) + " " + dom + " " + kMonth[rnd(6)] +
                             " " + dow + " " + kZones[rnd(16)];
    FrequencyOptions o;
    o.zones = &TzdbZoneProvider::Default();
    FrequencyResult r = ParseFrequency(expr, o);
    ASSERT_TRUE(r.schedule.has_value())
        << expr << ": " << r.findings.violations[0].detail;
    const Schedule& s = *r.schedule;
    const FrequencyResult back = ParseFrequency(s.ToString(), o);
    ASSERT_TRUE(back.schedule.has_value()) << s.ToString();
    EXPECT_TRUE(*back.schedule == s) << expr << " -> " << s.ToString();
    int64_t t = Utc(2026, 1, 1) + rnd(86400 * 365);
    for (int k = 0; k < 30; ++k) {
      const std::optional<int64_t> n = s.Next(t);
      if (!n) break;
      ASSERT_GT(*n, t) << expr;
      const std::optional<int64_t> p = s.Previous(*n);
      if (p) {
        ASSERT_LE(*p, t) << expr;
      }
      ASSERT_EQ(s.Next(*n - 1), n) << expr;
      t = *n + rnd(3) * rnd(5000);
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000);
}

TEST(FrequencyTest, ExtremeInstantsAreSafe) {
  FrequencyOptions o = Options();
  o.now.reset();
  o.created = INT64_MIN;
  for (const char* text : {"0 0 0 * * ? Australia/Lord_Howe", "rate(5m)",
                           "at(2027-06-06 13:15:30)"}) {
    FrequencyResult r = ParseFrequency(text, o);
    ASSERT_TRUE(r.schedule) << text;
    EXPECT_EQ(r.schedule->Next(INT64_MAX), std::nullopt) << text;
    EXPECT_EQ(r.schedule->Previous(INT64_MIN), std::nullopt) << text;
    EXPECT_TRUE(r.schedule->Next(INT64_MIN).has_value()) << text;
    EXPECT_TRUE(r.schedule->Previous(INT64_MAX).has_value()) << text;
  }
}

TEST(FrequencyTest, ComputeOnlySkipsRequestRules) {
  FrequencyOptions o = Options();
  o.now.reset();
  EXPECT_TRUE(ParseFrequency("* * * * * ?", o).findings.ok());
  EXPECT_TRUE(ParseFrequency("at(2020-01-01 00:00:00)", o).findings.ok());
  EXPECT_TRUE(ParseFrequency("0 0 0 30 2 ?", o).findings.ok());
  // Syntax is still checked.
  EXPECT_FALSE(ParseFrequency("0 0 0 32 * ?", o).findings.ok());
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
