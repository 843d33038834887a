#include "schedule/civil.h"

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace runcheck {
namespace schedule {
namespace {

// Abseil's civil-time arithmetic is the independent reference.
TEST(CivilTest, DaysRoundTripAndAgreeWithAbseil) {
  const absl::CivilDay epoch(1970, 1, 1);
  for (int64_t days = -800000; days <= 800000; days += 37) {
    const absl::CivilDay want = epoch + days;
    const CivilDate got = CivilFromDays(days);
    ASSERT_EQ(got.year, want.year()) << days;
    ASSERT_EQ(got.month, want.month()) << days;
    ASSERT_EQ(got.day, want.day()) << days;
    ASSERT_EQ(DaysFromCivil(got.year, got.month, got.day), days);
    const int absl_wd = static_cast<int>(absl::GetWeekday(want));  // Monday 0
    ASSERT_EQ(WeekdayFromDays(days), absl_wd) << days;
  }
}

// Every day of the engine's horizon and a margin, one by one.
TEST(CivilTest, EveryDayOfTheHorizonAgreesWithAbseil) {
  const absl::CivilDay epoch(1970, 1, 1);
  for (int64_t days = DaysFromCivil(1899, 1, 1); days <= DaysFromCivil(2200, 12, 31); ++days) {
    const absl::CivilDay want = epoch + days;
    const CivilDate got = CivilFromDays(days);
    ASSERT_EQ(got.year, want.year()) << days;
    ASSERT_EQ(got.month, want.month()) << days;
    ASSERT_EQ(got.day, want.day()) << days;
  }
}

TEST(CivilTest, LeapYearsAgreeWithTheGregorianRule) {
  for (int64_t y = -40000; y <= 40000; ++y) {
    const bool want = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    ASSERT_EQ(IsLeapYear(y), want) << y;
  }
}

TEST(CivilTest, MonthLengths) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2027, 4), 30);
  EXPECT_EQ(DaysInMonth(2027, 12), 31);
}

TEST(CivilTest, LocalSecondsRoundTrip) {
  const CivilTime t{2099, 12, 31, 23, 59, 59};
  const CivilTime back = CivilFromLocalSeconds(LocalSeconds(t));
  EXPECT_EQ(back.year, 2099);
  EXPECT_EQ(back.month, 12);
  EXPECT_EQ(back.day, 31);
  EXPECT_EQ(back.hour, 23);
  EXPECT_EQ(back.minute, 59);
  EXPECT_EQ(back.second, 59);
  const CivilTime before_epoch = CivilFromLocalSeconds(-1);
  EXPECT_EQ(before_epoch.year, 1969);
  EXPECT_EQ(before_epoch.second, 59);
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
