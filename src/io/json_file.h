#pragma once
// Parsing JSON files with one-line errors that name the file, line and column, or the key.
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/limits.h"

namespace venaviz::io {

using Json = nlohmann::json;

/// Parses a file of at most `maxBytes`; a syntax error throws "file:line:col: invalid JSON: <reason>".
Json parseJsonFile(const std::filesystem::path& path, std::size_t maxBytes = limits::kSceneBytes);
/// Same for text already in memory; `name` is used in messages.
Json parseJsonText(const std::string& text, const std::string& name);

/// Line and column (1-based) of a byte offset in text.
void lineColumn(const std::string& text, std::size_t byte, int& line, int& column);

/// Reads values out of a JSON object with errors like
/// "scenes/a.json: vessels[3] (femoral_vein_left).radii: expected an array of numbers".
class JsonReader {
 public:
  JsonReader(const Json& value, std::string file, std::string path)
      : value_(value), file_(std::move(file)), path_(std::move(path)) {}

  const Json& value() const { return value_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void failKey(std::string_view key, const std::string& message) const;

  void requireObject() const;
  /// Fails on any key not in `allowed`, listing the allowed keys.
  void allowKeys(std::initializer_list<std::string_view> allowed) const;
  bool has(std::string_view key) const;
  JsonReader child(std::string_view key) const;
  JsonReader element(std::size_t index, std::string_view label = {}) const;
  /// Fails unless the value is an array of at most `limit` elements ("`what`" names them in
  /// the message: "vessels", "steps").
  void requireArrayAtMost(std::size_t limit, const std::string& what) const;

  std::string string(std::string_view key) const;
  std::string string(std::string_view key, const std::string& fallback) const;
  double number(std::string_view key) const;
  double number(std::string_view key, double fallback) const;
  bool boolean(std::string_view key, bool fallback) const;

 private:
  const Json& value_;
  std::string file_;
  std::string path_;
};

/// Short description of a JSON value's type for messages ("a string", "an array", ...).
std::string describe(const Json& value);

}  // namespace venaviz::io
