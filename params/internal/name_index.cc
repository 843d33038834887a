#include "params/internal/name_index.h"

namespace runcheck {
namespace params {

size_t NameIndex::FindLarge(std::string_view name) const {
  const auto it = large_.find(core::ToLowerAscii(name));
  return it == large_.end() ? kAbsent : it->second;
}

void NameIndex::IndexLarge() {
  if (entries_.size() == kLinear + 1) {
    // Switch to the map: index everything so far.
    large_.reserve(2 * entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i) large_.emplace(core::ToLowerAscii(entries_[i].name), i);
  } else {
    large_.emplace(core::ToLowerAscii(entries_.back().name), entries_.size() - 1);
  }
}

size_t NameIndex::Add(std::string_view name, uint64_t folded_hash, bool* added) {
  const size_t at = Find(name, folded_hash);
  *added = at == kAbsent;
  if (at != kAbsent) return at;
  entries_.push_back(Entry{folded_hash, name});
  if (entries_.size() > kLinear) IndexLarge();
  return entries_.size() - 1;
}

size_t NameIndex::Add(std::string_view name, bool* added) {
  return Add(name, core::FoldedHash(name), added);
}

}  // namespace params
}  // namespace runcheck
