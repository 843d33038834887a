// Group-B cost (SPEC 12; issue 13's figure): a RunCommand request with 100
// instances validated against a snapshot of 100,000 instances, against the
// same request without facts (group A alone), in one binary. The snapshot is
// indexed once, outside the timed loop, as an embedder holds it.
//
//   bazel run -c opt //bench:facts_bench
//
// Figures: bench/README.md.

#include <string>

#include "benchmark/benchmark.h"
#include "facts/facts.h"
#include "facts/indexed_facts.h"
#include "rules/request_decode.h"
#include "rules/validate.h"

namespace {

using namespace runcheck;

const facts::IndexedFacts& Snapshot() {
  static const facts::IndexedFacts* const kFacts = [] {
    facts::Facts f;
    auto& instances = f.instances.emplace();
    instances.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
      facts::Instance x;
      x.id = "i-" + std::to_string(i);
      x.region = "cn-hangzhou";
      x.os = facts::Os::kLinux;
      x.status = "Running";
      x.agent_version = "2.2.3.541";
      x.agent_online = true;
      x.resource_group = "rg-1";
      instances.push_back(std::move(x));
    }
    f.regions.emplace().push_back({"cn-hangzhou", std::nullopt});
    f.quotas = facts::Quotas{1, 500, 1, 10000};
    return new facts::IndexedFacts(std::move(f));
  }();
  return *kFacts;
}

std::string Request() {
  std::string r =
      "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+%7B%7BACS%3A%3AInstanceId%7D%7D"
      "&EnableParameter=true&Frequency=0+0+12+%3F+*+MON-FRI+GMT%2B8%3A00";
  for (int i = 1; i <= 100; ++i) {
    r += "&InstanceId." + std::to_string(i) + "=i-" + std::to_string(i * 997);
  }
  return r;
}

void Validate(benchmark::State& state, bool with_facts) {
  const rules::DecodedRequest d = rules::DecodeRequest(Request());
  rules::ValidateOptions o;
  o.now = 1798761600;
  if (with_facts) o.facts = &Snapshot();
  if (!rules::Validate(d.request, o).findings.ok()) {
    state.SkipWithError("the benchmark's request is not valid");
    return;
  }
  for (auto _ : state) {
    rules::Verdict v = rules::Validate(d.request, o);
    benchmark::DoNotOptimize(v);
  }
}

void BM_GroupA_100Instances(benchmark::State& state) { Validate(state, false); }
void BM_GroupAB_100Instances_Snapshot100k(benchmark::State& state) { Validate(state, true); }

BENCHMARK(BM_GroupA_100Instances);
BENCHMARK(BM_GroupAB_100Instances_Snapshot100k);

}  // namespace

BENCHMARK_MAIN();
