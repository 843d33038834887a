#include "params/shell_context.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

using C = ShellContext;

std::vector<C> Contexts(const std::string& text) {
  const TemplateScan scan = ScanTemplate(text, core::Limits{});
  std::vector<C> out;
  for (const ShellPlaceholder& p : PosixShellContexts(text, scan)) out.push_back(p.context);
  return out;
}

TEST(ShellContextTest, EveryContext) {
  const struct {
    const char* text;
    std::vector<C> want;
  } kCases[] = {
      {"echo {{v}}", {C::kUnquoted}},
      {"x={{v}}; echo a{{v}}b", {C::kUnquoted, C::kUnquoted}},
      {"echo 'a {{v}} b' {{v}}", {C::kSingleQuoted, C::kUnquoted}},
      {"echo \"Hello {{v}}\"", {C::kDoubleQuoted}},
      {"echo \"a\\\"{{v}}\"", {C::kDoubleQuoted}},          // \" stays inside
      {"echo \"\\{{v}}\"", {C::kAfterBackslash}},
      {"echo \\{{v}}", {C::kAfterBackslash}},
      {"price=${{v}}", {C::kAfterDollar}},
      {"echo \"${{v}}\"", {C::kAfterDollar}},
      {"echo ${x:-{{v}}}", {C::kParameter}},
      {"echo $(({{v}} + 1))", {C::kArithmetic}},
      {"y=`echo {{v}}`", {C::kBackquote}},
      {"echo \"`echo {{v}}`\"", {C::kBackquote}},
      {"echo $'a{{v}}'", {C::kAfterDollar}},                // bash ANSI-C quoting
      {"echo \"$(echo {{v}})\" {{v}}", {C::kUnquoted, C::kUnquoted}},
      {"echo $(echo \"{{v}}\")", {C::kDoubleQuoted}},
      {"# note {{v}}\necho {{v}}", {C::kComment, C::kUnquoted}},
      {"echo a#{{v}}", {C::kUnquoted}},                     // # inside a word
      {"echo a #{{v}}", {C::kComment}},
      {"cat <<EOF\n{{v}}\nEOF\necho {{v}}", {C::kHereDoc, C::kUnquoted}},
      {"cat <<'EOF'\n$ {{v}}\nEOF\n", {C::kQuotedHereDoc}},
      {"cat <<\"EOF\"\n{{v}}\nEOF\n", {C::kQuotedHereDoc}},
      {"cat <<\\EOF\n{{v}}\nEOF\n", {C::kQuotedHereDoc}},
      {"cat <<-EOF\n\t{{v}}\n\tEOF\necho {{v}}", {C::kHereDoc, C::kUnquoted}},
      {"cat <<EOF {{v}}\n{{v}}\nEOF\n", {C::kUnquoted, C::kHereDoc}},
      {"cat <<A <<B\n{{v}}\nA\n{{v}}\nB\n{{v}}", {C::kHereDoc, C::kHereDoc, C::kUnquoted}},
      {"cat <<EOF\n${{v}} \\{{v}} $(x {{v}})\nEOF\n",
       {C::kAfterDollar, C::kAfterBackslash, C::kUnknown}},
      {"cat <<{{v}}\nx\n{{v}}\n", {C::kHereDocDelimiter, C::kUnknown}},
      {"x=$(case a in a) echo;; esac) {{v}}", {C::kUnknown}},
      {"echo 'it''s' {{v}} \"{{v}}\" '{{v}}'",
       {C::kUnquoted, C::kDoubleQuoted, C::kSingleQuoted}},
      {"echo \\\"{{v}}", {C::kUnquoted}},                   // \" is a literal quote
      {"echo \"a\nb {{v}}\"", {C::kDoubleQuoted}},
      {"f() { echo {{v}}; }", {C::kUnquoted}},
      // Commands that evaluate their arguments as code although each arrives
      // literally (bash, ksh, zsh and mksh run $(...) in `a[$(id)]` there).
      {"if [ {{v}} -eq 3 ]; then echo {{v}}; fi", {C::kEvaluated, C::kUnquoted}},
      {"[ \"{{v}}\" = yes ] && test {{v}} -gt 1", {C::kDoubleQuoted, C::kEvaluated}},
      {"[[ {{v}} -lt 2 ]]; [[ {{v}} == x ]]", {C::kEvaluated, C::kUnquoted}},
      {"(( n = {{v}} )); let x={{v}}", {C::kArithmetic, C::kEvaluated}},
      {"declare -i n={{v}}; local s={{v}}", {C::kEvaluated, C::kUnquoted}},
      {"a[{{v}}]=1; echo [{{v}}]", {C::kEvaluated, C::kUnquoted}},
      {"eval \"echo {{v}}\"; trap '{{v}}' EXIT", {C::kEvaluated, C::kEvaluated}},
      {"sh -c '{{v}}'; bash script {{v}}", {C::kEvaluated, C::kUnquoted}},
      {"sh <<EOF\n{{v}}\nEOF\ncat <<EOF\n{{v}}\nEOF\n", {C::kEvaluated, C::kHereDoc}},
      {"printf -v x '%s' {{v}}; printf '%s' {{v}}", {C::kEvaluated, C::kUnquoted}},
      {"x=1 LC_ALL=C eval {{v}}", {C::kEvaluated}},
      {"read {{v}}; declare {{v}}=1; local x={{v}}", {C::kEvaluated, C::kEvaluated, C::kUnquoted}},
      // A value after $name would continue the name (zsh: a subscript or a
      // modifier); unquoted, the rendering's quote ends the name first.
      {"echo \"$x{{v}} $1{{v}} $#{{v}} ${x}{{v}} \\$x{{v}}\" $x{{v}}",
       {C::kAfterParameter, C::kAfterParameter, C::kAfterParameter, C::kDoubleQuoted,
        C::kDoubleQuoted, C::kUnquoted}},
      {"cat <<EOF\n$HOME{{v}} a{{v}}\nEOF\n", {C::kAfterParameter, C::kHereDoc}},
      // A placeholder's value may be empty: eval{{v}} may be eval. Quoted
      // blanks do not split words.
      {"eval{{v}} {{v}}; x{{v}}y {{v}}", {C::kEvaluated, C::kEvaluated, C::kUnquoted,
                                          C::kUnquoted}},
      {"'ev'al {{v}}; echo 'a eval' {{v}}", {C::kEvaluated, C::kUnquoted}},
      // The first line's #! chooses the interpreter.
      {"#!/bin/{{v}}\n# {{v}}", {C::kInterpreterLine, C::kComment}},
      {"#{{v}}\n", {C::kInterpreterLine}},
      {"# {{v}}\n", {C::kComment}},
  };
  for (const auto& c : kCases) EXPECT_EQ(Contexts(c.text), c.want) << c.text;
}

TEST(ShellContextTest, HereDocumentBodyBounds) {
  const std::string text = "cat <<-END\nline {{v}}\n\tEND\nafter";
  const TemplateScan scan = ScanTemplate(text, core::Limits{});
  const std::vector<ShellPlaceholder> c = PosixShellContexts(text, scan);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].delimiter, "END");
  EXPECT_TRUE(c[0].strip_tabs);
  EXPECT_EQ(c[0].body_begin, 11u);
  EXPECT_EQ(c[0].body_end, text.find("\tEND"));
}

TEST(ShellContextTest, LinearOnDeepNesting) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "$(";
  text += "{{v}}";
  const std::vector<C> got = Contexts(text);
  EXPECT_EQ(got, std::vector<C>{C::kUnquoted});
}

}  // namespace
}  // namespace params
}  // namespace runcheck
