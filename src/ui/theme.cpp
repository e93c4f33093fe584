#include "ui/theme.h"

#include <imgui.h>

namespace venaviz::ui {

void applyTheme(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 8.0f;
  style.FrameRounding = 5.0f;
  style.GrabRounding = 5.0f;
  style.ChildRounding = 6.0f;
  style.PopupRounding = 6.0f;
  style.WindowPadding = ImVec2(14.0f, 12.0f);
  style.FramePadding = ImVec2(10.0f, 6.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.ItemInnerSpacing = ImVec2(8.0f, 6.0f);
  style.GrabMinSize = 14.0f;
  style.ScrollbarSize = 16.0f;
  style.WindowBorderSize = 0.0f;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.10f, 0.13f, 0.90f);
  c[ImGuiCol_TitleBg] = ImVec4(0.10f, 0.13f, 0.18f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.12f, 0.18f, 0.27f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.20f, 0.32f, 0.52f, 0.55f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.40f, 0.64f, 0.80f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.28f, 0.46f, 0.72f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.32f, 0.52f, 0.70f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.42f, 0.66f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.50f, 0.78f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.14f, 0.18f, 0.24f, 1.0f);
  c[ImGuiCol_SliderGrab] = ImVec4(0.45f, 0.65f, 0.95f, 1.0f);
  c[ImGuiCol_CheckMark] = ImVec4(0.55f, 0.75f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.93f, 0.95f, 0.97f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.65f, 0.72f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace venaviz::ui
