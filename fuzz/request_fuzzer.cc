// Fuzz target: whole-request validation (rules/validate.h) behind the
// auto-detecting decoder, for the action the request names (RunCommand when
// it names none). The checks: fuzz/request_fuzz_util.h, CheckValidation.

#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "fuzz/request_fuzz_util.h"
#include "rules/request_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const runcheck::rules::DecodedRequest d = runcheck::rules::DecodeRequest(text);
  if (d.envelope_error) {
    runcheck::fuzz::CheckEnvelopeError(*d.envelope_error, size);
    return 0;
  }
  runcheck::fuzz::CheckValidation(text, d);
  return 0;
}
