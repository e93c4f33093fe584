#pragma once
// Typed, move-only owners of GL objects, each with a debug label used in messages.
#include <string>
#include <utility>

#include "render/gl.h"

namespace venaviz::render {

enum class GlKind { Buffer, VertexArray, Texture, Framebuffer, Renderbuffer, Program, Shader };

/// Owns one GL object name of a kind and deletes it when destroyed (needs a current context).
template <GlKind K>
class GlHandle {
 public:
  GlHandle() = default;
  GlHandle(GLuint id, std::string label) : id_(id), label_(std::move(label)) {}
  ~GlHandle() { reset(); }
  GlHandle(const GlHandle&) = delete;
  GlHandle& operator=(const GlHandle&) = delete;
  GlHandle(GlHandle&& o) noexcept : id_(std::exchange(o.id_, 0)), label_(std::move(o.label_)) {}
  GlHandle& operator=(GlHandle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
      label_ = std::move(o.label_);
    }
    return *this;
  }
  GLuint id() const { return id_; }
  const std::string& label() const { return label_; }
  explicit operator bool() const { return id_ != 0; }
  void reset();

 private:
  GLuint id_ = 0;
  std::string label_;
};

using Buffer = GlHandle<GlKind::Buffer>;
using VertexArray = GlHandle<GlKind::VertexArray>;
using Texture = GlHandle<GlKind::Texture>;
using Framebuffer = GlHandle<GlKind::Framebuffer>;
using Renderbuffer = GlHandle<GlKind::Renderbuffer>;
using Program = GlHandle<GlKind::Program>;
using Shader = GlHandle<GlKind::Shader>;

/// Descriptor for a buffer (sokol-style: defaults in-class, a label always).
struct BufferDesc {
  GLenum target = GL_ARRAY_BUFFER;
  GLenum usage = GL_STATIC_DRAW;
  const void* data = nullptr;
  GLsizeiptr size = 0;  ///< bytes
  const char* label = "buffer";
};
Buffer makeBuffer(const BufferDesc& desc);

/// Descriptor for a 2D texture.
struct TextureDesc {
  int width = 1, height = 1;
  GLenum internalFormat = GL_RGBA8;
  GLenum format = GL_RGBA;
  GLenum type = GL_UNSIGNED_BYTE;
  GLenum filter = GL_NEAREST;
  const void* data = nullptr;
  const char* label = "texture";
};
Texture makeTexture(const TextureDesc& desc);

VertexArray makeVertexArray(const char* label);

/// Throws venaviz::Error naming `what` if glGetError reports an error.
void checkGl(const char* what);

}  // namespace venaviz::render
