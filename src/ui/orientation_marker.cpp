#include "ui/orientation_marker.h"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace venaviz::ui {

void markerAxes(const OrbitCamera& camera, MarkerAxis out[3]) {
  const Vec3 r = camera.right(), u = camera.up(), f = camera.forward();
  const std::array<Vec3, 3> axes = {kPatientLeft, -kPosterior, kSuperior};  // L, A, S
  const char pos[3] = {'L', 'A', 'S'}, neg[3] = {'R', 'P', 'I'};
  for (int i = 0; i < 3; ++i) {
    const Vec3 a = axes[static_cast<std::size_t>(i)];
    out[i] = {pos[i], neg[i], Vec2(glm::dot(a, r), -glm::dot(a, u)), -glm::dot(a, f)};
  }
}

void drawOrientationMarker(ImDrawList* dl, const OrbitCamera& camera, Vec2 center, float size, const FontSet& fonts) {
  MarkerAxis axes[3];
  markerAxes(camera, axes);
  const ImU32 colors[3] = {IM_COL32(235, 110, 90, 255), IM_COL32(110, 205, 120, 255), IM_COL32(110, 160, 245, 255)};
  dl->AddCircleFilled(ImVec2(center.x, center.y), size * 1.45f, IM_COL32(10, 14, 20, 170), 40);
  // Draw far ends first so near ones overlap them.
  std::array<int, 6> order = {0, 1, 2, 3, 4, 5};  // i<3: positive end of axis i; else negative
  auto depthOf = [&](int k) { return k < 3 ? axes[k].depth : -axes[k - 3].depth; };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return depthOf(a) < depthOf(b); });
  ImFont* font = fonts.marker ? fonts.marker : ImGui::GetFont();
  const float fontSize = font->FontSize;
  for (int k : order) {
    const bool positive = k < 3;
    const MarkerAxis& ax = axes[positive ? k : k - 3];
    const Vec2 dir = positive ? ax.screen : -ax.screen;
    const Vec2 tip = center + dir * size;
    const ImU32 col = colors[positive ? k : k - 3];
    const float thick = positive ? 3.0f : 1.5f;
    dl->AddLine(ImVec2(center.x, center.y), ImVec2(tip.x, tip.y), positive ? col : (col & 0x00FFFFFF) | 0x90000000u,
                thick * fontSize / 18.0f);
    const char label[2] = {positive ? ax.positive : ax.negative, 0};
    const float r = fontSize * 0.62f;
    const Vec2 c = center + dir * (size + r * 0.35f);
    if (positive) {
      dl->AddCircleFilled(ImVec2(c.x, c.y), r, col, 24);
      const ImVec2 ts = font->CalcTextSizeA(fontSize, 1e9f, 0.0f, label);
      dl->AddText(font, fontSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(12, 14, 18, 255), label);
    } else {
      dl->AddCircle(ImVec2(c.x, c.y), r * 0.85f, (col & 0x00FFFFFF) | 0xB0000000u, 24, 1.5f);
      const ImVec2 ts = font->CalcTextSizeA(fontSize * 0.8f, 1e9f, 0.0f, label);
      dl->AddText(font, fontSize * 0.8f, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(220, 225, 235, 200),
                  label);
    }
  }
}

}  // namespace venaviz::ui
