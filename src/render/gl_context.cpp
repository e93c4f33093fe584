#include "render/gl_context.h"

#include "core/error.h"
#include "render/gl.h"

namespace venaviz::render {

GlInfo loadGl(ProcLoader loader) {
  GlInfo info;
#if VENAVIZ_GLES
  (void)loader;
  auto text = [](GLenum e) {
    const GLubyte* s = glGetString(e);
    return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("unknown");
  };
  info.vendor = text(GL_VENDOR);
  info.renderer = text(GL_RENDERER);
  info.version = text(GL_VERSION);
  glGetIntegerv(GL_MAJOR_VERSION, &info.major);
  glGetIntegerv(GL_MINOR_VERSION, &info.minor);
  if (info.major < 3)
    throw GraphicsUnavailable("WebGL 2 (OpenGL ES 3.0) is required, but the browser offers \"" + info.version + "\"");
  info.glslVersion = text(GL_SHADING_LANGUAGE_VERSION);
  glGetIntegerv(GL_MAX_SAMPLES, &info.maxSamples);
  return info;
#else
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
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
#endif
}

void finishGl() {
  glFinish();
}

}  // namespace venaviz::render
