#include "rules/internal/facts_rules.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "core/ascii.h"
#include "core/base64.h"
#include "core/internal/concat.h"
#include "core/utf8.h"
#include "facts/indexed_facts.h"
#include "params/parameters.h"
#include "params/render.h"
#include "params/template.h"
#include "rules/request_digest.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using In = RuleInput;
using core::Code;

const facts::IndexedFacts* FactsOf(const In& in) { return in.options.facts; }

std::string_view Region(const In& in) { return in.r.region_id.value_or(""); }

// Whether the action's table has `code` (a rule reports only those).
bool Has(core::Action action, Code code) {
  for (const core::CodeInfo& info : core::CatalogOf(action)) {
    if (info.code == code) return true;
  }
  return false;
}

const facts::Command* StoredCommand(const In& in) {
  const facts::IndexedFacts* f = FactsOf(in);
  if (f == nullptr || !Given(in.r.command_id)) return nullptr;
  return f->FindCommand(*in.r.command_id, Region(in));
}

const facts::Invocation* Task(const In& in) {
  const facts::IndexedFacts* f = FactsOf(in);
  if (f == nullptr || !Given(in.r.invoke_id)) return nullptr;
  return f->FindInvocation(*in.r.invoke_id, Region(in));
}

const facts::Command* TaskCommand(const In& in) {
  const facts::Invocation* task = Task(in);
  if (task == nullptr || !task->command_id) return nullptr;
  return FactsOf(in)->FindCommand(*task->command_id, Region(in));
}

// The command type the request runs, when known: its own Type (RunCommand),
// the stored command's (InvokeCommand) or the task's command's.
std::optional<std::string_view> CommandType(const In& in) {
  if (in.x.type_valid) return *in.r.type;
  const facts::Command* c = StoredCommand(in);
  if (c == nullptr) c = TaskCommand(in);
  if (c != nullptr && c->type) return std::string_view(*c->type);
  return std::nullopt;
}

bool IsWindowsType(std::string_view type) { return type != "RunShellScript"; }

// The user parameter names of a stored command's content (decoded per its
// encoding, Base64 by default), when its content is known and decodes.
std::optional<params::TemplateScan> ScanStored(const facts::Command& c, const core::Limits& limits,
                                               std::string* decoded) {
  if (!c.content) return std::nullopt;
  const bool base64 =
      !c.content_encoding || !core::EqualsIgnoreCase(*c.content_encoding, "PlainText");
  if (base64) {
    std::optional<std::string> d = core::DecodeBase64(*c.content);
    if (!d) return std::nullopt;
    *decoded = std::move(*d);
  } else {
    *decoded = *c.content;
  }
  return params::ScanTemplate(*decoded, limits);
}

// The first reason of `agent` that instance version `have` on `os` is older
// than, if any.
const AgentReason* FirstUnmet(const AgentRequirement& agent, facts::Os os, std::string_view have) {
  for (const AgentReason& reason : agent.reasons) {
    const std::string_view need =
        os == facts::Os::kLinux ? reason.linux_version : reason.windows_version;
    if (IsOlder(have, need)) return &reason;
  }
  return nullptr;
}

std::string_view OsName(facts::Os os) { return os == facts::Os::kLinux ? "Linux" : "Windows"; }

}  // namespace

SharedRule RegionFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsRegions() || !Given(in.r.region_id)) return;
    const facts::Region* region = f->FindRegion(*in.r.region_id);
    if (region == nullptr) {
      ctx.Report(Code::kInvalidRegionIdNotFound, "RegionId", core::Span{0, in.r.region_id->size()},
                 "no region " + core::QuoteUserText(*in.r.region_id));
      return;
    }
    const std::string_view action = core::ActionName(ctx.action());
    if (region->actions && Has(ctx.action(), Code::kRegionIdApiNotSupported) &&
        std::find(region->actions->begin(), region->actions->end(), action) ==
            region->actions->end()) {
      ctx.Report(Code::kRegionIdApiNotSupported, "RegionId", core::Span{0, in.r.region_id->size()},
                 core::Concat({"region ", region->id, " does not offer ", action}));
    }
  };
}

SharedRule ResourceGroupFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsResourceGroups() || !Given(in.r.resource_group_id)) return;
    const std::string_view id = *in.r.resource_group_id;
    const facts::ResourceGroup* group = f->FindResourceGroup(id);
    if (group == nullptr) {
      ctx.Report(Code::kInvalidResourceGroupNotFound, "ResourceGroupId", core::Span{0, id.size()},
                 "no resource group " + core::QuoteUserText(id));
    } else if (group->state && *group->state != "OK" &&
               Has(ctx.action(), Code::kInvalidStatusResourceGroup)) {
      ctx.Report(Code::kInvalidStatusResourceGroup, "ResourceGroupId", core::Span{0, id.size()},
                 core::Concat({"resource group ", group->id, " is ", *group->state}));
    }
  };
}

SharedRule CommandQuotaFacts(bool only_when_kept) {
  return [only_when_kept](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->facts().quotas || (only_when_kept && !in.x.keep)) return;
    const facts::Quotas& q = *f->facts().quotas;
    if (q.commands && q.command_quota && *q.commands >= *q.command_quota) {
      ctx.Report(Code::kCmdCountExceedQuota, only_when_kept ? "KeepCommand" : "RegionId",
                 std::nullopt,
                 "the region keeps " + std::to_string(*q.commands) + " commands of its quota of " +
                     std::to_string(*q.command_quota));
    }
  };
}

SharedRule InvocationQuotaFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->facts().quotas) return;
    const facts::Quotas& q = *f->facts().quotas;
    if (q.invocations_today && q.invocation_quota && *q.invocations_today >= *q.invocation_quota) {
      ctx.Report(Code::kInvocationExceedQuota, "RegionId", std::nullopt,
                 "today's invocations reached the quota of " + std::to_string(*q.invocation_quota));
    }
  };
}

SharedRule InstanceFacts(InstanceFactsOptions options) {
  return [options](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr) return;
    const std::optional<std::string_view> type = CommandType(in);
    const bool container = Given(in.r.container_id) || Given(in.r.container_name);
    const AgentRequirement agent = options.agent ? AgentFor(in) : AgentRequirement();
    const facts::Invocation* task = options.in_task || options.task_total ? Task(in) : nullptr;
    absl::flat_hash_set<std::string_view> task_instances;
    if (task != nullptr && task->instances) {
      task_instances.insert(task->instances->begin(), task->instances->end());
    }
    const bool check_rg = Given(in.r.resource_group_id) && f->KnowsResourceGroups() &&
                          f->FindResourceGroup(*in.r.resource_group_id) != nullptr &&
                          Has(ctx.action(), Code::kInvalidResourceGroupNotFound);
    for (const ListEntry& e : in.r.instance_ids) {
      if (e.value.empty()) continue;
      const std::string field = "InstanceId." + std::to_string(e.index);
      const core::Span span{0, e.value.size()};
      InstanceReadiness ready;
      ready.id = std::string(e.value);
      ready.field = field;
      auto refuse = [&](Code code, std::string why) {
        ready.can_run = false;
        ready.reasons.push_back(why);
        ctx.Report(code, field, span, std::move(why));
      };
      if (options.in_task) {
        if (task != nullptr && task->instances && !task_instances.count(e.value)) {
          refuse(options.not_found, "instance " + core::QuoteUserText(e.value) +
                                        " is not one of the task's");
        }
        in.verdict.instances.push_back(std::move(ready));
        continue;
      }
      const facts::Instance* instance =
          f->KnowsInstances() ? f->FindInstance(e.value, Region(in)) : nullptr;
      if (f->KnowsInstances() && instance == nullptr) {
        refuse(options.not_found, core::Concat({"no instance ", core::QuoteUserText(e.value),
                                                " in region ", Region(in)}));
        in.verdict.instances.push_back(std::move(ready));
        continue;
      }
      if (instance != nullptr) {
        if (instance->status && *instance->status != "Running") {
          ready.can_run = false;
          ready.reasons.push_back("it is " + *instance->status + ", not Running");
        }
        if (instance->agent_online && !*instance->agent_online) {
          ready.can_run = false;
          ready.reasons.push_back("its Cloud Assistant agent is offline");
        }
        if (options.not_match && instance->os && type) {
          const bool windows = *instance->os == facts::Os::kWindows;
          if (windows != IsWindowsType(*type)) {
            refuse(*options.not_match, core::Concat({"a ", OsName(*instance->os), " instance cannot run ",
                                                     *type}));
          } else if (windows && container) {
            refuse(*options.not_match, "containers run on Linux instances only");
          }
        }
        if (options.agent && instance->os && instance->agent_version) {
          if (const AgentReason* unmet =
                  FirstUnmet(agent, *instance->os, *instance->agent_version)) {
            const std::string_view need = *instance->os == facts::Os::kLinux
                                              ? unmet->linux_version
                                              : unmet->windows_version;
            refuse(Code::kClientNeedUpgrade,
                   core::Concat({"instance ", instance->id, " has agent ", *instance->agent_version,
                                 " (", OsName(*instance->os), "); ", unmet->feature, " needs ",
                                 need}));
          }
        }
        if (check_rg && instance->resource_group &&
            *instance->resource_group != *in.r.resource_group_id) {
          refuse(Code::kInvalidResourceGroupNotFound,
                 core::Concat({"instance ", instance->id, " is in resource group ",
                               *instance->resource_group, ", not ", *in.r.resource_group_id}));
        }
      }
      in.verdict.instances.push_back(std::move(ready));
    }
    if (options.task_total && task != nullptr && task->instances) {
      absl::flat_hash_set<std::string_view> all = task_instances;
      for (const ListEntry& e : in.r.instance_ids) {
        if (!e.value.empty()) all.insert(e.value);
      }
      const size_t max = static_cast<size_t>(std::max(0, ctx.limits().max_task_instances));
      if (!in.r.instance_ids.empty() && all.size() > max &&
          // The request alone over the limit is group A's already.
          in.r.instance_ids.size() <= max) {
        ctx.Report(Code::kInstanceIdsExceedLimit, "InstanceId", std::nullopt,
                   std::to_string(all.size()) + " instances in the task after adding; the limit is " +
                       std::to_string(max),
                   std::to_string(max));
      }
    }
  };
}

SharedRule ResourceTagFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsInstances() || in.r.resource_tags.empty()) return;
    size_t matched = 0;
    for (const facts::Instance& i : *f->facts().instances) {
      if (i.region != Region(in)) continue;
      if (!i.tags) return;  // an instance whose tags are unknown might match
      bool all = true;
      for (const TagEntry& want : in.r.resource_tags) {
        bool found = false;
        for (const facts::Tag& t : *i.tags) {
          found = found || (want.key && t.key == *want.key &&
                            (!want.value || want.value->empty() || t.value == *want.value));
        }
        all = all && found;
      }
      matched += all ? 1 : 0;
    }
    if (matched == 0) {
      ctx.Report(Code::kInvalidResourceTagInstanceNotFound, "ResourceTag", std::nullopt,
                 core::Concat({"no instance in region ", Region(in), " has every ResourceTag"}));
    }
  };
}

SharedRule CommandFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsCommands() || !Given(in.r.command_id)) return;
    if (StoredCommand(in) == nullptr) {
      ctx.Report(Code::kInvalidCmdIdNotFound, "CommandId", core::Span{0, in.r.command_id->size()},
                 core::Concat({"no command ", core::QuoteUserText(*in.r.command_id), " in region ",
                               Region(in)}));
    }
  };
}

SharedRule StoredCommandContentFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::Command* c = StoredCommand(in);
    if (c == nullptr || !c->enable_parameter.value_or(false)) return;
    std::string decoded;
    const std::optional<params::TemplateScan> scan = ScanStored(*c, ctx.limits(), &decoded);
    if (!scan) return;
    for (const core::Violation& v : scan->findings.violations) {
      if (v.code == Code::kParameterStoreInvalidParameters) {
        ctx.Report(v.code, "CommandId", std::nullopt, "the command's content: " + v.detail);
      }
    }
  };
}

SharedRule StoredCommandParameterFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::Command* c = StoredCommand(in);
    if (c == nullptr) return;
    std::string decoded;
    std::optional<params::TemplateScan> scan;
    if (c->enable_parameter.value_or(false)) scan = ScanStored(*c, ctx.limits(), &decoded);
    const bool given = Given(in.r.parameters);
    if (given && c->enable_parameter && !*c->enable_parameter) {
      ctx.Report(Code::kParameterDisabled, "Parameters", std::nullopt,
                 core::Concat({"command ", c->id, " was created with EnableParameter=false"}));
      return;
    }
    if (!scan) return;
    // The request's keys against the command's names: NotMatched per key,
    // MissingValue per name no key gives (SPEC 11).
    const params::ParametersCheck p =
        given ? params::CheckParameters(*in.r.parameters, ctx.limits(), &*scan)
              : params::ParametersCheck();
    for (const core::Violation& v : p.findings.violations) {
      if (v.code == Code::kParameterNotMatched) {
        ctx.Report(v.code, v.field, v.span, core::Concat({"command ", c->id, " has no such parameter"}));
      }
    }
    for (const core::Warning& w : given ? p.findings.warnings
                                        : params::MissingValueWarnings(*scan, {})) {
      if (w.id != "parameters.missing-value") continue;
      ctx.Report(Code::kParameterMissingValue, "Parameters", std::nullopt,
                 core::Concat({"command ", c->id, ": ", w.detail}));
    }
    // The content after Base64 plus the Parameters text (a text alone over
    // the limit is group A's already).
    if (c->content && given) {
      const bool base64 =
          !c->content_encoding || !core::EqualsIgnoreCase(*c->content_encoding, "PlainText");
      const int64_t content = base64 ? static_cast<int64_t>(c->content->size())
                                     : params::Base64Length(static_cast<int64_t>(c->content->size()));
      const int64_t text = static_cast<int64_t>(in.r.parameters->size());
      const int64_t max = in.x.content_limit;
      if (text <= max && content + text > max) {
        ctx.Report(Code::kCmdContentExceedLimit, "Parameters", std::nullopt,
                   "the command's content (" + std::to_string(content) +
                       " bytes in Base64) and the Parameters text (" + std::to_string(text) +
                       ") are over " + std::to_string(max),
                   std::to_string(max / 1024));
      }
    }
  };
}

SharedRule StoredCommandTypeFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::Command* c = StoredCommand(in);
    if (c == nullptr || !c->type) return;
    const Request& r = in.r;
    const bool windows = IsWindowsType(*c->type);
    if (windows && Given(r.username) && !core::EqualsIgnoreCase(*r.username, "System") &&
        !Given(r.windows_password_name)) {
      ctx.Report(Code::kWindowsPasswordNameMissed, "WindowsPasswordName", std::nullopt,
                 core::Concat({"command ", c->id, " is ", *c->type, " and runs as ",
                               core::QuoteUserText(*r.username)}));
    }
    const bool cid = Given(r.container_id), cname = Given(r.container_name);
    if (windows && (cid || cname)) {
      ctx.Report(Code::kInvalidInstanceNotMatch, cid ? "ContainerId" : "ContainerName",
                 std::nullopt,
                 core::Concat({"containers run RunShellScript only; command ", c->id, " is ",
                               *c->type}));
    }
  };
}

SharedRule CommandNameFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::Command* c = StoredCommand(in);
    if (c != nullptr && Given(in.r.name) && c->name_readonly.value_or(false)) {
      ctx.Report(Code::kCmdNameReadonly, "Name", std::nullopt,
                 core::Concat({"command ", c->id, " is published; its name is read-only"}));
    }
  };
}

SharedRule InvocationFacts(bool modify) {
  return [modify](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsInvocations() || !Given(in.r.invoke_id)) return;
    const std::string_view id = *in.r.invoke_id;
    const core::Span span{0, id.size()};
    const facts::Invocation* task = Task(in);
    if (task == nullptr) {
      ctx.Report(Code::kInvalidInvokeIdNotFound, "InvokeId", span,
                 core::Concat({"no task ", core::QuoteUserText(id), " in region ", Region(in)}));
      return;
    }
    if (!modify) return;
    static constexpr std::string_view kModes[] = {"Period", "NextRebootOnly", "EveryReboot"};
    if (task->repeat_mode &&
        std::find(std::begin(kModes), std::end(kModes), *task->repeat_mode) == std::end(kModes)) {
      ctx.Report(Code::kInvalidOperationRepeatModeUnsupported, "InvokeId", span,
                 "the task's RepeatMode is " + *task->repeat_mode +
                     "; only Period, NextRebootOnly and EveryReboot tasks change");
    }
    static constexpr std::string_view kLive[] = {"Pending", "Running", "Scheduled", "Stopping"};
    if (task->status &&
        std::find(std::begin(kLive), std::end(kLive), *task->status) == std::end(kLive)) {
      ctx.Report(Code::kInvalidOperationInvokeAlreadyFinished, "InvokeId", span,
                 "the task is " + *task->status);
    }
    if (f->KnowsCommands() && task->command_id && TaskCommand(in) == nullptr) {
      ctx.Report(Code::kInvalidCommandIdNotFound, "InvokeId", span,
                 "the task's command " + *task->command_id + " does not exist");
    }
    // Changing the content, the parameters or the frequency needs a new
    // enough agent on every instance of the task.
    const Request& r = in.r;
    if (!(Given(r.command_content) || Given(r.parameters) || Given(r.frequency)) ||
        !task->instances || !f->KnowsInstances()) {
      return;
    }
    const AgentRequirement agent = AgentFor(in);
    for (const std::string& instance_id : *task->instances) {
      const facts::Instance* i = f->FindInstance(instance_id, Region(in));
      if (i == nullptr || !i->os || !i->agent_version) continue;
      if (const AgentReason* unmet = FirstUnmet(agent, *i->os, *i->agent_version)) {
        ctx.Report(Code::kInvalidOperationCloudAssistantVersionUnsupported, "InvokeId", span,
                   core::Concat({"instance ", i->id, " of the task has agent ", *i->agent_version,
                                 " (", OsName(*i->os), "); ", unmet->feature, " needs ",
                                 *i->os == facts::Os::kLinux ? unmet->linux_version
                                                             : unmet->windows_version}));
      }
    }
  };
}

SharedRule TaskContentFacts() {
  return [](const In& in, RuleContext& ctx) {
    if (!Given(in.r.command_content)) return;
    const facts::Command* c = TaskCommand(in);
    if (c != nullptr && c->is_public.value_or(false)) {
      ctx.Report(Code::kInvalidOperationModifyPublicCommandUnsupported, "CommandContent",
                 std::nullopt, core::Concat({"command ", c->id, " is a public command"}));
    }
    const facts::Invocation* task = Task(in);
    const facts::IndexedFacts* f = FactsOf(in);
    if (task != nullptr && task->keep_command.value_or(false) && f->facts().quotas) {
      const facts::Quotas& q = *f->facts().quotas;
      if (q.commands && q.command_quota && *q.commands >= *q.command_quota) {
        ctx.Report(Code::kCommandLimitExceeded, "CommandContent", std::nullopt,
                   "the new content is a new kept command, and the region keeps " +
                       std::to_string(*q.commands) + " of " + std::to_string(*q.command_quota),
                   std::to_string(*q.command_quota));
      }
    }
  };
}

SharedRule TaskParameterFacts() {
  return [](const In& in, RuleContext& ctx) {
    if (!Given(in.r.parameters) || Given(in.r.command_content) || !in.x.enable) return;
    const facts::Command* c = TaskCommand(in);
    if (c == nullptr) return;
    std::string decoded;
    const std::optional<params::TemplateScan> scan = ScanStored(*c, ctx.limits(), &decoded);
    if (!scan) return;
    const params::ParametersCheck p = params::CheckParameters(*in.r.parameters, ctx.limits(), &*scan);
    for (const core::Violation& v : p.findings.violations) {
      if (v.code == Code::kParameterNotMatched) {  // renamed to KeyNotMatch
        ctx.Report(v.code, v.field, v.span, core::Concat({"the task's command ", c->id,
                                                          " has no such parameter"}));
      }
    }
  };
}

SharedRule BucketFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    const auto& v = in.r.oss_output_delivery;
    if (f == nullptr || !f->KnowsBuckets() || !Given(v)) return;
    constexpr std::string_view kScheme = "oss://";
    if (v->substr(0, kScheme.size()) != kScheme) return;  // group A's
    const std::string_view rest = v->substr(kScheme.size());
    const std::string_view name = rest.substr(0, rest.find('/'));
    const core::Span span{kScheme.size(), name.size()};
    const facts::Bucket* b = f->FindBucket(name);
    if (b == nullptr) {
      ctx.Report(Code::kInvalidOssOutputDeliveryBucketNotFound, "OssOutputDelivery", span,
                 "no bucket " + core::QuoteUserText(name));
    } else if (b->region != Region(in)) {
      ctx.Report(Code::kInvalidOssOutputDeliveryBucketInOtherRegion, "OssOutputDelivery", span,
                 core::Concat({"bucket ", b->name, " is in ", b->region}));
    } else if (b->writable && !*b->writable) {
      ctx.Report(Code::kInvalidOssOutputDeliveryBucketAccessDenied, "OssOutputDelivery", span,
                 core::Concat({"the caller may not write to bucket ", b->name}));
    }
  };
}

SharedRule IdempotencyFacts() {
  return [](const In& in, RuleContext& ctx) {
    const facts::IndexedFacts* f = FactsOf(in);
    if (f == nullptr || !f->KnowsClientTokens() || !Given(in.r.client_token)) return;
    const facts::ClientToken* used = f->FindClientToken(*in.r.client_token);
    if (used == nullptr) return;
    const core::Span span{0, in.r.client_token->size()};
    if (used->processing) {
      ctx.Report(Code::kIdempotentProcessing, "ClientToken", span,
                 "the request first sent with this token is still processing");
    } else if (used->digest != RequestDigest(in.r)) {
      ctx.Report(Code::kIdempotentParameterMismatch, "ClientToken", span,
                 "this token came with another request (digest " + used->digest + ", now " +
                     RequestDigest(in.r) + ")");
    }
  };
}

}  // namespace internal
}  // namespace rules
}  // namespace runcheck
