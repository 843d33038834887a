#include "validate/render_command.h"

#include <optional>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "params/parameters.h"
#include "params/render.h"
#include "params/template.h"
#include "validate/cli_util.h"
#include "validate/report.h"
#include "validate/terminal_text.h"

namespace runcheck {
namespace validate {
namespace {

std::optional<params::Quoting> ParseQuoting(std::string_view s) {
  if (s == "raw") return params::Quoting::kRaw;
  if (s == "posix") return params::Quoting::kPosixShell;
  if (s == "powershell") return params::Quoting::kPowerShell;
  if (s == "cmd") return params::Quoting::kCmd;
  return std::nullopt;
}

std::string_view KindName(params::RenderError::Kind k) {
  switch (k) {
    case params::RenderError::kUnsafeValue: return "unsafe value";
    case params::RenderError::kMissingBuiltin: return "missing built-in";
    case params::RenderError::kUnresolvedReference: return "unresolved reference";
    case params::RenderError::kUnsafeContext: return "unsafe context";
  }
  return "error";
}

void Write(std::FILE* out, std::string_view s) { std::fwrite(s.data(), 1, s.size(), out); }

// The values of a Parameters-style JSON object (`flag` names it in errors);
// prints its violations and returns nullopt when it is not valid.
std::optional<params::ParameterValues> Values(std::string_view flag, std::string_view json,
                                              const params::TemplateScan* scan,
                                              std::FILE* out) {
  const params::ParametersCheck check = params::CheckParameters(json, core::Limits{}, scan);
  if (!check.findings.ok()) {
    Write(out, absl::StrCat("invalid --", std::string(flag), "\n"));
    for (const core::Violation& v : check.findings.violations) Write(out, ViolationText(v, json));
    return std::nullopt;
  }
  return params::ParameterValues::FromPairs(check.pairs);
}

}  // namespace

int RenderCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out) {
  std::string problem;
  std::optional<Flags> flags =
      ParseFlags(args, {"quoting", "params", "builtins"}, {"contexts"}, &problem);
  if (!flags) return Usage(problem);
  auto& f = flags->values;
  const std::optional<params::Quoting> quoting =
      ParseQuoting(f.count("quoting") ? f["quoting"] : "posix");
  if (!quoting) return Usage("--quoting takes raw, posix, powershell or cmd");
  if (flags->positional.size() > 1) return Usage("give one template file (or - for stdin)");
  const std::optional<std::string> text =
      ReadInput(flags->positional.empty() ? "-" : flags->positional[0], in, &problem);
  if (!text) return Usage(problem);

  const params::TemplateScan scan = params::ScanTemplate(*text, core::Limits{});
  if (!scan.findings.ok()) {
    Write(out, "invalid template\n");
    for (const core::Violation& v : scan.findings.violations) Write(out, ViolationText(v, *text));
    return kExitInvalid;
  }
  params::ParameterValues user, builtins;
  if (f.count("params")) {
    std::optional<params::ParameterValues> v = Values("params", f["params"], &scan, out);
    if (!v) return kExitInvalid;
    user = std::move(*v);
  }
  if (f.count("builtins")) {
    std::optional<params::ParameterValues> v = Values("builtins", f["builtins"], nullptr, out);
    if (!v) return kExitInvalid;
    builtins = std::move(*v);
  }
  const params::RenderPlan plan(*text, scan, *quoting);
  if (f.count("contexts")) {
    bool all = true;
    for (size_t k = 0; k < scan.placeholders.size(); ++k) {
      const core::Span span = scan.placeholders[k].span;
      const bool ok = plan.IsRenderable(k);
      all = all && ok;
      Write(out, absl::StrCat("byte ", span.offset, ": ",
                              EscapeForTerminal(std::string_view(*text).substr(span.offset,
                                                                               span.length)),
                              " ", ok ? "renders" : "refused", " (",
                              plan.ContextName(k).empty() ? std::string("raw") : std::string(plan.ContextName(k)), ")\n"));
      if (!ok) Write(out, CaretLines(*text, span));
    }
    return all ? kExitValid : kExitInvalid;
  }
  params::RenderOptions options;
  options.user = &user;
  options.builtins = &builtins;
  const params::Rendered r = params::Render(*text, scan, plan, options);
  if (r.error) {
    Write(out, absl::StrCat("refused: ", std::string(KindName(r.error->kind)), " at byte ",
                            r.error->placeholder.offset, ": ",
                            EscapeForTerminal(r.error->detail), "\n"));
    Write(out, CaretLines(*text, r.error->placeholder));
    return kExitInvalid;
  }
  Write(out, r.script);
  return kExitValid;
}

}  // namespace validate
}  // namespace runcheck
