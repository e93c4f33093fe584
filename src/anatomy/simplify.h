#pragma once
// Mesh simplification for context models (skin, bones, muscles, organs): vertex clustering on
// a grid with a quadric-error representative per cluster (Lindstrom, "Out-of-core
// simplification of large polygonal models", SIGGRAPH 2000), made adaptive with a few nested
// grid levels: a coarser cell replaces the finer ones inside it wherever its one vertex stays
// close to the surface (flat or gently curved parts), so detail (grooves, joints, thin
// processes) keeps the finer cells. A few passes over the mesh and no priority queue: fast
// enough to run at load time. Meant for distant views; the topology is not kept (parts
// thinner than a cell may close or vanish).
#include <cstddef>

#include "anatomy/mesh.h"

namespace venaviz {

/// The defaults are the context models' level of detail for distant views (SceneRenderer):
/// 0.2 to 3.2 cm cells, within 0.1 cm of the surface, rims and creases kept.
struct SimplifyOptions {
  /// Edge of the finest grid cell, cm: the vertices of one cell (same tag, same normal bin)
  /// become one vertex, so the result stays within about one cell of the input (default: 0.2).
  float cellSize = 0.2f;
  /// Nested grid levels, each cell twice the edge of the one below (default: 5; 1: one grid).
  int levels = 5;
  /// With levels > 1, a coarser cell replaces the finer ones inside it where the root-mean-
  /// square distance of its vertex from the planes of the triangles around it (area-weighted)
  /// is at most this, cm (default: 0.1) ...
  float maxError = 0.1f;
  /// ... and where the input normals in it agree: the length of their mean is at least this
  /// (1: all parallel; 0.95: within about 18 degrees of the mean) (default: 0.95). Keeps the
  /// vertices that shade rims and creases, which lie close to a plane.
  float minNormalAgreement = 0.95f;
  /// Keep vertices whose normals point along different axis directions (6 bins: +-x, +-y,
  /// +-z) in separate clusters, so both sides of a plate thinner than a cell stay two
  /// surfaces with their own normals (default: on).
  bool splitByNormal = true;
};

/// Simplified copy of `mesh`. Vertices with different tags (`MeshVertex::vessel`) are never
/// merged. Each output vertex sits at the point that best fits the planes of the triangles
/// around its cluster (kept inside its cell); its normal is the mean of the cluster's input
/// normals; `fraction`, `offset` and `radius` are cluster means. Triangles that collapse, have
/// no area, fold over (face against the input around them) or repeat another are dropped;
/// winding is kept. Deterministic: the same input gives
/// the same output. The grid is anchored at the mesh's bounding-box minimum and has at most
/// 65,535 finest cells per axis (the cell grows if needed). At most 8,191 distinct tags.
Mesh simplifyMesh(const Mesh& mesh, const SimplifyOptions& options = {});

/// simplifyMesh with the smallest finest cell (within ~1%) that leaves at most
/// `targetTriangles` triangles (a bisection: eleven passes). `cellSizeOut`, when given,
/// receives the cell size used (cm). Returns the mesh unchanged when it already has no more
/// than the target.
Mesh simplifyToTarget(const Mesh& mesh, std::size_t targetTriangles, const SimplifyOptions& options = {},
                      float* cellSizeOut = nullptr);

}  // namespace venaviz
