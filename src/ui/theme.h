#pragma once
#include <optional>
#include <string_view>

namespace venaviz::ui {

/// Panel colours: dark (default: calm, for dim lecture rooms and the glass walls), light (bright
/// rooms, printed handouts), contrast (high-contrast white on black with yellow accents and
/// borders, for low vision and washed-out projectors).
enum class Theme { Dark, Light, Contrast };
std::optional<Theme> parseTheme(std::string_view name);
const char* toString(Theme theme);

/// Resets the ImGui style to a venaviz theme with sizes scaled by `scale` (so padding and touch
/// targets grow with the text).
void applyTheme(float scale, Theme theme = Theme::Dark);
}  // namespace venaviz::ui
