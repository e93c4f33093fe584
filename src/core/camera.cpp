#include "core/camera.h"

#include "core/enum_names.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace venaviz {
namespace {
constexpr std::array<std::string_view, 6> kViewNames = {"anterior", "posterior", "left",
                                                        "right",    "superior",  "inferior"};
float wrapDeg(float a) {
  if (a >= -180.0f && a < 180.0f) return a;  // exact for angles already in range
  a = std::fmod(a + 180.0f, 360.0f);
  if (a < 0.0f) a += 360.0f;
  return a - 180.0f;
}
}  // namespace

std::optional<View> parseView(std::string_view name) {
  return parseEnum<View>(kViewNames, name);
}

std::string_view viewName(View view) {
  return kViewNames[static_cast<std::size_t>(view)];
}

CameraPose lerpPose(const CameraPose& a, const CameraPose& b, float t) {
  CameraPose p;
  p.target = glm::mix(a.target, b.target, t);
  p.distance = a.distance * std::pow(b.distance / a.distance, t);
  p.yawDeg = wrapDeg(a.yawDeg + wrapDeg(b.yawDeg - a.yawDeg) * t);
  p.pitchDeg = a.pitchDeg + (b.pitchDeg - a.pitchDeg) * t;
  return p;
}

void OrbitCamera::setPose(const CameraPose& pose) {
  pose_ = pose;
  pose_.distance = std::clamp(pose_.distance, kMinDistance, kMaxDistance);
  pose_.pitchDeg = std::clamp(pose_.pitchDeg, -kMaxPitch, kMaxPitch);
  pose_.yawDeg = wrapDeg(pose_.yawDeg);
  flyDuration_ = flyTime_ = 0.0f;
}

CameraPose OrbitCamera::poseFor(View view, Vec3 target, float distance) {
  CameraPose p;
  p.target = target;
  p.distance = distance;
  switch (view) {
    case View::Anterior:
      p.yawDeg = 0.0f;
      break;
    case View::Posterior:
      p.yawDeg = 180.0f;
      break;
    case View::Left:
      p.yawDeg = 90.0f;
      break;
    case View::Right:
      p.yawDeg = -90.0f;
      break;
    // From above with anterior at the top of the screen; from below as a CT axial slice
    // is read (anterior up, patient's left on the viewer's right).
    case View::Superior:
      p.yawDeg = 180.0f;
      p.pitchDeg = kMaxPitch;
      break;
    case View::Inferior:
      p.yawDeg = 0.0f;
      p.pitchDeg = -kMaxPitch;
      break;
  }
  return p;
}

void OrbitCamera::orbit(float dx, float dy) {
  flyDuration_ = 0.0f;
  pose_.yawDeg = wrapDeg(pose_.yawDeg - dx * 0.3f);
  pose_.pitchDeg = std::clamp(pose_.pitchDeg + dy * 0.3f, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dx, float dy, float viewportHeight) {
  flyDuration_ = 0.0f;
  const float worldPerPixel =
      2.0f * pose_.distance * std::tan(glm::radians(fovYDeg_) * 0.5f) / std::max(viewportHeight, 1.0f);
  pose_.target += (-dx * right() + dy * up()) * worldPerPixel;
}

void OrbitCamera::zoom(float steps) {
  flyDuration_ = 0.0f;
  pose_.distance = std::clamp(pose_.distance * std::exp(-0.12f * steps), kMinDistance, kMaxDistance);
}

void OrbitCamera::flyTo(const CameraPose& goal, float seconds) {
  CameraPose g = goal;
  g.distance = std::clamp(g.distance, kMinDistance, kMaxDistance);
  g.pitchDeg = std::clamp(g.pitchDeg, -kMaxPitch, kMaxPitch);
  if (seconds <= 0.0f) {
    setPose(g);
    return;
  }
  flyFrom_ = pose_;
  flyTo_ = g;
  flyTime_ = 0.0f;
  flyDuration_ = seconds;
}

bool OrbitCamera::update(float dt) {
  if (!animating()) return false;
  flyTime_ = std::min(flyTime_ + dt, flyDuration_);
  if (flyTime_ >= flyDuration_) {
    pose_ = flyTo_;  // land exactly on the goal
    pose_.yawDeg = wrapDeg(pose_.yawDeg);
    return false;
  }
  const float t = flyTime_ / flyDuration_;
  const float s = t * t * (3.0f - 2.0f * t);
  pose_ = lerpPose(flyFrom_, flyTo_, s);
  return true;
}

Vec3 OrbitCamera::eye() const {
  return pose_.target - forward() * pose_.distance;
}

Vec3 OrbitCamera::forward() const {
  const float yaw = glm::radians(pose_.yawDeg), pitch = glm::radians(pose_.pitchDeg);
  const Vec3 eyeDir{std::cos(pitch) * std::sin(yaw), -std::cos(pitch) * std::cos(yaw), std::sin(pitch)};
  return -eyeDir;
}

Vec3 OrbitCamera::right() const {
  return glm::normalize(glm::cross(forward(), kSuperior));
}
Vec3 OrbitCamera::up() const {
  return glm::normalize(glm::cross(right(), forward()));
}

Mat4 OrbitCamera::view() const {
  return glm::lookAt(eye(), pose_.target, up());
}

float OrbitCamera::nearPlane() const {
  return std::max(0.5f, pose_.distance * 0.05f);
}
float OrbitCamera::farPlane() const {
  return pose_.distance + 400.0f;
}

Mat4 OrbitCamera::projection(float aspect) const {
  Mat4 p = glm::perspective(glm::radians(fovYDeg_), std::max(aspect, 1e-3f), nearPlane(), farPlane());
  // ndc = ... - p[2].xy (w = -z_view): shifts the picture, keeps its scale.
  p[2][0] = -lensShift_.x;
  p[2][1] = -lensShift_.y;
  return p;
}

Vec3 OrbitCamera::unproject(Vec2 pixel, float depth, Vec2 size) const {
  const Vec4 viewport{0.0f, 0.0f, size.x, size.y};
  const Vec3 win{pixel.x, size.y - pixel.y, depth};
  return glm::unProject(win, view(), projection(size.x / size.y), viewport);
}

Vec3 OrbitCamera::project(Vec3 world, Vec2 size) const {
  const Vec4 clip = projection(size.x / size.y) * view() * Vec4(world, 1.0f);
  const Vec3 ndc = Vec3(clip) / clip.w;
  return {(ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y, ndc.z};
}

}  // namespace venaviz
