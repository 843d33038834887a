// -----------------------------------------------------------------------------
// File: rules/tag_rules.h
// -----------------------------------------------------------------------------
//
// The tag rules of SPEC section 4.2, one component for both `Tag.N` and
// `ResourceTag.N`; each list brings its own codes and count limit.
//
//   count  at most *max_entries entries          -> too_many  (field `Tag`,
//                                                   span none)
//   key    present and non-empty                 -> missing_key
//          <= Limits::max_tag_key_chars chars, not starting with `aliyun` or
//          `acs:`, not containing `http://` or `https://` (all ASCII-case-
//          insensitive)                          -> bad_key (one per entry)
//   value  <= Limits::max_tag_value_chars chars, no `http://` or `https://`
//                                                -> bad_value (one per entry)
//   keys   unique (case-sensitive)               -> duplicate, once for every
//                                                   entry whose key came before
// Order: rule by rule as listed, and within a rule entries in index order
// (SPEC 2.3). Fields: `Tag.N.Key` / `Tag.N.Value` with the N the user wrote;
// spans into that key or value.
//
// Pure, no exceptions, thread-safe. Linear in the entries (duplicates by
// sorting, so 10,000 entries are cheap).
//
// Example:
//
//   CheckTags(request.tags, kTagCodes, ctx);

#ifndef RUNCHECK_RULES_TAG_RULES_H_
#define RUNCHECK_RULES_TAG_RULES_H_

#include <vector>

#include "rules/engine.h"
#include "rules/request.h"

namespace runcheck {
namespace rules {

struct TagCodes {
  const char* list;  // "Tag" or "ResourceTag"
  int core::Limits::*max_entries;
  core::Code too_many;
  core::Code missing_key;
  core::Code bad_key;
  core::Code bad_value;
  core::Code duplicate;
};

extern const TagCodes kTagCodes;
extern const TagCodes kResourceTagCodes;
// InvokeCommand's ResourceTag: the same codes, at most
// Limits::max_invoke_resource_tags entries.
extern const TagCodes kInvokeResourceTagCodes;

void CheckTags(const std::vector<TagEntry>& tags, const TagCodes& codes,
               RuleContext& ctx);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_TAG_RULES_H_
