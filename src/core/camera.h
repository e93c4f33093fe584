#pragma once
// Orbit camera about a target in the body frame (z up). Pure math: no GL, no window.
#include <optional>
#include <string_view>

#include "core/math.h"

namespace venaviz {

/// The six standard anatomical views.
enum class View { Anterior, Posterior, Left, Right, Superior, Inferior };

/// Parses "anterior", "posterior", "left", "right", "superior", "inferior".
std::optional<View> parseView(std::string_view name);
std::string_view viewName(View view);

/// Where the camera is: it orbits `target` at `distance`, direction given by yaw about the
/// body's z axis (0 = eye anterior to the target, 90° = eye on the patient's left) and pitch
/// (elevation; +90° = from above).
struct CameraPose {
  Vec3 target{0.0f, -10.0f, 90.0f};  ///< cm (default: mid-body)
  float distance = 230.0f;           ///< cm from target to eye (default: 230)
  float yawDeg = 0.0f;               ///< degrees (default: 0, anterior view)
  float pitchDeg = 0.0f;             ///< degrees, clamped to ±89.5 (default: 0)
};

/// Interpolates two poses (yaw along the shorter arc, distance geometrically); t in [0,1].
CameraPose lerpPose(const CameraPose& a, const CameraPose& b, float t);

class OrbitCamera {
 public:
  static constexpr float kMinDistance = 2.0f;     ///< cm
  static constexpr float kMaxDistance = 1200.0f;  ///< cm
  static constexpr float kMaxPitch = 89.5f;       ///< degrees

  const CameraPose& pose() const { return pose_; }
  void setPose(const CameraPose& pose);
  float fovYDeg() const { return fovYDeg_; }
  void setFovYDeg(float fov) { fovYDeg_ = fov; }

  /// Pose that shows `view` of the given target at the given distance.
  static CameraPose poseFor(View view, Vec3 target, float distance);

  /// Drag by a screen delta in pixels (rotate 0.3°/px).
  void orbit(float dxPixels, float dyPixels);
  /// Pan the target in the view plane by a screen delta in pixels for a viewport height.
  void pan(float dxPixels, float dyPixels, float viewportHeight);
  /// Zoom by mouse-wheel steps (positive = closer).
  void zoom(float steps);

  /// Smoothly fly to a pose over `seconds` (smoothstep easing); 0 jumps.
  void flyTo(const CameraPose& goal, float seconds = 0.6f);
  /// Advances a fly-to; returns true while animating.
  bool update(float dtSeconds);
  bool animating() const { return flyTime_ < flyDuration_; }

  Vec3 eye() const;
  Vec3 forward() const;  ///< unit vector from eye to target
  Vec3 up() const;       ///< unit, orthogonal to forward
  Vec3 right() const;    ///< unit, screen right
  Mat4 view() const;
  Mat4 projection(float aspect) const;
  /// Off-axis lens shift in NDC units (+x moves the picture's centre right, +y up): a panel on
  /// the left or a caption bar at the bottom leaves the subject centred in the free part of
  /// the window without moving the camera (default: 0, 0).
  void setLensShift(Vec2 ndc) { lensShift_ = ndc; }
  Vec2 lensShift() const { return lensShift_; }
  float nearPlane() const;
  float farPlane() const;

  /// World point for a window position in pixels (origin top-left) and a depth-buffer value
  /// in [0,1] (standard GL depth range).
  Vec3 unproject(Vec2 pixel, float depth, Vec2 viewportSize) const;
  /// Window position in pixels (origin top-left) of a world point; z is NDC depth.
  Vec3 project(Vec3 world, Vec2 viewportSize) const;

 private:
  CameraPose pose_;
  float fovYDeg_ = 30.0f;
  Vec2 lensShift_{0.0f};
  CameraPose flyFrom_, flyTo_;
  float flyTime_ = 0.0f, flyDuration_ = 0.0f;
};

}  // namespace venaviz
