#include "rules/request_decode.h"

#include <string>

#include "gtest/gtest.h"
#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {
namespace {

TEST(RequestDecodeTest, BothFormsAgree) {
  const DecodedRequest q = DecodeRequest(
      "?Action=RunCommand&RegionId=cn-hangzhou&Type=RunShellScript"
      "&CommandContent=echo+%7B%7Bname%7D%7D%20%E4%B8%AD&InstanceId.2=i-b&InstanceId.1=i-a"
      "&Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=team&ResourceTag.1.Key=k"
      "&Parameters=%7B%22name%22%3A%22Jack%22%7D&Timeout=60&EnableParameter=true"
      "&Unknown.1=ignored&&Name=");
  const DecodedRequest j = DecodeRequest(
      R"( {"RegionId": "cn-hangzhou", "Type": "RunShellScript",
          "CommandContent": "echo {{name}} \u4e2d", "InstanceId": ["i-a", "i-b"],
          "Tag": [{"Key": "env", "Value": "prod"}, {"Key": "team"}],
          "ResourceTag": [{"Key": "k", "Value": null}],
          "Parameters": {"name":"Jack"}, "Timeout": 60, "EnableParameter": true,
          "Unknown": [1, {"x": 2}], "Name": "", "Description": null})");
  ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
  ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
  EXPECT_EQ(q.form, WireForm::kQuery);
  EXPECT_EQ(j.form, WireForm::kJson);
  EXPECT_EQ(*q.request.command_content, "echo {{name}} \xE4\xB8\xAD");
  ASSERT_EQ(q.request.instance_ids.size(), 2u);
  EXPECT_EQ(q.request.instance_ids[0].value, "i-a");
  EXPECT_EQ(q.request.tags[1].index, 2);
  EXPECT_FALSE(q.request.tags[1].value.has_value());
  EXPECT_EQ(*q.request.name, "");
  EXPECT_FALSE(q.request.description.has_value());
  EXPECT_TRUE(q.request == j.request);
}

TEST(RequestDecodeTest, QueryListsKeepIndexOrderAndGaps) {
  const DecodedRequest d = DecodeQueryRequest("InstanceId.10=c&InstanceId.3=b&InstanceId.1=a");
  ASSERT_FALSE(d.envelope_error.has_value());
  ASSERT_EQ(d.request.instance_ids.size(), 3u);
  EXPECT_EQ(d.request.instance_ids[1], (ListEntry{3, "b"}));
  EXPECT_EQ(d.request.instance_ids[2], (ListEntry{10, "c"}));
}

TEST(RequestDecodeTest, TypedJsonValuesBecomeText) {
  const DecodedRequest d = DecodeJsonRequest(
      R"({"Timeout": 1e3, "KeepCommand": false, "Timed": "TRUE", "Parameters": "{}"})");
  ASSERT_FALSE(d.envelope_error.has_value());
  EXPECT_EQ(*d.request.timeout, "1e3");
  EXPECT_EQ(*d.request.keep_command, "false");
  EXPECT_EQ(*d.request.timed, "TRUE");
  EXPECT_EQ(*d.request.parameters, "{}");
}

TEST(RequestDecodeTest, PercentEscapesMayCarryAnyByteIntoAValue) {
  const DecodedRequest d = DecodeQueryRequest("Name=%C3%28%00");
  ASSERT_FALSE(d.envelope_error.has_value());
  EXPECT_EQ(*d.request.name, std::string("\xC3(\0", 3));
}

TEST(RequestDecodeTest, MalformedWithOffsets) {
  struct Case {
    const char* name;
    std::string text;
    size_t offset;
  };
  const Case kCases[] = {
      {"bad escape", "RegionId=a%2", 10},
      {"bad hex", "RegionId=a&Name=%G1", 16},
      {"escape in key", "Reg%ZZ=1", 3},
      {"raw invalid UTF-8", "Name=a\xC3(", 6},
      {"repeated key", "RegionId=a&Name=x&RegionId=b", 18},
      {"repeated after decoding", "Name=a&N%61me=b", 7},
      {"repeated list key", "InstanceId.2=a&Tag.1.Key=k&InstanceId.2=b", 27},
      {"repeated tag half", "Tag.1.Key=k&Tag.1.Value=v&Tag.1.Value=w", 26},
      {"repeated unknown key", "Action=RunCommand&X=1&Action=RunCommand", 22},
      {"a repeat before a bad escape", "Name=a&Name=b&Type=%G", 7},
      {"list repeat before an unknown repeat", "Tag.1.Key=a&X=1&Tag.1.Key=b&X=2", 16},
      {"unknown repeat before a list repeat", "X=1&Tag.1.Key=a&X=2&Tag.1.Key=b", 16},
      {"list repeat before a bad index", "InstanceId.1=a&InstanceId.1=b&InstanceId.0=c", 15},
      {"bad index before a list repeat", "InstanceId.1=a&InstanceId.0=b&InstanceId.1=c", 15},
      {"index zero", "InstanceId.0=i", 0},
      {"leading zero", "x=1&InstanceId.01=i", 4},
      {"index too big", "Tag.10001.Key=k", 0},
      {"index not a number", "Tag.a.Key=k", 0},
      {"broken JSON", R"({"RegionId": })", 13},
      {"JSON not an object", " [1]", 1},
      {"invalid UTF-8 in JSON", "{\"Name\": \"\xFF\"}", 10},
      {"raw control byte in a JSON string", "{\"Name\": \"aaaaaaaaaaaaaaaaaaaaaa\x1b\"}", 32},
      {"duplicate member", R"({"Name": "a", "Name": "b"})", 14},
      {"duplicate list member", R"({"InstanceId": [], "Name": "a", "InstanceId": []})", 32},
      {"duplicate unknown member", R"({"x": 1, "x": 2})", 9},
      {"number for Name", R"({"Name": 5})", 9},
      {"object for Type", R"({"Type": {}})", 9},
      {"byte order mark before JSON", "\xEF\xBB\xBF{\"Name\": \"a\"}", 0},
      {"byte order mark before the query form", "\xEF\xBB\xBFRegionId=r", 0},
      {"raw NUL in a JSON string", std::string("{\"Name\": \"a\0\"}", 14), 11},
      {"string for InstanceId", R"({"InstanceId": "i-a"})", 15},
      {"number in InstanceId", R"({"InstanceId": ["i-a", 7]})", 23},
      {"tag not an object", R"({"Tag": ["k"]})", 9},
      {"tag key a number", R"({"Tag": [{"Key": 1}]})", 17},
      {"tag member repeated", R"({"Tag": [{"Key": "a", "Key": "b"}]})", 22},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const DecodedRequest d = DecodeRequest(c.text);
    ASSERT_TRUE(d.envelope_error.has_value());
    EXPECT_EQ(d.envelope_error->code, core::Code::kInvalidRequestMalformed);
    ASSERT_TRUE(d.envelope_error->span.has_value());
    EXPECT_EQ(d.envelope_error->span->offset, c.offset);
  }
}

// The envelope rules of SPEC 3 and 10 hold for every action, each on its own
// table: every parameter decodes in both forms to the same value, a repeated
// key is malformed at the repeat, a list index is 1..10000 without leading
// zeros, a JSON value of the wrong type for a string parameter (or a list
// that is not an array) is malformed at the value, and a typed parameter
// takes any JSON value as its text (its rule decides).
TEST(RequestDecodeTest, EveryActionsTableObeysTheEnvelopeRules) {
  for (core::Action action : core::Actions()) {
    const ParameterTable& table = ParametersOf(action);
    const std::string name(core::ActionName(action));
    SCOPED_TRACE(name);
    for (const ParameterSpec& p : table.parameters()) {
      SCOPED_TRACE(p.name);
      const std::string key(p.name);
      const std::string prefix = "Action=" + name + "&";
      const std::string json_prefix = "{\"Action\": \"" + name + "\", ";
      if (p.shape == Shape::kScalar) {
        const DecodedRequest q = DecodeRequest(prefix + key + "=v%20w");
        const DecodedRequest j = DecodeRequest(json_prefix + "\"" + key + "\": \"v w\"}");
        ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
        ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
        EXPECT_EQ(FieldValue(q.request, key), std::optional<std::string_view>("v w"));
        EXPECT_TRUE(q.request == j.request);
        const std::string repeated = prefix + key + "=a&" + key + "=b";
        const DecodedRequest r = DecodeRequest(repeated);
        ASSERT_TRUE(r.envelope_error.has_value());
        EXPECT_EQ(r.envelope_error->span->offset, prefix.size() + key.size() + 3);
        const DecodedRequest n = DecodeRequest(json_prefix + "\"" + key + "\": [1]}");
        if (p.wire == WireType::kString) {
          ASSERT_TRUE(n.envelope_error.has_value());
          EXPECT_EQ(n.envelope_error->code, core::Code::kInvalidRequestMalformed);
          EXPECT_EQ(n.envelope_error->span->offset, json_prefix.size() + key.size() + 4);
        } else {
          ASSERT_FALSE(n.envelope_error.has_value());
          EXPECT_EQ(FieldValue(n.request, key), std::optional<std::string_view>("[1]"));
        }
        continue;
      }
      const std::string entry = p.shape == Shape::kList ? key + ".2" : key + ".2.Key";
      const DecodedRequest q = DecodeRequest(prefix + entry + "=x&" + key + (p.shape == Shape::kList ? ".1=y" : ".1.Key=y"));
      ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
      EXPECT_EQ(FieldValue(q.request, entry), std::optional<std::string_view>("x"));
      const std::string json_entries = p.shape == Shape::kList
                                           ? "[\"y\", \"x\"]"
                                           : "[{\"Key\": \"y\"}, {\"Key\": \"x\"}]";
      const DecodedRequest j = DecodeRequest(json_prefix + "\"" + key + "\": " + json_entries + "}");
      ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
      EXPECT_TRUE(q.request == j.request);
      for (const std::string bad_index : {"0", "01", "10001", "x"}) {
        const std::string bad = p.shape == Shape::kList ? key + "." + bad_index
                                                        : key + "." + bad_index + ".Key";
        const DecodedRequest b = DecodeRequest(prefix + bad + "=x");
        ASSERT_TRUE(b.envelope_error.has_value()) << bad;
        EXPECT_EQ(b.envelope_error->span->offset, prefix.size());
      }
      const DecodedRequest r = DecodeRequest(prefix + entry + "=a&" + entry + "=b");
      ASSERT_TRUE(r.envelope_error.has_value());
      EXPECT_EQ(r.envelope_error->span->offset, prefix.size() + entry.size() + 3);
      const DecodedRequest n = DecodeRequest(json_prefix + "\"" + key + "\": \"x\"}");
      ASSERT_TRUE(n.envelope_error.has_value());
      EXPECT_EQ(n.envelope_error->span->offset, json_prefix.size() + key.size() + 4);
    }
  }
}

TEST(RequestDecodeTest, ManyKeysAreLinear) {
  std::string text;
  for (int i = 1; i <= 100000; ++i) text += "K" + std::to_string(i) + "=v&";
  text += "InstanceId.10000=last";
  const DecodedRequest d = DecodeQueryRequest(text);
  ASSERT_FALSE(d.envelope_error.has_value());
  ASSERT_EQ(d.request.instance_ids.size(), 1u);
  EXPECT_EQ(d.request.instance_ids[0].index, 10000);
}

}  // namespace
}  // namespace rules
}  // namespace runcheck
