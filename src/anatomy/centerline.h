#pragma once
// Smooth centerlines: centripetal Catmull-Rom through the waypoints, resampled by arc length.
#include <vector>

#include "core/math.h"

namespace venaviz {

struct CenterlineSample {
  Vec3 position;   ///< cm
  float radius;    ///< cm
  float fraction;  ///< arc-length fraction along the vessel, [0,1]
};

/// Length of the polyline through `points` (cm).
float polylineLength(const std::vector<Vec3>& points);

/// Point at an arc-length fraction of the polyline (clamped to [0,1]).
Vec3 polylinePoint(const std::vector<Vec3>& points, float fraction);
/// Per-point values (radii) interpolated by arc length at `fraction` (clamped to [0, 1]).
float polylineValue(const std::vector<Vec3>& points, const std::vector<float>& values, float fraction);

/// Arc-length fraction of the polyline point closest to `p`; `distance` receives the distance.
float closestFraction(const std::vector<Vec3>& points, Vec3 p, float* distance = nullptr);

/// Samples a smooth curve through the waypoints (centripetal Catmull-Rom, radii interpolated
/// linearly) with consecutive samples at most `maxStep` cm apart. First and last samples are
/// the first and last waypoints exactly. Needs points.size() == radii.size() >= 2.
/// `before`/`after` (optional) are phantom points beyond the ends: a vessel that continues
/// into another passes that vessel's next point so the curve leaves the joint along the same
/// tangent (no kink where two tubes meet).
std::vector<CenterlineSample> sampleCenterline(const std::vector<Vec3>& points, const std::vector<float>& radii,
                                               float maxStep, const Vec3* before = nullptr,
                                               const Vec3* after = nullptr);

}  // namespace venaviz
