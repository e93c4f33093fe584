#pragma once
// Draws the 3D scene: background, opaque context, valves, particles (one draw of quads), the
// vessel walls (one draw call, solid or glass) and translucent context. Knows nothing of the
// UI, the window or the engine: it draws what it is handed (meshes, a style texture, a live
// state texture and a particle buffer).
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
  /// Translucent vessel walls (particles and valves inside stay visible); off: solid walls.
  bool glassWalls = true;
  /// Draw the fine wall mesh (close views); off: the coarse one, if there is one.
  bool fineWalls = true;
  /// Colour the walls by the live value in the state texture over `mapRange` (off: vessel colours).
  bool colorMap = false;
  Vec2 mapRange{0.0f, 100.0f};
  bool particles = true;
  int particleColor = 0;           ///< 0 direction, 1 speed, 2 oxygen saturation
  float particleSize = 0.07f;      ///< head diameter, cm
  float particleMinPixels = 2.0f;  ///< smallest head on screen, pixels
  float streakSeconds = 0.10f;     ///< motion one streak shows, s
  float speedMax = 40.0f;          ///< cm/s at the top of the speed colour ramp
  float refluxMin = 1.0f;          ///< cm/s backwards before a particle is shown as reflux
  /// Clipping plane: what lies where dot(xyz, p) < w (body frame, cm) is cut away. The default
  /// (0, 0, 0, -1) keeps everything.
  Vec4 clipPlane{0.0f, 0.0f, 0.0f, -1.0f};
  /// Swelling of the lower legs drawn on one context model (the skin; -1: none): per body
  /// (side by side), the outward offset in cm of the left and right leg and the knee's height
  /// (cm; 0: no swelling), full below 20 cm, fading to nothing at the knee.
  int swellModel = -1;
  Vec3 swell[2] = {Vec3(0.0f), Vec3(0.0f)};
  /// Skin changes of the gaiter area on the same model, per body: the left and right leg's
  /// CEAP level (0 C0 .. 5 C6, context_light.glsl), placed by the medial malleoli (cm).
  Vec2 skinLevel[2] = {Vec2(0.0f), Vec2(0.0f)};
  Vec3 malleolus[2] = {Vec3(8.0f, 0.0f, 8.0f), Vec3(-8.0f, 0.0f, 8.0f)};  ///< left, right
};

/// Floats per particle in setParticles: position (cm) and signed velocity (cm/s, > 0 towards
/// the heart), then unit direction and oxygen saturation.
inline constexpr std::size_t kParticleFloats = 8;

/// Per-context-model look.
struct ContextStyle {
  Vec3 color{0.8f};      ///< linear RGB
  float opacity = 1.0f;  ///< 1 = opaque (drawn with the vessels), < 1 = translucent pass
  bool visible = true;
};

/// The context models' coarse level of detail (SimplifyOptions' defaults: within 0.1 cm of
/// the surface) is drawn, lit per vertex, while that error spans less than this many pixels
/// at the orbit target's distance (default: 0.9, i.e. below 9 px per cm, where the walls
/// switch to their coarse mesh too).
inline constexpr float kContextErrorPixels = 0.9f;

class SceneRenderer {
 public:
  /// Registers the programs it needs in `shaders` (throws if they do not compile).
  explicit SceneRenderer(ShaderLibrary& shaders);

  /// Uploads the static vessel walls and valve geometry (vertex.vessel indexes `styles`:
  /// vessels first, then valves) and resets the live state to rest (atlas radii, valves half
  /// open). Valve leaflets must be built closed (opening 0): the state texture opens them.
  /// `coarse` (optional, may be empty) is a lighter tessellation of the same walls drawn when
  /// SceneLook::fineWalls is off (distant views: fewer, larger triangles for software renderers).
  void setMesh(const Mesh& vessels, const Mesh& coarse, const Mesh& valves, std::size_t vesselCount,
               std::size_t valveCount);
  /// Uploads the context models (vertex.vessel = model index) with a coarse level of detail
  /// of each (simplifyMesh, default options), drawn lit per vertex in distant views (see
  /// kContextErrorPixels). Simplifying the default scene's 125k triangles takes ~25 ms.
  void setContext(const std::vector<Mesh>& models);
  void setContextStyles(const std::vector<ContextStyle>& styles) { contextStyles_ = styles; }
  /// Per-vessel styles; uploaded in one texture update when changed.
  void setStyles(const std::vector<VesselStyle>& styles);
  /// Live state, one texture update per frame: `stateRows()` rows of VZ_STATE_SAMPLES RGBA
  /// texels. Row v < vessel count: samples along vessel v at fractions k / (samples - 1), each
  /// (radius scale, colour-map value, clot 0..1, live 0/1). Then valves, VZ_VALVES_PER_ROW per
  /// row, two texels each: (opening 0..1, regurgitant fraction, lumen scale, live), (centre cm, 0).
  void setFlowState(const std::vector<float>& texels);
  int stateRows() const { return stateRows_; }
  /// Particles for the next draws: `count` records of kParticleFloats floats (one buffer update).
  void setParticles(const float* data, std::size_t count);
  /// Which body's live state (state texture and particle buffer) setFlowState, setParticles and
  /// draw use: 0 or 1 (side by side). Each body has its own, so the second body's upload never
  /// rewrites a texture the first view's queued draws still read (which makes a software
  /// renderer finish those draws first).
  void selectBody(int body) { body_ = body > 0 ? 1 : 0; }
  static constexpr int kBodies = 2;

  /// Draws into the currently bound framebuffer, into the view of the given size (pixels)
  /// whose left edge is at `x` (another view may be beside it: side by side).
  void draw(const OrbitCamera& camera, int width, int height, const SceneLook& look = {}, int x = 0);
  /// Side by side: body 0 in the left half of a `width` x `height` target, body 1 in the right
  /// half, one camera and look. Returns whether the right half copied the background and the
  /// opaque context from the left (single-sampled desktop targets of even width) rather than
  /// drawing them again.
  bool drawPair(const OrbitCamera& camera, int width, int height, const SceneLook& look = {});
  /// Off: drawPair draws both halves in full (for tests and measurements; default on).
  void setPairCopy(bool on) { pairCopy_ = on; }

  std::size_t triangleCount() const;

 private:
  struct Range {
    GLsizei first = 0, count = 0;              ///< in indices
    GLsizei coarseFirst = 0, coarseCount = 0;  ///< the coarse level of detail, in indices
    Vec3 centroid{0.0f};
  };
  /// One view's viewport and transforms.
  struct View {
    int x = 0, width = 1, height = 1;
    Mat4 viewProj{1.0f};
    bool distant = false;
  };
  View beginView(const OrbitCamera& camera, int x, int width, int height);
  /// Depth clear, background, opaque context.
  void drawBase(const OrbitCamera& camera, const View& view, const SceneLook& look);
  /// Valves, particles, walls (the selected body's state), translucent context.
  void drawLive(const OrbitCamera& camera, const View& view, const SceneLook& look);
  void setLightUniforms(GLuint program, const OrbitCamera& camera, const Mat4& viewProj);
  static void setClipUniform(GLuint program, const SceneLook& look);
  void drawBackground(int x, int width, int height, const SceneLook& look);
  void drawVessels(const OrbitCamera& camera, const Mat4& viewProj, const SceneLook& look);
  void drawParticles(const OrbitCamera& camera, int height, const SceneLook& look);
  void drawContext(const OrbitCamera& camera, const Mat4& viewProj, bool translucent, bool distant,
                   const SceneLook& look);

  ShaderLibrary& shaders_;
  /// One body's live state on the GPU.
  struct Body {
    Texture stateTex;
    VertexArray particleVao;
    Buffer particleVbo, particleIbo;
    std::size_t particleCount = 0, particleCapacity = 0;
  };
  VertexArray vao_, emptyVao_, contextVao_;
  Buffer vbo_, ibo_, contextVbo_, contextIbo_;
  std::vector<float> particleVertices_;  ///< four corners per particle, reused every frame
  Texture styleTex_;
  Body bodies_[kBodies];
  int body_ = 0;
  bool pairCopy_ = true;
  GLsizei vesselIndexCount_ = 0, valveIndexCount_ = 0, coarseIndexCount_ = 0;
  int styleRows_ = 0, stateRows_ = 0, vesselCount_ = 0;
  Mat4 proj_{1.0f};  ///< this frame's projection
  int viewportHeight_ = 1;
  /// The background gradient rendered once per size, colours and program (a shader reload
  /// makes a new one); copied into single-sampled targets each frame (a memory copy under
  /// llvmpipe instead of a shaded full-screen pass).
  Texture backgroundTex_;
  Framebuffer backgroundFbo_;
  int backgroundWidth_ = 0, backgroundHeight_ = 0;
  Vec3 backgroundTop_{-1.0f}, backgroundBottom_{-1.0f};
  GLuint backgroundProgram_ = 0;
  std::vector<Range> contextRanges_;
  std::vector<ContextStyle> contextStyles_;
};

}  // namespace venaviz::render
