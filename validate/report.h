// -----------------------------------------------------------------------------
// File: validate/report.h
// -----------------------------------------------------------------------------
//
// What `validate` prints, as strings (the commands write them): the JSON
// form (one object per request or expression) and the text form for a
// person at a terminal.
//
// Text output never writes user text raw: fields, details and the caret
// line are escaped (validate/terminal_text.h), and carets line up by display
// width. Both forms are linear in the findings, which are bounded
// (Limits::max_violations; a dropped count is printed), so output never
// amplifies its input (SPEC 8 and 9): each finding prints its field, at most
// 64 characters of quoted user text in its detail, and at most 100 bytes of
// caret context.
//
// Pure; thread-safe.

#ifndef RUNCHECK_VALIDATE_REPORT_H_
#define RUNCHECK_VALIDATE_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/request_decode.h"
#include "rules/verdict.h"
#include "core/violation.h"
#include "schedule/frequency.h"

namespace runcheck {
namespace validate {

// JSON string literal (always valid JSON).
std::string JsonString(std::string_view s);

// `"valid": B, "violations": [...], "dropped": N, "warnings": [...],
// "dropped_warnings": N` (members, no braces): each violation with code,
// HTTP status, field, offset, length, message and detail; each warning with
// id, field, offset, length and detail.
std::string FindingsJson(const core::Findings& findings);

// `"next": ["2027-01-01T00:05:00Z", ...]`: instants in UTC.
std::string NextJson(const std::vector<int64_t>& fires);

// One violation: code, HTTP status, field, message; the detail; and, when
// `value` (the field's value) is given and the violation has a span, the
// caret lines.
std::string ViolationText(const core::Violation& v, std::optional<std::string_view> value);
std::string WarningText(const core::Warning& w);
// "  ... N more violations not kept (Limits::max_violations)" lines, if any.
std::string DroppedText(const core::Findings& findings);

// "next N after T:" and one line per fire (local and UTC). When fewer than
// `wanted` exist, says so: the schedule ends before the horizon.
std::string FiresText(const schedule::Schedule& s, int64_t now, int wanted);

struct ReportSettings {
  int64_t now = 0;  // for the fire times of a valid scheduled request
  int next = 5;     // how many
};

// A whole request's verdict. `request` is the text `d` was decoded from.
// With facts: each instance of the request, whether it can run it and why
// not: `"instances": [{"id", "field", "can_run", "reasons"}]`, and as text
// lines "  i-a (InstanceId.1): cannot run: <reason>; <reason>".
std::string InstancesJson(const std::vector<rules::InstanceReadiness>& instances);
std::string InstancesText(const std::vector<rules::InstanceReadiness>& instances);

std::string RequestJson(const rules::DecodedRequest& d, const rules::Verdict& v,
                        const ReportSettings& s);
std::string RequestText(std::string_view request, const rules::DecodedRequest& d,
                        const rules::Verdict& v, const ReportSettings& s);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_REPORT_H_
