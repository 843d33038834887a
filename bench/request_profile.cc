// Runs decoding plus validation of the request benchmarks' fixture N times,
// for counting instructions without the timer's noise:
//
//   valgrind --tool=callgrind bazel-bin/bench/request_profile json 1000
//
// minus the same with N = 0 (the zone load and other one-time costs), divided
// by 1000. FORM is json, query, invalid or invalid-query. Figures:
// bench/README.md.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/request_fixture.h"

namespace {

using namespace runcheck;

__attribute__((noinline)) size_t Once(const std::string& text, const rules::ValidateOptions& options) {
  const rules::DecodedRequest d = rules::DecodeRequest(text);
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, options);
  return v.findings.violations.size() + (d.envelope_error ? 1 : 0);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace runcheck::bench;
  if (argc != 3) {
    std::fprintf(stderr, "usage: request_profile json|query|invalid|invalid-query N\n");
    return 2;
  }
  const std::string form = argv[1];
  const std::string text = form == "json"            ? ValidJson()
                           : form == "query"         ? QueryOf(ValidJson())
                           : form == "invalid"       ? InvalidJson()
                           : form == "invalid-query" ? QueryOf(InvalidJson())
                                                     : "";
  if (text.empty()) {
    std::fprintf(stderr, "request_profile: unknown form %s\n", argv[1]);
    return 2;
  }
  const rules::ValidateOptions options = Options();
  size_t findings = Once(text, options);  // the zone load and other first-time costs
  const long n = std::atol(argv[2]);
  for (long i = 0; i < n; ++i) findings += Once(text, options);
  std::printf("%zu findings\n", findings);
  return 0;
}
