#pragma once
// Private to the ui module: the widgets the panel files share, and the sections and windows
// drawn by panels_body.cpp and panels_probes.cpp. panels.cpp lays them out (drawUi).
#include <imgui.h>

#include <string>

#include "ui/panels.h"

namespace venaviz::ui::detail {

/// Every collapsing heading drawn open (set per drawUi call from PanelState::expandAll).
void setExpandAll(bool on);
/// A section heading in the heading font; returns whether it is open.
bool heading(const FontSet& fonts, const char* text, bool openByDefault);
/// A button as wide as the space left (or `width` pixels).
bool wideButton(const char* label, float width = -1.0f);
/// A grid of choice buttons, `columns` per row, each `w` wide; the current one is drawn
/// pressed. Emits "<action> <value>".
void choiceGrid(const char* const (*items)[2], int count, const std::string& current, const char* action, float w,
                Actions& out, int columns = 2);
/// A slider showing the model's value; it emits once, when released (one undo step per
/// change, and the engine is not re-parameterised at every pixel of a drag).
bool releasedSlider(const char* id, float modelValue, float lo, float hi, const char* format, PanelState& st,
                    float& value, ImGuiSliderFlags flags = 0);
/// snprintf into a string (two numbers at most).
std::string fmt(const char* format, double a, double b = 0.0);
/// Widths of two or three buttons side by side in the space left.
float halfWidth();
float thirdWidth();

// Probe colours: Okabe-Ito yellow, sky blue, bluish green, reddish purple (distinct for
// colour-blind viewers, and none of them the orange of reflux).
inline constexpr ImU32 kProbeColors[4] = {IM_COL32(240, 228, 66, 255), IM_COL32(86, 180, 233, 255),
                                          IM_COL32(0, 158, 115, 255), IM_COL32(204, 121, 167, 255)};

// panels_body.cpp: the body, its conditions and treatments, how the blood is shown.
void bodySection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out);
void conditionsSection(const UiModel& m, const FontSet& fonts, PanelState& st, Actions& out);
void treatmentsSection(const UiModel& m, const FontSet& fonts, Actions& out);
void bloodSection(const UiModel& m, const FontSet& fonts, Actions& out);
// overlay.cpp: lessons to open, the captions' words, two bodies side by side.
void lessonsSection(const UiModel& m, const FontSet& fonts, Actions& out);
// panels_probes.cpp: probes, their plots and markers, the simulated ultrasound.
void probesSection(const UiModel& m, const FontSet& fonts, Actions& out);
void probesWindow(const UiModel& m, const FontSet& fonts);
void dopplerWindow(const UiModel& m, const FontSet& fonts, float panelRight, Actions& out);

/// The probes' markers in 3D, shifted by `dx` (the right view); with `view`, each shows that
/// body's pressure there (side by side). Defined in overlay.cpp.
void probeMarkers(const UiModel& m, const FontSet& fonts, float dx, const UiModel::View3D* view);

}  // namespace venaviz::ui::detail
