#include "render/scene_renderer.h"

#include <algorithm>
#include <cstddef>

#include "render/bindings.h"

namespace venaviz::render {

namespace {
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

SceneRenderer::SceneRenderer(ShaderLibrary& shaders) : shaders_(shaders) {
  shaders_.add("vessel", "vessel.vert", "vessel.frag");
  shaders_.add("background", "background.vert", "background.frag");
  emptyVao_ = makeVertexArray("background.vao");
}

void SceneRenderer::setMesh(const Mesh& mesh, std::size_t vesselCount) {
  vao_ = makeVertexArray("vessels.vao");
  glBindVertexArray(vao_.id());
  vbo_ = makeBuffer({.data = mesh.vertices.data(),
                     .size = static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(MeshVertex)),
                     .label = "vessels.vertices"});
  ibo_ = makeBuffer({.target = GL_ELEMENT_ARRAY_BUFFER,
                     .data = mesh.indices.data(),
                     .size = static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                     .label = "vessels.indices"});
  const auto stride = static_cast<GLsizei>(sizeof(MeshVertex));
  auto attrib = [&](GLuint loc, GLint n, std::size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, n, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
  };
  attrib(VZ_ATTR_POSITION, 3, offsetof(MeshVertex, position));
  attrib(VZ_ATTR_NORMAL, 3, offsetof(MeshVertex, normal));
  attrib(VZ_ATTR_VESSEL, 1, offsetof(MeshVertex, vessel));
  attrib(VZ_ATTR_FRACTION, 1, offsetof(MeshVertex, fraction));
  glBindVertexArray(0);
  indexCount_ = static_cast<GLsizei>(mesh.indices.size());
  styleRows_ = std::max(1, static_cast<int>((vesselCount + VZ_STYLE_TEXTURE_WIDTH - 1) / VZ_STYLE_TEXTURE_WIDTH));
  styleTex_ = makeTexture({.width = VZ_STYLE_TEXTURE_WIDTH,
                           .height = styleRows_,
                           .internalFormat = GL_RGBA32F,
                           .format = GL_RGBA,
                           .type = GL_FLOAT,
                           .label = "vessels.style"});
  checkGl("SceneRenderer::setMesh");
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

void SceneRenderer::draw(const OrbitCamera& camera, int width, int height, const SceneLook& look) {
  glViewport(0, 0, width, height);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClearDepth(1.0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);

  // Background: no depth writes.
  glDisable(GL_DEPTH_TEST);
  glDepthMask(GL_FALSE);
  if (GLuint bg = shaders_.program("background")) {
    glUseProgram(bg);
    setVec3(bg, "uTop", look.backgroundTop);
    setVec3(bg, "uBottom", look.backgroundBottom);
    glBindVertexArray(emptyVao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  GLuint prog = shaders_.program("vessel");
  if (prog && indexCount_ > 0) {
    glUseProgram(prog);
    const Mat4 vp =
        camera.projection(static_cast<float>(width) / static_cast<float>(std::max(height, 1))) * camera.view();
    glUniformMatrix4fv(glGetUniformLocation(prog, "uViewProj"), 1, GL_FALSE, &vp[0][0]);
    setVec3(prog, "uEye", camera.eye());
    // Lights follow the camera: key from the upper left, fill from the lower right.
    const Vec3 f = camera.forward(), r = camera.right(), u = camera.up();
    setVec3(prog, "uKeyDir", glm::normalize(-f * 0.8f + u * 0.7f - r * 0.45f));
    setVec3(prog, "uFillDir", glm::normalize(-f * 0.5f - u * 0.3f + r * 0.8f));
    setVec3(prog, "uUp", u);
    glActiveTexture(GL_TEXTURE0 + VZ_TEX_VESSEL_STYLE);
    glBindTexture(GL_TEXTURE_2D, styleTex_.id());
    glUniform1i(glGetUniformLocation(prog, "uStyle"), VZ_TEX_VESSEL_STYLE);
    glBindVertexArray(vao_.id());
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
  glDisable(GL_CULL_FACE);
  glUseProgram(0);
}

}  // namespace venaviz::render
