#include "rules/parameter_table.h"

#include <cstring>
#include <utility>

namespace runcheck {
namespace rules {
namespace {

using R = Request;

ParameterSpec Scalar(std::string_view name, std::optional<std::string_view> R::*member,
                     WireType wire = WireType::kString) {
  ParameterSpec p;
  p.name = name;
  p.wire = wire;
  p.scalar = member;
  return p;
}

ParameterSpec List(std::string_view name, std::vector<ListEntry> R::*member) {
  ParameterSpec p;
  p.name = name;
  p.shape = Shape::kList;
  p.list = member;
  return p;
}

ParameterSpec KeyValues(std::string_view name, std::vector<TagEntry> R::*member) {
  ParameterSpec p;
  p.name = name;
  p.shape = Shape::kKeyValueList;
  p.key_values = member;
  return p;
}

// The parameters several actions share, spelled once.
ParameterSpec RegionId() { return Scalar("RegionId", &R::region_id); }
ParameterSpec ResourceGroupId() { return Scalar("ResourceGroupId", &R::resource_group_id); }
ParameterSpec Name() { return Scalar("Name", &R::name); }
ParameterSpec Description() { return Scalar("Description", &R::description); }
ParameterSpec Type() { return Scalar("Type", &R::type); }
ParameterSpec CommandContent() { return Scalar("CommandContent", &R::command_content); }
ParameterSpec ContentEncoding() { return Scalar("ContentEncoding", &R::content_encoding); }
ParameterSpec WorkingDir() { return Scalar("WorkingDir", &R::working_dir); }
ParameterSpec Timeout() { return Scalar("Timeout", &R::timeout, WireType::kInteger); }
ParameterSpec EnableParameter() {
  return Scalar("EnableParameter", &R::enable_parameter, WireType::kBoolean);
}
ParameterSpec RepeatMode() { return Scalar("RepeatMode", &R::repeat_mode); }
ParameterSpec Timed() { return Scalar("Timed", &R::timed, WireType::kBoolean); }
ParameterSpec Frequency() { return Scalar("Frequency", &R::frequency); }
ParameterSpec Parameters() {
  return Scalar("Parameters", &R::parameters, WireType::kJsonObject);
}
ParameterSpec Username() { return Scalar("Username", &R::username); }
ParameterSpec WindowsPasswordName() {
  return Scalar("WindowsPasswordName", &R::windows_password_name);
}
ParameterSpec InstanceId() { return List("InstanceId", &R::instance_ids); }
ParameterSpec Tag() { return KeyValues("Tag", &R::tags); }
ParameterSpec ResourceTag() { return KeyValues("ResourceTag", &R::resource_tags); }
ParameterSpec ContainerId() { return Scalar("ContainerId", &R::container_id); }
ParameterSpec ContainerName() { return Scalar("ContainerName", &R::container_name); }
ParameterSpec ClientToken() { return Scalar("ClientToken", &R::client_token); }
ParameterSpec OssOutputDelivery() {
  return Scalar("OssOutputDelivery", &R::oss_output_delivery);
}
ParameterSpec TerminationMode() { return Scalar("TerminationMode", &R::termination_mode); }
ParameterSpec Launcher() { return Scalar("Launcher", &R::launcher); }
ParameterSpec CommandId() { return Scalar("CommandId", &R::command_id); }
ParameterSpec InvokeId() { return Scalar("InvokeId", &R::invoke_id); }

std::vector<ParameterSpec> TableOf(core::Action action) {
  switch (action) {
    case core::Action::kRunCommand:  // SPEC 2.3's order
      return {RegionId(),        ResourceGroupId(),
              Name(),            Description(),
              Type(),            CommandContent(),
              WorkingDir(),      Timeout(),
              EnableParameter(), RepeatMode(),
              Timed(),           Frequency(),
              Parameters(),      Scalar("KeepCommand", &R::keep_command, WireType::kBoolean),
              ContentEncoding(), Username(),
              WindowsPasswordName(), InstanceId(),
              Tag(),             ContainerId(),
              ContainerName(),   ClientToken(),
              OssOutputDelivery(), ResourceTag(),
              TerminationMode(), Launcher()};
    case core::Action::kCreateCommand:
      return {RegionId(),   Name(),       Description(),     Type(),
              CommandContent(), ContentEncoding(), WorkingDir(), Timeout(),
              EnableParameter(), ResourceGroupId(), Launcher(), Tag(),
              ClientToken()};
    case core::Action::kInvokeCommand:
      return {RegionId(),   CommandId(),     InstanceId(),    ResourceGroupId(),
              RepeatMode(), Timed(),         Frequency(),     Parameters(),
              Username(),   WindowsPasswordName(), ContainerId(), ContainerName(),
              Timeout(),    Tag(),           ClientToken(),   ResourceTag(),
              TerminationMode(), Launcher(), WorkingDir(),    OssOutputDelivery()};
    case core::Action::kModifyCommand:
      return {RegionId(), CommandId(), Name(), Description(), CommandContent(),
              WorkingDir(), Timeout(), Launcher()};
    case core::Action::kSendFile:
      return {RegionId(),
              ResourceGroupId(),
              Name(),
              Description(),
              Timeout(),
              Scalar("TargetDir", &R::target_dir),
              Scalar("ContentType", &R::content_type),
              Scalar("Content", &R::content),
              Scalar("FileOwner", &R::file_owner),
              Scalar("FileGroup", &R::file_group),
              Scalar("FileMode", &R::file_mode),
              Scalar("Overwrite", &R::overwrite, WireType::kBoolean),
              InstanceId(),
              Tag(),
              ClientToken()};
    case core::Action::kModifyInvocationAttribute:
      return {RegionId(),      InvokeId(),   InstanceId(),
              CommandContent(), EnableParameter(), Parameters(),
              Frequency(),     ContentEncoding(), ClientToken()};
    case core::Action::kStopInvocation:
      return {RegionId(), InvokeId(), InstanceId()};
  }
  return {};
}

}  // namespace

ParameterTable::ParameterTable(core::Action action, std::vector<ParameterSpec> parameters)
    : action_(action), parameters_(std::move(parameters)) {
  for (size_t i = 0; i < parameters_.size() && i < kMaxParameters; ++i) {
    const size_t length = parameters_[i].name.size();
    if (length < kMaxNameLength) by_length_[length].push_back(static_cast<uint8_t>(i));
  }
}

const ParameterSpec* ParameterTable::Find(std::string_view name) const {
  if (name.size() >= kMaxNameLength) return nullptr;
  for (uint8_t i : by_length_[name.size()]) {
    const ParameterSpec& p = parameters_[i];
    if (std::memcmp(p.name.data(), name.data(), name.size()) == 0) return &p;
  }
  return nullptr;
}

const ParameterTable& ParametersOf(core::Action action) {
  static const auto* const kTables = [] {
    // Actions() lists the actions in the enum's order, so an action's
    // table sits at its enumerator's value.
    auto* tables = new std::vector<ParameterTable>;
    for (core::Action a : core::Actions()) tables->emplace_back(a, TableOf(a));
    return tables;
  }();
  return (*kTables)[static_cast<size_t>(action)];
}

}  // namespace rules
}  // namespace runcheck
