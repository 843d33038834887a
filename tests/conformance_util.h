// The vocabulary of the conformance suites (tests/conformance_test.cc for
// RunCommand, tests/family_conformance_test.cc for the six other actions):
// a case is key/value pairs over a valid base request, sent in the query form
// and, where the JSON form can carry it, in the JSON form; both must give the
// expected violations (code, field, offset) in order.

#ifndef RUNCHECK_TESTS_CONFORMANCE_UTIL_H_
#define RUNCHECK_TESTS_CONFORMANCE_UTIL_H_

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/action.h"
#include "core/catalog.h"
#include "core/json_scan.h"
#include "core/violation.h"
#include "gtest/gtest.h"
#include "rules/verdict.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace conformance {

inline constexpr int64_t kNow = 1798761600;  // 2027-01-01T00:00:00Z
inline constexpr const char* kUnset = "\x01unset";

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Expect {
  core::Code code;
  std::string field;
  long offset;  // -1: no span
};

struct Case {
  std::string name;
  Pairs pairs;                   // applied over the base request
  std::vector<Expect> expected;  // in order
  bool json_too = true;          // false: the JSON form cannot carry it
};

inline std::string PercentEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// `Action=<action>&...`, every key and value percent-encoded.
inline std::string QueryForm(const Pairs& pairs,
                             core::Action action = core::Action::kRunCommand) {
  std::string q = "Action=" + std::string(core::ActionName(action));
  for (const auto& [k, v] : pairs) q += "&" + PercentEncode(k) + "=" + PercentEncode(v);
  return q;
}

inline std::string JsonString(const std::string& s) { return core::JsonQuote(s); }

// Lists must be numbered 1..n in the pairs for the JSON form. With `action`,
// an "Action" member first.
inline std::string JsonForm(const Pairs& pairs, std::optional<core::Action> action = std::nullopt) {
  std::map<std::string, std::string> scalars;
  std::map<std::string, std::map<int, std::map<std::string, std::string>>> lists;
  std::vector<std::string> order;
  for (const auto& [k, v] : pairs) {
    const size_t dot = k.find('.');
    if (dot == std::string::npos) {
      scalars[k] = v;
      order.push_back(k);
      continue;
    }
    const std::string head = k.substr(0, dot);
    std::string rest = k.substr(dot + 1);
    const size_t dot2 = rest.find('.');
    const std::string field = dot2 == std::string::npos ? "" : rest.substr(dot2 + 1);
    const int index = std::stoi(rest.substr(0, dot2));
    if (!lists.count(head)) order.push_back(head);
    lists[head][index][field] = v;
  }
  std::string j = "{";
  bool first = true;
  if (action) {
    j += "\"Action\": " + JsonString(std::string(core::ActionName(*action)));
    first = false;
  }
  for (const std::string& name : order) {
    j += first ? "" : ", ";
    first = false;
    j += JsonString(name) + ": ";
    if (scalars.count(name)) {
      j += name == "Parameters" && !scalars[name].empty() && scalars[name][0] == '{'
               ? scalars[name]  // as an object
               : JsonString(scalars[name]);
      continue;
    }
    j += "[";
    int expect = 1;
    for (const auto& [index, fields] : lists[name]) {
      EXPECT_EQ(index, expect++) << "JSON form needs contiguous indexes";
      j += index > 1 ? ", " : "";
      if (fields.count("")) {
        j += JsonString(fields.at(""));
        continue;
      }
      j += "{";
      bool f1 = true;
      for (const auto& [f, v] : fields) {
        j += (f1 ? "" : ", ") + JsonString(f) + ": " + JsonString(v);
        f1 = false;
      }
      j += "}";
    }
    j += "]";
  }
  return j + "}";
}

inline rules::ValidateOptions Options() {
  rules::ValidateOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  o.now = kNow;
  return o;
}

inline std::string Repeat(const std::string& unit, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += unit;
  return s;
}

inline std::string Pad(int n) { return std::string(n, 'x'); }

// `count` keys Tag.1.Key.. with distinct values.
inline Pairs Tags(const std::string& list, int count) {
  Pairs p;
  for (int i = 1; i <= count; ++i) {
    p.emplace_back(list + "." + std::to_string(i) + ".Key", "k" + std::to_string(i));
  }
  return p;
}

inline Pairs Instances(int count) {
  Pairs p;
  for (int i = 1; i <= count; ++i) {
    p.emplace_back("InstanceId." + std::to_string(i), "i-" + std::to_string(i));
  }
  return p;
}

inline Pairs Join(Pairs a, const Pairs& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}


// `base` with `over` applied: a pair replaces the base's of the same key,
// kUnset removes it, a new key is added at the end.
inline Pairs ApplyOver(Pairs out, const Pairs& over) {
  for (const auto& [k, v] : over) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == k; });
    if (v == kUnset) {
      if (it != out.end()) out.erase(it);
    } else if (it != out.end()) {
      it->second = v;
    } else {
      out.emplace_back(k, v);
    }
  }
  return out;
}

inline void ExpectViolations(const std::vector<core::Violation>& got, const std::vector<Expect>& want) {
  ASSERT_EQ(got.size(), want.size()) << (got.empty() ? "" : got[0].info().name);
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(got[i].info().name, core::DescribeFor(got[i].action, want[i].code).name);
    EXPECT_EQ(got[i].field, want[i].field);
    if (want[i].offset < 0) {
      EXPECT_FALSE(got[i].span.has_value());
    } else {
      ASSERT_TRUE(got[i].span.has_value());
      EXPECT_EQ(static_cast<long>(got[i].span->offset), want[i].offset);
    }
  }
}

}  // namespace conformance
}  // namespace runcheck

#endif  // RUNCHECK_TESTS_CONFORMANCE_UTIL_H_
