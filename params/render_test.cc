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
  const TemplateScan scan = ScanTemplate(content, Limits{});
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
  EXPECT_EQ(missing.error->placeholder, (Span{3, 17}));
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
  const TemplateScan scan = ScanTemplate(content, Limits{});
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

TEST(RenderTest, UnsafeValueNamesThePlaceholder) {
  ParameterValues user;
  user.Set("v", "a\"b");
  const Rendered r = RenderWith("echo ok {{v}}", With(Quoting::kCmd, &user));
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->kind, RenderError::kUnsafeValue);
  EXPECT_EQ(r.error->placeholder, (Span{8, 5}));
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
    const TemplateScan scan = ScanTemplate(content, Limits{});
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
