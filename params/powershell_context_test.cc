#include "params/powershell_context.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

using C = PowerShellContext;

std::vector<C> Contexts(const std::string& text) {
  const TemplateScan scan = ScanTemplate(text, core::Limits{});
  std::vector<C> out;
  for (const PowerShellPlaceholder& p : PowerShellContexts(text, scan)) out.push_back(p.context);
  return out;
}

TEST(PowerShellContextTest, EveryContext) {
  const struct {
    const char* text;
    std::vector<C> want;
  } kCases[] = {
      {"Write-Host {{v}}", {C::kBare}},
      {"$x = {{v}}; Write-Output a{{v}}", {C::kBare, C::kBare}},
      {"Write-Host 'a {{v}} b' {{v}}", {C::kSingleQuoted, C::kBare}},
      {"Write-Host 'it''s {{v}}'", {C::kSingleQuoted}},             // '' stays inside
      {"Write-Host \xE2\x80\x98typographic {{v}}\xE2\x80\x99 {{v}}", {C::kSingleQuoted, C::kBare}},
      {"Write-Host \"Hello {{v}}\"", {C::kDoubleQuoted}},
      {"Write-Host \"a\"\"{{v}}\" \"a`\"{{v}}\"", {C::kDoubleQuoted, C::kDoubleQuoted}},
      {"Write-Host \xE2\x80\x9C{{v}}\xE2\x80\x9D {{v}}", {C::kDoubleQuoted, C::kBare}},
      {"Write-Host \"$(Get-Date) {{v}} $(echo {{v}})\"", {C::kDoubleQuoted, C::kBare}},
      {"Write-Host \"$({{v}} + 1)\" ({{v}})", {C::kBare, C::kBare}},
      {"$x = ${{v}}; Write-Host @{{v}}", {C::kAfterSigil, C::kAfterSigil}},
      {"Write-Host \"${{v}}\" `{{v}} \"`{{v}}\"",
       {C::kAfterSigil, C::kAfterBacktick, C::kAfterBacktick}},
      {"Write-Host \"$x{{v}} $env:{{v}} ${x}{{v}}\"",
       {C::kAfterVariable, C::kAfterVariable, C::kDoubleQuoted}},
      {"Write-Host ${x{{v}}}", {C::kBracedVariable}},
      {"$s = @'\n{{v}}\n'@\nWrite-Host {{v}}", {C::kHereString, C::kBare}},
      {"$s = @\"\r\n{{v}} $x{{v}}\r\n\"@; {{v}}",
       {C::kExpandableHereString, C::kAfterVariable, C::kBare}},
      {"$s = @'\n'{{v}}\n 'x\n'@ {{v}}", {C::kHereString, C::kBare}},  // ' alone does not end it
      {"# note {{v}}\nWrite-Host {{v}}", {C::kComment, C::kBare}},
      {"#{{v}}\n", {C::kDirective}},
      {"<# help {{v}} #> Write-Host {{v}}", {C::kBlockComment, C::kBare}},
      {"Write-Host a #{{v}}", {C::kComment}},
      {"Write-Host a#{{v}}", {C::kUnknown}},                    // mode-dependent
      {"@'x\n{{v}}\n'@", {C::kUnknown}},                        // text after the header
      {"cmd.exe /c --% echo {{v}}\nWrite-Host {{v}}", {C::kStopParsing, C::kBare}},
      // Statements that run text as code or choose what runs.
      {"Invoke-Expression {{v}}; iex \"echo {{v}}\"", {C::kEvaluated, C::kEvaluated}},
      {"{{v}} | iex\nWrite-Host {{v}}", {C::kEvaluated, C::kBare}},
      {"{{v}} |\n  Invoke-Expression", {C::kEvaluated}},
      {"{{v}}\n  | IEX", {C::kEvaluated}},
      {"& {{v}}; . {{v}}; $x.{{v}}", {C::kEvaluated, C::kEvaluated, C::kBare}},
      {"[scriptblock]::Create({{v}})", {C::kEvaluated}},
      {"$ExecutionContext.InvokeCommand.InvokeScript({{v}})", {C::kEvaluated}},
      {"Start-Process notepad -ArgumentList {{v}}", {C::kEvaluated}},
      {"powershell.exe -Command {{v}}; cmd /c {{v}}", {C::kEvaluated, C::kEvaluated}},
      {"iex @'\n{{v}}\n'@", {C::kEvaluated}},
      {"$s = @'\n{{v}}\n'@ | iex", {C::kEvaluated}},
      {"Write-Host \"safe\"\nif ($a) { Write-Host {{v}} }", {C::kBare}},
  };
  for (const auto& c : kCases) EXPECT_EQ(Contexts(c.text), c.want) << c.text;
}

TEST(PowerShellContextTest, HereStringBodyBounds) {
  const std::string text = "$a = @'\r\nline {{v}}\r\n'@\nafter";
  const TemplateScan scan = ScanTemplate(text, core::Limits{});
  const std::vector<PowerShellPlaceholder> c = PowerShellContexts(text, scan);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].context, C::kHereString);
  EXPECT_EQ(c[0].body_begin, text.find("line"));
  EXPECT_EQ(c[0].body_end, text.find("\r\n'@"));
}

TEST(PowerShellContextTest, LongStatementIsUnknown) {
  const std::string text = "Write-Host " + std::string(3000, 'a') + " {{v}}";
  EXPECT_EQ(Contexts(text), std::vector<C>{C::kUnknown});
  EXPECT_EQ(Contexts(std::string(3000, ' ') + "\nWrite-Host {{v}}"), std::vector<C>{C::kBare});
}

TEST(PowerShellContextTest, LinearOnDeepNesting) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\"$(";
  text += "{{v}}";
  EXPECT_EQ(Contexts(text), std::vector<C>{C::kBare});
}

}  // namespace
}  // namespace params
}  // namespace runcheck
