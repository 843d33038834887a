#include "validate/report.h"

#include "absl/strings/str_cat.h"
#include "core/json_scan.h"
#include "validate/cli_util.h"
#include "validate/terminal_text.h"

namespace runcheck {
namespace validate {
namespace {

std::string SpanJson(const std::optional<core::Span>& span) {
  if (!span) return "\"offset\": null, \"length\": null";
  return absl::StrCat("\"offset\": ", span->offset, ", \"length\": ", span->length);
}

}  // namespace

std::string JsonString(std::string_view s) { return core::JsonQuote(s); }

std::string FindingsJson(const core::Findings& findings) {
  std::string out = absl::StrCat("\"valid\": ", findings.ok() ? "true" : "false",
                                 ", \"violations\": [");
  for (size_t i = 0; i < findings.violations.size(); ++i) {
    const core::Violation& x = findings.violations[i];
    const core::CodeInfo& info = x.info();
    absl::StrAppend(&out, i ? ", " : "", "{\"code\": ", JsonString(info.name),
                    ", \"http_status\": ", info.http_status, ", \"field\": ",
                    JsonString(x.field), ", ", SpanJson(x.span), ", \"message\": ",
                    JsonString(x.Message()), ", \"detail\": ", JsonString(x.detail), "}");
  }
  absl::StrAppend(&out, "], \"dropped\": ", findings.dropped, ", \"warnings\": [");
  for (size_t i = 0; i < findings.warnings.size(); ++i) {
    const core::Warning& w = findings.warnings[i];
    absl::StrAppend(&out, i ? ", " : "", "{\"id\": ", JsonString(w.id), ", \"field\": ",
                    JsonString(w.field), ", ", SpanJson(w.span), ", \"detail\": ",
                    JsonString(w.detail), "}");
  }
  absl::StrAppend(&out, "], \"dropped_warnings\": ", findings.dropped_warnings);
  return out;
}

std::string NextJson(const std::vector<int64_t>& fires) {
  std::string out = "\"next\": [";
  for (size_t i = 0; i < fires.size(); ++i) {
    absl::StrAppend(&out, i ? ", " : "", JsonString(FormatUtc(fires[i])));
  }
  out += "]";
  return out;
}

std::string ViolationText(const core::Violation& v, std::optional<std::string_view> value) {
  const core::CodeInfo& info = v.info();
  std::string out = absl::StrCat("  ", std::string(info.name), " (HTTP ", info.http_status, ") ",
                                 v.field.empty() ? "(request)" : EscapeForTerminal(v.field),
                                 ": ", v.Message(), "\n    detail: ",
                                 EscapeForTerminal(v.detail), "\n");
  if (v.span && value) out += CaretLines(*value, *v.span);
  return out;
}

std::string WarningText(const core::Warning& w) {
  return absl::StrCat("  warning ", std::string(w.id), w.field.empty() ? "" : " (",
                      EscapeForTerminal(w.field), w.field.empty() ? "" : ")", ": ",
                      EscapeForTerminal(w.detail), "\n");
}

std::string DroppedText(const core::Findings& findings) {
  std::string out;
  if (findings.dropped > 0) {
    absl::StrAppend(&out, "  ... ", findings.dropped,
                    " more violations not kept (Limits::max_violations)\n");
  }
  if (findings.dropped_warnings > 0) {
    absl::StrAppend(&out, "  ... ", findings.dropped_warnings,
                    " more warnings not kept (Limits::max_warnings)\n");
  }
  return out;
}

std::string FiresText(const schedule::Schedule& s, int64_t now, int wanted) {
  const std::vector<int64_t> fires = s.NextN(now, wanted);
  std::string out = absl::StrCat("next ", fires.size(), " after ", FormatUtc(now),
                                 static_cast<int>(fires.size()) < wanted
                                     ? " (no more fire times up to 2099-12-31)"
                                     : "",
                                 ":\n");
  for (int64_t t : fires) {
    absl::StrAppend(&out, "  ", FormatLocal(t, s.zone()), "  ", FormatUtc(t), "\n");
  }
  return out;
}

std::string InstancesJson(const std::vector<rules::InstanceReadiness>& instances) {
  std::string out = "\"instances\": [";
  for (size_t i = 0; i < instances.size(); ++i) {
    const rules::InstanceReadiness& r = instances[i];
    absl::StrAppend(&out, i ? ", " : "", "{\"id\": ", JsonString(r.id), ", \"field\": ",
                    JsonString(r.field), ", \"can_run\": ", r.can_run ? "true" : "false",
                    ", \"reasons\": [");
    for (size_t k = 0; k < r.reasons.size(); ++k) {
      absl::StrAppend(&out, k ? ", " : "", JsonString(r.reasons[k]));
    }
    out += "]}";
  }
  out += "]";
  return out;
}

std::string InstancesText(const std::vector<rules::InstanceReadiness>& instances) {
  std::string out = "instances:\n";
  for (const rules::InstanceReadiness& r : instances) {
    absl::StrAppend(&out, "  ", EscapeForTerminal(r.id), " (", r.field, "): ",
                    r.can_run ? "can run" : "cannot run");
    for (size_t k = 0; k < r.reasons.size(); ++k) {
      absl::StrAppend(&out, k ? "; " : ": ", EscapeForTerminal(r.reasons[k]));
    }
    out += "\n";
  }
  return out;
}

std::string RequestJson(const rules::DecodedRequest& d, const rules::Verdict& v,
                        const ReportSettings& s) {
  core::Findings malformed;
  if (d.envelope_error) malformed.violations.push_back(*d.envelope_error);
  const core::Findings& findings = d.envelope_error ? malformed : v.findings;
  // The action is unknown only when the request named one runcheck lacks.
  const bool action_known =
      !(d.envelope_error && d.envelope_error->code == core::Code::kInvalidActionNotFound);
  std::string out = absl::StrCat(
      "{", FindingsJson(findings), ", \"action\": ",
      action_known ? JsonString(core::ActionName(d.request.action)) : std::string("null"));
  if (!d.envelope_error && !v.instances.empty()) out += ", " + InstancesJson(v.instances);
  if (findings.ok()) {
    absl::StrAppend(&out, ", \"agent\": {\"linux\": ", JsonString(v.agent.linux_version),
                    ", \"windows\": ", JsonString(v.agent.windows_version), ", \"reasons\": [");
    for (size_t i = 0; i < v.agent.reasons.size(); ++i) {
      absl::StrAppend(&out, i ? ", " : "", JsonString(v.agent.reasons[i].ToString()));
    }
    out += "]}";
    if (v.schedule) {
      absl::StrAppend(&out, ", \"schedule\": ", JsonString(v.schedule->ToString()), ", ",
                      NextJson(v.schedule->NextN(s.now, s.next)));
    }
  }
  out += "}";
  return out;
}

std::string RequestText(std::string_view request, const rules::DecodedRequest& d,
                        const rules::Verdict& v, const ReportSettings& s) {
  const bool valid = !d.envelope_error && v.findings.ok();
  std::string out = valid ? "valid\n" : "invalid\n";
  auto violation = [&](const core::Violation& x) {
    std::optional<std::string_view> value;
    if (x.field.empty()) {
      value = request;
    } else if (!(v.base64_content && x.field == "CommandContent" &&
                 x.code != core::Code::kCmdContentDecodeError &&
                 x.code != core::Code::kInvalidCommandContentDecodeError)) {
      // (Template spans of Base64 content point into the decoded bytes.)
      value = rules::FieldValue(d.request, x.field);
    }
    out += ViolationText(x, value);
  };
  if (d.envelope_error) {
    violation(*d.envelope_error);
    return out;
  }
  for (const core::Violation& x : v.findings.violations) violation(x);
  for (const core::Warning& w : v.findings.warnings) out += WarningText(w);
  out += DroppedText(v.findings);
  if (!v.instances.empty()) out += InstancesText(v.instances);
  if (!valid) return out;
  absl::StrAppend(&out, "action: ", std::string(core::ActionName(v.action)), "\n");
  absl::StrAppend(&out, "repeat mode: ", v.repeat_mode, ", timeout: ",
                  v.timeout_seconds > 0 ? absl::StrCat(v.timeout_seconds, " s")
                                        : std::string("the stored command's or task's"),
                  "\n");
  if (v.agent.linux_version.empty()) {
    out += "agent: any version\n";
  } else {
    absl::StrAppend(&out, "agent: at least ", v.agent.linux_version, " (Linux) / ",
                    v.agent.windows_version, " (Windows)\n");
    for (const rules::AgentReason& reason : v.agent.reasons) {
      absl::StrAppend(&out, "  ", reason.ToString(), "\n");
    }
  }
  if (!v.schedule) return out;
  absl::StrAppend(&out, "schedule: ", v.schedule->ToString(), " (zone ",
                  v.schedule->zone().name(), ")\n");
  out += FiresText(*v.schedule, s.now, s.next);
  return out;
}

}  // namespace validate
}  // namespace runcheck
