#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/labels.h"
#include "ui/orientation_marker.h"
#include "ui/panel_widgets.h"

namespace venaviz::ui {
using namespace detail;

namespace {

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
  if (m.hasEngine && wideButton("Fast-forward 30 s")) out.emplace_back("fast_forward 30");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run 30 s of simulated time at once to reach a steady state");
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

bool containsNoCase(const std::string& text, const char* needle) {
  const std::size_t n = std::strlen(needle);
  if (n == 0) return false;
  for (std::size_t i = 0; i + n <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < n &&
           std::tolower(static_cast<unsigned char>(text[i + k])) == std::tolower(static_cast<unsigned char>(needle[k])))
      ++k;
    if (k == n) return true;
  }
  return false;
}

void exploreSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!heading(fonts, "Find a vessel", false)) return;
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##search", "type a name, e.g. saphenous", st.search, sizeof st.search);
  int shown = 0;
  for (const auto& [id, name] : m.vessels) {
    if (!containsNoCase(name, st.search) && !containsNoCase(id, st.search)) continue;
    if (++shown > 8) {
      ImGui::TextDisabled("... more: type more letters");
      break;
    }
    if (wideButton(name.c_str())) {
      out.push_back("select " + id);
      out.push_back("focus " + id);
    }
  }
  if (!m.isolatedName.empty()) {
    ImGui::TextWrapped("Showing only: %s", m.isolatedName.c_str());
    if (wideButton("Show all vessels")) out.emplace_back("isolate off");
  } else if (m.hasSelection) {
    if (wideButton("Show only the selected vessel")) out.push_back("isolate " + m.selected.id);
  }
}

void bookmarksPart(const UiModel& m, PanelState& st, Actions& out) {
  ImGui::TextDisabled("Saved views");
  for (std::size_t i = 0; i < m.bookmarks.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const float del = ImGui::GetFrameHeight();
    if (ImGui::Button(m.bookmarks[i].c_str(), ImVec2(ImGui::GetContentRegionAvail().x - del - 4.0f, 0)))
      out.push_back("bookmark " + m.bookmarks[i]);
    ImGui::SameLine(0.0f, 4.0f);
    if (ImGui::Button("x", ImVec2(del, 0))) out.push_back("bookmark_delete " + m.bookmarks[i]);
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  const bool enter = ImGui::InputTextWithHint("##bm", "view name", st.bookmarkName, sizeof st.bookmarkName,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Save view") || enter) && st.bookmarkName[0] != '\0') {
    out.push_back(std::string("bookmark_save ") + st.bookmarkName);
    st.bookmarkName[0] = '\0';
  }
}

void viewSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
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
  bookmarksPart(m, st, out);
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
  ImGui::TextDisabled("Panel colours");
  static const char* const themes[][2] = {{"Dark", "dark"}, {"Light", "light"}, {"Contrast", "contrast"}};
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
  for (int i = 0; i < 3; ++i) {
    const bool on = m.theme == themes[i][1];
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(themes[i][0], ImVec2(w, 0))) out.push_back(std::string("theme ") + themes[i][1]);
    if (on) ImGui::PopStyleColor();
    if (i < 2) ImGui::SameLine();
  }
  bool fs = m.fullscreen;
  if (ImGui::Checkbox("Full screen (F11)", &fs)) out.emplace_back(fs ? "fullscreen on" : "fullscreen off");
  bool help = m.showHelp;
  if (ImGui::Checkbox("Keys and commands (F1)", &help)) out.emplace_back("help");
}

/// Lines of the flow legend (0: none shown).
int legendLines(const UiModel& m) {
  if (!m.hasEngine) return 0;
  const UiModel::FlowDisplay& f = m.flow;
  return (f.particles && f.particleColor == "direction" ? 2 : 0) + (f.wallMap != "off" ? 2 : 0);
}

/// Height of the flow legend box plus its margin, pixels (labels keep above it).
float legendHeight(const UiModel& m, const FontSet& fonts) {
  const int lines = legendLines(m);
  const float em = fonts.pixelSize;
  return lines == 0 ? 0.0f : static_cast<float>(lines) * em * 1.4f + em * 1.6f;
}

/// Bottom-left key: what the particle shapes mean and, when the walls are coloured, the scale.
void flowLegend(const UiModel& m, const FontSet& fonts, float panelRight) {
  const int lines = legendLines(m);
  if (lines == 0) return;
  const UiModel::FlowDisplay& f = m.flow;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float em = fonts.pixelSize, pad = em * 0.5f;
  ImFont* font = fonts.body;
  const float lineH = em * 1.4f;
  const float boxW = em * 15.0f, boxH = static_cast<float>(lines) * lineH + pad * 2.0f;
  // Bottom left of the 3D view, clear of the control panel.
  const ImVec2 o(vp->Pos.x + panelRight + em * 0.6f, vp->Pos.y + vp->Size.y - boxH - em * 0.6f);
  dl->AddRectFilled(o, ImVec2(o.x + boxW, o.y + boxH), IM_COL32(10, 14, 20, 200), pad);
  float y = o.y + pad;
  const ImU32 text = IM_COL32(236, 240, 248, 255);
  if (f.particles && f.particleColor == "direction") {
    // The same shapes and colours as the particle shader.
    const float cx = o.x + pad + em * 0.9f, r = em * 0.32f;
    float cy = y + lineH * 0.5f;
    dl->AddLine(ImVec2(cx - em * 0.9f, cy), ImVec2(cx, cy), IM_COL32(150, 165, 180, 255), r * 0.8f);
    dl->AddCircleFilled(ImVec2(cx, cy), r, IM_COL32(219, 240, 255, 255), 16);
    dl->AddText(font, em, ImVec2(cx + em * 0.9f, cy - em * 0.5f), text, "towards the heart");
    y += lineH;
    cy = y + lineH * 0.5f;
    dl->AddLine(ImVec2(cx - em * 0.9f, cy), ImVec2(cx - r, cy), IM_COL32(180, 110, 40, 255), r * 0.8f);
    dl->AddTriangleFilled(ImVec2(cx + r * 1.3f, cy), ImVec2(cx - r, cy - r * 1.2f), ImVec2(cx - r, cy + r * 1.2f),
                          IM_COL32(255, 128, 26, 255));
    dl->AddText(font, em, ImVec2(cx + em * 0.9f, cy - em * 0.5f), text, "backwards (reflux)");
    y += lineH;
  }
  if (f.wallMap != "off") {
    char title[96];
    std::snprintf(title, sizeof title, "Wall: %s (%s)", f.mapLabel.c_str(), f.mapUnit.c_str());
    dl->AddText(font, em, ImVec2(o.x + pad, y), text, title);
    y += lineH;
    // The ramp of common.glsl (sRGB stops), drawn as five segments.
    static const ImU32 stops[5] = {IM_COL32(66, 10, 84, 255), IM_COL32(59, 82, 140, 255), IM_COL32(33, 145, 140, 255),
                                   IM_COL32(94, 201, 97, 255), IM_COL32(252, 232, 38, 255)};
    const float x0 = o.x + pad + em * 2.0f, x1 = o.x + boxW - pad - em * 2.0f, h = em * 0.6f;
    for (int i = 0; i < 4; ++i) {
      const float a = x0 + (x1 - x0) * static_cast<float>(i) / 4.0f,
                  b = x0 + (x1 - x0) * static_cast<float>(i + 1) / 4.0f;
      dl->AddRectFilledMultiColor(ImVec2(a, y + em * 0.2f), ImVec2(b, y + em * 0.2f + h), stops[i], stops[i + 1],
                                  stops[i + 1], stops[i]);
    }
    char lo[16], hi[16];
    std::snprintf(lo, sizeof lo, "%.0f", static_cast<double>(f.mapLo));
    std::snprintf(hi, sizeof hi, "%.0f", static_cast<double>(f.mapHi));
    dl->AddText(font, em, ImVec2(o.x + pad, y), text, lo);
    dl->AddText(font, em, ImVec2(x1 + em * 0.3f, y), text, hi);
  }
}

void layersSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!heading(fonts, "Layers", false)) return;
  int shown = 0;
  for (const auto& l : m.layers) {
    if (!l.present) continue;
    bool v = l.visible;
    std::string label = l.name;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (shown++ % 2 == 1) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f + ImGui::GetStyle().WindowPadding.x);
    if (ImGui::Checkbox(label.c_str(), &v)) out.push_back("layer " + l.name + (v ? " on" : " off"));
  }
  bool xray = m.xray;
  if (ImGui::Checkbox("X-ray skin and muscles", &xray)) out.emplace_back(xray ? "xray on" : "xray off");
  bool labels = m.labels;
  if (ImGui::Checkbox("Labels", &labels)) out.emplace_back(labels ? "labels on" : "labels off");
  ImGui::TextDisabled("Cut the body");
  static const char* const planes[][2] = {
      {"No cut", "off"}, {"Side (sagittal)", "sagittal"}, {"Front (coronal)", "coronal"}, {"Level (axial)", "axial"}};
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  const std::string flip = m.clipFlip ? " flip" : "";
  for (int i = 0; i < 4; ++i) {
    const bool on = m.clipAxis == planes[i][1];
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(planes[i][0], ImVec2(w, 0))) {
      // A new plane starts through the middle of the body.
      const int k = i - 1;
      const float mid = k >= 0 ? 0.5f * (m.clipRange[k].x + m.clipRange[k].y) : 0.0f;
      out.push_back(std::string("clip ") + planes[i][1] + (k >= 0 ? fmt(" %.1f", mid) : ""));
    }
    if (on) ImGui::PopStyleColor();
    if (i % 2 == 0) ImGui::SameLine();
  }
  if (m.clipAxis != "off") {
    const int k = m.clipAxis == "sagittal" ? 0 : m.clipAxis == "coronal" ? 1 : 2;
    float at = 0.0f;
    if (releasedSlider("##clipat", m.clipAt, m.clipRange[k].x, m.clipRange[k].y, "at %.0f cm", st, at))
      out.push_back("clip " + m.clipAxis + fmt(" %.1f", at) + flip);
    bool f = m.clipFlip;
    if (ImGui::Checkbox("Keep the other side", &f))
      out.push_back("clip " + m.clipAxis + fmt(" %.1f", m.clipAt) + (f ? " flip" : ""));
  }
}

void vesselCard(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!m.hasSelection) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.6f, vp->Pos.y + em * 0.6f), ImGuiCond_Always,
                          ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 20.0f, 0.0f), ImGuiCond_Always);
  bool open = true;
  ImGui::Begin("Vessel", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
  ImGui::PushFont(fonts.heading);
  ImGui::TextWrapped("%s", m.selected.name.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("%s vein system, %s", m.selected.system.c_str(), m.selected.region.c_str());
  if (!m.selected.drainsInto.empty()) ImGui::TextWrapped("Drains into: %s", m.selected.drainsInto.c_str());
  ImGui::Text("Length %.1f cm, up to %.1f mm across", static_cast<double>(m.selected.lengthCm),
              static_cast<double>(m.selected.diameterMm));
  const VesselCard& c = m.selected;
  if (c.valveCount > 0) {
    if (c.failedValves > 0)
      ImGui::TextColored(ImVec4(1.0f, 0.62f, 0.25f, 1.0f), "Valves: %d, %d failed", c.valveCount, c.failedValves);
    else
      ImGui::Text("Valves: %d", c.valveCount);
  }
  if (!c.lesion.empty()) ImGui::TextColored(ImVec4(1.0f, 0.62f, 0.25f, 1.0f), "Lumen: %s", c.lesion.c_str());
  if (c.hasLive && ImGui::BeginTable("live", 4, ImGuiTableFlags_SizingStretchSame)) {
    // Live numbers at the middle of the vein, large enough to read from the back.
    const char* heads[] = {"mmHg", "mL/min", "cm/s", "mm"};
    const float values[] = {c.pressure, c.flow, c.velocity, c.liveDiameter};
    ImGui::TableNextRow();
    for (int i = 0; i < 4; ++i) {
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts.heading);
      ImGui::Text(i == 3 || std::fabs(values[i]) < 10.0f ? "%.1f" : "%.0f", static_cast<double>(values[i]));
      ImGui::PopFont();
    }
    ImGui::TableNextRow();
    for (const char* h : heads) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", h);
    }
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("live, at its middle; flow > 0 towards the heart");
    ImGui::PopStyleColor();
  }
  const bool patient = st.patientText && !c.patientText.empty();
  const std::string& text = patient ? c.patientText : c.description;
  if (!text.empty()) {
    ImGui::Separator();
    if (!c.patientText.empty()) {
      if (ImGui::RadioButton("Student", !st.patientText)) st.patientText = false;
      ImGui::SameLine();
      if (ImGui::RadioButton("Plain words", st.patientText)) st.patientText = true;
    }
    ImGui::TextWrapped("%s", text.c_str());
  }
  if (ImGui::Button("Centre on it")) out.push_back("focus " + m.selected.id);
  if (c.hasLive) {
    ImGui::SameLine();
    if (ImGui::Button("Probe here")) out.push_back("probe " + c.id + "@0.5");
    if (c.valveCount > 0 && ImGui::Button(c.failedValves > 0 ? "Repair its valves" : "Make its valves fail"))
      out.push_back("valve_toggle " + c.id);
  }
  ImGui::End();
  if (!open) out.emplace_back("select none");
}

void labelLayer(const UiModel& m, const FontSet& fonts, float panelRight) {
  if (!m.labels || m.labelAnchors.empty()) return;
  std::vector<LabelRequest> req;
  for (const auto& [text, anchor] : m.labelAnchors) req.push_back({text, anchor});
  ImFont* font = fonts.body;
  const float size = font->FontSize;
  const float pad = size * 0.3f;
  auto measure = [&](const std::string& t) {
    const ImVec2 s = font->CalcTextSizeA(size, 1e9f, 0.0f, t.c_str());
    return Vec2(s.x + 2.0f * pad, s.y + pad);
  };
  // Labels keep above the flow legend at the bottom.
  const Vec2 area(m.viewport.x, std::fmax(m.viewport.y - legendHeight(m, fonts), m.viewport.y * 0.5f));
  const auto placed = layoutLabels(req, area, measure, size * 0.25f, panelRight);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  for (const auto& p : placed) {
    const Vec2 edge =
        p.left ? Vec2(p.pos.x + p.size.x, p.pos.y + p.size.y * 0.5f) : Vec2(p.pos.x, p.pos.y + p.size.y * 0.5f);
    dl->AddLine(ImVec2(edge.x, edge.y), ImVec2(p.anchor.x, p.anchor.y), IM_COL32(230, 235, 245, 170), 1.5f);
    dl->AddCircleFilled(ImVec2(p.anchor.x, p.anchor.y), size * 0.16f, IM_COL32(255, 255, 255, 230), 12);
    dl->AddRectFilled(ImVec2(p.pos.x, p.pos.y), ImVec2(p.pos.x + p.size.x, p.pos.y + p.size.y),
                      IM_COL32(12, 16, 24, 200), size * 0.25f);
    dl->AddText(font, size, ImVec2(p.pos.x + pad, p.pos.y + pad * 0.5f), IM_COL32(240, 244, 250, 255), p.text.c_str());
  }
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
  if (m.sceneError.empty() && m.shaderErrors.empty() && m.warnings.empty()) return;
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
  }
  for (const auto& w : m.warnings) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Warning");
    ImGui::PopFont();
    ImGui::TextWrapped("%s", w.c_str());
  }
  for (const auto& e : m.shaderErrors) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Shader error (previous shader kept)");
    ImGui::PopFont();
    ImGui::TextWrapped("%s", e.c_str());
  }
  if ((!m.sceneError.empty() || !m.warnings.empty()) && ImGui::Button("Dismiss")) out.emplace_back("dismiss_error");
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
  if (!m.recording.empty()) {
    // A red dot and the frame count left of the status: the audience sees it is being recorded.
    char rec[64];
    std::snprintf(rec, sizeof rec, "REC %d", m.recordedFrames);
    const ImVec2 rs = ImGui::CalcTextSize(rec);
    const ImVec2 q(p.x - rs.x - pad * 4.0f, p.y);
    dl->AddRectFilled(ImVec2(q.x - pad * 2.2f, q.y - pad * 0.5f), ImVec2(q.x + rs.x + pad, q.y + rs.y + pad * 0.5f),
                      IM_COL32(10, 14, 20, 180), pad);
    dl->AddCircleFilled(ImVec2(q.x - pad * 1.0f, q.y + rs.y * 0.5f), rs.y * 0.3f, IM_COL32(230, 50, 50, 255), 16);
    dl->AddText(q, IM_COL32(255, 120, 120, 255), rec);
  }
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
  setExpandAll(st.expandAll);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + em * 0.6f, vp->Pos.y + em * 0.6f), ImGuiCond_FirstUseEver);
  // Width follows the text size; height fits the content (0 = auto-fit on that axis).
  ImGui::SetNextWindowSize(ImVec2(em * 18.0f, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 12.0f, 0.0f), ImVec2(vp->Size.x * 0.5f, vp->Size.y - em * 1.2f));
  ImGui::Begin("venaviz", nullptr, ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextWrapped("%s", m.sceneName.c_str());
  timeSection(m, fonts, out);
  lessonsSection(m, fonts, out);
  bodySection(m, fonts, st, out);
  conditionsSection(m, fonts, st, out);
  treatmentsSection(m, fonts, out);
  bloodSection(m, fonts, out);
  probesSection(m, fonts, out);
  viewSection(m, fonts, st, out);
  exploreSection(m, fonts, st, out);
  layersSection(m, fonts, st, out);
  displaySection(m, fonts, st, out);
  sceneSection(m, fonts, st, out);
  developerSection(m, fonts, out);
  const float panelRight = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - vp->Pos.x;
  st.panelRight = panelRight;
  ImGui::End();

  labelLayer(m, fonts, panelRight);
  vesselCard(m, fonts, st, out);
  if (!m.hoveredName.empty() && !ImGui::GetIO().WantCaptureMouse) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(m.hoveredName.c_str());
    ImGui::EndTooltip();
  }
  flowLegend(m, fonts, panelRight);
  probesWindow(m, fonts);
  dopplerWindow(m, fonts, panelRight, out);
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
