// The group-B conformance suite (SPEC 12): for every group-B code of every
// action's catalog, a case whose facts earn it (with the field it names) and
// the same request against facts that do not; group B after group A, in the
// action's parameter order, instance by instance; unknown facts never give a
// violation (removing any fact never adds one); and the meta-test that no
// group-B code of any action is without a case.

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/action.h"
#include "absl/strings/escaping.h"
#include "core/catalog.h"
#include "facts/facts.h"
#include "facts/indexed_facts.h"
#include "gtest/gtest.h"
#include "rules/request_decode.h"
#include "rules/request_digest.h"
#include "rules/validate.h"
#include "tests/conformance_util.h"

namespace runcheck {
namespace conformance {
namespace {

using core::Action;
using core::Code;

facts::Instance Instance(std::string id, facts::Os os, std::string agent) {
  facts::Instance i;
  i.id = std::move(id);
  i.region = "cn-hangzhou";
  i.os = os;
  i.status = "Running";
  i.agent_version = std::move(agent);
  i.agent_online = true;
  i.tags = std::vector<facts::Tag>{{"team", "ops"}};
  i.resource_group = "rg-1";
  return i;
}

facts::Command Command(std::string id, std::string type, std::string content, bool enable) {
  facts::Command c;
  c.id = std::move(id);
  c.region = "cn-hangzhou";
  c.name = c.id;
  c.type = std::move(type);
  c.content = absl::Base64Escape(content);
  c.enable_parameter = enable;
  c.is_public = false;
  c.name_readonly = false;
  c.timeout = 60;
  return c;
}

facts::Invocation Task(std::string id, std::string command, std::string mode, std::string status) {
  facts::Invocation t;
  t.id = std::move(id);
  t.region = "cn-hangzhou";
  t.command_id = std::move(command);
  t.repeat_mode = std::move(mode);
  t.status = std::move(status);
  t.keep_command = true;
  t.timeout = 60;
  t.instances = std::vector<std::string>{"i-a"};
  return t;
}

// Facts under which every base request below is valid.
facts::Facts GoodFacts() {
  facts::Facts f;
  f.regions.emplace();
  f.regions->push_back({"cn-hangzhou", std::nullopt});
  f.regions->push_back({"cn-beijing", std::vector<std::string>{"CreateCommand"}});
  f.instances = std::vector<facts::Instance>{
      Instance("i-a", facts::Os::kLinux, "2.2.3.541"),
      Instance("i-w", facts::Os::kWindows, "2.1.3.541"),
      Instance("i-old", facts::Os::kLinux, "2.2.3.100"),
  };
  f.resource_groups = std::vector<facts::ResourceGroup>{{"rg-1", "OK"}, {"rg-new", "Creating"}};
  f.quotas = facts::Quotas{1, 500, 1, 10000};
  facts::Command pub = Command("c-pub", "RunShellScript", "echo", false);
  pub.is_public = true;
  pub.name_readonly = true;
  f.commands = std::vector<facts::Command>{
      Command("c-1", "RunShellScript", "echo {{name}}", true),
      Command("c-off", "RunShellScript", "echo", false),
      Command("c-win", "RunPowerShellScript", "echo", false),
      Command("c-store", "RunShellScript", "echo {{oos:a b}}", true),
      pub,
  };
  f.invocations = std::vector<facts::Invocation>{
      Task("t-1", "c-1", "Period", "Running"), Task("t-once", "c-1", "Once", "Running"),
      Task("t-done", "c-1", "Period", "Finished"), Task("t-pub", "c-pub", "Period", "Scheduled"),
      Task("t-gone", "c-none", "Period", "Scheduled")};
  f.buckets = std::vector<facts::Bucket>{{"b-hz", "cn-hangzhou", true},
                                         {"b-bj", "cn-beijing", true},
                                         {"b-ro", "cn-hangzhou", false}};
  f.client_tokens = std::vector<facts::ClientToken>{{"tok-busy", "x", true}, {"tok-done", "x", false}};
  return f;
}

using Mutator = std::function<void(facts::Facts&)>;

struct FactsCase {
  std::string name;
  Pairs pairs;                 // over the action's base request
  Mutator mutate;              // applied to GoodFacts(); may be empty
  std::vector<Expect> expected;  // every violation, in order
};

struct FactsSuite {
  Action action;
  Pairs base;
  std::vector<FactsCase> cases;
};

facts::Instance& InstanceNamed(facts::Facts& f, const std::string& id) {
  for (facts::Instance& i : *f.instances) {
    if (i.id == id) return i;
  }
  return f.instances->front();
}

std::vector<FactsSuite> Suites() {
  const Mutator none;
  const Mutator region_offers_nothing = [](facts::Facts& f) {
    (*f.regions)[0].actions = std::vector<std::string>{};
  };
  const Mutator commands_full = [](facts::Facts& f) { f.quotas->commands = 500; };
  const Mutator invocations_full = [](facts::Facts& f) { f.quotas->invocations_today = 10000; };
  const Pairs run = {{"RegionId", "cn-hangzhou"},
                     {"Type", "RunShellScript"},
                     {"CommandContent", "echo"},
                     {"InstanceId.1", "i-a"}};
  return {
      {Action::kRunCommand,
       run,
       {
           {"good", {}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"invocation quota", {}, invocations_full, {{Code::kInvocationExceedQuota, "RegionId", -1}}},
           {"resource group unknown", {{"ResourceGroupId", "rg-x"}}, none,
            {{Code::kInvalidResourceGroupNotFound, "ResourceGroupId", 0}}},
           {"resource group being created", {{"ResourceGroupId", "rg-new"}}, none,
            {{Code::kInvalidStatusResourceGroup, "ResourceGroupId", 0},
             {Code::kInvalidResourceGroupNotFound, "InstanceId.1", 0}}},
           {"command quota with KeepCommand", {{"KeepCommand", "true"}}, commands_full,
            {{Code::kCmdCountExceedQuota, "KeepCommand", -1}}},
           {"command quota without KeepCommand", {}, commands_full, {}},
           {"instance unknown", {{"InstanceId.2", "i-zz"}}, none,
            {{Code::kInvalidInstanceNotFound, "InstanceId.2", 0}}},
           {"Windows instance, shell script", {{"InstanceId.1", "i-w"}}, none,
            {{Code::kInvalidInstanceNotMatch, "InstanceId.1", 0}}},
           {"Windows instance, PowerShell", {{"InstanceId.1", "i-w"}, {"Type", "RunPowerShellScript"}},
            none, {}},
           {"agent too old for rate", {{"InstanceId.1", "i-old"}, {"Frequency", "rate(5m)"}}, none,
            {{Code::kClientNeedUpgrade, "InstanceId.1", 0}}},
           {"old agent, plain cron", {{"InstanceId.1", "i-old"}, {"Frequency", "0 0 12 * * ?"}}, none, {}},
           {"instance by instance",
            {{"InstanceId.1", "i-zz"}, {"InstanceId.2", "i-w"}, {"InstanceId.3", "i-old"},
             {"Frequency", "rate(5m)"}},
            none,
            {{Code::kInvalidInstanceNotFound, "InstanceId.1", 0},
             {Code::kInvalidInstanceNotMatch, "InstanceId.2", 0},
             {Code::kClientNeedUpgrade, "InstanceId.3", 0}}},
           {"token in use", {{"ClientToken", "tok-busy"}}, none,
            {{Code::kIdempotentProcessing, "ClientToken", 0}}},
           {"token with another request", {{"ClientToken", "tok-done"}}, none,
            {{Code::kIdempotentParameterMismatch, "ClientToken", 0}}},
           {"bucket unknown", {{"OssOutputDelivery", "oss://b-none/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketNotFound, "OssOutputDelivery", 6}}},
           {"bucket elsewhere", {{"OssOutputDelivery", "oss://b-bj/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketInOtherRegion, "OssOutputDelivery", 6}}},
           {"bucket read-only", {{"OssOutputDelivery", "oss://b-ro/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketAccessDenied, "OssOutputDelivery", 6}}},
           {"bucket", {{"OssOutputDelivery", "oss://b-hz/p"}}, none, {}},
           {"resource tags match", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "team"}}, none, {}},
           {"resource tags match nothing",
            {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "team"}, {"ResourceTag.1.Value", "dev"}},
            none, {{Code::kInvalidResourceTagInstanceNotFound, "ResourceTag", -1}}},
           // Group B after group A, whatever the parameters' order.
           {"after group A", {{"InstanceId.1", "i-zz"}, {"Launcher", std::string(1025, 'x')}}, none,
            {{Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024},
             {Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
       }},
      {Action::kCreateCommand,
       {{"RegionId", "cn-hangzhou"}, {"Name", "n"}, {"Type", "RunShellScript"}, {"CommandContent", "ZWNobw=="}},
       {
           {"good", {}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"offered in Beijing", {{"RegionId", "cn-beijing"}}, none, {}},
           {"command quota", {}, commands_full, {{Code::kCmdCountExceedQuota, "RegionId", -1}}},
           {"resource group unknown", {{"ResourceGroupId", "rg-x"}}, none,
            {{Code::kInvalidResourceGroupNotFound, "ResourceGroupId", 0}}},
           {"resource group being created", {{"ResourceGroupId", "rg-new"}}, none,
            {{Code::kInvalidStatusResourceGroup, "ResourceGroupId", 0}}},
       }},
      {Action::kInvokeCommand,
       {{"RegionId", "cn-hangzhou"}, {"CommandId", "c-1"}, {"InstanceId.1", "i-a"},
        {"Parameters", "{\"name\": \"x\"}"}},
       {
           {"good", {}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidCmdIdNotFound, "CommandId", 0},
             {Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"invocation quota", {}, invocations_full, {{Code::kInvocationExceedQuota, "RegionId", -1}}},
           {"command unknown", {{"CommandId", "c-zz"}}, none, {{Code::kInvalidCmdIdNotFound, "CommandId", 0}}},
           {"a public command by name", {{"CommandId", "c-pub"}, {"Parameters", kUnset}}, none, {}},
           {"instance unknown", {{"InstanceId.1", "i-zz"}}, none,
            {{Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
           {"Windows instance, shell command", {{"InstanceId.1", "i-w"}}, none,
            {{Code::kInvalidInstanceNotMatch, "InstanceId.1", 0}}},
           {"agent too old", {{"InstanceId.1", "i-old"}, {"Frequency", "rate(5m)"}}, none,
            {{Code::kClientNeedUpgrade, "InstanceId.1", 0}}},
           {"resource group unknown", {{"ResourceGroupId", "rg-x"}}, none,
            {{Code::kInvalidResourceGroupNotFound, "ResourceGroupId", 0}}},
           {"store reference", {{"CommandId", "c-store"}, {"Parameters", kUnset}}, none,
            {{Code::kParameterStoreInvalidParameters, "CommandId", -1}}},
           // Group B in the table's order: CommandId, InstanceId, Parameters,
           // ClientToken, OssOutputDelivery.
           {"order",
            {{"OssOutputDelivery", "oss://b-none/p"}, {"ClientToken", "tok-busy"},
             {"CommandId", "c-store"}, {"InstanceId.1", "i-zz"}},
            none,
            {{Code::kParameterStoreInvalidParameters, "CommandId", -1},
             {Code::kInvalidInstanceNotFound, "InstanceId.1", 0},
             {Code::kParameterNotMatched, "Parameters.name", 1},
             {Code::kIdempotentProcessing, "ClientToken", 0},
             {Code::kInvalidOssOutputDeliveryBucketNotFound, "OssOutputDelivery", 6}}},
           {"parameters disabled", {{"CommandId", "c-off"}}, none,
            {{Code::kParameterDisabled, "Parameters", -1}}},
           {"parameter not defined", {{"Parameters", "{\"name\": \"x\", \"zz\": \"1\"}"}}, none,
            {{Code::kParameterNotMatched, "Parameters.zz", 14}}},
           {"parameter missing", {{"Parameters", kUnset}}, none,
            {{Code::kParameterMissingValue, "Parameters", -1}}},
           {"content and parameters over 18 KiB", {},
            [](facts::Facts& f) { (*f.commands)[0].content = absl::Base64Escape(std::string(13807, 'x') + "{{name}}"); },
            {{Code::kCmdContentExceedLimit, "Parameters", -1}}},
           {"Windows command needs a password name",
            {{"CommandId", "c-win"}, {"Parameters", kUnset}, {"InstanceId.1", "i-w"}, {"Username", "admin"}},
            none, {{Code::kWindowsPasswordNameMissed, "WindowsPasswordName", -1}}},
           {"container with a Windows command",
            {{"CommandId", "c-win"}, {"Parameters", kUnset}, {"InstanceId.1", "i-w"},
             {"ContainerName", "web"}},
            none,
            {{Code::kInvalidInstanceNotMatch, "InstanceId.1", 0},
             {Code::kInvalidInstanceNotMatch, "ContainerName", -1}}},
           {"token in use", {{"ClientToken", "tok-busy"}}, none,
            {{Code::kIdempotentProcessing, "ClientToken", 0}}},
           {"token with another request", {{"ClientToken", "tok-done"}}, none,
            {{Code::kIdempotentParameterMismatch, "ClientToken", 0}}},
           {"resource tags match nothing",
            {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "owner"}}, none,
            {{Code::kInvalidResourceTagInstanceNotFound, "ResourceTag", -1}}},
           {"bucket unknown", {{"OssOutputDelivery", "oss://b-none/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketNotFound, "OssOutputDelivery", 6}}},
           {"bucket elsewhere", {{"OssOutputDelivery", "oss://b-bj/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketInOtherRegion, "OssOutputDelivery", 6}}},
           {"bucket read-only", {{"OssOutputDelivery", "oss://b-ro/p"}}, none,
            {{Code::kInvalidOssOutputDeliveryBucketAccessDenied, "OssOutputDelivery", 6}}},
           // The stored command's Timeout decides the Frequency rule.
           {"rate not longer than the command's Timeout", {{"Frequency", "rate(60s)"}}, none,
            {{Code::kInvalidParamFrequency, "Frequency", 5}}},
       }},
      {Action::kModifyCommand,
       {{"RegionId", "cn-hangzhou"}, {"CommandId", "c-1"}},
       {
           {"good", {{"Name", "renamed"}}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidCmdIdNotFound, "CommandId", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"command unknown", {{"CommandId", "c-zz"}}, none, {{Code::kInvalidCmdIdNotFound, "CommandId", 0}}},
           {"published name", {{"CommandId", "c-pub"}, {"Name", "renamed"}}, none,
            {{Code::kCmdNameReadonly, "Name", -1}}},
           {"published, name kept", {{"CommandId", "c-pub"}, {"Description", "d"}}, none, {}},
       }},
      {Action::kSendFile,
       {{"RegionId", "cn-hangzhou"}, {"Name", "a"}, {"TargetDir", "/tmp"}, {"Content", "x"},
        {"InstanceId.1", "i-a"}},
       {
           {"good", {}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"resource group unknown", {{"ResourceGroupId", "rg-x"}}, none,
            {{Code::kInvalidResourceGroupNotFound, "ResourceGroupId", 0}}},
           {"instance unknown", {{"InstanceId.1", "i-zz"}}, none,
            {{Code::kInvalidInstanceNotFound, "InstanceId.1", 0}}},
           {"agent too old for SendFile", {},
            [](facts::Facts& f) { InstanceNamed(f, "i-a").agent_version = "1.0.2.100"; },
            {{Code::kClientNeedUpgrade, "InstanceId.1", 0}}},
           {"agent exactly new enough", {},
            [](facts::Facts& f) { InstanceNamed(f, "i-a").agent_version = "1.0.2.569"; }, {}},
       }},
      {Action::kModifyInvocationAttribute,
       {{"RegionId", "cn-hangzhou"}, {"InvokeId", "t-1"}},
       {
           {"good", {{"Frequency", "0 0 12 * * ?"}}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidInvokeIdNotFound, "InvokeId", 0}}},
           {"task unknown", {{"InvokeId", "t-zz"}}, none, {{Code::kInvalidInvokeIdNotFound, "InvokeId", 0}}},
           {"task runs once", {{"InvokeId", "t-once"}}, none,
            {{Code::kInvalidOperationRepeatModeUnsupported, "InvokeId", 0}}},
           {"task finished", {{"InvokeId", "t-done"}}, none,
            {{Code::kInvalidOperationInvokeAlreadyFinished, "InvokeId", 0}}},
           {"task's command gone", {{"InvokeId", "t-gone"}}, none,
            {{Code::kInvalidCommandIdNotFound, "InvokeId", 0}}},
           {"task's agent too old to change", {{"Frequency", "0 0 12 * * ?"}},
            [](facts::Facts& f) { InstanceNamed(f, "i-a").agent_version = "2.2.3.540"; },
            {{Code::kInvalidOperationCloudAssistantVersionUnsupported, "InvokeId", 0}}},
           {"adding an instance needs no new agent", {{"InstanceId.1", "i-old"}}, none, {}},
           {"added instance unknown", {{"InstanceId.1", "i-zz"}}, none,
            {{Code::kInvalidInstanceIdNotFound, "InstanceId.1", 0}}},
           {"added instance of another OS", {{"InstanceId.1", "i-w"}}, none,
            {{Code::kInvalidInstanceIdOSTypeUnsupported, "InstanceId.1", 0}}},
           {"task over 100 instances", {{"InstanceId.1", "i-old"}},
            [](facts::Facts& f) {
              auto& ids = *(*f.invocations)[0].instances;
              for (int i = 0; i < 100; ++i) ids.push_back("i-" + std::to_string(i));
            },
            {{Code::kInvalidInstanceIdCountLimitExceeded, "InstanceId", -1}}},
           {"public command's content", {{"InvokeId", "t-pub"}, {"CommandContent", "echo"}}, none,
            {{Code::kInvalidOperationModifyPublicCommandUnsupported, "CommandContent", -1}}},
           {"new kept command over the quota", {{"CommandContent", "echo"}}, commands_full,
            {{Code::kCommandLimitExceeded, "CommandContent", -1}}},
           {"key not in the task's command",
            {{"EnableParameter", "true"}, {"Parameters", "{\"zz\": \"1\"}"}}, none,
            {{Code::kInvalidParametersKeyNotMatch, "Parameters.zz", 1}}},
           {"key of the task's command", {{"EnableParameter", "true"}, {"Parameters", "{\"name\": \"1\"}"}},
            none, {}},
           // A task that did not keep its command takes 24 KiB.
           {"20 KiB content, command kept", {{"CommandContent", std::string(15000, 'x')}}, none,
            {{Code::kInvalidCommandContentLengthLimitExceeded, "CommandContent", -1}}},
           {"20 KiB content, command not kept", {{"CommandContent", std::string(15000, 'x')}},
            [](facts::Facts& f) { (*f.invocations)[0].keep_command = false; }, {}},
           {"rate against the task's Timeout", {{"Frequency", "rate(60s)"}}, none,
            {{Code::kInvalidParameterFrequency, "Frequency", 5}}},
       }},
      {Action::kStopInvocation,
       {{"RegionId", "cn-hangzhou"}, {"InvokeId", "t-1"}},
       {
           {"good", {{"InstanceId.1", "i-a"}}, none, {}},
           {"region unknown", {{"RegionId", "cn-nowhere"}}, none,
            {{Code::kInvalidRegionIdNotFound, "RegionId", 0},
             {Code::kInvalidInvokeIdNotFound, "InvokeId", 0}}},
           {"action not offered", {}, region_offers_nothing,
            {{Code::kRegionIdApiNotSupported, "RegionId", 0}}},
           {"task unknown", {{"InvokeId", "t-zz"}}, none, {{Code::kInvalidInvokeIdNotFound, "InvokeId", 0}}},
           {"instance not in the task", {{"InstanceId.1", "i-w"}}, none,
            {{Code::kInvalidInstanceIdNotFound, "InstanceId.1", 0}}},
       }},
  };
}

rules::Verdict ValidateWith(Action action, const Pairs& pairs, const facts::Facts* f, bool fail_fast = false) {
  const rules::DecodedRequest d = rules::DecodeRequest(QueryForm(pairs, action));
  EXPECT_FALSE(d.envelope_error.has_value()) << d.envelope_error->detail;
  rules::ValidateOptions o = Options();
  o.fail_fast = fail_fast;
  std::optional<facts::IndexedFacts> indexed;
  if (f != nullptr) {
    indexed.emplace(*f);
    o.facts = &*indexed;
  }
  return rules::Validate(d.request, o);
}

facts::Facts FactsOf(const FactsCase& c) {
  facts::Facts f = GoodFacts();
  if (c.mutate) c.mutate(f);
  return f;
}

TEST(FactsConformanceTest, EveryCase) {
  for (const FactsSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    for (const FactsCase& c : suite.cases) {
      SCOPED_TRACE(c.name);
      const Pairs pairs = ApplyOver(suite.base, c.pairs);
      const facts::Facts f = FactsOf(c);
      ExpectViolations(ValidateWith(suite.action, pairs, &f).findings.violations, c.expected);
      // Without facts, none of the group-B violations.
      const rules::Verdict bare = ValidateWith(suite.action, pairs, nullptr);
      for (const core::Violation& v : bare.findings.violations) {
        EXPECT_EQ(core::DescribeFor(suite.action, v.code).group, core::CodeGroup::kRequest)
            << v.info().name;
      }
      // Fail-fast still gives the first answer.
      const rules::Verdict first = ValidateWith(suite.action, pairs, &f, /*fail_fast=*/true);
      ASSERT_EQ(first.findings.violations.size(), c.expected.empty() ? 0u : 1u);
      if (!c.expected.empty()) EXPECT_EQ(first.findings.violations[0].code, c.expected[0].code);
    }
  }
}

TEST(FactsConformanceTest, EveryGroupBCodeOfEveryActionIsCovered) {
  for (const FactsSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    std::set<Code> seen;
    for (const FactsCase& c : suite.cases) {
      for (const Expect& e : c.expected) seen.insert(e.code);
    }
    for (const core::CodeInfo& info : core::CatalogOf(suite.action)) {
      if (info.group != core::CodeGroup::kFacts) continue;
      EXPECT_TRUE(seen.count(info.code)) << info.name << " has no facts case";
    }
  }
}

// SPEC 12: an unknown fact never gives a violation, so removing any fact
// (a whole list, or a member of every entry) can only take group-B
// violations away. (One fact relaxes a group-A limit instead: a task that
// did not keep its command takes 24 KiB of content, and SPEC 11 fixes 18 KiB
// while that is unknown; the "command not kept" case shows it.)
TEST(FactsConformanceTest, RemovingAFactNeverAddsAViolation) {
  const std::vector<std::pair<std::string, Mutator>> removals = {
      {"regions", [](facts::Facts& f) { f.regions.reset(); }},
      {"instances", [](facts::Facts& f) { f.instances.reset(); }},
      {"resource groups", [](facts::Facts& f) { f.resource_groups.reset(); }},
      {"quotas", [](facts::Facts& f) { f.quotas.reset(); }},
      {"commands", [](facts::Facts& f) { f.commands.reset(); }},
      {"invocations", [](facts::Facts& f) { f.invocations.reset(); }},
      {"buckets", [](facts::Facts& f) { f.buckets.reset(); }},
      {"client tokens", [](facts::Facts& f) { f.client_tokens.reset(); }},
      {"region actions", [](facts::Facts& f) { for (auto& r : *f.regions) r.actions.reset(); }},
      {"instance members",
       [](facts::Facts& f) {
         for (auto& i : *f.instances) {
           i.os.reset();
           i.agent_version.reset();
           i.tags.reset();
           i.resource_group.reset();
         }
       }},
      {"command members",
       [](facts::Facts& f) {
         for (auto& c : *f.commands) {
           c.type.reset();
           c.content.reset();
           c.enable_parameter.reset();
           c.is_public.reset();
           c.name_readonly.reset();
           c.timeout.reset();
         }
       }},
      {"task members",
       [](facts::Facts& f) {
         for (auto& t : *f.invocations) {
           t.command_id.reset();
           t.repeat_mode.reset();
           t.status.reset();
           t.keep_command.reset();
           t.timeout.reset();
           t.instances.reset();
         }
       }},
  };
  for (const FactsSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    for (const FactsCase& c : suite.cases) {
      SCOPED_TRACE(c.name);
      const Pairs pairs = ApplyOver(suite.base, c.pairs);
      const facts::Facts full = FactsOf(c);
      std::multiset<std::pair<Code, std::string>> before;
      for (const core::Violation& v : ValidateWith(suite.action, pairs, &full).findings.violations) {
        before.insert({v.code, v.field});
      }
      for (const auto& [name, remove] : removals) {
        SCOPED_TRACE(name);
        facts::Facts less = full;
        remove(less);
        for (const core::Violation& v : ValidateWith(suite.action, pairs, &less).findings.violations) {
          if (v.info().group != core::CodeGroup::kFacts) continue;
          EXPECT_TRUE(before.count({v.code, v.field}))
              << v.info().name << " on " << v.field << " appeared";
        }
      }
    }
  }
}

// The digest ignores parameter order and the wire form, and a token that
// came with the same request is no violation.
TEST(FactsConformanceTest, IdempotencyDigest) {
  const rules::DecodedRequest q = rules::DecodeRequest(
      "Action=RunCommand&InstanceId.3=i-a&Type=RunShellScript&RegionId=cn-hangzhou"
      "&CommandContent=echo&ClientToken=tok-done");
  const rules::DecodedRequest j = rules::DecodeRequest(
      R"({"Action": "RunCommand", "RegionId": "cn-hangzhou", "Type": "RunShellScript",
          "CommandContent": "echo", "InstanceId": ["i-a"], "ClientToken": "other"})");
  ASSERT_FALSE(q.envelope_error || j.envelope_error);
  EXPECT_EQ(rules::RequestDigest(q.request), rules::RequestDigest(j.request));
  EXPECT_EQ(rules::RequestDigest(q.request).size(), 16u);
  const rules::DecodedRequest other = rules::DecodeRequest(
      "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+2&InstanceId.1=i-a"
      "&ClientToken=tok-done");
  EXPECT_NE(rules::RequestDigest(q.request), rules::RequestDigest(other.request));
  facts::Facts f = GoodFacts();
  (*f.client_tokens)[1].digest = rules::RequestDigest(q.request);
  const facts::IndexedFacts indexed(f);
  rules::ValidateOptions o = Options();
  o.facts = &indexed;
  EXPECT_TRUE(rules::Validate(q.request, o).findings.ok());
  const rules::Verdict changed = rules::Validate(other.request, o);
  ASSERT_EQ(changed.findings.violations.size(), 1u);
  EXPECT_EQ(changed.findings.violations[0].code, Code::kIdempotentParameterMismatch);
}

// Per instance: whether it can run the request, and why not.
TEST(FactsConformanceTest, InstanceReadiness) {
  facts::Facts f = GoodFacts();
  InstanceNamed(f, "i-w").status = "Stopped";
  InstanceNamed(f, "i-w").agent_online = false;
  const rules::Verdict v =
      ValidateWith(Action::kRunCommand,
          {{"RegionId", "cn-hangzhou"}, {"Type", "RunPowerShellScript"}, {"CommandContent", "echo"},
           {"InstanceId.1", "i-w"}, {"InstanceId.2", "i-a"}, {"InstanceId.4", "i-zz"}},
          &f);
  ASSERT_EQ(v.instances.size(), 3u);
  EXPECT_EQ(v.instances[0].id, "i-w");
  EXPECT_FALSE(v.instances[0].can_run);
  EXPECT_EQ(v.instances[0].reasons.size(), 2u);  // stopped, agent offline
  EXPECT_FALSE(v.instances[1].can_run);          // Linux with PowerShell
  EXPECT_EQ(v.instances[2].field, "InstanceId.4");
  EXPECT_FALSE(v.instances[2].can_run);
  // Stopped and offline have no code of their own: only the readiness says so.
  ASSERT_EQ(v.findings.violations.size(), 2u);
  EXPECT_EQ(v.findings.violations[0].field, "InstanceId.2");
}

}  // namespace
}  // namespace conformance
}  // namespace runcheck
