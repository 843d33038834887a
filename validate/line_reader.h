// -----------------------------------------------------------------------------
// File: validate/line_reader.h
// -----------------------------------------------------------------------------
//
// The batch modes' line reader (SPEC 9, *Batch contract*): exactly one line
// per LF, whatever the bytes between. A NUL or any other byte never ends a
// line (only LF does); one CR right before the LF is dropped; the last line
// may lack its LF. A line over the size limit is reported as `kTooLong` and
// skipped up to its LF, so the batch goes on with the next line and the
// results stay aligned with the input.
//
// Memory: one read buffer plus the current line (at most the limit + 1).
// Reads its FILE* only; not thread-safe (one reader per stream).
//
// Example:
//
//   LineReader lines(stdin, kMaxLineBytes);
//   std::string line;
//   for (LineReader::Result r; (r = lines.Next(&line)) != LineReader::kEnd;) {
//     if (r == LineReader::kTooLong) { /* an error record for this line */ }
//   }

#ifndef RUNCHECK_VALIDATE_LINE_READER_H_
#define RUNCHECK_VALIDATE_LINE_READER_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace runcheck {
namespace validate {

class LineReader {
 public:
  enum Result { kLine, kTooLong, kEnd };

  // Lines of at most `max_bytes` bytes (without the LF and its CR).
  LineReader(std::FILE* in, size_t max_bytes);

  // The next line into `*line` (kLine), or kTooLong with `*line` empty, or
  // kEnd when the stream is exhausted (or unreadable: see `error()`).
  Result Next(std::string* line);

  // Whether reading failed (not just ended).
  bool error() const { return error_; }

 private:
  bool Fill();

  std::FILE* in_;
  size_t max_bytes_;
  std::unique_ptr<char[]> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool error_ = false;
};

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_LINE_READER_H_
