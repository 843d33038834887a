// Fuzz target: the CommandContent template scanner. Checks: every span lies
// inside the content and starts with "{{" and ends with "}}"; placeholders
// come in content order without overlapping; violations are in content order
// except the count rule, which comes last and at most once.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "params/template.h"

namespace {

using runcheck::fuzz::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  runcheck::Limits limits;
  const runcheck::params::TemplateScan s =
      runcheck::params::ScanTemplate(content, limits);
  auto check_span = [&](const runcheck::Span& sp) {
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
    if (v.code == runcheck::Code::kCmdParamCountExceedLimit) {
      ++count_rule;
      continue;
    }
    Check(count_rule == 0);  // the count rule comes last
    Check(v.span->offset >= last);
    last = v.span->offset;
  }
  Check(count_rule <= 1);
  return 0;
}
