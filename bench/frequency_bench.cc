// Benchmarks for the Frequency engine: parse, and Next along a chain of fires,
// in UTC and in America/New_York. See bench/README.md for figures.

#include <cstdint>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "schedule/describe.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

using runcheck::schedule::FrequencyOptions;
using runcheck::schedule::ParseFrequency;
using runcheck::schedule::TzdbZoneProvider;

const char* const kExpressions[] = {
    "0 */5 * * * ?",     "0 0 12 ? * WED",        "0 15 10 L * ?",
    "0 0 0 29 2 ?",      "0 0 9-17 ? * MON-FRI",  "*/10 * * * * ?",
    "0 30 2 * * ?",      "0 15 10 ? * 6#3",
};
const char* const kZones[] = {"UTC", "America/New_York"};
constexpr int64_t kStart = 1798761600;  // 2027-01-01T00:00:00Z

FrequencyOptions Options(int zone) {
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  o.default_zone = *TzdbZoneProvider::Default().Load(kZones[zone]);
  return o;
}

// Compute-only parse (what the agent does).
void BM_Parse(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  const FrequencyOptions o = Options(static_cast<int>(state.range(1)));
  for (auto _ : state) {
    auto r = ParseFrequency(expr, o);
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(std::string(expr) + " " + kZones[state.range(1)]);
}

// Parse with the request-level rules (what the API server does).
void BM_ParseWithRequestRules(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  FrequencyOptions o = Options(static_cast<int>(state.range(1)));
  o.now = kStart;
  o.timeout_seconds = 5;
  for (auto _ : state) {
    auto r = ParseFrequency(expr, o);
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(std::string(expr) + " " + kZones[state.range(1)]);
}

void BM_Next(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  const auto r = ParseFrequency(expr, Options(static_cast<int>(state.range(1))));
  const auto& s = *r.schedule;
  int64_t t = kStart;
  for (auto _ : state) {
    std::optional<int64_t> n = s.Next(t);
    t = n ? *n : kStart;
    benchmark::DoNotOptimize(t);
  }
  state.SetLabel(std::string(expr) + " " + kZones[state.range(1)]);
}

// issue 15: Describe (schedule/describe.h), per language (range 1: 0 en,
// 1 ja, 2 zh), in the schedule's zone (UTC).
void BM_Describe(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  const auto r = ParseFrequency(expr, Options(0));
  const auto lang = static_cast<runcheck::schedule::Language>(state.range(1));
  for (auto _ : state) {
    std::string d = runcheck::schedule::Describe(*r.schedule, lang);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel(std::string(expr) + (state.range(1) == 0 ? " en" : state.range(1) == 1 ? " ja" : " zh"));
}

void DescribeArgs(benchmark::internal::Benchmark* b) {
  for (int l = 0; l < 3; ++l) {
    for (int e = 0; e < 8; ++e) b->Args({e, l});
  }
}

void Args(benchmark::internal::Benchmark* b) {
  for (int z = 0; z < 2; ++z) {
    for (int e = 0; e < 8; ++e) b->Args({e, z});
  }
}

BENCHMARK(BM_Parse)->Apply(Args);
BENCHMARK(BM_ParseWithRequestRules)->Apply(Args);
BENCHMARK(BM_Next)->Apply(Args);
BENCHMARK(BM_Describe)->Apply(DescribeArgs);

}  // namespace

BENCHMARK_MAIN();
