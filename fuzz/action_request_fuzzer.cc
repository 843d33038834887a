// Fuzz target: a request of a random action. The first byte picks the
// caller's action (DecodeOptions::action, as validate --action does); the
// rest is the request, in either wire form. Checks: a request that names
// another action is malformed at its Action value; otherwise everything
// CheckValidation (fuzz/request_fuzz_util.h) checks, for that action.

#include <cstdint>
#include <string_view>

#include "core/action.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/request_fuzz_util.h"
#include "rules/request_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace runcheck;
  if (size < 1 || size > 256 * 1024) return 0;
  const auto actions = core::Actions();
  const core::Action action = actions[data[0] % actions.size()];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  rules::DecodeOptions options;
  options.action = action;
  const rules::DecodedRequest d = rules::DecodeRequest(text, options);
  if (d.envelope_error) {
    fuzz::CheckEnvelopeError(*d.envelope_error, text.size());
    return 0;
  }
  fuzz::Check(d.request.action == action);
  fuzz::CheckValidation(text, d);
  return 0;
}
