#include "rules/request_digest.h"

#include <cstdint>
#include <string_view>

#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {
namespace {

class Fnv1a {
 public:
  void Bytes(std::string_view s) {
    for (unsigned char c : s) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  // A field as its length (8 bytes) then its bytes, so no two sequences of
  // fields feed the same bytes.
  void Field(std::string_view s) {
    uint64_t n = s.size();
    char length[8];
    for (char& b : length) {
      b = static_cast<char>(n & 0xff);
      n >>= 8;
    }
    Bytes(std::string_view(length, sizeof length));
    Bytes(s);
  }
  std::string Hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    uint64_t h = hash_;
    for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kDigits[h & 15];
    return out;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string RequestDigest(const Request& r) {
  Fnv1a h;
  h.Field(core::ActionName(r.action));
  for (const ParameterSpec& p : ParametersOf(r.action).parameters()) {
    if (p.name == "ClientToken") continue;
    if (p.scalar != nullptr) {
      const std::optional<std::string_view>& v = r.*p.scalar;
      if (v && !v->empty()) {
        h.Field(p.name);
        h.Field(*v);
      }
    } else if (p.list != nullptr && !(r.*p.list).empty()) {
      h.Field(p.name);
      for (const ListEntry& e : r.*p.list) h.Field(e.value);
    } else if (p.key_values != nullptr && !(r.*p.key_values).empty()) {
      h.Field(p.name);
      for (const TagEntry& e : r.*p.key_values) {
        h.Field(e.key.value_or(""));
        h.Field(e.value.value_or(""));
      }
    }
  }
  for (const NamedValue& v : r.other) {
    if (v.value.empty()) continue;
    h.Field(v.name);
    h.Field(v.value);
  }
  return h.Hex();
}

}  // namespace rules
}  // namespace runcheck
