#include "validate/line_reader.h"

#include <cstring>

namespace runcheck {
namespace validate {
namespace {

constexpr size_t kBufferBytes = 1 << 16;

}  // namespace

LineReader::LineReader(std::FILE* in, size_t max_bytes)
    : in_(in), max_bytes_(max_bytes), buffer_(new char[kBufferBytes]) {}

bool LineReader::Fill() {
  pos_ = 0;
  end_ = std::fread(buffer_.get(), 1, kBufferBytes, in_);
  if (end_ == 0 && std::ferror(in_)) error_ = true;
  return end_ > 0;
}

LineReader::Result LineReader::Next(std::string* line) {
  line->clear();
  bool any = false;       // a byte (or an LF) of this line was read
  bool too_long = false;  // over the limit: skip to the LF
  while (true) {
    if (pos_ == end_ && !Fill()) {
      if (!any) return kEnd;
      break;  // the last line, without an LF
    }
    any = true;
    const char* start = buffer_.get() + pos_;
    const size_t available = end_ - pos_;
    const void* lf = std::memchr(start, '\n', available);
    const size_t take = lf != nullptr ? static_cast<size_t>(static_cast<const char*>(lf) - start)
                                      : available;
    // One byte of slack: a CR that turns out to precede the LF.
    if (!too_long && line->size() + take <= max_bytes_ + 1) {
      line->append(start, take);
    } else {
      too_long = true;
      line->clear();
    }
    pos_ += take;
    if (lf != nullptr) {
      ++pos_;  // the LF
      break;
    }
  }
  if (!too_long && !line->empty() && line->back() == '\r') line->pop_back();
  if (too_long || line->size() > max_bytes_) {
    line->clear();
    return kTooLong;
  }
  return kLine;
}

}  // namespace validate
}  // namespace runcheck
