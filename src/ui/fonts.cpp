#include "ui/fonts.h"

#include <imgui.h>

#include <array>
#include <filesystem>

#include "core/log.h"

namespace venaviz::ui {

std::string findDejaVu(bool bold) {
  const char* name = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  const std::array<std::filesystem::path, 3> dirs = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF",
                                                     "/usr/share/fonts/dejavu"};
  for (const auto& d : dirs) {
    std::error_code ec;
    if (std::filesystem::exists(d / name, ec)) return (d / name).string();
  }
  return {};
}

const ImWchar* glyphRanges() {
  // Latin-1 and Latin Extended-A (the shipped languages: English, Spanish, French with œ),
  // Greek letters for units, punctuation, arrows, <= and >=.
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x0391, 0x03C9, 0x2010, 0x2027, 0x2190, 0x21FF, 0x2264, 0x2265, 0};
  return ranges;
}

FontSet buildFonts(float pixelScale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  FontSet set;
  set.pixelSize = kBaseFontPixels * pixelScale;
  const std::string regular = findDejaVu(false), bold = findDejaVu(true);
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  const ImWchar* ranges = glyphRanges();
  if (!regular.empty()) {
    set.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), set.pixelSize, &cfg, ranges);
    const std::string& h = bold.empty() ? regular : bold;
    set.heading = io.Fonts->AddFontFromFileTTF(h.c_str(), set.pixelSize * 1.3f, &cfg, ranges);
    set.marker = io.Fonts->AddFontFromFileTTF(h.c_str(), set.pixelSize * 1.1f, &cfg, ranges);
    set.file = regular;
  }
  if (!set.body) {
    log::warn("DejaVu Sans not found (install fonts-dejavu-core); using ImGui's built-in font");
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * pixelScale;
    set.body = io.Fonts->AddFontDefault(&fallback);
    set.heading = set.marker = set.body;
  }
  io.Fonts->Build();
  return set;
}

}  // namespace venaviz::ui
