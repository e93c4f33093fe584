#pragma once
// The GLFW window with an OpenGL 3.3 core context. Hidden windows give the headless
// renderer a context through exactly the same code path.
#include <memory>
#include <string>
#include <vector>

#include "core/math.h"
#include "platform/input.h"

namespace venaviz::platform {

struct WindowDesc {
  std::string title = "venaviz";
  int width = 1280;     ///< logical pixels (default: 1280)
  int height = 800;     ///< logical pixels (default: 800)
  bool visible = true;  ///< false: hidden window for headless rendering
  bool vsync = true;    ///< default: on
  bool fullscreen = false;
  int monitor = 0;  ///< full screen on this monitor (0: the primary; 1, 2...: GLFW's list order)
};

/// A function returning GL entry points by name (glfwGetProcAddress).
using ProcLoader = void (*(*)(const char*))();

class Window {
 public:
  /// Creates the window and makes its context current. Throws venaviz::Error with a clear
  /// message when there is no display or no OpenGL 3.3 core context.
  explicit Window(const WindowDesc& desc);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool shouldClose() const;
  void requestClose();
  void pollEvents();
  /// Sleeps until an event arrives or `timeoutSeconds` pass (an idle app burns no core).
  void waitEvents(double timeoutSeconds);
  void swapBuffers();

  Vec2 windowSize() const;             ///< logical pixels
  glm::ivec2 framebufferSize() const;  ///< device pixels
  float contentScale() const;          ///< monitor content scale (1 on standard DPI)
  Vec2 cursorPosition() const;
  bool mouseDown(MouseButton button) const;

  void setFullscreen(bool on);
  bool fullscreen() const { return fullscreen_; }
  /// The monitor full screen goes to (0: primary, k: the k-th in GLFW's list, 1-based);
  /// one that is not connected falls back to the primary with a warning.
  void setMonitor(int monitor) { monitor_ = monitor; }
  /// Connected monitors, in GLFW's order ("1: DP-1 1920x1080").
  static std::vector<std::string> monitors();
  void setTitle(const std::string& title);

  /// Events since the last call, in order.
  std::vector<InputEvent> takeEvents();

  /// The GLFWwindow*, for the ImGui GLFW backend only.
  void* nativeHandle() const { return handle_; }
  static ProcLoader procLoader();
  /// Seconds since GLFW started (monotonic).
  static double time();

  struct Impl;  // callbacks live in window.cpp

 private:
  void* handle_ = nullptr;
  bool fullscreen_ = false;
  int monitor_ = 0;
  int windowedPos_[2] = {0, 0};
  int windowedSize_[2] = {1280, 800};
  std::unique_ptr<Impl> impl_;
};

}  // namespace venaviz::platform
