#include "rules/validate.h"

#include "rules/create_command.h"
#include "rules/internal/rule_input.h"
#include "rules/internal/shared_rules.h"
#include "rules/invoke_command.h"
#include "rules/modify_command.h"
#include "rules/modify_invocation_attribute.h"
#include "rules/run_command.h"
#include "rules/send_file.h"
#include "rules/stop_invocation.h"

namespace runcheck {
namespace rules {

Verdict Validate(const Request& request, const ValidateOptions& options) {
  switch (request.action) {
    case core::Action::kRunCommand:
      return ValidateRunCommand(request, options);
    case core::Action::kCreateCommand:
      return ValidateCreateCommand(request, options);
    case core::Action::kInvokeCommand:
      return ValidateInvokeCommand(request, options);
    case core::Action::kModifyCommand:
      return ValidateModifyCommand(request, options);
    case core::Action::kSendFile:
      return ValidateSendFile(request, options);
    case core::Action::kModifyInvocationAttribute:
      return ValidateModifyInvocationAttribute(request, options);
    case core::Action::kStopInvocation:
      return ValidateStopInvocation(request, options);
  }
  return ValidateRunCommand(request, options);
}

AgentRequirement AgentForFrequency(const schedule::Schedule& frequency) {
  const internal::Interpreted none;
  return internal::RequiredAgent(Request(), none, frequency);
}

}  // namespace rules
}  // namespace runcheck
