#include "render/render_target.h"

#include <algorithm>

#include "core/error.h"

namespace venaviz::render {

void RenderTarget::ensure(const RenderTargetDesc& d, int maxSamples) {
  const int w = std::max(d.width, 1), h = std::max(d.height, 1);
  const int samples = std::clamp(d.samples, 0, std::max(maxSamples, 0));
  if (w == width_ && h == height_ && samples == samples_ && msFbo_) return;
  width_ = w;
  height_ = h;
  samples_ = samples;

  GLuint id = 0;
  glGenRenderbuffers(1, &id);
  msColor_ = Renderbuffer(id, std::string(d.label) + ".msaa_color");
  glBindRenderbuffer(GL_RENDERBUFFER, id);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
  glGenRenderbuffers(1, &id);
  msDepth_ = Renderbuffer(id, std::string(d.label) + ".msaa_depth");
  glBindRenderbuffer(GL_RENDERBUFFER, id);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, w, h);
  glGenFramebuffers(1, &id);
  msFbo_ = Framebuffer(id, std::string(d.label) + ".msaa");
  glBindFramebuffer(GL_FRAMEBUFFER, id);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msColor_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, msDepth_.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw Error(std::string("offscreen framebuffer ") + d.label + " is incomplete (" + std::to_string(w) + "x" +
                std::to_string(h) + ", " + std::to_string(samples) + " samples)");

  color_ = makeTexture({.width = w, .height = h, .filter = GL_LINEAR, .label = "scene.color"});
  depth_ = makeTexture({.width = w,
                        .height = h,
                        .internalFormat = GL_DEPTH_COMPONENT24,
                        .format = GL_DEPTH_COMPONENT,
                        .type = GL_UNSIGNED_INT,
                        .label = "scene.depth"});
  glGenFramebuffers(1, &id);
  resolveFbo_ = Framebuffer(id, std::string(d.label) + ".resolved");
  glBindFramebuffer(GL_FRAMEBUFFER, id);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, depth_.id(), 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw Error(std::string("resolve framebuffer ") + d.label + " is incomplete");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  checkGl("RenderTarget::ensure");
}

void RenderTarget::bindScene() const {
  // Without multisampling the scene is drawn straight into the resolved target (no copy).
  glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 0 ? msFbo_.id() : resolveFbo_.id());
  glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() const {
  if (samples_ == 0) {
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_.id());
    glViewport(0, 0, width_, height_);
    return;
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_.id());
  glViewport(0, 0, width_, height_);
}

void RenderTarget::blitToDefault(int fbw, int fbh) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, fbw, fbh, GL_COLOR_BUFFER_BIT,
                    fbw == width_ && fbh == height_ ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image RenderTarget::readColor() const {
  Image img;
  img.width = width_;
  img.height = height_;
  img.rgba.resize(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  // GL rows start at the bottom; images start at the top.
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(img.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)),
                     img.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y + 1)),
                     img.rgba.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height_ - 1 - y)));
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  checkGl("RenderTarget::readColor");
  return img;
}

float RenderTarget::readDepth(int x, int y) const {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return 1.0f;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  GLuint d = 0;
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(x, height_ - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, &d);
  return static_cast<float>(static_cast<double>(d) / 4294967295.0);
}

}  // namespace venaviz::render
