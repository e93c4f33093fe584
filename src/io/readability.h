#pragma once
// A readability measure for the patient-level English texts: Flesch reading ease (Flesch 1948,
// "A new readability yardstick", J Appl Psychol 32:221-233):
//   206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words).
// 70-80 reads as "fairly easy" (about age 12-13), 80-90 "easy" (about 11-12). Syllables are
// counted with the usual English rules (vowel groups, a silent final e, -es/-ed endings), which
// is what readability tools do; exact dictionary counts differ by a syllable here and there.
#include <string>

namespace venaviz::io {

struct Readability {
  int sentences = 0, words = 0, syllables = 0;
  double flesch = 0.0;              ///< reading ease (higher: easier); 0 for no words
  double wordsPerSentence = 0.0;
};

/// Syllables in one English word (letters only; at least 1).
int englishSyllables(const std::string& word);
/// The counts and Flesch reading ease of an English text (a text without . ! ? is one sentence).
Readability readability(const std::string& text);

}  // namespace venaviz::io
