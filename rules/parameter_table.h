// -----------------------------------------------------------------------------
// File: rules/parameter_table.h
// -----------------------------------------------------------------------------
//
// Each action's request parameters as data (SPEC section 11): name, shape
// (scalar, list of strings, list of Key/Value objects) and how a scalar
// travels in the JSON form, in the order of the action's reference table
// (`../shared/reference/sibling-apis/<Action>-params.tsv`; RunCommand's in
// the order of its own reference page, SPEC 2.3). The decoders
// (rules/request_decode.h) read nothing else about an action, so an action
// is added by adding its table here and its rule list in rules/, never by
// changing a decoder. A scalar without a `Request` member (`scalar` null)
// is decoded into `Request::other` by name.
//
// Not listed, for every action: the RPC envelope's keys (`Action`, the
// signature keys, the SDK's owner keys; rules/request.h, IsEnvelopeKey).
//
// Pure data, built once on first use; thread-safe. No I/O, no exceptions.
//
// Example:
//
//   const ParameterTable& t = ParametersOf(core::Action::kSendFile);
//   const ParameterSpec* p = t.Find("Overwrite");
//   p->shape;  // Shape::kScalar
//   p->wire;   // WireType::kBoolean
//   t.Find("Frequency");  // nullptr: SendFile takes no Frequency

#ifndef RUNCHECK_RULES_PARAMETER_TABLE_H_
#define RUNCHECK_RULES_PARAMETER_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/action.h"
#include "rules/request.h"

namespace runcheck {
namespace rules {

// How a scalar parameter travels in the JSON form (the query form carries
// every value as a string).
enum class WireType : uint8_t {
  kString,      // JSON string only
  kBoolean,     // true/false or a string
  kInteger,     // a number (kept as its text) or a string
  kJsonObject,  // an object (kept as its JSON text) or a string holding one
};

enum class Shape : uint8_t {
  kScalar,        // `Name=v` / "Name": v
  kList,          // `Name.N=v` / "Name": ["v", ...] (strings)
  kKeyValueList,  // `Name.N.Key=k&Name.N.Value=v` / "Name": [{"Key": k, ...}]
};

struct ParameterSpec {
  std::string_view name;  // as the API spells it
  Shape shape = Shape::kScalar;
  WireType wire = WireType::kString;  // scalars only
  // Where the value goes: exactly one is set for a list; for a scalar,
  // `scalar` or none (then Request::other).
  std::optional<std::string_view> Request::*scalar = nullptr;
  std::vector<ListEntry> Request::*list = nullptr;
  std::vector<TagEntry> Request::*key_values = nullptr;
};

class ParameterTable {
 public:
  // At most kMaxParameters parameters, each name shorter than
  // kMaxNameLength bytes (the decoders track keys in a 64-bit set).
  static constexpr size_t kMaxParameters = 64;
  static constexpr size_t kMaxNameLength = 32;

  ParameterTable(core::Action action, std::vector<ParameterSpec> parameters);

  core::Action action() const { return action_; }
  const std::vector<ParameterSpec>& parameters() const { return parameters_; }

  // The parameter of exactly that name, or null.
  const ParameterSpec* Find(std::string_view name) const;
  // The position of `p` (a pointer into parameters()).
  size_t IndexOf(const ParameterSpec* p) const {
    return static_cast<size_t>(p - parameters_.data());
  }

 private:
  core::Action action_;
  std::vector<ParameterSpec> parameters_;
  // Indexes into parameters_ by name length, so a lookup compares with the
  // two or three names of its length.
  std::vector<uint8_t> by_length_[kMaxNameLength];
};

// The table of `action`.
const ParameterTable& ParametersOf(core::Action action);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_PARAMETER_TABLE_H_
