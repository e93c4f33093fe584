#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/labels.h"
#include "ui/orientation_marker.h"

namespace venaviz::ui {
namespace {

/// Set for one drawUi call from PanelState::expandAll (UI tests reach every control at once).
bool gExpandAll = false;

bool heading(const FontSet& fonts, const char* text, bool openByDefault) {
  if (gExpandAll) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
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

/// A grid of choice buttons, `columns` per row, each `w` wide; the current one is drawn
/// pressed. Emits "<action> <value>".
void choiceGrid(const char* const (*items)[2], int count, const std::string& current, const char* action, float w,
                Actions& out, int columns = 2) {
  ImGui::PushID(action);  // the same label may appear in two grids ("Speed")
  for (int i = 0; i < count; ++i) {
    const bool on = current == items[i][1];
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(items[i][0], ImVec2(w, 0))) out.push_back(std::string(action) + " " + items[i][1]);
    if (on) ImGui::PopStyleColor();
    if (i % columns != columns - 1 && i + 1 < count) ImGui::SameLine();
  }
  ImGui::PopID();
}

/// A slider showing the model's value; it emits once, when released (one undo step per
/// change, and the engine is not re-parameterised at every pixel of a drag).
bool releasedSlider(const char* id, float modelValue, float lo, float hi, const char* format, PanelState& st,
                    float& value, ImGuiSliderFlags flags = 0) {
  float& v = st.drag[id];
  if (!st.dragging.count(id)) v = modelValue;
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderFloat(id, &v, lo, hi, format, flags);
  if (ImGui::IsItemActive())
    st.dragging.insert(id);
  else
    st.dragging.erase(id);
  value = v;
  return ImGui::IsItemDeactivatedAfterEdit();
}

std::string fmt(const char* format, double a, double b = 0.0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

float halfWidth() {
  return (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
}
float thirdWidth() {
  return (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
}

void bodySection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Body", true)) return;
  const float w = halfWidth();
  static const char* const postures[][2] = {
      {"Lying", "supine"}, {"Standing", "standing"}, {"Sitting", "sitting"}, {"Legs up", "legs_elevated"}};
  choiceGrid(postures, 4, m.posture, "posture", w, out);
  float tilt = 0.0f;
  const float shownTilt = m.posture == "tilt" ? m.body.tiltDeg : m.posture == "standing" ? 90.0f : 0.0f;
  if (releasedSlider("##tilt", shownTilt, -30.0f, 90.0f, "tilt %.0f deg (- head down)", st, tilt))
    out.push_back(fmt("posture tilt %.0f", tilt));
  static const char* const activities[][2] = {
      {"Still", "still"}, {"Walk", "walking"}, {"10 tiptoes", "tiptoe"}, {"Ankle pumps", "ankle_pumps"}};
  choiceGrid(activities, 4, m.activity, "activity", w, out);
  float cadence = 0.0f;
  if (m.activity == "walking" &&
      releasedSlider("##cadence", m.body.cadence, 30.0f, 200.0f, "walking %.0f steps/min", st, cadence))
    out.push_back(fmt("activity walking %.0f", cadence));
  bool breathing = m.body.breathing;
  if (ImGui::Checkbox("Breathing", &breathing)) out.emplace_back(breathing ? "breathing on" : "breathing off");
  float rate = 0.0f, depth = 0.0f;
  if (releasedSlider("##rate", m.body.breathingRate, 4.0f, 40.0f, "%.0f breaths/min", st, rate))
    out.push_back(fmt("breathing %.0f %.2f", rate, m.body.breathingDepth));
  if (releasedSlider("##depth", m.body.breathingDepth, 0.2f, 3.0f, "depth %.1fx quiet", st, depth))
    out.push_back(fmt("breathing %.0f %.2f", m.body.breathingRate, depth));
  ImGui::TextDisabled("Manoeuvres");
  if (wideButton("Valsalva (strain 10 s)")) out.emplace_back("valsalva");
  // Label | Left | Right rows for the manoeuvres on one calf.
  const float labelW = ImGui::CalcTextSize("Tourniquet").x + ImGui::GetStyle().ItemSpacing.x * 2.0f;
  const float bw = (ImGui::GetContentRegionAvail().x - labelW - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 2.0f;
  const char* const rows[][3] = {{"Squeeze", "squeeze", "Squeeze the calf for 1 s, then let go"},
                                 {"Cuff", "cuff", "A calf cuff at 80 mmHg for 3 s, released fast"}};
  for (const auto& r : rows) {
    ImGui::PushID(r[1]);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(r[0]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r[2]);
    ImGui::SameLine(labelW);
    if (ImGui::Button("Left", ImVec2(bw, 0))) out.push_back(std::string(r[1]) + " left");
    ImGui::SameLine();
    if (ImGui::Button("Right", ImVec2(bw, 0))) out.push_back(std::string(r[1]) + " right");
    ImGui::PopID();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Tourniquet");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A thigh tourniquet closing the superficial veins (60 mmHg)");
  ImGui::SameLine(labelW);
  const float tw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
  static const char* const tq[][2] = {{"Off", "off"}, {"L", "left"}, {"R", "right"}};
  choiceGrid(tq, 3, m.body.tourniquet, "tourniquet", tw, out, 3);
  if (!m.readouts.empty() && ImGui::BeginTable("readouts", 3, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& r : m.readouts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.label.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f %s", r.value, r.unit.c_str());
      ImGui::TableNextColumn();
      if (!r.normal.empty()) ImGui::TextDisabled("%s", r.normal.c_str());
    }
    ImGui::EndTable();
    ImGui::TextDisabled("grey: normal range for this posture");
  }
}

void conditionsSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Conditions", true)) return;
  if (m.activeConditions.empty()) {
    ImGui::TextDisabled("Healthy: nothing changed");
  } else {
    for (const std::string& c : m.activeConditions) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", c.c_str());
    }
  }
  const float w = halfWidth(), t3 = thirdWidth();
  ImGui::BeginDisabled(m.undoLabel.empty());
  if (ImGui::Button("Undo", ImVec2(t3, 0))) out.emplace_back("undo");
  if (!m.undoLabel.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Undo: %s", m.undoLabel.c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(m.redoLabel.empty());
  if (ImGui::Button("Redo", ImVec2(t3, 0))) out.emplace_back("redo");
  if (!m.redoLabel.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Redo: %s", m.redoLabel.c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Healthy", ImVec2(t3, 0))) out.emplace_back("reset_body");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the scene's start: lying, still, healthy (undoable)");

  ImGui::TextDisabled("A click on a vein...");
  static const char* const modes[][2] = {{"Selects it", "select"},
                                         {"Places a probe", "probe"},
                                         {"Toggles valves", "valve"},
                                         {"Places a clot", "thrombus"}};
  choiceGrid(modes, 4, m.clickMode, "click_mode", w, out);
  if (m.clickMode == "thrombus") {
    float len = 0.0f, occ = 0.0f;
    if (releasedSlider("##clotlen", m.clotLengthCm, 1.0f, 40.0f, "clot %.0f cm long", st, len))
      out.push_back(fmt("thrombus_size %.1f %.2f", len, m.clotOcclusion));
    if (releasedSlider("##clotocc", m.clotOcclusion * 100.0f, 5.0f, 100.0f, "fills %.0f%% of the lumen", st, occ))
      out.push_back(fmt("thrombus_size %.1f %.2f", m.clotLengthCm, occ / 100.0f));
  }
  ImGui::TextDisabled("Valves fail in");
  static const char* const groups[][2] = {{"Left GSV", "left_gsv"},       {"Right GSV", "right_gsv"},
                                          {"Left deep", "deep_left"},     {"Right deep", "deep_right"},
                                          {"Perforators", "perforators"}, {"All veins", "all"}};
  for (int i = 0; i < 6; ++i) {
    if (ImGui::Button(groups[i][0], ImVec2(w, 0)))
      out.push_back(std::string("condition valve_incompetence ") + groups[i][1] + " 1");
    if (i % 2 == 0) ImGui::SameLine();
  }
  float mt = 0.0f;
  if (releasedSlider("##mt", m.mayThurner * 100.0f, 0.0f, 95.0f, "May-Thurner %.0f%% lumen lost", st, mt))
    out.push_back(fmt("condition may_thurner common_iliac_vein_left %.2f", mt / 100.0f));
  ImGui::TextDisabled("Deep vein thrombosis, %s leg", st.leftSide ? "left" : "right");
  static const char* const dvt[][2] = {{"Calf", "calf"}, {"Thigh", "femoropopliteal"}, {"Pelvis", "iliofemoral"}};
  for (int i = 0; i < 3; ++i) {
    if (ImGui::Button(dvt[i][0], ImVec2(t3, 0)))
      out.push_back(std::string("thrombosis ") + dvt[i][1] + (st.leftSide ? " left" : " right"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("thrombosis %s", dvt[i][1]);
    if (i < 2) ImGui::SameLine();
  }
  if (ImGui::RadioButton("Left leg", st.leftSide)) st.leftSide = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("Right leg", !st.leftSide)) st.leftSide = false;
  float js = 0.0f;
  if (releasedSlider("##jug", m.body.jugularStenosis * 100.0f, 0.0f, 95.0f, "R jugular stenosis %.0f%%", st, js))
    out.push_back(fmt("condition jugular_stenosis internal_jugular_vein_right %.2f", js / 100.0f));
  float abd = 0.0f;
  if (releasedSlider("##abd", m.body.abdominalMmHg, 0.0f, 40.0f, "belly pressure +%.0f mmHg", st, abd))
    out.push_back(fmt("condition raised_abdominal_pressure pressure=%.0f", abd));
  if (ImGui::Button("Tight waistband", ImVec2(w, 0))) out.emplace_back("condition tight_clothing waist pressure=40");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("40 mmHg around the waist (undo removes it)");
  ImGui::SameLine();
  if (ImGui::Button("Tight at groin", ImVec2(w, 0))) out.emplace_back("condition tight_clothing groin pressure=40");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("40 mmHg around the groin (undo removes it)");
  if (m.hasSelection && m.selected.hasLive) {
    if (wideButton(("AV fistula into the " + m.selected.name).c_str()))
      out.push_back("condition av_fistula " + m.selected.id + " 0.5 at=0.5");
  } else {
    ImGui::TextDisabled("Select a vein to add an AV fistula");
  }
  if (m.body.fistulas > 0 && wideButton("Close the fistulas")) out.emplace_back("fistula_close");
}

void treatmentsSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Treatments", false)) return;
  const float w = halfWidth();
  ImGui::TextDisabled("Compression stockings (both legs)");
  static const char* const cls[][2] = {{"None", "0"}, {"Class 1", "18"}, {"Class 2", "25"}, {"Class 3", "40"}};
  const std::string current = std::to_string(static_cast<int>(std::lround(m.body.stockingsMmHg)));
  for (int i = 0; i < 4; ++i) {
    const bool on = current == cls[i][1];
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(cls[i][0], ImVec2(w, 0)))
      out.push_back(std::string("condition stockings both pressure=") + cls[i][1]);
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && i > 0) ImGui::SetTooltip("%s mmHg at the ankle, graduated up the leg", cls[i][1]);
    if (i % 2 == 0) ImGui::SameLine();
  }
  if (ImGui::Button("Raise the legs", ImVec2(w, 0))) out.emplace_back("posture legs_elevated");
  ImGui::SameLine();
  if (ImGui::Button("Repair valves", ImVec2(w, 0))) out.emplace_back("condition valve_repair all");
  if (ImGui::Button("Close left GSV", ImVec2(w, 0))) out.emplace_back("condition ablation great_saphenous_vein_left");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Endovenous ablation of the left great saphenous vein");
  ImGui::SameLine();
  if (ImGui::Button("Tie perforators", ImVec2(w, 0))) out.emplace_back("condition perforator_ligation perforators");
  if (ImGui::Button("Iliac stent", ImVec2(w, 0))) out.emplace_back("condition iliac_stent");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A stent in the left common iliac vein (undoes May-Thurner)");
  ImGui::SameLine();
  if (ImGui::Button("Remove clots", ImVec2(w, 0))) out.emplace_back("thrombus_clear");
}

void bloodSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Blood", true)) return;
  const UiModel::FlowDisplay& f = m.flow;
  bool particles = f.particles;
  if (ImGui::Checkbox("Particles", &particles)) out.emplace_back(particles ? "particles on" : "particles off");
  ImGui::SameLine();
  bool glass = f.glassWalls;
  if (ImGui::Checkbox("See-through", &glass)) out.emplace_back(glass ? "walls glass" : "walls solid");
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  ImGui::TextDisabled("Particle colour");
  static const char* const colors[][2] = {{"Direction", "direction"}, {"Speed", "speed"}, {"Oxygen", "oxygen"}};
  choiceGrid(colors, 3, f.particleColor, "particle_color", w, out, 3);
  ImGui::TextDisabled("Wall colour");
  static const char* const maps[][2] = {
      {"Plain", "off"}, {"Pressure", "pressure"}, {"Transmural", "transmural"}, {"Speed", "velocity"}};
  choiceGrid(maps, 4, f.wallMap, "wall_map", half, out);
  ImGui::TextDisabled("Particles: %zu", f.particleCount);
  static const char* const q[][2] = {{"Fewer", "low"}, {"Normal", "medium"}, {"Many", "high"}};
  choiceGrid(q, 3, f.quality, "quality", w, out, 3);
  if (!f.protocol.empty()) {
    ImGui::Text("Playing: %s", f.protocol.c_str());
    ImGui::ProgressBar(static_cast<float>(f.protocolTime / std::fmax(f.protocolDuration, 1e-6)), ImVec2(-1, 0));
  }
}

// Probe colours: Okabe-Ito yellow, sky blue, bluish green, reddish purple (distinct for
// colour-blind viewers, and none of them the orange of reflux).
constexpr ImU32 kProbeColors[4] = {IM_COL32(240, 228, 66, 255), IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                   IM_COL32(204, 121, 167, 255)};

void probesSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Probes", false)) return;
  bool mode = m.probeMode;
  if (ImGui::Checkbox("Click a vein to place a probe", &mode))
    out.emplace_back(mode ? "click_mode probe" : "click_mode select");
  for (std::size_t i = 0; i < m.probes.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kProbeColors[i % 4]), "P%zu", i + 1);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", m.probes[i].name.c_str());
    if (ImGui::SmallButton("Remove")) out.push_back("probe_remove " + std::to_string(i + 1));
    ImGui::SameLine();
    const bool open = m.doppler.shown && m.doppler.probe == static_cast<int>(i);
    if (ImGui::SmallButton(open ? "Close ultrasound" : "Ultrasound"))
      out.push_back(open ? "doppler off" : "doppler " + std::to_string(i + 1));
    ImGui::PopID();
  }
  if (m.probes.size() > 1 && wideButton("Remove all probes")) out.emplace_back("probe_remove all");
  if (m.probes.empty()) ImGui::TextDisabled("Up to 4 probes; each shows live numbers and plots.");
}

/// One trace in a box: auto range (velocity symmetric about 0 with the zero line drawn and the
/// backward part in orange), the unit and range printed at the left.
void tracePlot(ImDrawList* dl, ImVec2 o, ImVec2 size, const std::vector<float>& t, const std::vector<float>& y,
               double t0, double span, bool signedAxis, ImU32 color, const char* unit, ImFont* font, float fontSize) {
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), IM_COL32(8, 11, 16, 220), 4.0f);
  if (y.empty()) return;
  float lo = y[0], hi = y[0];
  for (float v : y) {
    lo = std::fmin(lo, v);
    hi = std::fmax(hi, v);
  }
  if (signedAxis) {
    hi = std::fmax(std::fmax(std::fabs(lo), std::fabs(hi)), 5.0f);
    lo = -hi;
  } else {
    const float pad = std::fmax((hi - lo) * 0.1f, 2.0f);
    lo -= pad;
    hi += pad;
  }
  auto px = [&](float tt, float v) {
    return ImVec2(o.x + size.x * static_cast<float>((tt - t0) / span), o.y + size.y * (hi - v) / (hi - lo));
  };
  if (signedAxis)
    dl->AddLine(px(static_cast<float>(t0), 0.0f), px(static_cast<float>(t0 + span), 0.0f), IM_COL32(150, 160, 175, 160),
                1.0f);
  const ImU32 back = IM_COL32(255, 128, 26, 255);
  for (std::size_t i = 1; i < y.size(); ++i) {
    const bool reflux = signedAxis && y[i] < -1.0f && y[i - 1] < -1.0f;
    dl->AddLine(px(t[i - 1], y[i - 1]), px(t[i], y[i]), reflux ? back : color, reflux ? 2.5f : 1.6f);
  }
  char label[64];
  std::snprintf(label, sizeof label, "%.0f..%.0f %s", static_cast<double>(lo), static_cast<double>(hi), unit);
  dl->AddText(font, fontSize * 0.8f, ImVec2(o.x + 4.0f, o.y + 2.0f), IM_COL32(190, 200, 215, 230), label);
}

/// The simulated duplex ultrasound of one probe (bottom centre): the spectral Doppler display
/// with its velocity scale and the reflux after the last provocation timed against the vein's
/// criterion, the provocations one click away, and the cross-section at the probe.
void dopplerWindow(const UiModel& m, const FontSet& fonts, float panelRight, Actions& out) {
  const UiModel::DopplerDisplay& d = m.doppler;
  if (!d.shown) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  // Top, right of the control panel: over the head and chest, away from the legs, the probes
  // window (bottom right) and the legend (bottom left). The user may move it.
  const float free = vp->Size.x - panelRight - em * 1.2f;
  const float width = std::fmin(em * 36.0f, free);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + panelRight + em * 0.6f + (free - width) * 0.5f, vp->Pos.y + em * 0.6f),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.95f);
  bool open = true;
  char title[160];
  std::snprintf(title, sizeof title, "Ultrasound P%d: %s###duplex", d.probe + 1, d.name.c_str());
  ImGui::Begin(title, &open, ImGuiWindowFlags_NoSavedSettings);
  if (!open) out.emplace_back("doppler off");
  const float w3 = thirdWidth();
  if (ImGui::Button("Valsalva", ImVec2(w3, 0))) out.emplace_back("valsalva");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Strain for 10 s: the belly pressure pushes blood back down");
  ImGui::SameLine();
  if (ImGui::Button("Squeeze & release", ImVec2(w3, 0))) out.push_back("squeeze " + d.squeezeSide);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Squeeze the %s calf below the probe for 1 s, then let go", d.squeezeSide.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cuff release", ImVec2(w3, 0))) out.push_back("cuff " + d.squeezeSide);

  // The spectrum beside the cross-section.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float sectionW = std::fmin(em * 9.0f, avail * 0.3f);
  const float axisW = em * 2.2f;
  const ImVec2 size(avail - sectionW - axisW - ImGui::GetStyle().ItemSpacing.x, em * 9.0f);
  const ImVec2 o(ImGui::GetCursorScreenPos().x + axisW, ImGui::GetCursorScreenPos().y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddImage(reinterpret_cast<ImTextureID>(d.texture), o, ImVec2(o.x + size.x, o.y + size.y));
  ImFont* small = fonts.body;
  const float fs = small->FontSize * 0.8f;
  const float midY = o.y + size.y * 0.5f;
  auto yOf = [&](float v) { return midY - size.y * 0.5f * v / d.rangeCmS; };
  dl->AddLine(ImVec2(o.x, midY), ImVec2(o.x + size.x, midY), IM_COL32(120, 200, 255, 200), 1.5f);
  for (float v : {-d.rangeCmS, -0.5f * d.rangeCmS, 0.5f * d.rangeCmS, d.rangeCmS}) {
    char t[16];
    std::snprintf(t, sizeof t, "%.0f", static_cast<double>(std::fabs(v)));
    const float y = std::clamp(yOf(v), o.y, o.y + size.y - fs);
    dl->AddText(small, fs, ImVec2(o.x - axisW + 2.0f, y - fs * 0.5f), IM_COL32(190, 200, 215, 255), t);
    dl->AddLine(ImVec2(o.x - 4.0f, yOf(v)), ImVec2(o.x, yOf(v)), IM_COL32(190, 200, 215, 255));
  }
  dl->AddText(small, fs, ImVec2(o.x - axisW + 2.0f, midY - fs * 0.5f), IM_COL32(120, 200, 255, 255), "0");
  // Which way is which, in words (the side is a lab habit, not a standard: docs/doppler.md).
  const ImU32 orange = IM_COL32(255, 150, 50, 255), blue = IM_COL32(120, 200, 255, 255);
  dl->AddText(small, fs, ImVec2(o.x + 6.0f, o.y + 3.0f), d.refluxUp ? orange : blue,
              d.refluxUp ? "away from the heart (reflux)" : "towards the heart");
  dl->AddText(small, fs, ImVec2(o.x + 6.0f, o.y + size.y - fs - 3.0f), d.refluxUp ? blue : orange,
              d.refluxUp ? "towards the heart" : "away from the heart (reflux)");
  dl->AddText(small, fs, ImVec2(o.x + size.x - fs * 4.5f, o.y + 3.0f), IM_COL32(190, 200, 215, 255), "cm/s");
  // The measured reflux: a bracket over its time, orange when it is longer than the criterion.
  if (d.measured && d.found) {
    auto xOf = [&](float ago) { return o.x + size.x * (1.0f - ago / d.seconds); };
    const float x0 = std::fmax(xOf(d.startAgo), o.x), x1 = std::fmin(xOf(d.endAgo), o.x + size.x);
    const ImU32 c = d.pathological ? orange : IM_COL32(230, 230, 120, 255);
    const float y = o.y + fs * 1.6f;
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), c, 3.0f);
    dl->AddLine(ImVec2(x0, y - 5.0f), ImVec2(x0, y + 5.0f), c, 2.0f);
    dl->AddLine(ImVec2(x1, y - 5.0f), ImVec2(x1, y + 5.0f), c, 2.0f);
  }
  // Time ticks every second from the right edge.
  for (int k = 1; k < static_cast<int>(d.seconds); ++k) {
    const float x = o.x + size.x * (1.0f - static_cast<float>(k) / d.seconds);
    dl->AddLine(ImVec2(x, o.y + size.y), ImVec2(x, o.y + size.y + 4.0f), IM_COL32(190, 200, 215, 200));
  }

  // Cross-section: scaled so the reference lumen fills about half the box.
  const ImVec2 so(o.x + size.x + ImGui::GetStyle().ItemSpacing.x, o.y);
  dl->AddRectFilled(so, ImVec2(so.x + sectionW, so.y + size.y), IM_COL32(8, 11, 16, 230), 4.0f);
  // Fit the wall, and the artery when there is one, in the box above the two text lines; at
  // least the size of a vein twice the reference, so a small lumen looks small.
  const float refR = std::sqrt(d.referenceArea / 3.14159265f);
  Vec2 lo(-2.0f * refR), hi(2.0f * refR);
  for (const Vec2& p : d.outer) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  if (d.artery) {
    lo = glm::min(lo, d.arteryCentre - Vec2(d.arteryRadius));
    hi = glm::max(hi, d.arteryCentre + Vec2(d.arteryRadius));
  }
  const float boxH = size.y - fs * 2.6f - fs * 1.4f;
  const float k = 0.9f * std::fmin(sectionW / (hi.x - lo.x), boxH / (hi.y - lo.y));
  const Vec2 mid = (lo + hi) * 0.5f;
  const ImVec2 sc(so.x + sectionW * 0.5f - mid.x * k, so.y + fs * 1.4f + boxH * 0.5f - mid.y * k);
  auto poly = [&](const std::vector<Vec2>& pts, ImU32 fill) {
    if (pts.size() < 3) return;
    std::vector<ImVec2> q;
    for (const Vec2& p : pts) q.emplace_back(sc.x + p.x * k, sc.y + p.y * k);  // y: posterior down
    dl->AddConvexPolyFilled(q.data(), static_cast<int>(q.size()), fill);
  };
  poly(d.outer, IM_COL32(90, 120, 190, 255));
  poly(d.lumen, IM_COL32(20, 30, 60, 255));
  if (d.clot.size() >= 3) poly(d.clot, IM_COL32(120, 40, 40, 255));
  if (d.artery) {
    dl->AddCircleFilled(ImVec2(sc.x + d.arteryCentre.x * k, sc.y + d.arteryCentre.y * k), d.arteryRadius * k,
                        IM_COL32(200, 60, 60, 255), 32);
    dl->AddText(small, fs, ImVec2(so.x + 4.0f, so.y + 3.0f), IM_COL32(230, 120, 120, 255), "artery");
  }
  char info[96];
  std::snprintf(info, sizeof info, "%.0f%% of normal", 100.0 * d.freeArea / std::fmax(d.referenceArea, 1e-3f));
  dl->AddText(small, fs, ImVec2(so.x + 4.0f, so.y + size.y - fs * 2.3f), IM_COL32(220, 225, 235, 255), info);
  std::snprintf(info, sizeof info, "%.1f x %.1f mm", static_cast<double>(d.width), static_cast<double>(d.depth));
  dl->AddText(small, fs, ImVec2(so.x + 4.0f, so.y + size.y - fs * 1.2f), IM_COL32(170, 180, 195, 255), info);
  ImGui::Dummy(ImVec2(avail, size.y + 6.0f));

  // The verdict, in words.
  if (!d.measured) {
    ImGui::TextDisabled("Press Valsalva or Squeeze & release to test for reflux.");
  } else if (!d.found) {
    ImGui::TextColored(ImVec4(0.55f, 0.85f, 1.0f, 1.0f), "No reflux after the test: the valves hold.");
  } else {
    const ImVec4 col = d.pathological ? ImVec4(1.0f, 0.6f, 0.2f, 1.0f) : ImVec4(0.9f, 0.9f, 0.5f, 1.0f);
    ImGui::TextColored(col, "Reflux %s%.2f s (peak %.0f cm/s): %s", d.ongoing ? "at least " : "",
                       static_cast<double>(d.duration), static_cast<double>(d.peak),
                       d.pathological ? "abnormal" : "within normal");
  }
  ImGui::TextDisabled("%s vein: abnormal if longer than %.2g s", d.system.c_str(), static_cast<double>(d.cutoff));
  ImGui::End();
}

/// The probes' live numbers and plots (bottom right), and their markers in 3D.
void probesWindow(const UiModel& m, const FontSet& fonts) {
  if (m.probes.empty()) return;
  ImDrawList* bg = ImGui::GetBackgroundDrawList();
  for (std::size_t i = 0; i < m.probes.size(); ++i) {
    const auto& p = m.probes[i];
    if (!p.onScreen) continue;
    const float r = fonts.pixelSize * 0.35f;
    bg->AddCircleFilled(ImVec2(p.screen.x, p.screen.y), r, kProbeColors[i % 4], 16);
    bg->AddCircle(ImVec2(p.screen.x, p.screen.y), r, IM_COL32(10, 10, 10, 255), 16, 2.0f);
    char tag[24];
    std::snprintf(tag, sizeof tag, "P%zu", i + 1);
    bg->AddText(fonts.heading, fonts.pixelSize, ImVec2(p.screen.x + r * 1.4f, p.screen.y - fonts.pixelSize),
                kProbeColors[i % 4], tag);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  // Bottom right, above the orientation marker; never taller than the view (it scrolls).
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.6f, vp->Pos.y + vp->Size.y - em * 9.5f),
                          ImGuiCond_FirstUseEver, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 21.0f, 0.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 14.0f, 0.0f), ImVec2(vp->Size.x * 0.5f, vp->Size.y - em * 10.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("Probes", nullptr, ImGuiWindowFlags_NoSavedSettings);
  for (std::size_t i = 0; i < m.probes.size(); ++i) {
    const auto& p = m.probes[i];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kProbeColors[i % 4]), "P%zu", i + 1);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", p.name.c_str());
    ImGui::Text("%.0f mmHg   %.1f mL/s   %.0f cm/s   %.1f mm", static_cast<double>(p.pressure),
                static_cast<double>(p.flow), static_cast<double>(p.velocity), static_cast<double>(p.diameter));
    if (p.refluxNow > 0.0)
      ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.15f, 1.0f), "Backwards (reflux) for %.1f s", p.refluxNow);
    else
      ImGui::TextUnformatted(p.velocity > 1.0f ? "Towards the heart" : "Nearly still");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("Last reflux %.2f s (abnormal over 0.5 s; deep veins over 1 s)", p.lastReflux);
    ImGui::PopStyleColor();
    const float w = ImGui::GetContentRegionAvail().x, h = em * 2.2f;
    const double t1 = p.time.empty() ? 0.0 : static_cast<double>(p.time.back());
    const double t0 = t1 - m.plotSeconds;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    tracePlot(dl, o, ImVec2(w, h), p.time, p.pressureTrace, t0, m.plotSeconds, false, kProbeColors[i % 4], "mmHg",
              fonts.body, em);
    ImGui::Dummy(ImVec2(w, h + em * 0.2f));
    o = ImGui::GetCursorScreenPos();
    tracePlot(dl, o, ImVec2(w, h), p.time, p.velocityTrace, t0, m.plotSeconds, true, kProbeColors[i % 4], "cm/s",
              fonts.body, em);
    ImGui::Dummy(ImVec2(w, h + em * 0.2f));
    if (i + 1 < m.probes.size()) ImGui::Separator();
  }
  ImGui::TextDisabled("Last %.0f s; orange: blood moving backwards", m.plotSeconds);
  ImGui::End();
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
  gExpandAll = st.expandAll;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + em * 0.6f, vp->Pos.y + em * 0.6f), ImGuiCond_FirstUseEver);
  // Width follows the text size; height fits the content (0 = auto-fit on that axis).
  ImGui::SetNextWindowSize(ImVec2(em * 18.0f, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 12.0f, 0.0f), ImVec2(vp->Size.x * 0.5f, vp->Size.y - em * 1.2f));
  ImGui::Begin("venaviz", nullptr, ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextWrapped("%s", m.sceneName.c_str());
  timeSection(m, fonts, out);
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
