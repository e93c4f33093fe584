#include "render/gl_handles.h"

#include "core/error.h"

namespace venaviz::render {

template <GlKind K>
void GlHandle<K>::reset() {
  if (!id_) return;
  if constexpr (K == GlKind::Buffer) glDeleteBuffers(1, &id_);
  if constexpr (K == GlKind::VertexArray) glDeleteVertexArrays(1, &id_);
  if constexpr (K == GlKind::Texture) glDeleteTextures(1, &id_);
  if constexpr (K == GlKind::Framebuffer) glDeleteFramebuffers(1, &id_);
  if constexpr (K == GlKind::Renderbuffer) glDeleteRenderbuffers(1, &id_);
  if constexpr (K == GlKind::Program) glDeleteProgram(id_);
  if constexpr (K == GlKind::Shader) glDeleteShader(id_);
  id_ = 0;
}

template class GlHandle<GlKind::Buffer>;
template class GlHandle<GlKind::VertexArray>;
template class GlHandle<GlKind::Texture>;
template class GlHandle<GlKind::Framebuffer>;
template class GlHandle<GlKind::Renderbuffer>;
template class GlHandle<GlKind::Program>;
template class GlHandle<GlKind::Shader>;

Buffer makeBuffer(const BufferDesc& d) {
  GLuint id = 0;
  glGenBuffers(1, &id);
  glBindBuffer(d.target, id);
  glBufferData(d.target, d.size, d.data, d.usage);
  checkGl(d.label);
  return Buffer(id, d.label);
}

Texture makeTexture(const TextureDesc& d) {
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(d.filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(d.filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(d.internalFormat), d.width, d.height, 0, d.format, d.type, d.data);
  checkGl(d.label);
  return Texture(id, d.label);
}

VertexArray makeVertexArray(const char* label) {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return VertexArray(id, label);
}

void checkGl(const char* what) {
  const GLenum e = glGetError();
  if (e != GL_NO_ERROR) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", e);
    throw Error(std::string("OpenGL error ") + code + " in " + what);
  }
}

}  // namespace venaviz::render
