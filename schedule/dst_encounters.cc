#include "schedule/dst_encounters.h"

#include <algorithm>
#include <optional>

namespace runcheck {
namespace schedule {

std::vector<DstEncounter> DstEncounters(const CronFields& f, const TimeZone& zone, int64_t from,
                                        int64_t to, int limit) {
  std::vector<DstEncounter> out;
  int64_t t = from;
  for (int i = 0; i < limit; ++i) {
    const std::optional<ZoneTransition> tr = zone.NextTransition(t);
    if (!tr || tr->at >= to) break;
    const int32_t before = zone.OffsetAt(tr->at - 1);
    const int64_t lo = tr->at + std::min(before, tr->offset);
    const int64_t hi = tr->at + std::max(before, tr->offset);
    if (const std::optional<int64_t> c = f.NextCivil(lo); c && *c < hi) {
      out.push_back(DstEncounter{tr->at, before, tr->offset, tr->offset > before, lo, hi, *c});
    }
    t = tr->at;
  }
  return out;
}

}  // namespace schedule
}  // namespace runcheck
