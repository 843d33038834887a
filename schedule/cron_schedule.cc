#include "schedule/cron_schedule.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "schedule/civil.h"

namespace runcheck {
namespace schedule {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
// No fire lies outside [1970, 2099] local, so queries are clamped to a day
// beyond, which keeps every offset addition far from overflow.
constexpr int64_t kFloor = DaysFromCivil(kMinYear - 1, 12, 31) * kSecondsPerDay;
constexpr int64_t kCeil = DaysFromCivil(kMaxYear + 1, 1, 2) * kSecondsPerDay;

}  // namespace

CronSchedule::CronSchedule(CronFields fields, TimeZone zone, DstPolicy policy)
    : fields_(fields), zone_(std::move(zone)) {
  gap_ = policy.gap != DstPolicy::Gap::kByClass ? policy.gap
         : fields_.fixed_time                   ? DstPolicy::Gap::kRunAtGapEnd
                                                : DstPolicy::Gap::kSkip;
  overlap_ = policy.overlap != DstPolicy::Overlap::kByClass ? policy.overlap
             : fields_.fixed_time ? DstPolicy::Overlap::kFirst
                                  : DstPolicy::Overlap::kBoth;
}

int32_t CronSchedule::OffsetOf(int segment) const {
  return segment < 0 ? zone_.initial_offset()
                     : zone_.transitions()[segment].offset;
}

// The timeline is cut into segments of constant UTC offset. Within one,
// civil time = instant + offset, so the civil search maps straight onto
// instants. A segment that starts with a forward jump may also carry fires
// for the civil times the jump skipped (gap policy); civil times at the edges
// that a backward jump repeats belong to the first or second pass (overlap
// policy).
std::optional<int64_t> CronSchedule::Next(int64_t after) const {
  if (after >= kCeil) return std::nullopt;
  after = std::max(after, kFloor);
  const auto& tr = zone_.transitions();
  if (tr.empty()) {  // one offset for all time: civil = instant + offset
    const int32_t o = zone_.initial_offset();
    const std::optional<int64_t> c = fields_.NextCivil(after + 1 + o);
    return c ? std::optional<int64_t>(*c - o) : std::nullopt;
  }
  const int n = static_cast<int>(tr.size());
  const bool allow_first = overlap_ != DstPolicy::Overlap::kSecond;
  const bool allow_second = overlap_ != DstPolicy::Overlap::kFirst;
  int64_t from = after + 1;
  int seg = zone_.SegmentAt(from);
  // The civil search is the costly part: remember its last answer.
  int64_t searched_from = kMax;
  std::optional<int64_t> found;
  auto next_civil = [&](int64_t c) {
    if (!(c >= searched_from && (!found || c <= *found))) {
      found = fields_.NextCivil(c);
      searched_from = c;
    }
    return found;
  };
  {
    // The common case first: `from` is past the opening window of its
    // segment (so neither a gap nor a second pass is in play) and the civil
    // search lands before the segment's closing window.
    const int32_t o = OffsetOf(seg);
    const int32_t prev = seg < 0 ? o : OffsetOf(seg - 1);
    if ((seg < 0 || from - tr[seg].at >= std::abs(o - prev)) && next_civil(from + o)) {
      // The last segment has no closing window.
      if (seg + 1 == n || *found < tr[seg + 1].at + std::min(o, tr[seg + 1].offset)) {
        return *found - o;
      }
    }
  }
  for (;;) {
    const int32_t o = OffsetOf(seg);
    const int64_t s = seg < 0 ? kMin : tr[seg].at;
    const int64_t e = seg + 1 < n ? tr[seg + 1].at : kMax;
    // The offset before s; equal to o when no jump starts the segment, which
    // keeps the s arithmetic below away from seg < 0.
    const int32_t prev = seg < 0 ? o : OffsetOf(seg - 1);
    std::optional<int64_t> best;
    if (o > prev) {  // the jump at s skipped the civil times [s + prev, s + o)
      if (gap_ == DstPolicy::Gap::kRunAtGapEnd && from <= s) {
        const std::optional<int64_t> g = next_civil(s + prev);
        if (g && *g < s + o) return s;
      }
      // kShift: skipped civil time g fires at g - prev, in [s, s + gap).
      if (gap_ == DstPolicy::Gap::kShift && from - s < o - prev) {
        const std::optional<int64_t> g = next_civil(std::max(s, from) + prev);
        if (g && *g < s + o) best = *g - prev;
      }
    }
    const int64_t civil_end = e == kMax ? kMax : e + o;
    std::optional<int64_t> c = next_civil(std::max(from, s) + o);
    // The jump back at s repeats [s + o, s + prev): the second pass.
    if (c && *c < civil_end && o < prev && *c < s + prev && !allow_second) {
      c = next_civil(s + prev);
    }
    if (c && *c < civil_end) {
      // The jump back at e repeats [e + next, civil_end): the first pass.
      const int32_t next = e == kMax ? o : OffsetOf(seg + 1);
      if (allow_first || next >= o || *c < e + next) {
        const int64_t u = *c - o;
        if (!best || u < *best) best = u;
      }
    }
    if (best) return best;
    if (e == kMax) return std::nullopt;
    ++seg;
    from = e;
  }
}

std::optional<int64_t> CronSchedule::Previous(int64_t before) const {
  if (before <= kFloor) return std::nullopt;
  before = std::min(before, kCeil);
  const auto& tr = zone_.transitions();
  if (tr.empty()) {  // one offset for all time
    const int32_t o = zone_.initial_offset();
    const std::optional<int64_t> c = fields_.PreviousCivil(before - 1 + o);
    return c ? std::optional<int64_t>(*c - o) : std::nullopt;
  }
  const int n = static_cast<int>(tr.size());
  const bool allow_first = overlap_ != DstPolicy::Overlap::kSecond;
  const bool allow_second = overlap_ != DstPolicy::Overlap::kFirst;
  int64_t to = before - 1;
  int seg = zone_.SegmentAt(to);
  for (;;) {
    const int32_t o = OffsetOf(seg);
    const int64_t s = seg < 0 ? kMin : tr[seg].at;
    const int64_t e = seg + 1 < n ? tr[seg + 1].at : kMax;
    const int64_t civil_last = std::min(to, e == kMax ? kMax : e - 1) + o;
    const int64_t civil_begin = s == kMin ? kMin : s + o;
    const int64_t second_pass_end =
        seg >= 0 && o < OffsetOf(seg - 1) ? s + OffsetOf(seg - 1) : kMin;
    const int64_t first_pass_begin =
        e != kMax && OffsetOf(seg + 1) < o ? e + OffsetOf(seg + 1) : kMax;
    std::optional<int64_t> best;
    std::optional<int64_t> c = fields_.PreviousCivil(civil_last);
    while (c && *c >= civil_begin) {
      if (*c >= first_pass_begin && !allow_first) {
        c = fields_.PreviousCivil(first_pass_begin - 1);
        continue;
      }
      if (*c < second_pass_end && !allow_second) break;
      best = *c - o;
      break;
    }
    if (seg >= 0) {
      const int32_t prev = OffsetOf(seg - 1);
      if (o > prev && gap_ != DstPolicy::Gap::kSkip && s <= to) {
        if (gap_ == DstPolicy::Gap::kRunAtGapEnd) {
          std::optional<int64_t> g = fields_.NextCivil(s + prev);
          if (g && *g < s + o) best = std::max(best.value_or(kMin), s);
        } else {  // kShift: civil g fires at g - prev, in [s, s + gap)
          std::optional<int64_t> g =
              fields_.PreviousCivil(std::min(s + o - 1, to + prev));
          if (g && *g >= s + prev) best = std::max(best.value_or(kMin), *g - prev);
        }
      }
    }
    if (best) return best;
    if (seg < 0) return std::nullopt;
    to = s - 1;
    --seg;
  }
}

}  // namespace schedule
}  // namespace runcheck
