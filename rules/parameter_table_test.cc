#include "rules/parameter_table.h"

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "core/testing/runfile.h"
#include "gtest/gtest.h"

namespace runcheck {
namespace rules {
namespace {

// The parameter names of an action's reference table
// (tests/golden/actions/<Action>-params.tsv, a copy of the sibling-apis
// table), in its order: list rows (`InstanceId.N`, `Tag.N.Key`,
// `Tag.N.Value`) as one name, without `Action` and the SDK's owner fields.
std::vector<std::string> ReferenceNames(core::Action action) {
  const std::string path =
      "tests/golden/actions/" + std::string(core::ActionName(action)) + "-params.tsv";
  std::istringstream in(testing::ReadRunfile(path));
  std::vector<std::string> names;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::string parameter = std::vector<std::string>(absl::StrSplit(line, '\t'))[0];
    const std::string name = parameter.substr(0, parameter.find('.'));
    if (name == "Action" || name == "OwnerId" || name == "OwnerAccount" ||
        name == "ResourceOwnerId" || name == "ResourceOwnerAccount") {
      continue;
    }
    if (!names.empty() && names.back() == name) continue;  // Tag.N.Key, Tag.N.Value
    names.push_back(name);
  }
  return names;
}

std::vector<std::string> TableNames(core::Action action) {
  std::vector<std::string> names;
  for (const ParameterSpec& p : ParametersOf(action).parameters()) names.emplace_back(p.name);
  return names;
}

TEST(ParameterTableTest, EachSiblingTableIsItsReferenceTableInOrder) {
  for (core::Action action : core::Actions()) {
    if (action == core::Action::kRunCommand) continue;
    SCOPED_TRACE(core::ActionName(action));
    EXPECT_EQ(TableNames(action), ReferenceNames(action));
  }
}

// RunCommand's order is its own reference page's (SPEC 2.3); its names are
// those of the sibling-apis comparison table.
TEST(RunCommandParameterTableTest, HasTheReferenceNames) {
  const std::vector<std::string> table = TableNames(core::Action::kRunCommand);
  const std::vector<std::string> reference = ReferenceNames(core::Action::kRunCommand);
  EXPECT_EQ(std::set<std::string>(table.begin(), table.end()),
            std::set<std::string>(reference.begin(), reference.end()));
  EXPECT_EQ(table.front(), "RegionId");
  EXPECT_EQ(table.back(), "Launcher");
}

TEST(ParameterTableTest, FitsTheDecodersKeySetAndLengthIndex) {
  for (core::Action action : core::Actions()) {
    const ParameterTable& t = ParametersOf(action);
    EXPECT_EQ(t.action(), action);
    EXPECT_LE(t.parameters().size(), ParameterTable::kMaxParameters);
    for (const ParameterSpec& p : t.parameters()) {
      EXPECT_LT(p.name.size(), ParameterTable::kMaxNameLength) << p.name;
      EXPECT_EQ(t.Find(p.name), &p) << p.name;
      // Exactly one destination for a list; at most one for a scalar.
      const int destinations = (p.scalar != nullptr) + (p.list != nullptr) +
                               (p.key_values != nullptr);
      EXPECT_EQ(destinations, 1) << p.name;
      EXPECT_EQ(p.list != nullptr, p.shape == Shape::kList) << p.name;
      EXPECT_EQ(p.key_values != nullptr, p.shape == Shape::kKeyValueList) << p.name;
    }
  }
}

TEST(ParameterTableTest, FindIsExactAndPerAction) {
  const ParameterTable& send_file = ParametersOf(core::Action::kSendFile);
  ASSERT_NE(send_file.Find("Overwrite"), nullptr);
  EXPECT_EQ(send_file.Find("Overwrite")->wire, WireType::kBoolean);
  EXPECT_EQ(send_file.Find("overwrite"), nullptr);
  EXPECT_EQ(send_file.Find("Frequency"), nullptr);
  EXPECT_EQ(send_file.Find(std::string(40, 'x')), nullptr);
  ASSERT_NE(ParametersOf(core::Action::kRunCommand).Find("Timeout"), nullptr);
  EXPECT_EQ(ParametersOf(core::Action::kRunCommand).Find("Timeout")->wire, WireType::kInteger);
  EXPECT_EQ(ParametersOf(core::Action::kRunCommand).Find("Content"), nullptr);
  const ParameterSpec* tag = ParametersOf(core::Action::kCreateCommand).Find("Tag");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->shape, Shape::kKeyValueList);
  EXPECT_EQ(ParametersOf(core::Action::kStopInvocation).Find("Tag"), nullptr);
}

}  // namespace
}  // namespace rules
}  // namespace runcheck
