// Every character of every shipped language lies inside the code points the fonts are built
// with (ui::glyphRanges), so no translated word shows a missing-glyph box.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <vector>
#include <string>

#include "io/strings.h"
#include "ui/fonts.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

bool covered(char32_t cp) {
  for (const ImWchar* r = ui::glyphRanges(); r[0] != 0; r += 2)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}

TEST(Glyphs, FontsCoverEveryShippedLanguage) {
  const fs::path dir = fs::path(VENAVIZ_SOURCE_DIR) / "assets" / "i18n";
  ASSERT_FALSE(io::languageFiles(dir).empty());
  std::vector<fs::path> files = io::languageFiles(dir);
  for (const fs::path& f : io::languageFiles(dir / "lessons")) files.push_back(f);  // lessons' captions
  EXPECT_GE(files.size(), 5u);
  for (const fs::path& f : files) {
    const io::Language l = io::loadLanguage(f);
    for (const auto& [key, text] : l.strings)
      for (char32_t cp : decode(text))
        EXPECT_TRUE(covered(cp)) << f.filename().string() << ": " << key << ": U+" << std::hex
                                 << static_cast<std::uint32_t>(cp) << " is not in the font's glyph ranges";
  }
  EXPECT_TRUE(covered(U'\u0153')) << "French œ";
  EXPECT_TRUE(covered(U'\u00F1')) << "Spanish ñ";
}

}  // namespace
