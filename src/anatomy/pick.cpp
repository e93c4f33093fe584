#include "anatomy/pick.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace venaviz {

namespace {
float raySphere(Vec3 o, Vec3 d, Vec3 c, float r) {
  const Vec3 oc = o - c;
  const float b = glm::dot(oc, d), cc = glm::dot(oc, oc) - r * r;
  const float h = b * b - cc;
  if (h < 0.0f) return -1.0f;
  const float t = -b - std::sqrt(h);
  return t >= 0.0f ? t : (cc <= 0.0f ? 0.0f : -1.0f);
}
bool rayBox(Vec3 o, Vec3 d, Vec3 lo, Vec3 hi) {
  float t0 = 0.0f, t1 = std::numeric_limits<float>::max();
  for (int k = 0; k < 3; ++k) {
    const float inv = 1.0f / (std::abs(d[k]) > 1e-12f ? d[k] : 1e-12f);
    float a = (lo[k] - o[k]) * inv, b = (hi[k] - o[k]) * inv;
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
    if (t0 > t1) return false;
  }
  return true;
}
}  // namespace

float rayCapsule(Vec3 o, Vec3 d, Vec3 a, Vec3 b, float r) {
  // Standard ray-capsule test: the infinite cylinder clipped to the segment, then the end spheres.
  const Vec3 ba = b - a, oa = o - a;
  const float baba = glm::dot(ba, ba), bard = glm::dot(ba, d), baoa = glm::dot(ba, oa), rdoa = glm::dot(d, oa),
              oaoa = glm::dot(oa, oa);
  const float qa = baba - bard * bard, qb = baba * rdoa - baoa * bard, qc = baba * oaoa - baoa * baoa - r * r * baba;
  if (qa > 1e-12f) {
    const float h = qb * qb - qa * qc;
    if (h >= 0.0f) {
      const float t = (-qb - std::sqrt(h)) / qa;
      const float y = baoa + t * bard;
      if (t >= 0.0f && y > 0.0f && y < baba) return t;
    }
  }
  float best = -1.0f;
  for (const Vec3 c : {a, b}) {
    const float t = raySphere(o, d, c, r);
    if (t >= 0.0f && (best < 0.0f || t < best)) best = t;
  }
  return best;
}

VesselPicker::VesselPicker(const Anatomy& anatomy, float step) {
  for (const Vessel& v : anatomy.vessels) {
    samples_.push_back(sampleCenterline(v.points, v.radii, step));
    Vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const auto& s : samples_.back()) {
      lo = glm::min(lo, s.position - Vec3(s.radius));
      hi = glm::max(hi, s.position + Vec3(s.radius));
    }
    boundsLo_.push_back(lo);
    boundsHi_.push_back(hi);
  }
}

std::optional<PickHit> VesselPicker::pick(Vec3 origin, Vec3 dir, const std::vector<bool>& visible) const {
  std::optional<PickHit> best;
  for (std::size_t i = 0; i < samples_.size(); ++i) {
    if (!visible.empty() && !visible[i]) continue;
    if (!rayBox(origin, dir, boundsLo_[i], boundsHi_[i])) continue;
    const auto& s = samples_[i];
    for (std::size_t k = 1; k < s.size(); ++k) {
      const float r = std::max(s[k - 1].radius, s[k].radius);
      const float t = rayCapsule(origin, dir, s[k - 1].position, s[k].position, r);
      if (t < 0.0f || (best && t >= best->distance)) continue;
      const Vec3 p = origin + dir * t;
      const Vec3 seg = s[k].position - s[k - 1].position;
      const float len2 = glm::dot(seg, seg);
      const float u = len2 > 0.0f ? std::clamp(glm::dot(p - s[k - 1].position, seg) / len2, 0.0f, 1.0f) : 0.0f;
      best = PickHit{static_cast<int>(i), glm::mix(s[k - 1].fraction, s[k].fraction, u), t, p};
    }
  }
  return best;
}

}  // namespace venaviz
