// What goes over the 3D view whether or not the panels are shown: the side-by-side labels and
// divider, the lesson's caption bar with its question, answer and score, the list of steps,
// and the presenter's spotlight and black screen. Reads the UiModel, emits actions.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/panel_widgets.h"
#include "ui/panels.h"

namespace venaviz::ui {
namespace {

using namespace detail;

// Okabe-Ito bluish green for the right answer; the chosen wrong one in sky blue, never red:
// a wrong prediction is part of learning, not an alarm.
constexpr ImU32 kRight = IM_COL32(0, 158, 115, 255);
constexpr ImU32 kChosen = IM_COL32(86, 180, 233, 255);

ImVec4 toVec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

/// "Healthy" above the left view, "GSV valves failed" above the right, a line between them.
void sideLabels(const UiModel& m, const FontSet& fonts) {
  if (m.views.size() < 2) return;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  const float divider = vp->Pos.x + m.views[1].x;
  dl->AddLine(ImVec2(divider, vp->Pos.y), ImVec2(divider, vp->Pos.y + vp->Size.y), IM_COL32(230, 235, 245, 200),
              std::max(2.0f, em * 0.12f));
  const bool oneActs = !(m.views[0].acting && m.views[1].acting);
  for (const UiModel::View3D& v : m.views) {
    if (v.label.empty()) continue;
    ImFont* f = fonts.heading ? fonts.heading : ImGui::GetFont();
    const float size = f->FontSize * (m.lecture ? 1.25f : 1.0f);
    const ImVec2 text = f->CalcTextSizeA(size, v.width, 0.0f, v.label.c_str());
    const float cx = vp->Pos.x + v.x + v.width * 0.5f;
    const ImVec2 a(cx - text.x * 0.5f - em * 0.8f, vp->Pos.y + em * 0.6f);
    const ImVec2 b(cx + text.x * 0.5f + em * 0.8f, a.y + text.y + em * 0.6f);
    dl->AddRectFilled(a, b, IM_COL32(12, 16, 24, 215), em * 0.5f);
    // The view the body controls act on (side 1 or 2) gets an outline.
    if (oneActs && v.acting) dl->AddRect(a, b, IM_COL32(240, 228, 66, 255), em * 0.5f, 0, std::max(2.0f, em * 0.12f));
    dl->AddText(f, size, ImVec2(cx - text.x * 0.5f, a.y + em * 0.3f), IM_COL32(245, 247, 250, 255), v.label.c_str());
  }
}

/// Step dots: done, current (larger), to come.
void progressDots(const UiModel::LessonView& l, float em) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = em * 0.22f, gap = em * 0.75f;
  const float width = gap * static_cast<float>(l.steps > 0 ? l.steps - 1 : 0) + 2.0f * r;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float x0 = start.x + (ImGui::GetContentRegionAvail().x - width) * 0.5f + r;
  const float y = start.y + r * 1.6f;
  for (std::size_t k = 0; k < l.steps; ++k) {
    const ImVec2 c(x0 + gap * static_cast<float>(k), y);
    const bool done = k < l.step || l.phase == "finished";
    if (k == l.step && l.phase != "finished")
      dl->AddCircleFilled(c, r * 1.5f, IM_COL32(240, 228, 66, 255), 16);
    else if (done)
      dl->AddCircleFilled(c, r, IM_COL32(200, 210, 225, 255), 12);
    else
      dl->AddCircle(c, r, IM_COL32(200, 210, 225, 200), 12, std::max(1.5f, em * 0.08f));
  }
  ImGui::Dummy(ImVec2(1.0f, r * 3.4f));
}

/// The question card (top right, under the side labels): the question, its answers as
/// buttons while asked, the right answer marked and the measured number once revealed.
void questionCard(const UiModel& m, const FontSet& fonts, float captionTop, Actions& out) {
  const UiModel::LessonView& l = m.lesson;
  if (l.ask.empty() || l.phase == "finished") return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  const float width = std::min(em * (m.lecture ? 17.0f : 19.0f), vp->Size.x * 0.36f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.6f, vp->Pos.y + em * (m.views.size() > 1 ? 3.6f : 0.6f)),
                          ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
  // Never over the caption bar: a long reveal scrolls inside the card instead.
  const float top = vp->Pos.y + em * (m.views.size() > 1 ? 3.6f : 0.6f);
  const float bottom = captionTop > 0.0f ? vp->Pos.y + captionTop - em * 0.5f : vp->Pos.y + vp->Size.y - em * 0.6f;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, std::max(em * 6.0f, bottom - top)));
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.9f, em * 0.7f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em * 0.5f);
  ImGui::Begin("##question", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoScrollbar);  // the wheel still scrolls a reveal too long for the screen
  const bool asking = l.phase == "asking", revealed = l.phase == "revealed";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextUnformatted(asking ? "Predict" : revealed ? "Observed" : "Watch");
  ImGui::PopStyleColor();
  // Revealed, the card makes room for the measured answer: the question in the body font,
  // only the right answer and the prediction (so nothing has to scroll on a projector).
  if (fonts.heading && !revealed) ImGui::PushFont(fonts.heading);
  ImGui::TextWrapped("%s", l.ask.c_str());
  if (fonts.heading && !revealed) ImGui::PopFont();
  for (std::size_t k = 0; k < l.answers.size(); ++k) {
    const int n = static_cast<int>(k);
    if (revealed && n != l.correct && n != l.chosen) continue;
    char label[400];
    std::snprintf(label, sizeof label, "%d   %s##answer%d", n + 1, l.answers[k].c_str(), n);
    if (asking) {
      ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
      if (ImGui::Button(label, ImVec2(-1.0f, 0.0f))) out.push_back("lesson_answer " + std::to_string(n + 1));
      ImGui::PopStyleVar();
      continue;
    }
    // Answered (or skipped): the choice stays visible; the right one shows once measured.
    const bool right = revealed && n == l.correct, chosen = n == l.chosen;
    ImVec4 col = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    if (right)
      col = toVec(kRight);
    else if (chosen)
      col = toVec(kChosen);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    std::string line = std::to_string(n + 1) + "   " + l.answers[k];
    if (chosen) line += right ? "   \xe2\x86\x90 your prediction: right" : "   \xe2\x86\x90 your prediction";
    else if (right) line += "   \xe2\x86\x90 the answer";
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  if (asking) ImGui::TextWrapped("Choose an answer (keys 1-%zu), then watch.", l.answers.size());
  else if (!revealed) ImGui::TextWrapped("%s", l.waiting.empty() ? "Watching..." : l.waiting.c_str());
  ImGui::PopStyleColor();
  if (!l.reveal.empty()) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", l.reveal.c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

/// The caption bar: lesson and step, the caption, what it waits for, progress and the
/// presenter's buttons. Bottom centre, clear of the control panel.
/// Returns the bar's top edge (pixels from the window's top).
float captionBar(const UiModel& m, const FontSet& fonts, float left, Actions& out) {
  const UiModel::LessonView& l = m.lesson;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  const float room = vp->Size.x - left - em * 1.2f;
  const float width = std::min(room, em * (m.lecture ? 44.0f : 36.0f));
  const float cx = vp->Pos.x + left + em * 0.6f + room * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(cx, vp->Pos.y + vp->Size.y - em * (m.lecture ? 0.6f : 2.4f)), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 1.0f, em * 0.6f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em * 0.5f);
  ImGui::Begin("##lesson", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoScrollbar);
  if (l.phase == "finished") {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("The end of \"%s\"", l.title.c_str());
    if (fonts.heading) ImGui::PopFont();
    ImGui::TextWrapped("%s", l.score.empty() ? "Well done." : ("You got " + l.score + ".").c_str());
  } else {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", l.stepTitle.c_str());
    if (fonts.heading) ImGui::PopFont();
    ImGui::TextWrapped("%s", l.caption.c_str());
    const std::string wait = l.timedOut ? "The model did not get there in time: press Next." : l.ask.empty() ? l.waiting : "";
    if (!wait.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      ImGui::TextWrapped("%s", wait.c_str());
      ImGui::PopStyleColor();
    }
  }
  progressDots(l, em);
  // Presenter's row: Back, the steps, Next (a clicker sends the same as the keys).
  const float third = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
  ImGui::BeginDisabled(l.step == 0 && l.phase != "finished");
  if (ImGui::Button("\xe2\x86\x90 Back", ImVec2(third, 0.0f))) out.emplace_back("lesson_prev");
  ImGui::EndDisabled();
  ImGui::SameLine();
  char mid[64];
  std::snprintf(mid, sizeof mid, "Step %zu of %zu##steps", std::min(l.step + 1, l.steps), l.steps);
  if (ImGui::Button(mid, ImVec2(third, 0.0f))) out.emplace_back(l.showSteps ? "lesson_steps off" : "lesson_steps on");
  ImGui::SameLine();
  if (l.phase == "finished") {
    if (ImGui::Button("Start again", ImVec2(third, 0.0f))) out.emplace_back("lesson_restart");
  } else {
    const bool last = l.step + 1 >= l.steps;
    const char* next = l.phase == "asking" ? "Skip \xe2\x86\x92" : last ? "Finish \xe2\x86\x92" : "Next \xe2\x86\x92";
    if (ImGui::Button(next, ImVec2(third, 0.0f))) out.emplace_back("lesson_next");
  }
  const float top = ImGui::GetWindowPos().y - vp->Pos.y;
  ImGui::End();
  ImGui::PopStyleVar(2);
  return top;
}

/// The steps to jump to (the presenter's "go back to the valves").
void stepList(const UiModel& m, const FontSet& fonts, Actions& out) {
  const UiModel::LessonView& l = m.lesson;
  if (!l.showSteps) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(em * 22.0f, vp->Size.x * 0.6f), 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(vp->Size.x, vp->Size.y * 0.7f));
  bool open = true;
  ImGui::Begin("Steps", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize);
  if (!open) out.emplace_back("lesson_steps off");
  for (std::size_t k = 0; k < l.stepTitles.size(); ++k) {
    char label[300];
    std::snprintf(label, sizeof label, "%zu.  %s", k + 1, l.stepTitles[k].c_str());
    if (ImGui::Selectable(label, k == l.step)) {
      out.push_back("lesson_goto " + std::to_string(k + 1));
      out.emplace_back("lesson_steps off");
    }
  }
  ImGui::Separator();
  if (wideButton("Start again")) out.emplace_back("lesson_restart");
  if (wideButton("Close the lesson")) out.emplace_back("lesson off");
  ImGui::End();
}

/// Dims all but a soft circle around the pointer.
void spotlight(const UiModel& m, const FontSet& fonts) {
  if (!m.spotlight || m.pointer.x < 0.0f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 c(vp->Pos.x + m.pointer.x, vp->Pos.y + m.pointer.y);
  const float r = std::max(vp->Size.x, vp->Size.y) * 0.12f + fonts.pixelSize;
  const float reach = std::hypot(vp->Size.x, vp->Size.y) * 2.0f;
  // A ring thick enough to cover the screen, inside edge at r; two thin rings soften it.
  dl->AddCircle(c, r + reach * 0.5f, IM_COL32(0, 0, 0, 165), 96, reach);
  dl->AddCircle(c, r - fonts.pixelSize * 0.3f, IM_COL32(0, 0, 0, 90), 96, fonts.pixelSize * 0.6f);
  dl->AddCircle(c, r - fonts.pixelSize * 0.9f, IM_COL32(0, 0, 0, 40), 96, fonts.pixelSize * 0.6f);
}

}  // namespace

namespace detail {

/// The probes' markers in 3D, shifted by `dx` into the right view; side by side each marker also shows that body's
/// pressure there (orange while the blood flows backwards), readable from the back row.
void probeMarkers(const UiModel& m, const FontSet& fonts, float dx, const UiModel::View3D* view) {
  ImDrawList* bg = ImGui::GetBackgroundDrawList();
  ImFont* f = fonts.heading ? fonts.heading : ImGui::GetFont();
  std::vector<ImVec4> placed;  // labels drawn so far (x0, y0, x1, y1): two close probes stack
  for (std::size_t i = 0; i < m.probes.size(); ++i) {
    const auto& p = m.probes[i];
    if (!p.onScreen) continue;
    const float r = fonts.pixelSize * 0.35f;
    const ImVec2 c(p.screen.x + dx, p.screen.y);
    bg->AddCircleFilled(c, r, kProbeColors[i % 4], 16);
    bg->AddCircle(c, r, IM_COL32(10, 10, 10, 255), 16, 2.0f);
    char tag[48];
    ImVec2 at(c.x + r * 1.4f, c.y - fonts.pixelSize);
    if (view && i < view->readings.size()) {
      const auto& rd = view->readings[i];
      std::snprintf(tag, sizeof tag, "P%zu  %.0f mmHg%s", i + 1, static_cast<double>(rd.pressure),
                    rd.reflux ? "  reflux" : "");
      const float size = fonts.pixelSize * (m.lecture ? 1.25f : 1.0f);
      const ImVec2 t = f->CalcTextSizeA(size, 1e9f, 0.0f, tag);
      const float pad = fonts.pixelSize * 0.3f;
      // Left of the marker where it would cross into the other view or off the screen.
      const float right = ImGui::GetMainViewport()->Pos.x + view->x + view->width;
      if (at.x + t.x + pad > right) at.x = c.x - r * 1.4f - t.x;
      for (bool moved = true; moved;) {
        moved = false;
        for (const ImVec4& o : placed)
          if (at.x - pad < o.z && at.x + t.x + pad > o.x && at.y - pad < o.w && at.y + t.y + pad > o.y) {
            at.y = o.w + pad;
            moved = true;
          }
      }
      placed.emplace_back(at.x - pad, at.y - pad * 0.5f, at.x + t.x + pad, at.y + t.y + pad * 0.5f);
      bg->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.5f), ImVec2(at.x + t.x + pad, at.y + t.y + pad * 0.5f),
                        IM_COL32(12, 16, 24, 215), pad);
      bg->AddText(f, size, at, rd.reflux ? IM_COL32(255, 160, 60, 255) : kProbeColors[i % 4], tag);
    } else {
      std::snprintf(tag, sizeof tag, "P%zu", i + 1);
      bg->AddText(f, fonts.pixelSize, at, kProbeColors[i % 4], tag);
    }
  }
}

void lessonsSection(const UiModel& m, const FontSet& fonts, Actions& out) {
  if (!heading(fonts, "Lessons", true)) return;
  if (m.lesson.active) {
    ImGui::TextWrapped("Playing: %s", m.lesson.title.c_str());
    static const char* const words[][2] = {{"Student words", "student"}, {"Plain words", "patient"}};
    choiceGrid(words, 2, m.lesson.patientWords ? "patient" : "student", "captions", halfWidth(), out);
    if (wideButton("Close the lesson")) out.emplace_back("lesson off");
  } else if (m.lessonFiles.empty()) {
    ImGui::TextDisabled("No lessons found in scenes/lessons");
  }
  // Numbered, wrapped over two lines where a title is long (never cut off).
  int n = 0;
  for (const auto& [title, file] : m.lessonFiles) {
    const bool on = m.lesson.active && title == m.lesson.title;
    char label[320];
    std::snprintf(label, sizeof label, "%d  %s", ++n, title.c_str());
    ImGui::PushID(n);
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorPos();
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, false, w);
    if (ImGui::Selectable("##lesson", on, 0, ImVec2(0.0f, text.y))) out.push_back("lesson \"" + file + "\"");
    ImGui::SetCursorPos(at);
    ImGui::PushTextWrapPos(at.x + w);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
  ImGui::Spacing();
  // Patient mode: the consultation's calm screen (big buttons, plain words) replaces the panels.
  if (m.hasEngine && wideButton("Patient mode")) out.emplace_back("patient on");
  const bool twoViews = m.views.size() > 1;  // the model's state, not the checkbox's new value
  bool side = twoViews;
  if (ImGui::Checkbox("Two bodies side by side", &side)) out.emplace_back(side ? "compare on" : "compare off");
  if (!twoViews) {
    if (wideButton("Healthy and failed GSV valves")) {
      out.emplace_back("compare on Healthy \"GSV valves failed\"");
      out.emplace_back("side 2");
      out.emplace_back("condition valve_incompetence left_gsv 1");
      out.emplace_back("side both");
    }
    return;
  }
  ImGui::TextDisabled("Body controls act on:");
  static const char* const sides[][2] = {{"Both", "both"}, {"Left", "1"}, {"Right", "2"}};
  const std::string current = m.views[0].acting && m.views[1].acting ? "both" : m.views[0].acting ? "1" : "2";
  choiceGrid(sides, 3, current, "side", thirdWidth(), out, 3);
}

}  // namespace detail

void drawOverlay(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out, bool panels) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  st.captionTop = 0.0f;
  if (m.blackScreen) {
    // The presenter's B: nothing but black (B again brings the picture back).
    ImGui::GetForegroundDrawList()->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                                                  IM_COL32(0, 0, 0, 255));
    return;
  }
  sideLabels(m, fonts);
  if (m.views.size() > 1) {
    probeMarkers(m, fonts, 0.0f, &m.views[0]);
    probeMarkers(m, fonts, m.views[1].x, &m.views[1]);  // the same probes in the right view
  } else if (!panels) {
    // No probe window (lecture mode, H): each marker carries its own reading.
    UiModel::View3D whole;
    whole.width = m.viewport.x;
    for (const auto& p : m.probes) whole.readings.push_back({p.pressure, p.refluxNow > kMarkerRefluxSeconds});
    probeMarkers(m, fonts, 0.0f, &whole);
  }
  if (m.lesson.active) {
    st.captionTop = captionBar(m, fonts, panels ? st.panelRight : 0.0f, out);
    questionCard(m, fonts, st.captionTop, out);
    stepList(m, fonts, out);
  }
  if (!panels) dopplerWindow(m, fonts, 0.0f, out);  // asked for (doppler N): shown in lecture mode too
  spotlight(m, fonts);
}

}  // namespace venaviz::ui
