#include "schedule/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "core/ascii.h"

namespace runcheck {
namespace schedule {
namespace {

constexpr int32_t kMaxOffset = 26 * 3600;
// SegmentAt's index: buckets of at least 2^22 s (48.5 days, so a zone with
// two transitions a year has at most one per bucket), at most 4,096 of them.
constexpr int kMinIndexShift = 22;
constexpr uint64_t kMaxIndexBuckets = 4096;

uint64_t Distance(int64_t from, int64_t to) {  // to >= from, never overflows
  return static_cast<uint64_t>(to) - static_cast<uint64_t>(from);
}

}  // namespace

void TimeZone::BuildSegmentIndex(Data& data) {
  const std::vector<ZoneTransition>& tr = data.transitions;
  if (tr.empty()) return;
  const uint64_t span = Distance(tr.front().at, tr.back().at);
  int shift = kMinIndexShift;
  while ((span >> shift) >= kMaxIndexBuckets) ++shift;
  data.index_shift = shift;
  const uint64_t buckets = (span >> shift) + 1;
  data.segment_index.reserve(buckets + 1);
  int32_t seg = 0;
  for (uint64_t k = 0; k < buckets; ++k) {
    const uint64_t start = k << shift;  // distance from front().at
    while (seg + 1 < static_cast<int32_t>(tr.size()) &&
           Distance(tr.front().at, tr[seg + 1].at) <= start) {
      ++seg;
    }
    data.segment_index.push_back(seg);
  }
  data.segment_index.push_back(static_cast<int32_t>(tr.size()) - 1);
}

// UTC is shared by every default-constructed zone (a TimeZone is an
// immutable handle), so constructing one does not allocate.
TimeZone::TimeZone() : TimeZone([] {
  static const TimeZone* const kUtc = new TimeZone(Fixed("UTC", 0));
  return *kUtc;
}()) {}

TimeZone TimeZone::Fixed(std::string name, int32_t offset_seconds) {
  auto data = std::make_shared<Data>();
  data->name = std::move(name);
  data->initial_offset = offset_seconds;
  return TimeZone(std::move(data));
}

std::optional<TimeZone> TimeZone::FromTransitions(
    std::string name, int32_t initial_offset,
    std::vector<ZoneTransition> transitions, std::string canonical_name) {
  if (std::abs(initial_offset) >= kMaxOffset) return std::nullopt;
  auto data = std::make_shared<Data>();
  data->name = std::move(name);
  data->canonical = std::move(canonical_name);
  if (data->canonical == data->name) data->canonical.clear();
  data->initial_offset = initial_offset;
  int32_t prev = initial_offset;
  int64_t prev_hi = INT64_MIN;
  for (size_t i = 0; i < transitions.size(); ++i) {
    const ZoneTransition& t = transitions[i];
    if (std::abs(t.offset) >= kMaxOffset) return std::nullopt;
    if (i > 0 && t.at <= transitions[i - 1].at) return std::nullopt;
    if (t.offset == prev) continue;
    const int64_t lo = t.at + std::min(prev, t.offset);
    const int64_t hi = t.at + std::max(prev, t.offset);
    // Windows must not overlap, or a civil time would have three meanings.
    if (lo < prev_hi) return std::nullopt;
    data->transitions.push_back(t);
    data->local_lo.push_back(lo);
    prev_hi = hi;
    prev = t.offset;
  }
  BuildSegmentIndex(*data);
  return TimeZone(std::move(data));
}

int TimeZone::SegmentAt(int64_t instant) const {
  const auto& tr = data_->transitions;
  if (tr.empty() || instant < tr.front().at) return -1;
  if (instant >= tr.back().at) return static_cast<int>(tr.size()) - 1;
  // The answer lies between the segments in force at the start of the
  // instant's bucket and of the next one; usually they are the same or
  // adjacent.
  const uint64_t k = Distance(tr.front().at, instant) >> data_->index_shift;
  int lo = data_->segment_index[k];
  const int hi = data_->segment_index[k + 1];
  if (hi - lo <= 4) {
    while (lo < hi && tr[lo + 1].at <= instant) ++lo;
    return lo;
  }
  auto it = std::upper_bound(
      tr.begin() + lo + 1, tr.begin() + hi + 1, instant,
      [](int64_t v, const ZoneTransition& t) { return v < t.at; });
  return static_cast<int>(it - tr.begin()) - 1;
}

int32_t TimeZone::OffsetAt(int64_t instant) const {
  const int seg = SegmentAt(instant);
  return seg < 0 ? data_->initial_offset : data_->transitions[seg].offset;
}

TimeZone::Lookup TimeZone::At(int64_t local) const {
  const auto& lo = data_->local_lo;
  // The last transition whose window starts at or before `local`.
  const int i = static_cast<int>(
                    std::upper_bound(lo.begin(), lo.end(), local) - lo.begin()) -
                1;
  if (i < 0) {
    const int64_t u = local - data_->initial_offset;
    return Lookup{Lookup::kUnique, u, u, u};
  }
  const ZoneTransition& t = data_->transitions[i];
  const int32_t before = i == 0 ? data_->initial_offset
                                : data_->transitions[i - 1].offset;
  const int64_t hi = t.at + std::max(before, t.offset);
  if (local >= hi) {
    const int64_t u = local - t.offset;
    return Lookup{Lookup::kUnique, u, u, u};
  }
  const Lookup::Kind kind =
      t.offset > before ? Lookup::kSkipped : Lookup::kRepeated;
  return Lookup{kind, local - before, t.at, local - t.offset};
}

std::optional<ZoneTransition> TimeZone::NextTransition(int64_t instant) const {
  const auto& tr = data_->transitions;
  const size_t next = static_cast<size_t>(SegmentAt(instant) + 1);
  if (next >= tr.size()) return std::nullopt;
  return tr[next];
}

bool operator==(const TimeZone& a, const TimeZone& b) {
  if (a.data_ == b.data_) return true;
  return a.data_->name == b.data_->name &&
         a.data_->canonical == b.data_->canonical &&
         a.data_->initial_offset == b.data_->initial_offset &&
         a.data_->transitions == b.data_->transitions;
}

StaticZoneProvider::StaticZoneProvider(std::vector<TimeZone> zones) {
  for (TimeZone& z : zones) {
    std::string name = z.name();
    zones_.emplace(std::move(name), std::move(z));
  }
}

std::optional<TimeZone> StaticZoneProvider::Load(std::string_view name) const {
  auto it = zones_.find(name);
  if (it == zones_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> StaticZoneProvider::SpellingOf(std::string_view name) const {
  for (const auto& [known, zone] : zones_) {
    if (core::EqualsIgnoreCase(known, name)) {
      return known;
    }
  }
  return std::nullopt;
}

}  // namespace schedule
}  // namespace runcheck
