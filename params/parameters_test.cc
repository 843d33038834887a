#include "params/parameters.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

struct Expected {
  core::Code code;
  std::string field;
  size_t offset;
};

struct Case {
  const char* name;
  std::string content;
  std::string json;
  std::vector<Expected> violations;  // in order
};

std::string Pairs(int n) {
  std::string s = "{";
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += ",";
    s += "\"p" + std::to_string(i) + "\":\"v\"";
  }
  return s + "}";
}

std::string Placeholders(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "{{p" + std::to_string(i) + "}}";
  return s;
}

TEST(ParametersTest, EveryCodeWithFieldAndOffset) {
  const std::string key64(64, 'k');
  const std::string key65(65, 'k');
  // 64 characters, each two bytes: at the limit in code points.
  std::string wide64;
  for (int i = 0; i < 64; ++i) wide64 += "\xC3\xA9";
  const Case kCases[] = {
      {"valid", "echo {{name}}", R"({"name": "Jack"})", {}},
      {"empty object", "echo", "{}", {}},
      {"case-insensitive match", "echo {{Name}}", R"({"nAME": "x"})", {}},
      {"not JSON", "{{a}}", R"({"a": )",
       {{core::Code::kInvalidParameterParameters, "Parameters", 6}}},
      {"array", "{{a}}", R"( ["a"])",
       {{core::Code::kInvalidParameterParameters, "Parameters", 1}}},
      {"string", "{{a}}", R"("{}")",
       {{core::Code::kInvalidParameterParameters, "Parameters", 0}}},
      {"10 pairs ok", Placeholders(10), Pairs(10), {}},
      {"11 pairs", Placeholders(11), Pairs(11),
       {{core::Code::kParameterCountExceedLimit, "Parameters", 1 + 10 * 9}}},
      {"duplicate", "{{a}}", R"({"a": "1", "a": "2"})",
       {{core::Code::kParameterKeyDuplicate, "Parameters.a", 11}}},
      {"case-insensitive duplicate", "{{a}}", R"({"a": "1", "A": "2"})",
       {{core::Code::kParameterKeyDuplicate, "Parameters.A", 11}}},
      {"each repeat reported", "{{a}}", R"({"a":"1","a":"2","a":"3"})",
       {{core::Code::kParameterKeyDuplicate, "Parameters.a", 9},
        {core::Code::kParameterKeyDuplicate, "Parameters.a", 17}}},
      {"key at 64 chars", "{{" + key64 + "}}", "{\"" + key64 + "\":\"v\"}", {}},
      {"key over 64 chars", "x", "{\"" + key65 + "\":\"v\"}",
       {{core::Code::kParameterKeyExceedLimit, "Parameters." + key65, 1}}},
      {"64 two-byte chars is not over", "x", "{\"" + wide64 + "\":\"v\"}",
       {{core::Code::kParameterNotMatched, "Parameters." + wide64, 1}}},
      {"not matched", "echo {{a}}", R"({"a": "1", "b": "2"})",
       {{core::Code::kParameterNotMatched, "Parameters.b", 11}}},
      {"built-ins are not user parameters", "{{ACS::RegionId}}",
       R"({"ACS::RegionId": "x"})",
       {{core::Code::kParameterNotMatched, "Parameters.ACS::RegionId", 1}}},
      {"number value", "{{a}}", R"({"a": 1})",
       {{core::Code::kParameterTypeNotSupported, "Parameters.a", 6}}},
      {"object value", "{{a}}", R"({"a": {"b": "c"}})",
       {{core::Code::kParameterTypeNotSupported, "Parameters.a", 6}}},
      {"null value", "{{a}}", R"({"a": null})",
       {{core::Code::kParameterTypeNotSupported, "Parameters.a", 6}}},
      {"NUL in value", "{{a}}", R"({"a": "x\u0000"})",
       {{core::Code::kInvalidParameterCharsetParameters, "Parameters.a", 6}}},
      {"invalid UTF-8 in value", "{{a}}", "{\"a\": \"\xC3(\"}",
       {{core::Code::kInvalidParameterCharsetParameters, "Parameters.a", 6}}},
      {"lone surrogate escape", "{{a}}", R"({"a": "\udc00"})",
       {{core::Code::kInvalidParameterCharsetParameters, "Parameters.a", 6}}},
      {"key rule and value rule together", "{{a}}", R"({"b": 1})",
       {{core::Code::kParameterNotMatched, "Parameters.b", 1},
        {core::Code::kParameterTypeNotSupported, "Parameters.b", 6}}},
      {"length wins over not matched", "x", "{\"" + key65 + "\": 2}",
       {{core::Code::kParameterKeyExceedLimit, "Parameters." + key65, 1},
        {core::Code::kParameterTypeNotSupported, "Parameters." + key65, 70}}},
      {"object rules before pair rules", "{{a}}", R"({"z": "1", "a": "2", "Z": 3})",
       {{core::Code::kParameterKeyDuplicate, "Parameters.Z", 21},
        {core::Code::kParameterNotMatched, "Parameters.z", 1},
        {core::Code::kParameterNotMatched, "Parameters.Z", 21},
        {core::Code::kParameterTypeNotSupported, "Parameters.Z", 26}}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const TemplateScan scan = ScanTemplate(c.content, core::Limits{});
    ASSERT_TRUE(scan.findings.ok());
    const ParametersCheck p = CheckParameters(c.json, core::Limits{}, &scan);
    ASSERT_EQ(p.findings.violations.size(), c.violations.size());
    for (size_t i = 0; i < c.violations.size(); ++i) {
      SCOPED_TRACE(i);
      const core::Violation& v = p.findings.violations[i];
      EXPECT_EQ(v.code, c.violations[i].code);
      EXPECT_EQ(v.field, c.violations[i].field);
      ASSERT_TRUE(v.span.has_value());
      EXPECT_EQ(v.span->offset, c.violations[i].offset);
    }
  }
}

TEST(ParametersTest, PairsAndSpans) {
  const std::string json = R"({ "name" : "J\"ack" , "n": "" })";
  const ParametersCheck p = CheckParameters(json, core::Limits{}, nullptr);
  ASSERT_TRUE(p.findings.ok());
  ASSERT_EQ(p.pairs.size(), 2u);
  EXPECT_EQ(p.pairs[0].key, "name");
  EXPECT_EQ(p.pairs[0].value, "J\"ack");
  EXPECT_EQ(p.pairs[0].key_span, (core::Span{2, 6}));
  EXPECT_EQ(p.pairs[0].value_span, (core::Span{11, 8}));
  EXPECT_TRUE(p.pairs[1].value_is_string);
  EXPECT_EQ(p.pairs[1].value, "");
}

TEST(ParametersTest, WithoutContentNothingIsUnmatched) {
  const ParametersCheck p = CheckParameters(R"({"any": "1"})", core::Limits{}, nullptr);
  EXPECT_TRUE(p.findings.ok());
  EXPECT_TRUE(p.findings.warnings.empty());
}

TEST(ParametersTest, LimitsComeFromTheLimitsValue) {
  core::Limits limits;
  limits.max_parameter_pairs = 2;
  limits.max_parameter_key_chars = 3;
  const ParametersCheck p =
      CheckParameters(R"({"a":"1","b":"2","abcd":"3"})", limits, nullptr);
  ASSERT_EQ(p.findings.violations.size(), 2u);
  EXPECT_EQ(p.findings.violations[0].code, core::Code::kParameterCountExceedLimit);
  EXPECT_EQ(p.findings.violations[0].span->offset, 17u);
  EXPECT_EQ(p.findings.violations[1].code, core::Code::kParameterKeyExceedLimit);
}

TEST(ParametersTest, MissingValueWarnsOncePerName) {
  const TemplateScan scan =
      ScanTemplate("{{a}} {{b}} {{A}} {{ACS::RegionId}} {{oos:x}}", core::Limits{});
  const ParametersCheck p = CheckParameters(R"({"b": "1"})", core::Limits{}, &scan);
  ASSERT_TRUE(p.findings.ok());
  ASSERT_EQ(p.findings.warnings.size(), 1u);
  EXPECT_EQ(p.findings.warnings[0].id, "parameters.missing-value");
  EXPECT_EQ(p.findings.warnings[0].field, "CommandContent");
  EXPECT_EQ(p.findings.warnings[0].span->offset, 0u);
  EXPECT_EQ(MissingValueWarnings(scan, {}).size(), 2u);
}

// Beyond a handful of names the sets are sorted; both paths must agree.
TEST(ParametersTest, ManyNamesMatchIgnoringCase) {
  std::string content;
  for (int i = 0; i < 40; ++i) content += "{{Name" + std::to_string(i) + "}}";
  core::Limits limits;
  limits.max_parameter_pairs = 100;
  limits.max_content_parameters = 100;
  const TemplateScan scan = ScanTemplate(content, limits);
  std::string json = "{";
  for (int i = 0; i < 30; ++i) {
    json += std::string(i ? "," : "") + "\"NAME" + std::to_string(i * 2) + "\":\"v\"";
  }
  json += "}";
  const ParametersCheck p = CheckParameters(json, limits, &scan);
  // Keys NAME0..NAME38 (even) match; NAME40..NAME58 do not.
  ASSERT_EQ(p.findings.violations.size(), 10u);
  for (const core::Violation& v : p.findings.violations) {
    EXPECT_EQ(v.code, core::Code::kParameterNotMatched);
    EXPECT_GE(std::stoi(v.field.substr(std::string("Parameters.NAME").size())), 40);
  }
  // Name1, Name3, ... Name39 have no value: 20 warnings, in content order.
  ASSERT_EQ(p.findings.warnings.size(), 20u);
  EXPECT_EQ(p.findings.warnings[0].span->offset, 9u);
}

TEST(ParametersTest, ManyDuplicatesStayLinear) {
  std::string json = "{";
  for (int i = 0; i < 50000; ++i) json += std::string(i ? "," : "") + "\"k\":\"v\"";
  json += "}";
  core::Limits all;
  all.max_violations = 1 << 20;
  const ParametersCheck p = CheckParameters(json, all, nullptr);
  // The count rule, then one duplicate per repeat.
  ASSERT_EQ(p.findings.violations.size(), 1u + 49999u);
  EXPECT_EQ(p.findings.violations.back().span->offset, json.size() - 8);
  // With the default cap: 100 kept, the rest counted, the first the same.
  const ParametersCheck capped = CheckParameters(json, core::Limits{}, nullptr);
  ASSERT_EQ(capped.findings.violations.size(), 100u);
  EXPECT_EQ(capped.findings.dropped, 1u + 49999u - 100u);
  EXPECT_EQ(capped.findings.violations[0].code, p.findings.violations[0].code);
  EXPECT_EQ(capped.findings.violations[99].span, p.findings.violations[99].span);
}

// The size the content grows or shrinks by when the user values are
// substituted: each placeholder takes the value of the last string pair of
// its name (ignoring case); a missing or non-string value renders empty.
TEST(ParametersTest, SubstitutionDelta) {
  const std::string content = "a {{name}} b {{ Name }} c {{other}} d {{gone}} {{ACS::RegionId}}";
  const TemplateScan scan = ScanTemplate(content, core::Limits{});
  // name: "xy" then "NAME": "abcd" (the later wins); other: a number.
  const ParametersCheck p =
      CheckParameters(R"({"name": "xy", "other": 5, "NAME": "abcd"})", core::Limits{}, &scan);
  const int64_t placeholders = 8 + 10 + 9 + 8;  // {{name}} {{ Name }} {{other}} {{gone}}
  EXPECT_EQ(p.substitution_delta, 4 + 4 - placeholders);
  EXPECT_EQ(CheckParameters("{}", core::Limits{}, &scan).substitution_delta, -placeholders);
  EXPECT_EQ(CheckParameters(R"({"name": "xy"})", core::Limits{}, nullptr).substitution_delta, 0);
  // Not an object: no values at all.
  EXPECT_EQ(CheckParameters(R"(["name"])", core::Limits{}, &scan).substitution_delta, -placeholders);
  EXPECT_EQ(CheckParameters(R"({"name": )", core::Limits{}, &scan).substitution_delta, -placeholders);
}

}  // namespace
}  // namespace params
}  // namespace runcheck
