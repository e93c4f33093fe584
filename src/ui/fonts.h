#pragma once
// Fonts rasterized at the size they are shown (UI scale x content scale): crisp text on a
// projector, never a stretched bitmap. DejaVu Sans from fonts-dejavu-core, found at run
// time; ImGui's built-in font when it is missing.
#include <imgui.h>

#include <string>


namespace venaviz::ui {

struct FontSet {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* marker = nullptr;  ///< bold letters of the orientation marker
  float pixelSize = 0.0f;
  std::string file;  ///< font file used, empty for the built-in fallback
};

/// Base body text size at UI scale 1 (logical pixels).
inline constexpr float kBaseFontPixels = 18.0f;

/// Path of DejaVu Sans (regular or bold) if installed, else empty.
std::string findDejaVu(bool bold);

/// Rebuilds the ImGui font atlas at `pixelScale` (UI scale x content scale). The caller must
/// recreate the renderer's font texture afterwards.
FontSet buildFonts(float pixelScale);
/// The code points the fonts are built with (pairs of first, last; 0-terminated): every
/// language shipped in assets/i18n must stay inside them (a test checks).
const ImWchar* glyphRanges();

}  // namespace venaviz::ui
