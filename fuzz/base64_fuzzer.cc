// Fuzz target: the strict Base64 checker (core/base64.h), differentially
// against a reference: a text is strict Base64 exactly when a lenient
// decoder (Abseil's) accepts it and the canonical encoding of what it
// decodes to is the text itself. Also: a reported offset lies within the
// text's length, and DecodeBase64 agrees with the checker and round-trips.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "absl/strings/escaping.h"
#include "core/base64.h"

namespace {

using runcheck::fuzz::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<size_t> error = runcheck::core::FirstBase64Error(text);
  std::string decoded;
  const bool lenient = absl::Base64Unescape(absl::string_view(text.data(), text.size()), &decoded);
  const bool canonical = lenient && std::string(absl::Base64Escape(decoded)) == text;
  Check(!error.has_value() == canonical);
  if (error) Check(*error <= size);
  const std::optional<std::string> strict = runcheck::core::DecodeBase64(text);
  Check(strict.has_value() == !error.has_value());
  if (strict) {
    Check(*strict == decoded);
    Check(runcheck::core::DecodedBase64Size(text) == strict->size());
  }
  return 0;
}
