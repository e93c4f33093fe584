// Centerlines: Catmull-Rom resampling and polyline helpers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "anatomy/centerline.h"

namespace venaviz {
namespace {

// L shape: 3 cm along +x then 4 cm along +y (total 7 cm).
const std::vector<Vec3> kL = {{0.0f, 0.0f, 0.0f}, {3.0f, 0.0f, 0.0f}, {3.0f, 4.0f, 0.0f}};

void checkSamples(const std::vector<Vec3>& points, const std::vector<float>& radii, float maxStep) {
  const auto s = sampleCenterline(points, radii, maxStep);
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s.front().position, points.front());
  EXPECT_EQ(s.back().position, points.back());
  EXPECT_EQ(s.front().radius, radii.front());
  EXPECT_EQ(s.back().radius, radii.back());
  EXPECT_EQ(s.front().fraction, 0.0f);
  EXPECT_EQ(s.back().fraction, 1.0f);

  const auto [rLo, rHi] = std::minmax_element(radii.begin(), radii.end());
  float length = 0.0f;
  for (std::size_t i = 0; i < s.size(); ++i) {
    EXPECT_GE(s[i].radius, *rLo - 1e-6f) << i;
    EXPECT_LE(s[i].radius, *rHi + 1e-6f) << i;
    EXPECT_GE(s[i].fraction, 0.0f);
    EXPECT_LE(s[i].fraction, 1.0f);
    if (i == 0) continue;
    const float step = glm::distance(s[i - 1].position, s[i].position);
    length += step;
    EXPECT_LE(step, maxStep * 1.2f) << "samples " << i - 1 << " and " << i;
    EXPECT_GT(s[i].fraction, s[i - 1].fraction) << i;
  }
  // Fractions are arc-length fractions of the sampled curve.
  float arc = 0.0f;
  for (std::size_t i = 1; i < s.size(); ++i) {
    arc += glm::distance(s[i - 1].position, s[i].position);
    EXPECT_NEAR(s[i].fraction, arc / length, 1e-5f) << i;
  }
  // The smooth curve is at least as long as the straight chord through its waypoints.
  EXPECT_GE(length, polylineLength(points) * 0.999f);
}

TEST(Centerline, SampleStraightLine) {
  const std::vector<Vec3> pts = {{0.0f, 0.0f, 0.0f}, {0.0f, 0.0f, 10.0f}};
  const std::vector<float> radii = {1.0f, 0.5f};
  checkSamples(pts, radii, 0.5f);
  const auto s = sampleCenterline(pts, radii, 0.5f);
  EXPECT_GE(s.size(), 21u);
  for (const auto& c : s) {
    EXPECT_NEAR(c.position.x, 0.0f, 1e-5f);
    EXPECT_NEAR(c.position.y, 0.0f, 1e-5f);
    // Radius linear in position along a straight line.
    EXPECT_NEAR(c.radius, 1.0f - 0.05f * c.position.z, 1e-4f);
    EXPECT_NEAR(c.fraction, c.position.z / 10.0f, 1e-4f);
  }
}

TEST(Centerline, SampleLShape) {
  checkSamples(kL, {0.3f, 0.2f, 0.4f}, 0.25f);
}

TEST(Centerline, SampleIrregularWaypoints) {
  // Uneven spacing, sharp-ish turns, varying radii (the case where Catmull-Rom overshoots).
  const std::vector<Vec3> pts = {{0.0f, 0.0f, 0.0f},  {0.2f, 0.1f, 1.0f},  {5.0f, -3.0f, 2.0f},
                                 {5.1f, -3.0f, 2.5f}, {1.0f, 4.0f, 10.0f}, {1.0f, 4.0f, 30.0f}};
  const std::vector<float> radii = {0.12f, 0.15f, 0.4f, 0.35f, 0.2f, 0.9f};
  checkSamples(pts, radii, 0.6f);
  checkSamples(pts, radii, 0.1f);
}

TEST(Centerline, SamplePassesThroughEveryWaypoint) {
  const std::vector<float> radii = {0.3f, 0.2f, 0.4f};
  const auto s = sampleCenterline(kL, radii, 0.3f);
  for (std::size_t w = 0; w < kL.size(); ++w) {
    bool found = false;
    for (const auto& c : s) found = found || (c.position == kL[w] && c.radius == radii[w]);
    EXPECT_TRUE(found) << "waypoint " << w;
  }
}

TEST(Centerline, SampleNeedsTwoMatchingPoints) {
  EXPECT_TRUE(sampleCenterline({{0.0f, 0.0f, 0.0f}}, {1.0f}, 0.5f).empty());
  EXPECT_TRUE(sampleCenterline({}, {}, 0.5f).empty());
}

TEST(Centerline, PolylineLength) {
  EXPECT_FLOAT_EQ(polylineLength(kL), 7.0f);
  EXPECT_FLOAT_EQ(polylineLength({{1.0f, 1.0f, 1.0f}}), 0.0f);
  EXPECT_FLOAT_EQ(polylineLength({}), 0.0f);
}

TEST(Centerline, PolylinePoint) {
  auto expectPoint = [](float f, Vec3 want) {
    const Vec3 p = polylinePoint(kL, f);
    EXPECT_NEAR(p.x, want.x, 1e-5f) << f;
    EXPECT_NEAR(p.y, want.y, 1e-5f) << f;
    EXPECT_NEAR(p.z, want.z, 1e-5f) << f;
  };
  expectPoint(0.0f, {0.0f, 0.0f, 0.0f});
  expectPoint(1.0f / 7.0f, {1.0f, 0.0f, 0.0f});
  expectPoint(3.0f / 7.0f, {3.0f, 0.0f, 0.0f});  // the corner
  expectPoint(0.5f, {3.0f, 0.5f, 0.0f});
  expectPoint(5.0f / 7.0f, {3.0f, 2.0f, 0.0f});
  expectPoint(1.0f, {3.0f, 4.0f, 0.0f});
  // Clamped outside [0,1].
  expectPoint(-0.5f, {0.0f, 0.0f, 0.0f});
  expectPoint(2.0f, {3.0f, 4.0f, 0.0f});
}

TEST(Centerline, ClosestFraction) {
  float d = -1.0f;
  // Beside the second leg.
  EXPECT_NEAR(closestFraction(kL, {5.0f, 2.0f, 0.0f}, &d), 5.0f / 7.0f, 1e-5f);
  EXPECT_NEAR(d, 2.0f, 1e-5f);
  // Below the first leg, out of plane.
  EXPECT_NEAR(closestFraction(kL, {1.5f, -1.0f, 1.0f}, &d), 1.5f / 7.0f, 1e-5f);
  EXPECT_NEAR(d, std::sqrt(2.0f), 1e-5f);
  // Outside the corner: the corner itself.
  EXPECT_NEAR(closestFraction(kL, {4.0f, -1.0f, 0.0f}, &d), 3.0f / 7.0f, 1e-5f);
  EXPECT_NEAR(d, std::sqrt(2.0f), 1e-5f);
  // Beyond the ends.
  EXPECT_NEAR(closestFraction(kL, {-2.0f, 0.0f, 0.0f}, &d), 0.0f, 1e-6f);
  EXPECT_NEAR(d, 2.0f, 1e-5f);
  EXPECT_NEAR(closestFraction(kL, {3.0f, 9.0f, 0.0f}, &d), 1.0f, 1e-6f);
  EXPECT_NEAR(d, 5.0f, 1e-5f);
  // On the line: distance 0, and the inverse of polylinePoint.
  for (float f : {0.1f, 0.3f, 0.6f, 0.9f}) {
    EXPECT_NEAR(closestFraction(kL, polylinePoint(kL, f), &d), f, 1e-5f);
    EXPECT_NEAR(d, 0.0f, 1e-5f);
  }
  // The distance pointer is optional.
  EXPECT_NEAR(closestFraction(kL, {3.0f, 1.0f, 0.0f}), 4.0f / 7.0f, 1e-5f);
}

}  // namespace
}  // namespace venaviz
