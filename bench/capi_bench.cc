// The C API's overhead (issue 14): the same chained Next through the C++
// library and through capi/runcheck.h, in one binary. See bench/README.md.

#include <cstdint>
#include <cstring>

#include "benchmark/benchmark.h"
#include "capi/runcheck.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

constexpr int64_t kStart = 1798761600;  // 2027-01-01T00:00:00Z
const char* const kExpressions[] = {"0 0 12 ? * WED", "*/10 * * * * ?"};
const char* const kZones[] = {"UTC", "America/New_York"};

void BM_CppNext(benchmark::State& state) {
  runcheck::schedule::FrequencyOptions o;
  o.zones = &runcheck::schedule::TzdbZoneProvider::Default();
  o.default_zone = *o.zones->Load(kZones[state.range(1)]);
  const auto r = runcheck::schedule::ParseFrequency(kExpressions[state.range(0)], o);
  int64_t t = kStart;
  for (auto _ : state) {
    const std::optional<int64_t> n = r.schedule->Next(t);
    t = n ? *n : kStart;
    benchmark::DoNotOptimize(t);
  }
}

void BM_CNext(benchmark::State& state) {
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.default_zone = kZones[state.range(1)];
  o.default_zone_length = std::strlen(o.default_zone);
  const char* expr = kExpressions[state.range(0)];
  runcheck_schedule* s = runcheck_schedule_parse(expr, std::strlen(expr), &o, nullptr);
  int64_t t = kStart;
  for (auto _ : state) {
    int64_t n = 0;
    t = runcheck_schedule_next(s, t, &n) == RUNCHECK_OK ? n : kStart;
    benchmark::DoNotOptimize(t);
  }
  runcheck_schedule_free(s);
}

void Args(benchmark::internal::Benchmark* b) {
  for (int z = 0; z < 2; ++z) {
    for (int e = 0; e < 2; ++e) b->Args({e, z});
  }
}

BENCHMARK(BM_CppNext)->Apply(Args);
BENCHMARK(BM_CNext)->Apply(Args);

}  // namespace

BENCHMARK_MAIN();
