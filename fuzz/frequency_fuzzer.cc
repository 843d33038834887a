// Fuzz target: the Frequency parser, and on every schedule it accepts the
// description in each language (schedule/describe.h) and
// properties that must hold in every zone:
//   Next(t) > t;  Next is strictly increasing along a chain;
//   Previous(Next(t)) <= t;  ParseFrequency(ToString()) gives an equal schedule.
// Input: the first byte picks the default zone and policy; the rest is the
// Frequency text.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "schedule/describe.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

using runcheck::schedule::DstPolicy;
using runcheck::schedule::FrequencyOptions;
using runcheck::schedule::FrequencyResult;
using runcheck::schedule::ParseFrequency;

constexpr const char* kZones[] = {"UTC", "America/New_York",
                                  "Australia/Lord_Howe", "Antarctica/Troll",
                                  "America/Santiago", "Pacific/Apia",
                                  "Asia/Kolkata", "Europe/London"};

using runcheck::fuzz::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 4096) return 0;
  const uint8_t selector = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto& tzdb = runcheck::schedule::TzdbZoneProvider::Default();
  FrequencyOptions opt;
  opt.zones = &tzdb;
  opt.default_zone = *tzdb.Load(kZones[selector & 7]);
  opt.dst.gap = static_cast<DstPolicy::Gap>((selector >> 3) & 3);
  opt.dst.overlap = static_cast<DstPolicy::Overlap>((selector >> 5) & 3);
  const int64_t now = 1798761600 + (selector >> 7) * 86400 * 123;  // 2027
  if (selector & 0x80) opt.now = now;
  opt.timeout_seconds = 60;
  opt.created = now;
  const FrequencyResult r = ParseFrequency(text, opt);
  Check(r.findings.ok() == r.schedule.has_value());
  for (const auto& v : r.findings.violations) {
    Check(v.span.has_value());
    Check(v.span->offset + v.span->length <= text.size());
  }
  if (!r.schedule) return 0;
  const auto& s = *r.schedule;
  int64_t t = now - 86400 * 40;
  for (int i = 0; i < 20; ++i) {
    const std::optional<int64_t> n = s.Next(t);
    if (!n) break;
    Check(*n > t);
    const std::optional<int64_t> p = s.Previous(*n);
    Check(!p || *p <= t);
    Check(s.Next(*n - 1) == n);
    t = *n;
  }
  FrequencyOptions again = opt;
  again.now.reset();  // the canonical form must parse whatever now is
  const FrequencyResult back = ParseFrequency(s.ToString(), again);
  Check(back.schedule.has_value());
  Check(*back.schedule == s);
  // Every schedule has a whole description in every language: never empty,
  // never two spaces, always with its zone part at the end (or before the
  // DST note), and the canonical form reads the same.
  for (const auto lang : {runcheck::schedule::Language::kEnglish,
                          runcheck::schedule::Language::kJapanese,
                          runcheck::schedule::Language::kChinese}) {
    const std::string d = runcheck::schedule::Describe(s, lang);
    Check(!d.empty() && d.find("  ") == std::string::npos);
    Check(d.find(lang == runcheck::schedule::Language::kEnglish ? " (" : "（") != std::string::npos ||
          s.kind() == runcheck::schedule::Schedule::Kind::kRate);
    Check(runcheck::schedule::Describe(*back.schedule, lang) == d);
  }
  return 0;
}
