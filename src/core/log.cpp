#include "core/log.h"

#include <cstdio>
#include <deque>
#include <mutex>

namespace venaviz::log {
namespace {
struct Sink {
  std::mutex mutex;
  std::deque<Entry> ring;
  std::size_t total = 0;
  Level stderrLevel = Level::Info;
};
Sink& sink() {
  static Sink s;
  return s;
}
const char* prefix(Level l) {
  switch (l) {
    case Level::Debug:
      return "debug";
    case Level::Info:
      return "info";
    case Level::Warning:
      return "warning";
    case Level::Error:
      return "error";
  }
  return "";
}
}  // namespace

void write(Level level, const std::string& text) {
  Sink& s = sink();
  std::lock_guard lock(s.mutex);
  if (level >= s.stderrLevel) std::fprintf(stderr, "venaviz: %s: %s\n", prefix(level), text.c_str());
  s.ring.push_back({level, text});
  if (s.ring.size() > 200) s.ring.pop_front();
  ++s.total;
}

void setStderrLevel(Level level) {
  std::lock_guard lock(sink().mutex);
  sink().stderrLevel = level;
}

std::vector<Entry> recent() {
  std::lock_guard lock(sink().mutex);
  return {sink().ring.begin(), sink().ring.end()};
}

std::size_t count() {
  std::lock_guard lock(sink().mutex);
  return sink().total;
}

}  // namespace venaviz::log
