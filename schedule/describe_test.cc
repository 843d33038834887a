#include "schedule/describe.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "schedule/tzdb_zone_provider.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace runcheck {
namespace schedule {
namespace {

struct Golden {
  std::string expr, en, ja, zh;
};

// tests/golden/descriptions.tsv: expression, English, Japanese, Chinese
// (each line reviewed by hand; provenance in its header).
std::vector<Golden> ReadGolden() {
  std::string error;
  std::unique_ptr<bazel::tools::cpp::runfiles::Runfiles> runfiles(
      bazel::tools::cpp::runfiles::Runfiles::CreateForTest(&error));
  if (runfiles == nullptr) {
    ADD_FAILURE() << error;
    return {};
  }
  std::ifstream in(runfiles->Rlocation("runcheck/tests/golden/descriptions.tsv"));
  if (!in) ADD_FAILURE() << "cannot read tests/golden/descriptions.tsv";
  std::vector<Golden> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 4) {
      ADD_FAILURE() << "bad golden row: " << line;
      continue;
    }
    rows.push_back({f[0], f[1], f[2], f[3]});
  }
  return rows;
}

Schedule Parse(const std::string& expr) {
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  FrequencyResult r = ParseFrequency(expr, o);
  EXPECT_TRUE(r.schedule.has_value()) << expr;
  return r.schedule ? *r.schedule : *ParseFrequency("0 0 0 * * ?", o).schedule;
}

TEST(DescribeTest, GoldenInEveryLanguage) {
  const std::vector<Golden> rows = ReadGolden();
  ASSERT_GE(rows.size(), 40u);
  const bool print = std::getenv("RUNCHECK_PRINT_DESCRIPTIONS") != nullptr;
  for (const Golden& g : rows) {
    SCOPED_TRACE(g.expr);
    const Schedule s = Parse(g.expr);
    const std::string en = Describe(s, Language::kEnglish);
    const std::string ja = Describe(s, Language::kJapanese);
    const std::string zh = Describe(s, Language::kChinese);
    if (print) std::printf("%s\t%s\t%s\t%s\n", g.expr.c_str(), en.c_str(), ja.c_str(), zh.c_str());
    EXPECT_EQ(en, g.en);
    EXPECT_EQ(ja, g.ja);
    EXPECT_EQ(zh, g.zh);
  }
}

TEST(DescribeTest, FindLanguage) {
  EXPECT_EQ(FindLanguage("en"), Language::kEnglish);
  EXPECT_EQ(FindLanguage("ja-JP"), Language::kJapanese);
  EXPECT_EQ(FindLanguage("ZH_cn"), Language::kChinese);
  EXPECT_FALSE(FindLanguage("fr").has_value());
  EXPECT_FALSE(FindLanguage("").has_value());
}

// Never empty, never a fragment: every description has its zone part, in
// every language, for constructs the golden table does not list.
TEST(DescribeTest, EveryScheduleGetsAWholeSentence) {
  for (const char* expr :
       {"* * * * * ?", "0 0 0 1W,15W * ?", "0 0 0 L-3,L * ?", "0 0 0 ? * 1L,5#2", "0 0/5 9-17 ? 2/3 *",
        "15 10 22-2 * * ?", "*/7 * 3 * * ?", "0 0 0 ? * * 2030/5"}) {
    SCOPED_TRACE(expr);
    const Schedule s = Parse(expr);
    for (Language l : {Language::kEnglish, Language::kJapanese, Language::kChinese}) {
      const std::string d = Describe(s, l);
      EXPECT_FALSE(d.empty());
      EXPECT_EQ(d.find("  "), std::string::npos) << d;
      EXPECT_NE(d.find(l == Language::kEnglish ? "(in the instance's time zone)"
                       : l == Language::kJapanese ? "（インスタンスのタイムゾーン）"
                                                  : "（实例所在时区）"),
                std::string::npos)
          << d;
    }
  }
}

}  // namespace
}  // namespace schedule
}  // namespace runcheck
