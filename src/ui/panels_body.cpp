// The Body, Conditions, Treatments and Blood sections of the control panel.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "ui/panel_widgets.h"

namespace venaviz::ui::detail {

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
  if (m.day && !m.day->left.empty()) {
    // The day's swelling so far: the left leg's extra fluid over the plan's hours.
    const UiModel::DayPlot& d = *m.day;
    const float last = d.left.back();
    ImGui::TextWrapped("%s", d.name.c_str());
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "left lower leg %+.0f mL (%.1f %%)", last, 100.0f * last / d.limbMl);
    float lo = 0.0f, hi = 5.0f;
    for (float v : d.left) lo = std::min(lo, v), hi = std::max(hi, v);
    // The whole day's width: the samples so far fill their share of it.
    const int total = std::max(static_cast<int>(d.left.size()), static_cast<int>(d.hours * 12.0f) + 1);
    std::vector<float> shown(d.left);
    shown.resize(static_cast<std::size_t>(total), std::numeric_limits<float>::quiet_NaN());
    ImGui::PlotLines("##day_swelling", shown.data(), total, 0, overlay, lo, hi * 1.15f,
                     ImVec2(ImGui::GetContentRegionAvail().x, fonts.pixelSize * 3.5f));
    ImGui::TextDisabled("0 h .. %.0f h; the skin is drawn 10x", d.hours);
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
  ImGui::TextDisabled("Liver outflow (Budd-Chiari)");
  if (ImGui::Button("Hepatic veins", ImVec2(w, 0))) out.emplace_back("condition budd_chiari hepatic_veins 1");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clot in the three main hepatic veins (Budd-Chiari syndrome)");
  ImGui::SameLine();
  if (ImGui::Button("IVC web", ImVec2(w, 0))) out.emplace_back("condition budd_chiari ivc 1");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A membrane blocking the IVC above the hepatic veins");
  if (ImGui::Button("Varices open", ImVec2(w, 0))) out.emplace_back("condition collateral_development portosystemic 0.5");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Portosystemic collaterals at half their full lumen (months of portal hypertension)");
  ImGui::TextDisabled("Brain outflow (CCSVI-type narrowings)");
  if (ImGui::Button("Both jugulars", ImVec2(w, 0))) {
    out.emplace_back("condition jugular_stenosis internal_jugular_vein_right 0.9");
    out.emplace_back("condition jugular_stenosis internal_jugular_vein_left 0.9");
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Both internal jugular veins lose 90%% of their area at mid-neck. The link with MS was not confirmed.");
  ImGui::SameLine();
  if (ImGui::Button("Azygos arch", ImVec2(w, 0))) out.emplace_back("condition azygos_stenosis 0.8");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The azygos vein loses 80%% of its area at its arch");
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
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lying, legs raised 30 degrees at the hips");
  ImGui::SameLine();
  if (ImGui::Button("Bed wedge 20 cm", ImVec2(w, 0))) out.emplace_back("posture legs_elevated 12.6");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lying on a wedge that lifts the heels 20 cm (legs at 12.6 degrees)");
  if (ImGui::Button("Head down 6 deg", ImVec2(w, 0))) out.emplace_back("posture tilt -6");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sleeping with the whole bed tilted 6 degrees head down (Trendelenburg)");
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
  if (ImGui::Button("TIPS 10 mm", ImVec2(w, 0))) out.emplace_back("condition tips 1");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shunt from the right portal branch through the liver to the IVC");
  ImGui::SameLine();
  if (ImGui::Button("Anticoagulate", ImVec2(w, 0))) out.emplace_back("condition anticoagulation all days=180");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Six months of blood thinners: clots recanalise");
  if (ImGui::Button("Open hepatic vein", ImVec2(w, 0))) out.emplace_back("condition venoplasty hepatic_vein_right");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Balloon and stent in the right hepatic vein");
  ImGui::SameLine();
  if (ImGui::Button("Palma bypass", ImVec2(w, 0))) out.emplace_back("condition palma_bypass");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Crossover vein graft from the left groin to the right (blocked left iliac vein)");
  if (ImGui::Button("Open jugulars", ImVec2(w, 0))) {
    out.emplace_back("condition venoplasty internal_jugular_vein_right");
    out.emplace_back("condition venoplasty internal_jugular_vein_left");
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Balloon venoplasty (and stent) of both jugular veins. It did not help MS in a sham-controlled trial.");
  ImGui::SameLine();
  if (ImGui::Button("Open azygos", ImVec2(w, 0))) out.emplace_back("condition venoplasty azygos_vein");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Balloon venoplasty of the azygos arch");
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

}  // namespace venaviz::ui::detail
