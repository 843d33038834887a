#include "rules/request_encode.h"


#include "core/json_scan.h"
#include "core/utf8.h"
#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {
namespace {

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '.' || c == '~';
}

void AppendEncoded(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (Unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

void AppendPair(std::string& out, std::string_view key, std::string_view value) {
  out += '&';
  AppendEncoded(out, key);
  out += '=';
  AppendEncoded(out, value);
}

bool AppendJsonString(std::string& out, std::string_view s) {
  if (!core::ScanUtf8(s).valid) return false;
  out += core::JsonQuote(s);
  return true;
}

}  // namespace

std::string ToQueryForm(const Request& r) {
  std::string out = "Action=";
  out += core::ActionName(r.action);
  for (const ParameterSpec& p : ParametersOf(r.action).parameters()) {
    if (p.scalar != nullptr) {
      if (const auto& v = r.*p.scalar) AppendPair(out, p.name, *v);
    } else if (p.list != nullptr) {
      for (const ListEntry& e : r.*p.list) {
        AppendPair(out, std::string(p.name) + "." + std::to_string(e.index), e.value);
      }
    } else if (p.key_values != nullptr) {
      for (const TagEntry& e : r.*p.key_values) {
        const std::string prefix = std::string(p.name) + "." + std::to_string(e.index);
        if (e.key) AppendPair(out, prefix + ".Key", *e.key);
        if (e.value) AppendPair(out, prefix + ".Value", *e.value);
      }
    }
  }
  for (const NamedValue& v : r.other) AppendPair(out, v.name, v.value);
  return out;
}

std::optional<std::string> ToJsonForm(const Request& r) {
  std::string out = "{\"Action\": ";
  AppendJsonString(out, core::ActionName(r.action));
  auto member = [&](std::string_view name) {
    out += ", ";
    AppendJsonString(out, name);
    out += ": ";
  };
  for (const ParameterSpec& p : ParametersOf(r.action).parameters()) {
    if (p.scalar != nullptr) {
      if (const auto& v = r.*p.scalar) {
        member(p.name);
        if (!AppendJsonString(out, *v)) return std::nullopt;
      }
    } else if (p.list != nullptr && !(r.*p.list).empty()) {
      const std::vector<ListEntry>& list = r.*p.list;
      member(p.name);
      out += '[';
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out += ", ";
        if (!AppendJsonString(out, list[i].value)) return std::nullopt;
      }
      out += ']';
    } else if (p.key_values != nullptr && !(r.*p.key_values).empty()) {
      const std::vector<TagEntry>& list = r.*p.key_values;
      member(p.name);
      out += '[';
      for (size_t i = 0; i < list.size(); ++i) {
        const TagEntry& e = list[i];
        out += i ? ", {" : "{";
        if (e.key) {
          out += "\"Key\": ";
          if (!AppendJsonString(out, *e.key)) return std::nullopt;
        }
        if (e.value) {
          out += e.key ? ", \"Value\": " : "\"Value\": ";
          if (!AppendJsonString(out, *e.value)) return std::nullopt;
        }
        out += '}';
      }
      out += ']';
    }
  }
  for (const NamedValue& v : r.other) {
    member(v.name);
    if (!AppendJsonString(out, v.value)) return std::nullopt;
  }
  out += '}';
  return out;
}

}  // namespace rules
}  // namespace runcheck
