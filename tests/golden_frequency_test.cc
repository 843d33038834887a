// Replays tests/golden/frequency_vectors.tsv: each row's expression, in its
// default zone, must fire exactly at the listed instants after the given one,
// and walking back with Previous must give the same instants.

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"
#include "core/testing/runfile.h"

namespace runcheck {
namespace {

int64_t ParseUtc(const std::string& s) {
  absl::Time t;
  std::string err;
  EXPECT_TRUE(absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", s, &t, &err)) << s;
  return absl::ToUnixSeconds(t);
}

TEST(GoldenFrequencyTest, EveryRow) {
  // Through the runfiles, so that the test also runs as @runcheck//tests:...
  // from another workspace.
  const std::string text = testing::ReadRunfile("tests/golden/frequency_vectors.tsv");
  ASSERT_FALSE(text.empty());
  std::istringstream in(text);
  std::string line;
  int rows = 0;
  const auto& tzdb = schedule::TzdbZoneProvider::Default();
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    ASSERT_EQ(f.size(), 5u) << line;
    SCOPED_TRACE(f[0] + " in " + f[1] + " after " + f[2] + " (" + f[4] + ")");
    schedule::FrequencyOptions opt;
    opt.zones = &tzdb;
    opt.default_zone = *tzdb.Load(f[1]);
    const schedule::FrequencyResult r = schedule::ParseFrequency(f[0], opt);
    ASSERT_TRUE(r.schedule.has_value());
    std::vector<int64_t> want;
    if (f[3] != "-") {
      for (absl::string_view t : absl::StrSplit(f[3], ',')) {
        want.push_back(ParseUtc(std::string(t)));
      }
    }
    const int64_t after = ParseUtc(f[2]);
    std::vector<int64_t> got =
        r.schedule->NextN(after, static_cast<int>(want.size()));
    EXPECT_EQ(got, want);
    if (f[3] == "-") {
      EXPECT_TRUE(r.schedule->NextN(after, 1).empty());
    }
    // Back from the last one.
    for (size_t i = want.size(); i-- > 1;) {
      EXPECT_EQ(r.schedule->Previous(want[i]), want[i - 1]);
    }
    ++rows;
  }
  EXPECT_GE(rows, 25);
}

}  // namespace
}  // namespace runcheck
