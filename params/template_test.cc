#include "params/template.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

struct Case {
  const char* name;
  std::string content;
  std::vector<core::Code> codes;           // in order
  std::vector<size_t> offsets;       // span offset of each violation
};

TEST(TemplateTest, Violations) {
  const std::string long_name(65, 'a');
  const std::string max_name(64, 'a');
  const Case kCases[] = {
      {"plain", "echo hello", {}, {}},
      {"user", "echo {{name}}", {}, {}},
      {"white space and newlines", "echo {{ \n name\t }}", {}, {}},
      {"unclosed is text", "echo {{name", {}, {}},
      {"empty", "a{{}}b", {core::Code::kCmdParamEmptyKey}, {1}},
      {"only white space", "a{{ \n }}", {core::Code::kCmdParamEmptyKey}, {1}},
      {"bad char", "x {{na me}}", {core::Code::kCmdParamInvalidParamName}, {2}},
      {"dot is bad for users", "{{a.b}}", {core::Code::kCmdParamInvalidParamName}, {0}},
      {"64 bytes ok", "{{" + max_name + "}}", {}, {}},
      {"65 bytes", "..{{" + long_name + "}}", {core::Code::kCmdParamNameExceedLimit}, {2}},
      {"length before characters", "{{" + long_name + "!}}",
       {core::Code::kCmdParamNameExceedLimit}, {0}},
      {"builtin", "{{ACS::InstanceId}} {{acs::regionid}}", {}, {}},
      {"unknown builtin", "{{ACS::Foo}}", {core::Code::kCmdParamInvalidParamName}, {0}},
      {"script file name only in Launcher", "{{ACS::ScriptFileName}}",
       {core::Code::kCmdParamInvalidParamName}, {0}},
      {"reserved prefix", "{{acs::name}}", {core::Code::kCmdParamInvalidParamName}, {0}},
      {"parameter store", "{{oos:my/param.1}} {{oos-secret:db_pw}}", {}, {}},
      {"bad store name", "{{oos:a b}}", {core::Code::kParameterStoreInvalidParameters}, {0}},
      {"empty store name", "{{oos-secret:}}", {core::Code::kParameterStoreInvalidParameters}, {0}},
      {"several in order", "{{}} {{a!}} {{ok}} {{oos:}}",
       {core::Code::kCmdParamEmptyKey, core::Code::kCmdParamInvalidParamName,
        core::Code::kParameterStoreInvalidParameters},
       {0, 5, 19}},
      {"first close wins", "{{a}}}}", {}, {}},
      {"nested opens", "{{ {{a}}", {core::Code::kCmdParamInvalidParamName}, {0}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const TemplateScan s = ScanTemplate(c.content, core::Limits{});
    ASSERT_EQ(s.findings.violations.size(), c.codes.size());
    for (size_t i = 0; i < c.codes.size(); ++i) {
      const core::Violation& v = s.findings.violations[i];
      EXPECT_EQ(v.code, c.codes[i]);
      EXPECT_EQ(v.field, "CommandContent");
      ASSERT_TRUE(v.span.has_value());
      EXPECT_EQ(v.span->offset, c.offsets[i]);
    }
  }
}

TEST(TemplateTest, ClassifiesWithSpans) {
  const TemplateScan s =
      ScanTemplate("echo {{ name }} on {{ACS::InstanceId}} {{oos:x}}", core::Limits{});
  ASSERT_TRUE(s.findings.ok());
  ASSERT_EQ(s.placeholders.size(), 3u);
  EXPECT_EQ(s.placeholders[0].kind, Placeholder::kUser);
  EXPECT_EQ(s.placeholders[0].name, "name");
  EXPECT_EQ(s.placeholders[0].span, (core::Span{5, 10}));
  EXPECT_EQ(s.placeholders[1].kind, Placeholder::kBuiltin);
  EXPECT_EQ(s.placeholders[1].name, "InstanceId");
  EXPECT_EQ(s.placeholders[2].kind, Placeholder::kParameterStore);
  EXPECT_EQ(s.placeholders[2].name, "x");
}

TEST(TemplateTest, DistinctUserNamesWithUses) {
  const TemplateScan s =
      ScanTemplate("{{b}} {{ACS::RegionId}} {{a}} {{B}} {{oos:b}} {{ b }} {{A}}", core::Limits{});
  ASSERT_EQ(s.placeholders.size(), 7u);
  ASSERT_EQ(s.user_names.size(), 2u);
  EXPECT_EQ(s.user_names[0].first, 0u);  // b, B, b
  EXPECT_EQ(s.user_names[0].uses, 3u);
  EXPECT_EQ(s.user_names[1].first, 2u);  // a, A
  EXPECT_EQ(s.user_names[1].uses, 2u);
  // Past the count limit every name is still indexed.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "{{p" + std::to_string(i % 30) + "}}";
  const TemplateScan m = ScanTemplate(many, core::Limits{});
  ASSERT_EQ(m.user_names.size(), 30u);
  EXPECT_EQ(m.user_names[29].first, 29u);
  EXPECT_EQ(m.user_names[9].uses, 2u);
  EXPECT_EQ(m.user_names[10].uses, 1u);
}

TEST(TemplateTest, DistinctCountLimit) {
  std::string twenty, twenty_one;
  for (int i = 0; i < 20; ++i) twenty += "{{p" + std::to_string(i) + "}}";
  // Repeats and case variants do not count again.
  twenty += "{{P0}} {{p0}}";
  EXPECT_TRUE(ScanTemplate(twenty, core::Limits{}).findings.ok());
  twenty_one = twenty + " {{ACS::RegionId}} {{acs::REGIONID}}";
  const TemplateScan s = ScanTemplate(twenty_one, core::Limits{});
  ASSERT_EQ(s.findings.violations.size(), 1u);
  EXPECT_EQ(s.findings.violations[0].code, core::Code::kCmdParamCountExceedLimit);
  EXPECT_EQ(s.findings.violations[0].span->offset, twenty.size() + 1);
  // The count is reported after the per-placeholder violations.
  const TemplateScan t = ScanTemplate(twenty_one + " {{}}", core::Limits{});
  ASSERT_EQ(t.findings.violations.size(), 2u);
  EXPECT_EQ(t.findings.violations[0].code, core::Code::kCmdParamEmptyKey);
  EXPECT_EQ(t.findings.violations[1].code, core::Code::kCmdParamCountExceedLimit);
  core::Limits raised;
  raised.max_content_parameters = 21;
  EXPECT_TRUE(ScanTemplate(twenty_one, raised).findings.ok());
}

TEST(TemplateTest, PathologicalInputIsLinear) {
  // 24 KiB of "{{" with no close, and of "{{}}": both answer at once.
  const std::string opens(24 * 1024, '{');
  EXPECT_TRUE(ScanTemplate(opens, core::Limits{}).placeholders.empty());
  std::string empties;
  while (empties.size() < 24 * 1024) empties += "{{}}";
  const TemplateScan scan = ScanTemplate(empties, core::Limits{});
  EXPECT_EQ(scan.findings.violations.size(), 100u);  // Limits::max_violations
  EXPECT_EQ(scan.findings.violations.size() + scan.findings.dropped, empties.size() / 4);
  core::Limits all;
  all.max_violations = 1 << 20;
  EXPECT_EQ(ScanTemplate(empties, all).findings.violations.size(), empties.size() / 4);
}

// {{oos:a}} and {{oos-secret:a}} are two distinct parameters (SPEC 10).
TEST(TemplateTest, SecretAndPlainStoreReferencesAreDistinct) {
  core::Limits two;
  two.max_content_parameters = 2;
  const TemplateScan ok = ScanTemplate("{{oos:a}} {{oos-secret:a}} {{oos:a}}", two);
  EXPECT_TRUE(ok.findings.ok());
  ASSERT_EQ(ok.placeholders.size(), 3u);
  EXPECT_FALSE(ok.placeholders[0].secret);
  EXPECT_TRUE(ok.placeholders[1].secret);
  const TemplateScan over = ScanTemplate("{{oos:a}} {{oos-secret:a}} {{x}}", two);
  ASSERT_EQ(over.findings.violations.size(), 1u);
  EXPECT_EQ(over.findings.violations[0].code, core::Code::kCmdParamCountExceedLimit);
  EXPECT_EQ(over.findings.violations[0].span->offset, 27u);
}

}  // namespace
}  // namespace params
}  // namespace runcheck
