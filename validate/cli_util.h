// Helpers shared by the validate subcommands: flags, instants, output.

#ifndef RUNCHECK_VALIDATE_CLI_UTIL_H_
#define RUNCHECK_VALIDATE_CLI_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/violation.h"
#include "schedule/time_zone.h"

namespace validate {

inline constexpr int kExitUsage = 2;

// JSON string literal (runcheck::JsonQuote: always valid JSON).
std::string JsonString(std::string_view s);

// Prints "validate: PROBLEM" and a hint to stderr; returns kExitUsage.
int Usage(const std::string& problem);

// Unix seconds, or an RFC 3339 UTC time "YYYY-MM-DDTHH:MM:SSZ".
std::optional<int64_t> ParseInstant(const std::string& s);

// "2027-01-01 10:15:00 +08:00" in `zone`; "2027-01-01T02:15:00Z".
std::string FormatLocal(int64_t instant, const runcheck::schedule::TimeZone& zone);
std::string FormatUtc(int64_t instant);

// The line of `value` holding `span`, with carets under it.
void PrintCaret(std::string_view value, const runcheck::Span& span);

// `"valid": B, "violations": [...], "warnings": [...]` (a JSON object's
// members, no braces): each violation with code, HTTP status, field,
// offset, length, message and detail; each warning with id, field, offset,
// length and detail.
std::string FindingsJson(const std::vector<runcheck::Violation>& violations,
                         const std::vector<runcheck::Warning>& warnings);

// `"next": ["2027-01-01T00:05:00Z", ...]`: instants in UTC.
std::string NextJson(const std::vector<int64_t>& fires);

// The longest line a batch reads (and the largest request `validate` reads).
inline constexpr size_t kMaxLineBytes = 1 << 20;

// Reads the next line of `in` into `line`, without its `\n` (a `\r` before
// it is kept: callers trim). kTooLong when the line exceeds kMaxLineBytes
// (the rest of it is not read).
enum class ReadLineResult { kLine, kEnd, kTooLong };
ReadLineResult ReadLine(std::FILE* in, std::string* line);

struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
};

// --name=value or --name value; `known` lists the flags taking a value,
// `switches` those that do not. nullopt with `problem` set on a bad flag.
std::optional<Flags> ParseFlags(const std::vector<std::string>& args,
                                const std::set<std::string>& known,
                                const std::set<std::string>& switches,
                                std::string* problem);

}  // namespace validate

#endif  // RUNCHECK_VALIDATE_CLI_UTIL_H_
