#include "rules/request.h"

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

bool operator==(const Request& a, const Request& b) {
  for (const ScalarParameter& p : ScalarParameters()) {
    if (a.*p.member != b.*p.member) return false;
  }
  return a.instance_ids == b.instance_ids && a.tags == b.tags &&
         a.resource_tags == b.resource_tags;
}

}  // namespace runcheck
