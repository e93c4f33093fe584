#pragma once
// Errors carry a one-line message that names the file, the place and what was expected.
#include <stdexcept>
#include <string>

namespace venaviz {

/// An error meant for a person: what() is one line, e.g.
/// "scenes/leg.json:12:5: vessels[2].radii: expected a positive number, got -1".
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}

  /// "file:line:col: message" (line/col omitted when 0).
  static Error at(const std::string& file, int line, int column, const std::string& message);
  /// "file: key: message".
  static Error atKey(const std::string& file, const std::string& key, const std::string& message);
};

/// No display, no OpenGL 3.3 core context, or a driver that cannot run the renderer.
class GraphicsUnavailable : public Error {
 public:
  using Error::Error;
};

/// Collapses newlines and runs of whitespace so a message stays on one line.
std::string oneLine(const std::string& text);

}  // namespace venaviz
