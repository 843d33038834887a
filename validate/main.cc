// validate: check RunCommand requests and Frequency expressions from the
// command line. See README.md ("The validate binary") for the subcommands.
//
// Exit status: 0 valid, 1 invalid, 2 usage or input error.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/action.h"
#include "core/catalog.h"
#include "core/edit_distance.h"
#include "core/version.h"
#include "validate/cli_util.h"
#include "validate/explain_command.h"
#include "validate/frequency_command.h"
#include "validate/render_command.h"
#include "validate/report.h"
#include "validate/request_command.h"

namespace {

using runcheck::validate::Flags;
using runcheck::validate::ExplainCommand;
using runcheck::validate::FrequencyCommand;
using runcheck::validate::ParseFlags;
using runcheck::validate::RenderCommand;
using runcheck::validate::JsonString;
using runcheck::validate::RequestCommand;
using runcheck::validate::Usage;

constexpr char kUsage[] = R"(validate: check ECS Cloud Assistant RunCommand requests.

Usage:
  validate [options] [FILE|-]
      Check one request (JSON or query form, detected) from FILE or stdin
      (at most 1 MiB; trailing white space ignored) with the rules of its
      action: the request's own Action, else --action, else RunCommand.
      Prints the verdict, every violation (code, HTTP status, field, the
      action's API message, detail, a caret under the offending
      characters), warnings, and for a valid scheduled request the schedule
      and its next fire times.
        --action=NAME       the action a request without Action is for (one
                            of the seven, see catalog); a request naming
                            another one is InvalidRequest.Malformed
        --facts=FILE        what the server knows (JSON, README "Facts"):
                            adds the group-B violations and, per instance,
                            whether it can run the request and why not
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
        --limits=K=V,...    change limits (whole numbers from 0): max_instances,
                            max_tags, max_resource_tags, max_parameter_pairs,
                            max_content_parameters, max_content_bytes_kept,
                            max_content_bytes_unkept, max_name_chars, ...,
                            max_violations (default 100: violations kept;
                            the rest are counted as "dropped"), max_warnings
  validate --batch [options]
      One request per line on stdin (a one-line JSON object or a query
      string, at most 1 MiB; each line's own Action, else --action);
      exactly one JSON result per line on stdout, in order. Only LF ends a line (a CR before it is dropped; NUL and other
      bytes are part of the line); a line over 1 MiB gets an
      InvalidRequest.Malformed record and the batch goes on.
  validate frequency [options] EXPRESSION|-
      Check one Frequency (rate, at or cron) and print the verdict, the
      canonical form, the class, warnings and the next fire times. `-`
      reads the expression from stdin; `--` ends the options (for an
      expression that starts with -). Day-of-week 1 is Monday.
        --format=F        text (default) or json: {"valid", "violations",
                          "warnings", "schedule", "class", "zone", "next"}
        --zone=NAME       default zone for cron without one (default UTC):
                          any zone token (Asia/Shanghai, GMT+5:30, UTC)
        --now=T           Unix seconds or YYYY-MM-DDTHH:MM:SSZ (default: clock)
        --timeout=N       the request's Timeout in seconds, at least 1
                          (default 60)
        --created=T       creation instant for rate (default: now)
        --next=N          how many fire times to print (default 5)
        --previous=N      also the N fire times before now, latest first
        --lang=L          also describe it in a sentence: en, ja or zh
        --dst-policy=P    gap=run-at-gap-end|skip|shift,overlap=first|second|both
                          (either part; default by class, SPEC 5.5)
  validate frequency --batch
      Read lines FREQUENCY<TAB>ZONE<TAB>NOW<TAB>TIMEOUT<TAB>N from stdin and
      print exactly one line per input line: "ERR <CODE> <detail>" or the
      next N fire instants (Unix seconds, space-separated). ZONE is any zone
      token (empty: UTC); NOW is Unix seconds or YYYY-MM-DDTHH:MM:SSZ;
      TIMEOUT is at least 1, or "-" for compute only (request-level rules
      skipped); N is 0-100000. A bad column is "ERR InvalidRequest.Malformed
      column K (NAME): ...". Rate schedules are created at NOW. Lines are
      read as for --batch above (a line over 1 MiB gets an ERR line).
  validate explain [options] EXPRESSION|-
      What a Frequency does, for an operator: a sentence (--lang=en|ja|zh),
      the next and previous fires with weekday and distance from now
      (--next=N, --previous=N, default 5), the clock changes of the next 12
      months that touch it, its minimum interval, the oldest agent it needs,
      and with --calendar=YEAR (or now) a year's grid, weeks from Monday,
      fire days marked (--color=auto|always|never; NO_COLOR honoured).
      --zone, --now, --timeout and --created as for frequency.
  validate render [options] FILE|-
      Fill a CommandContent template's placeholders as the agent does and
      print the script; a placeholder that cannot be made literal where it
      stands is refused with its byte offset, the context and a caret.
        --quoting=Q       posix (default), powershell, cmd or raw (no
                          quoting: the API's behaviour, unsafe)
        --params=JSON     the Parameters object: {"name": "value", ...}
        --builtins=JSON   values of {{ACS::Name}}: {"InstanceId": "i-1"}
        --contexts        list each placeholder's context instead (exit 1
                          when one is refused)
      {{oos:...}} references stay as written.
  validate catalog [--action NAME]
      Print an action's error catalog (default RunCommand) as JSON lines:
      {"code", "http_status", "message", "group"}. NAME is one of
      RunCommand, CreateCommand, InvokeCommand, ModifyCommand, SendFile,
      ModifyInvocationAttribute, StopInvocation.
  validate --help | --version
      This text; runcheck's release.

Text output escapes every control character of the input (\x1b, \u0085)
and lines carets up by display width. Exit status, single and batch: 0
valid (every line), 1 invalid (any line), 2 usage error or unreadable input.
")";

int PrintCatalog(const std::vector<std::string>& args) {
  std::string problem;
  std::optional<Flags> flags = ParseFlags(args, {"action"}, {}, &problem);
  if (!flags) return Usage(problem);
  if (!flags->positional.empty()) return Usage("'catalog' takes no arguments");
  runcheck::core::Action action = runcheck::core::Action::kRunCommand;
  if (flags->values.count("action")) {
    const std::optional<runcheck::core::Action> found =
        runcheck::validate::ParseActionOption(flags->values["action"], &problem);
    if (!found) return Usage(problem);
    action = *found;
  }
  for (const runcheck::core::CodeInfo& info : runcheck::core::CatalogOf(action)) {
    std::printf("{\"code\": %s, \"http_status\": %d, \"message\": %s, "
                "\"group\": \"%s\"}\n",
                JsonString(info.name).c_str(), info.http_status,
                JsonString(info.message).c_str(),
                std::string(runcheck::core::GroupLetter(info.group)).c_str());
  }
  return 0;
}

}  // namespace

// The subcommand an unknown first word meant, when it is within two edits
// of one ("freq" -> frequency is a prefix, "catalgo" -> catalog).
std::optional<std::string_view> MeantCommand(std::string_view word) {
  static constexpr std::string_view kCommands[] = {"frequency", "explain", "render", "catalog"};
  for (std::string_view c : kCommands) {
    if (word.size() >= 3 && c.substr(0, word.size()) == word) return c;
  }
  for (std::string_view c : kCommands) {
    if (runcheck::core::EditDistance(word, c, 2) <= 2) return c;
  }
  return std::nullopt;
}

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {  // the rest is not options
      args.insert(args.end(), argv + i, argv + argc);
      break;
    }
    if (arg == "--help" || arg == "-h" || arg == "help") {
      std::printf("%s\n", kUsage);
      return 0;
    }
    if (arg == "--version") {
      std::printf("validate (runcheck %s)\n", runcheck::core::kVersion);
      return 0;
    }
    args.emplace_back(arg);
  }
  if (args.empty()) return RequestCommand(args, stdin, stdout);  // stdin
  if (args[0] == "frequency") {
    return FrequencyCommand(std::vector<std::string>(args.begin() + 1, args.end()), stdin,
                            stdout);
  }
  if (args[0] == "explain") {
    return ExplainCommand(std::vector<std::string>(args.begin() + 1, args.end()), stdin, stdout);
  }
  if (args[0] == "render") {
    return RenderCommand(std::vector<std::string>(args.begin() + 1, args.end()), stdin, stdout);
  }
  if (args[0] == "catalog") {
    return PrintCatalog(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  // A first word that is no file but close to a subcommand is a typo of it.
  if (args[0][0] != '-' && args[0] != "-" && !std::filesystem::exists(args[0])) {
    if (const std::optional<std::string_view> meant = MeantCommand(args[0])) {
      return Usage(absl::StrCat("unknown command '", args[0], "' (did you mean ",
                                std::string(*meant), "?)"));
    }
  }
  return RequestCommand(args, stdin, stdout);
}
