// Fuzz target: whole-request validation (rules/run_command.h) behind the
// auto-detecting decoder. Checks: a malformed span lies inside the text;
// every violation span lies inside its field's value (CommandContent spans
// of Base64 content are into the decoded bytes, so those are skipped);
// violations come in the parameter-table order; fail-fast keeps exactly the
// first violation; the query form of the decoded request decodes back equal;
// both wire forms refuse the same bytes (the JSON form of the request, when
// every value is UTF-8, gets the same violations: codes, parameters and
// spans); and what validate prints (text and JSON) stays linear in the
// input (SPEC 8, Bounded findings).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "rules/request_decode.h"
#include "rules/request_encode.h"
#include "fuzz/request_fuzz_util.h"
#include "rules/run_command.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/report.h"

namespace {

using namespace runcheck;

using runcheck::fuzz::Check;

// The position of a field path's parameter in the SPEC 2.3 order.
int Rank(std::string_view field) {
  static const char* const kOrder[] = {
      "RegionId", "ResourceGroupId", "Name", "Description", "Type", "CommandContent",
      "WorkingDir", "Timeout", "EnableParameter", "RepeatMode", "Timed", "Frequency",
      "Parameters", "KeepCommand", "ContentEncoding", "Username", "WindowsPasswordName",
      "InstanceId", "Tag", "ContainerId", "ContainerName", "ClientToken",
      "OssOutputDelivery", "ResourceTag", "TerminationMode", "Launcher"};
  const std::string_view head = field.substr(0, field.find('.'));
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
    if (head == kOrder[i]) return i;
  }
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  if (d.malformed) {
    Check(d.malformed->code == core::Code::kInvalidRequestMalformed);
    Check(d.malformed->span && d.malformed->span->offset + d.malformed->span->length <= size);
    return 0;
  }
  rules::ValidateOptions options;
  options.zones = &schedule::TzdbZoneProvider::Default();
  options.now = 1798761600;
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, options);
  int last_rank = 0;
  for (const core::Violation& x : v.findings.violations) {
    const int rank = Rank(x.field);
    Check(rank >= last_rank);
    last_rank = rank;
    if (!x.span || (x.field == "CommandContent" && v.base64_content)) continue;
    const std::optional<std::string_view> value = rules::FieldValue(d.request, x.field);
    Check(value.has_value());
    Check(x.span->offset + x.span->length <= value->size());
  }
  options.fail_fast = true;
  const rules::RunCommandVerdict first = rules::ValidateRunCommand(d.request, options);
  Check(first.findings.violations.size() == (v.findings.ok() ? 0u : 1u));
  if (!v.findings.ok()) Check(first.findings.violations[0].code == v.findings.violations[0].code);

  const rules::DecodedRequest again = rules::DecodeQueryRequest(rules::ToQueryForm(d.request));
  Check(!again.malformed && again.request == fuzz::WithoutEmptyTagEntries(d.request));

  // The same request in the JSON form: the same answer.
  if (const std::optional<std::string> json = rules::ToJsonForm(d.request)) {
    const rules::DecodedRequest j = rules::DecodeJsonRequest(*json);
    Check(!j.malformed);
    options.fail_fast = false;
    const rules::RunCommandVerdict vj = rules::ValidateRunCommand(j.request, options);
    Check(vj.findings.violations.size() == v.findings.violations.size());
    Check(vj.findings.dropped == v.findings.dropped);
    for (size_t i = 0; i < v.findings.violations.size(); ++i) {
      const core::Violation& a = v.findings.violations[i];
      const core::Violation& b = vj.findings.violations[i];
      Check(a.code == b.code && Rank(a.field) == Rank(b.field) && a.span == b.span);
    }
  }

  // Printed output is linear in the input: every finding prints a bounded
  // amount beside its field (which is part of the input).
  validate::ReportSettings report;
  report.now = options.now;
  report.next = 0;
  const size_t bound = 8 * size + 256 * 1024;
  Check(validate::RequestText(text, d, v, report).size() <= bound);
  Check(validate::RequestJson(d, v, report).size() <= bound);
  return 0;
}
