// Fuzz target: the two request decoders (rules/request_decode.h). The first
// byte picks the form (even: query, odd: JSON); the rest is the text.
// Checks: a malformed span lies inside the text; a decoded request survives
// both encoders: its query form decodes back equal, and its JSON form (when
// every value is UTF-8) decodes back equal up to list renumbering.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "rules/request_decode.h"
#include "rules/request_encode.h"
#include "fuzz/request_fuzz_util.h"

namespace {

using namespace runcheck;

using runcheck::fuzz::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 256 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const rules::DecodedRequest d = (data[0] & 1) ? rules::DecodeJsonRequest(text) : rules::DecodeQueryRequest(text);
  if (d.envelope_error) {
    fuzz::CheckEnvelopeError(*d.envelope_error, text.size());
    return 0;
  }
  const rules::DecodedRequest q = rules::DecodeQueryRequest(rules::ToQueryForm(d.request));
  Check(!q.envelope_error && q.request == fuzz::WithoutEmptyTagEntries(d.request));
  if (const auto json = rules::ToJsonForm(d.request)) {
    const rules::DecodedRequest j = rules::DecodeJsonRequest(*json);
    Check(!j.envelope_error && j.request == fuzz::Renumbered(d.request));
  }
  return 0;
}
