// A C++ program using runcheck's C++ API, built two ways: against an
// installed runcheck with pkg-config and plain c++ (tools/install.sh), and
// from another Bazel workspace (examples/bazel-consumer). It prints the fire
// after 2026-03-08 00:00 EST of a 02:30 New York schedule (03:00 EDT).
#include <cstdio>

#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

int main() {
  using runcheck::schedule::FrequencyOptions;
  using runcheck::schedule::TzdbZoneProvider;
  FrequencyOptions o;
  o.zones = &TzdbZoneProvider::Default();
  o.default_zone = *o.zones->Load("America/New_York");
  const auto r = runcheck::schedule::ParseFrequency("0 30 2 * * ?", o);
  if (!r.schedule) return 1;
  const std::optional<int64_t> next = r.schedule->Next(1772946000);
  if (!next) return 1;
  std::printf("c++ api: next %lld (%s)\n", static_cast<long long>(*next),
              r.schedule->ToString().c_str());
  return 0;
}
