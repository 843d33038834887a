// The batch contract (SPEC 9): exactly one result per input line, in order,
// always; only LF ends a line; a CR before it is dropped; a line over the
// size limit gets its own error record and the batch goes on; exit 0 when
// every line was valid, 1 when any was not. Fed randomized lines with NULs,
// CRs, ESCs and over-long lines, in-process through the commands' streams.

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "validate/cli_util.h"
#include "validate/frequency_command.h"
#include "validate/line_reader.h"
#include "validate/request_command.h"

namespace runcheck {
namespace validate {
namespace {

struct CommandRun {
  int status;
  std::vector<std::string> lines;
};

// Runs `command` with `input` on its stdin; splits what it wrote on LF.
template <typename Command>
CommandRun RunWith(Command command, const std::vector<std::string>& args, const std::string& input) {
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
  if (input.empty()) in = std::fopen("/dev/null", "r");
  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&buffer, &size);
  CommandRun r;
  r.status = command(args, in, out);
  std::fclose(in);
  std::fclose(out);
  const std::string text(buffer, size);
  std::free(buffer);
  size_t start = 0;
  while (start < text.size()) {
    const size_t lf = text.find('\n', start);
    r.lines.push_back(text.substr(start, lf - start));
    start = lf + 1;
  }
  return r;
}

TEST(LineReaderTest, OnlyLfEndsALine) {
  const std::string input = std::string("a\0b\r\n\r\n\rc\r\r\nlast", 16);
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
  LineReader lines(in, 100);
  std::string line;
  std::vector<std::string> got;
  while (lines.Next(&line) == LineReader::kLine) got.push_back(line);
  std::fclose(in);
  const std::vector<std::string> want = {std::string("a\0b", 3), "", "\rc\r", "last"};
  EXPECT_EQ(got, want);
}

TEST(LineReaderTest, OverLongLinesAreSkippedToTheirLf) {
  const std::string input = std::string(10, 'x') + "\nok\n" + std::string(200000, 'y') + "\nend";
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
  LineReader lines(in, 9);
  std::string line;
  EXPECT_EQ(lines.Next(&line), LineReader::kTooLong);
  EXPECT_EQ(lines.Next(&line), LineReader::kLine);
  EXPECT_EQ(line, "ok");
  EXPECT_EQ(lines.Next(&line), LineReader::kTooLong);
  EXPECT_EQ(lines.Next(&line), LineReader::kLine);
  EXPECT_EQ(line, "end");
  EXPECT_EQ(lines.Next(&line), LineReader::kEnd);
  std::fclose(in);
  // Exactly at the limit, with a CR before the LF: still one line.
  const std::string exact = std::string(9, 'z') + "\r\n";
  in = fmemopen(const_cast<char*>(exact.data()), exact.size(), "r");
  LineReader at_limit(in, 9);
  EXPECT_EQ(at_limit.Next(&line), LineReader::kLine);
  EXPECT_EQ(line, std::string(9, 'z'));
  std::fclose(in);
}

enum Kind { kValid, kBadType, kJunk, kTooLong, kKinds };

// "X=" and random bytes among NUL, CR, ESC, space and letters (and TAB when
// `tabs`).
std::string Junk(std::mt19937& rng, bool tabs = true) {
  static const char kBytes[] = {'\0', 'a', '\r', '\x1b', ' ', 'b', '\t'};
  std::string s = "X=";
  const int n = static_cast<int>(rng() % 20);
  for (int i = 0; i < n; ++i) s += kBytes[rng() % (sizeof kBytes - (tabs ? 0 : 1))];
  return s;
}

// 1 to 12 random lines of the four kinds, `line(kind)` giving each line's
// text but the over-long ones; a CR before the LF at random, and the last
// LF at random.
struct RandomBatch {
  std::string input;
  std::vector<Kind> kinds;
};
template <typename Line>
RandomBatch MakeBatch(std::mt19937& rng, Line line) {
  RandomBatch b;
  const int n = 1 + static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) {
    const Kind k = static_cast<Kind>(rng() % kKinds);
    b.kinds.push_back(k);
    b.input += k == kTooLong ? std::string(kMaxLineBytes + 1 + rng() % 70000, 'q') : line(k);
    if (rng() % 2) b.input += '\r';
    if (i + 1 < n || rng() % 2) b.input += '\n';
  }
  return b;
}

TEST(BatchTest, RequestBatchGivesOneResultPerLineInOrder) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 20; ++round) {
    const auto [input, kinds] = MakeBatch(rng, [&](Kind k) {
      return k == kValid     ? std::string("RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-a")
             : k == kBadType ? std::string("RegionId=r&Type=Bash&CommandContent=ls&InstanceId.1=i-a")
                             : Junk(rng);
    });
    const CommandRun r = RunWith(RequestCommand, {"--batch", "--now=0"}, input);
    ASSERT_EQ(r.lines.size(), kinds.size()) << "round " << round;
    bool all_valid = true;
    for (size_t i = 0; i < kinds.size(); ++i) {
      SCOPED_TRACE(i);
      const std::string& got = r.lines[i];
      const char* code = kinds[i] == kBadType  ? "\"InvalidCmdType.NotFound\""
                         : kinds[i] == kJunk   ? "\"MissingParameter.RegionId\""
                         : kinds[i] == kTooLong ? "\"InvalidRequest.Malformed\""
                                                : nullptr;
      if (code == nullptr) {
        EXPECT_EQ(got.rfind("{\"valid\": true", 0), 0u) << got;
      } else {
        all_valid = false;
        EXPECT_EQ(got.rfind("{\"valid\": false", 0), 0u) << got;
        EXPECT_NE(got.find(code), std::string::npos) << got;
      }
      EXPECT_LT(got.size(), 4096u);  // no line echoes an over-long input
    }
    EXPECT_EQ(r.status, all_valid ? kExitValid : kExitInvalid);
  }
}

TEST(BatchTest, FrequencyBatchGivesOneResultPerLineInOrder) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const auto [input, kinds] = MakeBatch(rng, [&](Kind k) {
      return k == kValid     ? std::string("0 0 0 * * ?\tGMT+5:30\t0\t-\t1")
             : k == kBadType ? std::string("0 0 0 * * ?\t\t0\t-5\t1")  // a negative TIMEOUT
                             : Junk(rng, /*tabs=*/false) + "\t\t0\t-\t1";  // NULs, ESCs
    });
    const CommandRun r = RunWith(FrequencyCommand, {"--batch"}, input);
    ASSERT_EQ(r.lines.size(), kinds.size()) << "round " << round;
    bool all_valid = true;
    for (size_t i = 0; i < kinds.size(); ++i) {
      SCOPED_TRACE(i);
      const std::string& got = r.lines[i];
      switch (kinds[i]) {
        case kValid:
          EXPECT_EQ(got, "66600");  // midnight at UTC+5:30
          break;
        case kBadType:
          EXPECT_EQ(got.rfind("ERR InvalidRequest.Malformed column 4", 0), 0u) << got;
          break;
        case kJunk:
          EXPECT_EQ(got.rfind("ERR InvalidParam.Frequency", 0), 0u) << got;
          break;
        default:
          EXPECT_EQ(got.rfind("ERR InvalidRequest.Malformed", 0), 0u) << got;
          break;
      }
      if (kinds[i] != kValid) all_valid = false;
      for (unsigned char c : got) EXPECT_FALSE(c < 0x20 || c == 0x7F) << got;
    }
    EXPECT_EQ(r.status, all_valid ? kExitValid : kExitInvalid);
  }
}

TEST(BatchTest, UsageErrorsAreExitTwo) {
  EXPECT_EQ(RunWith(FrequencyCommand, {"--timeout=-5", "rate(5m)"}, "").status, kExitUsage);
  EXPECT_EQ(RunWith(FrequencyCommand, {"--timeout=0", "rate(5m)"}, "").status, kExitUsage);
  EXPECT_EQ(RunWith(FrequencyCommand, {"--zone=Nowhere/Land", "rate(5m)"}, "").status,
            kExitUsage);
  EXPECT_EQ(RunWith(RequestCommand, {"--limits=max_instances=2147483648"}, "").status,
            kExitUsage);
  EXPECT_EQ(RunWith(RequestCommand, {"--limits=max_instances=-1"}, "").status, kExitUsage);
  EXPECT_EQ(RunWith(RequestCommand, {"--limits=max_content_bytes_kept=99999999999999999999"}, "")
                .status,
            kExitUsage);
  // Every zone-token spelling is an option value too.
  for (const char* zone : {"--zone=GMT+5:30", "--zone=UTC", "--zone=Asia/Shanghai"}) {
    const CommandRun r = RunWith(FrequencyCommand, {zone, "--now=0", "0 0 0 * * ?"}, "");
    EXPECT_EQ(r.status, kExitValid) << zone;
  }
  const CommandRun limits = RunWith(RequestCommand, {"--limits=max_instances=2147483647", "--now=0"},
                             "RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=a");
  EXPECT_EQ(limits.status, kExitValid);
}

}  // namespace
}  // namespace validate
}  // namespace runcheck
