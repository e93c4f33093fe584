#include "ui/labels.h"

#include <algorithm>

namespace venaviz::ui {

std::string labelText(const std::string& id, const std::string& name) {
  std::string text = name;
  if (auto p = text.find(" ("); p != std::string::npos) text.erase(p);
  // Paired veins: ids like stem_2_left; the first of the pair speaks for both.
  const auto side = id.rfind('_');
  if (side != std::string::npos && side > 2) {
    const auto num = id.rfind('_', side - 1);
    const std::string n = num == std::string::npos ? "" : id.substr(num + 1, side - num - 1);
    if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos) {
      if (n != "1") return "";
      if (auto sp = text.rfind(' '); sp != std::string::npos && text.substr(sp + 1) == n) text.erase(sp);
      if (text.size() > 4 && text.ends_with("vein")) text += "s";
    }
  }
  return text;
}

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests, Vec2 viewport,
                                      const std::function<Vec2(const std::string&)>& measure, float gap, float minX0) {
  std::vector<PlacedLabel> out;
  if (requests.empty()) return out;
  float minX = viewport.x, maxX = 0.0f;
  for (const auto& r : requests) {
    minX = std::min(minX, r.anchor.x);
    maxX = std::max(maxX, r.anchor.x);
  }
  // Anchors left of the middle of their span go to the left column. When they all stand in
  // one narrow column, alternate sides so neither column gets crowded.
  const float split = 0.5f * (minX + maxX);
  const bool narrow = maxX - minX < 8.0f;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& r = requests[i];
    out.push_back({r.text, r.anchor, Vec2(0.0f), measure(r.text), narrow ? i % 2 == 0 : r.anchor.x < split});
  }

  // One column: its x just outside the anchors' span (kept inside the view), then the boxes
  // top-down at their anchors' heights, pushed apart, and moved up from the bottom.
  auto placeColumn = [&](bool left) {
    std::vector<PlacedLabel*> col;
    for (auto& p : out)
      if (p.left == left) col.push_back(&p);
    std::sort(col.begin(), col.end(),
              [](const PlacedLabel* a, const PlacedLabel* b) { return a->anchor.y < b->anchor.y; });
    for (PlacedLabel* p : col) {
      if (left)
        p->pos.x = std::max(minX0 + gap, std::min(minX - 3.0f * gap, viewport.x * 0.5f) - p->size.x);
      else
        p->pos.x = std::min(viewport.x - gap - p->size.x, std::max(maxX + 3.0f * gap, viewport.x * 0.5f));
    }
    float next = gap;
    for (PlacedLabel* p : col) {
      p->pos.y = std::max(p->anchor.y - p->size.y * 0.5f, next);
      next = p->pos.y + p->size.y + gap;
    }
    float limit = viewport.y - gap;
    for (auto it = col.rbegin(); it != col.rend(); ++it) {
      PlacedLabel* p = *it;
      if (p->pos.y + p->size.y > limit) p->pos.y = limit - p->size.y;
      limit = p->pos.y - gap;
    }
  };
  placeColumn(true);
  placeColumn(false);
  // Too narrow for two columns (a panel on the left, a tablet): where the columns would cross,
  // every label goes into the one column on the side with more room.
  float leftEdge = -1e9f, rightEdge = 1e9f;
  for (const auto& p : out) {
    if (p.left) leftEdge = std::max(leftEdge, p.pos.x + p.size.x);
    else rightEdge = std::min(rightEdge, p.pos.x);
  }
  if (leftEdge + gap > rightEdge) {
    const bool left = minX - minX0 > viewport.x - maxX;
    for (auto& p : out) p.left = left;
    placeColumn(left);
  }
  return out;
}

}  // namespace venaviz::ui
