// -----------------------------------------------------------------------------
// File: params/internal/name_index.h
// -----------------------------------------------------------------------------
//
// The distinct names of a list, compared ignoring ASCII case (placeholder
// names and Parameters keys match that way, SPEC section 6), each with its
// position in order of first appearance. Internal to params/.
//
// Small indexes (the usual: a script uses a handful of parameters) compare a
// folded hash in a row, without allocating beyond the entry list; past
// kLinear names, lookups go through a hash map on the lower-cased name, so a
// list of n names costs O(n) expected however many are distinct.
//
// Names are views: the caller keeps their text alive. Never throws; no I/O;
// thread-compatible (const methods may be called concurrently).
//
// Example:
//
//   NameIndex index;
//   bool added = false;
//   index.Add("Name", &added);   // 0, added
//   index.Add("NAME", &added);   // 0, not added
//   index.Find("name");          // 0
//   index.Find("other");         // NameIndex::kAbsent

#ifndef RUNCHECK_PARAMS_INTERNAL_NAME_INDEX_H_
#define RUNCHECK_PARAMS_INTERNAL_NAME_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "core/ascii.h"

namespace runcheck {
namespace params {

class NameIndex {
 public:
  static constexpr size_t kAbsent = static_cast<size_t>(-1);

  // The position of `name`, adding it (at position size()) when new.
  // `folded_hash` is FoldedHash(name) (core/ascii.h), when already known.
  size_t Add(std::string_view name, uint64_t folded_hash, bool* added);
  size_t Add(std::string_view name, bool* added);

  // The position of `name`, or kAbsent.
  size_t Find(std::string_view name, uint64_t folded_hash) const {
    if (entries_.size() > kLinear) return FindLarge(name);
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].hash == folded_hash && core::EqualsIgnoreCase(entries_[i].name, name)) return i;
    }
    return kAbsent;
  }
  size_t Find(std::string_view name) const { return Find(name, core::FoldedHash(name)); }

  size_t size() const { return entries_.size(); }
  // The name at `position`, as first added.
  std::string_view name(size_t position) const { return entries_[position].name; }

 private:
  static constexpr size_t kLinear = 16;
  size_t FindLarge(std::string_view name) const;
  void IndexLarge();
  struct Entry {
    uint64_t hash;
    std::string_view name;
  };
  absl::InlinedVector<Entry, 8> entries_;  // no allocation for small indexes
  // Lower-cased name -> position; filled once there are over kLinear names.
  absl::flat_hash_map<std::string, size_t> large_;
};

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_INTERNAL_NAME_INDEX_H_
