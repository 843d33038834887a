// Benchmarks for params/: scanning a 24 KiB script, checking a 10-pair
// Parameters object, rendering. Targets (issue 4): scan >= 1 GB/s without
// braces and >= 300 MB/s with placeholders; Parameters <= 2 us for 10 pairs.
// Figures: bench/README.md.

#include <string>

#include "benchmark/benchmark.h"
#include "params/parameters.h"
#include "params/render.h"
#include "params/template.h"
#include "core/json_scan.h"


namespace {

using runcheck::core::Limits;
namespace params = runcheck::params;

constexpr size_t kScriptBytes = 24 * 1024;

// Shell-like lines of text, no braces.
std::string PlainScript() {
  std::string s;
  const std::string line = "if [ -f /etc/os-release ]; then . /etc/os-release; echo \"$NAME\"; fi\n";
  while (s.size() + line.size() <= kScriptBytes) s += line;
  s.resize(kScriptBytes, '#');
  return s;
}

// The same size with 20 distinct placeholders spread evenly, plus ${...}
// shell braces that are not placeholders.
std::string TemplatedScript() {
  std::string s;
  int n = 0;
  const std::string line = "echo \"${HOME}\" | grep -v x > /dev/null 2>&1 || true; ls -la /tmp\n";
  while (s.size() < kScriptBytes - 200) {
    s += line;
    if (n < 20 && s.size() > static_cast<size_t>(n) * (kScriptBytes / 20)) {
      s += "run --arg {{ param_" + std::to_string(n++) + " }}\n";
    }
  }
  s.resize(kScriptBytes, '#');
  return s;
}

std::string TenPairs() {
  std::string s = "{";
  for (int i = 0; i < 10; ++i) {
    if (i) s += ", ";
    s += "\"param_" + std::to_string(i) + "\": \"value number " + std::to_string(i) + "\"";
  }
  return s + "}";
}

void BM_ScanPlain(benchmark::State& state) {
  const std::string script = PlainScript();
  for (auto _ : state) {
    auto scan = params::ScanTemplate(script, Limits{});
    benchmark::DoNotOptimize(scan);
  }
  state.SetBytesProcessed(state.iterations() * script.size());
}
BENCHMARK(BM_ScanPlain);

void BM_ScanTemplated(benchmark::State& state) {
  const std::string script = TemplatedScript();
  for (auto _ : state) {
    auto scan = params::ScanTemplate(script, Limits{});
    benchmark::DoNotOptimize(scan);
  }
  state.SetBytesProcessed(state.iterations() * script.size());
}
BENCHMARK(BM_ScanTemplated);

// Parse + every check, including Parameter.NotMatched against the content
// (a script whose 10 placeholders are the 10 keys).
void BM_CheckParameters10(benchmark::State& state) {
  std::string script;
  for (int i = 0; i < 10; ++i) script += "echo {{param_" + std::to_string(i) + "}}\n";
  const params::TemplateScan scan = params::ScanTemplate(script, Limits{});
  const std::string json = TenPairs();
  for (auto _ : state) {
    auto check = params::CheckParameters(json, Limits{}, &scan);
    benchmark::DoNotOptimize(check);
  }
}
BENCHMARK(BM_CheckParameters10);

// The JSON layer alone (RapidJSON SAX with spans).
void BM_ScanJson10(benchmark::State& state) {
  const std::string json = TenPairs();
  for (auto _ : state) {
    auto scan = runcheck::core::ScanJson(json);
    benchmark::DoNotOptimize(scan);
  }
}
BENCHMARK(BM_ScanJson10);

void BM_Render(benchmark::State& state) {
  const std::string script = TemplatedScript();
  const params::TemplateScan scan = params::ScanTemplate(script, Limits{});
  const auto values = params::ParameterValues::FromPairs(
      params::CheckParameters(TenPairs(), Limits{}, &scan).pairs);
  params::RenderOptions options;
  options.quoting = static_cast<params::Quoting>(state.range(0));
  options.user = &values;
  if (const params::Rendered first = params::Render(script, scan, options); first.error) {
    state.SkipWithError(first.error->detail.c_str());
    return;
  }
  for (auto _ : state) {
    auto r = params::Render(script, scan, options);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * script.size());
}
BENCHMARK(BM_Render)->ArgName("quoting")->DenseRange(0, 3);

// The same with the template lexed once (params::RenderPlan): what each
// further rendering of one command costs (one per instance).
void BM_RenderPlanned(benchmark::State& state) {
  const std::string script = TemplatedScript();
  const params::TemplateScan scan = params::ScanTemplate(script, Limits{});
  const auto values = params::ParameterValues::FromPairs(
      params::CheckParameters(TenPairs(), Limits{}, &scan).pairs);
  params::RenderOptions options;
  options.user = &values;
  const params::RenderPlan plan(script, scan, static_cast<params::Quoting>(state.range(0)));
  if (const params::Rendered first = params::Render(script, scan, plan, options); first.error) {
    state.SkipWithError(first.error->detail.c_str());
    return;
  }
  for (auto _ : state) {
    auto r = params::Render(script, scan, plan, options);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * script.size());
}
BENCHMARK(BM_RenderPlanned)->ArgName("quoting")->DenseRange(0, 3);

void BM_SubstitutedSize(benchmark::State& state) {
  const std::string script = TemplatedScript();
  const params::TemplateScan scan = params::ScanTemplate(script, Limits{});
  const auto values = params::ParameterValues::FromPairs(
      params::CheckParameters(TenPairs(), Limits{}, &scan).pairs);
  for (auto _ : state) {
    benchmark::DoNotOptimize(params::SubstitutedSize(script, scan, values));
  }
}
BENCHMARK(BM_SubstitutedSize);

}  // namespace

BENCHMARK_MAIN();
