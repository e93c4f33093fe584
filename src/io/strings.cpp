#include "io/strings.h"

#include <algorithm>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/limits.h"

namespace venaviz::io {
namespace fs = std::filesystem;

Language loadLanguage(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw Error(file.string() + ": no such language file");
  return parseLanguage(readFile(file, limits::kLanguageBytes), file.string());
}

Language parseLanguage(const std::string& text, const std::string& name) {
  const Json root = parseJsonText(text, name);
  const JsonReader r(root, name, "");
  r.requireObject();
  r.allowKeys({"language", "name", "strings"});
  Language l;
  l.code = r.string("language");
  if (l.code.size() < 2 || l.code.size() > 8) r.failKey("language", "expected a language code such as \"en\"");
  l.name = r.string("name");
  if (!r.has("strings") || !root["strings"].is_object()) r.failKey("strings", "expected an object of key: text");
  if (root["strings"].size() > limits::kStrings)
    r.failKey("strings", std::to_string(root["strings"].size()) + " strings; expected at most " +
                             std::to_string(limits::kStrings) + " (docs/reliability.md, Limits)");
  for (const auto& [key, value] : root["strings"].items()) {
    if (!value.is_string()) r.failKey("strings." + key, "expected a string, got " + describe(value));
    l.strings[key] = value.get<std::string>();
  }
  return l;
}

StringTable::StringTable(Language english, Language current)
    : english_(std::move(english)), current_(std::move(current)) {}

const std::string& StringTable::get(const std::string& key) const {
  auto it = current_.strings.find(key);
  if (it != current_.strings.end() && !it->second.empty()) return it->second;
  it = english_.strings.find(key);
  if (it != english_.strings.end()) return it->second;
  return key;
}

std::vector<fs::path> languageFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    const bool ea = a.stem() == "en", eb = b.stem() == "en";
    return ea != eb ? ea : a < b;
  });
  return out;
}

StringTable loadStringTable(const fs::path& dir, const std::string& code) {
  Language english = loadLanguage(dir / "en.json");
  if (code == "en") {
    Language copy = english;
    return StringTable(std::move(english), std::move(copy));
  }
  const fs::path file = dir / (code + ".json");
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    std::string known;
    for (const fs::path& f : languageFiles(dir)) known += (known.empty() ? "" : ", ") + f.stem().string();
    throw Error("language: no \"" + code + "\" in " + dir.string() + " (there: " + known + ")");
  }
  Language current = loadLanguage(file);
  // The lessons' plain-words captions in this language (keys lesson.FILE.STEP), when translated.
  if (const fs::path lessons = dir / "lessons" / (code + ".json"); fs::is_regular_file(lessons, ec)) {
    Language extra = loadLanguage(lessons);
    if (extra.code != code) throw Error(lessons.string() + ": language: expected \"" + code + "\"");
    current.strings.merge(extra.strings);
  }
  return StringTable(std::move(english), std::move(current));
}

std::vector<std::string> missingKeys(const Language& english, const Language& language) {
  std::vector<std::string> out;
  for (const auto& [key, text] : english.strings) {
    auto it = language.strings.find(key);
    if (it == language.strings.end() || it->second.empty()) out.push_back(key);
  }
  return out;
}

std::string fillIn(std::string text, const std::string& name, const std::string& value) {
  const std::string tag = "{" + name + "}";
  for (std::size_t at = 0; (at = text.find(tag, at)) != std::string::npos; at += value.size()) text.replace(at, tag.size(), value);
  return text;
}

}  // namespace venaviz::io
