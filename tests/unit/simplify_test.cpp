// Mesh simplification (vertex clustering, one grid or nested levels): reaches a target, keeps
// the shape and the winding, never merges tags, leaves no degenerate triangles, same output
// for the same input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

#include "anatomy/simplify.h"

namespace venaviz {
namespace {

/// Latitude-longitude sphere with outward normals and counter-clockwise winding from outside.
Mesh sphere(Vec3 centre, float radius, int rings, int segments, float tag = 0.0f) {
  Mesh m;
  for (int i = 0; i <= rings; ++i) {
    const float theta = kPi * static_cast<float>(i) / static_cast<float>(rings);
    for (int j = 0; j <= segments; ++j) {
      const float phi = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
      const Vec3 n{std::sin(theta) * std::cos(phi), std::sin(theta) * std::sin(phi), std::cos(theta)};
      m.vertices.push_back({centre + radius * n, n, tag, 0.0f, Vec3(0.0f), 0.0f});
    }
  }
  const auto at = [&](int i, int j) { return static_cast<std::uint32_t>(i * (segments + 1) + j); };
  for (int i = 0; i < rings; ++i) {
    for (int j = 0; j < segments; ++j) {
      if (i > 0) m.indices.insert(m.indices.end(), {at(i, j), at(i + 1, j), at(i, j + 1)});
      if (i + 1 < rings) m.indices.insert(m.indices.end(), {at(i, j + 1), at(i + 1, j), at(i + 1, j + 1)});
    }
  }
  return m;
}

/// Open cylinder along z (outward normals).
Mesh cylinder(float radius, float length, int rings, int sides) {
  Mesh m;
  for (int i = 0; i <= rings; ++i) {
    for (int j = 0; j < sides; ++j) {
      const float a = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(sides);
      const Vec3 n{std::cos(a), std::sin(a), 0.0f};
      const float z = length * static_cast<float>(i) / static_cast<float>(rings);
      m.vertices.push_back({radius * n + Vec3(0.0f, 0.0f, z), n, 3.0f, 0.0f, Vec3(0.0f), 0.0f});
    }
  }
  for (int i = 0; i < rings; ++i) {
    for (int j = 0; j < sides; ++j) {
      const auto a = static_cast<std::uint32_t>(i * sides + j);
      const auto b = static_cast<std::uint32_t>(i * sides + (j + 1) % sides);
      m.indices.insert(m.indices.end(), {a, b, b + static_cast<std::uint32_t>(sides)});
      m.indices.insert(m.indices.end(),
                       {a, b + static_cast<std::uint32_t>(sides), a + static_cast<std::uint32_t>(sides)});
    }
  }
  return m;
}

/// Square grid in the z = 0 plane (normal +z), `n` cells a side of `size` cm.
Mesh plane(float size, int n) {
  Mesh m;
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j)
      m.vertices.push_back({Vec3(size * static_cast<float>(j) / static_cast<float>(n),
                                 size * static_cast<float>(i) / static_cast<float>(n), 0.0f),
                            kSuperior, 0.0f, 0.0f, Vec3(0.0f), 0.0f});
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const auto a = static_cast<std::uint32_t>(i * (n + 1) + j), b = a + 1, c = a + static_cast<std::uint32_t>(n + 1),
                 d = c + 1;
      m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
    }
  }
  return m;
}

void bounds(const Mesh& m, Vec3& lo, Vec3& hi) {
  lo = Vec3(std::numeric_limits<float>::max());
  hi = Vec3(std::numeric_limits<float>::lowest());
  for (const MeshVertex& v : m.vertices) {
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
  }
}

Vec3 faceNormal(const Mesh& m, std::size_t t) {
  const Vec3 a = m.vertices[m.indices[t]].position, b = m.vertices[m.indices[t + 1]].position,
             c = m.vertices[m.indices[t + 2]].position;
  return glm::cross(b - a, c - a);
}

/// Indices in range, three distinct vertices with area, unit normals.
void expectWellFormed(const Mesh& m) {
  ASSERT_EQ(m.indices.size() % 3, 0u);
  for (std::size_t t = 0; t < m.indices.size(); t += 3) {
    const std::uint32_t a = m.indices[t], b = m.indices[t + 1], c = m.indices[t + 2];
    ASSERT_LT(std::max({a, b, c}), m.vertices.size());
    EXPECT_TRUE(a != b && b != c && a != c) << "triangle " << t / 3;
    EXPECT_GT(glm::length(faceNormal(m, t)), 1e-8f) << "triangle " << t / 3;
  }
  for (const MeshVertex& v : m.vertices) EXPECT_NEAR(glm::length(v.normal), 1.0f, 1e-4f);
}

TEST(Simplify, ReachesATargetAndKeepsTheSphere) {
  const Vec3 centre{2.0f, -1.0f, 30.0f};
  const float r = 5.0f;
  const Mesh dense = sphere(centre, r, 120, 160);  // ~38k triangles
  ASSERT_GT(dense.indices.size() / 3, 30000u);
  float cell = 0.0f;
  SimplifyOptions one;
  one.levels = 1;
  const Mesh m = simplifyToTarget(dense, 2000, one, &cell);
  const std::size_t triangles = m.indices.size() / 3;
  EXPECT_LE(triangles, 2000u);
  EXPECT_GE(triangles, 1200u);  // the bisection gets close to the target, not far under it
  EXPECT_GT(cell, 0.0f);
  expectWellFormed(m);
  Vec3 lo, hi;
  bounds(m, lo, hi);
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(lo[k], centre[k] - r, cell) << k;
    EXPECT_NEAR(hi[k], centre[k] + r, cell) << k;
  }
  // Vertices stay on the sphere (within a cell), normals and winding point outwards.
  std::size_t outward = 0;
  for (const MeshVertex& v : m.vertices) {
    EXPECT_NEAR(glm::length(v.position - centre), r, cell);
    EXPECT_GT(glm::dot(v.normal, glm::normalize(v.position - centre)), 0.9f);
  }
  for (std::size_t t = 0; t < m.indices.size(); t += 3)
    outward += glm::dot(faceNormal(m, t), m.vertices[m.indices[t]].position - centre) > 0.0f ? 1 : 0;
  EXPECT_EQ(outward, triangles);
}

TEST(Simplify, MeshUnderTheTargetComesBackUnchanged) {
  const Mesh m = sphere(Vec3(0.0f), 1.0f, 8, 12);
  const Mesh s = simplifyToTarget(m, m.indices.size() / 3);
  EXPECT_EQ(s.indices, m.indices);
  EXPECT_EQ(s.vertices.size(), m.vertices.size());
}

TEST(Simplify, CylinderStaysWithinOneCell) {
  const float r = 1.5f, length = 20.0f;
  const Mesh dense = cylinder(r, length, 400, 64);  // 51k triangles, rings 0.05 cm apart
  SimplifyOptions o;
  o.cellSize = 0.5f;
  o.levels = 1;
  const Mesh m = simplifyMesh(dense, o);
  EXPECT_LT(m.indices.size() / 3, dense.indices.size() / 3 / 10);
  expectWellFormed(m);
  Vec3 lo, hi;
  bounds(m, lo, hi);
  EXPECT_NEAR(lo.z, 0.0f, o.cellSize);
  EXPECT_NEAR(hi.z, length, o.cellSize);
  EXPECT_NEAR(hi.x, r, o.cellSize);
  EXPECT_NEAR(lo.y, -r, o.cellSize);
  for (const MeshVertex& v : m.vertices) {
    EXPECT_NEAR(glm::length(Vec2(v.position.x, v.position.y)), r, 0.5f * o.cellSize);
    EXPECT_EQ(v.vessel, 3.0f);  // the tag is kept
  }
}

TEST(Simplify, NeverMergesDifferentTags) {
  // Two spheres in the same place, told apart only by their tags.
  Mesh m = sphere(Vec3(0.0f), 3.0f, 60, 80, 0.0f);
  const Mesh b = sphere(Vec3(0.0f), 3.0f, 60, 80, 1.0f);
  const auto base = static_cast<std::uint32_t>(m.vertices.size());
  m.vertices.insert(m.vertices.end(), b.vertices.begin(), b.vertices.end());
  for (std::uint32_t i : b.indices) m.indices.push_back(base + i);
  SimplifyOptions o;
  o.cellSize = 0.6f;
  o.levels = 1;
  const Mesh s = simplifyMesh(m, o);
  expectWellFormed(s);
  std::map<float, std::size_t> trianglesOfTag;
  for (std::size_t t = 0; t < s.indices.size(); t += 3) {
    const float tag = s.vertices[s.indices[t]].vessel;
    EXPECT_EQ(s.vertices[s.indices[t + 1]].vessel, tag);
    EXPECT_EQ(s.vertices[s.indices[t + 2]].vessel, tag);
    ++trianglesOfTag[tag];
  }
  ASSERT_EQ(trianglesOfTag.size(), 2u);
  EXPECT_EQ(trianglesOfTag[0.0f], trianglesOfTag[1.0f]);  // same shape, same result
}

TEST(Simplify, SameInputSameOutput) {
  const Mesh dense = sphere(Vec3(1.0f, 2.0f, 3.0f), 4.0f, 90, 120);
  const SimplifyOptions o;  // the defaults: five levels
  const Mesh a = simplifyMesh(dense, o), b = simplifyMesh(dense, o);
  ASSERT_EQ(a.vertices.size(), b.vertices.size());
  EXPECT_EQ(a.indices, b.indices);
  EXPECT_EQ(std::memcmp(a.vertices.data(), b.vertices.data(), a.vertices.size() * sizeof(MeshVertex)), 0);
}

TEST(Simplify, LevelsCollapseFlatPartsAndKeepTheSurface) {
  const Mesh dense = plane(20.0f, 200);  // 80k triangles, 0.1 cm apart
  SimplifyOptions one;
  one.cellSize = 0.25f;
  one.levels = 1;
  one.minNormalAgreement = 0.9f;
  SimplifyOptions four = one;
  four.levels = 4;  // up to 2 cm cells where they fit the plane
  const Mesh a = simplifyMesh(dense, one), b = simplifyMesh(dense, four);
  expectWellFormed(b);
  EXPECT_LT(b.indices.size() * 20, a.indices.size());
  for (const MeshVertex& v : b.vertices) EXPECT_NEAR(v.position.z, 0.0f, 1e-4f);
  Vec3 lo, hi;
  bounds(b, lo, hi);
  EXPECT_NEAR(lo.x, 0.0f, 2.0f);
  EXPECT_NEAR(hi.y, 20.0f, 2.0f);
  // A curved surface takes coarser cells only as far as they stay near it: vertices within
  // maxError of the sphere, triangle centres within twice that (chords).
  const float r = 0.8f;
  const Mesh ball = simplifyMesh(sphere(Vec3(0.0f), r, 60, 80), four);
  expectWellFormed(ball);
  for (const MeshVertex& v : ball.vertices) EXPECT_NEAR(glm::length(v.position), r, four.maxError);
  for (std::size_t t = 0; t < ball.indices.size(); t += 3) {
    const Vec3 c = (ball.vertices[ball.indices[t]].position + ball.vertices[ball.indices[t + 1]].position +
                    ball.vertices[ball.indices[t + 2]].position) /
                   3.0f;
    EXPECT_NEAR(glm::length(c), r, 2.0f * four.maxError);
  }
}

TEST(Simplify, ThinPlateKeepsBothSides) {
  // A closed 10 x 10 x 0.1 cm box: thinner than a cell, yet both faces keep their normals.
  Mesh top = plane(10.0f, 50), bottom = plane(10.0f, 50);
  for (MeshVertex& v : top.vertices) v.position.z = 0.1f;
  for (MeshVertex& v : bottom.vertices) v.normal = -kSuperior;
  for (std::size_t t = 0; t < bottom.indices.size(); t += 3) std::swap(bottom.indices[t + 1], bottom.indices[t + 2]);
  const auto base = static_cast<std::uint32_t>(top.vertices.size());
  top.vertices.insert(top.vertices.end(), bottom.vertices.begin(), bottom.vertices.end());
  for (std::uint32_t i : bottom.indices) top.indices.push_back(base + i);
  SimplifyOptions o;
  o.cellSize = 1.0f;
  o.levels = 1;
  const Mesh s = simplifyMesh(top, o);
  expectWellFormed(s);
  std::size_t up = 0, down = 0;
  for (std::size_t t = 0; t < s.indices.size(); t += 3) {
    const Vec3 n = glm::normalize(faceNormal(s, t));
    up += n.z > 0.99f ? 1 : 0;
    down += n.z < -0.99f ? 1 : 0;
  }
  EXPECT_GT(up, 50u);
  EXPECT_EQ(up, down);
}

TEST(Simplify, EmptyMeshGivesEmptyMesh) {
  EXPECT_TRUE(simplifyMesh(Mesh{}).indices.empty());
  EXPECT_TRUE(simplifyToTarget(Mesh{}, 10).indices.empty());
}

}  // namespace
}  // namespace venaviz
