// The executable proof of context-aware POSIX shell rendering (issue 17,
// params/render.h): every hostile value class, rendered in every context a
// template can give a placeholder, and run by every shell Debian packages.
// In each renderable context the value must arrive byte for byte (as one
// argument where it stands as a word), or Render must refuse it; a canary
// file proves that no value ran a command. In the refused contexts Render
// must refuse every value.
//
// Values are batched: one script per (shell, context) holds every value
// that renders alone, so ~16,000 values cost one shell process each.
// yash runs under a UTF-8 locale (in the C locale it refuses non-ASCII bytes
// in a script); a shell that is not installed is reported and skipped
// (tools/deps.sh installs them all).

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "params/render.h"
#include "params/shell_context.h"
#include "params/template.h"

extern char** environ;

namespace runcheck {
namespace params {
namespace {

struct Value {
  std::string text;
  bool pair = false;  // one of the 16,129 two-byte values
};

// Every value class of the issue.
std::vector<Value> HostileValues() {
  std::vector<Value> v;
  for (int a = 1; a < 0x80; ++a) v.push_back({std::string(1, static_cast<char>(a))});
  for (int a = 1; a < 0x80; ++a) {
    for (int b = 1; b < 0x80; ++b) {
      v.push_back({std::string{static_cast<char>(a), static_cast<char>(b)}, true});
    }
  }
  for (const char* s : {
           "", "'", "\"", "`", "\\", "\\\\", "'\\''", "\\'", "\\\"", "$", "$$", "${IFS}",
           "$(touch canary)", "`touch canary`", "$((1+1))", "${x:-$(touch canary)}",
           "';touch canary;'", "\";touch canary;\"", "; touch canary", "| touch canary",
           "&& touch canary", "\ntouch canary\n", "\r\ntouch canary\r\n", "$'\\x41'",
           "!", "!!", "!$", "*", "?", "[a]", "{a,b}", "~", "~root", "-n", "-e", "--", "-",
           "EOF", "RUNCHECK_END", "<<EOF", "\nRUNCHECK_END\n", "RUNCHECK_END\n", "\nRUNCHECK_END",
           "\n\tRUNCHECK_END\n", "a\n\tb", "\t", "#", "# comment", "\n", "\n\n", "x\n",
           "\xE2\x80\x98" "curly\xE2\x80\x99", "\xE2\x80\x9C" "dq\xE2\x80\x9D",
           "\xE2\x80\xAE" "rtl", "\xEF\xBD\x93\xEF\xBD\x88", "e\xCC\x81", "\xE4\xB8\xAD\xE6\x96\x87",
           "\xFF", "\xC3(", "\xC0\xA7", "\x80",
       }) {
    v.push_back({s});
  }
  v.push_back({std::string(64 * 1024, 'x') + "'$(touch canary)'"});
  return v;
}

// A context: the template around one placeholder, how the script's output
// holds each value, and what the value becomes there.
struct ContextCase {
  const char* name;
  ShellContext context;
  const char* prefix;  // one value's template: prefix {{v}} suffix
  const char* suffix;
  // Batch shape: text before all values, between each value's suffix and
  // the next prefix, and after.
  const char* head;
  const char* tail;
  bool heredoc;        // the output is the heredoc bodies, split on kSeparator
  // Whether the 16,129 two-byte values run here too. Not in $(...): each
  // value forks a subshell there (16,000 forks per shell), and its lexing is
  // the unquoted word's, which runs them all; the single bytes and the named
  // classes still run in it.
  bool pairs = true;
};

// U+E000, in no value: separates values inside here-document bodies.
constexpr char kSeparator[] = "\xEE\x80\x80";

const ContextCase kContexts[] = {
    {"unquoted", ShellContext::kUnquoted, "c ", "\n", "", "", false},
    {"single quotes", ShellContext::kSingleQuoted, "c 'A", "B'\n", "", "", false},
    {"double quotes", ShellContext::kDoubleQuoted, "c \"A", "B\"\n", "", "", false},
    {"unquoted in $(...)", ShellContext::kUnquoted, "c \"$(printf '%s|' ", ")\"\n", "", "",
     false, /*pairs=*/false},
    // Here-documents: one value per line, each line "A<value>B<separator>".
    {"here-document", ShellContext::kHereDoc, "A", "B\xEE\x80\x80\n", "cat <<RUNCHECK_END\n",
     "RUNCHECK_END\n", true},
    {"quoted here-document", ShellContext::kQuotedHereDoc, "A", "B\xEE\x80\x80\n",
     "cat <<'RUNCHECK_END'\n", "RUNCHECK_END\n", true},
    {"<<- here-document", ShellContext::kHereDoc, "\tA", "B\xEE\x80\x80\n",
     "cat <<-RUNCHECK_END\n", "\tRUNCHECK_END\n", true},
    {"comment", ShellContext::kComment, "# A", "\nc ok\n", "", "", false},
};

// What the shell should print for value `v` in context `c` (non-heredoc:
// the single argument c() receives).
std::string Expected(const ContextCase& c, const std::string& v) {
  const std::string name = c.name;
  if (name == "unquoted") return v;
  if (name == "single quotes" || name == "double quotes") return "A" + v + "B";
  if (name == "unquoted in $(...)") return v + "|";
  if (name == "comment") return "ok";
  return "A" + v + "B";  // here-documents
}

// c() prints each call's argument count and arguments, NUL-terminated, with
// the shell's own raw printing builtin.
constexpr char kPrintfPrelude[] =
    "c() { printf '%s\\000' \"$#\"; for a in \"$@\"; do printf '%s\\000' \"$a\"; done; }\n";
constexpr char kPrintPrelude[] =  // mksh, lksh: no builtin printf
    "c() { print -rn -- \"$#\"; print -n '\\0'; for a in \"$@\"; do print -rn -- \"$a\"; "
    "print -n '\\0'; done; }\n";

struct Shell {
  std::vector<std::string> argv;
  const char* prelude = kPrintfPrelude;
  // yash reads a script as text in its locale: run it in a UTF-8 locale, and
  // without values that are not UTF-8 (it refuses such a script in any
  // locale: "cannot read input").
  bool utf8_only = false;
  // posh has no raw printing builtin, so c() forks /usr/bin/printf; its run
  // covers the single bytes and the named classes, not the 16,129 pairs
  // (mksh, which shares its pdksh quoting rules, runs them all).
  bool no_pairs = false;
};

std::vector<Shell> Shells() {
  return {
      {{"/bin/dash"}},
      {{"/bin/bash"}},
      {{"/bin/bash", "--posix"}},
      {{"/usr/bin/zsh"}},
      {{"/usr/bin/zsh", "--emulate", "sh"}},
      {{"/usr/bin/zsh", "--emulate", "ksh"}},
      {{"/usr/bin/ksh93"}},
      {{"/usr/bin/mksh"}, kPrintPrelude},
      {{"/usr/bin/lksh"}, kPrintPrelude},
      {{"/usr/bin/busybox", "sh"}},
      {{"/usr/bin/yash"}, kPrintfPrelude, /*utf8_only=*/true},
      {{"/usr/bin/posh"}, kPrintfPrelude, false, /*no_pairs=*/true},
  };
}

bool IsUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && b < 0xC2)) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::string Join(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) out += (out.empty() ? "" : " ") + a;
  return out;
}

// Runs `shell` on `script` in `dir`; returns its exit status.
int RunScript(const Shell& shell, const std::string& dir, const std::string& script) {
  std::vector<std::string> args = {"/usr/bin/timeout", "120"};
  args.insert(args.end(), shell.argv.begin(), shell.argv.end());
  args.push_back(script);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = {"PATH=/usr/bin:/bin", "HOME=" + dir,
                                  shell.utf8_only ? "LC_ALL=C.UTF-8" : "LC_ALL=C"};
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  const std::string out = dir + "/out";
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const std::string err = dir + "/err";
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ShellDifferentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/runcheck_shell_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    const std::string cmd = "rm -rf '" + dir_ + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  std::string dir_;
};

std::string Name(size_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "v%06zu", i);
  return buf;
}

Rendered RenderOne(const std::string& text, const std::vector<std::string>& values) {
  core::Limits limits;
  limits.max_content_parameters = 1 << 20;
  limits.max_violations = 1 << 20;
  const TemplateScan scan = ScanTemplate(text, limits);
  EXPECT_TRUE(scan.findings.ok());
  ParameterValues user;
  // Names in sorted order (zero-padded), so each Set appends.
  for (size_t i = 0; i < values.size(); ++i) user.Set(Name(i), values[i]);
  RenderOptions options;
  options.quoting = Quoting::kPosixShell;
  options.user = &user;
  return Render(text, scan, options);
}

// Runs every value of `ok` in context `c` through `shell` in one script and
// compares what arrives.
void CheckShell(const std::string& dir, const Shell& shell, const ContextCase& c,
                const std::vector<Value>& all) {
  std::vector<std::string> ok;
  for (const Value& v : all) {
    if (shell.utf8_only && !IsUtf8(v.text)) continue;
    if ((shell.no_pairs || !c.pairs) && v.pair) continue;
    ok.push_back(v.text);
  }
  std::string text = std::string(shell.prelude) + c.head;
  for (size_t i = 0; i < ok.size(); ++i) {
    text += std::string(c.prefix) + "{{" + Name(i) + "}}" + c.suffix;
  }
  text += c.tail;
  const Rendered script = RenderOne(text, ok);
  ASSERT_FALSE(script.error.has_value()) << script.error->detail;
  const std::string path = dir + "/script.sh";
  std::ofstream(path, std::ios::binary) << script.script;
  const int status = RunScript(shell, dir, path);
  EXPECT_EQ(status, 0) << ReadAll(dir + "/err").substr(0, 2000);
  struct stat st;
  EXPECT_NE(stat((dir + "/canary").c_str(), &st), 0) << "a value ran a command";
  const std::string out = ReadAll(dir + "/out");
  std::vector<std::string> got;
  if (c.heredoc) {
    size_t start = 0;
    for (size_t at; (at = out.find(kSeparator, start)) != std::string::npos;
         start = at + sizeof kSeparator) {  // the separator and its LF
      got.push_back(out.substr(start, at - start));
    }
  } else {
    // Records: the count, NUL, then that many arguments, each NUL-terminated.
    size_t at = 0;
    while (at < out.size()) {
      const size_t end = out.find('\0', at);
      if (end == std::string::npos) break;
      const std::string count = out.substr(at, end - at);
      at = end + 1;
      ASSERT_EQ(count, "1") << "record " << got.size() << " after value "
                            << testing::PrintToString(got.empty() ? "" : ok[got.size() - 1]);
      const size_t arg_end = out.find('\0', at);
      if (arg_end == std::string::npos) break;
      got.push_back(out.substr(at, arg_end - at));
      at = arg_end + 1;
    }
  }
  ASSERT_EQ(got.size(), ok.size());
  for (size_t i = 0; i < got.size(); ++i) {
    // ($(...) drops trailing newlines: the value is printed followed by
    // '|', so none are.)
    const std::string want = Expected(c, ok[i]);
    ASSERT_EQ(got[i], want) << "value " << testing::PrintToString(ok[i]);
  }
}

TEST_F(ShellDifferentialTest, EveryValueIsLiteralOrRefusedInEveryShell) {
  const std::vector<Value> values = HostileValues();
  std::vector<Shell> shells;
  for (const Shell& s : Shells()) {
    if (access(s.argv[0].c_str(), X_OK) == 0) {
      shells.push_back(s);
    } else {
      ADD_FAILURE() << s.argv[0] << " is not installed (tools/deps.sh installs it)";
    }
  }
  for (const ContextCase& c : kContexts) {
    SCOPED_TRACE(c.name);
    // Which values render alone in this context; each refusal must be for
    // a reason of the context (checked by value class below).
    std::vector<Value> ok;
    for (const Value& value : values) {
      const std::string& v = value.text;
      const std::string one =
          std::string(c.head) + c.prefix + "{{" + Name(0) + "}}" + c.suffix + c.tail;
      const TemplateScan scan = ScanTemplate(one, core::Limits{});
      ASSERT_EQ(PosixShellContexts(one, scan)[0].context, c.context);
      const Rendered r = RenderOne(one, {v});
      if (r.error) {
        ASSERT_EQ(r.error->kind, RenderError::kUnsafeValue) << r.error->detail;
        const bool has_newline = v.find('\n') != std::string::npos;
        // Only these may be refused: line breaks in a comment; lines that
        // would end a here-document or lose their tabs to <<-.
        const bool allowed = (c.context == ShellContext::kComment && has_newline) ||
                             (c.heredoc && (v.find("\nRUNCHECK_END\n") != std::string::npos ||
                                            v.find("\n\t") != std::string::npos));
        EXPECT_TRUE(allowed) << "refused " << testing::PrintToString(v) << ": "
                             << r.error->detail;
        continue;
      }
      ok.push_back(value);
    }
    for (const Shell& shell : shells) {
      SCOPED_TRACE(Join(shell.argv));
      CheckShell(dir_, shell, c, ok);
    }
  }
}

// In the contexts no value can be made literal in, every value is refused,
// the empty one too.
TEST_F(ShellDifferentialTest, RefusedContextsRefuseEveryValue) {
  const char* kTemplates[] = {
      "price=${{v000000}}", "echo \\{{v000000}}", "echo \"\\{{v000000}}\"", "echo ${x:-{{v000000}}}",
      "echo $(({{v000000}}))", "y=`echo {{v000000}}`", "echo $'{{v000000}}'", "cat <<{{v000000}}\nx\n",
      "x=$(case a in a) :;; esac) {{v000000}}", "[ {{v000000}} -eq 1 ]",
      "if test 1 -ne {{v000000}}; then :; fi", "(( x = {{v000000}} ))", "let x={{v000000}}",
      "a[{{v000000}}]=1", "eval {{v000000}}", "sh <<EOF\n{{v000000}}\nEOF\n",
      "echo \"$HOME{{v000000}}\"", "cat <<EOF\n$x{{v000000}}\nEOF\n", "#!/bin/{{v000000}}\n",
  };
  for (const char* t : kTemplates) {
    for (const std::string& v : {std::string(), std::string("a"), std::string("$(id)")}) {
      const Rendered r = RenderOne(t, {v});
      ASSERT_TRUE(r.error.has_value()) << t;
      EXPECT_EQ(r.error->kind, RenderError::kUnsafeContext) << t;
      EXPECT_EQ(r.error->placeholder.offset, std::string(t).find("{{v000000}}")) << t;
      EXPECT_TRUE(r.script.empty());
    }
  }
}

}  // namespace
}  // namespace params
}  // namespace runcheck
