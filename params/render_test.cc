#include "params/render.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

RenderOptions With(Quoting quoting, const ParameterValues* user,
                   const ParameterValues* builtins = nullptr) {
  RenderOptions options;
  options.quoting = quoting;
  options.user = user;
  options.builtins = builtins;
  return options;
}

Rendered RenderWith(std::string_view content, const RenderOptions& options) {
  const TemplateScan scan = ScanTemplate(content, core::Limits{});
  EXPECT_TRUE(scan.findings.ok());
  return Render(content, scan, options);
}

// Values an attacker would try. None holds a NUL (Parameters refuses NUL).
std::vector<std::string> HostileValues() {
  std::vector<std::string> v = {
      "",
      "plain",
      "it's",
      "'",
      "''",
      "'; touch CANARY; '",
      "$(touch CANARY)",
      "`touch CANARY`",
      "${HOME}",
      "$HOME",
      "a\nb",
      "\ntouch CANARY\n",
      "; touch CANARY",
      "a && touch CANARY",
      "| touch CANARY",
      "\\",
      "\\'",
      "\"",
      "\"; touch CANARY; \"",
      "{{name}}",
      "*",
      "~",
      "#comment",
      " leading and trailing ",
      "\t",
      "-n",
      "\xE2\x80\x99 typographic quote",
  };
  std::string binary;
  for (int c = 1; c < 256; ++c) binary += static_cast<char>(c);
  v.push_back(binary);
  return v;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RenderTest, RawSubstitutesOnceLeftToRight) {
  ParameterValues user;
  user.Set("a", "{{b}}");
  user.Set("B", "bee");
  const Rendered r = RenderWith("x{{a}}y{{ b }}z{{a}}", With(Quoting::kRaw, &user));
  ASSERT_FALSE(r.error.has_value());
  EXPECT_EQ(r.script, "x{{b}}ybeez{{b}}");
}

TEST(RenderTest, MissingUserValueIsEmpty) {
  const Rendered r = RenderWith("[{{gone}}]", {});
  ASSERT_FALSE(r.error.has_value());
  EXPECT_EQ(r.script, "[]");
  ParameterValues none;
  EXPECT_EQ(RenderWith("[{{gone}}]", With(Quoting::kPosixShell, &none)).script, "['']");
}

TEST(RenderTest, BuiltinsAndStoreReferences) {
  ParameterValues builtins;
  builtins.Set("InstanceId", "i-123");
  RenderOptions options;
  options.builtins = &builtins;
  EXPECT_EQ(RenderWith("id={{acs::instanceid}} {{oos:p}}", options).script,
            "id=i-123 {{oos:p}}");

  const Rendered missing = RenderWith("ok {{ACS::RegionId}}", options);
  ASSERT_TRUE(missing.error.has_value());
  EXPECT_EQ(missing.error->kind, RenderError::kMissingBuiltin);
  EXPECT_EQ(missing.error->placeholder, (core::Span{3, 17}));
  EXPECT_TRUE(missing.script.empty());

  std::vector<std::pair<std::string, bool>> asked;
  options.resolve_store = [&](std::string_view name, bool secret) -> std::optional<std::string> {
    asked.emplace_back(std::string(name), secret);
    if (name == "gone") return std::nullopt;
    return "<" + std::string(name) + ">";
  };
  EXPECT_EQ(RenderWith("{{oos:a}} {{oos-secret:b/c}}", options).script, "<a> <b/c>");
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_FALSE(asked[0].second);
  EXPECT_TRUE(asked[1].second);
  const Rendered unresolved = RenderWith("x {{oos:gone}}", options);
  ASSERT_TRUE(unresolved.error.has_value());
  EXPECT_EQ(unresolved.error->kind, RenderError::kUnresolvedReference);
  EXPECT_EQ(unresolved.error->placeholder.offset, 2u);
}

TEST(RenderTest, RejectedPlaceholdersStayAsText) {
  const std::string content = "{{a b}} {{}} {{x}}";
  const TemplateScan scan = ScanTemplate(content, core::Limits{});
  ParameterValues user;
  user.Set("x", "1");
  EXPECT_EQ(Render(content, scan, With(Quoting::kRaw, &user)).script, "{{a b}} {{}} 1");
}

// The rendered shell script, run by a real /bin/sh, prints each value back
// byte for byte, as one argument, and never runs the injected command.
TEST(RenderTest, PosixShellQuotingSurvivesARealShell) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string dir = tmp != nullptr ? tmp : "/tmp";
  const std::string script_path = dir + "/render_test.sh";
  const std::string out_path = dir + "/render_test.out";
  const std::string canary = dir + "/CANARY";
  int index = 0;
  for (const std::string& value : HostileValues()) {
    SCOPED_TRACE(index++);
    ParameterValues user;
    user.Set("v", value);
    const Rendered r = RenderWith(
        "cd \"$(dirname \"$0\")\" || exit 9\n"
        "set -- {{v}}\n"
        "[ $# -eq 1 ] || exit 7\n"
        "x={{v}}\n"
        "printf '%s|%s' {{ v }} \"$x\"\n",
        With(Quoting::kPosixShell, &user));
    ASSERT_FALSE(r.error.has_value());
    std::remove(canary.c_str());
    std::ofstream(script_path, std::ios::binary) << r.script;
    const std::string cmd = "/bin/sh " + script_path + " > " + out_path;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << r.script;
    EXPECT_EQ(ReadFile(out_path), value + "|" + value);
    EXPECT_FALSE(std::ifstream(canary).good()) << "injected command ran";
  }
}

TEST(RenderTest, PosixShellRefusesNul) {
  std::string why;
  EXPECT_FALSE(QuoteValue(std::string("a\0b", 3), Quoting::kPosixShell, &why));
  EXPECT_FALSE(why.empty());
}

// PowerShell and cmd cannot run here; these goldens are the quoting rules of
// render.h applied by hand.
TEST(RenderTest, PowerShellGolden) {
  struct Case {
    std::string value;
    std::string quoted;
  };
  const Case kCases[] = {
      {"plain", "'plain'"},
      {"", "''"},
      {"it's", "'it''s'"},
      {"'; Remove-Item C:\\ -Recurse; '", "'''; Remove-Item C:\\ -Recurse; '''"},
      {"$(Get-Date) $env:PATH `n", "'$(Get-Date) $env:PATH `n'"},
      {"a\nb", "'a\nb'"},
      {"\"double\"", "'\"double\"'"},
      {"\xE2\x80\x98x\xE2\x80\x99", "'\xE2\x80\x98\xE2\x80\x98x\xE2\x80\x99\xE2\x80\x99'"},
      {"\xE2\x80\x9A\xE2\x80\x9B", "'\xE2\x80\x9A\xE2\x80\x9A\xE2\x80\x9B\xE2\x80\x9B'"},
      {"\xE2\x80\x9C not single", "'\xE2\x80\x9C not single'"},
      {"{{x}}", "'{{x}}'"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.value);
    const std::optional<std::string> q = QuoteValue(c.value, Quoting::kPowerShell);
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(*q, c.quoted);
  }
  EXPECT_FALSE(QuoteValue("\xC0\xA7", Quoting::kPowerShell));  // overlong '
  EXPECT_FALSE(QuoteValue(std::string("\0", 1), Quoting::kPowerShell));
}

TEST(RenderTest, CmdGolden) {
  struct Case {
    std::string value;
    std::optional<std::string> quoted;  // nullopt: refused
  };
  const Case kCases[] = {
      {"plain", "\"plain\""},
      {"", "\"\""},
      {"a & del /q *", "\"a & del /q *\""},
      {"x | y > z < w", "\"x | y > z < w\""},
      {"(call)", "\"(call)\""},
      {"%PATH%", "\"%%PATH%%\""},
      {"100%", "\"100%%\""},
      {"it's", "\"it's\""},
      {"tab\there", "\"tab\there\""},
      {"\"& calc", std::nullopt},
      {"!VAR!", std::nullopt},
      {"a^b", std::nullopt},
      {"a\nb", std::nullopt},
      {"a\rb", std::nullopt},
      {"a\x1a" "b", std::nullopt},
      {"\xC3(", std::nullopt},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.value);
    std::string why;
    const std::optional<std::string> q = QuoteValue(c.value, Quoting::kCmd, &why);
    ASSERT_EQ(q.has_value(), c.quoted.has_value());
    if (q) {
      EXPECT_EQ(*q, *c.quoted);
    } else {
      EXPECT_FALSE(why.empty());
    }
  }
}

// Each PowerShell and cmd context, its rendering or its refusal (render.h
// and the context headers give the argument for each). PowerShell and cmd
// cannot run here, so these are goldens.
TEST(RenderTest, ContextGoldens) {
  constexpr RenderError::Kind kContext = RenderError::kUnsafeContext;
  constexpr RenderError::Kind kValue = RenderError::kUnsafeValue;
  struct Case {
    Quoting quoting;
    std::string text;
    std::string value;
    std::optional<std::string> script;       // nullopt: refused
    RenderError::Kind refusal = kContext;
  };
  const std::string lsq = "\xE2\x80\x98", rsq = "\xE2\x80\x99";
  const std::string ldq = "\xE2\x80\x9C", rdq = "\xE2\x80\x9D";
  const Case kCases[] = {
      // PowerShell: a bare word becomes a verbatim '...' string.
      {Quoting::kPowerShell, "Write-Host {{v}}", "a'b $(x)", "Write-Host 'a''b $(x)'"},
      // Inside '...': each single-quote character doubled, typographic too.
      {Quoting::kPowerShell, "Write-Host 'x{{v}}'", "'; calc; '" + rsq,
       "Write-Host 'x''; calc; ''" + rsq + rsq + "'"},
      // Inside "...": a backtick before $ ` and each double quote.
      {Quoting::kPowerShell, "Write-Host \"Hi {{v}}\"", "$(calc) `\" " + ldq + rdq,
       "Write-Host \"Hi `$(calc) ```\" `" + ldq + "`" + rdq + "\""},
      {Quoting::kPowerShell, "Write-Host \"Hi {{v}}\"", "${env:x}", "Write-Host \"Hi `${env:x}\""},
      // A @'...'@ body is verbatim; a line that starts with '@ is refused.
      {Quoting::kPowerShell, "$s = @'\n{{v}}\n'@", "$(calc) 'x'", "$s = @'\n$(calc) 'x'\n'@"},
      {Quoting::kPowerShell, "$s = @'\n{{v}}\n'@", "a\n'@\ncalc", std::nullopt, kValue},
      {Quoting::kPowerShell, "$s = @'\n{{v}}\n'@", "a\r  " + lsq + "@", std::nullopt, kValue},
      {Quoting::kPowerShell, "$s = @'\n{{v}}@\n'@", "a\n'", std::nullopt, kValue},
      // A @"..."@ body escapes like "...", so "@ cannot end it either.
      {Quoting::kPowerShell, "$s = @\"\n{{v}}\n\"@", "$x\n\"@", "$s = @\"\n`$x\n`\"@\n\"@"},
      // Comments: no line break; no #> in a block comment.
      {Quoting::kPowerShell, "# {{v}}\n", "a # b", "# a # b\n"},
      {Quoting::kPowerShell, "# {{v}}\n", "a\rcalc", std::nullopt, kValue},
      {Quoting::kPowerShell, "<# {{v}} #>", "a\nb", "<# a\nb #>"},
      {Quoting::kPowerShell, "<# {{v}} #>", "#> calc <#", std::nullopt, kValue},
      {Quoting::kPowerShell, "<#{{v}} #>", ">calc", std::nullopt, kValue},
      // Refused contexts, whatever the value.
      {Quoting::kPowerShell, "$x = ${{v}}", "a", std::nullopt},
      {Quoting::kPowerShell, "Write-Host \"$env:{{v}}\"", "a", std::nullopt},
      {Quoting::kPowerShell, "Invoke-Expression {{v}}", "a", std::nullopt},
      {Quoting::kPowerShell, "{{v}} | iex", "a", std::nullopt},
      {Quoting::kPowerShell, "cmd /c --% {{v}}", "a", std::nullopt},
      {Quoting::kPowerShell, "#{{v}}\n", "requires -RunAsAdministrator", std::nullopt},
      // cmd: outside quotes "..." with %%; inside the author's quotes %% only.
      {Quoting::kCmd, "echo {{v}}", "a & b 100%", "echo \"a & b 100%%\""},
      {Quoting::kCmd, "echo \"Hi {{v}}\"", "a & calc %PATH%", "echo \"Hi a & calc %%PATH%%\""},
      {Quoting::kCmd, "set \"x={{v}}\"", "(a) | b", "set \"x=(a) | b\""},
      {Quoting::kCmd, "echo \"Hi {{v}}\"", "a\" & calc", std::nullopt, kValue},
      {Quoting::kCmd, "echo \"Hi {{v}}\"", "!x!", std::nullopt, kValue},
      {Quoting::kCmd, "echo ^{{v}}", "a", std::nullopt},
      {Quoting::kCmd, "echo %x{{v}}%", "a", std::nullopt},
      {Quoting::kCmd, "echo !x{{v}}!", "a", std::nullopt},
      {Quoting::kCmd, "for /f %%i in ('{{v}}') do echo", "a", std::nullopt},
      {Quoting::kCmd, "call :f {{v}}", "a", std::nullopt},
      {Quoting::kCmd, "set /a n={{v}}", "1", std::nullopt},
      // In a for body, %%x becomes a loop variable: a value may not hold %.
      {Quoting::kCmd, "for %%i in (*) do echo \"{{v}}\"", "100%i", std::nullopt, kValue},
      {Quoting::kCmd, "for %%i in (*) do (\n echo {{v}}\n)", "a b", "for %%i in (*) do (\n echo \"a b\"\n)"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(testing::PrintToString(c.text) + " <- " + testing::PrintToString(c.value));
    ParameterValues user;
    user.Set("v", c.value);
    const Rendered r = RenderWith(c.text, With(c.quoting, &user));
    if (c.script) {
      ASSERT_FALSE(r.error.has_value()) << r.error->detail;
      EXPECT_EQ(r.script, *c.script);
    } else {
      ASSERT_TRUE(r.error.has_value());
      EXPECT_EQ(r.error->kind, c.refusal);
      EXPECT_EQ(r.error->placeholder.offset, c.text.find("{{v}}"));
      EXPECT_TRUE(r.script.empty());
    }
  }
}

TEST(RenderTest, PlannedRenderingIsTheSame) {
  const std::string text =
      "echo {{v}} \"{{v}}\" '{{v}}' ${{v}}\nWrite-Host \"{{v}}\" @'\n{{v}}\n'@\nset \"x={{v}}\"";
  const TemplateScan scan = ScanTemplate(text, core::Limits{});
  for (Quoting q : {Quoting::kRaw, Quoting::kPosixShell, Quoting::kPowerShell, Quoting::kCmd}) {
    const RenderPlan plan(text, scan, q);
    EXPECT_EQ(plan.quoting(), q);
    EXPECT_EQ(plan.size(), q == Quoting::kRaw ? 0u : scan.placeholders.size());
    for (const std::string& v : HostileValues()) {
      ParameterValues user;
      user.Set("v", v);
      const Rendered once = Render(text, scan, With(q, &user));
      const Rendered planned = Render(text, scan, plan, With(Quoting::kRaw, &user));
      EXPECT_EQ(once.script, planned.script);
      ASSERT_EQ(once.error.has_value(), planned.error.has_value());
      if (once.error) {
        EXPECT_EQ(once.error->kind, planned.error->kind);
        EXPECT_EQ(once.error->placeholder, planned.error->placeholder);
      }
    }
  }
  const RenderPlan posix(text, scan, Quoting::kPosixShell);
  EXPECT_TRUE(posix.IsRenderable(1));
  EXPECT_EQ(posix.ContextName(1), "inside double quotes");
  EXPECT_FALSE(posix.IsRenderable(3));  // ${{v}}
}

TEST(RenderTest, UnsafeValueNamesThePlaceholder) {
  ParameterValues user;
  user.Set("v", "a\"b");
  const Rendered r = RenderWith("echo ok {{v}}", With(Quoting::kCmd, &user));
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->kind, RenderError::kUnsafeValue);
  EXPECT_EQ(r.error->placeholder, (core::Span{8, 5}));
}

TEST(RenderTest, SubstitutedSizeMatchesRawRendering) {
  const std::string contents[] = {
      "", "no placeholders", "{{a}}", "x{{a}}{{ b }}{{A}}{{ACS::RegionId}}{{oos:p}}{{",
      "{{missing}} and {{a}}",
  };
  ParameterValues user;
  user.Set("a", "12345");
  user.Set("b", "");
  for (const std::string& content : contents) {
    SCOPED_TRACE(content);
    const TemplateScan scan = ScanTemplate(content, core::Limits{});
    ParameterValues builtins;
    builtins.Set("RegionId", "{{ACS::RegionId}}");  // left as written
    const Rendered r = Render(content, scan, With(Quoting::kRaw, &user, &builtins));
    ASSERT_FALSE(r.error.has_value());
    EXPECT_EQ(SubstitutedSize(content, scan, user), static_cast<int64_t>(r.script.size()));
  }
}

TEST(RenderTest, Base64Length) {
  const std::pair<int64_t, int64_t> kCases[] = {
      {0, 0}, {1, 4}, {2, 4}, {3, 4}, {4, 8}, {18432 / 4 * 3, 18432}, {18433 / 4 * 3 + 1, 18436},
  };
  for (const auto& [n, len] : kCases) EXPECT_EQ(Base64Length(n), len) << n;
}

}  // namespace
}  // namespace params
}  // namespace runcheck
