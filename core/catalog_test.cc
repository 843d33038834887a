#include "core/catalog.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace runcheck {
namespace core {
namespace {

struct ReferenceRow {
  int status;
  std::string code;
  std::string message;
};

std::vector<ReferenceRow> ReadReferenceTable() {
  std::ifstream in("tests/reference_error_table.tsv");
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

}  // namespace
}  // namespace core
}  // namespace runcheck
