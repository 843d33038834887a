#include "rules/modify_invocation_attribute.h"

#include <string>
#include <vector>

#include "rules/internal/rule_input.h"
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
  return t;
}

// The limit a `%s` in the action's message stands for.
std::string MessageArgument(Code code, const core::Limits& limits) {
  switch (code) {
    case Code::kInvalidCommandContentLengthLimitExceeded:
      return std::to_string(limits.max_content_bytes_kept / 1024);
    case Code::kInvalidInstanceIdCountLimitExceeded:
      return std::to_string(limits.max_task_instances);
    default:
      return {};
  }
}

}  // namespace
}  // namespace internal

Verdict ValidateModifyInvocationAttribute(const Request& request,
                                          const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::ModifyInvocationAttributeTraits();
  Verdict v = internal::RunRuleSet(internal::ModifyInvocationAttributeRules(), kTraits, request,
                                   options, core::Action::kModifyInvocationAttribute,
                                   &internal::Renames());
  for (core::Violation& violation : v.findings.violations) {
    violation.message_argument = internal::MessageArgument(violation.code, options.limits);
  }
  if (internal::Given(request.command_content) || internal::Given(request.parameters) ||
      internal::Given(request.frequency)) {
    internal::AddAgentReason(
        AgentReason{"changing a task's content, parameters or frequency", "2.2.3.541",
                    "2.1.3.541"},
        v.agent);
  }
  return v;
}

}  // namespace rules
}  // namespace runcheck
