// Shared by the request fuzz targets: the normalisations under which a
// request survives an encode/decode round trip.

#ifndef RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_
#define RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_

#include <algorithm>

#include "rules/request.h"

namespace runcheck {
namespace fuzz {

// The query form cannot write a tag entry with neither Key nor Value (the
// JSON form can: `[{}]`); ToQueryForm leaves such entries out.
inline rules::Request WithoutEmptyTagEntries(rules::Request r) {
  for (auto* list : {&r.tags, &r.resource_tags}) {
    list->erase(std::remove_if(list->begin(), list->end(),
                               [](const rules::TagEntry& e) { return !e.key && !e.value; }),
                list->end());
  }
  return r;
}

// Lists renumbered 1..n, as the JSON form writes them.
inline rules::Request Renumbered(rules::Request r) {
  int i = 0;
  for (rules::ListEntry& e : r.instance_ids) e.index = ++i;
  for (auto* list : {&r.tags, &r.resource_tags}) {
    i = 0;
    for (rules::TagEntry& e : *list) e.index = ++i;
  }
  return r;
}

}  // namespace fuzz
}  // namespace runcheck

#endif  // RUNCHECK_FUZZ_REQUEST_FUZZ_UTIL_H_
