#include "core/catalog.h"

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
namespace core {
namespace {

struct ReferenceRow {
  int status;
  std::string code;
  std::string message;
};

// `path` from the workspace root, through the runfiles (so that the test
// also runs as @runcheck//core:catalog_test from another workspace).
std::vector<ReferenceRow> ReadTable(const std::string& path) {
  std::istringstream in(testing::ReadRunfile(path));
  std::vector<ReferenceRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 3) {
      ADD_FAILURE() << "bad golden row: " << line;
      continue;
    }
    rows.push_back(ReferenceRow{std::stoi(f[0]), f[1], f[2]});
  }
  return rows;
}

std::vector<ReferenceRow> ReadReferenceTable() {
  return ReadTable("tests/reference_error_table.tsv");
}

TEST(CatalogTest, HoldsEveryReferenceCodeWithItsStatusAndMessage) {
  const std::vector<ReferenceRow> rows = ReadReferenceTable();
  ASSERT_EQ(rows.size(), 71u);
  for (const ReferenceRow& row : rows) {
    SCOPED_TRACE(row.code);
    std::optional<Code> code = FindCode(row.code);
    ASSERT_TRUE(code.has_value());
    const CodeInfo& info = Describe(*code);
    EXPECT_EQ(info.http_status, row.status);
    EXPECT_EQ(info.message, row.message);
    EXPECT_EQ(info.origin, CodeOrigin::kReference);
  }
}

TEST(CatalogTest, ReferenceRowsComeFirstInTableOrder) {
  const std::vector<ReferenceRow> rows = ReadReferenceTable();
  ASSERT_GE(Catalog().size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(Catalog()[i].name, rows[i].code) << "row " << i;
  }
}

TEST(CatalogTest, LibraryCodesAreTheOnesSpecAdds) {
  std::set<std::string> library;
  for (const CodeInfo& info : Catalog()) {
    if (info.origin == CodeOrigin::kLibrary) {
      library.insert(std::string(info.name));
      EXPECT_EQ(info.http_status, 400) << info.name;
    }
  }
  EXPECT_EQ(library, (std::set<std::string>{
                         "MissingParameter.RegionId",
                         "MissingParameter.Type",
                         "MissingParameter.CommandContent",
                         "InvalidParameter.Timeout",
                         "InvalidParameter.Parameters",
                         "InvalidParameter.EnableParameter",
                         "InvalidParameter.KeepCommand",
                         "InvalidParameter.Timed",
                         "InvalidRequest.Malformed",
                         "ClientNeedUpgrade",
                     }));
}

TEST(CatalogTest, CodesAreUniqueAndDescribeRoundTrips) {
  std::set<std::string_view> names;
  for (const CodeInfo& info : Catalog()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(&Describe(info.code), &info);
    EXPECT_EQ(FindCode(info.name), info.code);
  }
  EXPECT_EQ(FindCode("invalidparam.frequency"), std::nullopt);
  EXPECT_EQ(FindCode(""), std::nullopt);
}

TEST(CatalogTest, GroupsFollowSpec) {
  const std::set<std::string_view> facts = {
      "RegionId.ApiNotSupported", "InvalidRegionId.NotFound",
      "InvalidInstance.NotFound", "InvalidInstance.NotMatch",
      "InvalidResourceTag.InstanceNotFound", "InvalidResourceGroup.NotFound",
      "InvalidStatus.ResourceGroup", "CmdCount.ExceedQuota",
      "Invocation.ExceedQuota", "InvalidOssOutputDelivery.BucketNotFound",
      "InvalidOssOutputDelivery.BucketInOtherRegion",
      "InvalidOssOutputDelivery.BucketAccessDenied",
      "IdempotentParameterMismatch", "IdempotentProcessing",
      "ClientNeedUpgrade"};
  const std::set<std::string_view> operational = {
      "ResourceBusy.SlrCreation", "InternalError.Dispatch",
      "TemporaryAccessKey.Error", "ParameterStore.NoPermission",
      "ParameterStore.NotSupported", "OperationDenied.BidOwnResource",
      "Operation.Forbidden", "CreateServiceLinkedRole.NoPermission",
      "InvalidCmdId.NotFound"};
  for (const CodeInfo& info : Catalog()) {
    const CodeGroup want = facts.count(info.name)         ? CodeGroup::kFacts
                           : operational.count(info.name) ? CodeGroup::kOperational
                                                          : CodeGroup::kRequest;
    EXPECT_EQ(info.group, want) << info.name;
  }
  EXPECT_EQ(GroupLetter(CodeGroup::kFacts), "B");
}

// Issue 12: each action's catalog holds every row of its current reference
// table (tests/golden/actions/), with that table's status and message, in
// its order, before any other row.
TEST(CatalogTest, EachActionHoldsItsReferenceTable) {
  for (Action action : Actions()) {
    if (action == Action::kRunCommand) continue;
    SCOPED_TRACE(std::string(ActionName(action)));
    const std::vector<ReferenceRow> rows =
        ReadTable("tests/golden/actions/" + std::string(ActionName(action)) + "-errors.tsv");
    ASSERT_FALSE(rows.empty());
    const absl::Span<const CodeInfo> catalog = CatalogOf(action);
    ASSERT_GE(catalog.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      SCOPED_TRACE(rows[i].code);
      EXPECT_EQ(catalog[i].name, rows[i].code);
      EXPECT_EQ(catalog[i].http_status, rows[i].status);
      EXPECT_EQ(catalog[i].message, rows[i].message);
      EXPECT_EQ(catalog[i].origin, CodeOrigin::kReference);
      EXPECT_EQ(&DescribeFor(action, catalog[i].code), &catalog[i]);
    }
    // The rest: library rows and RunCommand's rows for shared rules, each
    // with the status and message of the shared table, no code twice.
    std::set<Code> seen;
    for (size_t i = 0; i < catalog.size(); ++i) {
      EXPECT_TRUE(seen.insert(catalog[i].code).second) << catalog[i].name;
      if (i < rows.size()) continue;
      EXPECT_NE(catalog[i].origin, CodeOrigin::kReference) << catalog[i].name;
      EXPECT_EQ(catalog[i].http_status, Describe(catalog[i].code).http_status) << catalog[i].name;
      EXPECT_EQ(catalog[i].message, Describe(catalog[i].code).message) << catalog[i].name;
      if (catalog[i].origin == CodeOrigin::kShared) {
        EXPECT_LT(static_cast<size_t>(catalog[i].code), Catalog().size()) << catalog[i].name;
      }
    }
    // Every action reports a request it cannot decode, and a missing RegionId.
    EXPECT_TRUE(seen.count(Code::kInvalidRequestMalformed));
    EXPECT_TRUE(seen.count(Code::kMissingParameterRegionId));
  }
}

// SPEC 11: the same code, different messages, never unified.
TEST(CatalogTest, TheSameCodeKeepsEachActionsMessage) {
  EXPECT_EQ(DescribeFor(Action::kStopInvocation, Code::kInvalidInvokeIdNotFound).message,
            "The specified invoke ID does not exist.");
  EXPECT_EQ(DescribeFor(Action::kModifyInvocationAttribute, Code::kInvalidInvokeIdNotFound).message,
            "The specified parameter InvokeId does not exist.");
  EXPECT_EQ(DescribeFor(Action::kInvokeCommand, Code::kCmdContentExceedLimit).message,
            "The maximum length of a command is exceeded.");
  EXPECT_NE(DescribeFor(Action::kInvokeCommand, Code::kCmdContentExceedLimit).message,
            DescribeFor(Action::kRunCommand, Code::kCmdContentExceedLimit).message);
  EXPECT_EQ(DescribeFor(Action::kModifyInvocationAttribute, Code::kInvalidRegionIdNotFound).message,
            "The specified parameter RegionId does not exist.");
  // A shared rule's code the action lacks reports RunCommand's row.
  EXPECT_EQ(DescribeFor(Action::kCreateCommand, Code::kNumberExceedTags).message,
            Describe(Code::kNumberExceedTags).message);
  EXPECT_EQ(DescribeFor(Action::kCreateCommand, Code::kNumberExceedTags).origin,
            CodeOrigin::kShared);
  // The group is the action's: InvokeCommand takes a command ID.
  EXPECT_EQ(DescribeFor(Action::kRunCommand, Code::kInvalidCmdIdNotFound).group,
            CodeGroup::kOperational);
  EXPECT_EQ(DescribeFor(Action::kInvokeCommand, Code::kInvalidCmdIdNotFound).group,
            CodeGroup::kFacts);
}

TEST(CatalogTest, MessagesTakeTheLimitInForce) {
  const CodeInfo& info = DescribeFor(Action::kModifyInvocationAttribute,
                                     Code::kInvalidCommandContentLengthLimitExceeded);
  EXPECT_EQ(ExpandMessage(info.message, "18"),
            "The length of the parameter CommandContent exceeds the limit of 18 KB characters.");
  EXPECT_EQ(ExpandMessage("no placeholder", "18"), "no placeholder");
}

TEST(CatalogTest, ActionsByName) {
  ASSERT_EQ(Actions().size(), 7u);
  for (Action a : Actions()) EXPECT_EQ(FindAction(ActionName(a)), a);
  EXPECT_EQ(FindAction("runcommand"), std::nullopt);  // exact, as the API
  EXPECT_EQ(FindAction(""), std::nullopt);
  const CodeInfo& unknown = Describe(Code::kInvalidActionNotFound);
  EXPECT_EQ(unknown.name, "InvalidAction.NotFound");
  EXPECT_EQ(unknown.http_status, 400);
  EXPECT_EQ(unknown.origin, CodeOrigin::kLibrary);
}

}  // namespace
}  // namespace core
}  // namespace runcheck
