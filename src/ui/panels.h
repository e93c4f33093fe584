#pragma once
// The ImGui panels. They read a UiModel and append action strings; they never change app
// state themselves (docs/architecture.md).
#include <map>
#include <set>
#include <string>

#include "ui/fonts.h"
#include "ui/ui_model.h"

namespace venaviz::ui {

/// Widget-local state that is not app state (text being typed, a slider being dragged).
struct PanelState {
  char scenePath[512] = "";
  float pendingUiScale = 0.0f;  ///< value shown while dragging; applied on release
  /// Slider values while dragged (applied on release), by widget id.
  std::map<std::string, float> drag;
  std::set<std::string> dragging;
  bool leftSide = true;      ///< leg for the thrombosis presets
  bool patientText = false;  ///< the vessel card in plain words (patient level)
  bool expandAll = false;    ///< every section open (UI tests)
  bool initialized = false;
  char search[64] = "";        ///< vessel search text
  char bookmarkName[64] = "";  ///< name for the next saved view
  float panelRight = 0.0f;     ///< right edge of the control panel (set by drawUi)
  float captionTop = 0.0f;     ///< top of the lesson's caption bar, 0 without one (set by drawOverlay)
  float rightInset = 0.0f;     ///< width of patient mode's right column (set by drawPatient)
};

/// Builds one frame of UI (between ImGui::NewFrame and ImGui::Render).
void drawUi(const UiModel& model, const FontSet& fonts, PanelState& state, Actions& out);

/// What goes over the 3D view with or without the panels: side-by-side labels, the lesson's
/// caption bar, question and steps, the spotlight and the black screen (overlay.cpp).
/// `panels`: drawUi ran this frame (the caption keeps clear of the control panel).
void drawOverlay(const UiModel& model, const FontSet& fonts, PanelState& state, Actions& out, bool panels);

/// Patient mode's whole screen (patient.cpp): big buttons, the caption card with the ankle
/// gauge, zoom, Back, Start again and the languages. Sets panelRight and captionTop.
void drawPatient(const UiModel& model, const FontSet& fonts, PanelState& state, Actions& out);

/// Formats seconds as "12.35 s" or "2 min 05.0 s".
std::string formatSimTime(double seconds);

}  // namespace venaviz::ui
