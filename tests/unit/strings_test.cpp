// Translations (io/strings): every shipped language has every English key (the test lists
// the missing ones), a missing key falls back to English, a bad file is one line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/lesson.h"
#include "io/strings.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

const fs::path kSource(VENAVIZ_SOURCE_DIR);
const fs::path kDir = kSource / "assets" / "i18n";

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

TEST(Strings, EveryLessonsPatientCaptionIsTranslatedInEveryLanguage) {
  // English is the lesson file itself; the others hold "lesson.FILE.STEP" in lessons/CODE.json.
  std::vector<std::string> keys;
  for (const auto& e : fs::directory_iterator(kSource / "scenes" / "lessons")) {
    if (e.path().extension() != ".json") continue;
    const io::Lesson l = io::loadLesson(e.path());
    for (std::size_t k = 0; k < l.steps.size(); ++k)
      if (!l.steps[k].patient.empty()) keys.push_back("lesson." + e.path().stem().string() + "." + std::to_string(k + 1));
  }
  EXPECT_GT(keys.size(), 50u);
  for (const fs::path& f : io::languageFiles(kDir)) {
    const std::string code = f.stem().string();
    if (code == "en") continue;
    const io::StringTable t = io::loadStringTable(kDir, code);
    std::string missing;
    for (const std::string& k : keys)
      if (!t.current().strings.count(k) || t.current().strings.at(k).empty()) missing += " " + k;
    EXPECT_TRUE(missing.empty()) << "lessons/" << code << ".json lacks:" << missing;
    // And nothing stale: every translated lesson key names a step with a patient caption.
    for (const auto& [k, text] : t.current().strings) {
      if (k.rfind("lesson.", 0) != 0) continue;
      EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << code << ": " << k << " names no lesson step";
    }
  }
}

}  // namespace
