#pragma once
#include "core/camera.h"
#include "ui/fonts.h"

struct ImDrawList;

namespace venaviz::ui {

/// The three patient axes as seen from the camera: screen direction (x right, y down) and
/// depth towards the viewer, for L(eft), A(nterior), S(uperior). Pure math, testable.
struct MarkerAxis {
  char positive;  ///< 'L', 'A' or 'S'
  char negative;  ///< 'R', 'P' or 'I'
  Vec2 screen;    ///< projected unit axis, y down
  float depth;    ///< > 0 points towards the viewer
};
void markerAxes(const OrbitCamera& camera, MarkerAxis out[3]);

/// Draws the orientation marker (a small labelled axis triad naming the patient's Left,
/// Anterior and Superior) centred at `center` with arm length `size` (pixels).
void drawOrientationMarker(ImDrawList* list, const OrbitCamera& camera, Vec2 center, float size, const FontSet& fonts);

}  // namespace venaviz::ui
