// Benchmarks for whole-request validation (issue 5): decoding plus every
// rule, for a realistic valid request (cron Frequency with a zone, 3 tags,
// 2 parameters, about 1 KiB) and an invalid one, in both wire forms. Target:
// <= 5 us per request including decoding. Figures: bench/README.md.

#include <string>

#include "benchmark/benchmark.h"
#include "bench/request_fixture.h"
#include "core/json_scan.h"
#include "rules/request_decode.h"
#include "rules/run_command.h"
#include "core/utf8.h"
#include "validate/report.h"

namespace {

using namespace runcheck;
using namespace runcheck::bench;

void Run(benchmark::State& state, const std::string& text, bool want_valid) {
  const rules::ValidateOptions options = Options();
  {
    const rules::DecodedRequest d = rules::DecodeRequest(text);
    const bool valid = !d.envelope_error && rules::ValidateRunCommand(d.request, options).findings.ok();
    if (valid != want_valid) state.SkipWithError("the fixture does not have the intended verdict");
  }
  for (auto _ : state) {
    const rules::DecodedRequest d = rules::DecodeRequest(text);
    rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, options);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_ValidJson(benchmark::State& state) { Run(state, ValidJson(), true); }
void BM_ValidQuery(benchmark::State& state) { Run(state, QueryOf(ValidJson()), true); }
void BM_InvalidJson(benchmark::State& state) { Run(state, InvalidJson(), false); }
void BM_InvalidQuery(benchmark::State& state) { Run(state, QueryOf(InvalidJson()), false); }
BENCHMARK(BM_ValidJson);
BENCHMARK(BM_ValidQuery);
BENCHMARK(BM_InvalidJson);
BENCHMARK(BM_InvalidQuery);

// Decoding alone, to see where the time goes.
void BM_DecodeJson(benchmark::State& state) {
  const std::string text = ValidJson();
  for (auto _ : state) {
    rules::DecodedRequest d = rules::DecodeRequest(text);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DecodeJson);

void BM_DecodeQuery(benchmark::State& state) {
  const std::string text = QueryOf(ValidJson());
  for (auto _ : state) {
    rules::DecodedRequest d = rules::DecodeRequest(text);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DecodeQuery);

// The parts of a valid JSON request's cost: the JSON scan, the envelope's
// UTF-8 check, and the rules without decoding.
void BM_ScanJsonRequest(benchmark::State& state) {
  const std::string text = ValidJson();
  for (auto _ : state) {
    core::JsonScan s = core::ScanJson(text, /*max_depth=*/3);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ScanJsonRequest);
void BM_Utf8Request(benchmark::State& state) {
  const std::string text = ValidJson();
  for (auto _ : state) {
    core::Utf8Facts s = core::ScanUtf8(text);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Utf8Request);
void BM_ValidateOnlyJson(benchmark::State& state) {
  const std::string text = ValidJson();
  const rules::ValidateOptions options = Options();
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  for (auto _ : state) {
    rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, options);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_ValidateOnlyJson);

}  // namespace

// The worst case found by attack (issue 11): a 1 MB JSON request of
// 170,000 duplicate Parameters keys, decoded, validated and printed as text
// and JSON (what `validate` does with it). Bounded findings keep it linear.
static void BM_WorstCaseDuplicateParameters(benchmark::State& state) {
  std::string params = "{";
  for (int i = 0; i < 170000; ++i) params += i ? ",\"k\":\"\"" : "\"k\":\"\"";
  params += "}";
  const std::string text =
      "{\"RegionId\": \"r\", \"Type\": \"RunShellScript\", \"CommandContent\": "
      "\"echo {{k}}\", \"EnableParameter\": true, \"InstanceId\": [\"i-a\"], "
      "\"Parameters\": " + params + "}";
  runcheck::rules::ValidateOptions options;
  options.now = 1798761600;
  runcheck::validate::ReportSettings report;
  report.now = options.now;
  size_t printed = 0;
  for (auto _ : state) {
    const runcheck::rules::DecodedRequest d = runcheck::rules::DecodeRequest(text);
    const runcheck::rules::RunCommandVerdict v = runcheck::rules::ValidateRunCommand(d.request, options);
    printed = runcheck::validate::RequestText(text, d, v, report).size() +
              runcheck::validate::RequestJson(d, v, report).size();
    benchmark::DoNotOptimize(printed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["printed_bytes"] = static_cast<double>(printed);
}
BENCHMARK(BM_WorstCaseDuplicateParameters)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
