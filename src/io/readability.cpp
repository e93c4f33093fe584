#include "io/readability.h"

#include <cctype>
#include <string_view>

namespace venaviz::io {
namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

int englishSyllables(const std::string& raw) {
  std::string w;
  for (char c : raw)
    if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.empty()) return 0;
  if (w.size() <= 3) return 1;
  // Endings that add no syllable: "tubes", "closed", "pumped" (not "squeezes", "needed").
  auto ends = [&](std::string_view s) { return w.size() > s.size() && std::string_view(w).ends_with(s); };
  if (ends("es") && !ends("ses") && !ends("zes") && !ends("ces") && !ends("ges") && !ends("xes") && !ends("shes") &&
      !ends("ches"))
    w.resize(w.size() - 2);
  else if (ends("ed") && !ends("ted") && !ends("ded"))
    w.resize(w.size() - 2);
  else if (ends("e") && !ends("le") && !ends("ee"))
    w.resize(w.size() - 1);
  int groups = 0;
  bool inVowel = false;
  for (char c : w) {
    const bool v = vowel(c);
    if (v && !inVowel) ++groups;
    inVowel = v;
  }
  return groups < 1 ? 1 : groups;
}

Readability readability(const std::string& text) {
  Readability r;
  std::string word;
  bool sentenceOpen = false;
  auto endWord = [&] {
    bool letters = false;
    for (char c : word) letters = letters || std::isalpha(static_cast<unsigned char>(c));
    if (letters) {
      ++r.words;
      r.syllables += englishSyllables(word);
      sentenceOpen = true;
    }
    word.clear();
  };
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '(' || c == ')') {
      endWord();
    } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') {
      endWord();
      // "e.g." or "3.5" do not end a sentence mid-word, but the texts here have none.
      if (sentenceOpen && (c == '.' || c == '!' || c == '?')) {
        ++r.sentences;
        sentenceOpen = false;
      }
    } else {
      word += c;
    }
  }
  endWord();
  if (sentenceOpen) ++r.sentences;
  if (r.words == 0) return r;
  r.wordsPerSentence = static_cast<double>(r.words) / r.sentences;
  r.flesch = 206.835 - 1.015 * r.wordsPerSentence - 84.6 * static_cast<double>(r.syllables) / r.words;
  return r;
}

}  // namespace venaviz::io
