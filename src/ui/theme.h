#pragma once
namespace venaviz::ui {
/// Resets the ImGui style to venaviz's calm dark theme with sizes scaled by `scale` (so
/// padding and touch targets grow with the text).
void applyTheme(float scale);
}  // namespace venaviz::ui
