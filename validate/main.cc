// validate: check RunCommand requests and Frequency expressions from the
// command line. See README.md ("The validate binary") for the subcommands.
//
// Exit status: 0 valid, 1 invalid, 2 usage or input error.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rules/catalog.h"

namespace {

constexpr int kExitUsage = 2;

constexpr char kUsage[] = R"(validate: check ECS Cloud Assistant RunCommand requests.

Usage:
  validate catalog            Print the error catalog as JSON lines:
                              {"code", "http_status", "message", "group"}.
  validate --help             This text.

Exit status: 0 valid, 1 invalid, 2 usage or input error.)";

// JSON string escaping for the catalog's ASCII text and any UTF-8.
std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (u < 0x20) {
          out += absl::StrFormat("\\u%04x", u);
        } else {
          out += c;
        }
    }
  }
  out += "\"";
  return out;
}

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

int Usage(const std::string& problem) {
  std::fprintf(stderr, "validate: %s\nRun 'validate --help' for usage.\n",
               problem.c_str());
  return kExitUsage;
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
    if (arg.size() > 1 && arg[0] == '-') {
      return Usage(absl::StrCat("unknown flag ", std::string(arg)));
    }
    args.emplace_back(arg);
  }
  if (args.empty()) return Usage("missing subcommand");
  if (args[0] == "catalog") {
    if (args.size() != 1) return Usage("'catalog' takes no arguments");
    return PrintCatalog();
  }
  return Usage(absl::StrCat("unknown subcommand '", args[0], "'"));
}
