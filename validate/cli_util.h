// -----------------------------------------------------------------------------
// File: validate/cli_util.h
// -----------------------------------------------------------------------------
//
// What the validate subcommands share: flag parsing, option values in the
// same spellings as the data (SPEC 9: `--zone` takes every zone token a
// Frequency takes; instants are Unix seconds or RFC 3339 UTC), and the
// formatting of instants. Usage problems come back as text for the caller to
// print with Usage(); nothing here exits.

#ifndef RUNCHECK_VALIDATE_CLI_UTIL_H_
#define RUNCHECK_VALIDATE_CLI_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/action.h"
#include "schedule/frequency.h"
#include "schedule/time_zone.h"

namespace runcheck {
namespace validate {

inline constexpr int kExitValid = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// The longest line a batch reads (and the largest request `validate` reads).
inline constexpr size_t kMaxLineBytes = 1 << 20;

// The whole of file `path` ("-": `in`), at most kMaxLineBytes; nullopt
// with `problem` set when it cannot be read or is larger.
std::optional<std::string> ReadInput(const std::string& path, std::FILE* in,
                                     std::string* problem);

// Prints "validate: PROBLEM" and a hint to stderr; returns kExitUsage.
int Usage(const std::string& problem);

// Unix seconds, or an RFC 3339 UTC time "YYYY-MM-DDTHH:MM:SSZ".
std::optional<int64_t> ParseInstant(std::string_view s);

// A zone option or batch column: empty is UTC; otherwise every zone token a
// Frequency accepts (`GMT+5:30`, `UTC`, IANA names, with the same hints on
// error in `*problem`).
std::optional<schedule::TimeZone> ParseZoneOption(std::string_view s,
                                                  const schedule::ZoneProvider& zones,
                                                  std::string* problem);

// An --action option: an action's exact name; nullopt with `*problem`
// naming the known ones otherwise.
std::optional<core::Action> ParseActionOption(std::string_view s, std::string* problem);

// A Timeout in seconds: ASCII digits, 1 or more (as a request's Timeout).
std::optional<int64_t> ParseTimeout(std::string_view s);

// "2027-01-01 10:15:00 +08:00" in `zone`; "2027-01-01T02:15:00Z".
std::string FormatLocal(int64_t instant, const schedule::TimeZone& zone);
std::string FormatUtc(int64_t instant);

// The batch contract (SPEC 9): reads `in` line by line (validate/
// line_reader.h) and writes exactly one result line per input line to `out`,
// in order: `result(line, &valid)` gives it, with `line` null for a line over
// kMaxLineBytes. Returns kExitValid when every line was valid, kExitInvalid
// when any was not, kExitUsage (after Usage()) when `in` cannot be read.
int RunBatch(std::FILE* in, std::FILE* out,
             const std::function<std::string(const std::string* line, bool* valid)>& result);

struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
};

// A subcommand's expression argument: itself, or for `-` the first line of
// `in` (its line end dropped). nullopt with `*problem` when `in` cannot be
// read.
std::optional<std::string> ReadExpression(const std::string& arg, std::FILE* in,
                                          std::string* problem);

// --dst-policy=gap=G,overlap=O (either part may be left out): G is
// run-at-gap-end, skip or shift; O is first, second or both (SPEC 5.5; the
// default is by class). nullopt with `*problem` otherwise.
std::optional<schedule::DstPolicy> ParseDstPolicy(std::string_view spec, std::string* problem);

// The Frequency options a one-expression subcommand takes (frequency,
// explain): --zone (default UTC), --now (default: the clock), --timeout
// (default 60, a request's default Timeout), --created, --dst-policy. nullopt with
// `*problem` the usage error.
std::optional<schedule::FrequencyOptions> FrequencyOptionsFromFlags(
    const std::map<std::string, std::string>& values, const schedule::ZoneProvider& zones,
    std::string* problem);

// --name=value or --name value; `known` lists the flags taking a value,
// `switches` those that do not; `--` ends the flags. nullopt with `problem`
// set on a bad flag.
std::optional<Flags> ParseFlags(const std::vector<std::string>& args,
                                const std::set<std::string>& known,
                                const std::set<std::string>& switches,
                                std::string* problem);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_CLI_UTIL_H_
