#pragma once
// Clicks on the UI as a user (or a finger) gives them: headless ImGui frames in a context of the
// test's own, one per click, so no click changes the next; the actions the UI emits are returned.
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "core/math.h"
#include "ui/fonts.h"
#include "ui/panels.h"

namespace venaviz::test {

struct Rect {
  std::string name;
  ImVec2 pos, size;
};

class UiDriver {
 public:
  explicit UiDriver(Vec2 display) : display_(display) {
    previous_ = ImGui::GetCurrentContext();
    ImGuiContext* ctx = ImGui::CreateContext(&atlas_);
    ImGui::SetCurrentContext(ctx);
    fonts_ = ui::buildFonts(1.0f);
    atlas_.TexID = reinterpret_cast<ImTextureID>(1);
    ImGui::DestroyContext(ctx);
    ImGui::SetCurrentContext(previous_);
  }
  ~UiDriver() { ImGui::SetCurrentContext(previous_); }

  /// What draws a frame: the control panel (default) or patient mode's screen.
  using Draw = void (*)(const ui::UiModel&, const ui::FontSet&, ui::PanelState&, ui::Actions&);
  void setDraw(Draw draw) { draw_ = draw; }

  /// Draws the UI for `m` in a fresh context: two frames to settle, then, if `click`, a mouse
  /// press and release there. Returns the actions emitted; `windows` gets the windows drawn.
  std::vector<std::string> run(const ui::UiModel& m, const ImVec2* click, std::vector<Rect>* windows = nullptr) {
    ImGuiContext* ctx = ImGui::CreateContext(&atlas_);
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(display_.x, display_.y);
    io.DeltaTime = 1.0f / 60.0f;
    ui::PanelState st;
    st.expandAll = true;
    std::vector<std::string> out;
    auto frame = [&](ImVec2 mouse, bool down) {
      io.MousePos = mouse;
      io.MouseDown[0] = down;
      ImGui::NewFrame();
      draw_(m, fonts_, st, out);
      ImGui::Render();
    };
    frame(ImVec2(-1, -1), false);
    frame(ImVec2(-1, -1), false);
    if (windows)
      for (ImGuiWindow* w : GImGui->Windows)
        if (w->Active && !w->ParentWindow && !(w->Flags & ImGuiWindowFlags_Tooltip))
          windows->push_back({w->Name, w->Pos, w->Size});
    if (click) {
      frame(*click, false);
      frame(*click, true);
      frame(*click, false);
      frame(ImVec2(-1, -1), false);
    }
    ImGui::DestroyContext(ctx);
    ImGui::SetCurrentContext(previous_);
    return out;
  }

 private:
  Vec2 display_;
  Draw draw_ = &ui::drawUi;
  ImFontAtlas atlas_;
  ui::FontSet fonts_;
  ImGuiContext* previous_ = nullptr;
};

}  // namespace venaviz::test
