// Fuzz target: a request of a random action against a facts snapshot (SPEC
// 12). Input: an action byte, the facts JSON, a NUL, the request (either
// form). Checks: every violation's code is in the action's catalog and its
// span lies inside its field's value; fail-fast keeps exactly the first
// violation; without facts no group-B violation remains but those the
// request alone earns, and removing any one list of the snapshot adds no
// group-B violation (an unknown fact never gives one).

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/action.h"
#include "core/catalog.h"
#include "facts/facts_json.h"
#include "facts/indexed_facts.h"
#include "fuzz/fuzz_check.h"
#include "rules/request_decode.h"
#include "rules/validate.h"

namespace {

using namespace runcheck;

std::set<std::pair<core::Code, std::string>> GroupB(const rules::Verdict& v) {
  std::set<std::pair<core::Code, std::string>> out;
  for (const core::Violation& x : v.findings.violations) {
    if (x.info().group == core::CodeGroup::kFacts) out.insert({x.code, x.field});
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 256 * 1024) return 0;
  const auto actions = core::Actions();
  const core::Action action = actions[data[0] % actions.size()];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t nul = rest.find('\0');
  if (nul == std::string_view::npos) return 0;
  facts::FactsDecode decoded = facts::DecodeFacts(rest.substr(0, nul));
  if (decoded.error) return 0;
  rules::DecodeOptions decode;
  decode.action = action;
  const rules::DecodedRequest d = rules::DecodeRequest(rest.substr(nul + 1), decode);
  if (d.envelope_error) return 0;

  const facts::Facts full = decoded.facts;
  const facts::IndexedFacts indexed(std::move(decoded.facts));
  rules::ValidateOptions o;
  o.now = 1798761600;
  o.facts = &indexed;
  const rules::Verdict v = rules::Validate(d.request, o);
  for (const core::Violation& x : v.findings.violations) {
    bool listed = false;
    for (const core::CodeInfo& info : core::CatalogOf(action)) listed = listed || info.code == x.code;
    fuzz::Check(listed);
    if (!x.span || x.field == "CommandContent") continue;
    const std::optional<std::string_view> value = rules::FieldValue(d.request, x.field);
    fuzz::Check(value.has_value() && x.span->offset + x.span->length <= value->size());
  }
  o.fail_fast = true;
  const rules::Verdict first = rules::Validate(d.request, o);
  fuzz::Check(first.findings.violations.size() == (v.findings.ok() ? 0u : 1u));
  if (!v.findings.ok()) fuzz::Check(first.findings.violations[0].code == v.findings.violations[0].code);
  o.fail_fast = false;

  // Without facts, a group-B code only where the request alone earns it
  // (SPEC 11: a container's Type; a limit the request already breaks).
  o.facts = nullptr;
  for (const auto& b : GroupB(rules::Validate(d.request, o))) {
    fuzz::Check(b.first == core::Code::kInvalidInstanceNotMatch ||
                b.first == core::Code::kCmdContentExceedLimit ||
                b.first == core::Code::kInvalidInstanceIdCountLimitExceeded);
  }
  const std::set<std::pair<core::Code, std::string>> before = GroupB(v);
  const std::vector<std::function<void(facts::Facts&)>> removals = {
      [](facts::Facts& f) { f.regions.reset(); },     [](facts::Facts& f) { f.instances.reset(); },
      [](facts::Facts& f) { f.resource_groups.reset(); }, [](facts::Facts& f) { f.quotas.reset(); },
      [](facts::Facts& f) { f.commands.reset(); },    [](facts::Facts& f) { f.invocations.reset(); },
      [](facts::Facts& f) { f.buckets.reset(); },     [](facts::Facts& f) { f.client_tokens.reset(); },
  };
  for (const auto& remove : removals) {
    facts::Facts less = full;
    remove(less);
    const facts::IndexedFacts fewer(std::move(less));
    o.facts = &fewer;
    for (const auto& b : GroupB(rules::Validate(d.request, o))) fuzz::Check(before.count(b) > 0);
  }
  return 0;
}
