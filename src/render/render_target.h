#pragma once
// An offscreen target: the scene renders into multisampled colour+depth, which is resolved
// into single-sample textures. The window shows the resolved image (blit); headless renders
// and screenshots read it back. One code path for both.
#include "core/image.h"
#include "core/math.h"
#include "render/gl_handles.h"

namespace venaviz::render {

struct RenderTargetDesc {
  int width = 1280, height = 800;
  int samples = 4;  ///< MSAA samples, clamped to what the driver allows (default: 4)
  const char* label = "scene";
};

class RenderTarget {
 public:
  /// (Re)creates the attachments when size or samples changed. Needs a current context.
  void ensure(const RenderTargetDesc& desc, int maxSamples);
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

  /// Binds the multisampled framebuffer and sets the viewport.
  void bindScene() const;
  /// Resolves MSAA colour and depth into the single-sample framebuffer and binds it (for UI
  /// drawn on top, which needs no MSAA).
  void resolve() const;
  /// Copies the resolved colour to the default framebuffer of the given size.
  void blitToDefault(int framebufferWidth, int framebufferHeight) const;
  /// Reads the resolved colour (top row first).
  Image readColor() const;
  /// Depth in [0,1] at a pixel (origin top-left) of the resolved image; 1 = background.
  /// Whether readDepth works: WebGL cannot read a depth buffer back (the browser build).
  static constexpr bool depthReadable() {
#if VENAVIZ_GLES
    return false;
#else
    return true;
#endif
  }
  float readDepth(int x, int y) const;

 private:
  int width_ = 0, height_ = 0, samples_ = -1;
  Framebuffer msFbo_, resolveFbo_;
  Renderbuffer msColor_, msDepth_;
  Texture color_, depth_;
};

}  // namespace venaviz::render
