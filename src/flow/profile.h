#pragma once
// The velocity profile across a vein's lumen, one definition for the tracers (how fast a particle
// at a radial offset moves) and the Doppler display (which velocities a sample volume sees).
//
// g(s) = (1 - b s^2) / (1 - b/2), s = r / R in [0, 1] (R: the lumen radius), b = 0.6: a blunted
// parabola, 1.43x the mean velocity on the axis and 0.57x at the wall, averaging exactly 1 over
// the disc (the integral of g(s) 2 s ds over [0, 1] is 1), so that the mean velocity the engine
// reports (flow / area) is the mean of g x that velocity over the cross-section. Venous flow is
// slow and pulsatile, so its profile is flatter than Poiseuille's 2(1 - s^2), which would also
// all but stop the blood at the wall. The bluntness is a display choice, not a measured value.

#include <algorithm>
#include <cmath>

namespace venaviz::flow {

/// Bluntness b of the profile (0: plug flow, 1: Poiseuille).
inline constexpr float kProfileBlunt = 0.6f;
/// g(0): velocity on the axis relative to the mean, 1 / (1 - b/2) (1.43).
inline constexpr float kProfileAxis = 1.0f / (1.0f - 0.5f * kProfileBlunt);
/// g(1): velocity at the wall relative to the mean, (1 - b) / (1 - b/2) (0.57).
inline constexpr float kProfileWall = (1.0f - kProfileBlunt) * kProfileAxis;

/// g(s): point velocity relative to the mean at s = r / R (0 axis .. 1 wall).
inline constexpr float profileVelocity(float s) {
  return kProfileAxis - kProfileBlunt * kProfileAxis * s * s;
}

/// Inverse of g on [0, 1]: the radial position s whose point velocity is g x the mean, clamped
/// to [0, 1] (g above the axis value gives 0, below the wall value gives 1).
inline float profileRadius(float g) {
  const float s2 = (1.0f - g / kProfileAxis) / kProfileBlunt;
  return std::sqrt(std::clamp(s2, 0.0f, 1.0f));
}

}  // namespace venaviz::flow
