#include "schedule/describe.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "core/testing/runfile.h"
#include "gtest/gtest.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace schedule {
namespace {

struct Golden {
  std::string expr, text;
};

// tests/golden/descriptions/<lang>.tsv: expression, then its sentence (each
// line reviewed by hand; provenance in the file's header).
std::vector<Golden> ReadGolden(const std::string& lang) {
  std::istringstream in(testing::ReadRunfile("tests/golden/descriptions/" + lang + ".tsv"));
  std::vector<Golden> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 2) {
      ADD_FAILURE() << "bad golden row: " << line;
      continue;
    }
    rows.push_back({f[0], f[1]});
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
  const bool print = std::getenv("RUNCHECK_PRINT_DESCRIPTIONS") != nullptr;
  const std::pair<const char*, Language> kLanguages[] = {
      {"en", Language::kEnglish}, {"ja", Language::kJapanese}, {"zh", Language::kChinese}};
  for (const auto& [code, lang] : kLanguages) {
    SCOPED_TRACE(code);
    const std::vector<Golden> rows = ReadGolden(code);
    ASSERT_GE(rows.size(), 100u);
    for (const Golden& g : rows) {
      SCOPED_TRACE(g.expr);
      const std::string d = Describe(Parse(g.expr), lang);
      if (print) std::printf("%s\t%s\t%s\n", code, g.expr.c_str(), d.c_str());
      EXPECT_EQ(d, g.text);
    }
  }
}

// The DST note says what the schedule's own policy does, not the class
// default, and only in a zone that still moves its clock.
TEST(DescribeTest, DstNoteFollowsThePolicy) {
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  o.dst.gap = DstPolicy::Gap::kShift;
  o.dst.overlap = DstPolicy::Overlap::kSecond;
  const FrequencyResult r = ParseFrequency("0 30 2 * * ? America/New_York", o);
  ASSERT_TRUE(r.schedule.has_value());
  const std::string en = Describe(*r.schedule, Language::kEnglish);
  EXPECT_NE(en.find("run that much later"), std::string::npos) << en;
  EXPECT_NE(en.find("on the second pass"), std::string::npos) << en;
  const FrequencyResult shanghai = ParseFrequency("0 30 2 * * ? Asia/Shanghai", o);
  EXPECT_EQ(Describe(*shanghai.schedule, Language::kEnglish).find("skipped"), std::string::npos);
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
