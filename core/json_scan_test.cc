#include "core/json_scan.h"

#include <string>

#include "gtest/gtest.h"

namespace runcheck {
namespace core {
namespace {

TEST(JsonScanTest, ObjectMembersWithSpans) {
  const std::string text = R"( {"name": "Jack", "n": [1, {"x": 2}], "e":"a\u0000b", "t": true} )";
  const JsonScan s = ScanJson(text);
  ASSERT_FALSE(s.error.has_value());
  EXPECT_EQ(s.root.kind, JsonKind::kObject);
  EXPECT_EQ(s.root.span, (Span{1, text.size() - 2}));
  ASSERT_EQ(s.items.size(), 4u);
  EXPECT_EQ(s.items[0].key, "name");
  EXPECT_EQ(s.items[0].key_span, (Span{2, 6}));
  EXPECT_EQ(s.items[0].kind, JsonKind::kString);
  EXPECT_EQ(s.items[0].span, (Span{10, 6}));
  EXPECT_EQ(s.items[0].string_value, "Jack");
  EXPECT_EQ(s.items[1].kind, JsonKind::kArray);
  EXPECT_EQ(text.substr(s.items[1].span.offset, s.items[1].span.length),
            R"([1, {"x": 2}])");
  EXPECT_EQ(s.items[2].string_value, std::string("a\0b", 3));
  EXPECT_EQ(s.items[3].kind, JsonKind::kTrue);
  EXPECT_EQ(text.substr(s.items[3].span.offset, s.items[3].span.length), "true");
}

TEST(JsonScanTest, ArrayElementsAndNumbersAsText) {
  const std::string text = "[12345678901234567890123, -1.5e3, \"x\", null]";
  const JsonScan s = ScanJson(text);
  ASSERT_FALSE(s.error.has_value());
  EXPECT_EQ(s.root.kind, JsonKind::kArray);
  ASSERT_EQ(s.items.size(), 4u);
  EXPECT_EQ(s.items[0].kind, JsonKind::kNumber);
  EXPECT_EQ(text.substr(s.items[0].span.offset, s.items[0].span.length),
            "12345678901234567890123");
  EXPECT_EQ(text.substr(s.items[1].span.offset, s.items[1].span.length), "-1.5e3");
  EXPECT_EQ(s.items[3].kind, JsonKind::kNull);
}

TEST(JsonScanTest, ScalarRoot) {
  const JsonScan s = ScanJson(R"(  "a\"b"  )");
  ASSERT_FALSE(s.error.has_value());
  EXPECT_EQ(s.root.kind, JsonKind::kString);
  EXPECT_EQ(s.root.string_value, "a\"b");
  EXPECT_EQ(s.root.span, (Span{2, 6}));
  EXPECT_TRUE(s.items.empty());
}

TEST(JsonScanTest, InvalidUtf8PassesThrough) {
  const JsonScan s = ScanJson("{\"k\": \"\xC3(\"}");
  ASSERT_FALSE(s.error.has_value());
  EXPECT_EQ(s.items[0].string_value, "\xC3(");
}

TEST(JsonScanTest, SyntaxErrorsWithOffsets) {
  struct Case {
    const char* name;
    std::string text;
    size_t offset;
  };
  const Case kCases[] = {
      {"empty", "", 0},
      {"missing value", R"({"a": })", 6},
      {"trailing comma", R"({"a": 1,})", 8},
      {"two roots", R"({} {})", 3},
      {"comment", "{} // x", 3},
      {"bad escape", R"({"a": "\q"})", 7},
      {"unterminated", R"({"a": "x)", 8},
      {"NUL after root", std::string("{}\0{}", 5), 2},
      {"NaN", "[NaN]", 1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const JsonScan s = ScanJson(c.text);
    ASSERT_TRUE(s.error.has_value());
    EXPECT_EQ(s.error->offset, c.offset);
    EXPECT_TRUE(s.items.empty());
  }
}

TEST(JsonScanTest, QuoteAlwaysGivesValidJson) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\x01\xC3\xA9"), "\"a\\\"b\\\\c\\u000a\\u0001\xC3\xA9\"");
  EXPECT_EQ(JsonQuote("x\xC3("), "\"x\\ufffd(\"");
  const std::string nasty = std::string("\0\xFF\xC0\xAF\xED\xA0\x80 ok \xF0\x9F\x98\x80", 15);
  const JsonScan s = ScanJson(JsonQuote(nasty));
  ASSERT_FALSE(s.error.has_value());
  EXPECT_EQ(s.root.kind, JsonKind::kString);
  EXPECT_EQ(s.root.string_value.substr(0, 1), std::string(1, '\0'));
}

TEST(JsonScanTest, DeepNestingIsHeapBounded) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const JsonScan s = ScanJson(deep);
  ASSERT_FALSE(s.error.has_value());
  ASSERT_EQ(s.items.size(), 1u);
  EXPECT_EQ(s.items[0].span, (Span{1, deep.size() - 2}));
  const JsonScan broken = ScanJson(std::string(100000, '['));
  ASSERT_TRUE(broken.error.has_value());
  EXPECT_EQ(broken.error->offset, 100000u);
}

// String spans come from where RapidJSON decodes in place, with a shortcut
// for strings without escapes; both parsers (recursive for shallow texts,
// iterative past 64 brackets) must give every key and string its exact
// token, quotes included.
TEST(JsonScanTest, StringSpansWithAndWithoutEscapes) {
  const std::string members =
      R"("a": "", "\"k\"": "x\\", "e": "\u00e9\n", "q": "\"", "b": "\\\"",)"
      R"( "long": "0123456789abcdef0123456789abcdef", "u": "é", "n": 1)";
  for (int extra_opens : {0, 70}) {
    SCOPED_TRACE(extra_opens);
    std::string text = "{" + members;
    for (int i = 0; i < extra_opens; ++i) text += i == 0 ? ", \"deep\": [" : "[";
    for (int i = 0; i < extra_opens; ++i) text += "]";
    text += "}";
    const JsonScan s = ScanJson(text);
    ASSERT_FALSE(s.error.has_value()) << s.error->detail;
    const std::vector<std::pair<std::string, std::string>> want = {
        {R"("a")", R"("")"},           {R"("\"k\"")", R"("x\\")"},
        {R"("e")", R"("\u00e9\n")"}, {R"("q")", R"("\"")"},
        {R"("b")", R"("\\\"")"},    {R"("long")", R"("0123456789abcdef0123456789abcdef")"},
        {R"("u")", R"("é")"},          {R"("n")", "1"}};
    ASSERT_GE(s.items.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(s.Raw(JsonItem{{}, {}, JsonKind::kNull, s.items[i].key_span}), want[i].first);
      EXPECT_EQ(s.Raw(s.items[i]), want[i].second);
    }
    EXPECT_EQ(s.items[1].key, "\"k\"");
    EXPECT_EQ(s.items[1].string_value, "x\\");
    EXPECT_EQ(s.items[2].string_value, "\xC3\xA9\n");
  }
}

// RFC 8259: control characters inside strings must be escaped. RapidJSON
// 1.1.0's SSE2 scanners miss 0x1A-0x1F in some alignments; the scan must
// refuse every one of them, wherever it sits, at its own offset.
TEST(JsonScanTest, RawControlCharactersInStringsAreErrors) {
  for (int c = 0x01; c <= 0x1F; ++c) {
    for (size_t pos = 0; pos < 40; ++pos) {
      SCOPED_TRACE(testing::Message() << "byte " << c << " at " << pos);
      const std::string value = std::string(pos, 'a') + static_cast<char>(c) + std::string(20, 'b');
      for (const std::string& text : {"\"" + value + "\"", "{\"k\": \"" + value + "\"}",
                                      "{\"" + value + "\": 1}"}) {
        const JsonScan s = ScanJson(text);
        ASSERT_TRUE(s.error.has_value());
        EXPECT_EQ(s.error->offset, text.find(static_cast<char>(c)));
      }
    }
  }
  // An earlier error is the one reported.
  const JsonScan early = ScanJson("{\"a\" 1, \"b\": \"\x1a\"}");
  ASSERT_TRUE(early.error.has_value());
  EXPECT_EQ(early.error->offset, 5u);
  // Outside strings such a byte is refused where it stands.
  const JsonScan outside = ScanJson("[1,\x1c2]");
  ASSERT_TRUE(outside.error.has_value());
  EXPECT_EQ(outside.error->offset, 3u);
}

// A raw control byte in a string is named as such, at its offset (not as a
// missing quotation mark or a bad escape).
TEST(JsonScanTest, RawControlCharactersAreNamed) {
  for (const std::string text : {std::string("{\"a\": \"x\0y\"}", 12),
                                 std::string("{\"a\": \"x\x1by\"}"),
                                 std::string("{\"a\": \"x\x1fy\"}"),
                                 std::string("{\"a\": \"x\ny\"}")}) {
    const JsonScan s = ScanJson(text);
    ASSERT_TRUE(s.error.has_value());
    EXPECT_EQ(s.error->offset, 8u);
    EXPECT_NE(s.error->detail.find("raw control character U+00"), std::string::npos)
        << s.error->detail;
  }
}

}  // namespace
}  // namespace core
}  // namespace runcheck
