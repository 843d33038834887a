#include "rules/stop_invocation.h"

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

const Rule<RuleInput>& StopInvocationRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      TextRule("InvokeId", &Request::invoke_id, core::Code::kMissingParameterInvokeId),
      InstanceIdRule({&core::Limits::max_stop_instances, /*required=*/false,
                      /*or_resource_tag=*/false}),
      // Group B (SPEC 12).
      RegionFacts(),
      InvocationFacts(/*modify=*/false),
      InstanceFacts({core::Code::kInvalidInstanceIdNotFound, std::nullopt, /*agent=*/false,
                     /*in_task=*/true}),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

ActionTraits StopInvocationTraits() {
  ActionTraits t;
  t.stored_timeout = true;
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateStopInvocation(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::StopInvocationTraits();
  return internal::RunRuleSet(internal::StopInvocationRules(), kTraits, request, options,
                              core::Action::kStopInvocation);
}

}  // namespace rules
}  // namespace runcheck
