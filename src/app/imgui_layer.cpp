#include "app/imgui_layer.h"

#include <algorithm>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/error.h"
#include "ui/theme.h"

namespace venaviz {

ImGuiLayer::ImGuiLayer(void* glfwWindow) : windowed_(glfwWindow != nullptr) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                                             // venaviz keeps its own settings
  if (windowed_) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // needs the backend's key map
  if (windowed_ && !ImGui_ImplGlfw_InitForOpenGL(static_cast<GLFWwindow*>(glfwWindow), true))
    throw Error("ImGui: the GLFW backend failed to start");
#ifdef __EMSCRIPTEN__
  constexpr const char* kGlsl = "#version 300 es";
#else
  constexpr const char* kGlsl = "#version 330 core";
#endif
  if (!ImGui_ImplOpenGL3_Init(kGlsl)) throw Error("ImGui: the OpenGL 3 backend failed to start");
}

ImGuiLayer::~ImGuiLayer() {
  ImGui_ImplOpenGL3_Shutdown();
  if (windowed_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiLayer::setScale(float pixelScale) {
  if (pixelScale == scale_) return;
  scale_ = pixelScale;
  fonts_ = ui::buildFonts(pixelScale);
  ui::applyTheme(pixelScale, theme_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiLayer::setTheme(ui::Theme theme) {
  if (theme == theme_) return;
  theme_ = theme;
  ui::applyTheme(scale_, theme_);
}

void ImGuiLayer::beginFrame(Vec2 displaySize, float dt) {
  ImGui_ImplOpenGL3_NewFrame();
  if (windowed_) {
    ImGui_ImplGlfw_NewFrame();
#ifdef __EMSCRIPTEN__
    // The canvas, not emscripten's GLFW, knows the page's size after a resize (Window reads
    // it); the pointer already comes in canvas pixels. Virtual time in a headless browser can
    // give a zero time step, which ImGui asserts on.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(displaySize.x, displaySize.y);
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = std::max(io.DeltaTime, 1e-4f);
#endif
  } else {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(displaySize.x, displaySize.y);
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = dt > 0.0f ? dt : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
}

void ImGuiLayer::endFrame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiLayer::wantsMouse() const {
  return ImGui::GetIO().WantCaptureMouse;
}
bool ImGuiLayer::wantsKeyboard() const {
  return ImGui::GetIO().WantCaptureKeyboard || ImGui::GetIO().WantTextInput;
}

}  // namespace venaviz
