// -----------------------------------------------------------------------------
// File: facts/facts_json.h
// -----------------------------------------------------------------------------
//
// The JSON form of a facts snapshot (facts/facts.h; `validate --facts
// FILE`): one object whose members are the snapshot's lists, each member of
// an entry named as in facts.h. Every member is optional except each
// entry's identity (`id`, or `name` / `token`, and `region` where the entry
// has one); an absent member is unknown.
//
//   {"regions": [{"id": "cn-hangzhou", "actions": ["RunCommand"]}],
//    "instances": [{"id": "i-a", "region": "cn-hangzhou", "os": "linux",
//                   "status": "Running", "agent_version": "2.2.3.541",
//                   "agent_online": true, "tags": [{"key": "k", "value": "v"}],
//                   "resource_group": "rg-1"}],
//    "resource_groups": [{"id": "rg-1", "state": "OK"}],
//    "quotas": {"commands": 3, "command_quota": 500, "invocations_today": 9,
//               "invocation_quota": 10000},
//    "commands": [{"id": "c-1", "region": "cn-hangzhou", "name": "n",
//                  "type": "RunShellScript", "content": "ZWNobw==",
//                  "content_encoding": "Base64", "enable_parameter": false,
//                  "is_public": false, "name_readonly": false, "timeout": 60}],
//    "invocations": [{"id": "t-1", "region": "cn-hangzhou", "command_id": "c-1",
//                     "repeat_mode": "Period", "status": "Running",
//                     "keep_command": true, "timeout": 60, "instances": ["i-a"]}],
//    "buckets": [{"name": "b", "region": "cn-hangzhou", "writable": true}],
//    "client_tokens": [{"token": "t", "digest": "0123abcd...",
//                       "processing": false}]}
//
// Strict: a member of the wrong JSON type, an unknown member (a typo would
// otherwise turn a fact into "unknown"), a repeated member, an entry without
// its identity, two entries of one list with the same identity, an `os` other than linux/windows, a negative or fractional
// count, and broken JSON are errors, with the byte offset and the path
// (`instances[2].agent_version`). `null` is "unknown", as if absent.
//
// Bounds: time and memory linear in the text. Pure, no exceptions,
// thread-safe.
//
// Example:
//
//   FactsDecode d = DecodeFacts(R"({"instances": [{"id": "i-a", "region": "r"}]})");
//   d.error;                       // nullopt
//   (*d.facts.instances)[0].id;    // "i-a"

#ifndef RUNCHECK_FACTS_FACTS_JSON_H_
#define RUNCHECK_FACTS_FACTS_JSON_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "facts/facts.h"

namespace runcheck {
namespace facts {

struct FactsError {
  size_t offset = 0;  // into the text
  std::string path;   // "instances[2].os"; empty for the whole text
  std::string detail;
};

struct FactsDecode {
  Facts facts;  // what was decoded (empty on error)
  std::optional<FactsError> error;
};

FactsDecode DecodeFacts(std::string_view json);

}  // namespace facts
}  // namespace runcheck

#endif  // RUNCHECK_FACTS_FACTS_JSON_H_
