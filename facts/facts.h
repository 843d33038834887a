// -----------------------------------------------------------------------------
// File: facts/facts.h
// -----------------------------------------------------------------------------
//
// What the API server knows and a request alone cannot say (SPEC 12): a
// read-only snapshot of regions, instances, resource groups, quotas,
// commands, invocations, OSS buckets and used client tokens, which the
// group-B rules (rules/facts_rules.h) decide from. The embedder fills it in
// code or decodes it from JSON (facts/facts_json.h); runcheck never fetches
// a fact.
//
// Unknown is not false: every member that is absent (an empty optional, a
// list that was not given) is *unknown*, and a rule whose fact is unknown
// does not run. A list that is given is complete for its scope: when
// `instances` is given, an instance ID it does not hold (in the request's
// region) does not exist; when it is not given, existence is not checked.
// The same holds for regions, resource groups, commands, invocations and
// buckets. Within an entry, an absent optional member is unknown too (an
// instance without `agent_version` is never ClientNeedUpgrade).
//
// Plain data: copyable, thread-compatible (read concurrently, never written
// while validating). No I/O.
//
// Example:
//
//   facts::Facts f;
//   facts::Instance i;
//   i.id = "i-a";
//   i.region = "cn-hangzhou";
//   i.os = facts::Os::kLinux;
//   i.agent_version = "2.2.3.100";
//   f.instances.emplace().push_back(i);  // the caller's instances, all of them
//   options.facts = &f;                  // rules::ValidateOptions

#ifndef RUNCHECK_FACTS_FACTS_H_
#define RUNCHECK_FACTS_FACTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace runcheck {
namespace facts {

enum class Os { kLinux, kWindows };

struct Tag {
  std::string key;
  std::string value;
};

struct Region {
  std::string id;
  // The actions the region offers ("RunCommand", ...); unknown: all.
  std::optional<std::vector<std::string>> actions;
};

struct Instance {
  std::string id;
  std::string region;
  std::optional<Os> os;
  std::optional<std::string> status;         // "Running", "Stopped", ...
  std::optional<std::string> agent_version;  // "2.2.3.541"
  std::optional<bool> agent_online;
  std::optional<std::vector<Tag>> tags;
  std::optional<std::string> resource_group;
};

struct ResourceGroup {
  std::string id;
  // "OK" (usable), "Creating", "Deleting", ...: any state but OK is
  // InvalidStatus.ResourceGroup.
  std::optional<std::string> state;
};

// Counters and quotas, per region of the request.
struct Quotas {
  std::optional<int64_t> commands;        // commands kept in the region now
  std::optional<int64_t> command_quota;   // and how many it may keep
  std::optional<int64_t> invocations_today;
  std::optional<int64_t> invocation_quota;
};

struct Command {
  std::string id;
  std::string region;
  std::optional<std::string> name;
  std::optional<std::string> type;  // RunShellScript, RunBatScript, RunPowerShellScript
  std::optional<std::string> content;
  std::optional<std::string> content_encoding;  // "Base64" (the default) or "PlainText"
  std::optional<bool> enable_parameter;
  std::optional<bool> is_public;
  std::optional<bool> name_readonly;
  std::optional<int64_t> timeout;  // seconds
};

struct Invocation {
  std::string id;
  std::string region;
  std::optional<std::string> command_id;
  std::optional<std::string> repeat_mode;  // Once, Period, NextRebootOnly, EveryReboot
  std::optional<std::string> status;       // Pending, Running, Scheduled, Stopping, Finished, ...
  std::optional<bool> keep_command;
  std::optional<int64_t> timeout;  // seconds
  std::optional<std::vector<std::string>> instances;
};

struct Bucket {
  std::string name;
  std::string region;
  std::optional<bool> writable;  // whether the caller may write to it
};

struct ClientToken {
  std::string token;
  std::string digest;  // rules/request_digest.h, of the request it came with
  bool processing = false;
};

struct Facts {
  std::optional<std::vector<Region>> regions;
  std::optional<std::vector<Instance>> instances;
  std::optional<std::vector<ResourceGroup>> resource_groups;
  std::optional<Quotas> quotas;
  std::optional<std::vector<Command>> commands;
  std::optional<std::vector<Invocation>> invocations;
  std::optional<std::vector<Bucket>> buckets;
  std::optional<std::vector<ClientToken>> client_tokens;
};

}  // namespace facts
}  // namespace runcheck

#endif  // RUNCHECK_FACTS_FACTS_H_
