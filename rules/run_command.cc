#include "rules/run_command.h"

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"
#include "rules/tag_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using core::Code;

const Rule<RuleInput>& RunCommandRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      TextRule("ResourceGroupId", &Request::resource_group_id),
      CommandNameRule(/*required=*/false),
      CommandDescriptionRule(),
      TypeRule(),
      CommandContentRule(/*required=*/true),
      WorkingDirRule(),
      TimeoutRule(),
      EnableParameterRule(),
      RepeatModeRule(),
      TimedRule(),
      FrequencyRule(),
      ParametersRule(),
      KeepCommandRule(),
      ContentEncodingRule(),
      UsernameRule(),
      WindowsPasswordNameRule(),
      WindowsPasswordMissedRule(),
      InstanceIdRule({&core::Limits::max_instances, /*required=*/false,
                      /*or_resource_tag=*/true}),
      TagsRule(&Request::tags, kTagCodes),
      ContainerIdRule(),
      ContainerTypeRule(/*on_container_id=*/true),
      ContainerNameRule(),
      ContainerTypeRule(/*on_container_id=*/false),
      ContainerWarnings(),
      ClientTokenRule(),
      OssOutputDeliveryRule(),
      TagsRule(&Request::resource_tags, kResourceTagCodes),
      TerminationModeRule(),
      LauncherRule(),
      // Group B (SPEC 12), in the table's order.
      RegionFacts(),
      InvocationQuotaFacts(),
      ResourceGroupFacts(),
      CommandQuotaFacts(/*only_when_kept=*/true),
      InstanceFacts({Code::kInvalidInstanceNotFound, Code::kInvalidInstanceNotMatch,
                     /*agent=*/true}),
      IdempotencyFacts(),
      BucketFacts(),
      ResourceTagFacts(),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

}  // namespace
}  // namespace internal

RunCommandVerdict ValidateRunCommand(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits;
  return internal::RunRuleSet(internal::RunCommandRules(), kTraits, request, options,
                              core::Action::kRunCommand);
}

}  // namespace rules
}  // namespace runcheck
