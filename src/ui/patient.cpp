// Patient mode's screen: a column of big buttons (what is wrong, what you do), Back and Start
// again with the languages at the top right, zoom buttons at the right edge, and a caption card
// with the ankle gauge at the bottom. Touch first: every target at least 48 px high, nothing
// on hover. Calm colours from the Okabe-Ito palette (safe for colour-blind eyes); the gauge's
// word and needle position carry its meaning, the colour only repeats it.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/palette.h"
#include "ui/panels.h"

namespace venaviz::ui {
namespace {

constexpr ImU32 rgb(palette::Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }
constexpr ImU32 kSelected = rgb(palette::kSelected);
constexpr ImU32 kSelectedHover = IM_COL32(20, 134, 198, 255);
constexpr ImU32 kZone[3] = {rgb(palette::kGauge[0]), rgb(palette::kGauge[1]), rgb(palette::kGauge[2])};
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing;

/// The touch target height: at least 48 px, more with a large font.
float targetHeight(const FontSet& fonts) { return std::max(48.0f, fonts.pixelSize * 2.5f); }

/// `text` broken into lines at spaces so that each fits `width` (a long word stays whole).
std::string wrapped(const std::string& text, float width) {
  std::string out, line;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(at, end - at);
    const std::string longer = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
      out += line + "\n";
      line = word;
    } else {
      line = longer;
    }
    at = end + 1;
  }
  return out + line;
}

bool bigButton(const std::string& text, const std::string& id, float width, float height, bool selected,
               bool enabled = true) {
  // A label too long for the button goes on two lines (and the button grows), never clipped.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
  const std::string label = wrapped(text, w - style.FramePadding.x * 2.0f - 2.0f);
  height = std::max(height, ImGui::CalcTextSize(label.c_str()).y + style.FramePadding.y * 2.0f + 8.0f);
  if (selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, kSelected);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kSelectedHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, kSelectedHover);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.5f);
  }
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(width, height));
  if (!enabled) ImGui::EndDisabled();
  if (selected) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
  }
  return pressed && enabled;
}

void choicesPanel(const UiModel::PatientView& p, const FontSet& fonts, PanelState& st, Actions& out) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize, gap = em * 0.6f;
  const float width = std::min(std::max(em * 16.0f, 240.0f), vp->Size.x * 0.34f);  // a narrow screen wins
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + gap, vp->Pos.y + gap));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, vp->Size.y - 2.0f * gap));
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em * 0.6f);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, em * 0.45f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.8f, em * 0.7f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.5f, em * 0.4f));
  ImGui::Begin("##patient_choices", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar);
  // Nine buttons and two headings must fit a 768-line screen: shrink towards 48 px, never below.
  const float rows = static_cast<float>(p.problems.size() + p.situations.size());
  const float room = vp->Size.y - 2.0f * gap - em * 7.5f - (p.kiosk ? 0.0f : em * 2.6f);
  const float h = std::max(48.0f, std::min(targetHeight(fonts), room / std::max(rows, 1.0f) - em * 0.4f));
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(p.title.c_str());
  if (fonts.heading) ImGui::PopFont();
  auto group = [&](const std::string& heading, const std::vector<UiModel::PatientView::Button>& buttons) {
    ImGui::Dummy(ImVec2(1.0f, em * 0.15f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(heading.c_str());
    ImGui::PopStyleColor();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    for (const auto& b : buttons)
      if (bigButton(b.label, b.action, -1.0f, h, b.selected)) out.push_back(b.action);
    ImGui::PopStyleVar();
  };
  group(p.problemHeading, p.problems);
  group(p.situationHeading, p.situations);
  if (!p.kiosk) {
    ImGui::Dummy(ImVec2(1.0f, em * 0.3f));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    if (bigButton(p.exit, "exit", -1.0f, 48.0f, false)) out.push_back("patient off");
    ImGui::PopStyleColor();
  }
  st.panelRight = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - vp->Pos.x;
  ImGui::End();
  ImGui::PopStyleVar(4);
}

/// The right column: Back and Start again, the languages, the caption card with the gauge, and
/// the zoom buttons at the bottom. Returns the column's width with its margin.
float rightColumn(const UiModel::PatientView& p, const FontSet& fonts, Actions& out);

/// The ankle gauge: "Pressure in your ankle: normal", a bar of three zones with their words
/// under it, and a needle at the measured place.
void gauge(const UiModel::PatientView& p, const FontSet& fonts) {
  const float em = fonts.pixelSize;
  const int level = std::clamp(p.gaugeLevel, 0, 2);
  const std::string title = p.gaugeTitle + ":";
  ImGui::TextUnformatted(title.c_str());
  ImFont* big = fonts.heading ? fonts.heading : ImGui::GetFont();
  if (ImGui::CalcTextSize(title.c_str()).x + em + big->CalcTextSizeA(big->FontSize, 1e4f, 0.0f, p.gaugeWords[level].c_str()).x <
      ImGui::GetContentRegionAvail().x) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - em * 0.15f);
  }
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, kZone[level]);
  ImGui::TextUnformatted(p.gaugeWords[level].c_str());
  ImGui::PopStyleColor();
  if (fonts.heading) ImGui::PopFont();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, barH = em * 0.7f;
  const float y = a.y + em * 0.5f, third = w / 3.0f;
  for (int k = 0; k < 3; ++k) {
    const ImVec2 lo(a.x + third * static_cast<float>(k) + (k > 0 ? 1.5f : 0.0f), y);
    const ImVec2 hi(a.x + third * static_cast<float>(k + 1) - (k < 2 ? 1.5f : 0.0f), y + barH);
    const ImU32 c = (kZone[k] & 0x00FFFFFFu) | (k == level ? 0xFF000000u : 0x70000000u);
    dl->AddRectFilled(lo, hi, c, barH * 0.5f,
                      k == 0 ? ImDrawFlags_RoundCornersLeft : k == 2 ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersNone);
    const ImVec2 t = ImGui::CalcTextSize(p.gaugeWords[k].c_str());
    dl->AddText(ImVec2(lo.x + (hi.x - lo.x - t.x) * 0.5f, y + barH + em * 0.25f),
                ImGui::GetColorU32(k == level ? ImGuiCol_Text : ImGuiCol_TextDisabled), p.gaugeWords[k].c_str());
  }
  const float nx = a.x + w * std::clamp(p.gaugePosition, 0.0f, 1.0f), r = barH * 0.95f;
  dl->AddCircleFilled(ImVec2(nx, y + barH * 0.5f), r, IM_COL32(250, 250, 252, 255), 24);
  dl->AddCircle(ImVec2(nx, y + barH * 0.5f), r, IM_COL32(20, 24, 32, 255), 24, 2.5f);
  ImGui::Dummy(ImVec2(w, barH + em * 1.9f));
}

float rightColumn(const UiModel::PatientView& p, const FontSet& fonts, Actions& out) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize, gap = em * 0.6f, h = std::max(48.0f, em * 2.4f);
  const float width = std::min(std::max(em * 19.0f, 280.0f), vp->Size.x * 0.34f);  // a narrow screen wins
  const float x = vp->Pos.x + vp->Size.x - gap - width;
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, em * 0.45f);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.5f, em * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
  // Navigation: Back and Start again, then one button per language.
  ImGui::SetNextWindowPos(ImVec2(x, vp->Pos.y + gap));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::Begin("##patient_top", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoBackground);
  const float half = (width - em * 0.5f) * 0.5f;
  if (bigButton("< " + p.back, "back", half, h, false, p.canGoBack)) out.push_back("patient_back");
  ImGui::SameLine();
  if (bigButton(p.restart, "restart", half, h, false)) out.push_back("patient_restart");
  // As many language buttons to a row as fit their names (a narrow, upright tablet: fewer).
  float widest = 0.0f;
  for (const auto& lang : p.languages) widest = std::max(widest, ImGui::CalcTextSize(lang.second.c_str()).x);
  widest += 2.0f * ImGui::GetStyle().FramePadding.x;
  std::size_t perRow = std::max<std::size_t>(p.languages.size(), 1);
  auto rowWidth = [&](std::size_t k) {
    const float n = static_cast<float>(k);
    return (width - em * 0.5f * (n - 1.0f)) / n;
  };
  while (perRow > 1 && rowWidth(perRow) < widest) --perRow;
  const float langW = rowWidth(perRow);
  for (std::size_t k = 0; k < p.languages.size(); ++k) {
    const auto& [code, name] = p.languages[k];
    if (k % perRow != 0) ImGui::SameLine();
    if (bigButton(name, "lang_" + code, langW, h, code == p.language)) out.push_back("language " + code);
  }
  const float navBottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
  ImGui::End();
  // Zoom at the bottom: Closer and Further side by side, Whole body under them.
  ImGui::SetNextWindowPos(ImVec2(x, vp->Pos.y + vp->Size.y - gap), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::Begin("##patient_zoom", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoBackground);
  if (bigButton("+  " + p.zoomIn, "zoom_in", half, h, false)) out.push_back("zoom 3");
  ImGui::SameLine();
  if (bigButton("-  " + p.zoomOut, "zoom_out", half, h, false)) out.push_back("zoom -3");
  if (bigButton(p.resetView, "reset_view", width, h, false)) out.push_back("camera_to view=anterior");
  const float zoomTop = ImGui::GetWindowPos().y;
  ImGui::End();
  ImGui::PopStyleVar(2);  // keep the rounding and spacing for the card
  // The caption card between them: the gauge, then the captions (scrolling if ever too long).
  ImGui::SetNextWindowPos(ImVec2(x, navBottom + gap));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f),
                                      ImVec2(width, std::max(em * 8.0f, zoomTop - navBottom - 2.0f * gap)));
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em * 0.6f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.9f, em * 0.8f));
  ImGui::Begin("##patient_caption", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar);
  gauge(p, fonts);
  // The captions in the large font when they fit the card, else in the body font.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float textW = ImGui::GetContentRegionAvail().x;
  const float hint = ImGui::CalcTextSize(p.tapHint.c_str(), nullptr, false, textW).y;
  const float cardMax = zoomTop - navBottom - 2.0f * gap;
  const float room = cardMax - ImGui::GetCursorPosY() - hint - style.WindowPadding.y - style.ItemSpacing.y;
  ImFont* font = fonts.heading ? fonts.heading : ImGui::GetFont();
  auto height = [&](ImFont* f) {  // each sentence, its spacer and the spacing after both
    float total = 0.0f;
    for (const std::string& sentence : p.captions)
      total += f->CalcTextSizeA(f->FontSize, 1e4f, textW, sentence.c_str()).y + em * 0.05f + 2.0f * style.ItemSpacing.y;
    return total;
  };
  if (height(font) > room) font = ImGui::GetFont();
  ImGui::PushFont(font);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW);
  for (const std::string& sentence : p.captions) {
    ImGui::TextUnformatted(sentence.c_str());
    ImGui::Dummy(ImVec2(1.0f, em * 0.05f));
  }
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", p.tapHint.c_str());
  ImGui::PopStyleColor();
  ImGui::End();
  ImGui::PopStyleVar(4);
  return width + gap;
}

/// The plain name of the vein tapped, in a pill at the top of the picture.
void tappedName(const UiModel::PatientView& p, const FontSet& fonts, float left, float right) {
  if (p.tapped.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = fonts.pixelSize;
  ImFont* f = fonts.heading ? fonts.heading : ImGui::GetFont();
  const float maxW = std::max(em * 8.0f, right - left - em * 2.0f);
  const ImVec2 t = f->CalcTextSizeA(f->FontSize, maxW, maxW, p.tapped.c_str());
  const float cx = vp->Pos.x + (left + right) * 0.5f;
  const ImVec2 a(cx - t.x * 0.5f - em, vp->Pos.y + em * 0.6f), b(cx + t.x * 0.5f + em, a.y + t.y + em * 0.9f);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(a, b, IM_COL32(12, 16, 24, 225), em * 0.6f);
  dl->AddRect(a, b, kZone[0], em * 0.6f, 0, 2.0f);
  dl->AddText(f, f->FontSize, ImVec2(cx - t.x * 0.5f, a.y + em * 0.45f), IM_COL32(245, 247, 250, 255),
              p.tapped.c_str(), nullptr, maxW);
}

}  // namespace

void drawPatient(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out) {
  const UiModel::PatientView& p = m.patient;
  if (!p.active) return;
  if (m.blackScreen) {
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImGui::GetMainViewport()->Size, IM_COL32(0, 0, 0, 255));
    return;
  }
  choicesPanel(p, fonts, st, out);
  const float right = rightColumn(p, fonts, out);
  st.rightInset = right;
  st.captionTop = 0.0f;
  tappedName(p, fonts, st.panelRight, ImGui::GetMainViewport()->Size.x - right);
}

}  // namespace venaviz::ui
