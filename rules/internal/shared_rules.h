// -----------------------------------------------------------------------------
// File: rules/internal/shared_rules.h
// -----------------------------------------------------------------------------
//
// Not public. The rules of the parameters that several actions share (SPEC
// 11, *Shared rules*), each written once and used by every rule set that has
// the parameter, with RunCommand's codes; an action with its own code for
// the same rule renames it through its RuleContext (rules/engine.h). Each
// rule's behaviour is documented where it is used first, in
// rules/run_command.h, and per action in that action's header.

#ifndef RUNCHECK_RULES_INTERNAL_SHARED_RULES_H_
#define RUNCHECK_RULES_INTERNAL_SHARED_RULES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "rules/engine.h"
#include "rules/internal/rule_input.h"
#include "rules/tag_rules.h"

namespace runcheck {
namespace rules {
namespace internal {

using SharedRule = Rule<RuleInput>;

// A parameter without a rule of its own: valid UTF-8 without NUL, else
// InvalidRequest.Malformed (SPEC 10, *Envelope vs value*); `missing` set:
// required, with that code.
SharedRule TextRule(std::string_view name, std::optional<std::string_view> Request::*member,
                    std::optional<core::Code> missing = std::nullopt);

// Name and Description of a command (RunCommand, CreateCommand,
// ModifyCommand): length, then characters.
SharedRule CommandNameRule(bool required);
SharedRule CommandDescriptionRule();
SharedRule TypeRule();
// CommandContent: decoding (Base64 strictly, or UTF-8), the size limit and
// the template rules (SPEC 4.1, 6).
SharedRule CommandContentRule(bool required);
SharedRule WorkingDirRule();
SharedRule TimeoutRule();
SharedRule EnableParameterRule();
SharedRule RepeatModeRule();
SharedRule TimedRule();
// MissingParam.Frequency for RepeatMode Period without one, else the
// Frequency parse (schedule/frequency.h) against the effective Timeout.
SharedRule FrequencyRule();
SharedRule ParametersRule();
// A Parameters text alone over the content limit (Interpreted::content_limit:
// 18 KiB, or the task's 24 KiB), when no CommandContent is given to count it
// with (SPEC 11: a limit the request alone breaks is group A):
// CmdContent.ExceedLimit on Parameters.
SharedRule ParametersTextSizeRule();
SharedRule KeepCommandRule();
SharedRule ContentEncodingRule();
SharedRule UsernameRule();
SharedRule WindowsPasswordNameRule();
// A Windows Type with a Username other than System needs WindowsPasswordName.
SharedRule WindowsPasswordMissedRule();

struct InstanceIdOptions {
  int core::Limits::*max;  // distinct IDs
  // No entry at all: MissingParam.InstanceId (or, with `or_resource_tag`,
  // unless ResourceTag is given; both given is
  // InvalidResourceTag.ConflictWithInstanceIds).
  bool required = false;
  bool or_resource_tag = false;
};
SharedRule InstanceIdRule(InstanceIdOptions options);

SharedRule TagsRule(std::vector<TagEntry> Request::*list, const TagCodes& codes);
SharedRule ContainerIdRule();
SharedRule ContainerNameRule();
// A container with a Type other than RunShellScript (on ContainerId when it
// is given, else on ContainerName).
SharedRule ContainerTypeRule(bool on_container_id);
// Username and WorkingDir have no effect in a container (warnings).
SharedRule ContainerWarnings();
SharedRule ClientTokenRule();
SharedRule OssOutputDeliveryRule();
SharedRule TerminationModeRule();
SharedRule LauncherRule();
// A parameter the action accepts but no longer uses (warning
// `request.parameter-ignored`).
SharedRule IgnoredParameterWarning(std::string_view name,
                                   std::optional<std::string_view> Request::*member);
// SPEC 8: one `request.unknown-parameter` warning per key the action does
// not take; always last.
SharedRule UnknownKeyWarnings();

// Timeout's text: a positive whole number up to the maximum; `*value` set
// when it is one.
std::optional<Problem> TimeoutProblem(std::string_view t, const core::Limits& limits,
                                      int64_t* value);

// The agent features of SPEC 6.9 a request uses, by level.
AgentRequirement RequiredAgent(const Request& r, const Interpreted& x,
                               const std::optional<schedule::Schedule>& frequency);
// Whether dotted version `a` ("2.2.3.100") is older than `b`, number by
// number (a missing number is 0; other characters are skipped).
bool IsOlder(std::string_view a, std::string_view b);

// Adds `reason` to `agent`, raising its versions to the reason's where
// those are later (versions compare number by number).
void AddAgentReason(const AgentReason& reason, AgentRequirement& agent);

}  // namespace internal
}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_INTERNAL_SHARED_RULES_H_
