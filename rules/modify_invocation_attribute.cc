#include "rules/modify_invocation_attribute.h"

#include <vector>

#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using core::Code;

const std::vector<CodeRename>& Renames() {
  static const auto* const kRenames = new std::vector<CodeRename>{
      {Code::kInvalidParamFrequency, Code::kInvalidParameterFrequency},
      {Code::kCmdContentDecodeError, Code::kInvalidCommandContentDecodeError},
      {Code::kCmdContentExceedLimit, Code::kInvalidCommandContentLengthLimitExceeded},
      {Code::kParameterCountExceedLimit, Code::kInvalidParametersCountLimitExceeded},
      {Code::kParameterKeyExceedLimit, Code::kInvalidParametersKeyLengthLimitExceeded},
      {Code::kParameterKeyDuplicate, Code::kInvalidParametersKeyDuplicate},
      {Code::kParameterNotMatched, Code::kInvalidParametersKeyNotMatch},
      {Code::kParameterTypeNotSupported, Code::kInvalidParametersValueTypeUnsupported},
      {Code::kInstanceIdsExceedLimit, Code::kInvalidInstanceIdCountLimitExceeded},
      {Code::kInvalidInstanceNotFound, Code::kInvalidInstanceIdNotFound},
      {Code::kInvalidInstanceNotMatch, Code::kInvalidInstanceIdOSTypeUnsupported},
  };
  return *kRenames;
}

const Rule<RuleInput>& ModifyInvocationAttributeRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, Code::kMissingParameterRegionId),
      TextRule("InvokeId", &Request::invoke_id, Code::kMissingParameterInvokeId),
      InstanceIdRule({&core::Limits::max_task_instances, /*required=*/false,
                      /*or_resource_tag=*/false}),
      CommandContentRule(/*required=*/false),
      EnableParameterRule(),
      ParametersRule(),
      ParametersTextSizeRule(),
      FrequencyRule(),
      ContentEncodingRule(),
      ClientTokenRule(),
      // Group B (SPEC 12), in the table's order.
      RegionFacts(),
      InvocationFacts(/*modify=*/true),
      InstanceFacts({Code::kInvalidInstanceNotFound, Code::kInvalidInstanceNotMatch,
                     /*agent=*/false, /*in_task=*/false, /*task_total=*/true}),
      TaskContentFacts(),
      TaskParameterFacts(),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

ActionTraits ModifyInvocationAttributeTraits() {
  ActionTraits t;
  t.stored_timeout = true;
  t.content_limit_kept = true;
  t.size_adds_parameters_text = true;
  t.key_codes.empty = Code::kInvalidParametersKeyEmpty;
  t.key_codes.malformed = Code::kInvalidParametersKeyMalformed;
  t.action_agent = [](const Request& r, AgentRequirement& agent) {
    if (Given(r.command_content) || Given(r.parameters) || Given(r.frequency)) {
      AddAgentReason(AgentReason{"changing a task's content, parameters or frequency",
                                 "2.2.3.541", "2.1.3.541"},
                     agent);
    }
  };
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateModifyInvocationAttribute(const Request& request,
                                          const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::ModifyInvocationAttributeTraits();
  return internal::RunRuleSet(internal::ModifyInvocationAttributeRules(), kTraits, request,
                              options, core::Action::kModifyInvocationAttribute,
                              &internal::Renames());
}

}  // namespace rules
}  // namespace runcheck
