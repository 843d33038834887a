#include "rules/tag_rules.h"

#include <algorithm>
#include <string>

#include "core/ascii.h"

namespace runcheck {
namespace rules {

const TagCodes kTagCodes = {"Tag",
                            &core::Limits::max_tags,
                            core::Code::kNumberExceedTags,
                            core::Code::kMissingParameterTagKey,
                            core::Code::kInvalidTagKeyMalformed,
                            core::Code::kInvalidTagValueMalformed,
                            core::Code::kDuplicateTagKey};

const TagCodes kResourceTagCodes = {"ResourceTag",
                                    &core::Limits::max_resource_tags,
                                    core::Code::kNumberExceedResourceTags,
                                    core::Code::kMissingParameterResourceTagKey,
                                    core::Code::kInvalidResourceTagKeyMalformed,
                                    core::Code::kInvalidResourceTagValueMalformed,
                                    core::Code::kDuplicateResourceTagKey};

const TagCodes kInvokeResourceTagCodes = {"ResourceTag",
                                          &core::Limits::max_invoke_resource_tags,
                                          core::Code::kNumberExceedResourceTags,
                                          core::Code::kMissingParameterResourceTagKey,
                                          core::Code::kInvalidResourceTagKeyMalformed,
                                          core::Code::kInvalidResourceTagValueMalformed,
                                          core::Code::kDuplicateResourceTagKey};

namespace {

std::string Path(const TagCodes& codes, const TagEntry& e, const char* part) {
  return std::string(codes.list) + "." + std::to_string(e.index) + "." + part;
}

bool HasKey(const TagEntry& e) { return e.key.has_value() && !e.key->empty(); }

// The span of the first `http://` or `https://`, if any.
// (Found from each `://`: two of them cannot overlap, so the first one with a
// scheme before it gives the first URL.)
std::optional<core::Span> FindUrl(std::string_view s) {
  for (size_t c = s.find("://"); c != std::string_view::npos; c = s.find("://", c + 1)) {
    if (c >= 5 && core::EqualsIgnoreCase(s.substr(c - 5, 5), "https")) return core::Span{c - 5, 8};
    if (c >= 4 && core::EqualsIgnoreCase(s.substr(c - 4, 4), "http")) return core::Span{c - 4, 7};
  }
  return std::nullopt;
}

}  // namespace

void CheckTags(const std::vector<TagEntry>& tags, const TagCodes& codes,
               RuleContext& ctx) {
  const core::Limits& limits = ctx.limits();
  const size_t max = static_cast<size_t>(std::max(0, limits.*codes.max_entries));
  if (tags.size() > max) {
    ctx.Report(codes.too_many, codes.list, std::nullopt,
               std::to_string(tags.size()) + " entries; the limit is " +
                   std::to_string(max));
  }
  for (const TagEntry& e : tags) {
    if (!HasKey(e)) {
      ctx.Report(codes.missing_key, Path(codes, e, "Key"), std::nullopt,
                 "the entry has no key");
    }
  }
  const ValueCheck key_length = MaxChars(&core::Limits::max_tag_key_chars, codes.bad_key);
  const ValueCheck key_text = Utf8NoNul(codes.bad_key);
  for (const TagEntry& e : tags) {
    if (!HasKey(e)) continue;
    const std::string_view key = *e.key;
    std::optional<Problem> p = key_length(key, limits);
    if (!p) p = key_text(key, limits);
    if (!p && (core::StartsWithIgnoreCase(key, "aliyun") || core::StartsWithIgnoreCase(key, "acs:"))) {
      const size_t prefix = core::StartsWithIgnoreCase(key, "acs:") ? 4 : 6;
      p = Problem{codes.bad_key, core::Span{0, prefix},
                  "keys starting with aliyun or acs: are reserved"};
    }
    if (!p) {
      if (std::optional<core::Span> url = FindUrl(key)) {
        p = Problem{codes.bad_key, url, "a key may not contain http:// or https://"};
      }
    }
    if (p) ctx.Report(std::move(*p), Path(codes, e, "Key"));
  }
  const ValueCheck value_length =
      MaxChars(&core::Limits::max_tag_value_chars, codes.bad_value);
  const ValueCheck value_text = Utf8NoNul(codes.bad_value);
  for (const TagEntry& e : tags) {
    if (!e.value.has_value() || e.value->empty()) continue;
    std::optional<Problem> p = value_length(*e.value, limits);
    if (!p) p = value_text(*e.value, limits);
    if (!p) {
      if (std::optional<core::Span> url = FindUrl(*e.value)) {
        p = Problem{codes.bad_value, url, "a value may not contain http:// or https://"};
      }
    }
    if (p) ctx.Report(std::move(*p), Path(codes, e, "Value"));
  }
  // Duplicates: sort indices by key, then report in index order.
  std::vector<size_t> order;
  order.reserve(tags.size());
  for (size_t i = 0; i < tags.size(); ++i) {
    if (HasKey(tags[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const int c = tags[a].key->compare(*tags[b].key);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<std::pair<size_t, size_t>> dups;  // (entry, first entry)
  for (size_t i = 1, group = 0; i < order.size(); ++i) {
    if (*tags[order[i]].key != *tags[order[group]].key) {
      group = i;
    } else {
      dups.emplace_back(order[i], order[group]);
    }
  }
  std::sort(dups.begin(), dups.end());
  for (const auto& [i, first] : dups) {
    ctx.Report(codes.duplicate, Path(codes, tags[i], "Key"), core::Span{0, tags[i].key->size()},
               "the key repeats " + std::string(codes.list) + "." +
                   std::to_string(tags[first].index) + ".Key");
  }
}

}  // namespace rules
}  // namespace runcheck
