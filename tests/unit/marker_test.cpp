#include <gtest/gtest.h>

#include "ui/orientation_marker.h"
#include "ui/panels.h"

using namespace venaviz;

namespace {
const ui::MarkerAxis& axis(const ui::MarkerAxis (&a)[3], char c) {
  for (const auto& x : a)
    if (x.positive == c) return x;
  throw std::runtime_error("no axis");
}
}  // namespace

TEST(OrientationMarker, AnteriorViewShowsLeftOnScreenRightAndSuperiorUp) {
  OrbitCamera cam;
  cam.setPose(OrbitCamera::poseFor(View::Anterior, Vec3(0.0f), 100.0f));
  ui::MarkerAxis a[3];
  ui::markerAxes(cam, a);
  EXPECT_GT(axis(a, 'L').screen.x, 0.99f);   // patient's left on the viewer's right
  EXPECT_LT(axis(a, 'S').screen.y, -0.99f);  // superior up (screen y grows downwards)
  EXPECT_GT(axis(a, 'A').depth, 0.99f);      // anterior points at the viewer
}

TEST(OrientationMarker, PosteriorViewMirrorsLeft) {
  OrbitCamera cam;
  cam.setPose(OrbitCamera::poseFor(View::Posterior, Vec3(0.0f), 100.0f));
  ui::MarkerAxis a[3];
  ui::markerAxes(cam, a);
  EXPECT_LT(axis(a, 'L').screen.x, -0.99f);
  EXPECT_LT(axis(a, 'A').depth, -0.99f);
}

TEST(Panels, FormatSimTime) {
  EXPECT_EQ(ui::formatSimTime(1.5), "1.50 s");
  EXPECT_EQ(ui::formatSimTime(125.0), "2 min 05.0 s");
}
