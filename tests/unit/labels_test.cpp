#include <gtest/gtest.h>

#include "ui/labels.h"

using namespace venaviz;
using namespace venaviz::ui;

namespace {
bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.pos.x < b.pos.x + b.size.x && b.pos.x < a.pos.x + a.size.x && a.pos.y < b.pos.y + b.size.y &&
         b.pos.y < a.pos.y + a.size.y;
}
}  // namespace

TEST(LabelLayout, CrowdedAnchorsNeverOverlapAndStayInView) {
  std::vector<LabelRequest> req;
  // 16 anchors bunched in the middle of a 1280x800 view, several at the same height.
  for (int i = 0; i < 16; ++i)
    req.push_back(
        {"Vessel number " + std::to_string(i), Vec2(600.0f + float(i % 4) * 20.0f, 380.0f + float(i / 4) * 6.0f)});
  const Vec2 viewport(1280.0f, 800.0f);
  auto measure = [](const std::string& t) { return Vec2(9.0f * float(t.size()), 24.0f); };
  const auto placed = layoutLabels(req, viewport, measure, 4.0f);
  ASSERT_EQ(placed.size(), req.size());
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const auto& p = placed[i];
    EXPECT_GE(p.pos.x, 0.0f);
    EXPECT_GE(p.pos.y, 0.0f);
    EXPECT_LE(p.pos.x + p.size.x, viewport.x);
    EXPECT_LE(p.pos.y + p.size.y, viewport.y);
    // Labels sit outside the anchors' horizontal span, on their own side.
    if (p.left) {
      EXPECT_LE(p.pos.x + p.size.x, 600.0f);
    } else {
      EXPECT_GE(p.pos.x, 660.0f);
    }
    for (std::size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(overlap(p, placed[j])) << i << " vs " << j;
  }
}

TEST(LabelLayout, KeepsVerticalOrderWithinAColumn) {
  std::vector<LabelRequest> req = {{"a", {100, 500}}, {"b", {100, 100}}, {"c", {100, 300}}, {"d", {900, 200}}};
  auto measure = [](const std::string&) { return Vec2(40.0f, 20.0f); };
  const auto placed = layoutLabels(req, {1000, 600}, measure, 4.0f);
  std::vector<const PlacedLabel*> left;
  for (const auto& p : placed)
    if (p.left) left.push_back(&p);
  ASSERT_EQ(left.size(), 3u);
  std::sort(left.begin(), left.end(), [](auto* x, auto* y) { return x->anchor.y < y->anchor.y; });
  EXPECT_LT(left[0]->pos.y, left[1]->pos.y);
  EXPECT_LT(left[1]->pos.y, left[2]->pos.y);
  // Uncrowded labels sit level with their anchors.
  EXPECT_NEAR(left[0]->pos.y + 10.0f, 100.0f, 1e-3f);
}

TEST(LabelText, PairsShareOneShortLabel) {
  EXPECT_EQ(labelText("anterior_tibial_vein_1_left", "Left anterior tibial vein 1 (medial of the pair)"),
            "Left anterior tibial veins");
  EXPECT_EQ(labelText("anterior_tibial_vein_2_left", "Left anterior tibial vein 2 (lateral of the pair)"), "");
  EXPECT_EQ(labelText("femoral_vein_left", "Left femoral vein"), "Left femoral vein");
  EXPECT_EQ(labelText("inferior_vena_cava", "Inferior vena cava"), "Inferior vena cava");
}

TEST(LabelLayout, LeftColumnStaysRightOfAPanel) {
  std::vector<LabelRequest> req = {{"a long label text", {350, 100}}, {"b", {900, 100}}};
  auto measure = [](const std::string& t) { return Vec2(10.0f * float(t.size()), 20.0f); };
  const auto placed = layoutLabels(req, {1280, 800}, measure, 4.0f, 320.0f);
  for (const auto& p : placed) EXPECT_GE(p.pos.x, 320.0f);
}
