// Shared by the request fuzz targets: the normalisations under which a
// request survives an encode/decode round trip, and the properties every
// validated request has, whatever its action.

#ifndef RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_
#define RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "rules/parameter_table.h"
#include "rules/request.h"
#include "rules/request_decode.h"
#include "rules/request_encode.h"
#include "rules/validate.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/report.h"

namespace runcheck {
namespace fuzz {

// The query form cannot write a tag entry with neither Key nor Value (the
// JSON form can: `[{}]`); ToQueryForm leaves such entries out.
inline rules::Request WithoutEmptyTagEntries(rules::Request r) {
  for (const rules::ParameterSpec& p : rules::ParametersOf(r.action).parameters()) {
    if (p.key_values == nullptr) continue;
    std::vector<rules::TagEntry>& list = r.*p.key_values;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const rules::TagEntry& e) { return !e.key && !e.value; }),
               list.end());
  }
  return r;
}

// Lists renumbered 1..n, as the JSON form writes them.
inline rules::Request Renumbered(rules::Request r) {
  for (const rules::ParameterSpec& p : rules::ParametersOf(r.action).parameters()) {
    int i = 0;
    if (p.list != nullptr) {
      for (rules::ListEntry& e : r.*p.list) e.index = ++i;
    }
    if (p.key_values != nullptr) {
      for (rules::TagEntry& e : r.*p.key_values) e.index = ++i;
    }
  }
  return r;
}

// An envelope error is one of the two envelope codes, with a span inside the
// text.
inline void CheckEnvelopeError(const core::Violation& e, size_t text_size) {
  Check(e.code == core::Code::kInvalidRequestMalformed ||
        e.code == core::Code::kInvalidActionNotFound);
  Check(e.span && e.span->offset + e.span->length <= text_size);
}

// The position of a field path's parameter in its action's table.
inline size_t Rank(core::Action action, std::string_view field) {
  const rules::ParameterSpec* p =
      rules::ParametersOf(action).Find(field.substr(0, field.find('.')));
  if (p == nullptr) std::abort();
  return rules::ParametersOf(action).IndexOf(p);
}

// Validates the decoded request `d` of `text` and checks: every violation
// names a parameter of the action, in the table's order, with its action and
// a span inside its field's value (CommandContent spans of Base64 content are
// into the decoded bytes, so those are skipped); fail-fast keeps exactly the
// first violation; the query form of the decoded request decodes back equal;
// both wire forms refuse the same bytes (the JSON form of the request, when
// every value is UTF-8, gets the same violations: codes, parameters and
// spans); and what validate prints (text and JSON) stays linear in the
// input (SPEC 8, Bounded findings).
inline void CheckValidation(std::string_view text, const rules::DecodedRequest& d) {
  const core::Action action = d.request.action;
  rules::ValidateOptions options;
  options.zones = &schedule::TzdbZoneProvider::Default();
  options.now = 1798761600;
  const rules::Verdict v = rules::Validate(d.request, options);
  Check(v.action == action);
  size_t last_rank = 0;
  for (const core::Violation& x : v.findings.violations) {
    Check(x.action == action);
    const size_t rank = Rank(action, x.field);
    Check(rank >= last_rank);
    last_rank = rank;
    if (!x.span || (x.field == "CommandContent" && v.base64_content)) continue;
    const std::optional<std::string_view> value = rules::FieldValue(d.request, x.field);
    Check(value.has_value());
    Check(x.span->offset + x.span->length <= value->size());
  }
  options.fail_fast = true;
  const rules::Verdict first = rules::Validate(d.request, options);
  Check(first.findings.violations.size() == (v.findings.ok() ? 0u : 1u));
  if (!v.findings.ok()) Check(first.findings.violations[0].code == v.findings.violations[0].code);

  const rules::DecodedRequest again = rules::DecodeQueryRequest(rules::ToQueryForm(d.request));
  Check(!again.envelope_error && again.request == WithoutEmptyTagEntries(d.request));

  // The same request in the JSON form: the same answer.
  if (const std::optional<std::string> json = rules::ToJsonForm(d.request)) {
    const rules::DecodedRequest j = rules::DecodeJsonRequest(*json);
    Check(!j.envelope_error && j.request.action == action);
    options.fail_fast = false;
    const rules::Verdict vj = rules::Validate(j.request, options);
    Check(vj.findings.violations.size() == v.findings.violations.size());
    Check(vj.findings.dropped == v.findings.dropped);
    for (size_t i = 0; i < v.findings.violations.size(); ++i) {
      const core::Violation& a = v.findings.violations[i];
      const core::Violation& b = vj.findings.violations[i];
      Check(a.code == b.code && Rank(action, a.field) == Rank(action, b.field) &&
            a.span == b.span);
    }
  }

  // Printed output is linear in the input: every finding prints a bounded
  // amount beside its field (which is part of the input).
  validate::ReportSettings report;
  report.now = options.now;
  report.next = 0;
  const size_t bound = 8 * text.size() + 256 * 1024;
  Check(validate::RequestText(text, d, v, report).size() <= bound);
  Check(validate::RequestJson(d, v, report).size() <= bound);
}

}  // namespace fuzz
}  // namespace runcheck

#endif  // RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_
