#include "schedule/cron_schedule.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schedule/civil.h"
#include "schedule/cron.h"
#include "schedule/naive_cron.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace schedule {
namespace {

int64_t Utc(int64_t y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return LocalSeconds(CivilTime{y, mo, d, h, mi, s});
}

TimeZone Zone(const char* name) {
  std::optional<TimeZone> z = TzdbZoneProvider::Default().Load(name);
  EXPECT_TRUE(z.has_value()) << name;
  return z.value_or(TimeZone());
}

CronSchedule Make(const char* text, const TimeZone& zone, DstPolicy p = {}) {
  CronParse parse = ParseCronFields(text);
  EXPECT_TRUE(parse.fields.has_value()) << text;
  return CronSchedule(parse.fields.value_or(CronFields{}), zone, p);
}

void ExpectAgreesWithBruteForce(const CronSchedule& s, int64_t from,
                                int64_t to, const std::string& what) {
  const WindowFires w = FiresInWindow(s, from, to);
  ASSERT_EQ(w.next_chain, w.naive) << what;
  ASSERT_EQ(w.previous_chain, w.naive) << what << " (Previous)";
}

// --- Golden DST vectors (hand-checked against the zone's published rules) ---

TEST(CronScheduleTest, NewYorkSpringForward) {
  const TimeZone ny = Zone("America/New_York");
  // 2026-03-08 02:00 EST -> 03:00 EDT (07:00 UTC).
  const CronSchedule fixed = Make("0 30 2 * * ?", ny);
  EXPECT_EQ(fixed.Next(Utc(2026, 3, 8, 5)), Utc(2026, 3, 8, 7));  // gap end
  EXPECT_EQ(fixed.Next(Utc(2026, 3, 8, 7)), Utc(2026, 3, 9, 6, 30));
  const CronSchedule interval = Make("0 */30 * * * ?", ny);
  EXPECT_EQ(interval.Next(Utc(2026, 3, 8, 6, 30)), Utc(2026, 3, 8, 7));
  EXPECT_EQ(interval.Previous(Utc(2026, 3, 8, 7)), Utc(2026, 3, 8, 6, 30));
  // Shift: 02:30 runs an hour later on the new clock, 03:30 EDT.
  const CronSchedule shifted =
      Make("0 30 2 * * ?", ny, {DstPolicy::Gap::kShift, DstPolicy::Overlap::kByClass});
  EXPECT_EQ(shifted.Next(Utc(2026, 3, 8, 5)), Utc(2026, 3, 8, 7, 30));
  const CronSchedule skipped =
      Make("0 30 2 * * ?", ny, {DstPolicy::Gap::kSkip, DstPolicy::Overlap::kByClass});
  EXPECT_EQ(skipped.Next(Utc(2026, 3, 8, 5)), Utc(2026, 3, 9, 6, 30));
}

TEST(CronScheduleTest, NewYorkFallBack) {
  const TimeZone ny = Zone("America/New_York");
  // 2026-11-01 02:00 EDT -> 01:00 EST (06:00 UTC); 01:xx happens twice.
  const CronSchedule fixed = Make("0 30 1 * * ?", ny);
  EXPECT_EQ(fixed.Next(Utc(2026, 11, 1, 4)), Utc(2026, 11, 1, 5, 30));  // EDT
  EXPECT_EQ(fixed.Next(Utc(2026, 11, 1, 5, 30)), Utc(2026, 11, 2, 6, 30));
  const CronSchedule hourly = Make("0 0 * * * ?", ny);
  EXPECT_EQ(hourly.Next(Utc(2026, 11, 1, 5)), Utc(2026, 11, 1, 6));  // 01:00 EST
  // A query inside the second pass gets the next fire in the second pass.
  const CronSchedule quarter = Make("0 */15 * * * ?", ny);
  EXPECT_EQ(quarter.Next(Utc(2026, 11, 1, 6, 20)), Utc(2026, 11, 1, 6, 30));
}

struct Transition {
  const char* zone;
  int64_t at;  // a moment near a transition (UTC)
};

TEST(CronScheduleTest, AgreesWithBruteForceAroundTransitions) {
  const Transition kTransitions[] = {
      {"America/New_York", Utc(2026, 3, 8, 7)},
      {"America/New_York", Utc(2026, 11, 1, 6)},
      {"America/New_York", Utc(2050, 3, 13, 7)},     // from the POSIX rule
      {"Europe/London", Utc(2026, 3, 29, 1)},
      {"Europe/London", Utc(2026, 10, 25, 1)},
      {"Australia/Lord_Howe", Utc(2026, 4, 4, 15)},  // 30-minute DST
      {"Australia/Lord_Howe", Utc(2026, 10, 3, 15, 30)},
      {"America/Santiago", Utc(2026, 4, 5, 3)},      // midnight transitions
      {"America/Santiago", Utc(2026, 9, 6, 4)},
      {"Antarctica/Troll", Utc(2026, 3, 29, 1)},     // two-hour jumps
      {"Antarctica/Troll", Utc(2026, 10, 25, 1)},
      {"Pacific/Apia", Utc(2011, 12, 30, 10)},       // 2011-12-30 skipped
      {"Asia/Kolkata", Utc(2026, 6, 1)},
  };
  const char* const kExpressions[] = {
      "0 30 2 * * ?",      "0 0 0 * * ?",      "0 15,45 1,2 * * ?",
      "0 */30 * * * ?",    "0 0 * * * ?",      "*/20 * 0-3 * * ?",
      "0 0/10 0-2 * * ?",  "30 59 23 * * ?",   "0 0 0 ? * * 2011",
      "0 0 12 L * ?",      "0 5 0,23 * * ?",
  };
  const DstPolicy kPolicies[] = {
      {},
      {DstPolicy::Gap::kShift, DstPolicy::Overlap::kSecond},
      {DstPolicy::Gap::kSkip, DstPolicy::Overlap::kFirst},
      {DstPolicy::Gap::kRunAtGapEnd, DstPolicy::Overlap::kBoth},
  };
  for (const Transition& t : kTransitions) {
    const TimeZone zone = Zone(t.zone);
    for (const char* expr : kExpressions) {
      for (const DstPolicy& p : kPolicies) {
        const CronSchedule s = Make(expr, zone, p);
        ExpectAgreesWithBruteForce(
            s, t.at - 3 * 3600, t.at + 3 * 3600,
            std::string(t.zone) + " " + expr + " gap=" +
                std::to_string(static_cast<int>(p.gap)) +
                " overlap=" + std::to_string(static_cast<int>(p.overlap)));
      }
    }
  }
}

TEST(CronScheduleTest, ApiaSkipsTheWholeDay) {
  const TimeZone apia = Zone("Pacific/Apia");
  const CronSchedule daily = Make("0 0 12 * * ?", apia);
  // 2011-12-29 24:00 at -10 became 2011-12-31 00:00 at +14 (2011-12-30
  // 10:00 UTC): the whole 30th was skipped. 12:00 on the 29th fires at 22:00
  // UTC; 12:00 on the 30th lies in the gap, so this fixed-time schedule fires
  // once at the gap's end; then 12:00 on the 31st.
  const std::optional<int64_t> a = daily.Next(Utc(2011, 12, 29, 12));
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(*a, Utc(2011, 12, 29, 22));
  EXPECT_EQ(daily.Next(*a), Utc(2011, 12, 30, 10));
  EXPECT_EQ(daily.Next(Utc(2011, 12, 30, 10)), Utc(2011, 12, 30, 22));
  // An interval schedule skips the missing day.
  const CronSchedule hourly = Make("0 0 * * * ?", apia);
  EXPECT_EQ(hourly.Next(Utc(2011, 12, 30, 9)), Utc(2011, 12, 30, 10));
  EXPECT_EQ(hourly.Previous(Utc(2011, 12, 30, 10)), Utc(2011, 12, 30, 9));
}

TEST(CronScheduleTest, Properties) {
  const char* const kZones[] = {"America/New_York", "Australia/Lord_Howe",
                                "Antarctica/Troll", "America/Santiago", "UTC"};
  const char* const kExpressions[] = {"0 30 2 * * ?", "0 */7 * * * ?",
                                      "0 0 0 ? * 5#5", "*/13 */17 1-3 * * ?",
                                      "0 0 0 29 2 ?"};
  for (const char* zn : kZones) {
    const TimeZone zone = Zone(zn);
    for (const char* expr : kExpressions) {
      const CronSchedule s = Make(expr, zone);
      int64_t t = Utc(2026, 1, 1);
      for (int i = 0; i < 300; ++i) {
        std::optional<int64_t> n = s.Next(t);
        if (!n) {  // past the 2099 horizon: nothing may fire after t
          const std::optional<int64_t> last = s.Previous(INT64_MAX);
          ASSERT_TRUE(last.has_value()) << zn << " " << expr;
          ASSERT_LE(*last, t) << zn << " " << expr;
          break;
        }
        ASSERT_GT(*n, t);
        std::optional<int64_t> p = s.Previous(*n);
        if (p) ASSERT_LE(*p, t) << zn << " " << expr;
        ASSERT_EQ(s.Next(*n - 1), *n);
        t = *n + (i % 3 == 0 ? 0 : 997);
      }
    }
  }
}

TEST(CronScheduleTest, EndsAt2099) {
  const CronSchedule s = Make("0 0 0 1 1 ?", TimeZone());
  EXPECT_EQ(s.Next(Utc(2099, 1, 1)), std::nullopt);
  EXPECT_EQ(s.Previous(Utc(1970, 1, 1)), std::nullopt);
  EXPECT_EQ(s.Previous(Utc(2200, 1, 1)), Utc(2099, 1, 1));
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
