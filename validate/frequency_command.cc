#include "validate/frequency_command.h"

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "schedule/describe.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/cli_util.h"
#include "validate/report.h"
#include "validate/terminal_text.h"

namespace runcheck {
namespace validate {
namespace {

using schedule::FrequencyOptions;
using schedule::FrequencyResult;
using schedule::TimeZone;

// One batch line's result: "ERR <CODE> <detail>" or the fire instants.
// Sets *valid.
std::string BatchLine(std::string_view line, const schedule::ZoneProvider& zones, bool* valid) {
  *valid = false;
  auto bad = [](int column, const char* name, std::string_view why) {
    return absl::StrCat("ERR InvalidRequest.Malformed column ", column, " (", name, "): ",
                        EscapeForTerminal(why));
  };
  const std::vector<absl::string_view> f = absl::StrSplit(absl::string_view(line.data(), line.size()), '\t');
  if (f.size() != 5) {
    return absl::StrCat("ERR InvalidRequest.Malformed expected 5 tab-separated columns "
                        "FREQUENCY<TAB>ZONE<TAB>NOW<TAB>TIMEOUT<TAB>N, got ",
                        f.size());
  }
  auto view = [&](size_t i) { return std::string_view(f[i].data(), f[i].size()); };
  std::string problem;
  const std::optional<TimeZone> zone = ParseZoneOption(view(1), zones, &problem);
  if (!zone) return bad(2, "ZONE", problem);
  const std::optional<int64_t> now = ParseInstant(view(2));
  if (!now) return bad(3, "NOW", "Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
  const bool compute_only = view(3) == "-";
  const std::optional<int64_t> timeout = compute_only ? std::optional<int64_t>(0)
                                                      : ParseTimeout(view(3));
  if (!timeout) return bad(4, "TIMEOUT", "a whole number of seconds, at least 1, or -");
  int n = 0;
  if (!absl::SimpleAtoi(f[4], &n) || n < 0 || n > 100000) {
    return bad(5, "N", "a number from 0 to 100000");
  }
  FrequencyOptions opt;
  opt.zones = &zones;
  opt.default_zone = *zone;
  opt.created = *now;
  if (!compute_only) {
    opt.now = *now;
    opt.timeout_seconds = *timeout;
  }
  const FrequencyResult r = schedule::ParseFrequency(view(0), opt);
  if (!r.findings.ok()) {
    const core::Violation& v = r.findings.violations.front();
    return absl::StrCat("ERR ", std::string(v.info().name), " ", EscapeForTerminal(v.detail));
  }
  *valid = true;
  std::string out;
  int64_t t = *now;
  for (int i = 0; i < n; ++i) {
    const std::optional<int64_t> next = r.schedule->Next(t);
    if (!next) break;
    absl::StrAppend(&out, i > 0 ? " " : "", *next);
    t = *next;
  }
  return out;
}

int Batch(std::FILE* in, std::FILE* out) {
  const auto& tzdb = schedule::TzdbZoneProvider::Default();
  return RunBatch(in, out, [&](const std::string* line, bool* valid) {
    if (line == nullptr) {
      return absl::StrCat("ERR InvalidRequest.Malformed the line is over ", kMaxLineBytes,
                          " bytes; it was not read");
    }
    return BatchLine(*line, tzdb, valid);
  });
}

}  // namespace

int FrequencyCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out) {
  std::string problem;
  std::optional<Flags> flags = ParseFlags(
      args, {"format", "zone", "now", "timeout", "created", "next", "previous", "lang", "dst-policy"},
      {"batch"}, &problem);
  if (!flags) return Usage(problem);
  auto& v = flags->values;
  if (v.count("batch")) {
    if (!flags->positional.empty() || v.size() != 1) {
      return Usage("--batch takes no other arguments");
    }
    return Batch(in, out);
  }
  if (flags->positional.size() != 1) {
    return Usage("'frequency' takes exactly one expression (quote it)");
  }
  const std::optional<FrequencyOptions> parsed =
      FrequencyOptionsFromFlags(v, schedule::TzdbZoneProvider::Default(), &problem);
  if (!parsed) return Usage(problem);
  const FrequencyOptions& opt = *parsed;
  int next = 5;
  if (v.count("next") && (!absl::SimpleAtoi(v["next"], &next) || next < 0 || next > 10000)) {
    return Usage("--next takes a number from 0 to 10000");
  }
  std::optional<schedule::Language> lang;
  if (v.count("lang")) {
    lang = schedule::FindLanguage(v["lang"]);
    if (!lang) return Usage("--lang is en, ja or zh");
  }
  int previous = 0;
  if (v.count("previous") &&
      (!absl::SimpleAtoi(v["previous"], &previous) || previous < 0 || previous > 10000)) {
    return Usage("--previous takes a number from 0 to 10000");
  }
  bool json = false;
  if (v.count("format")) {
    if (v["format"] != "json" && v["format"] != "text") return Usage("--format is json or text");
    json = v["format"] == "json";
  }
  // `-`: the expression is stdin (one line; a trailing newline is dropped).
  const std::optional<std::string> expression = ReadExpression(flags->positional[0], in, &problem);
  if (!expression) return Usage(problem);
  const std::string& text = *expression;
  const FrequencyResult r = schedule::ParseFrequency(text, opt);
  std::vector<int64_t> earlier;
  if (r.schedule) {
    for (auto it = r.schedule->Backward(*opt.now, std::numeric_limits<int64_t>::min(), previous);
         std::optional<int64_t> t = it.Next();) {
      earlier.push_back(*t);
    }
  }
  std::string result;
  if (json) {
    result = absl::StrCat("{", FindingsJson(r.findings));
    if (r.schedule) {
      const schedule::Schedule& s = *r.schedule;
      if (lang) absl::StrAppend(&result, ", \"description\": ", JsonString(Describe(s, *lang)));
      absl::StrAppend(&result, ", \"schedule\": ", JsonString(s.ToString()), ", \"class\": ",
                      s.fixed_time() ? "\"fixed-time\"" : "\"interval\"", ", \"zone\": ",
                      JsonString(s.zone().name()), ", ", NextJson(s.NextN(*opt.now, next)));
      if (v.count("previous")) {
        std::string prev = NextJson(earlier);
        prev.replace(1, 4, "previous");  // "next" -> "previous"
        absl::StrAppend(&result, ", ", prev);
      }
    }
    result += "}\n";
  } else {
    result = r.findings.ok() ? "valid\n" : "invalid\n";
    for (const core::Violation& x : r.findings.violations) result += ViolationText(x, text);
    for (const core::Warning& w : r.findings.warnings) result += WarningText(w);
    result += DroppedText(r.findings);
    if (r.schedule) {
      const schedule::Schedule& s = *r.schedule;
      if (lang) absl::StrAppend(&result, "description: ", Describe(s, *lang), "\n");
      absl::StrAppend(&result, "canonical: ", s.ToString(), "\nclass: ",
                      s.fixed_time() ? "fixed-time" : "interval", "\nzone: ", s.zone().name(),
                      "\n");
      result += FiresText(s, *opt.now, next);
      if (v.count("previous")) {
        absl::StrAppend(&result, "previous ", earlier.size(), " before ", FormatUtc(*opt.now),
                        ":\n");
        for (int64_t t : earlier) {
          absl::StrAppend(&result, "  ", FormatLocal(t, s.zone()), "  ", FormatUtc(t), "\n");
        }
      }
    }
    // The default Timeout surprises: rate(1m) is not longer than 60 s.
    if (!v.count("timeout") && !r.findings.ok() &&
        r.findings.violations[0].detail.find("Timeout") != std::string::npos) {
      result += "note: --timeout defaults to 60 s (a request's default Timeout); give "
                "--timeout N to compare with another\n";
    }
  }
  std::fwrite(result.data(), 1, result.size(), out);
  return r.schedule ? kExitValid : kExitInvalid;
}

}  // namespace validate
}  // namespace runcheck
