#include "anatomy/tube_mesh.h"

#include <algorithm>
#include <cmath>

namespace venaviz {
Vec3 sampleTangent(const std::vector<CenterlineSample>& s, std::size_t i) {
  const std::size_t a = i > 0 ? i - 1 : 0, b = std::min(i + 1, s.size() - 1);
  const Vec3 d = s[b].position - s[a].position;
  const float len = glm::length(d);
  return len > 0.0f ? d / len : kSuperior;
}

namespace {
Vec3 anyPerpendicular(Vec3 t) {
  const Vec3 helper = std::abs(t.z) < 0.9f ? kSuperior : kPatientLeft;
  return glm::normalize(glm::cross(t, helper));
}
}  // namespace

int tubeSides(float r, const TubeMeshOptions& o) {
  const int sides = static_cast<int>(std::round(static_cast<float>(o.minSides) + r * 24.0f));
  return std::clamp(sides, o.minSides, o.maxSides);
}

std::vector<Vec3> transportFrames(const std::vector<CenterlineSample>& s, const std::vector<Vec3>* tangents,
                                  const Vec3* initialNormal) {
  std::vector<Vec3> normals(s.size());
  if (s.empty()) return normals;
  auto tangentAt = [&](const std::vector<CenterlineSample>& samples, std::size_t i) {
    return tangents ? (*tangents)[i] : sampleTangent(samples, i);
  };
  Vec3 t0 = tangentAt(s, 0);
  normals[0] = anyPerpendicular(t0);
  if (initialNormal) {
    const Vec3 n = *initialNormal - glm::dot(*initialNormal, t0) * t0;
    if (glm::length(n) > 1e-4f) normals[0] = glm::normalize(n);
  }
  // Double-reflection rotation-minimizing frames (Wang, Juttler, Zheng & Liu, ACM TOG 2008).
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const Vec3 t1 = tangentAt(s, i + 1);
    const Vec3 v1 = s[i + 1].position - s[i].position;
    const float c1 = glm::dot(v1, v1);
    if (c1 < 1e-12f) {
      normals[i + 1] = normals[i];
      t0 = t1;
      continue;
    }
    const Vec3 rL = normals[i] - (2.0f / c1) * glm::dot(v1, normals[i]) * v1;
    const Vec3 tL = t0 - (2.0f / c1) * glm::dot(v1, t0) * v1;
    const Vec3 v2 = t1 - tL;
    const float c2 = glm::dot(v2, v2);
    Vec3 r1 = c2 < 1e-12f ? rL : rL - (2.0f / c2) * glm::dot(v2, rL) * v2;
    r1 -= glm::dot(r1, t1) * t1;  // keep exactly perpendicular against round-off
    const float len = glm::length(r1);
    normals[i + 1] = len > 1e-6f ? r1 / len : anyPerpendicular(t1);
    t0 = t1;
  }
  return normals;
}

Vec3 appendTube(Mesh& mesh, const std::vector<CenterlineSample>& s, int vesselIndex, const TubeMeshOptions& o,
                const TubeEnds& ends) {
  if (s.size() < 2) return kPatientLeft;
  float maxR = 0.0f;
  for (const auto& c : s) maxR = std::max(maxR, c.radius);
  const int sides = tubeSides(maxR, o);
  std::vector<Vec3> tangents(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) tangents[i] = sampleTangent(s, i);
  if (ends.startTangent) tangents.front() = *ends.startTangent;
  if (ends.endTangent) tangents.back() = *ends.endTangent;
  auto tangentAt = [&](const std::vector<CenterlineSample>&, std::size_t i) { return tangents[i]; };
  const auto normals = transportFrames(s, &tangents, ends.startNormal);
  const bool capStart = ends.capStart, capEnd = ends.capEnd;
  const float vessel = static_cast<float>(vesselIndex);
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  const auto ring = static_cast<std::uint32_t>(sides + 1);  // seam vertex duplicated
  std::uint32_t rings = 0;

  auto addRing = [&](Vec3 center, Vec3 n, Vec3 b, Vec3 axis, float radius, float axial, float frac, float wallRadius) {
    // axial: sin of the cap angle (normal tilts along +-axis on caps), 0 on the body.
    const float radial = std::sqrt(std::max(0.0f, 1.0f - axial * axial));
    for (int k = 0; k <= sides; ++k) {
      const float a = 2.0f * kPi * static_cast<float>(k) / static_cast<float>(sides);
      const Vec3 dir = std::cos(a) * n + std::sin(a) * b;
      mesh.vertices.push_back(
          {center + dir * radius, glm::normalize(dir * radial + axis * axial), vessel, frac, Vec3(0.0f), wallRadius});
    }
    ++rings;
  };

  const int capRings = std::max(o.capRings, 1);
  // Start cap: from the pole (behind the first point) to the first body ring.
  if (capStart) {
    const Vec3 t = tangentAt(s, 0), n = normals[0], b = glm::cross(t, n);
    const float r = s[0].radius;
    for (int k = 0; k < capRings; ++k) {
      const float theta = 0.5f * kPi * (1.0f - static_cast<float>(k) / static_cast<float>(capRings));
      addRing(s[0].position - t * (r * std::sin(theta)), n, b, -t, r * std::cos(theta), std::sin(theta), 0.0f, r);
    }
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const Vec3 t = tangentAt(s, i), n = normals[i], b = glm::cross(t, n);
    addRing(s[i].position, n, b, t, s[i].radius, 0.0f, s[i].fraction, s[i].radius);
  }
  if (capEnd) {
    const Vec3 t = tangentAt(s, s.size() - 1), n = normals.back(), b = glm::cross(t, n);
    const float r = s.back().radius;
    for (int k = 1; k <= capRings; ++k) {
      const float theta = 0.5f * kPi * static_cast<float>(k) / static_cast<float>(capRings);
      addRing(s.back().position + t * (r * std::sin(theta)), n, b, t, r * std::cos(theta), std::sin(theta), 1.0f, r);
    }
  }
  // Quads between consecutive rings; (n, b, t) is right-handed so this winding faces outward.
  for (std::uint32_t r = 0; r + 1 < rings; ++r) {
    for (std::uint32_t k = 0; k < static_cast<std::uint32_t>(sides); ++k) {
      const std::uint32_t a = base + r * ring + k, bb = a + 1, c = a + ring, d = c + 1;
      mesh.indices.insert(mesh.indices.end(), {a, bb, d, a, d, c});
    }
  }
  return normals.back();
}

TubeJoins findTubeJoins(const Anatomy& a) {
  const std::size_t n = a.vessels.size();
  TubeJoins j{std::vector<int>(n, -1), std::vector<int>(n, -1)};
  constexpr float kTouch = 0.35f;    // cm: an end this close to a start is the same point
  constexpr float kMaxTurn = 0.5f;   // cos of the largest angle a continuation may turn (60 deg)
  constexpr float kMaxStep = 1.45f;  // largest radius ratio across a continuation
  auto endDir = [](const Vessel& v) { return glm::normalize(v.points.back() - v.points[v.points.size() - 2]); };
  auto startDir = [](const Vessel& v) { return glm::normalize(v.points[1] - v.points[0]); };
  // Best successor of each end: the largest vessel starting there, same kind, gentle turn.
  std::vector<int> best(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const Vessel& A = a.vessels[i];
    for (std::size_t k = 0; k < n; ++k) {
      const Vessel& B = a.vessels[k];
      if (k == i || A.isArtery() != B.isArtery()) continue;
      if (glm::distance(A.points.back(), B.points.front()) > kTouch) continue;
      if (glm::dot(endDir(A), startDir(B)) < kMaxTurn) continue;
      const float ra = A.radii.back(), rb = B.radii.front();
      if (std::max(ra, rb) > kMaxStep * std::min(ra, rb)) continue;
      if (best[i] < 0 || rb > a.vessels[static_cast<std::size_t>(best[i])].radii.front()) best[i] = static_cast<int>(k);
    }
  }
  // A start takes the largest of the ends that chose it (others stay tributaries).
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] < 0) continue;
    const auto k = static_cast<std::size_t>(best[i]);
    const int cur = j.prev[k];
    if (cur < 0 || a.vessels[i].radii.back() > a.vessels[static_cast<std::size_t>(cur)].radii.back()) {
      if (cur >= 0) j.next[static_cast<std::size_t>(cur)] = -1;
      j.prev[k] = static_cast<int>(i);
      j.next[i] = static_cast<int>(k);
    }
  }
  return j;
}

void tubeCenterline(const Anatomy& a, std::size_t i, const TubeJoins& joins, std::vector<Vec3>& points,
                    std::vector<float>& radii) {
  const Vessel& v = a.vessels[i];
  points = v.points;
  radii = v.radii;
  if (joins.next[i] >= 0 || v.isArtery()) return;
  const Vessel* parent = a.findVessel(v.drainsInto);
  if (!parent) return;
  // A tributary whose end stops outside the parent's wall would show a loose cap: run it on
  // to the parent's centerline so the cap sits inside the parent's lumen.
  const Vec3 target = polylinePoint(parent->points, v.drainsAt);
  float gap = 0.0f;
  const float f = closestFraction(parent->points, v.points.back(), &gap);
  (void)f;
  const float parentRadius = *std::min_element(parent->radii.begin(), parent->radii.end());
  const float d = glm::distance(v.points.back(), target);
  if (gap > 0.6f * parentRadius && d < 3.0f && d > 1e-3f) {
    points.push_back(target);
    radii.push_back(std::min(v.radii.back(), 0.8f * parentRadius));
  }
}

TubeLayout layoutTubes(const Anatomy& anatomy, const TubeMeshOptions& options) {
  const std::size_t n = anatomy.vessels.size();
  TubeLayout layout{findTubeJoins(anatomy), std::vector<std::vector<CenterlineSample>>(n),
                    std::vector<Vec3>(n, Vec3(0.0f))};
  const TubeJoins& joins = layout.joins;
  auto at = [](int i) { return static_cast<std::size_t>(i); };
  // 1. Sample every centerline (continuations borrow their neighbour's next point as tangent guide).
  std::vector<Vec3> points;
  std::vector<float> radii;
  for (std::size_t i = 0; i < n; ++i) {
    tubeCenterline(anatomy, i, joins, points, radii);
    const Vec3* before = nullptr;
    const Vec3* after = nullptr;
    if (joins.prev[i] >= 0) {
      const auto& pp = anatomy.vessels[at(joins.prev[i])].points;
      before = &pp[pp.size() - 2];
      points.front() = pp.back();  // start exactly where the predecessor ends
    }
    if (joins.next[i] >= 0) after = &anatomy.vessels[at(joins.next[i])].points[1];
    layout.samples[i] = sampleCenterline(points, radii, options.maxStep, before, after);
  }
  // 2. One tangent per joint, shared by both tubes.
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = layout.samples[i];
    if (joins.next[i] < 0 || s.empty() || layout.samples[at(joins.next[i])].empty()) continue;
    const Vec3 t = sampleTangent(s, s.size() - 1) + sampleTangent(layout.samples[at(joins.next[i])], 0);
    layout.jointTangent[i] = glm::length(t) > 1e-6f ? glm::normalize(t) : sampleTangent(s, s.size() - 1);
  }
  return layout;
}

Mesh buildVesselMesh(const Anatomy& anatomy, const TubeMeshOptions& options) {
  const std::size_t n = anatomy.vessels.size();
  const TubeLayout layout = layoutTubes(anatomy, options);
  const TubeJoins& joins = layout.joins;
  const auto& samples = layout.samples;
  const auto& jointTangent = layout.jointTangent;
  auto at = [](int i) { return static_cast<std::size_t>(i); };
  // 3. Build chains head first, so each continuation starts with its predecessor's last ring.
  Mesh mesh;
  std::vector<bool> done(n, false);
  auto build = [&](std::size_t i, const Vec3* startNormal) {
    TubeEnds ends;
    ends.capStart = joins.prev[i] < 0;
    ends.capEnd = joins.next[i] < 0;
    if (joins.prev[i] >= 0) ends.startTangent = &jointTangent[at(joins.prev[i])];
    if (joins.next[i] >= 0) ends.endTangent = &jointTangent[i];
    ends.startNormal = startNormal;
    done[i] = true;
    return appendTube(mesh, samples[i], static_cast<int>(i), options, ends);
  };
  for (std::size_t head = 0; head < n; ++head) {
    if (done[head] || joins.prev[head] >= 0) continue;
    Vec3 normal = build(head, nullptr);
    for (int k = joins.next[head]; k >= 0 && !done[at(k)]; k = joins.next[at(k)]) normal = build(at(k), &normal);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!done[i]) build(i, nullptr);  // a loop of continuations (malformed data): still draw it
  return mesh;
}

}  // namespace venaviz
