#include "io/json_file.h"

#include "core/error.h"
#include "io/atomic_file.h"

namespace venaviz::io {

void lineColumn(const std::string& text, std::size_t byte, int& line, int& column) {
  line = 1;
  column = 1;
  const std::size_t end = std::min(byte, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

Json parseJsonText(const std::string& text, const std::string& name) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    int line = 0, column = 0;
    // nlohmann reports the byte just after the offending token; step back onto it.
    lineColumn(text, e.byte > 0 ? e.byte - 1 : 0, line, column);
    std::string reason = e.what();
    if (auto pos = reason.find("syntax error while parsing value - "); pos != std::string::npos)
      reason = reason.substr(pos + 35);
    else if (auto p2 = reason.find(": "); p2 != std::string::npos)
      reason = reason.substr(p2 + 2);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) reason = "the file is empty";
    throw Error::at(name, line, column, "invalid JSON: " + reason);
  } catch (const Json::out_of_range& e) {
    // A number too large for a double ("1e999"): nlohmann names the token but not its place.
    std::string reason = e.what();
    int line = 0, column = 0;
    if (auto a = reason.find('\''), b = reason.rfind('\''); a != std::string::npos && b > a) {
      const std::string token = reason.substr(a + 1, b - a - 1);
      if (auto at = text.find(token); at != std::string::npos) lineColumn(text, at, line, column);
      reason = "number " + token + " is too large; expected a number a double can hold";
    }
    throw Error::at(name, line, column, "invalid JSON: " + reason);
  } catch (const Json::exception& e) {
    throw Error::at(name, 0, 0, std::string("invalid JSON: ") + e.what());
  }
}

Json parseJsonFile(const std::filesystem::path& path, std::size_t maxBytes) {
  return parseJsonText(readFile(path, maxBytes), path.string());
}

std::string describe(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string: {
      // A long string is cut (at a character boundary) so that the message stays readable.
      std::string text = v.get<std::string>();
      if (text.size() > 80) {
        std::size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      return "the string \"" + text + "\"";
    }
    case Json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return v.dump();
    default:
      return "an unsupported value";
  }
}

void JsonReader::fail(const std::string& message) const {
  throw Error::atKey(file_, path_.empty() ? "(top level)" : path_, message);
}

void JsonReader::failKey(std::string_view key, const std::string& message) const {
  const std::string p = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  throw Error::atKey(file_, p, message);
}

void JsonReader::requireObject() const {
  if (!value_.is_object()) fail("expected an object, got " + describe(value_));
}

void JsonReader::allowKeys(std::initializer_list<std::string_view> allowed) const {
  requireObject();
  for (const auto& [key, _] : value_.items()) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      failKey(key, "unknown key; expected one of: " + list);
    }
  }
}

bool JsonReader::has(std::string_view key) const {
  return value_.is_object() && value_.contains(std::string(key));
}

JsonReader JsonReader::child(std::string_view key) const {
  if (!has(key)) failKey(key, "missing required key");
  return {value_.at(std::string(key)), file_, path_.empty() ? std::string(key) : path_ + "." + std::string(key)};
}

JsonReader JsonReader::element(std::size_t index, std::string_view label) const {
  std::string p = path_ + "[" + std::to_string(index) + "]";
  if (!label.empty()) p += " (" + std::string(label) + ")";
  return {value_.at(index), file_, p};
}

void JsonReader::requireArrayAtMost(std::size_t limit, const std::string& what) const {
  if (!value_.is_array()) fail("expected an array of " + what + ", got " + describe(value_));
  if (value_.size() > limit)
    fail(std::to_string(value_.size()) + " " + what + "; expected at most " + std::to_string(limit) +
         " (docs/reliability.md, Limits)");
}

std::string JsonReader::string(std::string_view key) const {
  JsonReader c = child(key);
  if (!c.value().is_string()) c.fail("expected a string, got " + describe(c.value()));
  return c.value().get<std::string>();
}

std::string JsonReader::string(std::string_view key, const std::string& fallback) const {
  return has(key) ? string(key) : fallback;
}

double JsonReader::number(std::string_view key) const {
  JsonReader c = child(key);
  if (!c.value().is_number()) c.fail("expected a number, got " + describe(c.value()));
  return c.value().get<double>();
}

double JsonReader::number(std::string_view key, double fallback) const {
  return has(key) ? number(key) : fallback;
}

bool JsonReader::boolean(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  JsonReader c = child(key);
  if (!c.value().is_boolean()) c.fail("expected true or false, got " + describe(c.value()));
  return c.value().get<bool>();
}

}  // namespace venaviz::io
