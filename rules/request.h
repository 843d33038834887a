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

struct Request {
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

  // Keys that name no parameter, in text order (the envelope's own keys,
  // see IsEnvelopeKey, are not kept). Not part of equality: a request's
  // meaning does not depend on them.
  std::vector<UnknownKey> unknown_keys;

  friend bool operator==(const Request& a, const Request& b);
};

// The keys of the RPC envelope that are no business parameter and that the
// API takes without comment: `Action`, `Version`, `Format`, the signature
// and credential keys (`AccessKeyId`, `Signature*`, `Timestamp`,
// `SecurityToken`, `BearerToken`) and the SDK's owner keys (`OwnerId`,
// `OwnerAccount`, `ResourceOwnerId`, `ResourceOwnerAccount`).
bool IsEnvelopeKey(std::string_view key);

// The parameter name closest to an unknown `key`: the same letters ignoring
// ASCII case, else the nearest name within edit distance 2 (the first in
// table order on a tie); for `Tag.N.x` / `ResourceTag.N.x`, the tag field
// (`Key`, `Value`) meant, as a whole path. Empty when none is close.
std::string ClosestParameter(std::string_view key);

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
  std::optional<std::string_view> Request::*member;
  WireType wire;
};

// Every scalar parameter of RunCommand, in the reference page's table order.
// The list parameters are InstanceId (strings), Tag and ResourceTag
// (Key/Value objects).
const std::vector<ScalarParameter>& ScalarParameters();

// The value a violation's field path names: `Name`, `InstanceId.3`,
// `Tag.2.Key`, `Parameters.key` (the Parameters text). nullopt when the
// request has no such value (or the path names the request as a whole).
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
