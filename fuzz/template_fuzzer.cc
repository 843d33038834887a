// Fuzz target: the CommandContent template scanner. Checks: every span lies
// inside the content and starts with "{{" and ends with "}}"; placeholders
// come in content order without overlapping; violations are in content order
// except the count rule, which comes last and at most once. Then it renders
// the content in every quoting mode with hostile values, and checks that
// the POSIX shell, PowerShell and cmd renderings are literal or refused: a
// probe placed right after each user placeholder (an `{{oos:...}}`
// reference, which rendering leaves as written) stands in the same lexical
// context in the rendered script as in the template, so no value moved the
// script out of its context.

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "params/cmd_context.h"
#include "params/powershell_context.h"
#include "params/render.h"
#include "params/shell_context.h"
#include "params/template.h"

namespace {

using runcheck::fuzz::Check;

namespace params = runcheck::params;

// Hostile values, one per user name by its length.
const char* const kValues[] = {
    "", "'", "\"", "`id`", "$(id)", "${IFS}", "\\", "a'b\"c", "\nEOF\n", "\n\tEOF",
    "x\n", "$'\\x41'", "\xE2\x80\x98q\xE2\x80\x99", "%PATH%!x!^", "\r\n", "#",
    "\n'@\n", "`", "#>", "%x%", "\xE2\x80\x9C\n\"@", "a&b|c", "@'\n", "--%",
};

// The contexts of the probes in `text`, as ints (-1 for the language's
// "cannot tell", after which nothing is compared).
std::vector<int> ProbeContexts(params::Quoting q, std::string_view text) {
  runcheck::core::Limits many;
  many.max_content_parameters = 1 << 20;
  const params::TemplateScan scan = params::ScanTemplate(text, many);
  std::vector<int> contexts;
  switch (q) {
    case params::Quoting::kPosixShell:
      for (const params::ShellPlaceholder& p : params::PosixShellContexts(text, scan)) {
        contexts.push_back(p.context == params::ShellContext::kUnknown ? -1
                                                                        : static_cast<int>(p.context));
      }
      break;
    case params::Quoting::kPowerShell:
      for (const params::PowerShellPlaceholder& p : params::PowerShellContexts(text, scan)) {
        contexts.push_back(p.context == params::PowerShellContext::kUnknown
                               ? -1
                               : static_cast<int>(p.context));
      }
      break;
    case params::Quoting::kCmd:
      for (const params::CmdPlaceholder& p : params::CmdContexts(text, scan)) {
        contexts.push_back(p.context == params::CmdContext::kUnknown
                               ? -1
                               : static_cast<int>(p.context) * 2 + p.for_body);
      }
      break;
    case params::Quoting::kRaw:
      break;
  }
  std::vector<int> probes;
  for (size_t k = 0; k < scan.placeholders.size() && k < contexts.size(); ++k) {
    if (scan.placeholders[k].kind == params::Placeholder::kParameterStore &&
        scan.placeholders[k].name == "probe") {
      probes.push_back(contexts[k]);
    }
  }
  return probes;
}

void CheckRendering(std::string_view content, const params::TemplateScan& scan) {
  // The template with a probe after each user placeholder.
  std::string probed;
  size_t pos = 0, probes = 0;
  params::ParameterValues user;
  for (const params::Placeholder& p : scan.placeholders) {
    if (p.kind != params::Placeholder::kUser) continue;
    probed.append(content.substr(pos, p.span.offset + p.span.length - pos));
    probed += "{{oos:probe}}";
    pos = p.span.offset + p.span.length;
    ++probes;
    user.Set(p.name, kValues[p.name.size() % (sizeof kValues / sizeof kValues[0])]);
  }
  probed.append(content.substr(pos));
  runcheck::core::Limits many;
  many.max_content_parameters = 1 << 20;
  const params::TemplateScan probe_scan = params::ScanTemplate(probed, many);
  params::ParameterValues builtins;
  for (const char* b : {"RegionId", "AccountId", "InstanceId", "InstanceName", "InvokeId",
                        "CommandId"}) {
    builtins.Set(b, "$(id)'\"");
  }
  for (params::Quoting q : {params::Quoting::kRaw, params::Quoting::kPosixShell,
                            params::Quoting::kPowerShell, params::Quoting::kCmd}) {
    params::RenderOptions options;
    options.quoting = q;
    options.user = &user;
    options.builtins = &builtins;
    const params::Rendered r = params::Render(probed, probe_scan, options);
    Check(!r.error || r.script.empty());
    if (q == params::Quoting::kRaw || r.error || probes == 0) continue;
    // Values hold no braces, so the rendered script's placeholders are the
    // probes (and what the template's own text holds after rendering).
    const std::vector<int> want = ProbeContexts(q, probed);
    const std::vector<int> got = ProbeContexts(q, r.script);
    Check(got.size() == want.size());
    for (size_t k = 0; k < want.size(); ++k) {
      // Once the lexer cannot follow the template, it says so for the rest.
      if (want[k] == -1) break;
      Check(got[k] == want[k]);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  runcheck::core::Limits limits;
  const runcheck::params::TemplateScan s =
      runcheck::params::ScanTemplate(content, limits);
  auto check_span = [&](const runcheck::core::Span& sp) {
    Check(sp.offset + sp.length <= size && sp.length >= 4);
    Check(content.substr(sp.offset, 2) == "{{");
    Check(content.substr(sp.offset + sp.length - 2, 2) == "}}");
  };
  size_t end = 0;
  for (const auto& p : s.placeholders) {
    check_span(p.span);
    Check(p.span.offset >= end);
    end = p.span.offset + p.span.length;
  }
  int count_rule = 0;
  size_t last = 0;
  for (const auto& v : s.findings.violations) {
    Check(v.span.has_value());
    check_span(*v.span);
    if (v.code == runcheck::core::Code::kCmdParamCountExceedLimit) {
      ++count_rule;
      continue;
    }
    Check(count_rule == 0);  // the count rule comes last
    Check(v.span->offset >= last);
    last = v.span->offset;
  }
  Check(count_rule <= 1);
  // Rendering needs a clean scan (no rejected placeholders) and no braces in
  // the text around them that the probes could merge with.
  if (s.findings.ok()) CheckRendering(content, s);
  return 0;
}
