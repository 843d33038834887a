// Thread safety (issue 6): one compiled schedule and one validator (the
// shared RunCommand rule set and the default zone provider, whose cache
// fills concurrently) used by many threads at once give the same answers as
// a single thread. Run under ThreadSanitizer by tools/test.sh
// (--config=tsan), where any data race fails the test.

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "rules/request_decode.h"
#include "rules/run_command.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace {

constexpr int kThreads = 8;
constexpr int64_t kNow = 1798761600;  // 2027-01-01T00:00:00Z

std::vector<std::string> Requests() {
  return {
      "RegionId=r&Type=RunShellScript&CommandContent=echo+%7B%7Ba%7D%7D&EnableParameter=true"
      "&Parameters=%7B%22a%22%3A%221%22%7D&InstanceId.1=i-a&Frequency=0+30+2+*+*+%3F+America%2FNew_York",
      R"({"RegionId": "r", "Type": "RunBatScript", "Username": "admin", "CommandContent": "dir",
          "InstanceId": ["i-a", "i-a"], "Tag": [{"Key": "aliyun"}, {"Key": "k"}, {"Key": "k"}],
          "Frequency": "0 0 12 ? * MON#5 Europe/Berlin", "Timeout": "0"})",
      R"J({"RegionId": "r", "Type": "RunShellScript", "CommandContent": "ls",
          "ResourceTag": [{"Key": "k"}], "Frequency": "at(2027-03-14 02:30:00 America/Chicago)"})J",
      "RegionId=r&Type=RunPowerShellScript&CommandContent=ZWNobw%3D%3D&ContentEncoding=Base64"
      "&InstanceId.1=i-a&Frequency=0+*%2F15+*+*+*+%3F+Australia%2FLord_Howe",
  };
}

std::vector<std::string> Summaries(const rules::RunCommandVerdict& v) {
  std::vector<std::string> out;
  for (const core::Violation& x : v.findings.violations) {
    out.push_back(std::string(x.info().name) + "@" + x.field + ":" +
                  (x.span ? std::to_string(x.span->offset) : "-"));
  }
  for (const core::Warning& w : v.findings.warnings) out.push_back(std::string(w.id) + "@" + w.field);
  if (v.schedule) {
    for (int64_t t : v.schedule->NextN(kNow, 20)) out.push_back(std::to_string(t));
  }
  return out;
}

TEST(ThreadSafetyTest, SharedValidatorAgreesWithOneThread) {
  rules::ValidateOptions options;
  options.zones = &schedule::TzdbZoneProvider::Default();
  options.now = kNow;
  const std::vector<std::string> requests = Requests();
  // Reference answers come from a fresh provider so that the shared one's
  // cache is filled by the racing threads.
  schedule::TzdbZoneProvider reference_zones;
  rules::ValidateOptions reference = options;
  reference.zones = &reference_zones;
  std::vector<std::vector<std::string>> want;
  for (const std::string& r : requests) {
    want.push_back(Summaries(rules::ValidateRunCommand(rules::DecodeRequest(r).request, reference)));
  }
  std::vector<std::vector<std::vector<std::string>>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < requests.size(); ++i) {
          const size_t k = (i + t) % requests.size();
          auto s = Summaries(rules::ValidateRunCommand(rules::DecodeRequest(requests[k]).request, options));
          if (round == 0) {
            got[t].resize(requests.size());
            got[t][k] = std::move(s);
          } else if (s != got[t][k]) {
            got[t][k] = {"unstable"};
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t k = 0; k < requests.size(); ++k) EXPECT_EQ(got[t][k], want[k]) << t << " " << k;
  }
}

TEST(ThreadSafetyTest, SharedScheduleAgreesWithOneThread) {
  schedule::FrequencyOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  const auto parsed = schedule::ParseFrequency("0 */30 1-3 * * ? America/New_York", o);
  ASSERT_TRUE(parsed.schedule.has_value());
  const schedule::Schedule& s = *parsed.schedule;
  std::vector<int64_t> starts;
  for (int i = 0; i < 64; ++i) starts.push_back(kNow + i * 86400LL * 11);
  std::vector<std::vector<int64_t>> want;
  for (int64_t t : starts) {
    std::vector<int64_t> fires = s.NextN(t, 50);
    if (auto p = s.Previous(t)) fires.push_back(*p);
    want.push_back(fires);
  }
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < starts.size(); ++i) {
        const size_t k = (i * 7 + t) % starts.size();
        std::vector<int64_t> fires = s.NextN(starts[k], 50);
        if (auto p = s.Previous(starts[k])) fires.push_back(*p);
        if (fires != want[k]) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << t;
}

}  // namespace
}  // namespace runcheck
