// -----------------------------------------------------------------------------
// File: rules/validate.h
// -----------------------------------------------------------------------------
//
// Validation of a request of any action of the command API family: the rule
// set of the action the request names (Request::action, set by the decoder
// from `Action` or the caller's choice, rules/request_decode.h). Each rule
// set's header documents its order and decisions:
//
//   RunCommand                 rules/run_command.h
//   CreateCommand              rules/create_command.h
//   InvokeCommand              rules/invoke_command.h
//   ModifyCommand              rules/modify_command.h
//   SendFile                   rules/send_file.h
//   ModifyInvocationAttribute  rules/modify_invocation_attribute.h
//   StopInvocation             rules/stop_invocation.h
//
// Every violation carries the action (core::Violation::action), so its
// status and message are the action's own (core/catalog.h, DescribeFor).
//
// Group B (SPEC 12): with ValidateOptions::facts, every group-B code of the
// action is decided from the snapshot after all of group A, in the action's
// parameter order (region and quota rules on RegionId, the command's on
// CommandId and Parameters, the task's on InvokeId, instances on each
// InstanceId.N in index order, then ClientToken, OssOutputDelivery,
// ResourceTag as the table orders them), and Verdict::instances says per
// instance whether it can run the request. A rule whose fact is unknown does
// not run; the README's "Facts" table lists which fact decides which code.
// Facts also feed two group-A rules, as SPEC 11 says: a stored command's or
// task's Timeout is what the Frequency is compared with, and a task that did
// not keep its command takes 24 KiB of content (18 while unknown).
// An eighth action is its parameter table (rules/parameter_table.h), its
// rule set and a line here.
//
// Pure, no exceptions, thread-safe.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(text);
//   if (!d.envelope_error) {
//     Verdict v = Validate(d.request, options);
//     v.action;  // what the request was for
//   }

#ifndef RUNCHECK_RULES_VALIDATE_H_
#define RUNCHECK_RULES_VALIDATE_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict Validate(const Request& request, const ValidateOptions& options);

// The oldest agent a Frequency alone needs (SPEC 6.9: rate, at, a cron year
// field or zone), as a request with that Frequency would report it.
AgentRequirement AgentForFrequency(const schedule::Schedule& frequency);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_VALIDATE_H_
