// -----------------------------------------------------------------------------
// File: rules/modify_invocation_attribute.h
// -----------------------------------------------------------------------------
//
// The ModifyInvocationAttribute rule set (SPEC 11): every group-A rule of
// the action, in its reference table's order. The action has its own code
// family for RunCommand's rules (the README's "same rule, different code"
// table), so the shared rules run with these renames:
//
//   RunCommand's code              ModifyInvocationAttribute's
//   InvalidParam.Frequency         InvalidParameter.Frequency
//   CmdContent.DecodeError         InvalidCommandContent.DecodeError
//   CmdContent.ExceedLimit         InvalidCommandContent.LengthLimitExceeded
//                                  (message "...limit of 18 KB...")
//   ParameterCount.ExceedLimit     InvalidParameters.CountLimitExceeded
//   ParameterKey.ExceedLimit       InvalidParameters.KeyLengthLimitExceeded
//   ParameterKey.Duplicate         InvalidParameters.KeyDuplicate
//   Parameter.NotMatched           InvalidParameters.KeyNotMatch
//   ParameterType.NotSupported     InvalidParameters.ValueTypeUnsupported
//   InstanceIds.ExceedLimit        InvalidInstanceId.CountLimitExceeded
//                                  (message "...limit of 100.")
// and a Parameters key that is empty is InvalidParameters.KeyEmpty, one with
// a character a parameter name cannot have InvalidParameters.KeyMalformed.
// Parameter.Disabled, InvalidParameterCharset.Parameters and the CmdParam.*
// codes of the content's own names stay RunCommand's (SPEC 11).
//
// Order: RegionId, InvokeId (required: MissingParameter.InvokeId),
// InstanceId.N (empty entries, more than Limits::max_task_instances distinct
// IDs in the request alone), CommandContent (optional; decoding, size, the
// template rules when EnableParameter=true), EnableParameter, Parameters
// (Parameter.Disabled without EnableParameter=true; the key rules, with
// KeyNotMatch decided from the request's CommandContent when it is given),
// Frequency, ContentEncoding (default PlainText), ClientToken, then the
// unknown-key warnings.
//
// Decisions (SPEC 11, *ModifyInvocationAttribute*):
//   * Size: CommandContent as Base64 plus the Parameters text, at most the
//     kept-command limit (18 KiB): whether the task kept its command (24 KiB
//     when it did not) is a fact. A Parameters text alone over the limit is
//     reported on `Parameters`.
//   * Frequency: the task's Timeout is a fact, so the rate and minimum-
//     interval rules compare with the 10 s floor only.
//   * The agent: changing the content, the parameters or the frequency needs
//     2.2.3.541 (Linux) / 2.1.3.541 (Windows) on every instance of the task
//     (Verdict::agent); adding instances alone needs nothing more.
//   * The task's repeat mode, status, public command and agent checks need
//     facts.
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Bounds as rules/run_command.h.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(
//       "Action=ModifyInvocationAttribute&RegionId=cn-hangzhou&InvokeId=t-1"
//       "&Frequency=0 0 25 * * ?");
//   Verdict v = ValidateModifyInvocationAttribute(d.request, ValidateOptions{});
//   v.findings.violations[0].info().name;  // "InvalidParameter.Frequency"

#ifndef RUNCHECK_RULES_MODIFY_INVOCATION_ATTRIBUTE_H_
#define RUNCHECK_RULES_MODIFY_INVOCATION_ATTRIBUTE_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateModifyInvocationAttribute(const Request& request,
                                          const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_MODIFY_INVOCATION_ATTRIBUTE_H_
