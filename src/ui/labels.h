#pragma once
// Label layout: names in two columns beside the anatomy, each joined to its vessel by a
// leader line, never overlapping, kept inside the view. Pure geometry, so it is testable.
#include <functional>
#include <string>
#include <vector>

#include "core/math.h"

namespace venaviz::ui {

struct LabelRequest {
  std::string text;
  Vec2 anchor;  ///< screen position of the point it names (pixels, y down)
};

struct PlacedLabel {
  std::string text;
  Vec2 anchor;
  Vec2 pos;   ///< top-left of the text box
  Vec2 size;  ///< text box size
  bool left;  ///< in the left column (leader line leaves from its right edge)
};

/// Places labels in a left and a right column outside the horizontal span of the anchors
/// (clamped to the viewport), sorted by anchor height and pushed apart so no two boxes overlap.
/// `measure` gives a text's size in pixels; `gap` is the spacing between boxes and columns.
/// `minX` keeps labels right of a panel on the left edge (0 = none).
std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests, Vec2 viewport,
                                      const std::function<Vec2(const std::string&)>& measure, float gap,
                                      float minX = 0.0f);

/// Short label text for a vessel: paired veins ("..._1_left") become one plural label
/// ("Left anterior tibial veins"), parentheses are dropped. Returns "" for the second of a pair.
std::string labelText(const std::string& id, const std::string& name);

}  // namespace venaviz::ui
