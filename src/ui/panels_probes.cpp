// Probes: the Probes section, the live plots and 3D markers, and the simulated ultrasound.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/panel_widgets.h"

namespace venaviz::ui::detail {
namespace {

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

}  // namespace

void probesSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!m.hasEngine || !heading(fonts, "Probes", false)) return;
  bool mode = m.clickMode == "probe";
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
  // Short labels: three must fit side by side at 1.5x text on a tablet (tooltips say more).
  if (ImGui::Button("Squeeze", ImVec2(w3, 0))) out.push_back("squeeze " + d.squeezeSide);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Squeeze the %s calf below the probe for 1 s, then let go", d.squeezeSide.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cuff", ImVec2(w3, 0))) out.push_back("cuff " + d.squeezeSide);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A calf cuff at 80 mmHg for 3 s, released fast");

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
  // The long wording where it fits, else the short one (large text on a small screen).
  const char* away = "away from the heart (reflux)";
  if (small->CalcTextSizeA(fs, 1e9f, 0.0f, away).x > size.x - 12.0f) away = "reflux";
  dl->AddText(small, fs, ImVec2(o.x + 6.0f, o.y + 3.0f), d.refluxUp ? orange : blue,
              d.refluxUp ? away : "towards the heart");
  dl->AddText(small, fs, ImVec2(o.x + 6.0f, o.y + size.y - fs - 3.0f), d.refluxUp ? blue : orange,
              d.refluxUp ? "towards the heart" : away);
  dl->AddText(small, fs, ImVec2(o.x + size.x - fs * 2.6f, o.y + size.y - fs - 3.0f), IM_COL32(190, 200, 215, 255),
              "cm/s");
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
  std::snprintf(info, sizeof info, "lumen %.0f%%", 100.0 * d.freeArea / std::fmax(d.referenceArea, 1e-3f));
  dl->AddText(small, fs, ImVec2(so.x + 4.0f, so.y + size.y - fs * 2.3f), IM_COL32(220, 225, 235, 255), info);
  std::snprintf(info, sizeof info, "%.1f x %.1f mm", static_cast<double>(d.width), static_cast<double>(d.depth));
  dl->AddText(small, fs, ImVec2(so.x + 4.0f, so.y + size.y - fs * 1.2f), IM_COL32(170, 180, 195, 255), info);
  ImGui::Dummy(ImVec2(avail, size.y + 6.0f));

  // The verdict, in words.
  if (!d.measured) {
    ImGui::TextWrapped("Press Valsalva or Squeeze to test for reflux.");
  } else if (!d.found) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.85f, 1.0f, 1.0f));
    ImGui::TextWrapped("No reflux after the test: the valves hold.");
    ImGui::PopStyleColor();
  } else {
    const ImVec4 col = d.pathological ? ImVec4(1.0f, 0.6f, 0.2f, 1.0f) : ImVec4(0.9f, 0.9f, 0.5f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextWrapped("Reflux %s%.2f s (peak %.0f cm/s): %s", d.ongoing ? "at least " : "",
                       static_cast<double>(d.duration), static_cast<double>(d.peak),
                       d.pathological ? "abnormal" : "within normal");
    ImGui::PopStyleColor();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s vein: abnormal if longer than %.2g s", d.system.c_str(), static_cast<double>(d.cutoff));
  ImGui::PopStyleColor();
  ImGui::End();
}

/// The probes' live numbers and plots (bottom right), and their markers in 3D.
void probesWindow(const UiModel& m, const FontSet& fonts) {
  if (m.probes.empty()) return;
  if (m.views.size() < 2) probeMarkers(m, fonts, 0.0f, nullptr);  // side by side: drawOverlay draws them
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

}  // namespace venaviz::ui::detail
