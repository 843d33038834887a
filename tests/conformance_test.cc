// The RunCommand conformance suite (issue 5): one table-driven case per
// group-A code and per limit boundary (exactly at and one past, measured in
// code points with multi-byte text), multi-violation order, and both wire
// forms giving identical results. Every case is built from key/value pairs
// and sent in the query form and, where the JSON form can carry it, in the
// JSON form; both must produce the same violations.

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "core/catalog.h"
#include "rules/request_decode.h"
#include "rules/run_command.h"
#include "tests/conformance_util.h"

namespace runcheck {
namespace conformance {
namespace {

Pairs Base() {
  return {{"RegionId", "cn-hangzhou"},
          {"Type", "RunShellScript"},
          {"CommandContent", "echo hello"},
          {"InstanceId.1", "i-a"}};
}

Pairs Apply(const Pairs& over) { return ApplyOver(Base(), over); }

std::vector<Case> Cases() {
  const std::string e = "\xC3\xA9";        // 2 bytes, 1 char
  const std::string zh = "\xE4\xB8\xAD";   // 3 bytes, 1 char
  const std::string hex64(64, 'a');
  const std::string tmpl = Repeat("{{p}}", 1);
  std::string twenty_one;
  for (int i = 0; i < 21; ++i) twenty_one += "{{p" + std::to_string(i) + "}}";
  return {
      {"valid", {}, {}},
      // RegionId
      {"RegionId missing", {{"RegionId", kUnset}}, {{core::Code::kMissingParameterRegionId, "RegionId", -1}}},
      {"RegionId empty", {{"RegionId", ""}}, {{core::Code::kMissingParameterRegionId, "RegionId", -1}}},
      // Name
      {"Name 128 chars", {{"Name", Repeat(e, 128)}}, {}},
      {"Name 129 chars", {{"Name", Repeat(e, 129)}}, {{core::Code::kCmdNameExceedLimit, "Name", 256}}},
      {"Name control", {{"Name", "a\tb"}}, {{core::Code::kInvalidParameterCharacterCommandName, "Name", 1}}},
      {"Name C1 control", {{"Name", "ab\xC2\x85"}}, {{core::Code::kInvalidParameterCharacterCommandName, "Name", 2}}},
      {"Name invalid UTF-8", {{"Name", "ok\xC3("}},
       {{core::Code::kInvalidParameterCharacterCommandName, "Name", 2}}, false},
      // Description
      {"Description 512 chars", {{"Description", Repeat(zh, 512)}}, {}},
      {"Description 513 chars", {{"Description", Repeat(zh, 513)}}, {{core::Code::kCmdDescExceedLimit, "Description", 1536}}},
      {"Description tab and newline", {{"Description", "a\tb\r\nc"}}, {}},
      {"Description control", {{"Description", "a\x01"}}, {{core::Code::kInvalidParameterCharacterCommandDescription, "Description", 1}}},
      // Type
      {"Type missing", {{"Type", kUnset}}, {{core::Code::kMissingParameterType, "Type", -1}}},
      {"Type unknown", {{"Type", "runshellscript"}}, {{core::Code::kInvalidCmdTypeNotFound, "Type", 0}}},
      // CommandContent
      {"content missing", {{"CommandContent", kUnset}}, {{core::Code::kMissingParameterCommandContent, "CommandContent", -1}}},
      {"content bad Base64", {{"CommandContent", "ZWNobw="}, {"ContentEncoding", "base64"}},
       {{core::Code::kCmdContentDecodeError, "CommandContent", 7}}},
      {"content Base64 ok", {{"CommandContent", "ZWNobw=="}, {"ContentEncoding", "Base64"}}, {}},
      {"content invalid UTF-8", {{"CommandContent", "echo \xFF"}},
       {{core::Code::kCmdContentDecodeError, "CommandContent", 5}}, false},
      {"content at 24 KiB encoded", {{"CommandContent", Pad(18432)}}, {}},
      {"content over 24 KiB encoded", {{"CommandContent", Pad(18433)}},
       {{core::Code::kCmdContentExceedLimit, "CommandContent", -1}}},
      {"kept content at 18 KiB", {{"CommandContent", Pad(13824)}, {"KeepCommand", "true"}}, {}},
      {"kept content over 18 KiB", {{"CommandContent", Pad(13825)}, {"KeepCommand", "TRUE"}},
       {{core::Code::kCmdContentExceedLimit, "CommandContent", -1}}},
      {"size counts substituted values",
       {{"CommandContent", Pad(18428) + "{{p}}"}, {"EnableParameter", "true"},
        {"Parameters", "{\"p\": \"1234\"}"}},
       {}},
      {"size over after substitution",
       {{"CommandContent", Pad(18428) + "{{p}}"}, {"EnableParameter", "true"},
        {"Parameters", "{\"p\": \"12345\"}"}},
       {{core::Code::kCmdContentExceedLimit, "CommandContent", -1}}},
      {"template empty key", {{"CommandContent", "echo {{ }}"}, {"EnableParameter", "true"}},
       {{core::Code::kCmdParamEmptyKey, "CommandContent", 5}}},
      {"template text when disabled", {{"CommandContent", "echo {{ }}"}}, {}},
      {"template bad name", {{"CommandContent", "echo {{a b}}"}, {"EnableParameter", "true"}},
       {{core::Code::kCmdParamInvalidParamName, "CommandContent", 5}}},
      {"template name too long", {{"CommandContent", "{{" + Pad(65) + "}}"}, {"EnableParameter", "true"}},
       {{core::Code::kCmdParamNameExceedLimit, "CommandContent", 0}}},
      {"template bad store name", {{"CommandContent", "x {{oos:a b}}"}, {"EnableParameter", "true"}},
       {{core::Code::kParameterStoreInvalidParameters, "CommandContent", 2}}},
      {"template 21 parameters", {{"CommandContent", twenty_one}, {"EnableParameter", "true"}},
       {{core::Code::kCmdParamCountExceedLimit, "CommandContent", 20 * 6 + 10}}},
      {"template in Base64 content (offsets into decoded)",
       {{"CommandContent", "ZWNobyB7e319"}, {"ContentEncoding", "Base64"}, {"EnableParameter", "true"}},
       {{core::Code::kCmdParamEmptyKey, "CommandContent", 5}}},
      // WorkingDir
      {"WorkingDir 200 chars", {{"WorkingDir", Repeat(e, 200)}}, {}},
      {"WorkingDir 201 chars", {{"WorkingDir", Repeat(e, 201)}}, {{core::Code::kInvalidParameterWorkingDir, "WorkingDir", 400}}},
      {"WorkingDir control", {{"WorkingDir", "/tmp\n"}}, {{core::Code::kInvalidParameterCharacterCommandWorkingDir, "WorkingDir", 4}}},
      // Timeout
      {"Timeout max", {{"Timeout", "86400"}}, {}},
      {"Timeout over max", {{"Timeout", "86401"}}, {{core::Code::kInvalidTimeoutExceedLimit, "Timeout", 0}}},
      {"Timeout zero", {{"Timeout", "0"}}, {{core::Code::kInvalidParameterTimeout, "Timeout", 0}}},
      {"Timeout not integer", {{"Timeout", "60.0"}}, {{core::Code::kInvalidParameterTimeout, "Timeout", 2}}},
      {"Timeout negative", {{"Timeout", "-5"}}, {{core::Code::kInvalidParameterTimeout, "Timeout", 0}}},
      {"Timeout empty means default", {{"Timeout", ""}}, {}},
      // Booleans
      {"EnableParameter bad", {{"EnableParameter", "yes"}}, {{core::Code::kInvalidParameterEnableParameter, "EnableParameter", 0}}},
      {"Timed bad", {{"Timed", "1"}}, {{core::Code::kInvalidParameterTimed, "Timed", 0}}},
      {"KeepCommand bad", {{"KeepCommand", "no"}}, {{core::Code::kInvalidParameterKeepCommand, "KeepCommand", 0}}},
      // RepeatMode / Frequency
      {"RepeatMode unknown", {{"RepeatMode", "once"}}, {{core::Code::kInvalidRepeatModeNotFound, "RepeatMode", 0}}},
      {"Period needs Frequency", {{"RepeatMode", "Period"}}, {{core::Code::kMissingParamFrequency, "Frequency", -1}}},
      {"Frequency valid", {{"Frequency", "0 */20 * * * ?"}}, {}},
      {"Frequency invalid", {{"Frequency", "0 0 25 * * ?"}}, {{core::Code::kInvalidParamFrequency, "Frequency", 4}}},
      {"Frequency shorter than Timeout", {{"Frequency", "rate(5m)"}, {"Timeout", "600"}},
       {{core::Code::kInvalidParamFrequency, "Frequency", 5}}},
      {"bad RepeatMode still reported with Frequency",
       {{"Frequency", "rate(5m)"}, {"RepeatMode", "Weekly"}},
       {{core::Code::kInvalidRepeatModeNotFound, "RepeatMode", 0}}},
      // Parameters
      {"Parameters disabled", {{"Parameters", "{\"a\": \"1\"}"}}, {{core::Code::kParameterDisabled, "Parameters", -1}}},
      {"Parameters not an object",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "[1]"}},
       {{core::Code::kInvalidParameterParameters, "Parameters", 0}}},
      {"Parameters 11 pairs",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"},
        {"Parameters", "{\"a\":\"\",\"b\":\"\",\"c\":\"\",\"d\":\"\",\"e\":\"\",\"f\":\"\",\"g\":\"\",\"h\":\"\",\"i\":\"\",\"j\":\"\",\"k\":\"\"}"}},
       {{core::Code::kParameterCountExceedLimit, "Parameters", 71},
        {core::Code::kParameterNotMatched, "Parameters.b", 8}, {core::Code::kParameterNotMatched, "Parameters.c", 15},
        {core::Code::kParameterNotMatched, "Parameters.d", 22}, {core::Code::kParameterNotMatched, "Parameters.e", 29},
        {core::Code::kParameterNotMatched, "Parameters.f", 36}, {core::Code::kParameterNotMatched, "Parameters.g", 43},
        {core::Code::kParameterNotMatched, "Parameters.h", 50}, {core::Code::kParameterNotMatched, "Parameters.i", 57},
        {core::Code::kParameterNotMatched, "Parameters.j", 64}, {core::Code::kParameterNotMatched, "Parameters.k", 71}}},
      {"Parameters duplicate key",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "{\"a\":\"1\",\"A\":\"2\"}"}},
       {{core::Code::kParameterKeyDuplicate, "Parameters.A", 9}}},
      {"Parameters key too long",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "{\"" + Pad(65) + "\":\"1\"}"}},
       {{core::Code::kParameterKeyExceedLimit, "Parameters." + Pad(65), 1}}},
      {"Parameters value not a string",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "{\"a\":1}"}},
       {{core::Code::kParameterTypeNotSupported, "Parameters.a", 5}}},
      {"Parameters value with NUL",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "{\"a\":\"\\u0000\"}"}},
       {{core::Code::kInvalidParameterCharsetParameters, "Parameters.a", 5}}},
      {"Parameters key not in content",
       {{"CommandContent", "{{a}}"}, {"EnableParameter", "true"}, {"Parameters", "{\"b\":\"1\"}"}},
       {{core::Code::kParameterNotMatched, "Parameters.b", 1}}},
      {"Parameters skipped when EnableParameter is invalid",
       {{"EnableParameter", "maybe"}, {"Parameters", "[1]"}},
       {{core::Code::kInvalidParameterEnableParameter, "EnableParameter", 0}}},
      // Username / WindowsPasswordName
      {"Username 255", {{"Username", Repeat(zh, 255)}}, {}},
      {"Username 256", {{"Username", Repeat(zh, 256)}}, {{core::Code::kUsernameExceedLimit, "Username", 765}}},
      {"WindowsPasswordName 256",
       {{"WindowsPasswordName", Pad(256)}}, {{core::Code::kWindowsPasswordNameExceedLimit, "WindowsPasswordName", 255}}},
      {"WindowsPasswordName missed",
       {{"Type", "RunPowerShellScript"}, {"Username", "admin"}},
       {{core::Code::kWindowsPasswordNameMissed, "WindowsPasswordName", -1}}},
      {"System needs no password", {{"Type", "RunBatScript"}, {"Username", "SYSTEM"}}, {}},
      // InstanceId
      {"100 instances", Join({{"InstanceId.1", kUnset}}, Instances(100)), {}},
      {"101 instances", Join({{"InstanceId.1", kUnset}}, Instances(101)),
       {{core::Code::kInstanceIdsExceedLimit, "InstanceId", -1}}},
      {"empty instance entry", {{"InstanceId.2", ""}}, {{core::Code::kMissingParamInstanceId, "InstanceId.2", -1}}},
      {"no instances", {{"InstanceId.1", kUnset}}, {{core::Code::kMissingParamInstanceId, "InstanceId", -1}}},
      {"instances and resource tags", {{"ResourceTag.1.Key", "k"}},
       {{core::Code::kInvalidResourceTagConflictWithInstanceIds, "InstanceId", -1}}},
      {"resource tags alone", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"}}, {}},
      // Tag
      {"20 tags", Tags("Tag", 20), {}},
      {"21 tags", Tags("Tag", 21), {{core::Code::kNumberExceedTags, "Tag", -1}}},
      {"tag without key", {{"Tag.1.Value", "v"}}, {{core::Code::kMissingParameterTagKey, "Tag.1.Key", -1}}},
      {"tag key 64 chars", {{"Tag.1.Key", Repeat(e, 64)}}, {}},
      {"tag key 65 chars", {{"Tag.1.Key", Repeat(e, 65)}}, {{core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 128}}},
      {"tag key aliyun", {{"Tag.1.Key", "AliyunX"}}, {{core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 0}}},
      {"tag key acs:", {{"Tag.1.Key", "acs:x"}}, {{core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 0}}},
      {"tag key url", {{"Tag.1.Key", "see HTTPS://x"}}, {{core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 4}}},
      {"tag value 128 chars", {{"Tag.1.Key", "k"}, {"Tag.1.Value", Repeat(zh, 128)}}, {}},
      {"tag value 129 chars", {{"Tag.1.Key", "k"}, {"Tag.1.Value", Repeat(zh, 129)}},
       {{core::Code::kInvalidTagValueMalformed, "Tag.1.Value", 384}}},
      {"tag value url", {{"Tag.1.Key", "k"}, {"Tag.1.Value", "http://x"}},
       {{core::Code::kInvalidTagValueMalformed, "Tag.1.Value", 0}}},
      {"tag value: the first real URL", {{"Tag.1.Key", "k"}, {"Tag.1.Value", "ftp://a http:/ xHttp://b"}},
       {{core::Code::kInvalidTagValueMalformed, "Tag.1.Value", 16}}},
      {"tag value: no scheme before ://", {{"Tag.1.Key", "k"}, {"Tag.1.Value", "://x ttp://y"}}, {}},
      {"duplicate tag keys",
       {{"Tag.1.Key", "k"}, {"Tag.2.Key", "K"}, {"Tag.3.Key", "k"}, {"Tag.4.Key", "k"}},
       {{core::Code::kDuplicateTagKey, "Tag.3.Key", 0}, {core::Code::kDuplicateTagKey, "Tag.4.Key", 0}}},
      // ResourceTag (same component, own codes)
      {"21 resource tags", Join({{"InstanceId.1", kUnset}}, Tags("ResourceTag", 21)),
       {{core::Code::kNumberExceedResourceTags, "ResourceTag", -1}}},
      {"resource tag without key", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Value", "v"}},
       {{core::Code::kMissingParameterResourceTagKey, "ResourceTag.1.Key", -1}}},
      {"resource tag key reserved", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "acs:k"}},
       {{core::Code::kInvalidResourceTagKeyMalformed, "ResourceTag.1.Key", 0}}},
      {"resource tag value url",
       {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"}, {"ResourceTag.1.Value", "a https://b"}},
       {{core::Code::kInvalidResourceTagValueMalformed, "ResourceTag.1.Value", 2}}},
      {"duplicate resource tag keys",
       {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"}, {"ResourceTag.2.Key", "k"}},
       {{core::Code::kDuplicateResourceTagKey, "ResourceTag.2.Key", 0}}},
      // Containers
      {"container id ok", {{"ContainerId", "docker://" + hex64}}, {}},
      {"container id upper-case", {{"ContainerId", "A" + hex64.substr(1)}},
       {{core::Code::kInvalidContainerIdMalformed, "ContainerId", 0}}},
      {"container id short", {{"ContainerId", "cri-o://abc"}},
       {{core::Code::kInvalidContainerIdMalformed, "ContainerId", 8}}},
      {"container with Windows type", {{"ContainerId", hex64}, {"Type", "RunBatScript"}},
       {{core::Code::kInvalidInstanceNotMatch, "ContainerId", -1}}},
      {"bad container id and Windows type", {{"ContainerId", "x"}, {"Type", "RunBatScript"}},
       {{core::Code::kInvalidContainerIdMalformed, "ContainerId", 0},
        {core::Code::kInvalidInstanceNotMatch, "ContainerId", -1}}},
      {"container name with Windows type", {{"ContainerName", "web"}, {"Type", "RunPowerShellScript"}},
       {{core::Code::kInvalidInstanceNotMatch, "ContainerName", -1}}},
      {"container name 255", {{"ContainerName", Pad(255)}}, {}},
      {"container name 256", {{"ContainerName", Pad(256)}},
       {{core::Code::kInvalidContainerNameMalformed, "ContainerName", 255}}},
      {"container name first char", {{"ContainerName", "-web"}},
       {{core::Code::kInvalidContainerNameMalformed, "ContainerName", 0}}},
      // ClientToken
      {"client token 64", {{"ClientToken", Pad(64)}}, {}},
      {"client token 65", {{"ClientToken", Pad(65)}}, {{core::Code::kInvalidClientTokenMalformed, "ClientToken", 64}}},
      {"client token space", {{"ClientToken", "a b"}}, {{core::Code::kInvalidClientTokenMalformed, "ClientToken", 1}}},
      // OssOutputDelivery
      {"oss ok", {{"OssOutputDelivery", "oss://my-bucket/logs/run/"}}, {}},
      {"oss no scheme", {{"OssOutputDelivery", "my-bucket/logs"}},
       {{core::Code::kInvalidParameterOssOutputDelivery, "OssOutputDelivery", 0}}},
      {"oss short bucket", {{"OssOutputDelivery", "oss://ab/x"}},
       {{core::Code::kInvalidParameterOssOutputDelivery, "OssOutputDelivery", 6}}},
      {"oss dot-dot segment", {{"OssOutputDelivery", "oss://bucket/a/../b"}},
       {{core::Code::kInvalidOssOutputDeliveryKeyPrefixMalformed, "OssOutputDelivery", 15}}},
      {"oss empty segment", {{"OssOutputDelivery", "oss://bucket/a//b"}},
       {{core::Code::kInvalidOssOutputDeliveryKeyPrefixMalformed, "OssOutputDelivery", 15}}},
      {"oss leading backslash", {{"OssOutputDelivery", "oss://bucket/\\a"}},
       {{core::Code::kInvalidOssOutputDeliveryKeyPrefixMalformed, "OssOutputDelivery", 13}}},
      // TerminationMode / Launcher
      {"termination mode", {{"TerminationMode", "process"}},
       {{core::Code::kInvalidTerminationModeNotFound, "TerminationMode", 0}}},
      {"launcher 1024 bytes", {{"Launcher", Pad(1024)}}, {}},
      {"launcher 1025 bytes", {{"Launcher", Pad(1025)}},
       {{core::Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
      // Bytes a percent escape (or a JSON \u0000) puts inside a value: the
      // parameter's own character or format code, else Malformed with the
      // field path and the byte's offset (SPEC 10, Envelope vs value).
      {"RegionId invalid UTF-8", {{"RegionId", "cn-\xFF"}},
       {{core::Code::kInvalidRequestMalformed, "RegionId", 3}}, false},
      {"ResourceGroupId NUL", {{"ResourceGroupId", std::string("rg-\0", 4)}},
       {{core::Code::kInvalidRequestMalformed, "ResourceGroupId", 3}}},
      {"InstanceId NUL", {{"InstanceId.1", std::string("i-\0x", 4)}},
       {{core::Code::kInvalidRequestMalformed, "InstanceId.1", 2}}},
      {"InstanceId invalid UTF-8", {{"InstanceId.1", "i-\xC3("}},
       {{core::Code::kInvalidRequestMalformed, "InstanceId.1", 2}}, false},
      {"Username NUL", {{"Username", std::string("ro\0ot", 5)}},
       {{core::Code::kInvalidRequestMalformed, "Username", 2}}},
      {"WindowsPasswordName invalid UTF-8", {{"WindowsPasswordName", "\xFF"}},
       {{core::Code::kInvalidRequestMalformed, "WindowsPasswordName", 0}}, false},
      {"ContentEncoding NUL", {{"ContentEncoding", std::string("Base\0", 5)}},
       {{core::Code::kInvalidRequestMalformed, "ContentEncoding", 4}}},
      {"Launcher NUL", {{"Launcher", std::string("py \0", 4)}},
       {{core::Code::kInvalidRequestMalformed, "Launcher", 3}}},
      {"Tag key NUL", {{"Tag.1.Key", std::string("k\0", 2)}},
       {{core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 1}}},
      {"Tag value invalid UTF-8", {{"Tag.1.Key", "k"}, {"Tag.1.Value", "\xFF"}},
       {{core::Code::kInvalidTagValueMalformed, "Tag.1.Value", 0}}, false},
      {"ResourceTag value NUL",
       {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"},
        {"ResourceTag.1.Value", std::string("v\0", 2)}},
       {{core::Code::kInvalidResourceTagValueMalformed, "ResourceTag.1.Value", 1}}},
      {"Name NUL", {{"Name", std::string("a\0", 2)}},
       {{core::Code::kInvalidParameterCharacterCommandName, "Name", 1}}},
      {"ClientToken NUL", {{"ClientToken", std::string("t\0", 2)}},
       {{core::Code::kInvalidClientTokenMalformed, "ClientToken", 1}}},
      {"ContainerName invalid UTF-8", {{"ContainerName", "c\xFF"}},
       {{core::Code::kInvalidContainerNameMalformed, "ContainerName", 1}}, false},
      {"Frequency NUL", {{"Frequency", std::string("rate(5\0m)", 9)}},
       {{core::Code::kInvalidParamFrequency, "Frequency", 6}}},
      {"CommandContent invalid UTF-8", {{"CommandContent", "echo \xFF"}},
       {{core::Code::kCmdContentDecodeError, "CommandContent", 5}}, false},
      {"CommandContent NUL is allowed", {{"CommandContent", std::string("echo \0", 6)}}, {}},
      {"Parameters value NUL",
       {{"EnableParameter", "true"}, {"CommandContent", "echo {{a}}"},
        {"Parameters", "{\"a\": \"x\\u0000\"}"}},
       {{core::Code::kInvalidParameterCharsetParameters, "Parameters.a", 6}}},
      // Order across parameters: the table order, whatever the wire order.
      {"order of several",
       {{"Launcher", Pad(1025)}, {"Tag.1.Key", "aliyun"}, {"Timeout", "0"}, {"RegionId", ""},
        {"Type", "Bash"}},
       {{core::Code::kMissingParameterRegionId, "RegionId", -1},
        {core::Code::kInvalidCmdTypeNotFound, "Type", 0},
        {core::Code::kInvalidParameterTimeout, "Timeout", 0},
        {core::Code::kInvalidTagKeyMalformed, "Tag.1.Key", 0},
        {core::Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
  };
}

TEST(ConformanceTest, EveryCaseInBothForms) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const Pairs pairs = Apply(c.pairs);
    const rules::DecodedRequest q = rules::DecodeRequest(QueryForm(pairs));
    ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
    const rules::RunCommandVerdict vq = rules::ValidateRunCommand(q.request, Options());
    ExpectViolations(vq.findings.violations, c.expected);
    if (!c.json_too) continue;
    const rules::DecodedRequest j = rules::DecodeRequest(JsonForm(pairs));
    ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail << "\n" << JsonForm(pairs);
    EXPECT_TRUE(j.request == q.request);
    const rules::RunCommandVerdict vj = rules::ValidateRunCommand(j.request, Options());
    ExpectViolations(vj.findings.violations, c.expected);
  }
}

// SPEC 10, Envelope vs value: a JSON value of another type for Timeout,
// the booleans or Parameters is that parameter's own code, the same answer
// as the query form gives for the value's text.
TEST(ConformanceTest, JsonTypesOfTypedParametersAreTheirOwnErrors) {
  struct TypeCase {
    const char* member;  // JSON text of the member
    const char* query;   // the same value in the query form
    core::Code code;
    const char* field;
  };
  const TypeCase kCases[] = {
      {R"("Timeout": true)", "Timeout=true", core::Code::kInvalidParameterTimeout, "Timeout"},
      {R"("Timeout": -5)", "Timeout=-5", core::Code::kInvalidParameterTimeout, "Timeout"},
      {R"("Timeout": {"s": 60})", "Timeout=%7B%22s%22%3A%2060%7D", core::Code::kInvalidParameterTimeout,
       "Timeout"},
      {R"("EnableParameter": 1)", "EnableParameter=1", core::Code::kInvalidParameterEnableParameter,
       "EnableParameter"},
      {R"("KeepCommand": [true])", "KeepCommand=%5Btrue%5D", core::Code::kInvalidParameterKeepCommand,
       "KeepCommand"},
      {R"("Timed": {"v": true})", "Timed=%7B%22v%22%3A%20true%7D", core::Code::kInvalidParameterTimed,
       "Timed"},
      {R"("EnableParameter": true, "Parameters": [1])",
       "EnableParameter=true&Parameters=%5B1%5D", core::Code::kInvalidParameterParameters, "Parameters"},
      {R"("EnableParameter": true, "Parameters": 5)", "EnableParameter=true&Parameters=5",
       core::Code::kInvalidParameterParameters, "Parameters"},
  };
  const std::string base =
      R"("RegionId": "r", "Type": "RunShellScript", "CommandContent": "ls", "InstanceId": ["i-a"])";
  for (const TypeCase& c : kCases) {
    SCOPED_TRACE(c.member);
    const rules::DecodedRequest j = rules::DecodeRequest("{" + base + ", " + c.member + "}");
    ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
    const rules::RunCommandVerdict vj = rules::ValidateRunCommand(j.request, Options());
    ExpectViolations(vj.findings.violations, {{c.code, c.field, 0}});
    const rules::DecodedRequest q = rules::DecodeRequest(
        std::string("RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-a&") +
        c.query);
    ASSERT_FALSE(q.envelope_error.has_value());
    const rules::RunCommandVerdict vq = rules::ValidateRunCommand(q.request, Options());
    ExpectViolations(vq.findings.violations, {{c.code, c.field, 0}});
    EXPECT_TRUE(j.request == q.request);
  }
}

// SPEC 8: a key that names no parameter is warned about, with the one meant.
TEST(ConformanceTest, UnknownParametersAreWarned) {
  const rules::DecodedRequest q = rules::DecodeRequest(
      "Action=RunCommand&Version=2014-05-26&RegionId=r&Type=RunShellScript&CommandContent=ls&"
      "InstanceId.1=i-a&Frequncy=rate(5m)&regionid=x&Tag.1.Key=k&Tag.1.Kye=v&Zzzzzzzz=1");
  ASSERT_FALSE(q.envelope_error.has_value());
  const rules::DecodedRequest j = rules::DecodeRequest(
      R"j({"RegionId": "r", "Type": "RunShellScript", "CommandContent": "ls",)j"
      R"j( "InstanceId": ["i-a"], "Frequncy": "rate(5m)", "regionid": "x",)j"
      R"j( "Tag": [{"Key": "k", "Kye": "v"}], "Zzzzzzzz": 1, "Action": "RunCommand"})j");
  ASSERT_FALSE(j.envelope_error.has_value());
  for (const rules::DecodedRequest* d : {&q, &j}) {
    const rules::RunCommandVerdict v = rules::ValidateRunCommand(d->request, Options());
    EXPECT_TRUE(v.findings.ok());
    std::vector<std::pair<std::string, std::string>> got;
    for (const core::Warning& w : v.findings.warnings) {
      if (w.id == "request.unknown-parameter") got.emplace_back(w.field, w.detail);
    }
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0].first, "Frequncy");
    EXPECT_NE(got[0].second.find("Frequency?"), std::string::npos);
    EXPECT_EQ(got[1].first, "regionid");
    EXPECT_NE(got[1].second.find("RegionId?"), std::string::npos);
    EXPECT_EQ(got[2].first, "Tag.1.Kye");
    EXPECT_NE(got[2].second.find("Tag.1.Key?"), std::string::npos);
    EXPECT_EQ(got[3].first, "Zzzzzzzz");
    EXPECT_EQ(got[3].second.find("did you mean"), std::string::npos);
  }
  EXPECT_EQ(rules::ClosestParameter("Frequncy"), "Frequency");
  EXPECT_EQ(rules::ClosestParameter("instanceid.3"), "InstanceId.3");
  EXPECT_EQ(rules::ClosestParameter("Nothing"), "");
}

// SPEC 8, Bounded findings: at most max_violations kept, the rest counted;
// the first violation (the API's answer) is the same at any cap.
TEST(ConformanceTest, FindingsAreBounded) {
  Pairs pairs = Apply({{"InstanceId.1", kUnset}});
  for (int i = 1; i <= 500; ++i) pairs.emplace_back("InstanceId." + std::to_string(i), "");
  const rules::DecodedRequest d = rules::DecodeRequest(QueryForm(pairs));
  ASSERT_FALSE(d.envelope_error.has_value());
  rules::ValidateOptions o = Options();
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(d.request, o);
  EXPECT_EQ(v.findings.violations.size(), 100u);
  EXPECT_EQ(v.findings.dropped, 400u);
  o.limits.max_violations = 0;  // acts as 1
  const rules::RunCommandVerdict one = rules::ValidateRunCommand(d.request, o);
  ASSERT_EQ(one.findings.violations.size(), 1u);
  EXPECT_EQ(one.findings.violations[0].field, v.findings.violations[0].field);
  EXPECT_EQ(one.findings.dropped, 499u);
}

// Every number a rule compares with comes from Limits (issue 12): moving a
// limit moves the boundary and the violation's offset with it.
TEST(ConformanceTest, FormatLimitsComeFromLimits) {
  struct Probe {
    const char* key;
    std::string value;
    int core::Limits::*limit;
    int moved_to;
    core::Code code;
    size_t offset;  // of the violation once the limit moved
  };
  const std::string bucket_of_5 = "oss://abcde/x";
  const Probe probes[] = {
      {"ContainerName", std::string(11, 'a'), &core::Limits::max_container_name_chars, 10,
       core::Code::kInvalidContainerNameMalformed, 10},
      {"ContainerId", std::string(64, 'a'), &core::Limits::container_id_hex_digits, 10,
       core::Code::kInvalidContainerIdMalformed, 0},
      {"OssOutputDelivery", bucket_of_5, &core::Limits::max_oss_bucket_chars, 4,
       core::Code::kInvalidParameterOssOutputDelivery, 6},
      {"OssOutputDelivery", bucket_of_5, &core::Limits::min_oss_bucket_chars, 6,
       core::Code::kInvalidParameterOssOutputDelivery, 6},
      {"OssOutputDelivery", "oss://abc/" + std::string(9, 'p'), &core::Limits::max_oss_prefix_bytes,
       8, core::Code::kInvalidOssOutputDeliveryKeyPrefixMalformed, 18},
  };
  for (const Probe& p : probes) {
    SCOPED_TRACE(p.key);
    const rules::DecodedRequest d = rules::DecodeRequest(QueryForm(Apply({{p.key, p.value}})));
    ASSERT_FALSE(d.envelope_error.has_value());
    rules::ValidateOptions o = Options();
    const rules::RunCommandVerdict before = rules::ValidateRunCommand(d.request, o);
    for (const core::Violation& v : before.findings.violations) EXPECT_NE(v.code, p.code);
    o.limits.*p.limit = p.moved_to;
    const rules::RunCommandVerdict after = rules::ValidateRunCommand(d.request, o);
    ASSERT_FALSE(after.findings.violations.empty());
    EXPECT_EQ(after.findings.violations[0].code, p.code);
    EXPECT_EQ(after.findings.violations[0].field, p.key);
    ASSERT_TRUE(after.findings.violations[0].span.has_value());
    EXPECT_EQ(after.findings.violations[0].span->offset, p.offset);
  }
}

TEST(ConformanceTest, FailFastKeepsTheFirst) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    rules::ValidateOptions o = Options();
    o.fail_fast = true;
    const rules::RunCommandVerdict v =
        rules::ValidateRunCommand(rules::DecodeRequest(QueryForm(Apply(c.pairs))).request, o);
    ASSERT_EQ(v.findings.violations.size(), c.expected.empty() ? 0u : 1u);
    if (!c.expected.empty()) {
      EXPECT_EQ(v.findings.violations[0].code, c.expected[0].code);
    }
  }
}

// Every group-A code of the catalog is produced by some case (the decoder's
// InvalidRequest.Malformed by rules/request_decode_test.cc, and
// ClientNeedUpgrade is group B).
TEST(ConformanceTest, EveryGroupACodeIsCovered) {
  std::set<core::Code> seen;
  for (const Case& c : Cases()) {
    for (const Expect& e : c.expected) seen.insert(e.code);
  }
  seen.insert(core::Code::kInvalidRequestMalformed);
  for (const core::CodeInfo& info : core::Catalog()) {
    if (info.group != core::CodeGroup::kRequest) continue;
    EXPECT_TRUE(seen.count(info.code)) << info.name << " has no conformance case";
  }
}

TEST(ConformanceTest, WarningsAndEffectiveValues) {
  const Pairs pairs = Apply({{"Timeout", "5"}, {"RepeatMode", "Once"}, {"Frequency", "rate(5m)"},
                             {"Timed", "false"}, {"ContentEncoding", "gzip"},
                             {"InstanceId.2", "i-a"}});
  const rules::RunCommandVerdict v = rules::ValidateRunCommand(rules::DecodeRequest(QueryForm(pairs)).request, Options());
  ASSERT_TRUE(v.findings.ok()) << v.findings.violations[0].detail;
  std::set<std::string> ids;
  for (const core::Warning& w : v.findings.warnings) ids.insert(std::string(w.id));
  for (const char* id : {"request.timeout-raised", "request.repeat-mode-overridden",
                         "request.timed-deprecated", "request.content-encoding-unknown",
                         "request.duplicate-instance"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  EXPECT_EQ(v.repeat_mode, "Period");
  EXPECT_EQ(v.timeout_seconds, 10);
  ASSERT_TRUE(v.schedule.has_value());
  EXPECT_EQ(*v.schedule->Next(kNow), kNow + 300);
}

// SPEC 6.9: the oldest agent a request needs, from the features it uses.
TEST(ConformanceTest, MinimumAgentVersion) {
  const std::string hex64(64, 'a');
  struct AgentCase {
    const char* name;
    Pairs pairs;
    std::string linux_version;  // empty: any
    std::string windows_version;
    size_t reasons;
    std::string first_feature = "";  // when given: reasons[0].feature
  };
  const AgentCase kCases[] = {
      {"plain", {}, "", "", 0},
      {"6-field cron in the default zone", {{"Frequency", "0 0 12 * * ?"}}, "", "", 0},
      {"rate", {{"Frequency", "rate(5m)"}}, "2.2.3.282", "2.1.3.282", 1},
      {"at", {{"Frequency", "at(2027-06-06 13:15:30)"}}, "2.2.3.282", "2.1.3.282", 1},
      {"cron year and zone", {{"Frequency", "0 0 12 * * ? 2027 Asia/Shanghai"}},
       "2.2.3.282", "2.1.3.282", 2},
      {"ACS::InvokeId", {{"CommandContent", "echo {{acs::invokeid}} {{ACS::CommandId}}"},
                         {"EnableParameter", "true"}},
       "2.2.3.309", "2.1.3.309", 1, "{{ACS::InvokeId}}"},
      {"built-ins are text when parameters are off",
       {{"CommandContent", "echo {{ACS::InvokeId}}"}}, "", "", 0},
      {"ACS::InstanceName", {{"CommandContent", "echo {{ACS::InstanceName}}"},
                             {"EnableParameter", "true"}, {"Frequency", "rate(1h)"}},
       "2.2.3.344", "2.1.3.344", 2},
      {"container", {{"ContainerId", hex64}}, "2.2.3.344", "2.1.3.344", 1},
  };
  for (const AgentCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const rules::RunCommandVerdict v =
        rules::ValidateRunCommand(rules::DecodeRequest(QueryForm(Apply(c.pairs))).request, Options());
    ASSERT_TRUE(v.findings.ok()) << v.findings.violations[0].detail;
    EXPECT_EQ(v.agent.linux_version, c.linux_version);
    EXPECT_EQ(v.agent.windows_version, c.windows_version);
    EXPECT_EQ(v.agent.reasons.size(), c.reasons);
    if (!c.first_feature.empty() && !v.agent.reasons.empty()) {
      EXPECT_EQ(v.agent.reasons[0].feature, c.first_feature);
      EXPECT_EQ(v.agent.reasons[0].ToString(),
                c.first_feature + " needs 2.2.3.309 (Linux) / 2.1.3.309 (Windows)");
    }
  }
}

}  // namespace
}  // namespace conformance
}  // namespace runcheck
