// -----------------------------------------------------------------------------
// File: rules/stop_invocation.h
// -----------------------------------------------------------------------------
//
// The StopInvocation rule set (SPEC 11): RegionId (required:
// MissingParameter.RegionId), InvokeId (required: MissingParameter.InvokeId),
// InstanceId.N (optional; an empty entry is MissingParam.InstanceId, more
// than Limits::max_stop_instances distinct IDs InstanceIds.ExceedLimit;
// without any, the whole task stops), then the unknown-key warnings. Whether
// the task and its instances exist needs facts.
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Linear in the request's size.
//
// Example:
//
//   DecodedRequest d = DecodeRequest("Action=StopInvocation&RegionId=cn-hangzhou");
//   ValidateStopInvocation(d.request, ValidateOptions{})
//       .findings.violations[0].info().name;  // "MissingParameter.InvokeId"

#ifndef RUNCHECK_RULES_STOP_INVOCATION_H_
#define RUNCHECK_RULES_STOP_INVOCATION_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateStopInvocation(const Request& request, const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_STOP_INVOCATION_H_
