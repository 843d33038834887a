// -----------------------------------------------------------------------------
// File: rules/request.h
// -----------------------------------------------------------------------------
//
// One request of the command API family as both wire forms decode it (SPEC
// sections 3 and 11): the action it is for and every parameter as its text, exactly as the user sent it after the envelope's own
// decoding (percent escapes, JSON string escapes). Nothing is interpreted,
// trimmed or defaulted here; rules/run_command.h does that, so every byte
// offset a rule reports is an offset into these strings.
//
// A Request *views* its text: the decoder (rules/request_decode.h) decodes
// every value into one buffer that the DecodedRequest owns, so decoding
// allocates once, not once per value. Keep the DecodedRequest (or whatever
// holds the text of a Request built by hand) alive while the Request is used.
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
// A plain value of views: copyable (the copy views the same text),
// thread-compatible.

#ifndef RUNCHECK_RULES_REQUEST_H_
#define RUNCHECK_RULES_REQUEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/action.h"

namespace runcheck {
namespace rules {

struct ListEntry {
  int index = 0;  // 1-based, as written
  std::string_view value;
};

struct TagEntry {
  int index = 0;  // 1-based, as written
  std::optional<std::string_view> key;
  std::optional<std::string_view> value;
};

// A key (query form) or member (JSON form) that names no parameter of the
// action, kept for the `request.unknown-parameter` warning (SPEC 8). `list`
// and `index` are set for an unknown member of a JSON tag object
// (`Tag.2.Kye`); otherwise `key` is the whole key as decoded.
struct UnknownKey {
  std::string_view key;
  std::string_view list;  // "Tag", "ResourceTag" or empty
  int index = 0;

  // The key as a field path: `Frequncy`, `Tag.2.Kye`.
  std::string Path() const;
};

// A scalar parameter of an action's table that has no member in `Request`
// (rules/parameter_table.h: an action added as data alone), by name.
struct NamedValue {
  std::string_view name;
  std::string_view value;
};

// The members are the vocabulary of the seven actions' parameters; each
// action's table (rules/parameter_table.h) says which ones it takes. A
// member the action does not take stays unset: the decoder keeps such a key
// in `unknown_keys` instead.
struct Request {
  core::Action action = core::Action::kRunCommand;
  std::optional<std::string_view> region_id;
  std::optional<std::string_view> resource_group_id;
  std::optional<std::string_view> name;
  std::optional<std::string_view> description;
  std::optional<std::string_view> type;
  std::optional<std::string_view> command_content;
  std::optional<std::string_view> working_dir;
  std::optional<std::string_view> timeout;
  std::optional<std::string_view> enable_parameter;
  std::optional<std::string_view> repeat_mode;
  std::optional<std::string_view> timed;
  std::optional<std::string_view> frequency;
  std::optional<std::string_view> parameters;  // JSON text
  std::optional<std::string_view> keep_command;
  std::optional<std::string_view> content_encoding;
  std::optional<std::string_view> username;
  std::optional<std::string_view> windows_password_name;
  std::vector<ListEntry> instance_ids;
  std::vector<TagEntry> tags;
  std::optional<std::string_view> container_id;
  std::optional<std::string_view> container_name;
  std::optional<std::string_view> client_token;
  std::optional<std::string_view> oss_output_delivery;
  std::vector<TagEntry> resource_tags;
  std::optional<std::string_view> termination_mode;
  std::optional<std::string_view> launcher;
  std::optional<std::string_view> command_id;   // InvokeCommand, ModifyCommand
  std::optional<std::string_view> invoke_id;    // ModifyInvocationAttribute,
                                                // StopInvocation
  std::optional<std::string_view> target_dir;   // SendFile, from here on
  std::optional<std::string_view> content_type;
  std::optional<std::string_view> content;
  std::optional<std::string_view> file_owner;
  std::optional<std::string_view> file_group;
  std::optional<std::string_view> file_mode;
  std::optional<std::string_view> overwrite;
  // Scalars of the action's table without a member, in text order.
  std::vector<NamedValue> other;

  // Keys that name no parameter, in text order (the envelope's own keys,
  // see IsEnvelopeKey, are not kept). Not part of equality: a request's
  // meaning does not depend on them.
  std::vector<UnknownKey> unknown_keys;

  // Equal: the same action and the same values of its table's parameters.
  friend bool operator==(const Request& a, const Request& b);
};

// The keys of the RPC envelope that are no business parameter and that the
// API takes without comment: `Action`, `Version`, `Format`, the signature
// and credential keys (`AccessKeyId`, `Signature*`, `Timestamp`,
// `SecurityToken`, `BearerToken`) and the SDK's owner keys (`OwnerId`,
// `OwnerAccount`, `ResourceOwnerId`, `ResourceOwnerAccount`).
bool IsEnvelopeKey(std::string_view key);

// The parameter of `action` closest to an unknown `key`: the same letters
// ignoring ASCII case, else the nearest name within edit distance 2 (the
// first in table order on a tie); for `Tag.N.x` / `ResourceTag.N.x`, the tag
// field (`Key`, `Value`) meant, as a whole path. Empty when none is close.
std::string ClosestParameter(std::string_view key,
                             core::Action action = core::Action::kRunCommand);

// The value a violation's field path names: `Name`, `InstanceId.3`,
// `Tag.2.Key`, `Parameters.key` (the Parameters text), looked up in the
// request's action's table. nullopt when the request has no such value (or
// the path names the request as a whole).
std::optional<std::string_view> FieldValue(const Request& request, std::string_view path);

inline bool operator==(const ListEntry& a, const ListEntry& b) {
  return a.index == b.index && a.value == b.value;
}
inline bool operator==(const TagEntry& a, const TagEntry& b) {
  return a.index == b.index && a.key == b.key && a.value == b.value;
}

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_H_
