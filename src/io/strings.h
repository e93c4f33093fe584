#pragma once
// User-facing strings of patient mode and the lessons' plain words in one JSON file per
// language (assets/i18n/LANG.json: {"language", "name", "strings": {key: text}}). JSON rather
// than gettext catalogues: the project already reads JSON everywhere, the browser build needs
// no locale support, and a missing key is a lookup that falls back to English.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace venaviz::io {

struct Language {
  std::string code;  ///< "en", "es", "fr"
  std::string name;  ///< in its own language: "English", "Español", "Français"
  std::map<std::string, std::string> strings;
};

/// Reads one language file; a problem throws one line naming the file and the key.
Language loadLanguage(const std::filesystem::path& file);
/// Same from the file's text; `name` is used in messages.
Language parseLanguage(const std::string& text, const std::string& name);

/// The strings of one language with English under them: a key missing in the language
/// falls back to English, and one missing in English too shows as the key itself.
class StringTable {
 public:
  StringTable() = default;
  StringTable(Language english, Language current);
  const std::string& get(const std::string& key) const;
  /// Whether the key exists in English (the source language).
  bool has(const std::string& key) const { return english_.strings.count(key) != 0; }
  const std::string& code() const { return current_.code; }
  const Language& english() const { return english_; }
  const Language& current() const { return current_; }

 private:
  Language english_, current_;
};

/// The language files in `dir` (*.json), English first, then by code.
std::vector<std::filesystem::path> languageFiles(const std::filesystem::path& dir);
/// Loads `code` over English from `dir` (and `dir`/lessons/CODE.json, the lessons' patient
/// captions as "lesson.FILE.STEP", where English is the lesson file itself); an unknown code
/// throws naming the codes there.
StringTable loadStringTable(const std::filesystem::path& dir, const std::string& code);
/// Keys English has and `language` lacks (or has empty), sorted.
std::vector<std::string> missingKeys(const Language& english, const Language& language);
/// Replaces "{name}" in `text` with `value` (every occurrence).
std::string fillIn(std::string text, const std::string& name, const std::string& value);

}  // namespace venaviz::io
