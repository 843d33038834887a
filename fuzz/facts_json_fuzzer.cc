// Fuzz target: the facts decoder (facts/facts_json.h) and the index over
// what it decodes (facts/indexed_facts.h). Checks: an error's offset lies
// inside the text and leaves nothing decoded; decoded facts keep every
// entry's identity, which is unique within its list, and the index finds
// each entry by it (in its region, for the region-scoped ones).

#include <cstdint>
#include <string_view>

#include "facts/facts_json.h"
#include "facts/indexed_facts.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace runcheck;
  if (size > 256 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  facts::FactsDecode d = facts::DecodeFacts(text);
  if (d.error) {
    fuzz::Check(d.error->offset <= size);
    fuzz::Check(!d.facts.instances && !d.facts.regions && !d.facts.commands &&
                !d.facts.invocations && !d.facts.buckets && !d.facts.client_tokens &&
                !d.facts.resource_groups && !d.facts.quotas);
    return 0;
  }
  const facts::IndexedFacts f(std::move(d.facts));
  if (f.facts().instances) {
    for (const facts::Instance& i : *f.facts().instances) {
      fuzz::Check(f.FindInstance(i.id, i.region) == &i);
    }
  }
  if (f.facts().invocations) {
    for (const facts::Invocation& i : *f.facts().invocations) {
      fuzz::Check(f.FindInvocation(i.id, i.region) == &i);
    }
  }
  if (f.facts().client_tokens) {
    for (const facts::ClientToken& t : *f.facts().client_tokens) {
      fuzz::Check(f.FindClientToken(t.token) == &t);
    }
  }
  return 0;
}
