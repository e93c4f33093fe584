#pragma once
// Tube meshes around centerlines: rotation-minimizing (parallel-transport) frames, round
// cross-sections, rounded end caps, smooth normals.
#include <vector>

#include "anatomy/anatomy.h"
#include "anatomy/centerline.h"
#include "anatomy/mesh.h"

namespace venaviz {

struct TubeMeshOptions {
  float maxStep = 0.9f;  ///< cm between rings along the centerline (default: 0.9)
  int minSides = 10;     ///< vertices around the smallest tubes (default: 10)
  int maxSides = 24;     ///< vertices around the largest tubes (default: 24)
  int capRings = 4;      ///< rings in each hemispherical end cap (default: 4)
};

/// Sides for a tube of the given radius (cm): more for larger tubes so all look round.
int tubeSides(float radiusCm, const TubeMeshOptions& options);

/// Unit tangent of a sampled curve at sample i (central difference).
Vec3 sampleTangent(const std::vector<CenterlineSample>& samples, std::size_t i);

/// Rotation-minimizing normals along a sampled curve (double-reflection method); unit length,
/// each perpendicular to the local tangent. `tangents` (one per sample) default to
/// sampleTangent; `initialNormal` (projected onto the first normal plane) to any perpendicular.
std::vector<Vec3> transportFrames(const std::vector<CenterlineSample>& samples,
                                  const std::vector<Vec3>* tangents = nullptr, const Vec3* initialNormal = nullptr);

/// How one tube ends: caps, and the tangent/normal it must share with a tube it joins.
struct TubeEnds {
  bool capStart = true;
  bool capEnd = true;
  const Vec3* startTangent = nullptr;  ///< forced tangent of the first ring
  const Vec3* endTangent = nullptr;    ///< forced tangent of the last ring
  const Vec3* startNormal = nullptr;   ///< normal of the first ring (ring rotation)
};

/// Appends a tube around `samples` to `mesh`, tagging vertices with `vesselIndex`; each end
/// gets a hemispherical cap unless it joins another tube. Returns the last ring's normal, so a
/// tube continuing from this one can start with exactly the same ring.
Vec3 appendTube(Mesh& mesh, const std::vector<CenterlineSample>& samples, int vesselIndex,
                const TubeMeshOptions& options, const TubeEnds& ends = {});

/// How a vessel's tube meets its neighbours: a continuation (its end is another vessel's
/// start, same direction, similar calibre) is joined without caps and with a shared tangent;
/// a tributary ending short of its parent's lumen is extended to the parent's centerline.
struct TubeJoins {
  std::vector<int> next;  ///< index of the vessel this one continues into, or -1
  std::vector<int> prev;  ///< index of the vessel continuing into this one, or -1
};
TubeJoins findTubeJoins(const Anatomy& anatomy);

/// The centerline a vessel's tube is drawn along (its points, plus an extension into the
/// parent for tributaries that stop outside the parent's lumen).
void tubeCenterline(const Anatomy& anatomy, std::size_t vessel, const TubeJoins& joins, std::vector<Vec3>& points,
                    std::vector<float>& radii);

/// Where every vessel's tube runs: its centerline samples and the tangent shared at each joint
/// of continuing tubes. buildVesselMesh lays its rings on exactly these samples, and the
/// tracers (src/flow) place particles on them, so particles stay inside the drawn walls.
struct TubeLayout {
  TubeJoins joins;
  std::vector<std::vector<CenterlineSample>> samples;  ///< per vessel
  std::vector<Vec3> jointTangent;                      ///< per vessel: at its end, if it continues (else 0)
};
TubeLayout layoutTubes(const Anatomy& anatomy, const TubeMeshOptions& options = {});

/// One mesh holding every vessel of the anatomy (vertex.vessel = index in anatomy.vessels).
Mesh buildVesselMesh(const Anatomy& anatomy, const TubeMeshOptions& options = {});

}  // namespace venaviz
