// The conformance suite of the six other actions of the command API family
// (SPEC 11): per action, one table-driven case per group-A code of its
// catalog and per limit boundary (exactly at and one past), the order across
// parameters, and both wire forms giving identical results; the shared
// decoder's action selection; and the meta-test that no group-A code of any
// of the six is without a case (RunCommand's own meta-test is in
// tests/conformance_test.cc).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/action.h"
#include "core/catalog.h"
#include "gtest/gtest.h"
#include "rules/request_decode.h"
#include "rules/validate.h"
#include "tests/conformance_util.h"

namespace runcheck {
namespace conformance {
namespace {

using core::Action;
using core::Code;

const std::string kE = "\xC3\xA9";       // 2 bytes, 1 char
const std::string kZh = "\xE4\xB8\xAD";  // 3 bytes, 1 char
const std::string kNul(1, '\0');

struct ActionSuite {
  Action action;
  Pairs base;  // a valid request
  std::vector<Case> cases;
};

std::string TwentyOneParameters() {
  std::string s;
  for (int i = 0; i < 21; ++i) s += "{{p" + std::to_string(i) + "}}";
  return s;
}

// The Tag.N cases, the same for every action that takes tags.
std::vector<Case> TagCases() {
  return {
      {"20 tags", Tags("Tag", 20), {}},
      {"21 tags", Tags("Tag", 21), {{Code::kNumberExceedTags, "Tag", -1}}},
      {"tag without key", {{"Tag.1.Value", "v"}}, {{Code::kMissingParameterTagKey, "Tag.1.Key", -1}}},
      {"tag key 64 chars", {{"Tag.1.Key", Repeat(kE, 64)}}, {}},
      {"tag key 65 chars", {{"Tag.1.Key", Repeat(kE, 65)}},
       {{Code::kInvalidTagKeyMalformed, "Tag.1.Key", 128}}},
      {"tag value url", {{"Tag.1.Key", "k"}, {"Tag.1.Value", "http://x"}},
       {{Code::kInvalidTagValueMalformed, "Tag.1.Value", 0}}},
      {"tag keys repeated", {{"Tag.1.Key", "k"}, {"Tag.2.Key", "k"}},
       {{Code::kDuplicateTagKey, "Tag.2.Key", 0}}},
  };
}

std::vector<Case> ClientTokenCases() {
  return {
      {"ClientToken 64", {{"ClientToken", Pad(64)}}, {}},
      {"ClientToken 65", {{"ClientToken", Pad(65)}}, {{Code::kInvalidClientTokenMalformed, "ClientToken", 64}}},
      {"ClientToken space", {{"ClientToken", "a b"}}, {{Code::kInvalidClientTokenMalformed, "ClientToken", 1}}},
  };
}

std::vector<Case> Concat(std::vector<std::vector<Case>> parts) {
  std::vector<Case> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

ActionSuite CreateCommand() {
  const Pairs plain = {{"ContentEncoding", "PlainText"}, {"EnableParameter", "true"}};
  auto templ = [&](const std::string& content) {
    return ApplyOver(plain, {{"CommandContent", content}});
  };
  return {
      Action::kCreateCommand,
      {{"RegionId", "cn-hangzhou"},
       {"Name", "n"},
       {"Type", "RunShellScript"},
       {"CommandContent", "ZWNobyBoaQ=="}},
      Concat({
          {
              {"valid", {}, {}},
              {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
              {"RegionId NUL", {{"RegionId", "cn" + kNul}}, {{Code::kInvalidRequestMalformed, "RegionId", 2}}},
              {"Name missing", {{"Name", kUnset}}, {{Code::kMissingParameterName, "Name", -1}}},
              {"Name empty", {{"Name", ""}}, {{Code::kMissingParameterName, "Name", -1}}},
              {"Name 128 chars", {{"Name", Repeat(kE, 128)}}, {}},
              {"Name 129 chars", {{"Name", Repeat(kE, 129)}}, {{Code::kCmdNameExceedLimit, "Name", 256}}},
              {"Name control", {{"Name", "a\tb"}}, {{Code::kInvalidParameterCharacterCommandName, "Name", 1}}},
              {"Description 512", {{"Description", Repeat(kZh, 512)}}, {}},
              {"Description 513", {{"Description", Repeat(kZh, 513)}},
               {{Code::kCmdDescExceedLimit, "Description", 1536}}},
              {"Description control", {{"Description", "a\x01"}},
               {{Code::kInvalidParameterCharacterCommandDescription, "Description", 1}}},
              {"Type missing", {{"Type", kUnset}}, {{Code::kMissingParameterType, "Type", -1}}},
              {"Type unknown", {{"Type", "Bash"}}, {{Code::kInvalidCmdTypeNotFound, "Type", 0}}},
              {"content missing", {{"CommandContent", kUnset}},
               {{Code::kMissingParameterCommandContent, "CommandContent", -1}}},
              // Base64 is the default: plain text is not Base64.
              {"content not Base64 by default", {{"CommandContent", "abc!"}},
               {{Code::kCmdContentDecodeError, "CommandContent", 3}}},
              {"PlainText content", {{"CommandContent", "echo hi"}, {"ContentEncoding", "plaintext"}}, {}},
              {"content 18 KiB as Base64", ApplyOver(plain, {{"CommandContent", Pad(13824)}}), {}},
              {"content over 18 KiB as Base64", ApplyOver(plain, {{"CommandContent", Pad(13825)}}),
               {{Code::kCmdContentExceedLimit, "CommandContent", -1}}},
              {"template empty key", templ("echo {{ }}"), {{Code::kCmdParamEmptyKey, "CommandContent", 5}}},
              {"template bad name", templ("echo {{a b}}"),
               {{Code::kCmdParamInvalidParamName, "CommandContent", 5}}},
              {"template name too long", templ("{{" + Pad(65) + "}}"),
               {{Code::kCmdParamNameExceedLimit, "CommandContent", 0}}},
              {"template bad store name", templ("x {{oos:a b}}"),
               {{Code::kParameterStoreInvalidParameters, "CommandContent", 2}}},
              {"template 21 parameters", templ(TwentyOneParameters()),
               {{Code::kCmdParamCountExceedLimit, "CommandContent", 20 * 6 + 10}}},
              {"templates are text without EnableParameter",
               {{"CommandContent", "echo {{ }}"}, {"ContentEncoding", "PlainText"}}, {}},
              {"WorkingDir 200", {{"WorkingDir", Repeat(kE, 200)}}, {}},
              {"WorkingDir 201", {{"WorkingDir", Repeat(kE, 201)}},
               {{Code::kInvalidParameterWorkingDir, "WorkingDir", 400}}},
              {"WorkingDir control", {{"WorkingDir", "/tmp\n"}},
               {{Code::kInvalidParameterCharacterCommandWorkingDir, "WorkingDir", 4}}},
              {"Timeout 86400", {{"Timeout", "86400"}}, {}},
              {"Timeout 86401", {{"Timeout", "86401"}}, {{Code::kInvalidTimeoutExceedLimit, "Timeout", 0}}},
              {"Timeout zero", {{"Timeout", "0"}}, {{Code::kInvalidParameterTimeout, "Timeout", 0}}},
              {"EnableParameter bad", {{"EnableParameter", "yes"}},
               {{Code::kInvalidParameterEnableParameter, "EnableParameter", 0}}},
              {"ResourceGroupId NUL", {{"ResourceGroupId", "rg" + kNul}},
               {{Code::kInvalidRequestMalformed, "ResourceGroupId", 2}}},
              {"Launcher 1024 bytes", {{"Launcher", Pad(1024)}}, {}},
              {"Launcher 1025 bytes", {{"Launcher", Pad(1025)}},
               {{Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
              {"order", {{"ClientToken", " "}, {"Launcher", Pad(1025)}, {"Type", "x"}, {"Name", ""}},
               {{Code::kMissingParameterName, "Name", -1},
                {Code::kInvalidCmdTypeNotFound, "Type", 0},
                {Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024},
                {Code::kInvalidClientTokenMalformed, "ClientToken", 0}}},
          },
          TagCases(),
          ClientTokenCases(),
      }),
  };
}

ActionSuite InvokeCommand() {
  const std::string hex64(64, 'a');
  return {
      Action::kInvokeCommand,
      {{"RegionId", "cn-hangzhou"}, {"CommandId", "c-1"}, {"InstanceId.1", "i-a"}},
      Concat({
          {
              {"valid", {}, {}},
              {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
              {"CommandId missing", {{"CommandId", kUnset}}, {{Code::kMissingParameterCommandId, "CommandId", -1}}},
              {"CommandId NUL", {{"CommandId", "c" + kNul}}, {{Code::kInvalidRequestMalformed, "CommandId", 1}}},
              {"100 instances", Join({{"InstanceId.1", kUnset}}, Instances(100)), {}},
              {"101 instances", Join({{"InstanceId.1", kUnset}}, Instances(101)),
               {{Code::kInstanceIdsExceedLimit, "InstanceId", -1}}},
              {"empty instance entry", {{"InstanceId.2", ""}},
               {{Code::kMissingParamInstanceId, "InstanceId.2", -1}}},
              {"no instances", {{"InstanceId.1", kUnset}}, {{Code::kMissingParamInstanceId, "InstanceId", -1}}},
              {"instances and resource tags", {{"ResourceTag.1.Key", "k"}},
               {{Code::kInvalidResourceTagConflictWithInstanceIds, "InstanceId", -1}}},
              {"RepeatMode unknown", {{"RepeatMode", "Daily"}}, {{Code::kInvalidRepeatModeNotFound, "RepeatMode", 0}}},
              {"Period without Frequency", {{"RepeatMode", "Period"}},
               {{Code::kMissingParamFrequency, "Frequency", -1}}},
              {"Timed bad", {{"Timed", "1"}}, {{Code::kInvalidParameterTimed, "Timed", 0}}},
              {"Frequency bad", {{"Frequency", "0 0 25 * * ?"}}, {{Code::kInvalidParamFrequency, "Frequency", 4}}},
              // Without a Timeout of its own, the command's is unknown: the
              // 10 s floor only.
              {"rate(60s) without Timeout", {{"Frequency", "rate(60s)"}}, {}},
              {"rate(60s) with Timeout 120", {{"Frequency", "rate(60s)"}, {"Timeout", "120"}},
               {{Code::kInvalidParamFrequency, "Frequency", 5}}},
              // Parameters: the structural rules, whatever the command.
              {"Parameters given", {{"Parameters", "{\"a\": \"1\"}"}}, {}},
              {"Parameters not an object", {{"Parameters", "[1]"}},
               {{Code::kInvalidParameterParameters, "Parameters", 0}}},
              {"Parameters empty key", {{"Parameters", "{\"\": \"1\"}"}},
               {{Code::kInvalidParameterParameters, "Parameters.", 1}}},
              {"Parameters 11 pairs",
               {{"Parameters", "{\"a\":\"\",\"b\":\"\",\"c\":\"\",\"d\":\"\",\"e\":\"\",\"f\":\"\",\"g\":\"\",\"h\":\"\",\"i\":\"\",\"j\":\"\",\"k\":\"\"}"}},
               {{Code::kParameterCountExceedLimit, "Parameters", 71}}},
              {"Parameters duplicate key", {{"Parameters", "{\"a\":\"1\",\"A\":\"2\"}"}},
               {{Code::kParameterKeyDuplicate, "Parameters.A", 9}}},
              {"Parameters key 65", {{"Parameters", "{\"" + Pad(65) + "\":\"1\"}"}},
               {{Code::kParameterKeyExceedLimit, "Parameters." + Pad(65), 1}}},
              {"Parameters value not a string", {{"Parameters", "{\"a\":1}"}},
               {{Code::kParameterTypeNotSupported, "Parameters.a", 5}}},
              {"Parameters value NUL", {{"Parameters", "{\"a\":\"\\u0000\"}"}},
               {{Code::kInvalidParameterCharsetParameters, "Parameters.a", 5}}},
              {"Parameters text 18 KiB", {{"Parameters", "{\"a\":\"" + Pad(18432 - 8) + "\"}"}}, {}},
              {"Parameters text over 18 KiB",
               {{"Parameters", "{\"a\":\"" + Pad(18432 - 7) + "\"}"}},
               {{Code::kCmdContentExceedLimit, "Parameters", 18432}}},
              {"Username 256", {{"Username", Repeat(kZh, 256)}}, {{Code::kUsernameExceedLimit, "Username", 765}}},
              {"WindowsPasswordName 256", {{"WindowsPasswordName", Pad(256)}},
               {{Code::kWindowsPasswordNameExceedLimit, "WindowsPasswordName", 255}}},
              {"ContainerId", {{"ContainerId", "docker://" + hex64}}, {}},
              {"ContainerId short", {{"ContainerId", "abc"}}, {{Code::kInvalidContainerIdMalformed, "ContainerId", 0}}},
              {"ContainerName bad", {{"ContainerName", "-x"}},
               {{Code::kInvalidContainerNameMalformed, "ContainerName", 0}}},
              {"Timeout 86401", {{"Timeout", "86401"}}, {{Code::kInvalidTimeoutExceedLimit, "Timeout", 0}}},
              {"Timeout not a number", {{"Timeout", "1e3"}}, {{Code::kInvalidParameterTimeout, "Timeout", 1}}},
              {"10 resource tags", Join({{"InstanceId.1", kUnset}}, Tags("ResourceTag", 10)), {}},
              {"11 resource tags", Join({{"InstanceId.1", kUnset}}, Tags("ResourceTag", 11)),
               {{Code::kNumberExceedResourceTags, "ResourceTag", -1}}},
              {"resource tag without key", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Value", "v"}},
               {{Code::kMissingParameterResourceTagKey, "ResourceTag.1.Key", -1}}},
              {"resource tag key reserved", {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "acs:k"}},
               {{Code::kInvalidResourceTagKeyMalformed, "ResourceTag.1.Key", 0}}},
              {"resource tag value url",
               {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"}, {"ResourceTag.1.Value", "a https://b"}},
               {{Code::kInvalidResourceTagValueMalformed, "ResourceTag.1.Value", 2}}},
              {"resource tag keys repeated",
               {{"InstanceId.1", kUnset}, {"ResourceTag.1.Key", "k"}, {"ResourceTag.2.Key", "k"}},
               {{Code::kDuplicateResourceTagKey, "ResourceTag.2.Key", 0}}},
              {"TerminationMode bad", {{"TerminationMode", "Kill"}},
               {{Code::kInvalidTerminationModeNotFound, "TerminationMode", 0}}},
              {"Launcher 1025", {{"Launcher", Pad(1025)}},
               {{Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
              {"WorkingDir 201", {{"WorkingDir", Pad(201)}}, {{Code::kInvalidParameterWorkingDir, "WorkingDir", 200}}},
              {"WorkingDir control", {{"WorkingDir", "/a\x7f"}},
               {{Code::kInvalidParameterCharacterCommandWorkingDir, "WorkingDir", 2}}},
              {"OssOutputDelivery scheme", {{"OssOutputDelivery", "s3://b/p"}},
               {{Code::kInvalidParameterOssOutputDelivery, "OssOutputDelivery", 0}}},
              {"OssOutputDelivery prefix", {{"OssOutputDelivery", "oss://bucket//p"}},
               {{Code::kInvalidOssOutputDeliveryKeyPrefixMalformed, "OssOutputDelivery", 13}}},
              // The table's order: Timeout sits after the container
              // parameters, WorkingDir near the end.
              {"order", {{"WorkingDir", Pad(201)}, {"Timeout", "x"}, {"ContainerName", "-"}, {"CommandId", ""}},
               {{Code::kMissingParameterCommandId, "CommandId", -1},
                {Code::kInvalidContainerNameMalformed, "ContainerName", 0},
                {Code::kInvalidParameterTimeout, "Timeout", 0},
                {Code::kInvalidParameterWorkingDir, "WorkingDir", 200}}},
          },
          TagCases(),
          ClientTokenCases(),
      }),
  };
}

ActionSuite ModifyCommand() {
  return {
      Action::kModifyCommand,
      {{"RegionId", "cn-hangzhou"}, {"CommandId", "c-1"}},
      {
          {"valid", {}, {}},
          {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
          {"CommandId missing", {{"CommandId", ""}}, {{Code::kMissingParameterCommandId, "CommandId", -1}}},
          {"CommandId NUL", {{"CommandId", kNul}}, {{Code::kInvalidRequestMalformed, "CommandId", 0}}},
          {"Name 128", {{"Name", Repeat(kZh, 128)}}, {}},
          {"Name 129", {{"Name", Repeat(kZh, 129)}}, {{Code::kCmdNameExceedLimit, "Name", 384}}},
          {"Name control", {{"Name", "\x1b[31m"}}, {{Code::kInvalidParameterCharacterCommandName, "Name", 0}}},
          {"Description 513", {{"Description", Pad(513)}}, {{Code::kCmdDescExceedLimit, "Description", 512}}},
          {"Description control", {{"Description", "a\x02"}},
           {{Code::kInvalidParameterCharacterCommandDescription, "Description", 1}}},
          // Ignored whatever it holds.
          {"CommandContent ignored", {{"CommandContent", Pad(40000)}}, {}},
          {"WorkingDir 201", {{"WorkingDir", Pad(201)}}, {{Code::kInvalidParameterWorkingDir, "WorkingDir", 200}}},
          {"WorkingDir control", {{"WorkingDir", "a\tb"}},
           {{Code::kInvalidParameterCharacterCommandWorkingDir, "WorkingDir", 1}}},
          {"Timeout 86401", {{"Timeout", "86401"}}, {{Code::kInvalidTimeoutExceedLimit, "Timeout", 0}}},
          {"Timeout negative", {{"Timeout", "-1"}}, {{Code::kInvalidParameterTimeout, "Timeout", 0}}},
          {"Launcher 1025", {{"Launcher", Pad(1025)}},
           {{Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
          {"order", {{"Launcher", Pad(1025)}, {"Name", Pad(129)}, {"RegionId", ""}},
           {{Code::kMissingParameterRegionId, "RegionId", -1},
            {Code::kCmdNameExceedLimit, "Name", 128},
            {Code::kInvalidLauncherLengthLimitExceeded, "Launcher", 1024}}},
      },
  };
}

ActionSuite SendFile() {
  return {
      Action::kSendFile,
      {{"RegionId", "cn-hangzhou"},
       {"Name", "a.txt"},
       {"TargetDir", "/tmp"},
       {"Content", "hello"},
       {"InstanceId.1", "i-a"}},
      Concat({
          {
              {"valid", {}, {}},
              {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
              {"ResourceGroupId NUL", {{"ResourceGroupId", kNul}},
               {{Code::kInvalidRequestMalformed, "ResourceGroupId", 0}}},
              {"Name missing", {{"Name", kUnset}}, {{Code::kMissingParameterName, "Name", -1}}},
              {"Name 255", {{"Name", Repeat(kE, 255)}}, {}},
              {"Name 256", {{"Name", Repeat(kE, 256)}}, {{Code::kFileNameExceedLimit, "Name", 510}}},
              // No character code: a NUL is the envelope's (SPEC 11).
              {"Name NUL", {{"Name", "a" + kNul}}, {{Code::kInvalidRequestMalformed, "Name", 1}}},
              {"Name tab is fine", {{"Name", "a\tb"}}, {}},
              {"Description 512", {{"Description", Repeat(kZh, 512)}}, {}},
              {"Description 513", {{"Description", Repeat(kZh, 513)}},
               {{Code::kFileDescExceedLimit, "Description", 1536}}},
              {"Timeout raised", {{"Timeout", "5"}}, {}},
              {"Timeout 86401", {{"Timeout", "86401"}}, {{Code::kInvalidTimeoutExceedLimit, "Timeout", 0}}},
              {"Timeout bad", {{"Timeout", "ten"}}, {{Code::kInvalidParameterTimeout, "Timeout", 0}}},
              {"TargetDir missing", {{"TargetDir", kUnset}}, {{Code::kMissingParameterTargetDir, "TargetDir", -1}}},
              {"TargetDir relative", {{"TargetDir", "tmp"}}, {{Code::kFileTargetDirInvalid, "TargetDir", 0}}},
              {"TargetDir Windows", {{"TargetDir", "c:\\Users"}}, {}},
              {"TargetDir Windows slash", {{"TargetDir", "D:/x"}}, {}},
              {"TargetDir drive only", {{"TargetDir", "C:"}}, {{Code::kFileTargetDirInvalid, "TargetDir", 0}}},
              {"TargetDir 255", {{"TargetDir", "/" + Repeat(kE, 254)}}, {}},
              {"TargetDir 256", {{"TargetDir", "/" + Repeat(kE, 255)}},
               {{Code::kFileTargetDirInvalid, "TargetDir", 509}}},
              {"TargetDir control", {{"TargetDir", "/tmp\n"}}, {{Code::kFileTargetDirInvalid, "TargetDir", 4}}},
              {"TargetDir NUL", {{"TargetDir", "/a" + kNul}}, {{Code::kFileTargetDirInvalid, "TargetDir", 2}}},
              {"ContentType base64 any case", {{"ContentType", "base64"}, {"Content", "aGk="}}, {}},
              {"ContentType unknown", {{"ContentType", "Gzip"}}, {{Code::kFileContentTypeInvalid, "ContentType", 0}}},
              {"Content missing", {{"Content", kUnset}}, {{Code::kMissingParameterContent, "Content", -1}}},
              {"Content not Base64", {{"ContentType", "Base64"}, {"Content", "aGk"}},
               {{Code::kFileContentDecodeError, "Content", 3}}},
              {"Content 32 KiB as Base64", {{"Content", Pad(24576)}}, {}},
              {"Content over 32 KiB as Base64", {{"Content", Pad(24577)}},
               {{Code::kFileSizeExceedLimit, "Content", -1}}},
              {"Base64 Content 32 KiB", {{"ContentType", "Base64"}, {"Content", Repeat("QUFB", 8192)}}, {}},
              {"Base64 Content over 32 KiB", {{"ContentType", "Base64"}, {"Content", Repeat("QUFB", 8193)}},
               {{Code::kFileSizeExceedLimit, "Content", -1}}},
              {"PlainText Content NUL", {{"Content", "a" + kNul}}, {{Code::kInvalidRequestMalformed, "Content", 1}}},
              {"FileOwner", {{"FileOwner", "_www-data.1$"}}, {}},
              {"FileOwner 64", {{"FileOwner", Pad(63) + "$"}}, {}},
              {"FileOwner 65", {{"FileOwner", Pad(64) + "$"}}, {{Code::kInvalidParameterFileOwner, "FileOwner", 64}}},
              {"FileOwner digit first", {{"FileOwner", "1root"}}, {{Code::kInvalidParameterFileOwner, "FileOwner", 0}}},
              {"FileOwner $ inside", {{"FileOwner", "a$b"}}, {{Code::kInvalidParameterFileOwner, "FileOwner", 1}}},
              {"FileGroup bad", {{"FileGroup", "wheel group"}}, {{Code::kInvalidParameterFileGroup, "FileGroup", 5}}},
              {"FileMode 644", {{"FileMode", "644"}}, {}},
              {"FileMode 1777", {{"FileMode", "1777"}}, {}},
              {"FileMode 8", {{"FileMode", "648"}}, {{Code::kFileModeInvalid, "FileMode", 2}}},
              {"FileMode 2 digits", {{"FileMode", "64"}}, {{Code::kFileModeInvalid, "FileMode", 0}}},
              {"FileMode 5 digits", {{"FileMode", "00644"}}, {{Code::kFileModeInvalid, "FileMode", 0}}},
              {"Overwrite", {{"Overwrite", "TRUE"}}, {}},
              {"Overwrite bad", {{"Overwrite", "1"}}, {{Code::kInvalidParameterOverwrite, "Overwrite", 0}}},
              {"no instances", {{"InstanceId.1", kUnset}}, {{Code::kMissingParamInstanceId, "InstanceId", -1}}},
              {"empty instance entry", {{"InstanceId.2", ""}},
               {{Code::kMissingParamInstanceId, "InstanceId.2", -1}}},
              {"50 instances", Join({{"InstanceId.1", kUnset}}, Instances(50)), {}},
              {"51 instances", Join({{"InstanceId.1", kUnset}}, Instances(51)),
               {{Code::kInstanceIdsExceedLimit, "InstanceId", -1}}},
              {"order",
               {{"FileMode", "9"}, {"Content", kUnset}, {"TargetDir", "x"}, {"Name", kUnset},
                {"InstanceId.1", kUnset}},
               {{Code::kMissingParameterName, "Name", -1},
                {Code::kFileTargetDirInvalid, "TargetDir", 0},
                {Code::kMissingParameterContent, "Content", -1},
                {Code::kFileModeInvalid, "FileMode", 0},
                {Code::kMissingParamInstanceId, "InstanceId", -1}}},
          },
          TagCases(),
          ClientTokenCases(),
      }),
  };
}

ActionSuite ModifyInvocationAttribute() {
  const Pairs enabled = {{"EnableParameter", "true"}};
  auto content = [&](const std::string& c) { return ApplyOver(enabled, {{"CommandContent", c}}); };
  auto params = [&](const std::string& p) {
    return ApplyOver(enabled, {{"CommandContent", "echo {{a}} {{b}}"}, {"Parameters", p}});
  };
  return {
      Action::kModifyInvocationAttribute,
      {{"RegionId", "cn-hangzhou"}, {"InvokeId", "t-1"}},
      Concat({
          {
              {"valid", {}, {}},
              {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
              {"InvokeId missing", {{"InvokeId", kUnset}}, {{Code::kMissingParameterInvokeId, "InvokeId", -1}}},
              {"InvokeId NUL", {{"InvokeId", "t" + kNul}}, {{Code::kInvalidRequestMalformed, "InvokeId", 1}}},
              {"instances added", {{"InstanceId.1", "i-a"}}, {}},
              {"empty instance entry", {{"InstanceId.1", ""}}, {{Code::kMissingParamInstanceId, "InstanceId.1", -1}}},
              {"100 instances", Instances(100), {}},
              {"101 instances", Instances(101),
               {{Code::kInvalidInstanceIdCountLimitExceeded, "InstanceId", -1}}},
              {"content", {{"CommandContent", "echo hi"}}, {}},
              {"content not Base64", {{"CommandContent", "abc!"}, {"ContentEncoding", "Base64"}},
               {{Code::kInvalidCommandContentDecodeError, "CommandContent", 3}}},
              {"content 18 KiB as Base64", {{"CommandContent", Pad(13824)}}, {}},
              {"content over 18 KiB as Base64", {{"CommandContent", Pad(13825)}},
               {{Code::kInvalidCommandContentLengthLimitExceeded, "CommandContent", -1}}},
              // The size counts the Parameters text beside the content.
              {"content and Parameters over 18 KiB",
               ApplyOver(enabled, {{"CommandContent", Pad(13819) + "{{a}}"}, {"Parameters", "{\"a\":\"\"}"}}),
               {{Code::kInvalidCommandContentLengthLimitExceeded, "CommandContent", -1}}},
              {"Parameters alone over 18 KiB",
               ApplyOver(enabled, {{"Parameters", "{\"a\":\"" + Pad(18432 - 7) + "\"}"}}),
               {{Code::kInvalidCommandContentLengthLimitExceeded, "Parameters", 18432}}},
              {"template empty key", content("echo {{ }}"), {{Code::kCmdParamEmptyKey, "CommandContent", 5}}},
              {"template bad name", content("echo {{a b}}"),
               {{Code::kCmdParamInvalidParamName, "CommandContent", 5}}},
              {"template name too long", content("{{" + Pad(65) + "}}"),
               {{Code::kCmdParamNameExceedLimit, "CommandContent", 0}}},
              {"template 21 parameters", content(TwentyOneParameters()),
               {{Code::kCmdParamCountExceedLimit, "CommandContent", 20 * 6 + 10}}},
              {"template bad store name", content("x {{oos:a b}}"),
               {{Code::kParameterStoreInvalidParameters, "CommandContent", 2}}},
              {"EnableParameter bad", {{"EnableParameter", "on"}},
               {{Code::kInvalidParameterEnableParameter, "EnableParameter", 0}}},
              {"Parameters disabled", {{"Parameters", "{\"a\":\"1\"}"}},
               {{Code::kParameterDisabled, "Parameters", -1}}},
              {"Parameters", params("{\"a\":\"1\",\"b\":\"\"}"), {}},
              {"Parameters empty key", params("{\"\":\"1\",\"a\":\"\",\"b\":\"\"}"),
               {{Code::kInvalidParametersKeyEmpty, "Parameters.", 1}}},
              {"Parameters key malformed", params("{\"a b\":\"1\",\"a\":\"\",\"b\":\"\"}"),
               {{Code::kInvalidParametersKeyMalformed, "Parameters.a b", 1}}},
              {"Parameters key not in content", params("{\"c\":\"1\",\"a\":\"\",\"b\":\"\"}"),
               {{Code::kInvalidParametersKeyNotMatch, "Parameters.c", 1}}},
              // Without content in the request, which keys the task's
              // command defines is a fact.
              {"Parameters without content", ApplyOver(enabled, {{"Parameters", "{\"c\":\"1\"}"}}), {}},
              {"Parameters duplicate key", params("{\"a\":\"1\",\"A\":\"2\",\"b\":\"\"}"),
               {{Code::kInvalidParametersKeyDuplicate, "Parameters.A", 9}}},
              {"Parameters key 65", params("{\"" + Pad(65) + "\":\"1\",\"a\":\"\",\"b\":\"\"}"),
               {{Code::kInvalidParametersKeyLengthLimitExceeded, "Parameters." + Pad(65), 1}}},
              {"Parameters 11 pairs",
               ApplyOver(enabled, {{"Parameters", "{\"a\":\"\",\"b\":\"\",\"c\":\"\",\"d\":\"\",\"e\":\"\",\"f\":\"\",\"g\":\"\",\"h\":\"\",\"i\":\"\",\"j\":\"\",\"k\":\"\"}"}}),
               {{Code::kInvalidParametersCountLimitExceeded, "Parameters", 71}}},
              {"Parameters value not a string", params("{\"a\":true,\"b\":\"\"}"),
               {{Code::kInvalidParametersValueTypeUnsupported, "Parameters.a", 5}}},
              {"Parameters value NUL", params("{\"a\":\"\\u0000\",\"b\":\"\"}"),
               {{Code::kInvalidParameterCharsetParameters, "Parameters.a", 5}}},
              {"Parameters not an object", params("\"x\""),
               {{Code::kInvalidParameterParameters, "Parameters", 0}}},
              {"Frequency", {{"Frequency", "0 */20 * * * *"}}, {}},
              {"Frequency bad", {{"Frequency", "0 0 25 * * ?"}},
               {{Code::kInvalidParameterFrequency, "Frequency", 4}}},
              {"Frequency rate(60s): the task's Timeout is a fact", {{"Frequency", "rate(60s)"}}, {}},
              {"ContentEncoding unknown is PlainText", {{"ContentEncoding", "gzip"}, {"CommandContent", "x"}}, {}},
              {"ClientToken 65", {{"ClientToken", Pad(65)}},
               {{Code::kInvalidClientTokenMalformed, "ClientToken", 64}}},
              {"order",
               {{"ClientToken", " "}, {"Frequency", "0 0 25 * * ?"}, {"CommandContent", "abc!"},
                {"ContentEncoding", "Base64"}, {"InvokeId", kUnset}},
               {{Code::kMissingParameterInvokeId, "InvokeId", -1},
                {Code::kInvalidCommandContentDecodeError, "CommandContent", 3},
                {Code::kInvalidParameterFrequency, "Frequency", 4},
                {Code::kInvalidClientTokenMalformed, "ClientToken", 0}}},
          },
      }),
  };
}

ActionSuite StopInvocation() {
  return {
      Action::kStopInvocation,
      {{"RegionId", "cn-hangzhou"}, {"InvokeId", "t-1"}},
      {
          {"valid", {}, {}},
          {"RegionId missing", {{"RegionId", kUnset}}, {{Code::kMissingParameterRegionId, "RegionId", -1}}},
          {"RegionId NUL", {{"RegionId", kNul}}, {{Code::kInvalidRequestMalformed, "RegionId", 0}}},
          {"InvokeId missing", {{"InvokeId", ""}}, {{Code::kMissingParameterInvokeId, "InvokeId", -1}}},
          {"50 instances", Instances(50), {}},
          {"51 instances", Instances(51), {{Code::kInstanceIdsExceedLimit, "InstanceId", -1}}},
          {"empty instance entry", {{"InstanceId.1", ""}}, {{Code::kMissingParamInstanceId, "InstanceId.1", -1}}},
          {"order", {{"InstanceId.1", ""}, {"InvokeId", kUnset}, {"RegionId", kUnset}},
           {{Code::kMissingParameterRegionId, "RegionId", -1},
            {Code::kMissingParameterInvokeId, "InvokeId", -1},
            {Code::kMissingParamInstanceId, "InstanceId.1", -1}}},
      },
  };
}

std::vector<ActionSuite> Suites() {
  return {CreateCommand(), InvokeCommand(), ModifyCommand(), SendFile(),
          ModifyInvocationAttribute(), StopInvocation()};
}

TEST(FamilyConformanceTest, EveryCaseInBothForms) {
  for (const ActionSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    for (const Case& c : suite.cases) {
      SCOPED_TRACE(c.name);
      const Pairs pairs = ApplyOver(suite.base, c.pairs);
      const rules::DecodedRequest q = rules::DecodeRequest(QueryForm(pairs, suite.action));
      ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
      ASSERT_EQ(q.request.action, suite.action);
      const rules::Verdict vq = rules::Validate(q.request, Options());
      EXPECT_EQ(vq.action, suite.action);
      ExpectViolations(vq.findings.violations, c.expected);
      for (const core::Violation& v : vq.findings.violations) EXPECT_EQ(v.action, suite.action);
      if (!c.json_too) continue;
      const rules::DecodedRequest j = rules::DecodeRequest(JsonForm(pairs, suite.action));
      ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
      EXPECT_TRUE(j.request == q.request);
      ExpectViolations(rules::Validate(j.request, Options()).findings.violations, c.expected);
    }
  }
}

TEST(FamilyConformanceTest, FailFastKeepsTheFirst) {
  for (const ActionSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    for (const Case& c : suite.cases) {
      SCOPED_TRACE(c.name);
      rules::ValidateOptions o = Options();
      o.fail_fast = true;
      const rules::Verdict v = rules::Validate(
          rules::DecodeRequest(QueryForm(ApplyOver(suite.base, c.pairs), suite.action)).request, o);
      ASSERT_EQ(v.findings.violations.size(), c.expected.empty() ? 0u : 1u);
      if (!c.expected.empty()) EXPECT_EQ(v.findings.violations[0].code, c.expected[0].code);
    }
  }
}

// The meta-test: every group-A code of each action's catalog has a case
// (InvalidRequest.Malformed from the decoder counts for every action).
TEST(FamilyConformanceTest, EveryGroupACodeOfEveryActionIsCovered) {
  for (const ActionSuite& suite : Suites()) {
    SCOPED_TRACE(core::ActionName(suite.action));
    std::set<Code> seen = {Code::kInvalidRequestMalformed};
    for (const Case& c : suite.cases) {
      for (const Expect& e : c.expected) seen.insert(e.code);
    }
    for (const core::CodeInfo& info : core::CatalogOf(suite.action)) {
      if (info.group != core::CodeGroup::kRequest) continue;
      EXPECT_TRUE(seen.count(info.code)) << info.name << " has no conformance case";
    }
    // And no case expects a code the action's table lacks.
    std::set<Code> catalog;
    for (const core::CodeInfo& info : core::CatalogOf(suite.action)) catalog.insert(info.code);
    for (Code code : seen) EXPECT_TRUE(catalog.count(code)) << core::Describe(code).name;
  }
}

// A code's status and message are the action's own (SPEC 11): the same rule
// answers with another message, and ModifyInvocationAttribute's `%s` carries
// the limit in force.
TEST(FamilyConformanceTest, StatusAndMessageAreTheActions) {
  const std::string big(13825, 'x');
  const rules::Verdict create = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"Name", "n"}, {"Type", "RunShellScript"},
                                      {"ContentEncoding", "PlainText"}, {"CommandContent", big}},
                                     Action::kCreateCommand))
          .request,
      Options());
  ASSERT_EQ(create.findings.violations.size(), 1u);
  EXPECT_EQ(create.findings.violations[0].info().http_status, 403);
  EXPECT_EQ(create.findings.violations[0].Message(),
            "The length of the command content exceeds the upper limit.");
  const rules::DecodedRequest mia = rules::DecodeRequest(
      QueryForm({{"RegionId", "r"}, {"InvokeId", "t"}, {"CommandContent", big}},
                Action::kModifyInvocationAttribute));
  rules::ValidateOptions o = Options();
  const rules::Verdict at18 = rules::Validate(mia.request, o);
  ASSERT_EQ(at18.findings.violations.size(), 1u);
  EXPECT_EQ(at18.findings.violations[0].Message(),
            "The length of the parameter CommandContent exceeds the limit of 18 KB characters.");
  o.limits.max_content_bytes_kept = 20 * 1024;  // a raised limit is printed
  o.limits.max_task_instances = 1;
  rules::DecodedRequest more = rules::DecodeRequest(
      QueryForm({{"RegionId", "r"}, {"InvokeId", "t"}, {"CommandContent", std::string(16000, 'x')},
                 {"InstanceId.1", "i-1"}, {"InstanceId.2", "i-2"}},
                Action::kModifyInvocationAttribute));
  const rules::Verdict raised = rules::Validate(more.request, o);
  ASSERT_EQ(raised.findings.violations.size(), 2u);
  EXPECT_EQ(raised.findings.violations[0].Message(),
            "The count of the parameter InstanceId exceeds the limit of 1.");
  EXPECT_EQ(raised.findings.violations[1].Message(),
            "The length of the parameter CommandContent exceeds the limit of 20 KB characters.");
}

// The decoder's action selection (SPEC 11, *Action*), the same in both forms.
TEST(FamilyConformanceTest, TheRequestsActionIsAuthoritative) {
  struct Selection {
    std::string query;
    std::string json;
    std::optional<Action> caller;
    std::optional<Action> action;       // the request's, when it decodes
    std::optional<Code> error;          // else this envelope error
    size_t query_offset = 0, json_offset = 0;
  };
  const Selection kSelections[] = {
      {"RegionId=r", "{\"RegionId\": \"r\"}", std::nullopt, Action::kRunCommand, std::nullopt},
      {"RegionId=r", "{\"RegionId\": \"r\"}", Action::kSendFile, Action::kSendFile, std::nullopt},
      {"Action=SendFile&RegionId=r", "{\"Action\": \"SendFile\"}", std::nullopt, Action::kSendFile,
       std::nullopt},
      {"Action=SendFile", "{\"Action\": \"SendFile\"}", Action::kSendFile, Action::kSendFile,
       std::nullopt},
      {"Action=&RegionId=r", "{\"Action\": \"\"}", Action::kStopInvocation, Action::kStopInvocation,
       std::nullopt},
      {"RegionId=r&Act%69on=StopInvocation", "{\"Action\": null}", std::nullopt,
       std::nullopt, std::nullopt},
      {"Action=sendfile", "{\"Action\": \"sendfile\"}", std::nullopt, std::nullopt,
       Code::kInvalidActionNotFound, 7, 11},
      {"Action=SendFile", "{\"Action\": \"SendFile\"}", Action::kRunCommand, std::nullopt,
       Code::kInvalidRequestMalformed, 7, 11},
  };
  for (const Selection& s : kSelections) {
    SCOPED_TRACE(s.query);
    rules::DecodeOptions options;
    options.action = s.caller;
    const rules::DecodedRequest q = rules::DecodeRequest(s.query, options);
    const rules::DecodedRequest j = rules::DecodeRequest(s.json, options);
    if (s.error) {
      ASSERT_TRUE(q.envelope_error && j.envelope_error);
      EXPECT_EQ(q.envelope_error->code, *s.error);
      EXPECT_EQ(j.envelope_error->code, *s.error);
      EXPECT_EQ(q.envelope_error->span->offset, s.query_offset);
      EXPECT_EQ(j.envelope_error->span->offset, s.json_offset);
      continue;
    }
    ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
    ASSERT_FALSE(j.envelope_error.has_value()) << j.envelope_error->detail;
    if (s.action) {
      EXPECT_EQ(q.request.action, *s.action);
      EXPECT_EQ(j.request.action, *s.action);
    }
  }
  // A percent-encoded Action key names the action too.
  EXPECT_EQ(rules::DecodeRequest("RegionId=r&Act%69on=StopInvocation").request.action,
            Action::kStopInvocation);
  // An Action that is not a string is malformed at its value.
  const rules::DecodedRequest n = rules::DecodeRequest("{\"Action\": 7}");
  ASSERT_TRUE(n.envelope_error.has_value());
  EXPECT_EQ(n.envelope_error->code, Code::kInvalidRequestMalformed);
  EXPECT_EQ(n.envelope_error->span->offset, 11u);
}

// Each action decodes its own table: another action's parameter is an
// unknown key (warned, never malformed, whatever its shape), and index rules
// hold only for the action's own lists.
TEST(FamilyConformanceTest, UnknownKeysArePerAction) {
  const rules::DecodedRequest q = rules::DecodeRequest(
      "Action=StopInvocation&RegionId=r&InvokeId=t&Tag.01.Key=k&Frequency=x&Content=c");
  ASSERT_FALSE(q.envelope_error.has_value()) << q.envelope_error->detail;
  const rules::Verdict v = rules::Validate(q.request, Options());
  EXPECT_TRUE(v.findings.ok());
  std::vector<std::string> unknown;
  for (const core::Warning& w : v.findings.warnings) {
    if (w.id == "request.unknown-parameter") unknown.push_back(w.field);
  }
  EXPECT_EQ(unknown, (std::vector<std::string>{"Tag.01.Key", "Frequency", "Content"}));
  const rules::DecodedRequest j = rules::DecodeRequest(
      "{\"Action\": \"StopInvocation\", \"RegionId\": \"r\", \"InvokeId\": \"t\", \"Tag\": 5}");
  ASSERT_FALSE(j.envelope_error.has_value());
  EXPECT_TRUE(rules::Validate(j.request, Options()).findings.ok());
  // The same key is a list of SendFile's, with its index rules.
  const rules::DecodedRequest send = rules::DecodeRequest("Action=SendFile&Tag.01.Key=k");
  ASSERT_TRUE(send.envelope_error.has_value());
  EXPECT_EQ(send.envelope_error->code, Code::kInvalidRequestMalformed);
  // A typo names the action's parameter meant.
  const rules::Verdict typo = rules::Validate(
      rules::DecodeRequest("Action=SendFile&RegionId=r&Name=a&TargetDir=/x&Content=c&InstanceId.1=i"
                           "&FileMod=0644")
          .request,
      Options());
  ASSERT_EQ(typo.findings.warnings.size(), 1u);
  EXPECT_NE(typo.findings.warnings[0].detail.find("FileMode"), std::string::npos);
}

// What each action means once its defaults apply.
TEST(FamilyConformanceTest, EffectiveValuesAndAgent) {
  const rules::Verdict create = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"Name", "n"}, {"Type", "RunShellScript"},
                                      {"CommandContent", "ZWNobw=="}, {"ContentEncoding", "gzip"}},
                                     Action::kCreateCommand))
          .request,
      Options());
  ASSERT_TRUE(create.findings.ok());
  EXPECT_TRUE(create.base64_content);  // an unknown encoding is Base64 here
  ASSERT_EQ(create.findings.warnings.size(), 1u);
  EXPECT_EQ(create.findings.warnings[0].id, "request.content-encoding-unknown");
  EXPECT_EQ(create.timeout_seconds, 60);

  const rules::Verdict invoke = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"CommandId", "c"}, {"InstanceId.1", "i"},
                                      {"Frequency", "rate(5m)"}},
                                     Action::kInvokeCommand))
          .request,
      Options());
  ASSERT_TRUE(invoke.findings.ok());
  EXPECT_EQ(invoke.repeat_mode, "Period");
  EXPECT_EQ(invoke.timeout_seconds, 0);  // the command's
  EXPECT_EQ(invoke.agent.linux_version, "2.2.3.282");
  ASSERT_TRUE(invoke.schedule.has_value());

  const rules::Verdict send = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"Name", "a"}, {"TargetDir", "/x"},
                                      {"Content", "aGk="}, {"ContentType", "BASE64"},
                                      {"InstanceId.1", "i"}, {"Timeout", "3"}},
                                     Action::kSendFile))
          .request,
      Options());
  ASSERT_TRUE(send.findings.ok());
  EXPECT_TRUE(send.base64_content);
  EXPECT_EQ(send.timeout_seconds, 10);
  EXPECT_EQ(send.agent.linux_version, "1.0.2.569");
  EXPECT_EQ(send.agent.windows_version, "1.0.0.149");

  const rules::Verdict modify = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"CommandId", "c"}, {"CommandContent", "x"}},
                                     Action::kModifyCommand))
          .request,
      Options());
  ASSERT_TRUE(modify.findings.ok());
  ASSERT_EQ(modify.findings.warnings.size(), 1u);
  EXPECT_EQ(modify.findings.warnings[0].id, "request.parameter-ignored");
  EXPECT_EQ(modify.findings.warnings[0].field, "CommandContent");

  const rules::Verdict mia = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"InvokeId", "t"},
                                      {"Frequency", "0 0 12 * * ? Asia/Shanghai"}},
                                     Action::kModifyInvocationAttribute))
          .request,
      Options());
  ASSERT_TRUE(mia.findings.ok());
  EXPECT_EQ(mia.agent.linux_version, "2.2.3.541");
  EXPECT_EQ(mia.agent.windows_version, "2.1.3.541");
  EXPECT_EQ(mia.agent.reasons.size(), 2u);  // the zone, and the modification
  const rules::Verdict add_only = rules::Validate(
      rules::DecodeRequest(QueryForm({{"RegionId", "r"}, {"InvokeId", "t"}, {"InstanceId.1", "i"}},
                                     Action::kModifyInvocationAttribute))
          .request,
      Options());
  EXPECT_TRUE(add_only.agent.linux_version.empty());
}

}  // namespace
}  // namespace conformance
}  // namespace runcheck
