#include "params/name_index.h"

#include "rules/ascii.h"

namespace runcheck {
namespace params {

size_t NameIndex::Find(std::string_view name, uint64_t folded_hash) const {
  if (entries_.size() <= kLinear) {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].hash == folded_hash && EqualsIgnoreCase(entries_[i].name, name)) return i;
    }
    return kAbsent;
  }
  const auto it = large_.find(ToLowerAscii(name));
  return it == large_.end() ? kAbsent : it->second;
}

size_t NameIndex::Find(std::string_view name) const { return Find(name, FoldedHash(name)); }

size_t NameIndex::Add(std::string_view name, uint64_t folded_hash, bool* added) {
  const size_t at = Find(name, folded_hash);
  *added = at == kAbsent;
  if (at != kAbsent) return at;
  entries_.push_back(Entry{folded_hash, name});
  if (entries_.size() == kLinear + 1) {
    // Switch to the map: index everything so far.
    large_.reserve(2 * entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i) large_.emplace(ToLowerAscii(entries_[i].name), i);
  } else if (entries_.size() > kLinear + 1) {
    large_.emplace(ToLowerAscii(name), entries_.size() - 1);
  }
  return entries_.size() - 1;
}

size_t NameIndex::Add(std::string_view name, bool* added) {
  return Add(name, FoldedHash(name), added);
}

}  // namespace params
}  // namespace runcheck
