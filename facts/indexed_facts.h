// -----------------------------------------------------------------------------
// File: facts/indexed_facts.h
// -----------------------------------------------------------------------------
//
// A facts snapshot (facts/facts.h) indexed once, for the group-B rules: every
// lookup by ID is a hash lookup, never a scan, so a request with 100
// instances against a snapshot of 100,000 costs 100 lookups. Build it when
// the snapshot changes and share it: validation only reads it.
//
// Lookups keep SPEC 12's rule of completeness: `Knows*()` says whether the
// list was given at all (unknown: the rules that need it do not run); a
// Find* that returns null then means "does not exist" (in that region, for
// the region-scoped ones). IDs are compared exactly. When a list names an
// ID twice, the first entry is used.
//
// Thread-safe for concurrent reads; immutable once built. No I/O, no
// exceptions. Memory: the snapshot plus one hash entry per entry.
//
// Example:
//
//   IndexedFacts f(DecodeFacts(text).facts);
//   if (f.KnowsInstances()) {
//     const Instance* i = f.FindInstance("i-a", "cn-hangzhou");  // null: none there
//   }

#ifndef RUNCHECK_FACTS_INDEXED_FACTS_H_
#define RUNCHECK_FACTS_INDEXED_FACTS_H_

#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "facts/facts.h"

namespace runcheck {
namespace facts {

class IndexedFacts {
 public:
  explicit IndexedFacts(Facts facts);
  IndexedFacts(const IndexedFacts&) = delete;
  IndexedFacts& operator=(const IndexedFacts&) = delete;

  const Facts& facts() const { return facts_; }

  bool KnowsRegions() const { return facts_.regions.has_value(); }
  bool KnowsInstances() const { return facts_.instances.has_value(); }
  bool KnowsResourceGroups() const { return facts_.resource_groups.has_value(); }
  bool KnowsCommands() const { return facts_.commands.has_value(); }
  bool KnowsInvocations() const { return facts_.invocations.has_value(); }
  bool KnowsBuckets() const { return facts_.buckets.has_value(); }
  bool KnowsClientTokens() const { return facts_.client_tokens.has_value(); }

  const Region* FindRegion(std::string_view id) const;
  // In `region` only: an instance of another region does not exist here.
  const Instance* FindInstance(std::string_view id, std::string_view region) const;
  const ResourceGroup* FindResourceGroup(std::string_view id) const;
  // By ID, or (a public command) by name, in `region`.
  const Command* FindCommand(std::string_view id, std::string_view region) const;
  const Invocation* FindInvocation(std::string_view id, std::string_view region) const;
  // Any region: a bucket elsewhere is BucketInOtherRegion, not NotFound.
  const Bucket* FindBucket(std::string_view name) const;
  const ClientToken* FindClientToken(std::string_view token) const;

 private:
  Facts facts_;
  absl::flat_hash_map<std::string_view, const Region*> regions_;
  absl::flat_hash_map<std::string_view, const Instance*> instances_;
  absl::flat_hash_map<std::string_view, const ResourceGroup*> resource_groups_;
  absl::flat_hash_map<std::string_view, const Command*> commands_;
  absl::flat_hash_map<std::string_view, const Command*> public_commands_by_name_;
  absl::flat_hash_map<std::string_view, const Invocation*> invocations_;
  absl::flat_hash_map<std::string_view, const Bucket*> buckets_;
  absl::flat_hash_map<std::string_view, const ClientToken*> client_tokens_;
};

}  // namespace facts
}  // namespace runcheck

#endif  // RUNCHECK_FACTS_INDEXED_FACTS_H_
