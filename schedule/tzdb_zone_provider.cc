// The one file that includes <date/tz.h>. Every date/tz call is wrapped in a
// try block: nothing thrown by the library crosses runcheck's API.

#include "schedule/tzdb_zone_provider.h"

#include <date/tz.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "schedule/civil.h"
#include "schedule/internal/posix_tz.h"

namespace runcheck {
namespace schedule {
namespace {

constexpr int64_t kFirstYear = 1900;
constexpr int64_t kLastYear = 2100;

bool Refused(std::string_view name) {
  return name.empty() || name == "localtime" || name == "posixrules" ||
         name == "Factory" || name.substr(0, 6) == "posix/" ||
         name.substr(0, 6) == "right/" || name.find("..") != name.npos ||
         name.front() == '/';
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// The POSIX TZ rule at the end of a version 2+ TZif file: the text between
// the last two newlines.
std::string_view TzifFooter(std::string_view tzif) {
  if (tzif.size() < 6 || tzif.substr(0, 4) != "TZif" || tzif[4] < '2' ||
      tzif.back() != '\n') {
    return {};
  }
  const size_t start = tzif.rfind('\n', tzif.size() - 2);
  if (start == std::string_view::npos) return {};
  return tzif.substr(start + 1, tzif.size() - start - 2);
}

}  // namespace

TzdbZoneProvider::TzdbZoneProvider(std::string zoneinfo_dir)
    : dir_(std::move(zoneinfo_dir)) {}

TzdbZoneProvider::~TzdbZoneProvider() = default;

const TzdbZoneProvider& TzdbZoneProvider::Default() {
  static const TzdbZoneProvider* const kDefault = new TzdbZoneProvider();
  return *kDefault;
}

void TzdbZoneProvider::ReadIndex() const {
  std::call_once(links_once_, [this] {
    std::istringstream in(ReadFile(dir_ + "/tzdata.zi"));
    std::string line;
    auto index = [this](const std::string& name) {
      if (Refused(name)) return;
      by_lower_name_.emplace(core::ToLowerAscii(name), name);
    };
    while (std::getline(in, line)) {
      // "Z NAME ..." and "L TARGET ALIAS"
      if (line.size() < 2 || line[1] != ' ') continue;
      std::istringstream fields(line.substr(2));
      if (line[0] == 'Z') {
        std::string name;
        if (fields >> name) index(name);
      } else if (line[0] == 'L') {
        std::string target, alias;
        if (fields >> target >> alias) {
          links_[alias] = target;
          index(alias);
        }
      }
    }
  });
}

const std::map<std::string, std::string, std::less<>>&
TzdbZoneProvider::Links() const {
  ReadIndex();
  return links_;
}

std::optional<std::string> TzdbZoneProvider::SpellingOf(std::string_view name) const {
  if (name.empty() || name.size() > 64) return std::nullopt;
  ReadIndex();
  const auto it = by_lower_name_.find(core::ToLowerAscii(name));
  if (it == by_lower_name_.end() || it->second == name) return std::nullopt;
  return it->second;
}

std::optional<TimeZone> TzdbZoneProvider::Load(std::string_view name) const {
  if (Refused(name)) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(name);
    if (it != cache_.end()) return it->second;
  }
  std::optional<TimeZone> zone = LoadUncached(std::string(name));
  if (zone) {
    std::lock_guard<std::mutex> lock(mu_);
    cache_.emplace(std::string(name), *zone);
  }
  return zone;
}

std::optional<TimeZone> TzdbZoneProvider::LoadUncached(
    const std::string& name) const {
  using std::chrono::seconds;
  int32_t initial = 0;
  std::vector<ZoneTransition> table;
  try {
    const date::time_zone* tz = date::locate_zone(name);
    if (tz == nullptr) return std::nullopt;
    const date::sys_seconds first{
        seconds(DaysFromCivil(kFirstYear, 1, 1) * kSecondsPerDay)};
    const date::sys_seconds last{
        seconds(DaysFromCivil(kLastYear + 1, 1, 1) * kSecondsPerDay)};
    date::sys_info info = tz->get_info(first);
    initial = static_cast<int32_t>(info.offset.count());
    // Walk the explicit transitions; each sys_info ends where the next begins.
    while (info.end < last) {
      info = tz->get_info(info.end);
      table.push_back(ZoneTransition{info.begin.time_since_epoch().count(),
                                     static_cast<int32_t>(info.offset.count())});
      if (table.size() > 4096) return std::nullopt;  // not a real zone
    }
  } catch (...) {
    return std::nullopt;
  }
  // Past the last explicit transition, the file's POSIX rule applies.
  const std::string tzif = ReadFile(dir_ + "/" + name);  // outlives `footer`
  const std::string_view footer = TzifFooter(tzif);
  if (!footer.empty()) {
    if (std::optional<PosixTz> rule = ParsePosixTz(footer)) {
      const int64_t last_at =
          table.empty() ? DaysFromCivil(kFirstYear, 1, 1) * kSecondsPerDay
                        : table.back().at;
      const int64_t from_year =
          CivilFromDays(FloorDiv(last_at, kSecondsPerDay)).year;
      for (const ZoneTransition& t :
           PosixTransitions(*rule, from_year, kLastYear)) {
        if (t.at > last_at) table.push_back(t);
      }
    }
  }
  std::string canonical;
  const auto& links = Links();
  if (auto it = links.find(name); it != links.end()) canonical = it->second;
  return TimeZone::FromTransitions(name, initial, std::move(table),
                                   std::move(canonical));
}

}  // namespace schedule
}  // namespace runcheck
