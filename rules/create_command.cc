#include "rules/create_command.h"

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"
#include "rules/tag_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

const Rule<RuleInput>& CreateCommandRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      CommandNameRule(/*required=*/true),
      CommandDescriptionRule(),
      TypeRule(),
      CommandContentRule(/*required=*/true),
      ContentEncodingRule(),
      WorkingDirRule(),
      TimeoutRule(),
      EnableParameterRule(),
      TextRule("ResourceGroupId", &Request::resource_group_id),
      LauncherRule(),
      TagsRule(&Request::tags, kTagCodes),
      ClientTokenRule(),
      // Group B (SPEC 12).
      RegionFacts(),
      CommandQuotaFacts(/*only_when_kept=*/false),
      ResourceGroupFacts(),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

ActionTraits CreateCommandTraits() {
  ActionTraits t;
  t.base64_by_default = true;
  t.content_limit_kept = true;
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateCreateCommand(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::CreateCommandTraits();
  return internal::RunRuleSet(internal::CreateCommandRules(), kTraits, request, options,
                              core::Action::kCreateCommand);
}

}  // namespace rules
}  // namespace runcheck
