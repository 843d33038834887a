#include "rules/request.h"

#include <algorithm>

namespace runcheck {

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

bool operator==(const Request& a, const Request& b) {
  for (const ScalarParameter& p : ScalarParameters()) {
    if (a.*p.member != b.*p.member) return false;
  }
  return a.instance_ids == b.instance_ids && a.tags == b.tags &&
         a.resource_tags == b.resource_tags;
}

}  // namespace runcheck
