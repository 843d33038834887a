#include "facts/facts_json.h"

#include <string>

#include "gtest/gtest.h"

namespace runcheck {
namespace facts {
namespace {

TEST(FactsJsonTest, DecodesEveryMember) {
  const FactsDecode d = DecodeFacts(R"({
    "regions": [{"id": "cn-hangzhou", "actions": ["RunCommand", "SendFile"]}],
    "instances": [{"id": "i-a", "region": "cn-hangzhou", "os": "windows", "status": "Running",
                   "agent_version": "2.1.3.541", "agent_online": false,
                   "tags": [{"key": "env", "value": "prod"}, {"key": "k"}],
                   "resource_group": "rg-1"},
                  {"id": "i-b", "region": "cn-hangzhou", "os": null}],
    "resource_groups": [{"id": "rg-1", "state": "Creating"}],
    "quotas": {"commands": 3, "command_quota": 500, "invocations_today": 0,
               "invocation_quota": 10000},
    "commands": [{"id": "c-1", "region": "cn-hangzhou", "name": "n", "type": "RunShellScript",
                  "content": "ZWNobw==", "content_encoding": "Base64", "enable_parameter": true,
                  "is_public": false, "name_readonly": true, "timeout": 60}],
    "invocations": [{"id": "t-1", "region": "cn-hangzhou", "command_id": "c-1",
                     "repeat_mode": "Period", "status": "Running", "keep_command": true,
                     "timeout": 120, "instances": ["i-a", "i-b"]}],
    "buckets": [{"name": "b", "region": "cn-beijing", "writable": false}],
    "client_tokens": [{"token": "tok", "digest": "ab12", "processing": true}]})");
  ASSERT_FALSE(d.error.has_value()) << d.error->path << ": " << d.error->detail;
  const Facts& f = d.facts;
  ASSERT_TRUE(f.regions && f.instances && f.resource_groups && f.quotas && f.commands &&
              f.invocations && f.buckets && f.client_tokens);
  EXPECT_EQ((*f.regions)[0].actions->size(), 2u);
  const Instance& a = (*f.instances)[0];
  EXPECT_EQ(a.os, Os::kWindows);
  EXPECT_EQ(*a.agent_version, "2.1.3.541");
  EXPECT_EQ(a.agent_online, false);
  ASSERT_EQ(a.tags->size(), 2u);
  EXPECT_EQ((*a.tags)[1].value, "");
  EXPECT_FALSE((*f.instances)[1].os.has_value());  // null is unknown
  EXPECT_FALSE((*f.instances)[1].tags.has_value());
  EXPECT_EQ(*f.quotas->command_quota, 500);
  EXPECT_EQ(*f.quotas->invocations_today, 0);
  EXPECT_EQ((*f.commands)[0].name_readonly, true);
  EXPECT_EQ(*(*f.commands)[0].timeout, 60);
  EXPECT_EQ((*f.invocations)[0].instances->size(), 2u);
  EXPECT_EQ((*f.buckets)[0].writable, false);
  EXPECT_TRUE((*f.client_tokens)[0].processing);
}

TEST(FactsJsonTest, AnAbsentListIsUnknownAndAnEmptyOneIsKnown) {
  const FactsDecode d = DecodeFacts(R"({"instances": []})");
  ASSERT_FALSE(d.error.has_value());
  ASSERT_TRUE(d.facts.instances.has_value());
  EXPECT_TRUE(d.facts.instances->empty());
  EXPECT_FALSE(d.facts.regions.has_value());
  EXPECT_FALSE(DecodeFacts("{}").facts.instances.has_value());
}

TEST(FactsJsonTest, BadFactsAreErrorsWithOffsetAndPath) {
  struct Bad {
    std::string text;
    size_t offset;
    std::string path;
  };
  const Bad kBad[] = {
      {"{\"instances\": [}", 15, ""},
      {"[]", 0, ""},
      {"{\"instance\": []}", 1, "instance"},
      {"{\"instances\": {}}", 14, "instances"},
      {"{\"instances\": [{\"id\": \"i\"}]}", 15, "instances[0]"},
      {"{\"instances\": [{\"id\": \"i\", \"region\": \"r\", \"os\": \"mac\"}]}", 48, "instances[0].os"},
      {"{\"instances\": [{\"id\": 1, \"region\": \"r\"}]}", 22, "instances[0].id"},
      {"{\"instances\": [{\"id\": \"i\", \"region\": \"r\", \"agentversion\": \"1\"}]}", 42,
       "instances[0].agentversion"},
      {"{\"quotas\": {\"commands\": -1}}", 24, "quotas.commands"},
      {"{\"quotas\": {\"commands\": 1.5}}", 24, "quotas.commands"},
      {"{\"quotas\": {\"commands\": 1, \"commands\": 2}}", 27, "quotas.commands"},
      {"{\"buckets\": [{\"name\": \"b\", \"region\": \"r\", \"writable\": \"yes\"}]}", 54,
       "buckets[0].writable"},
      {"{\"instances\": [{\"id\": \"i\", \"region\": \"r\", \"tags\": [{\"value\": \"v\"}]}]}", 51,
       "instances[0].tags[0]"},
      // The same instance twice, even in two regions, is no snapshot.
      {"{\"instances\": [{\"id\": \"i\", \"region\": \"a\"}, {\"id\": \"i\", \"region\": \"b\"}]}", 43,
       "instances[1]"},
  };
  for (const Bad& b : kBad) {
    SCOPED_TRACE(b.text);
    const FactsDecode d = DecodeFacts(b.text);
    ASSERT_TRUE(d.error.has_value());
    EXPECT_EQ(d.error->offset, b.offset);
    EXPECT_EQ(d.error->path, b.path);
    EXPECT_FALSE(d.facts.instances.has_value());  // nothing half-decoded
  }
}

}  // namespace
}  // namespace facts
}  // namespace runcheck
