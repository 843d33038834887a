#include "core/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace runcheck {
namespace core {
namespace {

struct Case {
  const char* name;
  std::string text;
  bool valid;
  size_t first_invalid;
  size_t code_points;
};

TEST(Utf8Test, Validity) {
  const Case kCases[] = {
      {"empty", "", true, 0, 0},
      {"ascii", "abc", true, 0, 3},
      {"two-byte", "caf\xC3\xA9", true, 0, 4},
      {"three-byte", "\xE4\xB8\xAD\xE6\x96\x87", true, 0, 2},
      {"four-byte", "\xF0\x9F\x98\x80!", true, 0, 2},
      {"max code point", "\xF4\x8F\xBF\xBF", true, 0, 1},
      {"above U+10FFFF", "a\xF4\x90\x80\x80", false, 1, 5},
      {"overlong slash", "\xC0\xAF", false, 0, 2},
      {"overlong three-byte", "x\xE0\x80\xAF", false, 1, 4},
      {"overlong four-byte", "\xF0\x80\x80\xAF", false, 0, 4},
      {"surrogate", "ab\xED\xA0\x80", false, 2, 5},
      {"truncated at end", "ab\xE4\xB8", false, 2, 4},
      {"lone continuation", "\x80", false, 0, 1},
      {"bad second byte", "\xC3(", false, 0, 2},
      {"F5 lead", "\xF5\x80\x80\x80", false, 0, 4},
      {"NUL is valid UTF-8", std::string("a\0b", 3), true, 0, 3},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const Utf8Facts f = ScanUtf8(c.text);
    EXPECT_EQ(f.valid, c.valid);
    if (!c.valid) EXPECT_EQ(f.first_invalid, c.first_invalid);
    EXPECT_EQ(f.code_points, c.code_points);
  }
}

TEST(Utf8Test, ControlCharacters) {
  struct Control {
    const char* name;
    std::string text;
    bool allow_tab_lf_cr;
    std::optional<Span> first;
  };
  const Control kCases[] = {
      {"none", "plain text", false, std::nullopt},
      {"NUL", std::string("ab\0", 3), false, Span{2, 1}},
      {"tab", "a\tb", false, Span{1, 1}},
      {"tab allowed", "a\tb\r\n", true, std::nullopt},
      {"DEL", "x\x7F", true, Span{1, 1}},
      {"C1 U+0085", "ok\xC2\x85", false, Span{2, 2}},
      {"U+00A0 is not control", "\xC2\xA0", false, std::nullopt},
      {"first of several", "\x01\x02", false, Span{0, 1}},
  };
  for (const Control& c : kCases) {
    SCOPED_TRACE(c.name);
    const Utf8Facts f = ScanUtf8(c.text, c.allow_tab_lf_cr);
    ASSERT_EQ(f.first_control.has_value(), c.first.has_value());
    if (c.first) EXPECT_EQ(*f.first_control, *c.first);
  }
}

// The word-at-a-time fast path must find every special byte wherever it
// sits relative to an 8-byte boundary.
TEST(Utf8Test, SpecialBytesAtEveryPosition) {
  struct Insert {
    std::string bytes;
    bool valid;
    bool control;
  };
  const Insert kInserts[] = {
      {std::string(1, '\0'), true, true}, {"\x1F", true, true}, {" ", true, false},
      {"~", true, false},  {"\x7F", true, true}, {"\x80", false, false},
      {"\xC2\x85", true, true}, {"\xC3\xA9", true, false}, {"\xFF", false, false},
  };
  for (const Insert& ins : kInserts) {
    for (size_t pos = 0; pos <= 40; ++pos) {
      SCOPED_TRACE(pos);
      const std::string text =
          std::string(pos, 'a') + ins.bytes + std::string(40 - pos, 'b');
      const Utf8Facts f = ScanUtf8(text);
      EXPECT_EQ(f.valid, ins.valid);
      if (!ins.valid) EXPECT_EQ(f.first_invalid, pos);
      EXPECT_EQ(f.code_points, 41u);
      ASSERT_EQ(f.first_control.has_value(), ins.control);
      if (ins.control) EXPECT_EQ(f.first_control->offset, pos);
    }
  }
}

// The block-at-a-time path against a sequence-at-a-time reference, on
// random mixes of printable ASCII, controls (allowed or not), multi-byte
// characters, C1 controls and invalid bytes, at random alignments.
Utf8Facts ReferenceScan(std::string_view text, bool allow_tab_lf_cr) {
  Utf8Facts f;
  for (size_t i = 0; i < text.size(); ++f.code_points) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = Utf8SequenceLength(text.substr(i));
    const bool allowed = allow_tab_lf_cr && (c == '\t' || c == '\n' || c == '\r');
    if (n == 0) {
      if (f.valid) f.first_invalid = i;
      f.valid = false;
      n = 1;
    } else if (!f.first_control && !allowed &&
               (c < 0x20 || c == 0x7F ||
                (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F))) {
      f.first_control = Span{i, n};
    }
    i += n;
  }
  return f;
}

TEST(Utf8Test, AgreesWithReferenceOnRandomText) {
  const std::string kPieces[] = {"a", "Z", " ", "~", "\t", "\n", "\r", std::string(1, '\0'),
                                 "\x1F", "\x7F", "\xC3\xA9", "\xC2\x85", "\xE2\x80\x99",
                                 "\xF0\x9F\x98\x80", "\x80", "\xFF", "\xE2\x80"};
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t len = next() % 200;
    // Mostly printable ASCII, so the 16-byte blocks are exercised.
    for (size_t k = 0; k < len; ++k) {
      text += next() % 4 == 0 ? kPieces[next() % std::size(kPieces)] : std::string(1, 'a' + next() % 26);
    }
    for (bool allow : {false, true}) {
      SCOPED_TRACE(testing::Message() << "round " << round << " allow " << allow);
      const Utf8Facts want = ReferenceScan(text, allow);
      const Utf8Facts got = ScanUtf8(text, allow);
      EXPECT_EQ(got.valid, want.valid);
      if (!want.valid) EXPECT_EQ(got.first_invalid, want.first_invalid);
      EXPECT_EQ(got.code_points, want.code_points);
      EXPECT_EQ(got.first_control, want.first_control);
    }
    const std::optional<size_t> bad = FirstInvalidUtf8(text);
    EXPECT_EQ(bad.has_value(), !ReferenceScan(text, false).valid);
    if (bad) EXPECT_EQ(*bad, ReferenceScan(text, false).first_invalid);
  }
}

// The 64-byte ASCII fast path hands over to the exact scan at the right byte.
TEST(Utf8Test, FirstInvalidAfterLongAsciiRuns) {
  for (size_t pos = 0; pos <= 200; ++pos) {
    SCOPED_TRACE(pos);
    const std::string prefix(pos, 'a');
    EXPECT_EQ(FirstInvalidUtf8(prefix + "\xFF" + std::string(70, 'b')), pos);
    EXPECT_EQ(FirstInvalidUtf8(prefix + "\xC3\xA9\xC3" + std::string(70, 'b')), pos + 2);
    EXPECT_FALSE(FirstInvalidUtf8(prefix + "\xC3\xA9" + std::string(70, 'b')).has_value());
  }
}

TEST(Utf8Test, SequenceLength) {
  EXPECT_EQ(Utf8SequenceLength(""), 0u);
  EXPECT_EQ(Utf8SequenceLength("a"), 1u);
  EXPECT_EQ(Utf8SequenceLength("\xC3\xA9"), 2u);
  EXPECT_EQ(Utf8SequenceLength("\xE2\x80\x99"), 3u);
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x98\x80"), 4u);
  EXPECT_EQ(Utf8SequenceLength("\xC3"), 0u);
}

}  // namespace
}  // namespace core
}  // namespace runcheck
