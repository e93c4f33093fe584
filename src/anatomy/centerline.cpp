#include "anatomy/centerline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace venaviz {

float polylineLength(const std::vector<Vec3>& points) {
  float len = 0.0f;
  for (std::size_t i = 1; i < points.size(); ++i) len += glm::distance(points[i - 1], points[i]);
  return len;
}

float polylineValue(const std::vector<Vec3>& points, const std::vector<float>& values, float fraction) {
  if (values.empty()) return 0.0f;
  const float arc = std::clamp(fraction, 0.0f, 1.0f) * polylineLength(points);
  float acc = 0.0f;
  for (std::size_t i = 1; i < points.size() && i < values.size(); ++i) {
    const float seg = glm::distance(points[i - 1], points[i]);
    if (arc <= acc + seg) return glm::mix(values[i - 1], values[i], seg > 0.0f ? (arc - acc) / seg : 0.0f);
    acc += seg;
  }
  return values.back();
}

Vec3 polylinePoint(const std::vector<Vec3>& points, float fraction) {
  if (points.empty()) return Vec3(0.0f);
  const float total = polylineLength(points);
  float goal = std::clamp(fraction, 0.0f, 1.0f) * total;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const float seg = glm::distance(points[i - 1], points[i]);
    if (goal <= seg && seg > 0.0f) return glm::mix(points[i - 1], points[i], goal / seg);
    goal -= seg;
  }
  return points.back();
}

float closestFraction(const std::vector<Vec3>& points, Vec3 p, float* distance) {
  const float total = polylineLength(points);
  float best = std::numeric_limits<float>::max(), bestArc = 0.0f, arc = 0.0f;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const Vec3 a = points[i - 1], b = points[i];
    const float seg = glm::distance(a, b);
    float t = 0.0f;
    if (seg > 0.0f) t = std::clamp(glm::dot(p - a, b - a) / (seg * seg), 0.0f, 1.0f);
    const float d = glm::distance(p, glm::mix(a, b, t));
    if (d < best) {
      best = d;
      bestArc = arc + t * seg;
    }
    arc += seg;
  }
  if (points.size() == 1) best = glm::distance(p, points[0]);
  if (distance) *distance = best;
  return total > 0.0f ? bestArc / total : 0.0f;
}

namespace {
// Centripetal Catmull-Rom (alpha = 0.5) segment between p1 and p2 (Barry-Goldman form).
Vec3 catmullRom(Vec3 p0, Vec3 p1, Vec3 p2, Vec3 p3, float u) {
  auto knot = [](Vec3 a, Vec3 b) { return std::max(std::sqrt(glm::distance(a, b)), 1e-4f); };
  const float t0 = 0.0f, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
  const float t = t1 + (t2 - t1) * u;
  const Vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
  const Vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
  const Vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
  const Vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
  const Vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
  return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
}
}  // namespace

std::vector<CenterlineSample> sampleCenterline(const std::vector<Vec3>& points, const std::vector<float>& radii,
                                               float maxStep, const Vec3* before, const Vec3* after) {
  std::vector<CenterlineSample> out;
  const std::size_t n = std::min(points.size(), radii.size());
  if (n < 2) return out;
  maxStep = std::max(maxStep, 1e-3f);
  // Dense curve first, then fractions from its arc length.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Vec3 p1 = points[i], p2 = points[i + 1];
    const Vec3 p0 = i > 0 ? points[i - 1] : (before ? *before : p1 + (p1 - p2));
    const Vec3 p3 = i + 2 < n ? points[i + 2] : (after ? *after : p2 + (p2 - p1));
    const int steps = std::max(1, static_cast<int>(std::ceil(glm::distance(p1, p2) * 1.15f / maxStep)));
    for (int k = 0; k < steps; ++k) {
      const float u = static_cast<float>(k) / static_cast<float>(steps);
      out.push_back({k == 0 ? p1 : catmullRom(p0, p1, p2, p3, u), glm::mix(radii[i], radii[i + 1], u), 0.0f});
    }
  }
  out.push_back({points[n - 1], radii[n - 1], 1.0f});
  float total = 0.0f;
  std::vector<float> arc(out.size(), 0.0f);
  for (std::size_t i = 1; i < out.size(); ++i) arc[i] = total += glm::distance(out[i - 1].position, out[i].position);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].fraction = total > 0.0f ? arc[i] / total : 0.0f;
  return out;
}

}  // namespace venaviz
