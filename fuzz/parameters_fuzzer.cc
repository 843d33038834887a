// Fuzz target: the Parameters check and rendering (params/parameters.h,
// params/render.h). Input: one selector byte, then the Parameters JSON text.
// Checks: every span lies inside the text, key spans are quoted tokens; an
// invalid object yields exactly one violation; object-level violations come
// before per-pair ones and per-pair ones are in text order; rendering the
// content with the values: raw length equals SubstitutedSize(), and POSIX
// quoting fails only for a value holding NUL.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "params/parameters.h"
#include "params/render.h"


namespace {

using runcheck::core::Code;
using runcheck::core::Span;
namespace params = runcheck::params;

using runcheck::fuzz::Check;

bool ObjectLevel(Code c) {
  return c == Code::kParameterCountExceedLimit || c == Code::kParameterKeyDuplicate;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 64 * 1024) return 0;
  const uint8_t selector = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  runcheck::core::Limits limits;
  if (selector & 1) {
    limits.max_parameter_pairs = 2;
    limits.max_parameter_key_chars = 4;
  }
  const std::string content =
      "echo {{name}} {{ a }} {{B}} {{ACS::RegionId}} {{oos:x}} {{key-1}}";
  const params::TemplateScan scan = params::ScanTemplate(content, limits);
  // Bit 2: ModifyInvocationAttribute's key codes (empty, malformed).
  params::KeyCodes key_codes;
  if (selector & 4) {
    key_codes.empty = Code::kInvalidParametersKeyEmpty;
    key_codes.malformed = Code::kInvalidParametersKeyMalformed;
  }
  const params::ParametersCheck p =
      params::CheckParameters(text, limits, (selector & 2) ? &scan : nullptr, key_codes);

  auto inside = [&](const Span& s) { return s.offset + s.length <= text.size(); };
  for (const params::ParameterPair& pair : p.pairs) {
    Check(inside(pair.key_span) && inside(pair.value_span));
    Check(pair.key_span.length >= 2 && text[pair.key_span.offset] == '"' &&
          text[pair.key_span.offset + pair.key_span.length - 1] == '"');
    Check(pair.key_span.offset + pair.key_span.length <= pair.value_span.offset);
  }
  const auto& vs = p.findings.violations;
  // The object-level InvalidParameter.Parameters (field `Parameters`; an
  // empty key has it too, on `Parameters.`) is alone.
  auto object_level_invalid = [](const runcheck::core::Violation& v) {
    return v.code == Code::kInvalidParameterParameters && v.field == "Parameters";
  };
  if (!vs.empty() && object_level_invalid(vs[0])) {
    Check(vs.size() == 1 && p.pairs.empty());
  }
  bool pair_level = false;
  size_t last = 0;
  for (const runcheck::core::Violation& v : vs) {
    Check(v.span.has_value() && inside(*v.span));
    if (ObjectLevel(v.code)) {
      Check(!pair_level);
      continue;
    }
    if (object_level_invalid(v)) continue;
    // The empty-key code below the object level names an empty key.
    if (v.code == key_codes.empty) Check(v.field == "Parameters.");
    if (v.code == Code::kInvalidParametersKeyMalformed) Check((selector & 4) != 0);
    pair_level = true;
    Check(v.span->offset >= last);
    last = v.span->offset;
  }

  const params::ParameterValues values = params::ParameterValues::FromPairs(p.pairs);
  params::ParameterValues builtins;
  builtins.Set("RegionId", "cn-hangzhou");
  params::RenderOptions options;
  options.user = &values;
  options.builtins = &builtins;
  const params::Rendered raw = params::Render(content, scan, options);
  Check(!raw.error.has_value());
  // The built-in's value has the length of its placeholder minus 6.
  Check(static_cast<int64_t>(raw.script.size()) ==
        params::SubstitutedSize(content, scan, values) - 6);
  // The checker's own size arithmetic agrees with the renderer's.
  if (selector & 2) {
    Check(static_cast<int64_t>(content.size()) + p.substitution_delta ==
          params::SubstitutedSize(content, scan, values));
  }
  options.quoting = params::Quoting::kPosixShell;
  const params::Rendered sh = params::Render(content, scan, options);
  bool has_nul = false;
  for (const char* name : {"name", "a", "B", "key-1"}) {
    const std::string* v = values.Find(name);
    if (v != nullptr && v->find('\0') != std::string::npos) has_nul = true;
  }
  Check(sh.error.has_value() == has_nul);
  return 0;
}
