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
