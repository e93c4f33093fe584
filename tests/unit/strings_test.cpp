// Translations (io/strings): every shipped language has every English key (the test lists
// the missing ones), a missing key falls back to English, a bad file is one line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/strings.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

const fs::path kDir = fs::path(VENAVIZ_SOURCE_DIR) / "assets" / "i18n";

TEST(Strings, EveryShippedLanguageHasEveryKey) {
  const io::Language en = io::loadLanguage(kDir / "en.json");
  EXPECT_GT(en.strings.size(), 40u);
  int languages = 0;
  for (const fs::path& f : io::languageFiles(kDir)) {
    const io::Language l = io::loadLanguage(f);
    EXPECT_EQ(l.code, f.stem().string());
    std::string missing;
    for (const std::string& k : io::missingKeys(en, l)) missing += " " + k;
    EXPECT_TRUE(missing.empty()) << f.filename().string() << " lacks:" << missing;
    ++languages;
  }
  EXPECT_GE(languages, 3) << "English and at least two more";
}

TEST(Strings, MissingKeyFallsBackToEnglishThenToTheKey) {
  io::Language en{"en", "English", {{"a", "Hello"}, {"b", "Bye"}}};
  io::Language es{"es", "Español", {{"a", "Hola"}, {"b", ""}}};
  const io::StringTable t(en, es);
  EXPECT_EQ(t.get("a"), "Hola");
  EXPECT_EQ(t.get("b"), "Bye") << "empty counts as missing";
  EXPECT_EQ(t.get("zzz"), "zzz");
  EXPECT_EQ(io::missingKeys(en, es), std::vector<std::string>{"b"});
  EXPECT_EQ(io::fillIn("{x} and {x}", "x", "1"), "1 and 1");
}

TEST(Strings, LoadsATableAndRefusesUnknownCodesAndBadFiles) {
  EXPECT_EQ(io::loadStringTable(kDir, "fr").code(), "fr");
  EXPECT_EQ(io::loadStringTable(kDir, "en").get("patient.back"), "Back");
  try {
    io::loadStringTable(kDir, "xx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no \"xx\""), std::string::npos) << e.what();
  }
  const fs::path bad = fs::temp_directory_path() / "venaviz_bad_lang.json";
  std::ofstream(bad) << R"({"language": "de", "name": "Deutsch", "strings": {"a": 3}})";
  try {
    io::loadLanguage(bad);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("strings.a: expected a string"), std::string::npos) << e.what();
  }
  fs::remove(bad);
}

}  // namespace
