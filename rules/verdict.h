// -----------------------------------------------------------------------------
// File: rules/verdict.h
// -----------------------------------------------------------------------------
//
// What every rule set of the command API family takes and gives: the
// options a validation runs with, and the verdict it returns (the findings
// in the action's order, and what the request means once its defaults
// apply). The rule sets themselves: rules/run_command.h and its six siblings,
// or rules/validate.h for whichever action a request names.
//
// Plain values: copyable, thread-compatible. No I/O.
//
// Example:
//
//   ValidateOptions options;
//   options.now = 1798761600;
//   options.zones = &TzdbZoneProvider::Default();
//   Verdict v = Validate(DecodeRequest(text).request, options);
//   v.findings.violations[0].info().http_status;  // the API's answer, if any

#ifndef RUNCHECK_RULES_VERDICT_H_
#define RUNCHECK_RULES_VERDICT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/action.h"
#include "core/limits.h"
#include "core/violation.h"
#include "schedule/frequency.h"

namespace runcheck {
namespace facts {
class IndexedFacts;
}  // namespace facts

namespace rules {

struct ValidateOptions {
  core::Limits limits;
  // Zone names for Frequency; null knows only UTC, GMT and GMT+H:MM.
  const schedule::ZoneProvider* zones = nullptr;
  // The zone of a cron Frequency without a zone token.
  schedule::TimeZone default_zone;
  // Unix seconds; the Frequency's "in the future" rules need it.
  int64_t now = 0;
  // The creation instant (rate anchor); defaults to `now`.
  std::optional<int64_t> created;
  schedule::DstPolicy dst;
  bool fail_fast = false;
  // What the server knows (SPEC 12; facts/indexed_facts.h): with it, the
  // group-B rules run after group A. Null: group A only. Not owned; it must
  // outlive the call.
  const facts::IndexedFacts* facts = nullptr;
};

// One feature and the agent it needs. Static text: building a verdict does
// not format it. A built-in parameter is spelled as the API documents it
// ({{ACS::InstanceId}}), whatever case the content wrote.
struct AgentReason {
  std::string_view feature;  // "a cron time zone", "{{ACS::InstanceId}}", ...
  std::string_view linux_version;
  std::string_view windows_version;
  // "<feature> needs <linux> (Linux) / <windows> (Windows)"
  std::string ToString() const;
};

// The oldest Cloud Assistant agent that runs the request as sent (SPEC 6.9
// and 11): rate or at, or a cron year field or zone, need 2.2.3.282 (Linux)
// / 2.1.3.282 (Windows); {{ACS::InstanceId}}, {{ACS::InvokeId}} and
// {{ACS::CommandId}} need 2.2.3.309 / 2.1.3.309; {{ACS::InstanceName}} and
// containers need 2.2.3.344 / 2.1.3.344; SendFile needs 1.0.2.569 /
// 1.0.0.149; ModifyInvocationAttribute changing content, parameters or
// frequency needs 2.2.3.541 / 2.1.3.541 ("later than" read as "at least").
// Comparing it with each instance's agent (`ClientNeedUpgrade`) needs the
// facts.
struct AgentRequirement {
  std::string linux_version;    // empty: any agent
  std::string windows_version;  // empty: any agent
  std::vector<AgentReason> reasons;  // one per level a feature needs
};

// Whether one instance of the request can run it, from the facts: it exists
// (in the request's region), is Running with its agent online, fits the
// command's type and has an agent new enough. `reasons` says why not, one
// sentence each (empty when it can, or when nothing is known against it).
struct InstanceReadiness {
  std::string id;
  std::string field;  // "InstanceId.3"
  bool can_run = true;
  std::vector<std::string> reasons;
};

struct Verdict {
  core::Action action = core::Action::kRunCommand;
  core::Findings findings;
  // The request's meaning with defaults applied (meaningful when valid).
  std::string repeat_mode = "Once";
  // The effective Timeout; 0 when the request gives none and the action's
  // Timeout is a stored command's or task's (InvokeCommand, ModifyCommand,
  // ModifyInvocationAttribute), or the action has none (StopInvocation).
  int64_t timeout_seconds = 60;
  bool enable_parameter = false;
  bool keep_command = false;
  bool base64_content = false;  // CommandContent (or SendFile's Content) is Base64
  std::optional<schedule::Schedule> schedule;  // when Frequency is valid
  AgentRequirement agent;  // from the features the request uses
  // With facts: one per InstanceId.N entry, in index order.
  std::vector<InstanceReadiness> instances;
};

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_VERDICT_H_
