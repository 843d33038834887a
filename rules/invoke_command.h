// -----------------------------------------------------------------------------
// File: rules/invoke_command.h
// -----------------------------------------------------------------------------
//
// The InvokeCommand rule set (SPEC 11): every group-A rule of the action, in
// its reference table's order, with its own status and message per code
// (core/catalog.h, CatalogOf). The parameters it shares with RunCommand are
// checked by RunCommand's rules (rules/run_command.h documents them).
//
// Order: RegionId, CommandId (required: MissingParameter.CommandId),
// InstanceId.N (1 to Limits::max_instances distinct IDs; with ResourceTag.N
// InvalidResourceTag.ConflictWithInstanceIds, with neither
// MissingParam.InstanceId), ResourceGroupId, RepeatMode, Timed, Frequency,
// Parameters, Username, WindowsPasswordName, ContainerId, ContainerName,
// Timeout, Tag.N, ClientToken, ResourceTag.N (at most
// Limits::max_invoke_resource_tags), TerminationMode, Launcher, WorkingDir,
// OssOutputDelivery, then the unknown-key warnings.
//
// Decisions (SPEC 11, *InvokeCommand*):
//   * Parameters: the structural rules only (an object, at most
//     Limits::max_parameter_pairs pairs, keys 1 to 64 characters, no
//     duplicates, string values, charset), whatever EnableParameter the
//     command has; a Parameters text over the content limit (18 KiB) alone
//     is CmdContent.ExceedLimit on `Parameters`. The rules that need the
//     stored command (Parameter.Disabled, Parameter.NotMatched,
//     Parameter.MissingValue, the content-plus-parameters size,
//     InvalidInstance.NotMatch for a container, WindowsPasswordName.Missed)
//     are group B.
//   * Timeout: a request without one keeps the command's, so the Frequency
//     rules compare with the 10 s floor only; Verdict::timeout_seconds is 0.
//   * The Tag, OssOutputDelivery, InvalidTimeout.ExceedLimit and
//     InvalidParameterCharacter.CommandWorkingDir codes are RunCommand's rows
//     (the action's table lacks them).
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Bounds as rules/run_command.h.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(
//       "Action=InvokeCommand&RegionId=cn-hangzhou&CommandId=c-1&InstanceId.1=i-a");
//   ValidateInvokeCommand(d.request, ValidateOptions{}).findings.ok();  // true

#ifndef RUNCHECK_RULES_INVOKE_COMMAND_H_
#define RUNCHECK_RULES_INVOKE_COMMAND_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateInvokeCommand(const Request& request, const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_INVOKE_COMMAND_H_
