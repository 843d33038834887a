// Differential fuzz target: the fast cron search (schedule/cron_schedule.h)
// against the naive second-by-second checker (schedule/naive_cron.h), in a
// five-hour window around a real DST transition. Input: a zone byte (eight
// zones with unusual transitions), a transition byte, a policy byte, then
// the six or seven cron fields. Checks: the chain of Next from the window's
// start, and the chain of Previous from its end, are exactly the instants
// the naive checker accepts.

#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "schedule/cron.h"
#include "schedule/cron_schedule.h"
#include "schedule/naive_cron.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

using namespace runcheck::schedule;
using runcheck::fuzz::Check;

constexpr const char* kZones[] = {
    "America/New_York", "Australia/Lord_Howe", "Antarctica/Troll", "America/Santiago",
    "Asia/Amman",       "Pacific/Apia",        "Europe/Berlin",    "Asia/Tehran",
};
constexpr int64_t kHalfWindow = 9000;  // 2.5 h either side

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3 || size > 512) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 3), size - 3);
  const CronParse parse = ParseCronFields(text);
  if (!parse.fields) return 0;
  const std::optional<TimeZone> zone =
      TzdbZoneProvider::Default().Load(kZones[data[0] % std::size(kZones)]);
  Check(zone.has_value());
  // Transitions from 2000 to 2099.
  std::vector<int64_t> at;
  for (const ZoneTransition& t : zone->transitions()) {
    if (t.at >= 946684800 && t.at < 4102444800) at.push_back(t.at);
  }
  const int64_t center = at.empty() ? 1798761600 : at[data[1] % at.size()];
  DstPolicy policy;
  policy.gap = static_cast<DstPolicy::Gap>(data[2] % 4);
  policy.overlap = static_cast<DstPolicy::Overlap>((data[2] / 4) % 4);
  const CronSchedule s(*parse.fields, *zone, policy);
  const int64_t from = center - kHalfWindow, to = center + kHalfWindow;

  const WindowFires w = FiresInWindow(s, from, to);
  Check(w.next_chain == w.naive);
  Check(w.previous_chain == w.naive);
  return 0;
}
