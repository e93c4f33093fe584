// Tube meshes: radius, unit normals, closed surface, outward winding, parallel-transport frames.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "anatomy/tube_mesh.h"

namespace venaviz {
namespace {

struct Case {
  std::string name;
  std::vector<CenterlineSample> samples;
  float radius;
};

Case straightTube() {
  const float r = 0.8f;
  return {"straight", sampleCenterline({{1.0f, 2.0f, 0.0f}, {1.0f, 2.0f, 10.0f}}, {r, r}, 0.6f), r};
}

// Quarter circle of radius 10 cm in the x-z plane, waypoints every 10 degrees.
Case curvedTube() {
  const float r = 1.0f;
  std::vector<Vec3> pts;
  for (int i = 0; i <= 9; ++i) {
    const float a = 0.5f * kPi * static_cast<float>(i) / 9.0f;
    pts.push_back({10.0f * std::cos(a), 0.0f, 10.0f * std::sin(a)});
  }
  return {"curved", sampleCenterline(pts, std::vector<float>(pts.size(), r), 0.6f), r};
}

// A 3D curve (helix), to exercise the frames off a plane.
Case helixTube() {
  const float r = 0.5f;
  std::vector<Vec3> pts;
  for (int i = 0; i <= 24; ++i) {
    const float a = 2.0f * kPi * static_cast<float>(i) / 12.0f;
    pts.push_back({6.0f * std::cos(a), 6.0f * std::sin(a), 1.5f * static_cast<float>(i)});
  }
  return {"helix", sampleCenterline(pts, std::vector<float>(pts.size(), r), 0.6f), r};
}

std::vector<Case> allCases() {
  return {straightTube(), curvedTube(), helixTube()};
}

Mesh buildTube(const Case& c, const TubeMeshOptions& o, int vesselIndex = 0) {
  Mesh m;
  appendTube(m, c.samples, vesselIndex, o);
  return m;
}

Vec3 tangent(const std::vector<CenterlineSample>& s, std::size_t i) {
  const std::size_t a = i > 0 ? i - 1 : 0, b = std::min(i + 1, s.size() - 1);
  return glm::normalize(s[b].position - s[a].position);
}

/// Maps each vertex to a welded id: vertices closer than `eps` share one id.
std::vector<std::uint32_t> weld(const Mesh& m, float eps) {
  std::vector<std::uint32_t> id(m.vertices.size());
  std::vector<Vec3> unique;
  // Hash on a coarse grid (cell = 10 eps) and look at neighbouring cells, so rounding never
  // splits two coincident vertices.
  const float cell = eps * 10.0f;
  std::map<std::array<long, 3>, std::vector<std::uint32_t>> grid;
  auto key = [&](Vec3 p) {
    return std::array<long, 3>{std::lround(p.x / cell), std::lround(p.y / cell), std::lround(p.z / cell)};
  };
  for (std::size_t i = 0; i < m.vertices.size(); ++i) {
    const Vec3 p = m.vertices[i].position;
    const auto k = key(p);
    std::uint32_t found = std::numeric_limits<std::uint32_t>::max();
    for (long dx = -1; dx <= 1 && found == std::numeric_limits<std::uint32_t>::max(); ++dx)
      for (long dy = -1; dy <= 1; ++dy)
        for (long dz = -1; dz <= 1; ++dz) {
          auto it = grid.find({k[0] + dx, k[1] + dy, k[2] + dz});
          if (it == grid.end()) continue;
          for (std::uint32_t u : it->second)
            if (glm::distance(unique[u], p) < eps) found = u;
        }
    if (found == std::numeric_limits<std::uint32_t>::max()) {
      found = static_cast<std::uint32_t>(unique.size());
      unique.push_back(p);
      grid[k].push_back(found);
    }
    id[i] = found;
  }
  return id;
}

TEST(TubeMesh, VertexAndIndexCounts) {
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    const auto sides = static_cast<std::size_t>(tubeSides(c.radius, o));
    const std::size_t rings = c.samples.size() + 2 * static_cast<std::size_t>(o.capRings);
    EXPECT_EQ(m.vertices.size(), rings * (sides + 1)) << c.name;
    EXPECT_EQ(m.indices.size(), (rings - 1) * sides * 6) << c.name;
    for (std::uint32_t i : m.indices) ASSERT_LT(i, m.vertices.size()) << c.name;
  }
}

TEST(TubeMesh, BodyVerticesLieAtTheRadius) {
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    const auto ring = static_cast<std::size_t>(tubeSides(c.radius, o) + 1);
    const std::size_t first = static_cast<std::size_t>(o.capRings) * ring;
    const std::size_t last = first + c.samples.size() * ring;
    ASSERT_LE(last, m.vertices.size());
    for (std::size_t v = first; v < last; ++v) {
      const Vec3 p = m.vertices[v].position;
      float nearest = std::numeric_limits<float>::max();
      for (const auto& s : c.samples) nearest = std::min(nearest, glm::distance(p, s.position));
      EXPECT_NEAR(nearest, c.radius, 1e-3f * c.radius) << c.name << " vertex " << v;
      // The body ring of sample i is centred on sample i, in its normal plane.
      const std::size_t i = (v - first) / ring;
      EXPECT_NEAR(glm::distance(p, c.samples[i].position), c.radius, 1e-3f * c.radius);
      EXPECT_NEAR(glm::dot(p - c.samples[i].position, tangent(c.samples, i)), 0.0f, 1e-3f * c.radius);
      EXPECT_FLOAT_EQ(m.vertices[v].fraction, c.samples[i].fraction);
    }
  }
}

TEST(TubeMesh, NoVertexIsOutsideTheTube) {
  // Caps are hemispheres: every vertex is within the radius of some sample (plus round-off).
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    for (const MeshVertex& v : m.vertices) {
      float nearest = std::numeric_limits<float>::max();
      for (const auto& s : c.samples) nearest = std::min(nearest, glm::distance(v.position, s.position));
      EXPECT_LE(nearest, c.radius * 1.001f) << c.name;
    }
    // The poles sit one radius beyond the end points along the end tangents.
    const Vec3 startPole = c.samples.front().position - tangent(c.samples, 0) * c.radius;
    const Vec3 endPole = c.samples.back().position + tangent(c.samples, c.samples.size() - 1) * c.radius;
    EXPECT_LT(glm::distance(m.vertices.front().position, startPole), 1e-4f) << c.name;
    EXPECT_LT(glm::distance(m.vertices.back().position, endPole), 1e-4f) << c.name;
  }
}

TEST(TubeMesh, NormalsAreUnitAndPointOutward) {
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    const auto ring = static_cast<std::size_t>(tubeSides(c.radius, o) + 1);
    const std::size_t first = static_cast<std::size_t>(o.capRings) * ring;
    for (std::size_t v = 0; v < m.vertices.size(); ++v) {
      EXPECT_NEAR(glm::length(m.vertices[v].normal), 1.0f, 1e-4f) << c.name << " vertex " << v;
      if (v >= first && v < first + c.samples.size() * ring) {
        const std::size_t i = (v - first) / ring;
        const Vec3 radial = glm::normalize(m.vertices[v].position - c.samples[i].position);
        EXPECT_GT(glm::dot(radial, m.vertices[v].normal), 0.9999f) << c.name << " vertex " << v;
      }
    }
  }
}

TEST(TubeMesh, MeshIsClosed) {
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    const auto id = weld(m, 1e-4f * c.radius);
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    std::size_t triangles = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const std::uint32_t a = id[m.indices[t]], b = id[m.indices[t + 1]], d = id[m.indices[t + 2]];
      if (a == b || b == d || a == d) continue;  // collapsed at a pole: no area
      ++triangles;
      for (auto [u, v] : {std::pair{a, b}, std::pair{b, d}, std::pair{d, a}}) ++edges[{std::min(u, v), std::max(u, v)}];
    }
    ASSERT_GT(triangles, 0u);
    int bad = 0;
    for (const auto& [edge, count] : edges)
      if (count != 2) ++bad;
    EXPECT_EQ(bad, 0) << c.name << ": edges not shared by exactly two triangles";
    // A closed genus-0 surface: V - E + F = 2.
    std::uint32_t vertexCount = 0;
    for (std::uint32_t x : id) vertexCount = std::max(vertexCount, x + 1);
    const long euler = static_cast<long>(vertexCount) - static_cast<long>(edges.size()) + static_cast<long>(triangles);
    EXPECT_EQ(euler, 2) << c.name;
  }
}

TEST(TubeMesh, TrianglesWindOutward) {
  const TubeMeshOptions o;
  for (const Case& c : allCases()) {
    const Mesh m = buildTube(c, o);
    int checked = 0, inward = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const MeshVertex& a = m.vertices[m.indices[t]];
      const MeshVertex& b = m.vertices[m.indices[t + 1]];
      const MeshVertex& d = m.vertices[m.indices[t + 2]];
      const Vec3 geometric = glm::cross(b.position - a.position, d.position - a.position);
      // Skip the triangles collapsed at a pole (two vertices at the same point).
      const float tiny = 1e-5f * c.radius;
      if (glm::distance(a.position, b.position) < tiny || glm::distance(b.position, d.position) < tiny ||
          glm::distance(a.position, d.position) < tiny)
        continue;
      const Vec3 average = a.normal + b.normal + d.normal;
      ++checked;
      if (glm::dot(geometric, average) <= 0.0f) ++inward;
    }
    EXPECT_GT(checked, 100) << c.name;
    EXPECT_EQ(inward, 0) << c.name;
  }
}

TEST(TubeMesh, TransportFramesArePerpendicularUnitAndDoNotFlip) {
  for (const Case& c : allCases()) {
    const auto n = transportFrames(c.samples);
    ASSERT_EQ(n.size(), c.samples.size());
    for (std::size_t i = 0; i < n.size(); ++i) {
      EXPECT_NEAR(glm::length(n[i]), 1.0f, 1e-5f) << c.name << " " << i;
      EXPECT_NEAR(glm::dot(n[i], tangent(c.samples, i)), 0.0f, 1e-4f) << c.name << " " << i;
      if (i > 0) {
        EXPECT_GT(glm::dot(n[i], n[i - 1]), 0.9f) << c.name << " " << i;
      }
    }
  }
}

TEST(TubeMesh, TransportFramesOnStraightLineAreConstant) {
  const auto s = straightTube().samples;
  const auto n = transportFrames(s);
  for (std::size_t i = 1; i < n.size(); ++i) EXPECT_GT(glm::dot(n[i], n[0]), 0.99999f) << i;
}

TEST(TubeMesh, TransportFramesMinimizeTwistOnPlanarCurve) {
  // On a planar curve a rotation-minimizing frame that starts in-plane or out-of-plane stays so:
  // for the quarter circle in the x-z plane, the binormal direction is +-y, so each normal is
  // either in the plane (y = 0) or along y throughout.
  const auto s = curvedTube().samples;
  const auto n = transportFrames(s);
  const bool outOfPlane = std::abs(n[0].y) > 0.5f;
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (outOfPlane) {
      EXPECT_GT(std::abs(n[i].y), 0.999f) << i;
    } else {
      EXPECT_LT(std::abs(n[i].y), 1e-3f) << i;
    }
  }
}

TEST(TubeMesh, TubeSidesGrowWithRadiusWithinBounds) {
  TubeMeshOptions o;
  o.minSides = 10;
  o.maxSides = 28;
  int previous = 0;
  for (float r = 0.0f; r <= 5.0f; r += 0.05f) {
    const int sides = tubeSides(r, o);
    EXPECT_GE(sides, o.minSides) << r;
    EXPECT_LE(sides, o.maxSides) << r;
    EXPECT_GE(sides, previous) << r;
    previous = sides;
  }
  EXPECT_EQ(tubeSides(0.0f, o), o.minSides);
  EXPECT_EQ(tubeSides(10.0f, o), o.maxSides);
  EXPECT_LT(tubeSides(0.1f, TubeMeshOptions{}), tubeSides(0.6f, TubeMeshOptions{}));
  EXPECT_EQ(tubeSides(2.0f, TubeMeshOptions{}), TubeMeshOptions{}.maxSides);
}

TEST(TubeMesh, TooFewSamplesAppendNothing) {
  Mesh m;
  appendTube(m, {}, 0, TubeMeshOptions{});
  appendTube(m, {{Vec3(0.0f), 1.0f, 0.0f}}, 0, TubeMeshOptions{});
  EXPECT_TRUE(m.vertices.empty());
  EXPECT_TRUE(m.indices.empty());
}

TEST(TubeMesh, AppendKeepsEarlierGeometryAndOffsetsIndices) {
  const TubeMeshOptions o;
  Mesh m;
  appendTube(m, straightTube().samples, 0, o);
  const std::size_t firstVertices = m.vertices.size(), firstIndices = m.indices.size();
  appendTube(m, curvedTube().samples, 1, o);
  ASSERT_GT(m.indices.size(), firstIndices);
  for (std::size_t i = firstIndices; i < m.indices.size(); ++i) {
    EXPECT_GE(m.indices[i], firstVertices);
    EXPECT_EQ(m.vertices[m.indices[i]].vessel, 1.0f);
  }
}

TEST(TubeMesh, BuildVesselMeshTagsVerticesWithVesselIndex) {
  Anatomy anatomy;
  for (int i = 0; i < 3; ++i) {
    Vessel v;
    v.id = "vessel_" + std::to_string(i);
    const float x = 20.0f * static_cast<float>(i);
    v.points = {{x, 0.0f, 0.0f}, {x, 0.0f, 5.0f}, {x + 1.0f, 0.0f, 12.0f}};
    v.radii = {0.3f + 0.1f * static_cast<float>(i), 0.3f, 0.2f};
    anatomy.vessels.push_back(v);
  }
  const TubeMeshOptions o;
  const Mesh m = buildVesselMesh(anatomy, o);
  std::array<std::size_t, 3> counts{};
  for (const MeshVertex& v : m.vertices) {
    const int index = static_cast<int>(v.vessel);
    ASSERT_EQ(static_cast<float>(index), v.vessel);  // an exact small integer
    ASSERT_GE(index, 0);
    ASSERT_LT(index, 3);
    ++counts[static_cast<std::size_t>(index)];
    // Each vertex is near its own vessel (vessels are 20 cm apart along x).
    EXPECT_NEAR(v.position.x, 20.0f * static_cast<float>(index), 2.0f);
    EXPECT_GE(v.fraction, 0.0f);
    EXPECT_LE(v.fraction, 1.0f);
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const Vessel& v = anatomy.vessels[i];
    const auto samples = sampleCenterline(v.points, v.radii, o.maxStep);
    const float maxR = *std::max_element(v.radii.begin(), v.radii.end());
    const std::size_t expected =
        (samples.size() + 2 * static_cast<std::size_t>(o.capRings)) * static_cast<std::size_t>(tubeSides(maxR, o) + 1);
    EXPECT_EQ(counts[i], expected) << i;
  }
  // Triangles never mix vessels.
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    EXPECT_EQ(m.vertices[m.indices[t]].vessel, m.vertices[m.indices[t + 1]].vessel);
    EXPECT_EQ(m.vertices[m.indices[t]].vessel, m.vertices[m.indices[t + 2]].vessel);
  }
}

}  // namespace
}  // namespace venaviz

// --- joins between vessels ----------------------------------------------------------------
namespace {
venaviz::Vessel makeVein(const std::string& id, const std::string& into, float at, std::vector<venaviz::Vec3> pts,
                         float r) {
  venaviz::Vessel v;
  v.id = id;
  v.system = venaviz::VesselSystem::Deep;
  v.drainsInto = into;
  v.drainsAt = at;
  v.points = std::move(pts);
  v.radii.assign(v.points.size(), r);
  return v;
}
}  // namespace

TEST(TubeJoins, ContinuationSharesItsRingWithoutCaps) {
  using namespace venaviz;
  Anatomy a;
  a.vessels.push_back(makeVein("lower_vein", "upper_vein", 0.0f, {{0, 0, 0}, {0, 0, 5}, {0.5f, 0, 10}}, 0.5f));
  a.vessels.push_back(
      makeVein("upper_vein", "right_atrium", 0.0f, {{0.5f, 0, 10}, {1.5f, 0, 15}, {1.5f, 0, 20}}, 0.5f));
  const TubeJoins j = findTubeJoins(a);
  EXPECT_EQ(j.next[0], 1);
  EXPECT_EQ(j.prev[1], 0);
  EXPECT_EQ(j.next[1], -1);
  const Mesh m = buildVesselMesh(a);
  // Every vertex of the lower tube lying in the joint plane has a twin in the upper tube.
  int shared = 0;
  for (const auto& v0 : m.vertices) {
    if (v0.vessel != 0.0f || std::abs(v0.fraction - 1.0f) > 1e-6f) continue;
    for (const auto& v1 : m.vertices)
      if (v1.vessel == 1.0f && v1.fraction == 0.0f && glm::distance(v0.position, v1.position) < 1e-4f) {
        ++shared;
        break;
      }
  }
  const int sides = tubeSides(0.5f, TubeMeshOptions{});
  EXPECT_EQ(shared, sides + 1);  // the whole ring, seam vertex included: no crack, no caps
  // No vertex of either tube pokes past the joint plane (a cap would).
  for (const auto& v : m.vertices)
    if (v.vessel == 0.0f) {
      EXPECT_LT(v.position.z, 10.0f + 0.51f);
    }
}

TEST(TubeJoins, SharpTurnsAndCalibreJumpsStayCapped) {
  using namespace venaviz;
  Anatomy a;
  a.vessels.push_back(makeVein("small_vein", "big_vein", 0.0f, {{0, 0, 0}, {0, 0, 10}}, 0.1f));
  a.vessels.push_back(makeVein("big_vein", "right_atrium", 0.0f, {{0, 0, 10}, {0, 0, 20}}, 0.8f));
  a.vessels.push_back(makeVein("turning_vein", "right_atrium", 0.0f, {{0, 0, 20}, {10, 0, 20}}, 0.8f));
  const TubeJoins j = findTubeJoins(a);
  EXPECT_EQ(j.next[0], -1);  // 8x calibre jump: a tributary, not a continuation
  EXPECT_EQ(j.next[1], -1);  // 90 degree turn
}

TEST(TubeJoins, TributaryStoppingOutsideItsParentIsExtendedIntoTheLumen) {
  using namespace venaviz;
  Anatomy a;
  a.vessels.push_back(makeVein("trunk_vein", "right_atrium", 0.0f, {{0, 0, 0}, {0, 0, 20}}, 0.5f));
  a.vessels.push_back(makeVein("side_vein", "trunk_vein", 0.5f, {{5, 0, 10}, {1.2f, 0, 10}}, 0.2f));
  const TubeJoins j = findTubeJoins(a);
  std::vector<Vec3> pts;
  std::vector<float> radii;
  tubeCenterline(a, 1, j, pts, radii);
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_NEAR(glm::distance(pts.back(), Vec3(0, 0, 10)), 0.0f, 1e-4f);
  EXPECT_LE(radii.back(), 0.2f);
  // One that already ends inside is left alone.
  a.vessels[1].points.back() = {0.2f, 0, 10};
  tubeCenterline(a, 1, j, pts, radii);
  EXPECT_EQ(pts.size(), 2u);
}
