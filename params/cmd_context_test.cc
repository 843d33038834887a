#include "params/cmd_context.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

using C = CmdContext;

std::vector<C> Contexts(const std::string& text) {
  std::vector<C> out;
  for (const CmdPlaceholder& p : CmdContexts(text, ScanTemplate(text, core::Limits{}))) {
    out.push_back(p.context);
  }
  return out;
}

std::vector<bool> ForBodies(const std::string& text) {
  std::vector<bool> out;
  for (const CmdPlaceholder& p : CmdContexts(text, ScanTemplate(text, core::Limits{}))) {
    out.push_back(p.for_body);
  }
  return out;
}

TEST(CmdContextTest, EveryContext) {
  const struct {
    const char* text;
    std::vector<C> want;
  } kCases[] = {
      {"echo {{v}}", {C::kOutsideQuotes}},
      {"echo \"Hello {{v}}\" {{v}}", {C::kInsideQuotes, C::kOutsideQuotes}},
      {"set \"x={{v}}\"\r\necho {{v}}", {C::kInsideQuotes, C::kOutsideQuotes}},
      {"echo \"a\nb {{v}}", {C::kOutsideQuotes}},              // a line break ends quotes
      {"echo ^\"{{v}}", {C::kOutsideQuotes}},                  // ^" is a literal quote
      {"echo \"^\" {{v}}", {C::kOutsideQuotes}},               // ^ is literal inside quotes
      {"echo ^{{v}} a^\n{{v}}", {C::kAfterCaret, C::kAfterCaret}},
      {"echo %x{{v}}% %{{v}} %%{{v}}", {C::kPercentVariable, C::kPercentVariable,
                                         C::kPercentVariable}},
      {"echo %x% {{v}} %1 {{v}} %% {{v}} %~dp0 {{v}} %%{{v}}",
       {C::kOutsideQuotes, C::kOutsideQuotes, C::kOutsideQuotes, C::kOutsideQuotes,
        C::kOutsideQuotes}},
      {"for %%i in (*) do echo %%{{v}}", {C::kPercentVariable}},
      {"for %%i in (*) do (\n  echo \"%%{{v}}\" {{v}}\n)\necho %%{{v}}",
       {C::kPercentVariable, C::kOutsideQuotes, C::kOutsideQuotes}},
      {"echo \"%x{{v}}%\"", {C::kPercentVariable}},            // % ignores quotes
      {"echo !x{{v}}! !{{v}}\necho {{v}}", {C::kDelayedVariable, C::kDelayedVariable,
                                            C::kOutsideQuotes}},
      {"for /f %%i in ('{{v}}') do echo %%i {{v}}", {C::kForClause, C::kOutsideQuotes}},
      {"FOR %%i IN ({{v}}) DO echo", {C::kForClause}},
      {"call :label {{v}}\n@CALL {{v}}", {C::kEvaluated, C::kEvaluated}},
      {"cmd /c \"{{v}}\" & start {{v}}", {C::kEvaluated, C::kEvaluated}},
      {"set /a x={{v}}\nset x={{v}}", {C::kEvaluated, C::kOutsideQuotes}},
      {"echo {{v}} | cmd", {C::kEvaluated}},
      {"goto {{v}}\npowershell -c \"{{v}}\"", {C::kEvaluated, C::kEvaluated}},
      {"if \"{{v}}\"==\"yes\" (echo {{v}})", {C::kInsideQuotes, C::kOutsideQuotes}},
  };
  for (const auto& c : kCases) EXPECT_EQ(Contexts(c.text), c.want) << c.text;
}

TEST(CmdContextTest, ForBodies) {
  EXPECT_EQ(ForBodies("for %%i in (*) do echo {{v}}\necho {{v}}"),
            (std::vector<bool>{true, false}));
  EXPECT_EQ(ForBodies("FOR %%i IN (*) DO (\n echo {{v}}\n if x (echo {{v}})\n echo {{v}}\n)\n{{v}}"),
            (std::vector<bool>{true, true, true, false}));
  EXPECT_EQ(ForBodies("echo (do) {{v}}\nif x (\necho \"do (\" {{v}}\n)"),
            (std::vector<bool>{false, false}));
}

TEST(CmdContextTest, LongLineIsUnknown) {
  EXPECT_EQ(Contexts("echo " + std::string(3000, 'a') + " {{v}}"), std::vector<C>{C::kUnknown});
  EXPECT_EQ(Contexts("echo {{v}} " + std::string(3000, 'a')), std::vector<C>{C::kUnknown});
  EXPECT_EQ(Contexts(std::string(3000, 'a') + "\necho {{v}}"),
            std::vector<C>{C::kOutsideQuotes});
}

}  // namespace
}  // namespace params
}  // namespace runcheck
