#include "facts/facts_json.h"

#include <functional>
#include <initializer_list>
#include <set>
#include <utility>
#include <vector>

#include "core/json_scan.h"

namespace runcheck {
namespace facts {
namespace {

using core::JsonItem;
using core::JsonKind;

// Reads one scanned facts text into `out`; the first error wins.
class Reader {
 public:
  Reader(const core::JsonScan& json, FactsDecode& out) : json_(json), out_(out) {}

  bool failed() const { return out_.error.has_value(); }

  void Fail(const JsonItem& at, const std::string& path, std::string detail) {
    FailAt(at.span.offset, path, std::move(detail));
  }
  void FailAt(size_t offset, const std::string& path, std::string detail) {
    if (!out_.error) out_.error = FactsError{offset, path, std::move(detail)};
  }

  // Calls `member(name, item, index, path)` for each non-null member of the
  // object items[index] (the root when index is npos), refusing a repeated
  // or unknown one; then checks that every name in `required` was given.
  void Members(size_t index, const std::string& path, std::initializer_list<std::string_view> known,
               std::initializer_list<std::string_view> required,
               const std::function<void(std::string_view, const JsonItem&, size_t,
                                        const std::string&)>& member) {
    const JsonItem& object = index == kRoot ? json_.root : json_.items[index];
    if (object.kind != JsonKind::kObject) {
      Fail(object, path, "an object, not a " + std::string(core::JsonKindName(object.kind)));
      return;
    }
    std::set<std::string_view> seen;
    const core::JsonChildren children = index == kRoot ? json_.Children() : json_.Children(index);
    for (auto it = children.begin(); it != children.end() && !failed(); ++it) {
      const std::string at = path.empty() ? std::string(it->key) : path + "." + std::string(it->key);
      if (!seen.insert(it->key).second) {
        FailAt(it->key_span.offset, at, "the member is repeated");
        return;
      }
      bool is_known = false;
      for (std::string_view k : known) is_known = is_known || k == it->key;
      if (!is_known) {
        FailAt(it->key_span.offset, at,
               "not a member of this object (a typo would make a fact unknown)");
        return;
      }
      if (it->kind == JsonKind::kNull) {
        seen.erase(it->key);  // null is absent
        continue;
      }
      member(it->key, *it, it.index(), at);
    }
    for (std::string_view r : required) {
      if (!failed() && !seen.count(r)) Fail(object, path, "the member \"" + std::string(r) + "\" is required");
    }
  }

  // The elements of the array items[index], each read by `element`.
  void Elements(const JsonItem& array, size_t index, const std::string& path,
                const std::function<void(const JsonItem&, size_t, const std::string&)>& element) {
    if (array.kind != JsonKind::kArray) {
      Fail(array, path, "an array, not a " + std::string(core::JsonKindName(array.kind)));
      return;
    }
    size_t n = 0;
    const core::JsonChildren children = json_.Children(index);
    for (auto it = children.begin(); it != children.end() && !failed(); ++it, ++n) {
      element(*it, it.index(), path + "[" + std::to_string(n) + "]");
    }
  }

  void String(const JsonItem& item, const std::string& path, std::string* out) {
    if (item.kind != JsonKind::kString) {
      Fail(item, path, "a string, not a " + std::string(core::JsonKindName(item.kind)));
      return;
    }
    out->assign(item.string_value);
  }
  void String(const JsonItem& item, const std::string& path, std::optional<std::string>* out) {
    String(item, path, &out->emplace());
  }
  void Bool(const JsonItem& item, const std::string& path, std::optional<bool>* out) {
    if (item.kind != JsonKind::kTrue && item.kind != JsonKind::kFalse) {
      Fail(item, path, "true or false, not a " + std::string(core::JsonKindName(item.kind)));
      return;
    }
    *out = item.kind == JsonKind::kTrue;
  }
  // A count: a non-negative whole number (at most 18 digits).
  void Count(const JsonItem& item, const std::string& path, std::optional<int64_t>* out) {
    const std::string_view digits = json_.Raw(item);
    bool ok = item.kind == JsonKind::kNumber && !digits.empty() && digits.size() <= 18;
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (!ok) {
      Fail(item, path, "a whole number from 0, not " + std::string(digits.substr(0, 32)));
      return;
    }
    int64_t n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    *out = n;
  }
  void Strings(const JsonItem& item, size_t index, const std::string& path,
               std::optional<std::vector<std::string>>* out) {
    auto& list = out->emplace();
    Elements(item, index, path, [&](const JsonItem& e, size_t, const std::string& at) {
      String(e, at, &list.emplace_back());
    });
  }

  static constexpr size_t kRoot = static_cast<size_t>(-1);

 private:
  const core::JsonScan& json_;
  FactsDecode& out_;
};

template <typename T>
using EntryReader = std::function<void(Reader&, size_t, const std::string&, T&)>;

// A list member of entries read by `read`. With `identity`, two entries of
// the same identity are an error (a snapshot cannot say two things about one
// instance, command, ...).
template <typename T>
void List(Reader& r, const JsonItem& item, size_t index, const std::string& path,
          std::optional<std::vector<T>>* out, const EntryReader<T>& read,
          const std::string& (*identity)(const T&) = nullptr) {
  auto& list = out->emplace();
  std::set<std::string> seen;
  r.Elements(item, index, path, [&](const JsonItem& e, size_t i, const std::string& at) {
    T& entry = list.emplace_back();
    read(r, i, at, entry);
    if (identity != nullptr && !r.failed() && !seen.insert(identity(entry)).second) {
      r.Fail(e, at, "repeats an earlier entry's identity \"" + identity(entry) + "\"");
    }
  });
}

template <typename T>
const std::string& IdOf(const T& e) { return e.id; }
const std::string& NameOf(const Bucket& e) { return e.name; }
const std::string& TokenOf(const ClientToken& e) { return e.token; }

void ReadRegion(Reader& r, size_t i, const std::string& path, Region& e) {
  r.Members(i, path, {"id", "actions"}, {"id"},
            [&](std::string_view k, const JsonItem& v, size_t vi, const std::string& at) {
              if (k == "id") r.String(v, at, &e.id);
              if (k == "actions") r.Strings(v, vi, at, &e.actions);
            });
}

void ReadInstance(Reader& r, size_t i, const std::string& path, Instance& e) {
  r.Members(i, path,
            {"id", "region", "os", "status", "agent_version", "agent_online", "tags",
             "resource_group"},
            {"id", "region"},
            [&](std::string_view k, const JsonItem& v, size_t vi, const std::string& at) {
              if (k == "id") r.String(v, at, &e.id);
              if (k == "region") r.String(v, at, &e.region);
              if (k == "os") {
                std::string os;
                r.String(v, at, &os);
                if (os == "linux") {
                  e.os = Os::kLinux;
                } else if (os == "windows") {
                  e.os = Os::kWindows;
                } else if (!r.failed()) {
                  r.Fail(v, at, "\"linux\" or \"windows\"");
                }
              }
              if (k == "status") r.String(v, at, &e.status);
              if (k == "agent_version") r.String(v, at, &e.agent_version);
              if (k == "agent_online") r.Bool(v, at, &e.agent_online);
              if (k == "resource_group") r.String(v, at, &e.resource_group);
              if (k == "tags") {
                List<Tag>(r, v, vi, at, &e.tags,
                          [](Reader& r2, size_t ti, const std::string& tp, Tag& t) {
                            r2.Members(ti, tp, {"key", "value"}, {"key"},
                                       [&](std::string_view tk, const JsonItem& tv, size_t,
                                           const std::string& tat) {
                                         r2.String(tv, tat, tk == "key" ? &t.key : &t.value);
                                       });
                          });
              }
            });
}

void ReadResourceGroup(Reader& r, size_t i, const std::string& path, ResourceGroup& e) {
  r.Members(i, path, {"id", "state"}, {"id"},
            [&](std::string_view k, const JsonItem& v, size_t, const std::string& at) {
              if (k == "id") r.String(v, at, &e.id);
              if (k == "state") r.String(v, at, &e.state);
            });
}

void ReadCommand(Reader& r, size_t i, const std::string& path, Command& e) {
  r.Members(i, path,
            {"id", "region", "name", "type", "content", "content_encoding", "enable_parameter",
             "is_public", "name_readonly", "timeout"},
            {"id", "region"},
            [&](std::string_view k, const JsonItem& v, size_t, const std::string& at) {
              if (k == "id") r.String(v, at, &e.id);
              if (k == "region") r.String(v, at, &e.region);
              if (k == "name") r.String(v, at, &e.name);
              if (k == "type") r.String(v, at, &e.type);
              if (k == "content") r.String(v, at, &e.content);
              if (k == "content_encoding") r.String(v, at, &e.content_encoding);
              if (k == "enable_parameter") r.Bool(v, at, &e.enable_parameter);
              if (k == "is_public") r.Bool(v, at, &e.is_public);
              if (k == "name_readonly") r.Bool(v, at, &e.name_readonly);
              if (k == "timeout") r.Count(v, at, &e.timeout);
            });
}

void ReadInvocation(Reader& r, size_t i, const std::string& path, Invocation& e) {
  r.Members(i, path,
            {"id", "region", "command_id", "repeat_mode", "status", "keep_command", "timeout",
             "instances"},
            {"id", "region"},
            [&](std::string_view k, const JsonItem& v, size_t vi, const std::string& at) {
              if (k == "id") r.String(v, at, &e.id);
              if (k == "region") r.String(v, at, &e.region);
              if (k == "command_id") r.String(v, at, &e.command_id);
              if (k == "repeat_mode") r.String(v, at, &e.repeat_mode);
              if (k == "status") r.String(v, at, &e.status);
              if (k == "keep_command") r.Bool(v, at, &e.keep_command);
              if (k == "timeout") r.Count(v, at, &e.timeout);
              if (k == "instances") r.Strings(v, vi, at, &e.instances);
            });
}

void ReadBucket(Reader& r, size_t i, const std::string& path, Bucket& e) {
  r.Members(i, path, {"name", "region", "writable"}, {"name", "region"},
            [&](std::string_view k, const JsonItem& v, size_t, const std::string& at) {
              if (k == "name") r.String(v, at, &e.name);
              if (k == "region") r.String(v, at, &e.region);
              if (k == "writable") r.Bool(v, at, &e.writable);
            });
}

void ReadClientToken(Reader& r, size_t i, const std::string& path, ClientToken& e) {
  r.Members(i, path, {"token", "digest", "processing"}, {"token", "digest"},
            [&](std::string_view k, const JsonItem& v, size_t, const std::string& at) {
              if (k == "token") r.String(v, at, &e.token);
              if (k == "digest") r.String(v, at, &e.digest);
              if (k == "processing") {
                std::optional<bool> b;
                r.Bool(v, at, &b);
                e.processing = b.value_or(false);
              }
            });
}

}  // namespace

FactsDecode DecodeFacts(std::string_view json) {
  FactsDecode out;
  // Depth 5 reaches a tag's members: {"instances": [{"tags": [{"key": ...}]}]}.
  const core::JsonScan scan = core::ScanJson(json, /*max_depth=*/5);
  if (scan.error) {
    out.error = FactsError{scan.error->offset, "", "broken JSON: " + scan.error->detail};
    return out;
  }
  Reader r(scan, out);
  Facts& f = out.facts;
  r.Members(Reader::kRoot, "",
            {"regions", "instances", "resource_groups", "quotas", "commands", "invocations",
             "buckets", "client_tokens"},
            {}, [&](std::string_view k, const JsonItem& v, size_t vi, const std::string& at) {
              if (k == "regions") List<Region>(r, v, vi, at, &f.regions, ReadRegion, IdOf);
              if (k == "instances") {
                List<Instance>(r, v, vi, at, &f.instances, ReadInstance, IdOf);
              }
              if (k == "resource_groups") {
                List<ResourceGroup>(r, v, vi, at, &f.resource_groups, ReadResourceGroup, IdOf);
              }
              if (k == "commands") List<Command>(r, v, vi, at, &f.commands, ReadCommand, IdOf);
              if (k == "invocations") {
                List<Invocation>(r, v, vi, at, &f.invocations, ReadInvocation, IdOf);
              }
              if (k == "buckets") List<Bucket>(r, v, vi, at, &f.buckets, ReadBucket, NameOf);
              if (k == "client_tokens") {
                List<ClientToken>(r, v, vi, at, &f.client_tokens, ReadClientToken, TokenOf);
              }
              if (k == "quotas") {
                Quotas& q = f.quotas.emplace();
                r.Members(vi, at,
                          {"commands", "command_quota", "invocations_today", "invocation_quota"},
                          {}, [&](std::string_view qk, const JsonItem& qv, size_t,
                                  const std::string& qat) {
                            if (qk == "commands") r.Count(qv, qat, &q.commands);
                            if (qk == "command_quota") r.Count(qv, qat, &q.command_quota);
                            if (qk == "invocations_today") r.Count(qv, qat, &q.invocations_today);
                            if (qk == "invocation_quota") r.Count(qv, qat, &q.invocation_quota);
                          });
              }
            });
  if (out.error) out.facts = Facts();
  return out;
}

}  // namespace facts
}  // namespace runcheck
