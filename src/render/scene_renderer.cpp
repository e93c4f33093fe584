#include "render/scene_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

#include "anatomy/simplify.h"
#include "render/bindings.h"

namespace venaviz::render {

namespace {
#if VENAVIZ_GLES
constexpr bool kGles = true;
#else
constexpr bool kGles = false;
#endif
Vec3 srgb(float r, float g, float b) {
  return glm::pow(Vec3(r, g, b) / 255.0f, Vec3(2.2f));
}
void setVec3(GLuint program, const char* name, Vec3 v) {
  glUniform3f(glGetUniformLocation(program, name), v.x, v.y, v.z);
}
}  // namespace

Vec3 defaultVesselColor(VesselSystem system) {
  switch (system) {
    case VesselSystem::Deep:
      return srgb(52, 92, 190);
    case VesselSystem::Superficial:
      return srgb(84, 148, 226);
    case VesselSystem::Perforator:
      return srgb(120, 178, 232);
    case VesselSystem::Central:
      return srgb(44, 76, 170);
    case VesselSystem::Collateral:
      return srgb(128, 108, 204);
    case VesselSystem::Artery:
      return srgb(200, 44, 44);
  }
  return srgb(128, 128, 128);
}

namespace {
/// Uploads a mesh into a new VAO with the shared vertex layout.
void uploadMesh(const Mesh& mesh, VertexArray& vao, Buffer& vbo, Buffer& ibo, const char* label) {
  vao = makeVertexArray(label);
  glBindVertexArray(vao.id());
  vbo = makeBuffer({.data = mesh.vertices.data(),
                    .size = static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(MeshVertex)),
                    .label = label});
  ibo = makeBuffer({.target = GL_ELEMENT_ARRAY_BUFFER,
                    .data = mesh.indices.data(),
                    .size = static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                    .label = label});
  const auto stride = static_cast<GLsizei>(sizeof(MeshVertex));
  auto attrib = [&](GLuint loc, GLint n, std::size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, n, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
  };
  attrib(VZ_ATTR_POSITION, 3, offsetof(MeshVertex, position));
  attrib(VZ_ATTR_NORMAL, 3, offsetof(MeshVertex, normal));
  attrib(VZ_ATTR_VESSEL, 1, offsetof(MeshVertex, vessel));
  attrib(VZ_ATTR_FRACTION, 1, offsetof(MeshVertex, fraction));
  attrib(VZ_ATTR_OFFSET, 3, offsetof(MeshVertex, offset));
  attrib(VZ_ATTR_RADIUS, 1, offsetof(MeshVertex, radius));
  glBindVertexArray(0);
}

/// Appends b to a (indices offset).
void append(Mesh& a, const Mesh& b) {
  const auto base = static_cast<std::uint32_t>(a.vertices.size());
  a.vertices.insert(a.vertices.end(), b.vertices.begin(), b.vertices.end());
  for (std::uint32_t i : b.indices) a.indices.push_back(base + i);
}
}  // namespace

SceneRenderer::SceneRenderer(ShaderLibrary& shaders) : shaders_(shaders) {
  shaders_.add("vessel", "vessel.vert", "vessel.frag");
  shaders_.add("background", "background.vert", "background.frag");
  shaders_.add("context", "context.vert", "context.frag");
  shaders_.add("context_far", "context.vert", "context_far.frag");
  shaders_.add("particle", "particle.vert", "particle.frag");
  emptyVao_ = makeVertexArray("background.vao");
  // Particles: one streamed buffer holding each particle's record four times (one per quad
  // corner; the corner is gl_VertexID & 3) and a static index buffer of two triangles per
  // quad. Not instanced: llvmpipe runs instances one at a time, which made 15k particles
  // cost as much as 120k wall triangles (measured with venaviz bench).
  for (Body& b : bodies_) {
    glBindVertexArray(0);  // makeBuffer binds the new buffer: never into another body's VAO
    b.particleVao = makeVertexArray("particles.vao");
    b.particleVbo = makeBuffer({.usage = GL_STREAM_DRAW, .label = "particles"});
    b.particleIbo = makeBuffer({.target = GL_ELEMENT_ARRAY_BUFFER, .label = "particles.quads"});
    glBindVertexArray(b.particleVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, b.particleVbo.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, b.particleIbo.id());
    const auto stride = static_cast<GLsizei>(kParticleFloats * sizeof(float));
    for (GLuint k = 0; k < 2; ++k) {
      const GLuint loc = k == 0 ? VZ_ATTR_PARTICLE_A : VZ_ATTR_PARTICLE_B;
      glEnableVertexAttribArray(loc);
      glVertexAttribPointer(loc, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(k * 4 * sizeof(float)));
    }
  }
  glBindVertexArray(0);
  checkGl("SceneRenderer particles");
}

std::size_t SceneRenderer::triangleCount() const {
  // The fine walls (the coarse ones are an alternative, not an addition).
  std::size_t n = static_cast<std::size_t>(vesselIndexCount_ + valveIndexCount_);
  for (const Range& r : contextRanges_) n += static_cast<std::size_t>(r.count);
  return n / 3;
}

void SceneRenderer::setMesh(const Mesh& vessels, const Mesh& coarse, const Mesh& valves, std::size_t vesselCount,
                            std::size_t valveCount) {
  const std::size_t styleCount = vesselCount + valveCount;
  // One buffer: fine walls, valves, coarse walls (index ranges).
  Mesh all = vessels;
  append(all, valves);
  append(all, coarse);
  uploadMesh(all, vao_, vbo_, ibo_, "vessels");
  vesselIndexCount_ = static_cast<GLsizei>(vessels.indices.size());
  valveIndexCount_ = static_cast<GLsizei>(valves.indices.size());
  coarseIndexCount_ = static_cast<GLsizei>(coarse.indices.size());
  styleRows_ = std::max(1, static_cast<int>((styleCount + VZ_STYLE_TEXTURE_WIDTH - 1) / VZ_STYLE_TEXTURE_WIDTH));
  styleTex_ = makeTexture({.width = VZ_STYLE_TEXTURE_WIDTH,
                           .height = styleRows_,
                           .internalFormat = GL_RGBA32F,
                           .format = GL_RGBA,
                           .type = GL_FLOAT,
                           .label = "vessels.style"});
  vesselCount_ = static_cast<int>(vesselCount);
  stateRows_ = static_cast<int>(vesselCount + (valveCount + VZ_VALVES_PER_ROW - 1) / VZ_VALVES_PER_ROW);
  stateRows_ = std::max(stateRows_, 1);
  // Rest state: atlas radii, no clot, valves half open at their atlas size.
  std::vector<float> rest(static_cast<std::size_t>(VZ_STATE_SAMPLES * stateRows_) * 4, 0.0f);
  for (std::size_t v = 0; v < vesselCount; ++v)
    for (std::size_t k = 0; k < VZ_STATE_SAMPLES; ++k) rest[(v * VZ_STATE_SAMPLES + k) * 4] = 1.0f;
  for (std::size_t i = 0; i < valveCount; ++i) {
    const std::size_t row = vesselCount + i / VZ_VALVES_PER_ROW, col = (i % VZ_VALVES_PER_ROW) * 2;
    float* t = &rest[(row * VZ_STATE_SAMPLES + col) * 4];
    t[0] = 0.5f;  // opening
    t[2] = 1.0f;  // lumen scale (the centre texel stays 0: with scale 1 it does not matter)
  }
  for (Body& b : bodies_)
    b.stateTex = makeTexture({.width = VZ_STATE_SAMPLES,
                              .height = stateRows_,
                              .internalFormat = GL_RGBA32F,
                              .format = GL_RGBA,
                              .type = GL_FLOAT,
                              .data = rest.data(),
                              .label = "vessels.state"});
  checkGl("SceneRenderer::setMesh");
}

void SceneRenderer::setContext(const std::vector<Mesh>& models) {
  // One buffer: every fine model, then every coarse one (index ranges).
  Mesh all;
  contextRanges_.clear();
  for (const Mesh& m : models) {
    Range r;
    r.first = static_cast<GLsizei>(all.indices.size());
    r.count = static_cast<GLsizei>(m.indices.size());
    for (const auto& v : m.vertices) r.centroid += v.position;
    if (!m.vertices.empty()) r.centroid /= static_cast<float>(m.vertices.size());
    contextRanges_.push_back(r);
    append(all, m);
  }
  for (std::size_t i = 0; i < models.size(); ++i) {
    Range& r = contextRanges_[i];
    const Mesh m = simplifyMesh(models[i]);
    r.coarseFirst = static_cast<GLsizei>(all.indices.size());
    r.coarseCount = static_cast<GLsizei>(m.indices.size());
    // A model smaller than a cell may vanish: keep its fine mesh.
    if (r.coarseCount == 0) r.coarseFirst = r.first, r.coarseCount = r.count;
    append(all, m);
  }
  contextStyles_.resize(models.size());
  if (all.indices.empty()) {
    contextVao_ = VertexArray();
    return;
  }
  uploadMesh(all, contextVao_, contextVbo_, contextIbo_, "context");
  checkGl("SceneRenderer::setContext");
}

void SceneRenderer::setClipUniform(GLuint prog, const SceneLook& look) {
  const Vec4& c = look.clipPlane;
  glUniform4f(glGetUniformLocation(prog, "uClip"), c.x, c.y, c.z, c.w);
}

void SceneRenderer::setLightUniforms(GLuint prog, const OrbitCamera& camera, const Mat4& vp) {
  glUniformMatrix4fv(glGetUniformLocation(prog, "uViewProj"), 1, GL_FALSE, &vp[0][0]);
  setVec3(prog, "uEye", camera.eye());
  // Lights follow the camera: key from the upper left, fill from the lower right.
  const Vec3 f = camera.forward(), r = camera.right(), u = camera.up();
  setVec3(prog, "uKeyDir", glm::normalize(-f * 0.8f + u * 0.7f - r * 0.45f));
  setVec3(prog, "uFillDir", glm::normalize(-f * 0.5f - u * 0.3f + r * 0.8f));
  setVec3(prog, "uUp", u);
  // Depth cue from just in front of the orbit target to well behind it.
  const float d = camera.pose().distance;
  glUniform2f(glGetUniformLocation(prog, "uDepthCue"), d * 0.9f, d * 1.35f + 20.0f);
}

void SceneRenderer::drawContext(const OrbitCamera& camera, const Mat4& vp, bool translucent, bool distant,
                                const SceneLook& look) {
  // Distant views: the coarse meshes, lit per vertex (context_far.frag says why).
  const GLuint prog = shaders_.program(distant ? "context_far" : "context");
  if (!prog || !contextVao_) return;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < contextRanges_.size(); ++i) {
    const ContextStyle& st = contextStyles_[i];
    if (st.visible && st.opacity > 0.0f && (st.opacity < 0.999f) == translucent) order.push_back(i);
  }
  if (order.empty()) return;
  // Translucent: far to near (painter's order between models). Opaque: near to far, so the
  // depth test rejects hidden pixels before they are shaded.
  const Vec3 eye = camera.eye();
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const float da = glm::distance(contextRanges_[a].centroid, eye);
    const float db = glm::distance(contextRanges_[b].centroid, eye);
    return translucent ? da > db : da < db;
  });
  glUseProgram(prog);
  setLightUniforms(prog, camera, vp);
  setClipUniform(prog, look);
  glUniform1i(glGetUniformLocation(prog, "uXray"), translucent && look.xray ? 1 : 0);
  glBindVertexArray(contextVao_.id());
  if (translucent) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
  }
  const GLint swellAt = glGetUniformLocation(prog, "uSwell"), skinAt = glGetUniformLocation(prog, "uSkin");
  setVec3(prog, "uMalleolusL", look.malleolus[0]);
  setVec3(prog, "uMalleolusR", look.malleolus[1]);
  for (std::size_t i : order) {
    setVec3(prog, "uColor", contextStyles_[i].color);
    const Vec3 swell = static_cast<int>(i) == look.swellModel ? look.swell[body_] : Vec3(0.0f);
    glUniform3f(swellAt, swell.x, swell.y, swell.z);
    const bool skin = static_cast<int>(i) == look.swellModel;
    const Vec2 level = look.skinLevel[body_];
    glUniform4f(skinAt, level.x, level.y, skin ? 1.0f : 0.0f, 0.0f);
    glUniform1f(glGetUniformLocation(prog, "uOpacity"), contextStyles_[i].opacity);
    const Range& r = contextRanges_[i];
    glDrawElements(GL_TRIANGLES, distant ? r.coarseCount : r.count, GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(static_cast<std::size_t>(distant ? r.coarseFirst : r.first) *
                                                 sizeof(std::uint32_t)));
  }
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
}

void SceneRenderer::setStyles(const std::vector<VesselStyle>& styles) {
  if (!styleTex_) return;
  std::vector<float> texels(static_cast<std::size_t>(VZ_STYLE_TEXTURE_WIDTH * styleRows_) * 4, 0.0f);
  const std::size_t n = std::min(styles.size(), texels.size() / 4);
  for (std::size_t i = 0; i < n; ++i) {
    texels[i * 4 + 0] = styles[i].color.r;
    texels[i * 4 + 1] = styles[i].color.g;
    texels[i * 4 + 2] = styles[i].color.b;
    texels[i * 4 + 3] = styles[i].highlight;
  }
  glBindTexture(GL_TEXTURE_2D, styleTex_.id());
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, VZ_STYLE_TEXTURE_WIDTH, styleRows_, GL_RGBA, GL_FLOAT, texels.data());
}

void SceneRenderer::setFlowState(const std::vector<float>& texels) {
  const Texture& tex = bodies_[body_].stateTex;
  if (!tex || texels.size() < static_cast<std::size_t>(VZ_STATE_SAMPLES * stateRows_) * 4) return;
  glBindTexture(GL_TEXTURE_2D, tex.id());
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, VZ_STATE_SAMPLES, stateRows_, GL_RGBA, GL_FLOAT, texels.data());
}

void SceneRenderer::setParticles(const float* data, std::size_t count) {
  Body& b = bodies_[body_];
  b.particleCount = count;
  if (count == 0) return;
  // Four corners per particle (the same record each time).
  particleVertices_.resize(count * 4 * kParticleFloats);
  for (std::size_t i = 0; i < count; ++i)
    for (std::size_t c = 0; c < 4; ++c)
      std::copy_n(data + i * kParticleFloats, kParticleFloats, &particleVertices_[(i * 4 + c) * kParticleFloats]);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, b.particleVbo.id());
  const auto bytes = static_cast<GLsizeiptr>(particleVertices_.size() * sizeof(float));
  if (count > b.particleCapacity) {
    b.particleCapacity = count + count / 4;  // headroom: the count changes a little every frame
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(b.particleCapacity * 4 * kParticleFloats * sizeof(float)),
                 nullptr, GL_STREAM_DRAW);
    std::vector<std::uint32_t> quads(b.particleCapacity * 6);
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(b.particleCapacity); ++i) {
      const std::uint32_t q = i * 4;
      std::copy_n(std::initializer_list<std::uint32_t>{q, q + 1, q + 2, q + 2, q + 1, q + 3}.begin(), 6, &quads[i * 6]);
    }
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, b.particleIbo.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(quads.size() * sizeof(std::uint32_t)), quads.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
  } else {
    // Orphan the old storage so the driver need not wait for the previous frame's draw.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(b.particleCapacity * 4 * kParticleFloats * sizeof(float)),
                 nullptr, GL_STREAM_DRAW);
  }
  glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, particleVertices_.data());
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void SceneRenderer::drawParticles(const OrbitCamera& camera, int height, const SceneLook& look) {
  const GLuint prog = shaders_.program("particle");
  const Body& b = bodies_[body_];
  if (!prog || !look.particles || b.particleCount == 0) return;
  glUseProgram(prog);
  const Mat4 view = camera.view();
  glUniformMatrix4fv(glGetUniformLocation(prog, "uView"), 1, GL_FALSE, &view[0][0]);
  glUniformMatrix4fv(glGetUniformLocation(prog, "uProj"), 1, GL_FALSE, &proj_[0][0]);
  const float pixelWorld =
      2.0f * std::tan(glm::radians(camera.fovYDeg()) * 0.5f) / static_cast<float>(std::max(height, 1));
  glUniform1f(glGetUniformLocation(prog, "uPixelWorld"), pixelWorld);
  glUniform1f(glGetUniformLocation(prog, "uSize"), look.particleSize);
  glUniform1f(glGetUniformLocation(prog, "uMinPixels"), look.particleMinPixels);
  glUniform1f(glGetUniformLocation(prog, "uStreak"), look.streakSeconds);
  glUniform1i(glGetUniformLocation(prog, "uColorMode"), look.particleColor);
  glUniform1f(glGetUniformLocation(prog, "uSpeedMax"), look.speedMax);
  glUniform1f(glGetUniformLocation(prog, "uRefluxMin"), look.refluxMin);
  setClipUniform(prog, look);
  const float d = camera.pose().distance;
  glUniform2f(glGetUniformLocation(prog, "uDepthCue"), d * 0.9f, d * 1.35f + 20.0f);
  // Quads fitted to each streak: point sprites would be one vertex each but cover a square
  // around the whole streak, several times the pixels (measured slower under llvmpipe).
  glDisable(GL_CULL_FACE);
  glBindVertexArray(b.particleVao.id());
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.particleCount * 6), GL_UNSIGNED_INT, nullptr);
  glEnable(GL_CULL_FACE);
}

void SceneRenderer::drawVessels(const OrbitCamera& camera, const Mat4& vp, const SceneLook& look) {
  const GLuint prog = shaders_.program("vessel");
  if (!prog || vesselIndexCount_ + valveIndexCount_ == 0) return;
  glUseProgram(prog);
  setLightUniforms(prog, camera, vp);
  glActiveTexture(GL_TEXTURE0 + VZ_TEX_VESSEL_STYLE);
  glBindTexture(GL_TEXTURE_2D, styleTex_.id());
  glUniform1i(glGetUniformLocation(prog, "uStyle"), VZ_TEX_VESSEL_STYLE);
  glActiveTexture(GL_TEXTURE0 + VZ_TEX_FLOW_STATE);
  glBindTexture(GL_TEXTURE_2D, bodies_[body_].stateTex.id());
  glUniform1i(glGetUniformLocation(prog, "uState"), VZ_TEX_FLOW_STATE);
  glActiveTexture(GL_TEXTURE0);
  glUniform1i(glGetUniformLocation(prog, "uVesselCount"), vesselCount_);
  glUniform1i(glGetUniformLocation(prog, "uColorMap"), look.colorMap ? 1 : 0);
  glUniform2f(glGetUniformLocation(prog, "uMapRange"), look.mapRange.x, look.mapRange.y);
  setClipUniform(prog, look);
  glBindVertexArray(vao_.id());
  const bool coarse = !look.fineWalls && coarseIndexCount_ > 0;
  // Valve leaflets first (open surfaces: both sides), always opaque. Distant views (coarse
  // walls) leave them out: a valve is then a pixel or two, and 194 valves cost as many
  // triangles as the walls.
  glUniform1i(glGetUniformLocation(prog, "uGlass"), 0);
  if (!coarse) {
    glDisable(GL_CULL_FACE);
    glDrawElements(GL_TRIANGLES, valveIndexCount_, GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(static_cast<std::size_t>(vesselIndexCount_) * sizeof(std::uint32_t)));
    glEnable(GL_CULL_FACE);
  }
  const GLsizei wallCount = coarse ? coarseIndexCount_ : vesselIndexCount_;
  const auto* wallFirst = reinterpret_cast<const void*>(
      coarse ? static_cast<std::size_t>(vesselIndexCount_ + valveIndexCount_) * sizeof(std::uint32_t) : 0);
  if (!look.glassWalls) {
    glDrawElements(GL_TRIANGLES, wallCount, GL_UNSIGNED_INT, wallFirst);
    return;
  }
  // Particles go in before the glass so the walls tint them.
  drawParticles(camera, viewportHeight_, look);
  glUseProgram(prog);
  glBindVertexArray(vao_.id());
  // Glass walls: front faces blended over everything inside (premultiplied alpha), in one pass
  // that also writes depth (for picking, labels and the x-ray skin). Where two tubes overlap,
  // the one drawn first hides the wall (not the particles) of the one behind it: a cheap
  // approximation of order-independent transparency that costs no extra pass.
  glUniform1i(glGetUniformLocation(prog, "uGlass"), 1);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDrawElements(GL_TRIANGLES, wallCount, GL_UNSIGNED_INT, wallFirst);
  glDisable(GL_BLEND);
}

void SceneRenderer::drawBackground(int x, int width, int height, const SceneLook& look) {
  const GLuint prog = shaders_.program("background");
  if (!prog) {
    glClear(GL_COLOR_BUFFER_BIT);
    return;
  }
  auto pass = [&] {
    glUseProgram(prog);
    setVec3(prog, "uTop", look.backgroundTop);
    setVec3(prog, "uBottom", look.backgroundBottom);
    glBindVertexArray(emptyVao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
  };
  GLint target = 0, readTarget = 0, sampleBuffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &sampleBuffers);
  if (sampleBuffers != 0) {  // a multisampled target (GPUs) cannot be blitted into: shade it
    pass();
    return;
  }
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readTarget);
  const bool resized = !backgroundFbo_ || width != backgroundWidth_ || height != backgroundHeight_;
  if (resized) {
    backgroundTex_ = makeTexture({.width = width, .height = height, .label = "background.cache"});
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    backgroundFbo_ = Framebuffer(id, "background.cache");
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, backgroundTex_.id(), 0);
  }
  if (resized || prog != backgroundProgram_ || look.backgroundTop != backgroundTop_ ||
      look.backgroundBottom != backgroundBottom_) {
    glBindFramebuffer(GL_FRAMEBUFFER, backgroundFbo_.id());
    glViewport(0, 0, width, height);
    pass();
    glViewport(x, 0, width, height);
    backgroundWidth_ = width;
    backgroundHeight_ = height;
    backgroundTop_ = look.backgroundTop;
    backgroundBottom_ = look.backgroundBottom;
    backgroundProgram_ = prog;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, backgroundFbo_.id());
  glBlitFramebuffer(0, 0, width, height, x, 0, x + width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(readTarget));
}

SceneRenderer::View SceneRenderer::beginView(const OrbitCamera& camera, int x, int width, int height) {
  glViewport(x, 0, width, height);
  View v;
  v.x = x;
  v.width = width;
  v.height = height;
  proj_ = camera.projection(static_cast<float>(width) / static_cast<float>(std::max(height, 1)));
  viewportHeight_ = height;
  v.viewProj = proj_ * camera.view();
  // Distant views (the coarse context's error under a pixel at the orbit target) draw the
  // coarse context, lit per vertex.
  const float pxPerCm = static_cast<float>(height) / (2.0f * std::tan(glm::radians(camera.fovYDeg()) * 0.5f) *
                                                      std::max(camera.pose().distance, 1.0f));
  v.distant = SimplifyOptions{}.maxError * pxPerCm < kContextErrorPixels;
  return v;
}

void SceneRenderer::drawBase(const OrbitCamera& camera, const View& v, const SceneLook& look) {
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDepthMask(GL_TRUE);
#if VENAVIZ_GLES
  glClearDepthf(1.0f);
#else
  glClearDepth(1.0);
#endif
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  // Only this view's part of the target: another view may sit beside it (side by side).
  glEnable(GL_SCISSOR_TEST);
  glScissor(v.x, 0, v.width, v.height);
  glClear(GL_DEPTH_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  drawBackground(v.x, v.width, v.height, look);  // every pixel: the colour needs no clear
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  drawContext(camera, v.viewProj, false, v.distant, look);  // opaque context (bones) first: glass walls blend over it
}

void SceneRenderer::drawLive(const OrbitCamera& camera, const View& v, const SceneLook& look) {
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  drawVessels(camera, v.viewProj, look);  // valves, particles, walls
  if (!look.glassWalls) drawParticles(camera, v.height, look);
  drawContext(camera, v.viewProj, true, v.distant, look);  // translucent context last, over everything
  glBindVertexArray(0);
  glDisable(GL_CULL_FACE);
  glUseProgram(0);
}

void SceneRenderer::draw(const OrbitCamera& camera, int width, int height, const SceneLook& look, int x) {
  const View v = beginView(camera, x, width, height);
  drawBase(camera, v, look);
  drawLive(camera, v, look);
}

bool SceneRenderer::drawPair(const OrbitCamera& camera, int width, int height, const SceneLook& look) {
  const int half = width / 2;
  // The background and the opaque context (bones) look the same in both halves (one camera,
  // one look, the same size), so the second half copies them, colour and depth, from the
  // first instead of transforming every bone again: a software renderer's vertex stage is
  // what two views cost (docs/performance.md). A copy needs a single-sampled desktop target:
  // OpenGL 3.3 cannot blit into a multisampled one and WebGL 2 forbids a blit within one
  // framebuffer; there both halves draw their own.
  GLint sampleBuffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &sampleBuffers);
  // (A swollen skin drawn opaque differs between the bodies: then both draw their own.)
  const bool copy = pairCopy_ && !kGles && sampleBuffers == 0 && width == 2 * half &&
                    (look.swellModel < 0 || (look.swell[0] == look.swell[1] && look.skinLevel[0] == look.skinLevel[1]));
  const int prevBody = body_;
  const View left = beginView(camera, 0, half, height);
  drawBase(camera, left, look);
  if (copy) {
    GLint target = 0, readTarget = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readTarget);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(target));
    glBlitFramebuffer(0, 0, half, height, half, 0, 2 * half, height, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(readTarget));
  }
  selectBody(0);
  drawLive(camera, left, look);
  const View right = beginView(camera, half, width - half, height);
  if (!copy) drawBase(camera, right, look);
  selectBody(1);
  drawLive(camera, right, look);
  body_ = prevBody;
  return copy;
}

}  // namespace venaviz::render
