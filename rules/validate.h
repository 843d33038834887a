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

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_VALIDATE_H_
