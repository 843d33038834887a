#include "core/base64.h"

#include <random>
#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace runcheck {
namespace core {
namespace {

// The policy table is the specification (SPEC 4.1).
TEST(Base64Test, PolicyTable) {
  struct Case {
    const char* name;
    std::string text;
    std::optional<size_t> error;
  };
  const Case kCases[] = {
      {"empty", "", std::nullopt},
      {"one byte", "YQ==", std::nullopt},
      {"two bytes", "YWI=", std::nullopt},
      {"three bytes", "YWJj", std::nullopt},
      {"all alphabet", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", std::nullopt},
      {"missing padding (2)", "YQ", 2},
      {"missing padding (1)", "YWI", 3},
      {"missing one of two pads", "YQ=", 3},
      {"too short", "Y", 1},
      {"three pads", "Y===", 1},
      {"pad in the middle", "YQ==YWJj", 2},
      {"pad then data", "YW=j", 2},
      {"space", "YW Jj", 2},
      {"newline", "YWJj\nYWJj", 4},
      {"trailing newline", "YWJj\n", 4},
      {"url-safe minus", "YW-j", 2},
      {"url-safe underscore", "_WJj", 0},
      {"non-zero bits, 1 pad", "YWJ=", 2},
      {"non-zero bits, 2 pads", "YR==", 1},
      {"zero bits ok, 2 pads", "YQ==", std::nullopt},
      {"NUL", std::string("YW\0j", 4), 2},
      {"high byte", "YW\xC3\xA9", 2},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FirstBase64Error(c.text), c.error);
    EXPECT_EQ(DecodeBase64(c.text).has_value(), !c.error.has_value());
  }
}

TEST(Base64Test, DecodesAndSizes) {
  EXPECT_EQ(*DecodeBase64("ZWNobyBoZWxsbw=="), "echo hello");
  EXPECT_EQ(DecodedBase64Size("ZWNobyBoZWxsbw=="), 10u);
  EXPECT_EQ(DecodedBase64Size("YWI="), 2u);
  EXPECT_EQ(DecodedBase64Size("YWJj"), 3u);
  EXPECT_EQ(DecodedBase64Size(""), 0u);
}

// Differential: every encoding of random bytes is valid and decodes back;
// a random one-character change is valid exactly when it is the canonical
// encoding of what Abseil decodes it to.
TEST(Base64Test, AgreesWithAReferenceEncoder) {
  std::mt19937 rng(42);
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=- \n";
  for (int round = 0; round < 3000; ++round) {
    std::string bytes(rng() % 10, '\0');
    for (char& b : bytes) b = static_cast<char>(rng());
    const std::string encoded = absl::Base64Escape(absl::string_view(bytes.data(), bytes.size()));
    std::string enc(encoded.data(), encoded.size());
    ASSERT_FALSE(FirstBase64Error(enc).has_value()) << enc;
    ASSERT_EQ(*DecodeBase64(enc), bytes);
    if (enc.empty()) continue;
    std::string mutated = enc;
    mutated[rng() % mutated.size()] = alphabet[rng() % alphabet.size()];
    std::string decoded;
    const bool lenient = absl::Base64Unescape(absl::string_view(mutated.data(), mutated.size()), &decoded);
    const std::string canonical = lenient ? std::string(absl::Base64Escape(decoded)) : "";
    EXPECT_EQ(!FirstBase64Error(mutated).has_value(), lenient && canonical == mutated)
        << mutated;
  }
}

}  // namespace
}  // namespace core
}  // namespace runcheck
