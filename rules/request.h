// -----------------------------------------------------------------------------
// File: rules/request.h
// -----------------------------------------------------------------------------
//
// One RunCommand request as both wire forms decode it (SPEC section 3): every
// parameter as its text, exactly as the user sent it after the envelope's own
// decoding (percent escapes, JSON string escapes). Nothing is interpreted,
// trimmed or defaulted here; rules/run_command.h does that, so every byte
// offset a rule reports is an offset into these strings.
//
// Typed JSON values become their text: `true` -> "true", `60` -> "60", a
// `Parameters` object -> the object's JSON text. A parameter that was not
// sent is nullopt; one sent empty is "" (the rules treat both as "not given"
// for optional parameters, SPEC section 10).
//
// Lists keep the index the user wrote (`InstanceId.3`, or position + 1 in a
// JSON array), in ascending index order, so field paths (`Tag.3.Key`) name
// what the user sent.
//
// A plain value: copyable, thread-compatible.

#ifndef RUNCHECK_RULES_REQUEST_H_
#define RUNCHECK_RULES_REQUEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runcheck {

struct ListEntry {
  int index = 0;  // 1-based, as written
  std::string value;
};

struct TagEntry {
  int index = 0;  // 1-based, as written
  std::optional<std::string> key;
  std::optional<std::string> value;
};

struct Request {
  std::optional<std::string> region_id;
  std::optional<std::string> resource_group_id;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> type;
  std::optional<std::string> command_content;
  std::optional<std::string> working_dir;
  std::optional<std::string> timeout;
  std::optional<std::string> enable_parameter;
  std::optional<std::string> repeat_mode;
  std::optional<std::string> timed;
  std::optional<std::string> frequency;
  std::optional<std::string> parameters;  // JSON text
  std::optional<std::string> keep_command;
  std::optional<std::string> content_encoding;
  std::optional<std::string> username;
  std::optional<std::string> windows_password_name;
  std::vector<ListEntry> instance_ids;
  std::vector<TagEntry> tags;
  std::optional<std::string> container_id;
  std::optional<std::string> container_name;
  std::optional<std::string> client_token;
  std::optional<std::string> oss_output_delivery;
  std::vector<TagEntry> resource_tags;
  std::optional<std::string> termination_mode;
  std::optional<std::string> launcher;

  friend bool operator==(const Request& a, const Request& b);
};

// How a scalar parameter travels in the JSON form (the query form carries
// every value as a string).
enum class WireType {
  kString,      // JSON string only
  kBoolean,     // true/false or a string
  kInteger,     // a number (kept as its text) or a string
  kJsonObject,  // an object (kept as its JSON text) or a string holding one
};

struct ScalarParameter {
  std::string_view name;                     // as the API spells it
  std::optional<std::string> Request::*member;
  WireType wire;
};

// Every scalar parameter of RunCommand, in the reference page's table order.
// The list parameters are InstanceId (strings), Tag and ResourceTag
// (Key/Value objects).
const std::vector<ScalarParameter>& ScalarParameters();

// The value a violation's field path names: `Name`, `InstanceId.3`,
// `Tag.2.Key`, `Parameters.key` (the Parameters text). Null when the request
// has no such value (or the path names the request as a whole).
const std::string* FieldValue(const Request& request, std::string_view path);

inline bool operator==(const ListEntry& a, const ListEntry& b) {
  return a.index == b.index && a.value == b.value;
}
inline bool operator==(const TagEntry& a, const TagEntry& b) {
  return a.index == b.index && a.key == b.key && a.value == b.value;
}

}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_H_
