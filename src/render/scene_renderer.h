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
  bool xray = true;  ///< translucent context drawn with silhouette-weighted opacity (default: on)
};

/// Per-context-model look.
struct ContextStyle {
  Vec3 color{0.8f};      ///< linear RGB
  float opacity = 1.0f;  ///< 1 = opaque (drawn with the vessels), < 1 = translucent pass
  bool visible = true;
};

class SceneRenderer {
 public:
  /// Registers the programs it needs in `shaders` (throws if they do not compile).
  explicit SceneRenderer(ShaderLibrary& shaders);

  /// Uploads the static vessel walls and valve geometry (vertex.vessel indexes `styles`:
  /// vessels first, then valves).
  void setMesh(const Mesh& vessels, const Mesh& valves, std::size_t styleCount);
  /// Uploads the context models (vertex.vessel = model index) and their looks.
  void setContext(const std::vector<Mesh>& models);
  void setContextStyles(const std::vector<ContextStyle>& styles) { contextStyles_ = styles; }
  /// Per-vessel styles; uploaded in one texture update when changed.
  void setStyles(const std::vector<VesselStyle>& styles);

  /// Draws into the currently bound framebuffer of the given size (pixels).
  void draw(const OrbitCamera& camera, int width, int height, const SceneLook& look = {});

  std::size_t triangleCount() const;

 private:
  struct Range {
    GLsizei first = 0, count = 0;  ///< in indices
    Vec3 centroid{0.0f};
  };
  void setLightUniforms(GLuint program, const OrbitCamera& camera, const Mat4& viewProj);
  void drawContext(const OrbitCamera& camera, const Mat4& viewProj, bool translucent, const SceneLook& look);

  ShaderLibrary& shaders_;
  VertexArray vao_, emptyVao_, contextVao_;
  Buffer vbo_, ibo_, contextVbo_, contextIbo_;
  Texture styleTex_;
  GLsizei vesselIndexCount_ = 0, valveIndexCount_ = 0;
  int styleRows_ = 0;
  std::vector<Range> contextRanges_;
  std::vector<ContextStyle> contextStyles_;
};

}  // namespace venaviz::render
