#include "ui/theme.h"

#include <imgui.h>

namespace venaviz::ui {

std::optional<Theme> parseTheme(std::string_view name) {
  if (name == "dark") return Theme::Dark;
  if (name == "light") return Theme::Light;
  if (name == "contrast") return Theme::Contrast;
  return std::nullopt;
}

const char* toString(Theme theme) {
  switch (theme) {
    case Theme::Light:
      return "light";
    case Theme::Contrast:
      return "contrast";
    case Theme::Dark:
      break;
  }
  return "dark";
}

void applyTheme(float scale, Theme theme) {
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
  if (theme == Theme::Light) {
    ImGui::StyleColorsLight(&style);
    c[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.96f, 0.98f, 0.94f);
    c[ImGuiCol_Header] = ImVec4(0.62f, 0.74f, 0.92f, 0.70f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.52f, 0.68f, 0.92f, 0.90f);
    c[ImGuiCol_Button] = ImVec4(0.72f, 0.80f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.58f, 0.72f, 0.94f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.38f, 0.56f, 0.88f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.06f, 0.08f, 0.12f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.40f, 0.48f, 1.0f);
  } else if (theme == Theme::Contrast) {
    c[ImGuiCol_WindowBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.15f, 0.15f, 0.15f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.30f, 0.30f, 0.0f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.50f, 0.0f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_CheckMark] = ImVec4(1.0f, 0.92f, 0.0f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
    style.WindowBorderSize = 2.0f;
    style.FrameBorderSize = 1.5f;
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace venaviz::ui
