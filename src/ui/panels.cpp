#include "ui/panels.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/orientation_marker.h"

namespace venaviz::ui {
namespace {

bool heading(const FontSet& fonts, const char* text, bool openByDefault) {
  ImGui::PushFont(fonts.heading);
  const bool open = ImGui::CollapsingHeader(text, openByDefault ? ImGuiTreeNodeFlags_DefaultOpen : 0);
  ImGui::PopFont();
  return open;
}

bool wideButton(const char* label, float width = -1.0f) {
  return ImGui::Button(label, ImVec2(width < 0.0f ? ImGui::GetContentRegionAvail().x : width, 0.0f));
}

void timeSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!heading(fonts, "Time", true)) return;
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
  if (ImGui::Button(m.paused ? "Play" : "Pause", ImVec2(w, 0))) out.push_back(m.paused ? "play" : "pause");
  ImGui::SameLine();
  ImGui::BeginDisabled(!m.paused);
  if (ImGui::Button("Step", ImVec2(w, 0))) out.push_back("step");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(w, 0))) out.push_back("reset_time");
  float speed = static_cast<float>(m.timeScale);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##speed", &speed, 0.1f, 10.0f, "speed %.2gx", ImGuiSliderFlags_Logarithmic)) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "time_scale %.3g", static_cast<double>(speed));
    out.emplace_back(buf);
  }
  ImGui::Text("Simulated time: %s", formatSimTime(m.simTime).c_str());
  ImGui::TextDisabled("fixed step %.2f ms", m.simStep * 1000.0);
}

void viewSection(const UiModel& /*m*/, const FontSet& fonts, Actions& out) {
  if (!heading(fonts, "View", true)) return;
  static const char* const names[6][2] = {{"Anterior", "view anterior"}, {"Posterior", "view posterior"},
                                          {"Left", "view left"},         {"Right", "view right"},
                                          {"Superior", "view superior"}, {"Inferior", "view inferior"}};
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  for (int i = 0; i < 6; ++i) {
    if (ImGui::Button(names[i][0], ImVec2(w, 0))) out.emplace_back(names[i][1]);
    if (i % 2 == 0) ImGui::SameLine();
  }
  if (wideButton("Reset view")) out.emplace_back("reset_view");
  ImGui::TextDisabled("Drag rotates, right-drag pans,");
  ImGui::TextDisabled("wheel zooms, double-click centres.");
}

void displaySection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!heading(fonts, "Display", false)) return;
  if (st.pendingUiScale <= 0.0f) st.pendingUiScale = m.uiScale;
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderFloat("##uiscale", &st.pendingUiScale, 1.0f, 3.0f, "text size %.2gx");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "ui_scale %.3g", static_cast<double>(st.pendingUiScale));
    out.emplace_back(buf);
  }
  if (!ImGui::IsItemActive()) st.pendingUiScale = m.uiScale;
  bool fs = m.fullscreen;
  if (ImGui::Checkbox("Full screen (F11)", &fs)) out.emplace_back(fs ? "fullscreen on" : "fullscreen off");
  bool help = m.showHelp;
  if (ImGui::Checkbox("Keys and commands (F1)", &help)) out.emplace_back("help");
}

void sceneSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!heading(fonts, "Scene", false)) return;
  ImGui::TextDisabled("%zu vessels, %zu landmarks", m.vesselCount, m.landmarkCount);
  if (!st.initialized) {
    std::snprintf(st.scenePath, sizeof st.scenePath, "%s", m.scenePath.c_str());
    st.initialized = true;
  }
  ImGui::SetNextItemWidth(-1.0f);
  const bool enter =
      ImGui::InputText("##scenepath", st.scenePath, sizeof st.scenePath, ImGuiInputTextFlags_EnterReturnsTrue);
  if (wideButton("Load scene file") || enter) out.push_back(std::string("load_scene ") + st.scenePath);
}

void developerSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!heading(fonts, "Developer", false)) return;
  ImGui::TextWrapped("GL: %s", m.glRenderer.c_str());
  ImGui::Text("Frame %.1f ms, %zu triangles", static_cast<double>(m.frameMs), m.triangleCount);
  if (wideButton("Reload shaders (F5)")) out.emplace_back("reload_shaders");
}

void errorBanners(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (m.sceneError.empty() && m.shaderErrors.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::fmin(vp->Size.x * 0.6f, fonts.pixelSize * 40.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + fonts.pixelSize), ImGuiCond_Always,
                          ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.10f, 0.10f, 0.95f));
  ImGui::Begin("##errors", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize);
  if (!m.sceneError.empty()) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Could not load the scene");
    ImGui::PopFont();
    ImGui::TextWrapped("%s", m.sceneError.c_str());
    ImGui::TextWrapped("The previous scene is still shown.");
    if (ImGui::Button("Dismiss")) out.emplace_back("dismiss_error");
  }
  for (const auto& e : m.shaderErrors) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Shader error (previous shader kept)");
    ImGui::PopFont();
    ImGui::TextWrapped("%s", e.c_str());
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

void helpOverlay(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!m.showHelp) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->Size.x * 0.9f, vp->Size.y * 0.85f));
  bool open = true;
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("Keys and commands", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(fonts.body);
  if (ImGui::BeginTable("help", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("Key");
    ImGui::TableSetupColumn("Command");
    ImGui::TableSetupColumn("What it does");
    ImGui::TableHeadersRow();
    for (const auto& a : m.actions) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.keys.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.usage.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.doc.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
  ImGui::End();
  if (!open) out.emplace_back("help");
}

void statusLine(const UiModel& m, const FontSet& fonts) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  char text[128];
  std::snprintf(text, sizeof text, "%s   t = %s   %.2gx", m.paused ? "Paused" : "Running",
                formatSimTime(m.simTime).c_str(), m.timeScale);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float pad = fonts.pixelSize * 0.5f;
  const ImVec2 p(vp->Pos.x + vp->Size.x - ts.x - pad * 2.0f, vp->Pos.y + vp->Size.y - ts.y - pad * 2.0f);
  dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad * 0.5f), ImVec2(p.x + ts.x + pad, p.y + ts.y + pad * 0.5f),
                    IM_COL32(10, 14, 20, 180), pad);
  dl->AddText(p, m.paused ? IM_COL32(250, 210, 120, 255) : IM_COL32(200, 230, 255, 255), text);
}

}  // namespace

std::string formatSimTime(double s) {
  char buf[48];
  if (s < 60.0)
    std::snprintf(buf, sizeof buf, "%.2f s", s);
  else
    std::snprintf(buf, sizeof buf, "%d min %04.1f s", static_cast<int>(s / 60.0), std::fmod(s, 60.0));
  return buf;
}

void drawUi(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + em * 0.6f, vp->Pos.y + em * 0.6f), ImGuiCond_FirstUseEver);
  // Width follows the text size; height fits the content (0 = auto-fit on that axis).
  ImGui::SetNextWindowSize(ImVec2(em * 17.0f, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 12.0f, 0.0f), ImVec2(vp->Size.x * 0.5f, vp->Size.y - em * 1.2f));
  ImGui::Begin("venaviz", nullptr, ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextWrapped("%s", m.sceneName.c_str());
  timeSection(m, fonts, out);
  viewSection(m, fonts, out);
  displaySection(m, fonts, st, out);
  sceneSection(m, fonts, st, out);
  developerSection(m, fonts, out);
  ImGui::End();

  errorBanners(m, fonts, out);
  helpOverlay(m, fonts, out);
  statusLine(m, fonts);
  if (m.camera) {
    const float size = em * 2.4f;
    // Bottom-right, above the status line: never under the control panel.
    drawOrientationMarker(ImGui::GetForegroundDrawList(), *m.camera,
                          Vec2(vp->Pos.x + vp->Size.x - size * 1.9f, vp->Pos.y + vp->Size.y - size * 1.9f - em * 2.2f),
                          size, fonts);
  }
}

}  // namespace venaviz::ui
