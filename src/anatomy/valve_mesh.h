#pragma once
// Valve geometry: two leaflets (bicuspid) inside the lumen, meeting along a line across the
// vessel when closed. `opening` in [0,1] spreads them apart (the engine will drive it).
#include "anatomy/anatomy.h"
#include "anatomy/mesh.h"

namespace venaviz {

/// Appends the two leaflets of one valve: centre and flow axis in cm, lumen radius r,
/// opening 0 (closed) .. 1 (open flat against the wall). Vertices get `tag` as their vessel.
void appendValveLeaflets(Mesh& mesh, Vec3 center, Vec3 axis, float radius, float opening, float tag);

/// Appends a thin band around the outside of the wall marking a valve's site (visible while
/// walls are opaque).
void appendValveBand(Mesh& mesh, Vec3 center, Vec3 axis, float radius, float tag);

/// Leaflets (and site bands) for every valve of the anatomy (tag = vessels.size() + valve index), all closed
/// half way (0.5) until the engine drives them.
Mesh buildValveMesh(const Anatomy& anatomy, float opening = 0.5f);

}  // namespace venaviz
