// -----------------------------------------------------------------------------
// File: rules/internal/facts_rules.h
// -----------------------------------------------------------------------------
//
// Not public. The group-B rules (SPEC 12): each decides its codes from the
// facts in ValidateOptions::facts, and does nothing when there are none or
// when the fact it needs is unknown (it never guesses). Each action's rule
// set lists the ones it has after all its group-A rules, in its parameter
// order; a rule reports only codes its action's catalog has. The rules and
// their codes are documented in rules/validate.h.

#ifndef RUNCHECK_RULES_INTERNAL_FACTS_RULES_H_
#define RUNCHECK_RULES_INTERNAL_FACTS_RULES_H_

#include <optional>

#include "core/catalog.h"
#include "rules/internal/rule_input.h"
#include "rules/internal/shared_rules.h"

namespace runcheck {
namespace rules {
namespace internal {

// RegionId: InvalidRegionId.NotFound, RegionId.ApiNotSupported.
SharedRule RegionFacts();
// ResourceGroupId: InvalidResourceGroup.NotFound, InvalidStatus.ResourceGroup.
SharedRule ResourceGroupFacts();
// The region's command quota is full: CmdCount.ExceedQuota (with
// `only_when_kept`, only for a request that keeps its command).
SharedRule CommandQuotaFacts(bool only_when_kept);
// Today's invocations reached the quota: Invocation.ExceedQuota.
SharedRule InvocationQuotaFacts();

struct InstanceFactsOptions {
  core::Code not_found;                 // an InstanceId.N the facts lack
  std::optional<core::Code> not_match;  // its OS does not fit the command's type
  bool agent = false;       // ClientNeedUpgrade against the request's agent needs
  bool in_task = false;     // StopInvocation: the ID must be one of the task's
  bool task_total = false;  // ModifyInvocationAttribute: the task's total count
};
// InstanceId.N, instance by instance in index order; also fills
// Verdict::instances.
SharedRule InstanceFacts(InstanceFactsOptions options);
// ResourceTag.N selects no instance: InvalidResourceTag.InstanceNotFound.
SharedRule ResourceTagFacts();
// CommandId: InvalidCmdId.NotFound.
SharedRule CommandFacts();
// InvokeCommand's rules that need the stored command: its content's
// parameter-store references (ParameterStore.InvalidParameters, on
// CommandId); Parameter.Disabled, .NotMatched, .MissingValue and
// CmdContent.ExceedLimit (Parameters); WindowsPasswordName.Missed and
// InvalidInstance.NotMatch for a container (the type rule).
SharedRule StoredCommandContentFacts();
SharedRule StoredCommandParameterFacts();
SharedRule StoredCommandTypeFacts();
// ModifyCommand's Name of a published command: CmdName.Readonly.
SharedRule CommandNameFacts();
// InvokeId: InvalidInvokeId.NotFound; with `modify`
// (ModifyInvocationAttribute) also the task's repeat mode and status, its
// command (InvalidCommandId.NotFound) and its instances' agents.
SharedRule InvocationFacts(bool modify);
// ModifyInvocationAttribute's CommandContent: a public command's content is
// read-only; a kept command counts against the region's quota.
SharedRule TaskContentFacts();
// ModifyInvocationAttribute's Parameters keys against the task's command,
// when the request gives no CommandContent.
SharedRule TaskParameterFacts();
// OssOutputDelivery's bucket: not found, in another region, not writable.
SharedRule BucketFacts();
// ClientToken: IdempotentProcessing, IdempotentParameterMismatch.
SharedRule IdempotencyFacts();

}  // namespace internal
}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_INTERNAL_FACTS_RULES_H_
