#include "platform/window.h"

#include <GLFW/glfw3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "core/log.h"

namespace venaviz::platform {

struct Window::Impl {
  std::vector<InputEvent> events;
  std::vector<std::string> dropped;
  double lastPressTime = -1.0;
  Vec2 lastPressPos{0.0f};
  Vec2 lastCursor{0.0f};
  bool haveCursor = false;
  int mods = 0;
};

namespace {
std::string g_lastGlfwError;

void onGlfwError(int code, const char* text) {
  g_lastGlfwError = text ? text : "unknown";
  log::debug("GLFW error " + std::to_string(code) + ": " + g_lastGlfwError);
}

Window::Impl& implOf(GLFWwindow* w) {
  return *static_cast<Window::Impl*>(glfwGetWindowUserPointer(w));
}

int toMods(int m) {
  return ((m & GLFW_MOD_SHIFT) ? kShift : 0) | ((m & GLFW_MOD_CONTROL) ? kCtrl : 0) | ((m & GLFW_MOD_ALT) ? kAlt : 0);
}

Key toKey(int k) {
  switch (k) {
    case GLFW_KEY_SPACE:
      return Key::Space;
    case GLFW_KEY_ESCAPE:
      return Key::Escape;
    case GLFW_KEY_ENTER:
      return Key::Enter;
    case GLFW_KEY_TAB:
      return Key::Tab;
    case GLFW_KEY_BACKSPACE:
      return Key::Backspace;
    case GLFW_KEY_LEFT:
      return Key::Left;
    case GLFW_KEY_RIGHT:
      return Key::Right;
    case GLFW_KEY_UP:
      return Key::Up;
    case GLFW_KEY_DOWN:
      return Key::Down;
    case GLFW_KEY_PAGE_UP:
      return Key::PageUp;
    case GLFW_KEY_PAGE_DOWN:
      return Key::PageDown;
    case GLFW_KEY_HOME:
      return Key::Home;
    case GLFW_KEY_END:
      return Key::End;
    case GLFW_KEY_F1:
      return Key::F1;
    case GLFW_KEY_F5:
      return Key::F5;
    case GLFW_KEY_F11:
      return Key::F11;
    case GLFW_KEY_H:
      return Key::H;
    case GLFW_KEY_F:
      return Key::F;
    case GLFW_KEY_R:
      return Key::R;
    case GLFW_KEY_S:
      return Key::S;
    case GLFW_KEY_P:
      return Key::P;
    case GLFW_KEY_L:
      return Key::L;
    case GLFW_KEY_X:
      return Key::X;
    case GLFW_KEY_B:
      return Key::B;
    case GLFW_KEY_T:
      return Key::T;
    case GLFW_KEY_EQUAL:
    case GLFW_KEY_KP_ADD:
      return Key::Plus;
    case GLFW_KEY_MINUS:
    case GLFW_KEY_KP_SUBTRACT:
      return Key::Minus;
    case GLFW_KEY_PERIOD:
      return Key::Period;
    case GLFW_KEY_1:
    case GLFW_KEY_KP_1:
      return Key::Num1;
    case GLFW_KEY_2:
    case GLFW_KEY_KP_2:
      return Key::Num2;
    case GLFW_KEY_3:
    case GLFW_KEY_KP_3:
      return Key::Num3;
    case GLFW_KEY_4:
    case GLFW_KEY_KP_4:
      return Key::Num4;
    case GLFW_KEY_5:
    case GLFW_KEY_KP_5:
      return Key::Num5;
    case GLFW_KEY_6:
    case GLFW_KEY_KP_6:
      return Key::Num6;
    default:
      return Key::Unknown;
  }
}

void onMouseButton(GLFWwindow* w, int button, int action, int mods) {
  auto& im = implOf(w);
  double x = 0, y = 0;
  glfwGetCursorPos(w, &x, &y);
  InputEvent e;
  e.position = {static_cast<float>(x), static_cast<float>(y)};
  e.button = static_cast<MouseButton>(std::min(button, 2));
  e.mods = toMods(mods);
  e.type = action == GLFW_PRESS ? InputEvent::Type::MouseDown : InputEvent::Type::MouseUp;
  im.events.push_back(e);
  if (action == GLFW_PRESS && button == GLFW_MOUSE_BUTTON_LEFT) {
    const double now = glfwGetTime();
    // GLFW has no double-click event: two presses within 0.35 s and 5 px make one.
    if (im.lastPressTime >= 0.0 && now - im.lastPressTime < 0.35 && glm::distance(im.lastPressPos, e.position) < 5.0f) {
      e.type = InputEvent::Type::DoubleClick;
      im.events.push_back(e);
      im.lastPressTime = -1.0;
    } else {
      im.lastPressTime = now;
      im.lastPressPos = e.position;
    }
  }
}

void onCursor(GLFWwindow* w, double x, double y) {
  auto& im = implOf(w);
  const Vec2 p{static_cast<float>(x), static_cast<float>(y)};
  InputEvent e;
  e.type = InputEvent::Type::MouseMove;
  e.position = p;
  e.delta = im.haveCursor ? p - im.lastCursor : Vec2(0.0f);
  im.lastCursor = p;
  im.haveCursor = true;
  im.events.push_back(e);
}

void onScroll(GLFWwindow* w, double dx, double dy) {
#ifdef __EMSCRIPTEN__
  // Emscripten's GLFW passes the page's wheel delta (about +-100 a notch, opposite sign).
  dx = -std::clamp(dx / 100.0, -3.0, 3.0);
  dy = -std::clamp(dy / 100.0, -3.0, 3.0);
#endif
  InputEvent e;
  e.type = InputEvent::Type::Scroll;
  e.delta = {static_cast<float>(dx), static_cast<float>(dy)};
  double x = 0, y = 0;
  glfwGetCursorPos(w, &x, &y);
  e.position = {static_cast<float>(x), static_cast<float>(y)};
  implOf(w).events.push_back(e);
}

void onKey(GLFWwindow* w, int key, int /*scancode*/, int action, int mods) {
  if (action == GLFW_RELEASE) return;
  InputEvent e;
  e.type = action == GLFW_REPEAT ? InputEvent::Type::KeyRepeat : InputEvent::Type::KeyDown;
  e.key = toKey(key);
  e.mods = toMods(mods);
  implOf(w).events.push_back(e);
}

/// After a failed 3.3 core request: opens a default context only to name the driver.
std::string probeDriver() {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* probe = glfwCreateWindow(16, 16, "probe", nullptr, nullptr);
  if (!probe) return "no OpenGL context at all";
  glfwMakeContextCurrent(probe);
  using GetString = const unsigned char* (*)(unsigned int);
  auto getString = reinterpret_cast<GetString>(glfwGetProcAddress("glGetString"));
  std::string text = "an unknown OpenGL";
  if (getString) {
    constexpr unsigned int kRenderer = 0x1F01, kVersion = 0x1F02;  // GL_RENDERER, GL_VERSION
    const unsigned char* r = getString(kRenderer);
    const unsigned char* v = getString(kVersion);
    text = "OpenGL \"" + std::string(v ? reinterpret_cast<const char*>(v) : "?") + "\" on \"" +
           std::string(r ? reinterpret_cast<const char*>(r) : "?") + "\"";
  }
  glfwMakeContextCurrent(nullptr);
  glfwDestroyWindow(probe);
  return text;
}

void onDrop(GLFWwindow* w, int count, const char** paths) {
  auto& im = implOf(w);
  for (int i = 0; i < count; ++i) im.dropped.emplace_back(paths[i]);
}
}  // namespace

Window::Window(const WindowDesc& desc) : impl_(std::make_unique<Impl>()) {
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit()) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    throw GraphicsUnavailable("cannot open a window: " + g_lastGlfwError +
                              ((!display || !*display) && (!wayland || !*wayland)
                                   ? " (no DISPLAY is set; on a machine without a screen run under xvfb-run -a)"
                                   : ""));
  }
#ifdef __EMSCRIPTEN__
  // The browser: a WebGL 2 context (OpenGL ES 3.0) on the page's canvas.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, desc.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_FOCUS_ON_SHOW, desc.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // high-DPI: size in logical pixels
#endif
  glfwWindowHint(GLFW_SAMPLES, 0);                   // MSAA happens in the offscreen target
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  GLFWwindow* w = glfwCreateWindow(desc.width, desc.height, desc.title.c_str(), nullptr, nullptr);
  if (!w) {
    const std::string reason = g_lastGlfwError;
    const std::string driver = probeDriver();
    glfwTerminate();
    throw GraphicsUnavailable("cannot create an OpenGL 3.3 core context: " + reason + "; the driver offers " + driver +
                              "; venaviz needs OpenGL 3.3 (update the graphics driver, or try "
                              "LIBGL_ALWAYS_SOFTWARE=1 for Mesa's llvmpipe)");
  }
  handle_ = w;
  glfwSetWindowUserPointer(w, impl_.get());
  glfwMakeContextCurrent(w);
  glfwSwapInterval(desc.vsync ? 1 : 0);
  glfwSetMouseButtonCallback(w, onMouseButton);
  glfwSetCursorPosCallback(w, onCursor);
  glfwSetScrollCallback(w, onScroll);
  glfwSetKeyCallback(w, onKey);
  glfwSetDropCallback(w, onDrop);
  windowedSize_[0] = desc.width;
  windowedSize_[1] = desc.height;
  monitor_ = desc.monitor;
  if (desc.fullscreen) setFullscreen(true);
}

Window::~Window() {
  if (handle_) glfwDestroyWindow(static_cast<GLFWwindow*>(handle_));
  glfwTerminate();
}

bool Window::shouldClose() const {
  return glfwWindowShouldClose(static_cast<GLFWwindow*>(handle_));
}
void Window::requestClose() {
  glfwSetWindowShouldClose(static_cast<GLFWwindow*>(handle_), GLFW_TRUE);
}
void Window::pollEvents() {
  glfwPollEvents();
#ifdef __EMSCRIPTEN__
  // The page's canvas fills the window at the device's pixels: after a resize (or a turn of
  // the tablet) its drawing buffer follows the new CSS size. Emscripten's GLFW keeps its own
  // size, so the sizes below read the canvas itself; pointer positions already scale by it.
  double cssW = 0.0, cssH = 0.0;
  if (emscripten_get_element_css_size("#canvas", &cssW, &cssH) == EMSCRIPTEN_RESULT_SUCCESS && cssW > 0 && cssH > 0) {
    const double dpr = std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 3.0);
    const int w = static_cast<int>(std::lround(cssW * dpr)), h = static_cast<int>(std::lround(cssH * dpr));
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size("#canvas", &cw, &ch);
    if (w != cw || h != ch) emscripten_set_canvas_element_size("#canvas", w, h);
  }
#endif
}
void Window::waitEvents(double timeout) {
  glfwWaitEventsTimeout(timeout);
}
void Window::swapBuffers() {
  glfwSwapBuffers(static_cast<GLFWwindow*>(handle_));
}

Vec2 Window::windowSize() const {
  int w = 0, h = 0;
#ifdef __EMSCRIPTEN__
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  if (w > 0 && h > 0) return {static_cast<float>(w), static_cast<float>(h)};
#endif
  glfwGetWindowSize(static_cast<GLFWwindow*>(handle_), &w, &h);
  return {static_cast<float>(w), static_cast<float>(h)};
}

glm::ivec2 Window::framebufferSize() const {
  int w = 0, h = 0;
#ifdef __EMSCRIPTEN__
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  if (w > 0 && h > 0) return {w, h};
#endif
  glfwGetFramebufferSize(static_cast<GLFWwindow*>(handle_), &w, &h);
  return {w, h};
}

float Window::contentScale() const {
  float x = 1.0f;
#ifdef __EMSCRIPTEN__
  // Framebuffer over window size: the page sizes the canvas by devicePixelRatio.
  int fw = 0, fh = 0, ww = 0, wh = 0;
  glfwGetFramebufferSize(static_cast<GLFWwindow*>(handle_), &fw, &fh);
  glfwGetWindowSize(static_cast<GLFWwindow*>(handle_), &ww, &wh);
  if (ww > 0 && fw > 0) x = static_cast<float>(fw) / static_cast<float>(ww);
#else
  float y = 1.0f;
  glfwGetWindowContentScale(static_cast<GLFWwindow*>(handle_), &x, &y);
#endif
  return std::max(x, 0.5f);
}

Vec2 Window::cursorPosition() const {
  double x = 0, y = 0;
  glfwGetCursorPos(static_cast<GLFWwindow*>(handle_), &x, &y);
  return {static_cast<float>(x), static_cast<float>(y)};
}

bool Window::mouseDown(MouseButton b) const {
  return glfwGetMouseButton(static_cast<GLFWwindow*>(handle_), static_cast<int>(b)) == GLFW_PRESS;
}

void Window::setFullscreen(bool on) {
  auto* w = static_cast<GLFWwindow*>(handle_);
  if (on == fullscreen_) return;
  if (on) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (monitor_ > 0) {
      int count = 0;
      GLFWmonitor** all = glfwGetMonitors(&count);
      if (monitor_ <= count)
        monitor = all[monitor_ - 1];
      else
        log::warn("monitor " + std::to_string(monitor_) + " is not connected (" + std::to_string(count) +
                  " found); full screen on the primary monitor");
    }
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) {
      log::warn("full screen is not available: no monitor found");
      return;
    }
    glfwGetWindowPos(w, &windowedPos_[0], &windowedPos_[1]);
    glfwGetWindowSize(w, &windowedSize_[0], &windowedSize_[1]);
    glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(w, nullptr, windowedPos_[0], windowedPos_[1], windowedSize_[0], windowedSize_[1], 0);
  }
  fullscreen_ = on;
}

std::vector<std::string> Window::monitors() {
  std::vector<std::string> out;
  int count = 0;
  GLFWmonitor** all = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    const GLFWvidmode* mode = glfwGetVideoMode(all[i]);
    const char* name = glfwGetMonitorName(all[i]);
    out.push_back(std::to_string(i + 1) + ": " + (name ? name : "monitor") +
                  (mode ? " " + std::to_string(mode->width) + "x" + std::to_string(mode->height) : ""));
  }
  return out;
}

void Window::setTitle(const std::string& title) {
  glfwSetWindowTitle(static_cast<GLFWwindow*>(handle_), title.c_str());
}

std::vector<InputEvent> Window::takeEvents() {
  std::vector<InputEvent> out;
  out.swap(impl_->events);
  static thread_local std::vector<std::string> keep;
  keep.swap(impl_->dropped);
  impl_->dropped.clear();
  for (const auto& p : keep) {
    InputEvent e;
    e.type = InputEvent::Type::FileDrop;
    e.path = p.c_str();
    out.push_back(e);
  }
  return out;
}

ProcLoader Window::procLoader() {
  return reinterpret_cast<ProcLoader>(glfwGetProcAddress);
}
double Window::time() {
  return glfwGetTime();
}

}  // namespace venaviz::platform
