#include "rules/request.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/ascii.h"
#include "core/edit_distance.h"
#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {

std::optional<std::string_view> FieldValue(const Request& request, std::string_view path) {
  const size_t dot = path.find('.');
  const std::string_view head = path.substr(0, dot);
  const ParameterSpec* const p = ParametersOf(request.action).Find(head);
  if (p == nullptr) return std::nullopt;
  if (p->shape == Shape::kScalar) {
    if (p->scalar != nullptr) return request.*p->scalar;
    for (const NamedValue& v : request.other) {
      if (v.name == head) return v.value;
    }
    return std::nullopt;
  }
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view rest = path.substr(dot + 1);
  const size_t dot2 = rest.find('.');
  const std::string_view field = dot2 == std::string_view::npos ? "" : rest.substr(dot2 + 1);
  rest = rest.substr(0, dot2);
  int index = 0;
  for (char c : rest) {
    if (c < '0' || c > '9' || index > 100000) return std::nullopt;
    index = index * 10 + (c - '0');
  }
  // Lists are in index order (request.h), so entries are found by bisection.
  if (p->shape == Shape::kList) {
    const auto& list = request.*p->list;
    auto it = std::lower_bound(list.begin(), list.end(), index,
                               [](const ListEntry& e, int i) { return e.index < i; });
    if (it == list.end() || it->index != index) return std::nullopt;
    return it->value;
  }
  const std::vector<TagEntry>& tags = request.*p->key_values;
  auto it = std::lower_bound(tags.begin(), tags.end(), index,
                             [](const TagEntry& e, int i) { return e.index < i; });
  if (it == tags.end() || it->index != index) return std::nullopt;
  if (field == "Key") return it->key;
  if (field == "Value") return it->value;
  return std::nullopt;
}

std::string UnknownKey::Path() const {
  if (list.empty()) return std::string(key);
  std::string out(list);
  out += '.';
  out += std::to_string(index);
  out += '.';
  out += key;
  return out;
}

bool IsEnvelopeKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "Action",          "Version",          "Format",          "AccessKeyId",
      "Signature",       "SignatureMethod",  "SignatureVersion", "SignatureNonce",
      "SignatureType",   "Timestamp",        "SecurityToken",   "BearerToken",
      "OwnerId",         "OwnerAccount",     "ResourceOwnerId", "ResourceOwnerAccount",
  };
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

namespace {

// The closest of `table`'s names to `key` within distance 2, or empty.
std::string_view Closest(std::string_view key, const ParameterTable& table) {
  constexpr size_t kLimit = 2;
  if (key.empty() || key.size() > 48) return {};
  std::string_view best;
  size_t best_distance = kLimit + 1;
  auto consider = [&](std::string_view name) {
    const size_t d = core::EditDistance(key, name, kLimit);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  };
  for (const ParameterSpec& p : table.parameters()) consider(p.name);
  return best;
}

}  // namespace

std::string ClosestParameter(std::string_view key, core::Action action) {
  const ParameterTable& table = ParametersOf(action);
  const size_t dot = key.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view head = key.substr(0, dot);
    const ParameterSpec* const list = table.Find(head);
    if (list != nullptr && list->shape == Shape::kKeyValueList) {
      const size_t dot2 = key.find('.', dot + 1);
      if (dot2 == std::string_view::npos) return {};
      const std::string_view field = key.substr(dot2 + 1);
      if (field.size() > 8) return {};
      for (std::string_view f : {"Key", "Value"}) {
        if (core::EditDistance(field, f, 2) <= 2) {
          return std::string(key.substr(0, dot2 + 1)) + std::string(f);
        }
      }
      return {};
    }
    const std::string_view base = Closest(head, table);
    return base.empty() ? std::string() : std::string(base) + std::string(key.substr(dot));
  }
  return std::string(Closest(key, table));
}

bool operator==(const Request& a, const Request& b) {
  if (a.action != b.action) return false;
  for (const ParameterSpec& p : ParametersOf(a.action).parameters()) {
    if (p.scalar != nullptr && a.*p.scalar != b.*p.scalar) return false;
    if (p.list != nullptr && a.*p.list != b.*p.list) return false;
    if (p.key_values != nullptr && a.*p.key_values != b.*p.key_values) return false;
  }
  if (a.other.size() != b.other.size()) return false;
  for (size_t i = 0; i < a.other.size(); ++i) {
    if (a.other[i].name != b.other[i].name || a.other[i].value != b.other[i].value) {
      return false;
    }
  }
  return true;
}

}  // namespace rules
}  // namespace runcheck
