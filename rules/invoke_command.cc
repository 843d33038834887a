#include "rules/invoke_command.h"

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"
#include "rules/tag_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using core::Code;

const Rule<RuleInput>& InvokeCommandRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      TextRule("CommandId", &Request::command_id, core::Code::kMissingParameterCommandId),
      InstanceIdRule({&core::Limits::max_instances, /*required=*/false,
                      /*or_resource_tag=*/true}),
      TextRule("ResourceGroupId", &Request::resource_group_id),
      RepeatModeRule(),
      TimedRule(),
      FrequencyRule(),
      ParametersRule(),
      ParametersTextSizeRule(),
      UsernameRule(),
      WindowsPasswordNameRule(),
      ContainerIdRule(),
      ContainerNameRule(),
      ContainerWarnings(),
      TimeoutRule(),
      TagsRule(&Request::tags, kTagCodes),
      ClientTokenRule(),
      TagsRule(&Request::resource_tags, kInvokeResourceTagCodes),
      TerminationModeRule(),
      LauncherRule(),
      WorkingDirRule(),
      OssOutputDeliveryRule(),
      // Group B (SPEC 12), in the table's order.
      RegionFacts(),
      InvocationQuotaFacts(),
      CommandFacts(),
      StoredCommandContentFacts(),
      InstanceFacts({Code::kInvalidInstanceNotFound, Code::kInvalidInstanceNotMatch,
                     /*agent=*/true}),
      ResourceGroupFacts(),
      StoredCommandParameterFacts(),
      StoredCommandTypeFacts(),
      IdempotencyFacts(),
      ResourceTagFacts(),
      BucketFacts(),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

ActionTraits InvokeCommandTraits() {
  ActionTraits t;
  t.stored_timeout = true;
  t.parameters_need_enable = false;
  t.content_limit_kept = true;  // the stored command's content plus Parameters
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateInvokeCommand(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::InvokeCommandTraits();
  return internal::RunRuleSet(internal::InvokeCommandRules(), kTraits, request, options,
                              core::Action::kInvokeCommand);
}

}  // namespace rules
}  // namespace runcheck
