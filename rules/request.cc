#include "rules/request.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/ascii.h"

namespace runcheck {
namespace rules {

const std::vector<ScalarParameter>& ScalarParameters() {
  static const auto* const kParameters = new std::vector<ScalarParameter>{
      {"RegionId", &Request::region_id, WireType::kString},
      {"ResourceGroupId", &Request::resource_group_id, WireType::kString},
      {"Name", &Request::name, WireType::kString},
      {"Description", &Request::description, WireType::kString},
      {"Type", &Request::type, WireType::kString},
      {"CommandContent", &Request::command_content, WireType::kString},
      {"WorkingDir", &Request::working_dir, WireType::kString},
      {"Timeout", &Request::timeout, WireType::kInteger},
      {"EnableParameter", &Request::enable_parameter, WireType::kBoolean},
      {"RepeatMode", &Request::repeat_mode, WireType::kString},
      {"Timed", &Request::timed, WireType::kBoolean},
      {"Frequency", &Request::frequency, WireType::kString},
      {"Parameters", &Request::parameters, WireType::kJsonObject},
      {"KeepCommand", &Request::keep_command, WireType::kBoolean},
      {"ContentEncoding", &Request::content_encoding, WireType::kString},
      {"Username", &Request::username, WireType::kString},
      {"WindowsPasswordName", &Request::windows_password_name, WireType::kString},
      {"ContainerId", &Request::container_id, WireType::kString},
      {"ContainerName", &Request::container_name, WireType::kString},
      {"ClientToken", &Request::client_token, WireType::kString},
      {"OssOutputDelivery", &Request::oss_output_delivery, WireType::kString},
      {"TerminationMode", &Request::termination_mode, WireType::kString},
      {"Launcher", &Request::launcher, WireType::kString},
  };
  return *kParameters;
}

std::optional<std::string_view> FieldValue(const Request& request, std::string_view path) {
  const size_t dot = path.find('.');
  const std::string_view head = path.substr(0, dot);
  for (const ScalarParameter& p : ScalarParameters()) {
    if (head == p.name) {
      return request.*p.member;
    }
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
  if (head == "InstanceId") {
    const auto& list = request.instance_ids;
    auto it = std::lower_bound(list.begin(), list.end(), index,
                               [](const ListEntry& e, int i) { return e.index < i; });
    if (it == list.end() || it->index != index) return std::nullopt;
    return it->value;
  }
  const std::vector<TagEntry>* tags = head == "Tag"           ? &request.tags
                                      : head == "ResourceTag" ? &request.resource_tags
                                                              : nullptr;
  if (tags == nullptr) return std::nullopt;
  auto it = std::lower_bound(tags->begin(), tags->end(), index,
                             [](const TagEntry& e, int i) { return e.index < i; });
  if (it == tags->end() || it->index != index) return std::nullopt;
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

char Fold(char c) { return core::LowerAscii(c); }

// Levenshtein distance of `a` and `b` ignoring ASCII case, or `limit + 1`
// when it is over `limit`. Both are short (the caller checks).
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::array<size_t, 65> row{};
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return std::min(row[b.size()], limit + 1);
}

// The closest of `names` to `key` within distance 2, or empty.
std::string_view Closest(std::string_view key, std::initializer_list<std::string_view> extra) {
  constexpr size_t kLimit = 2;
  if (key.empty() || key.size() > 48) return {};
  std::string_view best;
  size_t best_distance = kLimit + 1;
  auto consider = [&](std::string_view name) {
    const size_t d = EditDistance(key, name, kLimit);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  };
  for (const ScalarParameter& p : ScalarParameters()) consider(p.name);
  for (std::string_view name : extra) consider(name);
  return best;
}

}  // namespace

std::string ClosestParameter(std::string_view key) {
  const size_t dot = key.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view head = key.substr(0, dot);
    if (head == "Tag" || head == "ResourceTag") {
      const size_t dot2 = key.find('.', dot + 1);
      if (dot2 == std::string_view::npos) return {};
      const std::string_view field = key.substr(dot2 + 1);
      if (field.size() > 8) return {};
      for (std::string_view f : {"Key", "Value"}) {
        if (EditDistance(field, f, 2) <= 2) {
          return std::string(key.substr(0, dot2 + 1)) + std::string(f);
        }
      }
      return {};
    }
    const std::string_view base = Closest(head, {"InstanceId", "Tag", "ResourceTag"});
    return base.empty() ? std::string() : std::string(base) + std::string(key.substr(dot));
  }
  return std::string(Closest(key, {"InstanceId", "Tag", "ResourceTag"}));
}

bool operator==(const Request& a, const Request& b) {
  for (const ScalarParameter& p : ScalarParameters()) {
    if (a.*p.member != b.*p.member) return false;
  }
  return a.instance_ids == b.instance_ids && a.tags == b.tags &&
         a.resource_tags == b.resource_tags;
}

}  // namespace rules
}  // namespace runcheck
