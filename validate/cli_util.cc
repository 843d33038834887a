#include "validate/cli_util.h"

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "schedule/civil.h"
#include "schedule/frequency.h"
#include "validate/line_reader.h"
#include "validate/terminal_text.h"

namespace runcheck {
namespace validate {

int Usage(const std::string& problem) {
  // A problem quotes what the user typed (an action name, a zone): never let
  // its control bytes reach the terminal.
  std::fprintf(stderr, "validate: %s\nRun 'validate --help' for usage.\n",
               EscapeForTerminal(problem).c_str());
  return kExitUsage;
}

std::optional<int64_t> ParseInstant(std::string_view s) {
  const absl::string_view text(s.data(), s.size());
  int64_t v;
  if (absl::SimpleAtoi(text, &v)) return v;
  absl::Time t;
  std::string err;
  if (absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", text, &t, &err)) return absl::ToUnixSeconds(t);
  return std::nullopt;
}

std::optional<core::Action> ParseActionOption(std::string_view s, std::string* problem) {
  if (const std::optional<core::Action> found = core::FindAction(s)) return found;
  std::string known;
  for (core::Action a : core::Actions()) {
    absl::StrAppend(&known, known.empty() ? "" : ", ", std::string(core::ActionName(a)));
  }
  *problem = absl::StrCat("unknown action '", std::string(s), "' (InvalidAction.NotFound); one of ",
                          known);
  return std::nullopt;
}

std::optional<schedule::TimeZone> ParseZoneOption(std::string_view s,
                                                  const schedule::ZoneProvider& zones,
                                                  std::string* problem) {
  if (s.empty()) return schedule::TimeZone();
  return schedule::ZoneFromToken(s, &zones, problem);
}

std::optional<int64_t> ParseTimeout(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return std::nullopt;
  return v;
}

std::string FormatLocal(int64_t instant, const schedule::TimeZone& zone) {
  const int32_t off = zone.OffsetAt(instant);
  const schedule::CivilTime c = schedule::CivilFromLocalSeconds(instant + off);
  const int a = off < 0 ? -off : off;
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d", c.year, c.month, c.day,
                         c.hour, c.minute, c.second, off < 0 ? '-' : '+', a / 3600,
                         a / 60 % 60);
}

std::string FormatUtc(int64_t instant) {
  const schedule::CivilTime c = schedule::CivilFromLocalSeconds(instant);
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour,
                         c.minute, c.second);
}

int RunBatch(std::FILE* in, std::FILE* out,
             const std::function<std::string(const std::string* line, bool* valid)>& result) {
  LineReader lines(in, kMaxLineBytes);
  std::string line, text;
  int status = kExitValid;
  for (LineReader::Result r; (r = lines.Next(&line)) != LineReader::kEnd;) {
    bool valid = false;
    text = result(r == LineReader::kTooLong ? nullptr : &line, &valid);
    if (!valid) status = kExitInvalid;
    text += '\n';
    std::fwrite(text.data(), 1, text.size(), out);
  }
  if (lines.error()) return Usage("cannot read the batch input");
  return status;
}

std::optional<std::string> ReadExpression(const std::string& arg, std::FILE* in,
                                          std::string* problem) {
  if (arg != "-") return arg;
  std::optional<std::string> text = ReadInput("-", in, problem);
  if (!text) return std::nullopt;
  while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
  return text;
}

std::optional<schedule::DstPolicy> ParseDstPolicy(std::string_view spec, std::string* problem) {
  using Gap = schedule::DstPolicy::Gap;
  using Overlap = schedule::DstPolicy::Overlap;
  schedule::DstPolicy policy;
  for (absl::string_view part : absl::StrSplit(absl::string_view(spec.data(), spec.size()), ',')) {
    if (part == "gap=run-at-gap-end") {
      policy.gap = Gap::kRunAtGapEnd;
    } else if (part == "gap=skip") {
      policy.gap = Gap::kSkip;
    } else if (part == "gap=shift") {
      policy.gap = Gap::kShift;
    } else if (part == "overlap=first") {
      policy.overlap = Overlap::kFirst;
    } else if (part == "overlap=second") {
      policy.overlap = Overlap::kSecond;
    } else if (part == "overlap=both") {
      policy.overlap = Overlap::kBoth;
    } else {
      *problem = absl::StrCat("--dst-policy takes gap=run-at-gap-end|skip|shift and/or "
                              "overlap=first|second|both, not '", std::string(part), "'");
      return std::nullopt;
    }
  }
  return policy;
}

std::optional<schedule::FrequencyOptions> FrequencyOptionsFromFlags(
    const std::map<std::string, std::string>& v, const schedule::ZoneProvider& zones,
    std::string* problem) {
  schedule::FrequencyOptions opt;
  opt.zones = &zones;
  if (const auto it = v.find("zone"); it != v.end()) {
    std::optional<schedule::TimeZone> z = ParseZoneOption(it->second, zones, problem);
    if (!z) {
      *problem = "--zone: " + *problem;
      return std::nullopt;
    }
    opt.default_zone = *z;
  }
  opt.now = absl::ToUnixSeconds(absl::Now());
  if (const auto it = v.find("now"); it != v.end()) {
    opt.now = ParseInstant(it->second);
    if (!opt.now) {
      *problem = "--now takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ";
      return std::nullopt;
    }
  }
  opt.timeout_seconds = 60;
  if (const auto it = v.find("timeout"); it != v.end()) {
    opt.timeout_seconds = ParseTimeout(it->second);
    if (!opt.timeout_seconds) {
      *problem = "--timeout takes a whole number of seconds, at least 1";
      return std::nullopt;
    }
  }
  if (const auto it = v.find("created"); it != v.end()) {
    opt.created = ParseInstant(it->second);
    if (!opt.created) {
      *problem = "--created takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ";
      return std::nullopt;
    }
  }
  if (const auto it = v.find("dst-policy"); it != v.end()) {
    const std::optional<schedule::DstPolicy> policy = ParseDstPolicy(it->second, problem);
    if (!policy) return std::nullopt;
    opt.dst = *policy;
  }
  return opt;
}

std::optional<Flags> ParseFlags(const std::vector<std::string>& args,
                                const std::set<std::string>& known,
                                const std::set<std::string>& switches,
                                std::string* problem) {
  Flags f;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      f.positional.insert(f.positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (a.size() < 3 || a.substr(0, 2) != "--") {
      f.positional.push_back(a);
      continue;
    }
    const size_t eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (switches.count(name)) {
      if (eq != std::string::npos) {
        *problem = absl::StrCat("flag --", name, " takes no value");
        return std::nullopt;
      }
      f.values[name] = "true";
      continue;
    }
    if (!known.count(name)) {
      *problem = absl::StrCat("unknown flag --", name);
      return std::nullopt;
    }
    if (eq != std::string::npos) {
      f.values[name] = a.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      f.values[name] = args[++i];
    } else {
      *problem = absl::StrCat("flag --", name, " needs a value");
      return std::nullopt;
    }
  }
  return f;
}

std::optional<std::string> ReadInput(const std::string& path, std::FILE* in,
                                     std::string* problem) {
  std::FILE* file = path == "-" ? in : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    *problem = "cannot read " + path;
    return std::nullopt;
  }
  std::string text;
  char buf[1 << 16];
  size_t n;
  bool too_large = false;
  while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxLineBytes) {
      too_large = true;
      break;
    }
  }
  const bool read_error = std::ferror(file) != 0;
  if (file != in) std::fclose(file);
  if (too_large) {
    *problem = path + " is over 1 MiB";
    return std::nullopt;
  }
  if (read_error) {
    *problem = "cannot read " + path;
    return std::nullopt;
  }
  return text;
}

}  // namespace validate
}  // namespace runcheck
