// The Schedule value (schedule/frequency.h): fire times, canonical text and
// equality of rate, at and cron schedules.

#include "schedule/frequency.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "schedule/civil.h"
#include "schedule/internal/schedule_builder.h"

namespace runcheck {
namespace schedule {

using internal::kRateHorizon;

bool Schedule::fixed_time() const {
  switch (kind_) {
    case Kind::kAt:
      return true;
    case Kind::kRate:
      return false;
    case Kind::kCron:
      return cron_->fixed_time();
  }
  return false;
}

const TimeZone& Schedule::zone() const {
  switch (kind_) {
    case Kind::kCron:
      return cron_->zone();
    case Kind::kAt:
      return *at_zone_;
    case Kind::kRate:
      break;
  }
  static const TimeZone* const kUtc = new TimeZone();  // a rate has no zone
  return *kUtc;
}

std::optional<int64_t> Schedule::Next(int64_t after) const {
  switch (kind_) {
    case Kind::kAt:
      if (at_ > after) return at_;
      return std::nullopt;
    case Kind::kRate: {
      if (after >= kRateHorizon) return std::nullopt;
      int64_t k = 1;
      if (after >= anchor_) k = (after - anchor_) / period_ + 1;
      if (k > (kRateHorizon - anchor_) / period_) return std::nullopt;
      return anchor_ + k * period_;
    }
    case Kind::kCron:
      return cron_->Next(after);
  }
  return std::nullopt;
}

std::optional<int64_t> Schedule::Previous(int64_t before) const {
  switch (kind_) {
    case Kind::kAt:
      if (at_ < before) return at_;
      return std::nullopt;
    case Kind::kRate: {
      if (before <= anchor_ + period_) return std::nullopt;
      before = std::min(before, kRateHorizon + 1);
      int64_t k = (before - 1 - anchor_) / period_;
      k = std::min(k, (kRateHorizon - anchor_) / period_);
      if (k < 1) return std::nullopt;
      return anchor_ + k * period_;
    }
    case Kind::kCron:
      return cron_->Previous(before);
  }
  return std::nullopt;
}

std::vector<int64_t> Schedule::NextN(int64_t after, int n) const {
  std::vector<int64_t> out;
  for (int i = 0; i < n; ++i) {
    std::optional<int64_t> t = Next(after);
    if (!t) break;
    out.push_back(*t);
    after = *t;
  }
  return out;
}

std::optional<int64_t> Schedule::Fires::Next() {
  if (left_ <= 0) return std::nullopt;
  const std::optional<int64_t> t =
      forward_ ? s_->Next(cursor_) : s_->Previous(cursor_);
  if (!t || (forward_ ? *t >= end_ : *t <= end_)) {
    left_ = 0;
    return std::nullopt;
  }
  --left_;
  cursor_ = *t;
  return t;
}

bool Schedule::has_year_field() const {
  return kind_ == Kind::kCron && cron_->fields().has_year;
}

std::string Schedule::ToString() const {
  switch (kind_) {
    case Kind::kAt: {
      const CivilTime c = CivilFromLocalSeconds(at_ + at_zone_->OffsetAt(at_));
      return absl::StrFormat("at(%04d-%02d-%02d %02d:%02d:%02d %s)", c.year,
                             c.month, c.day, c.hour, c.minute, c.second,
                             at_zone_->name());
    }
    case Kind::kRate: {
      const int64_t scale = rate_unit_ == "s" ? 1 : rate_unit_ == "m" ? 60
                            : rate_unit_ == "h" ? 3600 : 86400;
      return absl::StrCat("rate(", period_ / scale, rate_unit_, ")");
    }
    case Kind::kCron: {
      std::string s = CronFieldsToString(cron_->fields());
      if (explicit_zone_) absl::StrAppend(&s, " ", cron_->zone().name());
      return s;
    }
  }
  return "";
}

bool operator==(const Schedule& a, const Schedule& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Schedule::Kind::kAt:
      return a.at_ == b.at_ && a.at_zone_ == b.at_zone_;
    case Schedule::Kind::kRate:
      return a.anchor_ == b.anchor_ && a.period_ == b.period_;
    case Schedule::Kind::kCron:
      return a.cron_->fields() == b.cron_->fields() && a.cron_->zone() == b.cron_->zone() &&
             a.cron_->gap() == b.cron_->gap() &&
             a.cron_->overlap() == b.cron_->overlap();
  }
  return false;
}

}  // namespace schedule
}  // namespace runcheck
