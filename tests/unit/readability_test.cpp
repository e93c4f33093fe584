// Patient-level English reads at about age 11-12: every patient-mode text (buttons, captions,
// plain vessel names) and every lesson's patient caption, by Flesch reading ease (io/readability).
// A text of at least 8 words must score 70 or more; a shorter one (a button, a name), where
// Flesch says little, must have no word of 4 syllables or more.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/lesson.h"
#include "io/readability.h"
#include "io/strings.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

const fs::path kSource(VENAVIZ_SOURCE_DIR);

TEST(Readability, CountsSyllablesAndScoresKnownTexts) {
  EXPECT_EQ(io::englishSyllables("vein"), 1);
  EXPECT_EQ(io::englishSyllables("valves"), 1);
  EXPECT_EQ(io::englishSyllables("squeezes"), 2);
  EXPECT_EQ(io::englishSyllables("ankle"), 2);
  EXPECT_EQ(io::englishSyllables("pressure"), 2);
  EXPECT_EQ(io::englishSyllables("varicose"), 3);
  EXPECT_EQ(io::englishSyllables("incompetence"), 4);
  const io::Readability easy = io::readability("The cat sat on the mat. It was warm.");
  EXPECT_EQ(easy.sentences, 2);
  EXPECT_EQ(easy.words, 9);
  EXPECT_GT(easy.flesch, 100.0);
  const io::Readability hard = io::readability(
      "Chronic venous insufficiency manifests as ambulatory venous hypertension secondary to valvular incompetence.");
  EXPECT_LT(hard.flesch, 0.0) << "a clinical sentence must fail";
}

void expectPlain(const std::string& where, const std::string& text, std::string& failures) {
  const io::Readability r = io::readability(text);
  if (r.words >= 8) {
    if (r.flesch < 70.0)
      failures += "\n  " + where + ": Flesch " + std::to_string(static_cast<int>(r.flesch)) + " < 70: " + text;
    return;
  }
  // Too short for Flesch: no long words (4 syllables or more) instead.
  std::string word;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    if (k < text.size() && text[k] != ' ') {
      word += text[k];
      continue;
    }
    if (io::englishSyllables(word) >= 4) failures += "\n  " + where + ": \"" + word + "\" is a long word: " + text;
    word.clear();
  }
}

TEST(Readability, EveryEnglishPatientTextIsPlain) {
  const io::Language en = io::loadLanguage(kSource / "assets" / "i18n" / "en.json");
  std::string failures;
  int texts = 0;
  for (const auto& [key, text] : en.strings) {
    expectPlain("en.json " + key, text, failures);
    ++texts;
  }
  for (const auto& e : fs::directory_iterator(kSource / "scenes" / "lessons")) {
    if (e.path().extension() != ".json") continue;
    const io::Lesson l = io::loadLesson(e.path());
    for (std::size_t k = 0; k < l.steps.size(); ++k)
      if (!l.steps[k].patient.empty()) {
        expectPlain(e.path().filename().string() + " step " + std::to_string(k + 1), l.steps[k].patient, failures);
        ++texts;
      }
  }
  EXPECT_GT(texts, 100);
  EXPECT_TRUE(failures.empty()) << "harder than a patient text may be:" << failures;
}

}  // namespace
