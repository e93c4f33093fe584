#include "core/error.h"

namespace venaviz {

Error Error::at(const std::string& file, int line, int column, const std::string& message) {
  // append() rather than ":" + to_string(): GCC 12 reports a false -Wrestrict on the latter at -O3.
  std::string where = file;
  if (line > 0) {
    where.append(":").append(std::to_string(line));
    if (column > 0) where.append(":").append(std::to_string(column));
  }
  where.append(": ").append(message);
  return Error(oneLine(where));
}

Error Error::atKey(const std::string& file, const std::string& key, const std::string& message) {
  return Error(oneLine(file + ": " + key + ": " + message));
}

std::string oneLine(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const bool ws = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace venaviz
