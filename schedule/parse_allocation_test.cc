// ParseFrequency of a cron expression without a zone token allocates nothing
// (issue 16): the compiled schedule lives inside the Schedule and the
// default zone is shared. Counted by replacing the global operator new in
// this test binary only.

#include <atomic>
#include <cstdlib>
#include <new>

#include "gtest/gtest.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// Every replaceable form that a standard library may call, so that each
// allocation and its release go through malloc and free (a sanitizer checks
// the pairing).
namespace {
void* Counted(std::size_t n) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n == 0 ? 1 : n);
}
}  // namespace

void* operator new(std::size_t n) {
  if (void* p = Counted(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = Counted(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return Counted(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return Counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace runcheck {
namespace schedule {
namespace {

TEST(ParseAllocationTest, CronWithoutZoneTokenAllocatesNothing) {
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  o.default_zone = *TzdbZoneProvider::Default().Load("America/New_York");
  for (const char* expr : {"0 */5 * * * ?", "0 0 12 ? * WED", "0 15 10 L * ?",
                           "0 0 0 29 2 ?", "0 0 9-17 ? * MON-FRI", "*/10 * * * * ?",
                           "0 15 10 ? * 6#3", "0 0 8 1W,15 JAN-MAR ? 2027-2030"}) {
    const long before = g_allocations.load();
    {
      const FrequencyResult r = ParseFrequency(expr, o);
      ASSERT_TRUE(r.schedule.has_value()) << expr;
      EXPECT_TRUE(r.schedule->Next(1798761600).has_value()) << expr;
    }
    EXPECT_EQ(g_allocations.load() - before, 0) << expr;
  }
  // The counter counts: an expression with a zone token looks the zone up
  // and copies its name.
  const long before = g_allocations.load();
  { const FrequencyResult r = ParseFrequency("0 0 12 * * ? Asia/Tokyo", o); }
  EXPECT_GT(g_allocations.load() - before, 0);
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
