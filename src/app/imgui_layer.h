#pragma once
// Dear ImGui context plus its GLFW and OpenGL3 backends (from Debian's libimgui.a). With no
// window handle it runs headless: the same panels draw into offscreen renders.
#include "core/math.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace venaviz {

class ImGuiLayer {
 public:
  /// glfwWindow: the platform's native handle, or nullptr for headless frames.
  explicit ImGuiLayer(void* glfwWindow);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  /// Rasterizes fonts and scales the theme for `pixelScale` (UI scale x content scale);
  /// rebuilds the font atlas texture (no blurry stretching).
  void setScale(float pixelScale);
  float scale() const { return scale_; }
  /// Switches the panel colours (sizes kept).
  void setTheme(ui::Theme theme);
  const ui::FontSet& fonts() const { return fonts_; }

  /// Starts a frame. Headless: displaySize in pixels and dt must be given.
  void beginFrame(Vec2 displaySize, float dtSeconds);
  /// Ends the frame and draws it into the currently bound framebuffer.
  void endFrame();

  bool wantsMouse() const;
  bool wantsKeyboard() const;

 private:
  bool windowed_ = false;
  float scale_ = 0.0f;
  ui::Theme theme_ = ui::Theme::Dark;
  ui::FontSet fonts_;
};

}  // namespace venaviz
