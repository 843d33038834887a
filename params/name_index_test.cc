#include "params/internal/name_index.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace runcheck {
namespace params {
namespace {

TEST(NameIndexTest, CaseInsensitiveInFirstAppearanceOrder) {
  NameIndex index;
  bool added = false;
  EXPECT_EQ(index.Add("Name", &added), 0u);
  EXPECT_TRUE(added);
  EXPECT_EQ(index.Add("other", &added), 1u);
  EXPECT_TRUE(added);
  EXPECT_EQ(index.Add("NAME", &added), 0u);
  EXPECT_FALSE(added);
  EXPECT_EQ(index.Find("nAmE"), 0u);
  EXPECT_EQ(index.Find("Other"), 1u);
  EXPECT_EQ(index.Find("Nam"), NameIndex::kAbsent);
  EXPECT_EQ(index.Find("Names"), NameIndex::kAbsent);
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.name(0), "Name");
}

// Past the linear size the map takes over; positions and answers stay the
// same, for names added before and after the switch.
TEST(NameIndexTest, LargeIndexAgreesWithSmall) {
  std::vector<std::string> names;
  for (int i = 0; i < 100; ++i) names.push_back("p" + std::to_string(i));
  NameIndex index;
  bool added = false;
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(index.Add(names[i], &added), i);
    EXPECT_TRUE(added);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    std::string upper = names[i];
    upper[0] = 'P';
    EXPECT_EQ(index.Find(upper), i);
    EXPECT_EQ(index.Add(upper, &added), i);
    EXPECT_FALSE(added);
  }
  EXPECT_EQ(index.Find("p100"), NameIndex::kAbsent);
  EXPECT_EQ(index.size(), 100u);
}

}  // namespace
}  // namespace params
}  // namespace runcheck
