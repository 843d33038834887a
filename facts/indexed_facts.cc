#include "facts/indexed_facts.h"

#include <utility>

namespace runcheck {
namespace facts {
namespace {

// Indexes `list` (when given) by `key`; the first entry of a repeated key
// wins.
template <typename T, typename Key>
void Index(const std::optional<std::vector<T>>& list, Key key,
           absl::flat_hash_map<std::string_view, const T*>* out) {
  if (!list) return;
  out->reserve(list->size());
  for (const T& e : *list) out->emplace(key(e), &e);
}

template <typename T>
const T* Find(const absl::flat_hash_map<std::string_view, const T*>& index, std::string_view key) {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

}  // namespace

IndexedFacts::IndexedFacts(Facts facts) : facts_(std::move(facts)) {
  Index(facts_.regions, [](const Region& e) { return std::string_view(e.id); }, &regions_);
  Index(facts_.instances, [](const Instance& e) { return std::string_view(e.id); }, &instances_);
  Index(facts_.resource_groups, [](const ResourceGroup& e) { return std::string_view(e.id); },
        &resource_groups_);
  Index(facts_.commands, [](const Command& e) { return std::string_view(e.id); }, &commands_);
  if (facts_.commands) {
    for (const Command& c : *facts_.commands) {
      if (c.is_public.value_or(false) && c.name) public_commands_by_name_.emplace(*c.name, &c);
    }
  }
  Index(facts_.invocations, [](const Invocation& e) { return std::string_view(e.id); },
        &invocations_);
  Index(facts_.buckets, [](const Bucket& e) { return std::string_view(e.name); }, &buckets_);
  Index(facts_.client_tokens, [](const ClientToken& e) { return std::string_view(e.token); },
        &client_tokens_);
}

const Region* IndexedFacts::FindRegion(std::string_view id) const { return Find(regions_, id); }

const Instance* IndexedFacts::FindInstance(std::string_view id, std::string_view region) const {
  const Instance* i = Find(instances_, id);
  return i != nullptr && i->region == region ? i : nullptr;
}

const ResourceGroup* IndexedFacts::FindResourceGroup(std::string_view id) const {
  return Find(resource_groups_, id);
}

const Command* IndexedFacts::FindCommand(std::string_view id, std::string_view region) const {
  const Command* c = Find(commands_, id);
  if (c == nullptr) c = Find(public_commands_by_name_, id);
  return c != nullptr && c->region == region ? c : nullptr;
}

const Invocation* IndexedFacts::FindInvocation(std::string_view id, std::string_view region) const {
  const Invocation* i = Find(invocations_, id);
  return i != nullptr && i->region == region ? i : nullptr;
}

const Bucket* IndexedFacts::FindBucket(std::string_view name) const { return Find(buckets_, name); }

const ClientToken* IndexedFacts::FindClientToken(std::string_view token) const {
  return Find(client_tokens_, token);
}

}  // namespace facts
}  // namespace runcheck
