#pragma once
// Minimal logging: messages go to stderr and into a small ring the UI can show.
#include <cstddef>
#include <string>
#include <vector>

namespace venaviz::log {

enum class Level { Debug, Info, Warning, Error };

struct Entry {
  Level level;
  std::string text;
};

void write(Level level, const std::string& text);
inline void debug(const std::string& t) {
  write(Level::Debug, t);
}
inline void info(const std::string& t) {
  write(Level::Info, t);
}
inline void warn(const std::string& t) {
  write(Level::Warning, t);
}
inline void error(const std::string& t) {
  write(Level::Error, t);
}

/// Messages at or above this level are printed to stderr (default: Info).
void setStderrLevel(Level level);
/// Copy of the most recent entries (at most 200), oldest first.
std::vector<Entry> recent();
/// Number of entries written so far (lets a UI notice new ones cheaply).
std::size_t count();

}  // namespace venaviz::log
