#pragma once
// Picking on the CPU: a ray against each vessel's tube (capsules along its sampled
// centerline). No GL needed, so it is exact, cheap for a few hundred vessels, and testable.
#include <optional>
#include <vector>

#include "anatomy/anatomy.h"
#include "anatomy/centerline.h"

namespace venaviz {

struct PickHit {
  int vessel = -1;        ///< index in anatomy.vessels
  float fraction = 0.0f;  ///< arc-length fraction of the hit along the vessel
  float distance = 0.0f;  ///< along the ray, cm
  Vec3 point{0.0f};       ///< hit point on the tube surface
};

/// Sampled centerlines of all vessels, kept between picks.
class VesselPicker {
 public:
  explicit VesselPicker(const Anatomy& anatomy, float step = 1.0f);
  /// Nearest tube hit by the ray (origin, unit direction); vessels with visible[i] == false
  /// are skipped (empty `visible` = all visible).
  std::optional<PickHit> pick(Vec3 origin, Vec3 direction, const std::vector<bool>& visible = {}) const;

 private:
  std::vector<std::vector<CenterlineSample>> samples_;
  std::vector<Vec3> boundsLo_, boundsHi_;
};

/// Distance along a ray to a capsule (segment a-b, radius r), or a negative value on a miss.
float rayCapsule(Vec3 origin, Vec3 dir, Vec3 a, Vec3 b, float r);

}  // namespace venaviz
