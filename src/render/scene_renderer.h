#pragma once
// Draws the 3D scene: background, then all vessel walls in one draw call. Knows nothing of
// the UI, the window or the engine: it draws what it is handed.
#include <vector>

#include "anatomy/anatomy.h"
#include "anatomy/mesh.h"
#include "core/camera.h"
#include "render/gl_handles.h"
#include "render/shader_library.h"

namespace venaviz::render {

/// Per-vessel look: linear-RGB albedo and a highlight amount [0,1].
struct VesselStyle {
  Vec3 color{0.2f, 0.3f, 0.7f};
  float highlight = 0.0f;
};

/// Default albedo (linear RGB) for a vessel system: veins blue, arteries red.
Vec3 defaultVesselColor(VesselSystem system);

struct SceneLook {
  Vec3 backgroundTop{0.030f, 0.040f, 0.060f};     ///< linear RGB (default: dark slate)
  Vec3 backgroundBottom{0.004f, 0.005f, 0.008f};  ///< linear RGB (default: near black)
};

class SceneRenderer {
 public:
  /// Registers the programs it needs in `shaders` (throws if they do not compile).
  explicit SceneRenderer(ShaderLibrary& shaders);

  /// Uploads the static vessel mesh (vertex.vessel indexes `styles`).
  void setMesh(const Mesh& mesh, std::size_t vesselCount);
  /// Per-vessel styles; uploaded in one texture update when changed.
  void setStyles(const std::vector<VesselStyle>& styles);

  /// Draws into the currently bound framebuffer of the given size (pixels).
  void draw(const OrbitCamera& camera, int width, int height, const SceneLook& look = {});

  std::size_t triangleCount() const { return indexCount_ / 3; }

 private:
  ShaderLibrary& shaders_;
  VertexArray vao_, emptyVao_;
  Buffer vbo_, ibo_;
  Texture styleTex_;
  GLsizei indexCount_ = 0;
  int styleRows_ = 0;
};

}  // namespace venaviz::render
