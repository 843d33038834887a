#include "rules/request_encode.h"


#include "core/json_scan.h"
#include "core/utf8.h"

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
  std::string out = "Action=RunCommand";
  for (const ScalarParameter& p : ScalarParameters()) {
    if (const auto& v = r.*p.member) AppendPair(out, p.name, *v);
  }
  for (const ListEntry& e : r.instance_ids) {
    AppendPair(out, "InstanceId." + std::to_string(e.index), e.value);
  }
  for (const auto& [name, list] : {std::pair<const char*, const std::vector<TagEntry>*>{"Tag", &r.tags},
                                   {"ResourceTag", &r.resource_tags}}) {
    for (const TagEntry& e : *list) {
      const std::string prefix = std::string(name) + "." + std::to_string(e.index);
      if (e.key) AppendPair(out, prefix + ".Key", *e.key);
      if (e.value) AppendPair(out, prefix + ".Value", *e.value);
    }
  }
  return out;
}

std::optional<std::string> ToJsonForm(const Request& r) {
  std::string out = "{";
  bool first = true;
  auto member = [&](std::string_view name) {
    if (!first) out += ", ";
    first = false;
    AppendJsonString(out, name);
    out += ": ";
  };
  for (const ScalarParameter& p : ScalarParameters()) {
    if (const auto& v = r.*p.member) {
      member(p.name);
      if (!AppendJsonString(out, *v)) return std::nullopt;
    }
  }
  if (!r.instance_ids.empty()) {
    member("InstanceId");
    out += '[';
    for (size_t i = 0; i < r.instance_ids.size(); ++i) {
      if (i) out += ", ";
      if (!AppendJsonString(out, r.instance_ids[i].value)) return std::nullopt;
    }
    out += ']';
  }
  for (const auto& [name, list] : {std::pair<const char*, const std::vector<TagEntry>*>{"Tag", &r.tags},
                                   {"ResourceTag", &r.resource_tags}}) {
    if (list->empty()) continue;
    member(name);
    out += '[';
    for (size_t i = 0; i < list->size(); ++i) {
      const TagEntry& e = (*list)[i];
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
  out += '}';
  return out;
}

}  // namespace rules
}  // namespace runcheck
