// OrbitCamera: standard views, screen orientation, projection, fly-to, clamps, lerpPose.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/camera.h"

namespace venaviz {
namespace {

constexpr float kEps = 1e-4f;

Vec3 eyeDirection(View view) {
  OrbitCamera cam;
  const Vec3 target{1.0f, -2.0f, 50.0f};
  cam.setPose(OrbitCamera::poseFor(view, target, 100.0f));
  return glm::normalize(cam.eye() - target);
}

void expectNear(Vec3 a, Vec3 b, float eps, const std::string& what) {
  EXPECT_NEAR(a.x, b.x, eps) << what;
  EXPECT_NEAR(a.y, b.y, eps) << what;
  EXPECT_NEAR(a.z, b.z, eps) << what;
}

TEST(Camera, AnteriorViewHasEyeInFrontOfTarget) {
  // Anterior is -y in the body frame.
  expectNear(eyeDirection(View::Anterior), {0.0f, -1.0f, 0.0f}, kEps, "anterior");
}

TEST(Camera, PosteriorViewHasEyeBehindTarget) {
  expectNear(eyeDirection(View::Posterior), {0.0f, 1.0f, 0.0f}, kEps, "posterior");
}

TEST(Camera, LeftViewHasEyeOnPatientsLeft) {
  expectNear(eyeDirection(View::Left), {1.0f, 0.0f, 0.0f}, kEps, "left");
}

TEST(Camera, RightViewHasEyeOnPatientsRight) {
  expectNear(eyeDirection(View::Right), {-1.0f, 0.0f, 0.0f}, kEps, "right");
}

TEST(Camera, SuperiorViewHasEyeAbove) {
  const Vec3 d = eyeDirection(View::Superior);
  EXPECT_GT(d.z, 0.999f);
  EXPECT_NEAR(d.x, 0.0f, kEps);
}

TEST(Camera, InferiorViewHasEyeBelow) {
  const Vec3 d = eyeDirection(View::Inferior);
  EXPECT_LT(d.z, -0.999f);
  EXPECT_NEAR(d.x, 0.0f, kEps);
}

TEST(Camera, EyeIsAtPoseDistanceFromTarget) {
  OrbitCamera cam;
  CameraPose p;
  p.target = {3.0f, 4.0f, 5.0f};
  p.distance = 77.0f;
  p.yawDeg = 33.0f;
  p.pitchDeg = -21.0f;
  cam.setPose(p);
  EXPECT_NEAR(glm::distance(cam.eye(), p.target), 77.0f, 1e-3f);
  EXPECT_NEAR(glm::length(cam.forward()), 1.0f, 1e-5f);
  EXPECT_NEAR(glm::dot(cam.forward(), cam.up()), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::dot(cam.forward(), cam.right()), 0.0f, 1e-5f);
}

TEST(Camera, AnteriorViewShowsPatientsLeftOnScreenRightAndSuperiorOnTop) {
  OrbitCamera cam;
  const Vec3 target{0.0f, 0.0f, 100.0f};
  cam.setPose(OrbitCamera::poseFor(View::Anterior, target, 200.0f));
  const Vec2 size{800.0f, 600.0f};

  const Vec3 centre = cam.project(target, size);
  EXPECT_NEAR(centre.x, 400.0f, 0.01f);
  EXPECT_NEAR(centre.y, 300.0f, 0.01f);

  const Vec3 left = cam.project(target + Vec3(10.0f, 0.0f, 0.0f), size);   // patient's left
  const Vec3 right = cam.project(target - Vec3(10.0f, 0.0f, 0.0f), size);  // patient's right
  EXPECT_GT(left.x, 400.0f + 1.0f);
  EXPECT_LT(right.x, 400.0f - 1.0f);
  EXPECT_NEAR(left.y, 300.0f, 0.01f);

  const Vec3 head = cam.project(target + Vec3(0.0f, 0.0f, 10.0f), size);  // superior
  const Vec3 feet = cam.project(target - Vec3(0.0f, 0.0f, 10.0f), size);  // inferior
  EXPECT_LT(head.y, 300.0f - 1.0f);  // origin top-left: smaller y is higher on screen
  EXPECT_GT(feet.y, 300.0f + 1.0f);
  EXPECT_NEAR(head.x, 400.0f, 0.01f);
}

TEST(Camera, SuperiorViewShowsAnteriorAtTop) {
  OrbitCamera cam;
  const Vec3 target{0.0f, 0.0f, 100.0f};
  cam.setPose(OrbitCamera::poseFor(View::Superior, target, 200.0f));
  const Vec2 size{800.0f, 600.0f};
  const Vec3 front = cam.project(target + Vec3(0.0f, -10.0f, 0.0f), size);  // anterior
  EXPECT_LT(front.y, 300.0f - 1.0f);
}

TEST(Camera, ProjectUnprojectRoundTrip) {
  OrbitCamera cam;
  CameraPose p;
  p.target = {2.0f, -5.0f, 80.0f};
  p.distance = 150.0f;
  p.yawDeg = 40.0f;
  p.pitchDeg = 25.0f;
  cam.setPose(p);
  const Vec2 size{1024.0f, 768.0f};
  const Vec3 points[] = {{2.0f, -5.0f, 80.0f}, {10.0f, 3.0f, 70.0f}, {-20.0f, -10.0f, 95.0f}};
  for (const Vec3& world : points) {
    const Vec3 win = cam.project(world, size);
    ASSERT_GT(win.z, -1.0f);
    ASSERT_LT(win.z, 1.0f);
    const float depth = win.z * 0.5f + 0.5f;  // NDC z -> GL depth-buffer value
    const Vec3 back = cam.unproject(Vec2(win.x, win.y), depth, size);
    expectNear(back, world, 0.05f, "round trip");
  }
}

TEST(Camera, UnprojectCentrePixelLiesOnViewAxis) {
  OrbitCamera cam;
  cam.setPose(OrbitCamera::poseFor(View::Left, Vec3(0.0f, 0.0f, 50.0f), 100.0f));
  const Vec2 size{640.0f, 480.0f};
  const Vec3 nearPoint = cam.unproject(Vec2(320.0f, 240.0f), 0.0f, size);
  EXPECT_NEAR(glm::distance(nearPoint, cam.eye()), cam.nearPlane(), 1e-2f);
  const Vec3 dir = glm::normalize(nearPoint - cam.eye());
  EXPECT_GT(glm::dot(dir, cam.forward()), 0.99999f);
}

TEST(Camera, FlyToReachesGoalExactlyAfterDuration) {
  OrbitCamera cam;
  CameraPose start;
  start.target = {0.0f, 0.0f, 0.0f};
  start.distance = 230.0f;
  start.yawDeg = 0.0f;
  start.pitchDeg = 0.0f;
  cam.setPose(start);

  CameraPose goal;
  goal.target = {10.0f, -20.0f, 30.0f};
  goal.distance = 100.0f;
  goal.yawDeg = 90.0f;
  goal.pitchDeg = 30.0f;

  EXPECT_FALSE(cam.animating());
  cam.flyTo(goal, 0.5f);
  EXPECT_TRUE(cam.animating());
  EXPECT_TRUE(cam.update(0.2f));
  EXPECT_TRUE(cam.animating());
  // Part way: neither start nor goal.
  EXPECT_GT(cam.pose().yawDeg, 0.0f);
  EXPECT_LT(cam.pose().yawDeg, 90.0f);
  EXPECT_FALSE(cam.update(0.5f));  // past the end
  EXPECT_FALSE(cam.animating());
  EXPECT_EQ(cam.pose().target, goal.target);
  EXPECT_EQ(cam.pose().distance, goal.distance);
  EXPECT_EQ(cam.pose().yawDeg, goal.yawDeg);
  EXPECT_EQ(cam.pose().pitchDeg, goal.pitchDeg);
  // Further updates change nothing.
  EXPECT_FALSE(cam.update(1.0f));
  EXPECT_EQ(cam.pose().distance, goal.distance);
}

TEST(Camera, FlyToReachesArbitraryGoalExactly) {
  // A goal whose numbers do not happen to round nicely (distance ratio, yaw, pitch).
  OrbitCamera cam;
  CameraPose start;
  start.target = {1.1f, 2.2f, 3.3f};
  start.distance = 230.0f;
  start.yawDeg = 12.3f;
  start.pitchDeg = -7.7f;
  cam.setPose(start);
  CameraPose goal;
  goal.target = {-4.4f, 5.5f, 66.6f};
  goal.distance = 97.3f;
  goal.yawDeg = 37.3f;
  goal.pitchDeg = 21.9f;
  cam.flyTo(goal, 0.6f);
  EXPECT_TRUE(cam.animating());
  cam.update(0.6f);
  EXPECT_FALSE(cam.animating());
  EXPECT_EQ(cam.pose().target, goal.target);
  EXPECT_EQ(cam.pose().distance, goal.distance);
  EXPECT_EQ(cam.pose().yawDeg, goal.yawDeg);
  EXPECT_EQ(cam.pose().pitchDeg, goal.pitchDeg);
}

TEST(Camera, FlyToWithZeroSecondsJumps) {
  OrbitCamera cam;
  CameraPose goal = OrbitCamera::poseFor(View::Left, Vec3(1.0f, 2.0f, 3.0f), 50.0f);
  cam.flyTo(goal, 0.0f);
  EXPECT_FALSE(cam.animating());
  EXPECT_EQ(cam.pose().yawDeg, 90.0f);
  EXPECT_EQ(cam.pose().distance, 50.0f);
  EXPECT_EQ(cam.pose().target, goal.target);
}

TEST(Camera, UserInputCancelsFlight) {
  OrbitCamera cam;
  cam.flyTo(OrbitCamera::poseFor(View::Left, Vec3(0.0f), 100.0f), 1.0f);
  ASSERT_TRUE(cam.animating());
  cam.orbit(10.0f, 0.0f);
  EXPECT_FALSE(cam.animating());
}

TEST(Camera, PitchIsClamped) {
  OrbitCamera cam;
  CameraPose p;
  p.pitchDeg = 120.0f;
  cam.setPose(p);
  EXPECT_FLOAT_EQ(cam.pose().pitchDeg, 89.5f);
  p.pitchDeg = -120.0f;
  cam.setPose(p);
  EXPECT_FLOAT_EQ(cam.pose().pitchDeg, -89.5f);

  cam.setPose(CameraPose{});
  cam.orbit(0.0f, 10000.0f);
  EXPECT_FLOAT_EQ(cam.pose().pitchDeg, OrbitCamera::kMaxPitch);
  cam.orbit(0.0f, -100000.0f);
  EXPECT_FLOAT_EQ(cam.pose().pitchDeg, -OrbitCamera::kMaxPitch);
  // Orbiting by 10 px moves pitch by 3 degrees.
  cam.setPose(CameraPose{});
  cam.orbit(0.0f, 10.0f);
  EXPECT_NEAR(cam.pose().pitchDeg, 3.0f, 1e-4f);

  // A fly-to goal beyond the limit ends at the limit too.
  CameraPose goal;
  goal.pitchDeg = 95.0f;
  cam.flyTo(goal, 0.1f);
  cam.update(1.0f);
  EXPECT_FLOAT_EQ(cam.pose().pitchDeg, 89.5f);
}

TEST(Camera, ZoomClampsDistance) {
  OrbitCamera cam;
  cam.setPose(CameraPose{});
  const float before = cam.pose().distance;
  cam.zoom(1.0f);
  EXPECT_LT(cam.pose().distance, before);  // positive steps move closer
  cam.zoom(-2.0f);
  EXPECT_GT(cam.pose().distance, before);
  cam.zoom(1000.0f);
  EXPECT_FLOAT_EQ(cam.pose().distance, OrbitCamera::kMinDistance);
  cam.zoom(-1000.0f);
  EXPECT_FLOAT_EQ(cam.pose().distance, OrbitCamera::kMaxDistance);

  CameraPose p;
  p.distance = 0.01f;
  cam.setPose(p);
  EXPECT_FLOAT_EQ(cam.pose().distance, 2.0f);
  p.distance = 1e6f;
  cam.setPose(p);
  EXPECT_FLOAT_EQ(cam.pose().distance, 1200.0f);
}

TEST(Camera, PanMovesTargetInViewPlane) {
  OrbitCamera cam;
  cam.setPose(OrbitCamera::poseFor(View::Anterior, Vec3(0.0f, 0.0f, 100.0f), 200.0f));
  const Vec3 before = cam.pose().target;
  cam.pan(-50.0f, 0.0f, 600.0f);  // drag left: the scene moves left, the target moves right
  const Vec3 moved = cam.pose().target - before;
  EXPECT_GT(moved.x, 0.0f);
  EXPECT_NEAR(moved.y, 0.0f, 1e-4f);
  EXPECT_NEAR(moved.z, 0.0f, 1e-4f);
}

TEST(Camera, YawWrapsIntoRange) {
  OrbitCamera cam;
  CameraPose p;
  p.yawDeg = 270.0f;
  cam.setPose(p);
  EXPECT_NEAR(cam.pose().yawDeg, -90.0f, 1e-4f);
  p.yawDeg = -450.0f;
  cam.setPose(p);
  EXPECT_NEAR(cam.pose().yawDeg, -90.0f, 1e-4f);
}

TEST(Camera, LerpPoseTakesShortWayRoundInYaw) {
  CameraPose a, b;
  a.yawDeg = 170.0f;
  b.yawDeg = -170.0f;
  const CameraPose mid = lerpPose(a, b, 0.5f);
  EXPECT_NEAR(std::abs(mid.yawDeg), 180.0f, 1e-3f);
  EXPECT_NEAR(lerpPose(a, b, 0.25f).yawDeg, 175.0f, 1e-3f);
  EXPECT_NEAR(lerpPose(a, b, 0.75f).yawDeg, -175.0f, 1e-3f);
  // And the other way.
  EXPECT_NEAR(lerpPose(b, a, 0.25f).yawDeg, -175.0f, 1e-3f);
  // Ordinary case: no wrap.
  a.yawDeg = -30.0f;
  b.yawDeg = 30.0f;
  EXPECT_NEAR(lerpPose(a, b, 0.5f).yawDeg, 0.0f, 1e-4f);
}

TEST(Camera, LerpPoseEndpointsAndGeometricDistance) {
  CameraPose a, b;
  a.target = {0.0f, 0.0f, 0.0f};
  b.target = {10.0f, 20.0f, 30.0f};
  a.distance = 10.0f;
  b.distance = 1000.0f;
  a.pitchDeg = -10.0f;
  b.pitchDeg = 30.0f;
  const CameraPose mid = lerpPose(a, b, 0.5f);
  EXPECT_NEAR(mid.distance, 100.0f, 1e-2f);  // geometric mean
  EXPECT_NEAR(mid.pitchDeg, 10.0f, 1e-4f);
  EXPECT_NEAR(mid.target.y, 10.0f, 1e-4f);
  const CameraPose start = lerpPose(a, b, 0.0f);
  EXPECT_FLOAT_EQ(start.distance, 10.0f);
  EXPECT_FLOAT_EQ(start.pitchDeg, -10.0f);
}

TEST(Camera, ParseViewAndViewNameRoundTrip) {
  const View all[] = {View::Anterior, View::Posterior, View::Left, View::Right, View::Superior, View::Inferior};
  for (View v : all) {
    const auto parsed = parseView(viewName(v));
    ASSERT_TRUE(parsed.has_value()) << viewName(v);
    EXPECT_EQ(*parsed, v);
  }
  EXPECT_EQ(viewName(View::Anterior), "anterior");
  EXPECT_EQ(viewName(View::Inferior), "inferior");
  EXPECT_EQ(parseView("left"), View::Left);
  EXPECT_FALSE(parseView("lateral").has_value());
  EXPECT_FALSE(parseView("").has_value());
  EXPECT_FALSE(parseView("Anterior").has_value());
}

TEST(Camera, LensShiftMovesThePictureUpWithoutTurningTheCamera) {
  OrbitCamera cam;
  const Vec3 target{0.0f, 0.0f, 50.0f};
  cam.setPose(OrbitCamera::poseFor(View::Anterior, target, 300.0f));
  const Vec2 vp{1920.0f, 1080.0f};
  const Vec3 centred = cam.project(target, vp);
  EXPECT_NEAR(centred.y, 540.0f, 0.01f);
  // A caption bar over the bottom third: the target goes to the middle of the top two thirds.
  cam.setLensShift({0.0f, 1.0f / 3.0f});
  const Vec3 shifted = cam.project(target, vp);
  EXPECT_NEAR(shifted.x, centred.x, 0.01f) << "only vertical";
  EXPECT_NEAR(shifted.y, 360.0f, 0.05f) << "NDC shift 1/3 = a sixth of the height up";
  EXPECT_NEAR(shifted.z, centred.z, 1e-5f) << "depth unchanged";
  expectNear(cam.eye(), OrbitCamera::poseFor(View::Anterior, target, 300.0f).target + Vec3(0.0f, -300.0f, 0.0f), 1e-3f,
             "the eye did not move");
  // Picking stays consistent: a pixel unprojects to the point that projects back onto it.
  for (const Vec2 px : {Vec2{100.0f, 80.0f}, Vec2{960.0f, 360.0f}, Vec2{1800.0f, 1000.0f}}) {
    const Vec3 w = cam.unproject(px, 0.5f, vp);
    const Vec3 back = cam.project(w, vp);
    EXPECT_NEAR(back.x, px.x, 0.05f);
    EXPECT_NEAR(back.y, px.y, 0.05f);
  }
}

}  // namespace
}  // namespace venaviz
