// The widgets the panel files share (panel_widgets.h).
#include <cstdio>

#include "ui/panel_widgets.h"

namespace venaviz::ui::detail {
namespace {
/// Set for one drawUi call from PanelState::expandAll (UI tests reach every control at once).
bool gExpandAll = false;

}  // namespace

void setExpandAll(bool on) {
  gExpandAll = on;
}

bool heading(const FontSet& fonts, const char* text, bool openByDefault) {
  if (gExpandAll) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
  ImGui::PushFont(fonts.heading);
  const bool open = ImGui::CollapsingHeader(text, openByDefault ? ImGuiTreeNodeFlags_DefaultOpen : 0);
  ImGui::PopFont();
  return open;
}

bool wideButton(const char* label, float width) {
  return ImGui::Button(label, ImVec2(width < 0.0f ? ImGui::GetContentRegionAvail().x : width, 0.0f));
}

void choiceGrid(const char* const (*items)[2], int count, const std::string& current, const char* action, float w,
                Actions& out, int columns) {
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

bool releasedSlider(const char* id, float modelValue, float lo, float hi, const char* format, PanelState& st,
                    float& value, ImGuiSliderFlags flags) {
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

std::string fmt(const char* format, double a, double b) {
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

}  // namespace venaviz::ui::detail
