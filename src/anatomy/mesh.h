#pragma once
// Plain triangle-mesh data produced on the CPU and handed to the renderer.
#include <cstdint>
#include <vector>

#include "core/math.h"

namespace venaviz {

/// One vertex of a vessel wall. `vessel` is the vessel's index in the anatomy and `fraction`
/// its arc-length position [0,1]: the renderer maps (vessel, fraction) to per-frame data.
struct MeshVertex {
  Vec3 position;   ///< cm, body frame
  Vec3 normal;     ///< unit
  float vessel;    ///< vessel index (exact small integer stored as float)
  float fraction;  ///< arc-length fraction along the vessel
  /// Where the vertex moves per frame: for a valve leaflet, its displacement from closed
  /// (opening 0) to fully open (opening 1), in cm; zero elsewhere.
  Vec3 offset;
  /// Tube walls: the atlas radius (cm) of the ring the vertex sits on; the wall moves along
  /// `normal` by radius * (scale - 1) when the lumen's scale changes. -1 marks a valve leaflet
  /// (it bends as it moves, so the renderer shades it with per-pixel normals). Zero elsewhere.
  float radius;
};

struct Mesh {
  std::vector<MeshVertex> vertices;
  std::vector<std::uint32_t> indices;  ///< triangles, counter-clockwise seen from outside

  void clear() {
    vertices.clear();
    indices.clear();
  }
};

}  // namespace venaviz
