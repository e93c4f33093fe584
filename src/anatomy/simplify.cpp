#include "anatomy/simplify.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/error.h"

namespace venaviz {

namespace {

constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // never a key: the normal bin is at most 5
constexpr int kMaxCells = 65535;                     // per axis (16 bits of the key)
constexpr std::size_t kMaxTags = 8191;               // 13 bits of the key

constexpr std::uint32_t kNone = ~std::uint32_t{0};

/// Sums over planes n.x + d = 0, each weighted by the area w of its triangle: the weighted
/// squared distance of a point x from them is x^T A x + 2 b.x + c.
struct Quadric {
  std::array<double, 6> a{};  ///< sum of w n n^T: xx, xy, xz, yy, yz, zz
  std::array<double, 3> b{};  ///< sum of w n d
  double c = 0.0;             ///< sum of w d^2
  double w = 0.0;             ///< sum of w
  void add(const Quadric& o) {
    for (int k = 0; k < 6; ++k) a[k] += o.a[k];
    for (int k = 0; k < 3; ++k) b[k] += o.b[k];
    c += o.c;
    w += o.w;
  }
  double error(const DVec3& x) const {
    const DVec3 ax{a[0] * x.x + a[1] * x.y + a[2] * x.z, a[1] * x.x + a[3] * x.y + a[4] * x.z,
                   a[2] * x.x + a[4] * x.y + a[5] * x.z};
    return glm::dot(x, ax) + 2.0 * (b[0] * x.x + b[1] * x.y + b[2] * x.z) + c;
  }
};

/// The vertices of one grid cell at one level with the same normal bin and tag.
struct Cluster {
  Quadric q;                        ///< planes of the triangles around its vertices
  DVec3 position{0.0};              ///< sum of input positions
  Vec3 normal{0.0f}, offset{0.0f};  ///< sums of input normals and offsets
  Vec3 facing{0.0f};                ///< sum of the area-weighted normals of the triangles around its vertices
  float fraction = 0.0f, radius = 0.0f;
  std::uint32_t count = 0;            ///< input vertices
  std::uint32_t cell[3] = {0, 0, 0};  ///< cell index at its level
  std::uint32_t binTag = 0;           ///< normal bin | tag index << 3
  std::uint32_t parent = kNone;       ///< the cluster one level up that holds it
  Vec3 point{0.0f};                   ///< representative vertex
  bool fits = true;                   ///< its vertex is within maxError of its planes
  void add(const Cluster& o) {
    q.add(o.q);
    position += o.position;
    normal += o.normal;
    facing += o.facing;
    offset += o.offset;
    fraction += o.fraction;
    radius += o.radius;
    count += o.count;
  }
};

std::uint64_t clusterKey(const std::uint32_t cell[3], std::uint32_t binTag) {
  return std::uint64_t{cell[0]} | std::uint64_t{cell[1]} << 16 | std::uint64_t{cell[2]} << 32 |
         std::uint64_t{binTag} << 48;
}

/// 0..5: the axis direction the normal points along most (+x, -x, +y, -y, +z, -z).
std::uint64_t normalBin(Vec3 n) {
  const Vec3 m = glm::abs(n);
  if (!(m.x >= 0.0f && m.y >= 0.0f && m.z >= 0.0f)) return 0;  // NaN
  if (m.x >= m.y && m.x >= m.z) return n.x < 0.0f ? 1 : 0;
  if (m.y >= m.z) return n.y < 0.0f ? 3 : 2;
  return n.z < 0.0f ? 5 : 4;
}

std::uint64_t mix64(std::uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/// Open-addressing map from packed cluster keys to cluster ids (ids in order of insertion).
class KeyMap {
 public:
  explicit KeyMap(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, kEmpty);
    ids_.resize(cap);
  }
  /// Id of `key`, inserting `next` when absent (then `inserted` is set).
  std::uint32_t find(std::uint64_t key, std::uint32_t next, bool& inserted) {
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) {
        inserted = false;
        return ids_[i];
      }
      if (keys_[i] == kEmpty) {
        keys_[i] = key;
        ids_[i] = next;
        inserted = true;
        return next;
      }
    }
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> ids_;
};

/// Point minimising the cluster's quadric error, pulled weakly towards the vertices' mean
/// (decides the directions the planes leave free: along a flat patch or a crease).
DVec3 representative(const Cluster& c) {
  const DVec3 mean = c.position / static_cast<double>(std::max<std::uint32_t>(c.count, 1));
  const auto& a = c.q.a;
  const double trace = a[0] + a[3] + a[5];
  if (!(trace > 0.0)) return mean;
  const double lambda = 1e-2 * trace / 3.0;
  // (A + lambda I) x = -b + lambda mean, solved by the adjugate (symmetric 3x3).
  const double m00 = a[0] + lambda, m01 = a[1], m02 = a[2], m11 = a[3] + lambda, m12 = a[4], m22 = a[5] + lambda;
  const DVec3 r = DVec3(-c.q.b[0], -c.q.b[1], -c.q.b[2]) + lambda * mean;
  const double c00 = m11 * m22 - m12 * m12, c01 = m02 * m12 - m01 * m22, c02 = m01 * m12 - m02 * m11;
  const double det = m00 * c00 + m01 * c01 + m02 * c02;
  if (!(std::abs(det) > 1e-30)) return mean;
  const double c11 = m00 * m22 - m02 * m02, c12 = m01 * m02 - m00 * m12, c22 = m00 * m11 - m01 * m01;
  const DVec3 x{(c00 * r.x + c01 * r.y + c02 * r.z) / det, (c01 * r.x + c11 * r.y + c12 * r.z) / det,
                (c02 * r.x + c12 * r.y + c22 * r.z) / det};
  return (std::isfinite(x.x) && std::isfinite(x.y) && std::isfinite(x.z)) ? x : mean;
}

struct Tri {
  std::uint32_t v[3];
  bool operator<(const Tri& o) const {
    return v[0] != o.v[0] ? v[0] < o.v[0] : v[1] != o.v[1] ? v[1] < o.v[1] : v[2] < o.v[2];
  }
  bool operator==(const Tri& o) const { return v[0] == o.v[0] && v[1] == o.v[1] && v[2] == o.v[2]; }
};

}  // namespace

Mesh simplifyMesh(const Mesh& mesh, const SimplifyOptions& options) {
  Mesh out;
  if (mesh.vertices.empty() || mesh.indices.size() < 3) return out;
  Vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  for (const MeshVertex& v : mesh.vertices) {
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
  }
  const Vec3 extent = hi - lo;
  float cell = std::max(options.cellSize, 1e-6f);
  cell = std::max(cell, std::max({extent.x, extent.y, extent.z}) / static_cast<float>(kMaxCells - 1));
  const float inv = 1.0f / cell;
  const int levelCount = std::clamp(options.levels, 1, 16);

  // Finest level: one cluster per (cell, normal bin, tag), numbered in input order.
  std::vector<std::vector<Cluster>> levels(static_cast<std::size_t>(levelCount));
  std::vector<Cluster>& finest = levels[0];
  finest.reserve(mesh.vertices.size());
  std::vector<float> tags;
  std::vector<std::uint32_t> clusterOf(mesh.vertices.size());
  {
    KeyMap map(mesh.vertices.size());
    std::uint32_t tag = 0;
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
      const MeshVertex& v = mesh.vertices[i];
      if (tags.empty() || v.vessel != tags[tag]) {  // tags come in runs: look up only on a change
        const auto it = std::find(tags.begin(), tags.end(), v.vessel);
        tag = static_cast<std::uint32_t>(it - tags.begin());
        if (it == tags.end()) {
          if (tags.size() >= kMaxTags) throw Error("simplifyMesh: more than 8191 distinct vertex tags");
          tags.push_back(v.vessel);
        }
      }
      std::uint32_t c[3];
      for (int k = 0; k < 3; ++k) {
        const float f = std::floor((v.position[k] - lo[k]) * inv);
        c[k] = static_cast<std::uint32_t>(std::clamp(std::isfinite(f) ? f : 0.0f, 0.0f, static_cast<float>(kMaxCells)));
      }
      const auto binTag = static_cast<std::uint32_t>(options.splitByNormal ? normalBin(v.normal) : 0) | tag << 3;
      bool inserted = false;
      const std::uint32_t id = map.find(clusterKey(c, binTag), static_cast<std::uint32_t>(finest.size()), inserted);
      if (inserted) {
        finest.emplace_back();
        std::copy_n(c, 3, finest.back().cell);
        finest.back().binTag = binTag;
      }
      Cluster& cl = finest[id];
      cl.position += DVec3(v.position);
      cl.normal += v.normal;
      cl.offset += v.offset;
      cl.fraction += v.fraction;
      cl.radius += v.radius;
      ++cl.count;
      clusterOf[i] = id;
    }
  }

  // Each input triangle's plane, weighted by its area, goes into its vertices' clusters.
  std::vector<Tri> tris;
  tris.reserve(mesh.indices.size() / 3);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
    if (i0 >= mesh.vertices.size() || i1 >= mesh.vertices.size() || i2 >= mesh.vertices.size()) continue;
    const DVec3 p0(mesh.vertices[i0].position), p1(mesh.vertices[i1].position), p2(mesh.vertices[i2].position);
    const DVec3 cr = glm::cross(p1 - p0, p2 - p0);
    const double len = glm::length(cr);
    const std::uint32_t c[3] = {clusterOf[i0], clusterOf[i1], clusterOf[i2]};
    if (len > 0.0) {
      const DVec3 n = cr / len;
      const double w = 0.5 * len, d = -glm::dot(n, p0);
      Quadric f;
      f.a = {w * n.x * n.x, w * n.x * n.y, w * n.x * n.z, w * n.y * n.y, w * n.y * n.z, w * n.z * n.z};
      f.b = {w * n.x * d, w * n.y * d, w * n.z * d};
      f.c = w * d * d;
      f.w = w;
      for (std::uint32_t id : c) {
        finest[id].q.add(f);
        finest[id].facing += Vec3(cr);
      }
    }
    if (c[0] != c[1] && c[1] != c[2] && c[0] != c[2]) tris.push_back({{c[0], c[1], c[2]}});
  }

  // Coarser levels: each cluster joins the one holding it in the cell twice as large.
  for (std::size_t l = 1; l < levels.size(); ++l) {
    std::vector<Cluster>& below = levels[l - 1];
    std::vector<Cluster>& here = levels[l];
    here.reserve(below.size());
    KeyMap map(below.size());
    for (Cluster& b : below) {
      const std::uint32_t c[3] = {b.cell[0] >> 1, b.cell[1] >> 1, b.cell[2] >> 1};
      bool inserted = false;
      b.parent = map.find(clusterKey(c, b.binTag), static_cast<std::uint32_t>(here.size()), inserted);
      if (inserted) {
        here.emplace_back();
        std::copy_n(c, 3, here.back().cell);
        here.back().binTag = b.binTag;
      }
      here[b.parent].add(b);
    }
  }

  // Representative points, kept inside their cells, and whether they fit their planes.
  const double maxError2 = static_cast<double>(options.maxError) * static_cast<double>(options.maxError);
  for (std::size_t l = 0; l < levels.size(); ++l) {
    const double size = static_cast<double>(cell) * static_cast<double>(1u << l);
    for (Cluster& cl : levels[l]) {
      const DVec3 x = representative(cl);
      DVec3 p;
      for (int k = 0; k < 3; ++k) {
        const double c0 = static_cast<double>(lo[k]) + static_cast<double>(cl.cell[k]) * size;
        p[k] = std::clamp(x[k], c0, c0 + size);
      }
      cl.point = Vec3(p);
      cl.fits = l == 0 || (cl.q.w > 0.0 && cl.q.error(DVec3(cl.point)) <= maxError2 * cl.q.w &&
                           glm::length(cl.normal) >= options.minNormalAgreement * static_cast<float>(cl.count));
    }
  }

  // Each finest cluster's vertex: its coarsest enclosing cluster that fits (numbered by level,
  // then order of appearance).
  std::vector<std::uint32_t> firstId(levels.size() + 1, 0);
  for (std::size_t l = 0; l < levels.size(); ++l)
    firstId[l + 1] = firstId[l] + static_cast<std::uint32_t>(levels[l].size());
  std::vector<std::uint32_t> chosen(finest.size());
  {
    std::vector<std::uint32_t> chain(levels.size());
    for (std::size_t i = 0; i < finest.size(); ++i) {
      chain[0] = static_cast<std::uint32_t>(i);
      for (std::size_t l = 1; l < levels.size(); ++l) chain[l] = levels[l - 1][chain[l - 1]].parent;
      std::size_t l = levels.size() - 1;
      while (l > 0 && !levels[l][chain[l]].fits) --l;
      chosen[i] = firstId[l] + chain[l];
    }
  }
  auto clusterAt = [&](std::uint32_t global) -> const Cluster& {
    std::size_t l = 0;
    while (global >= firstId[l + 1]) ++l;
    return levels[l][global - firstId[l]];
  };

  // Triangles between distinct vertices, each once (smallest id first, winding kept).
  for (Tri& t : tris) {
    const std::uint32_t c[3] = {chosen[t.v[0]], chosen[t.v[1]], chosen[t.v[2]]};
    if (c[0] == c[1] || c[1] == c[2] || c[0] == c[2]) {
      t.v[0] = kNone;
      continue;
    }
    const int r = c[0] < c[1] ? (c[0] < c[2] ? 0 : 2) : (c[1] < c[2] ? 1 : 2);
    t = {{c[r], c[(r + 1) % 3], c[(r + 2) % 3]}};
  }
  tris.erase(std::remove_if(tris.begin(), tris.end(), [](const Tri& t) { return t.v[0] == kNone; }), tris.end());
  std::sort(tris.begin(), tris.end());
  tris.erase(std::unique(tris.begin(), tris.end()), tris.end());

  // Keep triangles with area that face the way the input does around them (a cluster's
  // vertex can land where a triangle folds over); vertices numbered in cluster order (only
  // those used).
  const float minDoubleArea = 2e-6f * cell * cell;
  std::vector<std::uint32_t> remap(firstId.back(), kNone);
  std::vector<Tri> kept;
  kept.reserve(tris.size());
  for (const Tri& t : tris) {
    const Cluster &ca = clusterAt(t.v[0]), &cb = clusterAt(t.v[1]), &cc = clusterAt(t.v[2]);
    const Vec3 cr = glm::cross(cb.point - ca.point, cc.point - ca.point);
    if (!(glm::length(cr) > minDoubleArea) || glm::dot(cr, ca.facing + cb.facing + cc.facing) <= 0.0f) continue;
    kept.push_back(t);
    for (std::uint32_t id : t.v) remap[id] = 0;
  }
  for (std::uint32_t g = 0; g < remap.size(); ++g) {
    if (remap[g] == kNone) continue;
    remap[g] = static_cast<std::uint32_t>(out.vertices.size());
    const Cluster& cl = clusterAt(g);
    const float n = static_cast<float>(std::max<std::uint32_t>(cl.count, 1));
    // The mean input normal; where those cancel (a file's odd normals), the triangles' facing.
    Vec3 normal = cl.normal;
    if (!(glm::length(normal) > 1e-6f)) normal = cl.facing;
    normal = glm::length(normal) > 0.0f ? glm::normalize(normal) : kSuperior;
    out.vertices.push_back({cl.point, normal, tags[cl.binTag >> 3], cl.fraction / n, cl.offset / n, cl.radius / n});
  }
  out.indices.reserve(kept.size() * 3);
  for (const Tri& t : kept)
    for (std::uint32_t id : t.v) out.indices.push_back(remap[id]);
  return out;
}

Mesh simplifyToTarget(const Mesh& mesh, std::size_t targetTriangles, const SimplifyOptions& options,
                      float* cellSizeOut) {
  if (cellSizeOut) *cellSizeOut = 0.0f;
  if (mesh.indices.size() / 3 <= targetTriangles) return mesh;
  Vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  for (const MeshVertex& v : mesh.vertices) {
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
  }
  // Geometric bisection on the cell size between 1/4096 of the box and the whole box.
  SimplifyOptions o = options;
  float big = std::max(glm::length(hi - lo), 1e-3f), small = big / 4096.0f;
  o.cellSize = big;
  Mesh best = simplifyMesh(mesh, o);
  for (int i = 0; i < 11; ++i) {
    o.cellSize = std::sqrt(small * big);
    Mesh m = simplifyMesh(mesh, o);
    if (m.indices.size() / 3 <= targetTriangles) {
      big = o.cellSize;
      best = std::move(m);
    } else {
      small = o.cellSize;
    }
  }
  if (cellSizeOut) *cellSizeOut = big;
  return best;
}

}  // namespace venaviz
