#include "validate/terminal_text.h"

#include <string>

#include "gtest/gtest.h"

namespace runcheck {
namespace validate {
namespace {

TEST(TerminalTextTest, EscapesEveryControlCharacter) {
  const struct {
    std::string in;
    std::string out;
  } kCases[] = {
      {"plain text", "plain text"},
      {"a\x1b[2Jb", "a\\x1b[2Jb"},
      {std::string("nul\0", 4), "nul\\x00"},
      {"bell\x07", "bell\\x07"},
      {"del\x7f", "del\\x7f"},
      {"tab\there\r\n", "tab\\there\\r\\n"},
      {"c1 \xC2\x85 \xC2\x9B", "c1 \\u0085 \\u009b"},          // NEL, CSI
      {"rtl \xE2\x80\xAE" "abc", "rtl \\u202eabc"},             // RIGHT-TO-LEFT OVERRIDE
      {"isolate \xE2\x81\xA6", "isolate \\u2066"},
      {"bad \xFF\xC3(", "bad \\xff\\xc3("},
      {"\xE4\xB8\xAD\xE6\x96\x87 caf\xC3\xA9", "\xE4\xB8\xAD\xE6\x96\x87 caf\xC3\xA9"},
  };
  for (const auto& c : kCases) EXPECT_EQ(EscapeForTerminal(c.in), c.out) << c.out;
  // Every byte alone: nothing below 0x20, 0x7F or a raw C1 byte survives.
  for (int b = 0; b < 256; ++b) {
    const std::string out = EscapeForTerminal(std::string(1, static_cast<char>(b)));
    for (unsigned char c : out) {
      EXPECT_FALSE(c < 0x20 || c == 0x7F || c >= 0x80) << b;
    }
  }
}

TEST(TerminalTextTest, DisplayWidthCountsWideAndCombiningCharacters) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("\xE4\xB8\xAD\xE6\x96\x87"), 4u);  // 中文
  EXPECT_EQ(DisplayWidth("\xEF\xBC\xA1"), 2u);              // FULLWIDTH A
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);                 // e + COMBINING ACUTE
  EXPECT_EQ(DisplayWidth("\xE3\x81\x82"), 2u);              // あ
}

TEST(TerminalTextTest, CaretsLineUpByDisplayWidth) {
  // "中文=x" : the caret under x is at column 5 (two wide characters, '=').
  EXPECT_EQ(CaretLines("\xE4\xB8\xAD\xE6\x96\x87=x", core::Span{7, 1}),
            "    \xE4\xB8\xAD\xE6\x96\x87=x\n         ^\n");
  // An escaped ESC takes four columns, and a span over it four carets.
  EXPECT_EQ(CaretLines("a\x1b" "b", core::Span{1, 1}), "    a\\x1bb\n     ^^^^\n");
  // The line holding the span only.
  EXPECT_EQ(CaretLines("first\nsecond\nthird", core::Span{8, 2}), "    second\n      ^^\n");
  // A span at the end points past the last character.
  EXPECT_EQ(CaretLines("abc", core::Span{3, 0}), "    abc\n       ^\n");
}

TEST(TerminalTextTest, CaretContextIsBoundedWhateverTheValue) {
  const std::string huge(1 << 20, 'x');
  const std::string out = CaretLines(huge, core::Span{500000, 3});
  EXPECT_LE(out.size(), 2 * (4 + 100 + 1));
  EXPECT_NE(out.find("^^^"), std::string::npos);
  // Context never starts inside a UTF-8 sequence.
  std::string wide;
  while (wide.size() < 300) wide += "\xE4\xB8\xAD";
  const std::string w = CaretLines(wide, core::Span{151, 3});
  EXPECT_EQ(w.substr(4, 3), "\xE4\xB8\xAD");
}

}  // namespace
}  // namespace validate
}  // namespace runcheck
