#include "render/gl_context.h"

#include "core/error.h"
#include "render/gl.h"

namespace venaviz::render {

GlInfo loadGl(ProcLoader loader) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
  GlInfo info;
  if (glGetString) {
    auto str = [](GLenum e) {
      const GLubyte* s = glGetString(e);
      return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("unknown");
    };
    info.vendor = str(GL_VENDOR);
    info.renderer = str(GL_RENDERER);
    info.version = str(GL_VERSION);
  }
  info.major = GLAD_VERSION_MAJOR(version);
  info.minor = GLAD_VERSION_MINOR(version);
  if (version == 0 || info.major * 10 + info.minor < 33)
    throw GraphicsUnavailable("OpenGL 3.3 core is required, but the driver offers " +
                              (info.version.empty() ? std::string("no usable OpenGL") : "\"" + info.version + "\"") +
                              " (renderer \"" + (info.renderer.empty() ? "unknown" : info.renderer) + "\", vendor \"" +
                              (info.vendor.empty() ? "unknown" : info.vendor) +
                              "\"); update the graphics driver or run with LIBGL_ALWAYS_SOFTWARE=1 (Mesa llvmpipe)");
  const GLubyte* glsl = glGetString(GL_SHADING_LANGUAGE_VERSION);
  info.glslVersion = glsl ? reinterpret_cast<const char*>(glsl) : "";
  glGetIntegerv(GL_MAX_SAMPLES, &info.maxSamples);
  return info;
}

void finishGl() {
  glFinish();
}

}  // namespace venaviz::render
