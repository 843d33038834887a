// Resource bounds for hostile input (issue 6): maximum-size and pathological
// inputs return the correct answer. Their cost is bounded by construction
// (linear scans, no backtracking, heap-only nesting; see the headers'
// "Bounds" notes) and measured in bench/, never timed here.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "facts/facts_json.h"
#include "facts/indexed_facts.h"
#include "gtest/gtest.h"
#include "params/parameters.h"
#include "params/template.h"
#include "rules/request_decode.h"
#include "rules/run_command.h"
#include "rules/validate.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/report.h"

namespace runcheck {
namespace {

constexpr int64_t kNow = 1798761600;  // 2027-01-01T00:00:00Z

rules::ValidateOptions Options() {
  rules::ValidateOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  o.now = kNow;
  return o;
}

// The worst case found by attack (issue 11, item 9): a 1 MB request of
// 170,000 duplicate Parameters keys. Findings are bounded (SPEC 8), so the
// verdict keeps 100 violations and counts the rest, and what validate prints
// in either form is a small fraction of the input.
std::string DuplicateParametersRequest(int keys) {
  std::string params = "{";
  for (int i = 0; i < keys; ++i) params += i ? ",\"k\":\"\"" : "\"k\":\"\"";
  params += "}";
  return "{\"RegionId\": \"r\", \"Type\": \"RunShellScript\", \"CommandContent\": "
         "\"echo {{k}}\", \"EnableParameter\": true, \"InstanceId\": [\"i-a\"], "
         "\"Parameters\": " + params + "}";
}

TEST(BoundsTest, DuplicateParametersKeysPrintBoundedOutput) {
  const std::string text = DuplicateParametersRequest(170000);
  ASSERT_GT(text.size(), 1000000u);
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  ASSERT_FALSE(d.envelope_error.has_value());
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, Options());
  ASSERT_EQ(v.findings.violations.size(), 100u);
  EXPECT_EQ(v.findings.violations[0].code, core::Code::kParameterCountExceedLimit);
  EXPECT_EQ(v.findings.violations[1].code, core::Code::kParameterKeyDuplicate);
  EXPECT_EQ(v.findings.violations.size() + v.findings.dropped, 1u + 169999u);
  validate::ReportSettings report;
  report.now = kNow;
  const std::string shown = validate::RequestText(text, d, v, report);
  const std::string json = validate::RequestJson(d, v, report);
  EXPECT_LT(shown.size(), 64u * 1024);
  EXPECT_LT(json.size(), 64u * 1024);
  EXPECT_NE(shown.find("169900 more violations"), std::string::npos);
  EXPECT_NE(json.find("\"dropped\": 169900"), std::string::npos);
}

// A detail quotes at most 64 characters of user text (SPEC 8).
TEST(BoundsTest, DetailsQuoteAtMost64Characters) {
  const std::string key(100000, 'k');
  const std::string text = "RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i&" +
                           key + "=1&" + key + "=2";
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  ASSERT_TRUE(d.envelope_error.has_value());
  EXPECT_LT(d.envelope_error->detail.size(), 200u);
  EXPECT_NE(d.envelope_error->detail.find(std::string(64, 'k') + "\xE2\x80\xA6"), std::string::npos);
}

TEST(BoundsTest, FrequencyDetailsQuoteAtMost64Characters) {
  const std::string big(100000, 'x');
  for (const std::string& text : {"0 0 0 * * " + big, "0 0 0 * * ? 2027 " + big,
                                  "rate(5" + big + ")"}) {
    schedule::FrequencyOptions o;
    o.zones = &schedule::TzdbZoneProvider::Default();
    const schedule::FrequencyResult r = schedule::ParseFrequency(text, o);
    ASSERT_FALSE(r.findings.ok());
    EXPECT_LT(r.findings.violations[0].detail.size(), 400u) << text.substr(0, 20);
  }
}

TEST(BoundsTest, TemplateOfOnlyOpeningBraces) {
  const std::string content(24 * 1024, '{');
  const params::TemplateScan s = params::ScanTemplate(content, core::Limits{});
  EXPECT_TRUE(s.placeholders.empty());
  EXPECT_TRUE(s.findings.ok());
}

TEST(BoundsTest, TemplateOfManyPlaceholders) {
  std::string content;
  int n = 0;
  while (content.size() < 24 * 1024) content += "{{p" + std::to_string(n++) + "}}";
  const params::TemplateScan s = params::ScanTemplate(content, core::Limits{});
  EXPECT_EQ(static_cast<int>(s.placeholders.size()), n);
  ASSERT_EQ(s.findings.violations.size(), 1u);
  EXPECT_EQ(s.findings.violations[0].code, core::Code::kCmdParamCountExceedLimit);
  EXPECT_EQ(s.findings.violations[0].span->offset, 20u * 6 + 10u);  // {{p20}}
}

TEST(BoundsTest, HundredThousandQueryKeys) {
  std::string text = "RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-a";
  for (int i = 0; i < 100000; ++i) text += "&X" + std::to_string(i) + "=y";
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  ASSERT_FALSE(d.envelope_error.has_value());
  EXPECT_TRUE(rules::ValidateRunCommand(d.request, Options()).findings.ok());
  // The last key repeated: found, with its offset.
  const rules::DecodedRequest dup = rules::DecodeRequest(text + "&X99999=z");
  ASSERT_TRUE(dup.envelope_error.has_value());
  EXPECT_EQ(dup.envelope_error->span->offset, text.size() + 1);
}

// Keys without `=` (each is a key with an empty value): the search for `=`
// stays inside each pair, so the text is read once, not once per pair.
TEST(BoundsTest, HundredThousandKeysWithoutValues) {
  std::string text = "RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-a";
  for (int i = 0; i < 100000; ++i) text += "&X" + std::to_string(i);
  const rules::DecodedRequest d = rules::DecodeRequest(text + "&Name");
  ASSERT_FALSE(d.envelope_error.has_value());
  ASSERT_TRUE(d.request.name.has_value());
  EXPECT_EQ(*d.request.name, "");
  EXPECT_EQ(*d.request.region_id, "r");
}

TEST(BoundsTest, TenThousandInstancesAndTags) {
  std::string text = "RegionId=r&Type=RunShellScript&CommandContent=ls";
  for (int i = 1; i <= 10000; ++i) {
    text += "&InstanceId." + std::to_string(i) + "=i-" + std::to_string(i % 5000);
    text += "&Tag." + std::to_string(i) + ".Key=k" + std::to_string(i % 100);
  }
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  ASSERT_FALSE(d.envelope_error.has_value());
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, Options());
  // 5000 distinct instances, 10000 tags with 9900 repeated keys.
  ASSERT_GE(v.findings.violations.size(), 3u);
  EXPECT_EQ(v.findings.violations[0].code, core::Code::kInstanceIdsExceedLimit);
  EXPECT_EQ(v.findings.violations[1].code, core::Code::kNumberExceedTags);
  // Bounded findings (SPEC 8): 100 kept, the rest counted.
  EXPECT_EQ(v.findings.violations.size(), 100u);
  EXPECT_EQ(v.findings.violations.size() + v.findings.dropped, 2u + 9900u);
}

// Query-form lists in descending order, a tag's Key and Value far apart:
// decoded in index order, halves merged, without quadratic insertion.
TEST(BoundsTest, TenThousandListEntriesInReverse) {
  std::string text = "RegionId=r&Type=RunShellScript&CommandContent=ls";
  for (int i = 10000; i >= 1; --i) {
    text += "&InstanceId." + std::to_string(i) + "=i-" + std::to_string(i);
    text += "&Tag." + std::to_string(i) + ".Value=v" + std::to_string(i);
  }
  for (int i = 10000; i >= 1; --i) text += "&Tag." + std::to_string(i) + ".Key=k" + std::to_string(i);
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  ASSERT_FALSE(d.envelope_error.has_value());
  ASSERT_EQ(d.request.instance_ids.size(), 10000u);
  ASSERT_EQ(d.request.tags.size(), 10000u);
  for (int i = 0; i < 10000; ++i) {
    ASSERT_EQ(d.request.instance_ids[i].index, i + 1);
    ASSERT_EQ(d.request.tags[i].index, i + 1);
    ASSERT_EQ(*d.request.tags[i].key, "k" + std::to_string(i + 1));
    ASSERT_EQ(*d.request.tags[i].value, "v" + std::to_string(i + 1));
  }
}

// A snapshot of 10,000 instances (SPEC 12), as the JSON form brings it: a
// request of 100 instances is checked against it by lookups, and a
// ResourceTag request scans it once.
TEST(BoundsTest, TenThousandInstancesInTheFacts) {
  std::string json = "{\"instances\": [";
  for (int i = 0; i < 10000; ++i) {
    json += (i ? ", " : "") + std::string("{\"id\": \"i-") + std::to_string(i) +
            "\", \"region\": \"r\", \"os\": \"linux\", \"agent_version\": \"" +
            (i % 2 ? "2.2.3.100" : "2.2.3.541") + "\", \"tags\": [{\"key\": \"n\", \"value\": \"" +
            std::to_string(i) + "\"}]}";
  }
  json += "]}";
  facts::FactsDecode decoded = facts::DecodeFacts(json);
  ASSERT_FALSE(decoded.error.has_value()) << decoded.error->detail;
  const facts::IndexedFacts indexed(std::move(decoded.facts));
  std::string request = "RegionId=r&Type=RunShellScript&CommandContent=ls&Frequency=rate(1h)";
  for (int i = 1; i <= 100; ++i) {
    request += "&InstanceId." + std::to_string(i) + "=i-" + std::to_string(i == 100 ? 20000 : 9899 + i);
  }
  rules::ValidateOptions o;
  o.now = 1798761600;
  o.facts = &indexed;
  const rules::Verdict v = rules::Validate(rules::DecodeRequest(request).request, o);
  ASSERT_EQ(v.instances.size(), 100u);
  // i-9900..i-9998: the 49 odd ones have an old agent; i-20000 does not exist.
  ASSERT_EQ(v.findings.violations.size(), 49u + 1u);
  EXPECT_EQ(v.findings.violations[0].code, core::Code::kClientNeedUpgrade);
  EXPECT_EQ(v.findings.violations[0].field, "InstanceId.2");
  EXPECT_EQ(v.findings.violations.back().code, core::Code::kInvalidInstanceNotFound);
  EXPECT_EQ(v.findings.violations.back().field, "InstanceId.100");
  const rules::Verdict tags = rules::Validate(
      rules::DecodeRequest("RegionId=r&Type=RunShellScript&CommandContent=ls"
                           "&ResourceTag.1.Key=n&ResourceTag.1.Value=9999")
          .request,
      o);
  EXPECT_TRUE(tags.findings.ok());
}

TEST(BoundsTest, DeeplyNestedJson) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  // In an unknown member: ignored.
  const rules::DecodedRequest d = rules::DecodeRequest(
      R"({"RegionId": "r", "Type": "RunShellScript", "CommandContent": "ls",
          "InstanceId": ["i-a"], "Unknown": )" + deep + "}");
  ASSERT_FALSE(d.envelope_error.has_value());
  EXPECT_TRUE(rules::ValidateRunCommand(d.request, Options()).findings.ok());
  // As a Parameters value: not a string.
  const params::TemplateScan scan = params::ScanTemplate("{{a}}", core::Limits{});
  const params::ParametersCheck p = params::CheckParameters("{\"a\": " + deep + "}", core::Limits{}, &scan);
  ASSERT_EQ(p.findings.violations.size(), 1u);
  EXPECT_EQ(p.findings.violations[0].code, core::Code::kParameterTypeNotSupported);
  // Unbalanced: malformed at the end.
  const rules::DecodedRequest broken = rules::DecodeRequest("{\"a\": " + std::string(200000, '['));
  ASSERT_TRUE(broken.envelope_error.has_value());
  EXPECT_EQ(broken.envelope_error->span->offset, 200006u);
}

TEST(BoundsTest, TenThousandCronValues) {
  std::string seconds;
  for (int i = 0; i < 10000; ++i) seconds += (i ? "," : "") + std::to_string(i % 60 == 0 ? 0 : (i * 7) % 60);
  schedule::FrequencyOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  o.now = kNow;
  o.timeout_seconds = 10;
  // Every second value 0-59 appears, so this is "every second" (and its
  // minimum interval of 1 s is under the 10 s floor).
  const schedule::FrequencyResult r = schedule::ParseFrequency(seconds + " * * * * ?", o);
  ASSERT_EQ(r.findings.violations.size(), 1u);
  EXPECT_EQ(r.findings.violations[0].code, core::Code::kInvalidParamFrequency);
  o.now.reset();
  const schedule::FrequencyResult compute = schedule::ParseFrequency(seconds + " * * * * ?", o);
  ASSERT_TRUE(compute.schedule.has_value());
  EXPECT_EQ(*compute.schedule->Next(kNow), kNow + 1);
}

// Every zone and link of the tz database loads, and a daily noon schedule
// in it fires at local noon (or, in a DST gap, right after it).
TEST(BoundsTest, EveryZoneNameInTheTzDatabase) {
  std::ifstream in("/usr/share/zoneinfo/tzdata.zi");
  ASSERT_TRUE(in.good()) << "tzdata is not installed";
  std::vector<std::string> names;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, a, b;
    fields >> kind >> a >> b;
    if (kind == "Z") names.push_back(a);
    if (kind == "L") names.push_back(b);
  }
  ASSERT_GT(names.size(), 500u);
  schedule::FrequencyOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  o.now = kNow;
  int checked = 0;
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    if (name == "Factory") continue;  // refused by design (no real offset)
    const schedule::FrequencyResult r = schedule::ParseFrequency("0 0 12 * * ? " + name, o);
    EXPECT_TRUE(r.schedule.has_value()) << r.findings.violations[0].detail;
    if (!r.schedule) continue;
    const std::optional<int64_t> next = r.schedule->Next(kNow);
    ASSERT_TRUE(next.has_value());
    const int64_t local = *next + r.schedule->zone().OffsetAt(*next);
    EXPECT_EQ(((local % 86400) + 86400) % 86400, 12 * 3600);
    ++checked;
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace runcheck
