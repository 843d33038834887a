#include "schedule/internal/zone_token.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/utf8.h"

namespace runcheck {
namespace schedule {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Parses "[+-]H[:MM[:00]]" leniently, for hints. Returns seconds east of UTC.
std::optional<int> LenientOffset(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  const size_t colon = s.find(':');
  const std::string_view h = s.substr(0, colon);
  std::string_view m = colon == std::string_view::npos ? "0" : s.substr(colon + 1);
  if (m.size() == 5 && m.substr(2) == ":00") m = m.substr(0, 2);  // seconds
  if (!AllDigits(h) || !AllDigits(m) || h.size() > 2 || m.size() > 2) {
    return std::nullopt;
  }
  const int hours = std::stoi(std::string(h));
  const int minutes = std::stoi(std::string(m));
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

std::string GmtName(int offset) {
  const int a = offset < 0 ? -offset : offset;
  return absl::StrCat("GMT", offset < 0 ? "-" : "+", a / 3600, ":",
                      (a / 60 % 60) < 10 ? "0" : "", a / 60 % 60);
}

}  // namespace

ZoneToken ParseZoneToken(std::string_view token, const ZoneProvider* provider) {
  ZoneToken out;
  if (token == "UTC" || token == "GMT") {
    out.zone = TimeZone::Fixed(std::string(token), 0);
    return out;
  }
  if (token.size() > 3 && token.substr(0, 3) == "GMT" &&
      (token[3] == '+' || token[3] == '-')) {
    // Strict: GMT[+-]H:MM, H 0-14 without a leading zero.
    const std::string_view rest = token.substr(4);
    const size_t colon = rest.find(':');
    const std::string_view h = rest.substr(0, colon);
    const std::string_view m =
        colon == std::string_view::npos ? "" : rest.substr(colon + 1);
    const bool strict = AllDigits(h) && (h.size() == 1 || (h.size() == 2 && h[0] != '0')) &&
                        m.size() == 2 && AllDigits(m);
    if (strict) {
      const int hours = std::stoi(std::string(h));
      const int minutes = std::stoi(std::string(m));
      if (hours <= 14 && minutes <= 59) {
        const int sign = token[3] == '-' ? -1 : 1;
        out.zone = TimeZone::Fixed(std::string(token),
                                   sign * (hours * 3600 + minutes * 60));
        return out;
      }
    }
    // The tz database's own names of this shape (GMT+0, GMT-0) are legacy
    // aliases, accepted like every other name it knows (SPEC section 10).
    const bool tz_name = provider != nullptr && provider->Load(token).has_value();
    if (!tz_name) {
      if (std::optional<int> off = LenientOffset(token.substr(3))) {
        out.error = absl::StrCat("time zone '", core::QuoteUserText(token),
                                 "' is not in the form GMT+H:MM; write ",
                                 GmtName(*off));
      } else {
        out.error = absl::StrCat("time zone '", core::QuoteUserText(token),
                                 "' is out of range: GMT+H:MM takes H 0-14 and "
                                 "MM 00-59");
      }
      return out;
    }
  }
  if (token.size() > 3 && token.substr(0, 3) == "UTC") {
    if (std::optional<int> off = LenientOffset(token.substr(3))) {
      out.error = absl::StrCat("time zone '", core::QuoteUserText(token),
                               "' is not accepted; write ", GmtName(*off));
      return out;
    }
  }
  if (provider != nullptr) {
    if (std::optional<TimeZone> z = provider->Load(token)) {
      out.zone = std::move(*z);
      if (token.substr(0, 7) == "Etc/GMT" && token.size() > 7) {
        const int off = out.zone->OffsetAt(0);
        out.warning_id = "frequency.etc-gmt-sign";
        out.warning = absl::StrCat(
            std::string(token), " uses the POSIX sign convention: it is ",
            GmtName(off), " (UTC", off < 0 ? "-" : "+",
            (off < 0 ? -off : off) / 3600, ")");
      } else if (out.zone->canonical_name() != out.zone->name()) {
        out.warning_id = "frequency.zone-alias";
        out.warning = absl::StrCat(std::string(token), " is a legacy alias of ",
                                   out.zone->canonical_name());
      }
      return out;
    }
  }
  if (provider != nullptr) {
    if (std::optional<std::string> spelling = provider->SpellingOf(token)) {
      out.error = absl::StrCat("unknown time zone '", core::QuoteUserText(token),
                               "': zone names are case-sensitive; did you mean ",
                               *spelling, "?");
      return out;
    }
  }
  bool upper = token.size() >= 2 && token.size() <= 5;
  for (char c : token) upper = upper && absl::ascii_isupper(static_cast<unsigned char>(c));
  if (upper) {
    out.error = absl::StrCat("time zone abbreviation '", core::QuoteUserText(token),
                             "' is ambiguous or unknown; use an IANA name such "
                             "as Asia/Shanghai, or GMT+H:MM");
  } else {
    out.error = absl::StrCat("unknown time zone '", core::QuoteUserText(token),
                             "' (names are case-sensitive, e.g. "
                             "America/New_York)");
  }
  return out;
}

}  // namespace schedule
}  // namespace runcheck
