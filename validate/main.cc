// validate: check RunCommand requests and Frequency expressions from the
// command line. See README.md ("The validate binary") for the subcommands.
//
// Exit status: 0 valid, 1 invalid, 2 usage or input error.

#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "rules/catalog.h"
#include "validate/cli_util.h"
#include "validate/request_command.h"
#include "schedule/civil.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

using validate::FormatLocal;
using validate::FindingsJson;
using validate::FormatUtc;
using validate::JsonString;
using validate::NextJson;
using validate::Flags;
using validate::ParseFlags;
using validate::ParseInstant;
using validate::PrintCaret;
using validate::ReadLine;
using validate::ReadLineResult;
using validate::Usage;
using runcheck::schedule::FrequencyOptions;
using runcheck::schedule::FrequencyResult;
using runcheck::schedule::TimeZone;
using runcheck::schedule::TzdbZoneProvider;

constexpr char kUsage[] = R"(validate: check ECS Cloud Assistant RunCommand requests.

Usage:
  validate [options] [FILE|-]
      Check one RunCommand request (JSON or query form, detected) from FILE
      or stdin (at most 1 MiB; trailing white space ignored). Prints the
      verdict, every violation (code, HTTP status, field, API message,
      detail, a caret under the offending characters), warnings, and for a
      valid scheduled request the schedule and its next fire times.
        --format=text|json  output form (default text); json prints
                            {"valid", "violations": [{"code", "http_status",
                            "field", "offset", "length", "message",
                            "detail"}], "warnings": [...], "agent",
                            "schedule", "next"}
        --now=T             Unix seconds or YYYY-MM-DDTHH:MM:SSZ (default:
                            clock)
        --zone=NAME         default zone for cron without one (default UTC)
        --created=T         creation instant for rate (default: now)
        --next=N            how many fire times to print (default 5)
        --fail-fast         stop at the first violation (the API's answer)
        --limits=K=V,...    raise limits: max_instances, max_tags,
                            max_resource_tags, max_parameter_pairs,
                            max_content_parameters, max_content_bytes_kept,
                            max_content_bytes_unkept, max_name_chars, ...
  validate --batch [options]
      One request per line on stdin (a one-line JSON object or a query
      string, at most 1 MiB); one JSON result per line on stdout. Exit 1 if
      any is invalid.
  validate frequency [options] EXPRESSION
      Check one Frequency (rate, at or cron) and print the verdict, the
      canonical form, the class, warnings and the next fire times.
        --format=F        text (default) or json: {"valid", "violations",
                          "warnings", "schedule", "class", "zone", "next"}
        --zone=NAME       default zone for cron without one (default UTC)
        --now=T           Unix seconds or YYYY-MM-DDTHH:MM:SSZ (default: clock)
        --timeout=N       the request's Timeout in seconds (default 60)
        --created=T       creation instant for rate (default: now)
        --next=N          how many fire times to print (default 5)
  validate frequency --batch
      Read lines FREQUENCY<TAB>ZONE<TAB>NOW<TAB>TIMEOUT<TAB>N from stdin and
      print per line "ERR <CODE> <detail>" or the next N fire instants
      (Unix seconds, space-separated). TIMEOUT "-" means compute only:
      request-level rules are skipped. Rate schedules are created at NOW.
      A line over 1 MiB is a usage error (exit 2).
  validate catalog
      Print the error catalog as JSON lines:
      {"code", "http_status", "message", "group"}.
  validate --help
      This text.

Exit status: 0 valid, 1 invalid, 2 usage or input error.)";

int PrintCatalog() {
  for (const runcheck::CodeInfo& info : runcheck::Catalog()) {
    std::printf("{\"code\": %s, \"http_status\": %d, \"message\": %s, "
                "\"group\": \"%s\"}\n",
                JsonString(info.name).c_str(), info.http_status,
                JsonString(info.message).c_str(),
                std::string(runcheck::GroupLetter(info.group)).c_str());
  }
  return 0;
}

int FrequencyBatch() {
  const TzdbZoneProvider& tzdb = TzdbZoneProvider::Default();
  std::string line;
  std::string out;
  for (ReadLineResult read; (read = ReadLine(stdin, &line)) != ReadLineResult::kEnd;) {
    if (read == ReadLineResult::kTooLong) return Usage("a batch line is over 1 MiB");
    while (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    out.clear();
    int64_t now = 0, timeout = 0;
    int n = 0;
    std::optional<TimeZone> zone;
    if (f.size() != 5 || !absl::SimpleAtoi(f[2], &now) ||
        !absl::SimpleAtoi(f[4], &n) || n < 0 || n > 100000 ||
        (f[3] != "-" && !absl::SimpleAtoi(f[3], &timeout))) {
      out = "ERR InvalidRequest.Malformed expected FREQUENCY<TAB>ZONE<TAB>NOW<TAB>TIMEOUT<TAB>N";
    } else if (!(zone = f[1].empty() ? std::optional<TimeZone>(TimeZone())
                                     : tzdb.Load(f[1]))) {
      out = absl::StrCat("ERR InvalidRequest.Malformed unknown default zone ", f[1]);
    } else {
      FrequencyOptions opt;
      opt.zones = &tzdb;
      opt.default_zone = *zone;
      opt.created = now;
      if (f[3] != "-") {
        opt.now = now;
        opt.timeout_seconds = timeout;
      }
      FrequencyResult r = runcheck::schedule::ParseFrequency(f[0], opt);
      if (!r.findings.ok()) {
        const runcheck::Violation& v = r.findings.violations.front();
        out = absl::StrCat("ERR ", std::string(v.info().name), " ", v.detail);
      } else {
        int64_t t = now;
        for (int i = 0; i < n; ++i) {
          std::optional<int64_t> next = r.schedule->Next(t);
          if (!next) break;
          if (i > 0) out += ' ';
          absl::StrAppend(&out, *next);
          t = *next;
        }
      }
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

int Frequency(const std::vector<std::string>& args) {
  std::string problem;
  std::optional<Flags> flags = ParseFlags(
      args, {"format", "zone", "now", "timeout", "created", "next"}, {"batch"}, &problem);
  if (!flags) return Usage(problem);
  auto& v = flags->values;
  if (v.count("batch")) {
    if (!flags->positional.empty() || v.size() != 1) {
      return Usage("--batch takes no other arguments");
    }
    return FrequencyBatch();
  }
  if (flags->positional.size() != 1) {
    return Usage("'frequency' takes exactly one expression (quote it)");
  }
  const TzdbZoneProvider& tzdb = TzdbZoneProvider::Default();
  FrequencyOptions opt;
  opt.zones = &tzdb;
  if (v.count("zone")) {
    std::optional<TimeZone> z = tzdb.Load(v["zone"]);
    if (!z) return Usage(absl::StrCat("unknown zone '", v["zone"], "'"));
    opt.default_zone = *z;
  }
  opt.now = absl::ToUnixSeconds(absl::Now());
  if (v.count("now")) {
    opt.now = ParseInstant(v["now"]);
    if (!opt.now) return Usage("--now takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
  }
  int64_t timeout = 60;
  if (v.count("timeout") && !absl::SimpleAtoi(v["timeout"], &timeout)) {
    return Usage("--timeout takes a whole number of seconds");
  }
  opt.timeout_seconds = timeout;
  if (v.count("created")) {
    opt.created = ParseInstant(v["created"]);
    if (!opt.created) return Usage("--created takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
  }
  int next = 5;
  if (v.count("next") && (!absl::SimpleAtoi(v["next"], &next) || next < 0 || next > 10000)) {
    return Usage("--next takes a number from 0 to 10000");
  }
  bool json = false;
  if (v.count("format")) {
    if (v["format"] != "json" && v["format"] != "text") return Usage("--format is json or text");
    json = v["format"] == "json";
  }
  const std::string& text = flags->positional[0];
  const FrequencyResult r = runcheck::schedule::ParseFrequency(text, opt);
  if (json) {
    std::string out =
        absl::StrCat("{", FindingsJson(r.findings.violations, r.findings.warnings));
    if (r.schedule) {
      const runcheck::schedule::Schedule& s = *r.schedule;
      absl::StrAppend(&out, ", \"schedule\": ", JsonString(s.ToString()), ", \"class\": ",
                      s.fixed_time() ? "\"fixed-time\"" : "\"interval\"", ", \"zone\": ",
                      JsonString(s.zone().name()), ", ", NextJson(s.NextN(*opt.now, next)));
    }
    out += "}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return r.schedule ? 0 : 1;
  }
  std::printf("%s\n", r.findings.ok() ? "valid" : "invalid");
  for (const runcheck::Violation& violation : r.findings.violations) {
    const runcheck::CodeInfo& info = violation.info();
    std::printf("  %s (HTTP %d) %s: %s\n    detail: %s\n",
                std::string(info.name).c_str(), info.http_status,
                violation.field.c_str(), std::string(info.message).c_str(),
                violation.detail.c_str());
    if (violation.span) PrintCaret(text, *violation.span);
  }
  for (const runcheck::Warning& w : r.findings.warnings) {
    std::printf("  warning %s: %s\n", std::string(w.id).c_str(), w.detail.c_str());
  }
  if (!r.schedule) return 1;
  const runcheck::schedule::Schedule& s = *r.schedule;
  std::printf("canonical: %s\nclass: %s\nzone: %s\n", s.ToString().c_str(),
              s.fixed_time() ? "fixed-time" : "interval",
              s.zone().name().c_str());
  std::printf("next %d after %s:\n", next, FormatUtc(*opt.now).c_str());
  for (int64_t t : s.NextN(*opt.now, next)) {
    std::printf("  %s  %s\n", FormatLocal(t, s.zone()).c_str(),
                FormatUtc(t).c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "help") {
      std::printf("%s\n", kUsage);
      return 0;
    }
    args.emplace_back(arg);
  }
  if (args.empty()) return validate::RequestCommand(args);  // stdin
  if (args[0] == "frequency") {
    return Frequency(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (args[0] == "catalog") {
    if (args.size() != 1) return Usage("'catalog' takes no arguments");
    return PrintCatalog();
  }
  return validate::RequestCommand(args);
}
