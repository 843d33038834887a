#include "rules/modify_command.h"

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

const Rule<RuleInput>& ModifyCommandRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      TextRule("CommandId", &Request::command_id, core::Code::kMissingParameterCommandId),
      CommandNameRule(/*required=*/false),
      CommandDescriptionRule(),
      IgnoredParameterWarning("CommandContent", &Request::command_content),
      WorkingDirRule(),
      TimeoutRule(),
      LauncherRule(),
      // Group B (SPEC 12).
      RegionFacts(),
      CommandFacts(),
      CommandNameFacts(),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

ActionTraits ModifyCommandTraits() {
  ActionTraits t;
  t.stored_timeout = true;
  t.ignores_content = true;
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateModifyCommand(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::ModifyCommandTraits();
  return internal::RunRuleSet(internal::ModifyCommandRules(), kTraits, request, options,
                              core::Action::kModifyCommand);
}

}  // namespace rules
}  // namespace runcheck
