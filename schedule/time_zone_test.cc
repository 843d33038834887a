#include "schedule/time_zone.h"

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "schedule/civil.h"
#include "schedule/internal/posix_tz.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace schedule {
namespace {

int64_t Utc(int64_t y, int mo, int d, int h, int mi, int s) {
  return LocalSeconds(CivilTime{y, mo, d, h, mi, s});
}

// A synthetic zone: +1h from 1000 (gap [1000+0, 1000+3600) local), back to 0
// at 100000 (overlap [100000, 103600) local).
TimeZone Synthetic() {
  return *TimeZone::FromTransitions("Test/Synthetic", 0,
                                    {{1000, 3600}, {100000, 0}});
}

TEST(TimeZoneTest, FixedZone) {
  const TimeZone z = TimeZone::Fixed("GMT+8:00", 8 * 3600);
  EXPECT_EQ(z.name(), "GMT+8:00");
  EXPECT_EQ(z.OffsetAt(0), 28800);
  const TimeZone::Lookup l = z.At(28800);
  EXPECT_EQ(l.kind, TimeZone::Lookup::kUnique);
  EXPECT_EQ(l.pre, 0);
  EXPECT_FALSE(z.NextTransition(0).has_value());
}

TEST(TimeZoneTest, DefaultIsUtc) {
  const TimeZone z;
  EXPECT_EQ(z.name(), "UTC");
  EXPECT_EQ(z.OffsetAt(123456), 0);
}

TEST(TimeZoneTest, LookupKindsOnSyntheticZone) {
  const TimeZone z = Synthetic();
  EXPECT_EQ(z.OffsetAt(999), 0);
  EXPECT_EQ(z.OffsetAt(1000), 3600);
  EXPECT_EQ(z.OffsetAt(100000), 0);

  TimeZone::Lookup l = z.At(999);
  EXPECT_EQ(l.kind, TimeZone::Lookup::kUnique);
  EXPECT_EQ(l.pre, 999);

  l = z.At(1000);  // first skipped second
  EXPECT_EQ(l.kind, TimeZone::Lookup::kSkipped);
  EXPECT_EQ(l.trans, 1000);
  EXPECT_EQ(l.pre, 1000);
  EXPECT_EQ(l.post, 1000 - 3600);

  l = z.At(4599);  // last skipped second
  EXPECT_EQ(l.kind, TimeZone::Lookup::kSkipped);
  l = z.At(4600);
  EXPECT_EQ(l.kind, TimeZone::Lookup::kUnique);
  EXPECT_EQ(l.pre, 1000);

  l = z.At(100000);  // first repeated second
  EXPECT_EQ(l.kind, TimeZone::Lookup::kRepeated);
  EXPECT_EQ(l.pre, 100000 - 3600);
  EXPECT_EQ(l.post, 100000);
  EXPECT_EQ(l.trans, 100000);
  l = z.At(103599);
  EXPECT_EQ(l.kind, TimeZone::Lookup::kRepeated);
  l = z.At(103600);
  EXPECT_EQ(l.kind, TimeZone::Lookup::kUnique);
  EXPECT_EQ(l.pre, 103600);

  EXPECT_EQ(z.NextTransition(0)->at, 1000);
  EXPECT_EQ(z.NextTransition(1000)->at, 100000);
  EXPECT_FALSE(z.NextTransition(100000).has_value());
}

// SegmentAt's bucket index against a plain scan, on tables with clusters
// denser than one transition per bucket, transitions at the extremes of
// int64_t (the index must neither overflow nor grow past its bound) and
// queries on, next to and between transitions.
TEST(TimeZoneTest, SegmentIndexAgreesWithAScan) {
  auto scan = [](const TimeZone& z, int64_t instant) {
    int seg = -1;
    for (const ZoneTransition& t : z.transitions()) {
      if (t.at > instant) break;
      ++seg;
    }
    return seg;
  };
  uint64_t state = 0x9E3779B97F4A7C15u;
  auto random = [&state] {  // xorshift64*: reproducible, no global state
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Du;
  };
  std::vector<std::vector<ZoneTransition>> tables;
  std::vector<ZoneTransition> dense;  // 200 transitions a day apart, then gaps
  for (int i = 0; i < 200; ++i) dense.push_back({1000 + i * 86400, (i % 2) * 3600});
  for (int i = 0; i < 50; ++i) {
    dense.push_back({int64_t{1} << 40 | int64_t{i} << 30, (i % 2) * 3600});
  }
  tables.push_back(dense);
  tables.push_back({{INT64_MIN / 2, 3600}, {0, 0}, {INT64_MAX / 2, 3600}});
  tables.push_back({{-(int64_t{1} << 62), 3600}, {(int64_t{1} << 62), 0}});
  tables.push_back({{5, 3600}});
  for (const auto& table : tables) {
    const std::optional<TimeZone> z = TimeZone::FromTransitions("Test/Index", 0, table);
    ASSERT_TRUE(z.has_value());
    std::vector<int64_t> queries = {INT64_MIN, INT64_MAX, 0, -1, 1};
    for (const ZoneTransition& t : z->transitions()) {
      for (int64_t d : {-1, 0, 1}) queries.push_back(t.at + d);
    }
    for (int i = 0; i < 2000; ++i) {
      const ZoneTransition& t = z->transitions()[random() % z->transitions().size()];
      queries.push_back(t.at + static_cast<int64_t>(random() % (int64_t{1} << 36)) -
                        (int64_t{1} << 35));
    }
    for (int64_t q : queries) ASSERT_EQ(z->SegmentAt(q), scan(*z, q)) << q;
  }
}

TEST(TimeZoneTest, RejectsBadTables) {
  EXPECT_FALSE(TimeZone::FromTransitions("x", 0, {{10, 3600}, {10, 0}}));
  EXPECT_FALSE(TimeZone::FromTransitions("x", 0, {{10, 3600}, {5, 0}}));
  // Windows that overlap: +1h at 0, back at 1800 (window [1800, 5400) local
  // starts before the first one ends at 3600).
  EXPECT_FALSE(TimeZone::FromTransitions("x", 0, {{0, 3600}, {1800, 0}}));
  EXPECT_FALSE(TimeZone::FromTransitions("x", 30 * 3600, {}));
  // No-op entries are dropped.
  const auto z = TimeZone::FromTransitions("x", 0, {{10, 0}, {20, 60}});
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(z->transitions().size(), 1u);
}

TEST(PosixTzTest, ParsesAndRejects) {
  std::optional<PosixTz> tz = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(tz.has_value());
  EXPECT_EQ(tz->std_offset, -18000);
  EXPECT_EQ(tz->dst_offset, -14400);
  EXPECT_EQ(tz->start.month, 3);
  EXPECT_EQ(tz->end.week, 1);

  tz = ParsePosixTz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");  // Lord Howe
  ASSERT_TRUE(tz.has_value());
  EXPECT_EQ(tz->std_offset, 37800);
  EXPECT_EQ(tz->dst_offset, 39600);

  tz = ParsePosixTz("<+00>0<+02>-2,M3.5.0/1,M10.5.0/3");  // Troll
  ASSERT_TRUE(tz.has_value());
  EXPECT_EQ(tz->dst_offset, 7200);
  EXPECT_EQ(tz->start.time, 3600);

  tz = ParsePosixTz("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1");  // America/Nuuk
  ASSERT_TRUE(tz.has_value());
  EXPECT_EQ(tz->start.time, -7200);

  tz = ParsePosixTz("CST-8");
  ASSERT_TRUE(tz.has_value());
  EXPECT_FALSE(tz->has_dst);
  EXPECT_EQ(tz->std_offset, 28800);

  for (const char* bad : {"", "E5", "EST", "EST5EDT,M13.1.0,M11.1.0",
                          "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0",
                          "EST5EDT,J0,J10", "EST5EDT,M3.2.0", "<AB>5",
                          "EST25", "EST5EDT,M3.2.0/168,M11.1.0", "EST5x"}) {
    EXPECT_FALSE(ParsePosixTz(bad).has_value()) << bad;
  }
}

TEST(PosixTzTest, TransitionsOfAYear) {
  const PosixTz tz = *ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  const std::vector<ZoneTransition> t = PosixTransitions(tz, 2050, 2050);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].at, Utc(2050, 3, 13, 7, 0, 0));
  EXPECT_EQ(t[0].offset, -14400);
  EXPECT_EQ(t[1].at, Utc(2050, 11, 6, 6, 0, 0));
  EXPECT_EQ(t[1].offset, -18000);

  // Southern hemisphere: the year starts in DST.
  const PosixTz south = *ParsePosixTz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  const std::vector<ZoneTransition> s = PosixTransitions(south, 2050, 2050);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].offset, 36000);  // April: back to standard
  EXPECT_EQ(s[1].offset, 39600);  // October: DST

  // DST all year: each year's end coincides with the next year's start, so
  // the only changes are into DST at the first start and out of it at the
  // last year's end (2053-01-01 05:00 UTC, the edge of the range asked for).
  const PosixTz always = *ParsePosixTz("EST5EDT4,0/0,J365/25");
  const std::vector<ZoneTransition> a = PosixTransitions(always, 2050, 2052);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].at, Utc(2050, 1, 1, 5, 0, 0));
  EXPECT_EQ(a[0].offset, -14400);
  EXPECT_EQ(a[1].at, Utc(2053, 1, 1, 5, 0, 0));
}

class TzdbTest : public ::testing::Test {
 protected:
  const TzdbZoneProvider& tzdb_ = TzdbZoneProvider::Default();
};

TEST_F(TzdbTest, NewYorkKeepsDstAfter2037) {
  const TimeZone ny = *tzdb_.Load("America/New_York");
  EXPECT_EQ(ny.OffsetAt(Utc(2026, 7, 1, 0, 0, 0)), -14400);
  EXPECT_EQ(ny.OffsetAt(Utc(2050, 7, 1, 0, 0, 0)), -14400);
  EXPECT_EQ(ny.OffsetAt(Utc(2099, 7, 1, 0, 0, 0)), -14400);
  EXPECT_EQ(ny.OffsetAt(Utc(2099, 12, 1, 0, 0, 0)), -18000);
  const auto t = ny.NextTransition(Utc(2050, 1, 1, 0, 0, 0));
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->at, Utc(2050, 3, 13, 7, 0, 0));
}

TEST_F(TzdbTest, AliasesAndRefusals) {
  const std::optional<TimeZone> us = tzdb_.Load("US/Eastern");
  ASSERT_TRUE(us.has_value());
  EXPECT_EQ(us->name(), "US/Eastern");
  EXPECT_EQ(us->canonical_name(), "America/New_York");
  EXPECT_EQ(tzdb_.Load("America/New_York")->canonical_name(),
            "America/New_York");
  for (const char* bad :
       {"", "Nope/Nowhere", "america/new_york", "localtime", "posixrules",
        "posix/America/New_York", "right/UTC", "../zoneinfo/UTC",
        "/usr/share/zoneinfo/UTC", "Factory"}) {
    EXPECT_FALSE(tzdb_.Load(bad).has_value()) << bad;
  }
}

// Abseil's cctz reads the same TZif files and applies their POSIX rules: an
// independent implementation to compare every offset with, through 2099.
TEST_F(TzdbTest, AgreesWithAbseilEveryThreeHoursThrough2099) {
  const char* const kZones[] = {
      "America/New_York", "Europe/London",   "Australia/Lord_Howe",
      "America/Santiago", "Antarctica/Troll", "Pacific/Apia",
      "Asia/Kolkata",     "America/Nuuk",     "Asia/Amman",
      "Africa/Casablanca", "Europe/Dublin",   "Pacific/Chatham",
      "America/Sao_Paulo", "Asia/Tehran",     "Etc/GMT-8",
      "US/Eastern",       "PRC",              "UTC"};
  for (const char* name : kZones) {
    SCOPED_TRACE(name);
    const std::optional<TimeZone> mine = tzdb_.Load(name);
    ASSERT_TRUE(mine.has_value());
    absl::TimeZone ref;
    ASSERT_TRUE(absl::LoadTimeZone(name, &ref));
    int mismatches = 0;
    for (int64_t t = Utc(1970, 1, 1, 0, 0, 0); t < Utc(2100, 1, 1, 0, 0, 0);
         t += 3 * 3600 + 7) {
      const int want = ref.At(absl::FromUnixSeconds(t)).offset;
      if (mine->OffsetAt(t) != want && ++mismatches <= 3) {
        ADD_FAILURE() << "at " << absl::FormatTime(absl::FromUnixSeconds(t))
                      << ": " << mine->OffsetAt(t) << " vs " << want;
      }
    }
    EXPECT_EQ(mismatches, 0);
  }
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
