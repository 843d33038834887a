#include "validate/cli_util.h"

#include <algorithm>
#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "rules/json_scan.h"
#include "schedule/civil.h"

namespace validate {

std::string JsonString(std::string_view s) { return runcheck::JsonQuote(s); }

int Usage(const std::string& problem) {
  std::fprintf(stderr, "validate: %s\nRun 'validate --help' for usage.\n",
               problem.c_str());
  return kExitUsage;
}


// Unix seconds, or an RFC 3339 UTC time "YYYY-MM-DDTHH:MM:SSZ".
std::optional<int64_t> ParseInstant(const std::string& s) {
  int64_t v;
  if (absl::SimpleAtoi(s, &v)) return v;
  absl::Time t;
  std::string err;
  if (absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", s, &t, &err)) {
    return absl::ToUnixSeconds(t);
  }
  return std::nullopt;
}

std::string FormatLocal(int64_t instant, const runcheck::schedule::TimeZone& zone) {
  const int32_t off = zone.OffsetAt(instant);
  const runcheck::schedule::CivilTime c =
      runcheck::schedule::CivilFromLocalSeconds(instant + off);
  const int a = off < 0 ? -off : off;
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d", c.year,
                         c.month, c.day, c.hour, c.minute, c.second,
                         off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

std::string FormatUtc(int64_t instant) {
  const runcheck::schedule::CivilTime c =
      runcheck::schedule::CivilFromLocalSeconds(instant);
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month,
                         c.day, c.hour, c.minute, c.second);
}

// The line of `value` holding the span, with carets under the span (at most
// 100 columns of context; control bytes shown as '.').
void PrintCaret(std::string_view value, const runcheck::Span& span) {
  const size_t at = std::min(span.offset, value.size());
  size_t begin = value.rfind('\n', at == 0 ? 0 : at - 1);
  begin = (begin == std::string_view::npos || begin >= at) ? 0 : begin + 1;
  if (at > 0 && at <= value.size() && value[at - 1] == '\n') begin = at;
  size_t end = value.find('\n', at);
  if (end == std::string_view::npos) end = value.size();
  if (at - begin > 60) begin = at - 60;
  if (end - begin > 100) end = begin + 100;
  std::string line(value.substr(begin, end - begin));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '.';
  }
  const size_t carets = std::max<size_t>(1, std::min(span.length, end > at ? end - at : 1));
  std::printf("    %s\n    %s%s\n", line.c_str(), std::string(at - begin, ' ').c_str(),
              std::string(carets, '^').c_str());
}

std::optional<Flags> ParseFlags(const std::vector<std::string>& args,
                                const std::set<std::string>& known,
                                const std::set<std::string>& switches,
                                std::string* problem) {
  Flags f;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 3 || a.substr(0, 2) != "--") {
      f.positional.push_back(a);
      continue;
    }
    const size_t eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (switches.count(name)) {
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

namespace {

std::string SpanJson(const std::optional<runcheck::Span>& span) {
  if (!span) return "\"offset\": null, \"length\": null";
  return absl::StrCat("\"offset\": ", span->offset, ", \"length\": ", span->length);
}

}  // namespace

std::string FindingsJson(const std::vector<runcheck::Violation>& violations,
                         const std::vector<runcheck::Warning>& warnings) {
  std::string out = absl::StrCat("\"valid\": ", violations.empty() ? "true" : "false",
                                 ", \"violations\": [");
  for (size_t i = 0; i < violations.size(); ++i) {
    const runcheck::Violation& x = violations[i];
    const runcheck::CodeInfo& info = x.info();
    absl::StrAppend(&out, i ? ", " : "", "{\"code\": ", JsonString(info.name),
                    ", \"http_status\": ", info.http_status, ", \"field\": ",
                    JsonString(x.field), ", ", SpanJson(x.span), ", \"message\": ",
                    JsonString(info.message), ", \"detail\": ", JsonString(x.detail), "}");
  }
  out += "], \"warnings\": [";
  for (size_t i = 0; i < warnings.size(); ++i) {
    const runcheck::Warning& w = warnings[i];
    absl::StrAppend(&out, i ? ", " : "", "{\"id\": ", JsonString(w.id), ", \"field\": ",
                    JsonString(w.field), ", ", SpanJson(w.span), ", \"detail\": ",
                    JsonString(w.detail), "}");
  }
  out += "]";
  return out;
}

std::string NextJson(const std::vector<int64_t>& fires) {
  std::string out = "\"next\": [";
  for (size_t i = 0; i < fires.size(); ++i) {
    absl::StrAppend(&out, i ? ", " : "", JsonString(FormatUtc(fires[i])));
  }
  out += "]";
  return out;
}

ReadLineResult ReadLine(std::FILE* in, std::string* line) {
  line->clear();
  char buf[1 << 16];
  while (std::fgets(buf, sizeof buf, in) != nullptr) {
    line->append(buf);
    if (!line->empty() && line->back() == '\n') {
      line->pop_back();
      return line->size() > kMaxLineBytes ? ReadLineResult::kTooLong : ReadLineResult::kLine;
    }
    if (line->size() > kMaxLineBytes) return ReadLineResult::kTooLong;
  }
  // The last line may lack its newline.
  return line->empty() ? ReadLineResult::kEnd : ReadLineResult::kLine;
}

}  // namespace validate
