#include "anatomy/valve_mesh.h"

#include <algorithm>
#include <cmath>

namespace venaviz {

void appendValveLeaflets(Mesh& mesh, Vec3 center, Vec3 axis, float r, float opening, float tag) {
  axis = glm::normalize(axis);
  const Vec3 helper = std::abs(axis.z) < 0.9f ? kSuperior : kPatientLeft;
  const Vec3 u = glm::normalize(glm::cross(axis, helper));  // across the commissure line
  const Vec3 w = glm::cross(axis, u);                       // along the commissure line
  const int nu = 8, nv = 4;
  const float depth = 1.3f * r;  // cusp length along the axis
  opening = std::clamp(opening, 0.0f, 1.0f);
  for (int side = -1; side <= 1; side += 2) {
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    for (int i = 0; i <= nu; ++i) {
      // Along the commissure line: the attachment follows the wall (a half circle).
      const float a = kPi * static_cast<float>(i) / static_cast<float>(nu);
      const float cw = std::cos(a), sw = std::sin(a);
      for (int j = 0; j <= nv; ++j) {
        const float t = static_cast<float>(j) / static_cast<float>(nv);  // 0 at the wall, 1 at the free edge
        // The leaflet runs from its wall attachment (upstream) to a free edge downstream,
        // which meets the other leaflet at the centre when closed.
        // The reach is linear in the opening, so the vertex stores its closed position and
        // the displacement to fully open: the renderer animates the opening per frame.
        const float reachClosed = (1.0f - t) + t * 0.08f;  // fraction of radius from the axis
        const Vec3 across = u * (static_cast<float>(side) * r * 0.97f * sw);
        const Vec3 closed =
            center + w * (r * 0.97f * cw) + across * reachClosed + axis * (depth * (t - 0.5f) * (0.6f + 0.4f * sw));
        const Vec3 openDelta = across * (t * 0.85f);
        mesh.vertices.push_back({closed + openDelta * opening, Vec3(0.0f), tag, t, openDelta, -1.0f});
      }
    }
    // Normals from the grid.
    for (int i = 0; i <= nu; ++i)
      for (int j = 0; j <= nv; ++j) {
        auto idx = [&](int ii, int jj) {
          return base + static_cast<std::uint32_t>(std::clamp(ii, 0, nu) * (nv + 1) + std::clamp(jj, 0, nv));
        };
        const Vec3 du = mesh.vertices[idx(i + 1, j)].position - mesh.vertices[idx(i - 1, j)].position;
        const Vec3 dv = mesh.vertices[idx(i, j + 1)].position - mesh.vertices[idx(i, j - 1)].position;
        Vec3 n = glm::cross(du, dv);
        mesh.vertices[idx(i, j)].normal = glm::length(n) > 1e-9f ? glm::normalize(n) * static_cast<float>(side) : axis;
      }
    for (int i = 0; i < nu; ++i)
      for (int j = 0; j < nv; ++j) {
        const std::uint32_t a0 = base + static_cast<std::uint32_t>(i * (nv + 1) + j), a1 = a0 + 1,
                            b0 = a0 + static_cast<std::uint32_t>(nv + 1), b1 = b0 + 1;
        mesh.indices.insert(mesh.indices.end(), {a0, b0, b1, a0, b1, a1});
      }
  }
}

void appendValveBand(Mesh& mesh, Vec3 center, Vec3 axis, float r, float tag) {
  axis = glm::normalize(axis);
  const Vec3 helper = std::abs(axis.z) < 0.9f ? kSuperior : kPatientLeft;
  const Vec3 u = glm::normalize(glm::cross(axis, helper)), w = glm::cross(axis, u);
  const float major = r * 1.04f, minor = std::max(r * 0.16f, 0.03f);
  const int nMajor = 18, nMinor = 6;
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (int i = 0; i <= nMajor; ++i) {
    const float a = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(nMajor);
    const Vec3 radial = std::cos(a) * u + std::sin(a) * w;
    for (int j = 0; j <= nMinor; ++j) {
      const float b = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(nMinor);
      const Vec3 n = std::cos(b) * radial + std::sin(b) * axis;
      mesh.vertices.push_back({center + radial * major + n * minor, n, tag, 0.0f, Vec3(0.0f), 0.0f});
    }
  }
  const auto stride = static_cast<std::uint32_t>(nMinor + 1);
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(nMajor); ++i)
    for (std::uint32_t j = 0; j < static_cast<std::uint32_t>(nMinor); ++j) {
      const std::uint32_t a0 = base + i * stride + j, a1 = a0 + 1, b0 = a0 + stride, b1 = b0 + 1;
      mesh.indices.insert(mesh.indices.end(), {a0, b0, b1, a0, b1, a1});
    }
}

Mesh buildValveMesh(const Anatomy& anatomy, float opening) {
  Mesh mesh;
  for (std::size_t i = 0; i < anatomy.valves.size(); ++i) {
    Vec3 c, axis;
    float r = 0.0f;
    anatomy.valveFrame(anatomy.valves[i], c, axis, r);
    if (r <= 0.0f) continue;
    const auto tag = static_cast<float>(anatomy.vessels.size() + i);
    appendValveLeaflets(mesh, c, axis, r, opening, tag);
    appendValveBand(mesh, c, axis, r, tag);
  }
  return mesh;
}

}  // namespace venaviz
