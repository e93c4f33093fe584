#include "app/app.h"

#include <algorithm>
#include <cmath>

#include "anatomy/tube_mesh.h"
#include "app/imgui_layer.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "platform/window.h"
#include "render/shader_library.h"

namespace venaviz {
namespace fs = std::filesystem;

App::App(const AppOptions& options) : options_(options) {
  platform::WindowDesc wd;
  wd.width = options.headless ? 64 : options.width;
  wd.height = options.headless ? 64 : options.height;
  wd.visible = !options.headless;
  wd.vsync = options.vsync && !options.headless;
  wd.fullscreen = options.fullscreen && !options.headless;
  window_ = std::make_unique<platform::Window>(wd);
  startTime_ = platform::Window::time();
  gl_ = render::loadGl(platform::Window::procLoader());
  log::debug("OpenGL " + gl_.version + " on " + gl_.renderer);

  render::ShaderSources sources;
  // Development: read shaders/ from the source tree (hot reload). Installed: embedded copies.
  sources.setDirectory(paths::sourceShaderDir());
  shaders_ = std::make_unique<render::ShaderLibrary>(std::move(sources));
  renderer_ = std::make_unique<render::SceneRenderer>(*shaders_);
  imgui_ = std::make_unique<ImGuiLayer>(options.headless ? nullptr : window_->nativeHandle());
  state_.uiScale = std::clamp(options.uiScale, 1.0f, 3.0f);
  imgui_->setScale(pixelScale());
  registerActions();
  registerKeyDocs();

  fs::path scene;
  if (options.scene) {
    scene = *options.scene;
  } else if (auto def = paths::defaultScene()) {
    scene = *def;
  } else {
    throw Error("cannot find the default scene (scenes/default.json); set VENAVIZ_DATA_DIR or pass --scene FILE");
  }
  loadScene(scene);
}

App::~App() {
  // GL objects must go before the context does.
  imgui_.reset();
  renderer_.reset();
  shaders_.reset();
  target_ = render::RenderTarget();
  window_.reset();
}

float App::pixelScale() const {
  return state_.uiScale * (options_.headless ? 1.0f : window_->contentScale());
}

void App::loadScene(const fs::path& path) {
  Scene scene = io::loadScene(path);  // throws; the current scene stays untouched
  state_.scene = std::move(scene);
  state_.hasScene = true;
  state_.sceneError.clear();
  state_.clock.reset();
  uploadScene();
  state_.camera.setPose(scenePose());
  if (window_ && !options_.headless) window_->setTitle("venaviz - " + state_.scene.name);
  log::info("loaded " + path.string() + ": " + std::to_string(state_.scene.anatomy.vessels.size()) + " vessels");
}

void App::uploadScene() {
  const Anatomy& a = state_.scene.anatomy;
  renderer_->setMesh(buildVesselMesh(a), a.vessels.size());
  state_.styles.clear();
  for (const Vessel& v : a.vessels) state_.styles.push_back({render::defaultVesselColor(v.system), 0.0f});
  state_.stylesDirty = true;
}

CameraPose App::scenePose(std::optional<View> view) const {
  Vec3 lo, hi;
  state_.scene.anatomy.bounds(lo, hi);
  const Vec3 center = state_.scene.view.target.value_or((lo + hi) * 0.5f);
  const View v = view.value_or(state_.scene.view.preset);
  CameraPose pose = OrbitCamera::poseFor(v, center, 100.0f);
  if (state_.scene.view.distance && !view) {
    pose.distance = *state_.scene.view.distance;
    return pose;
  }
  // Fit the anatomy's bounding box: its extent along the camera's right and up axes must
  // fit the horizontal and vertical fields of view with a 6% margin.
  OrbitCamera probe;
  probe.setPose(pose);
  const Vec3 r = probe.right(), u = probe.up(), f = probe.forward();
  float halfW = 0.0f, halfH = 0.0f, halfD = 0.0f;
  for (int i = 0; i < 8; ++i) {
    const Vec3 c{(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z};
    const Vec3 d = c - center;
    halfW = std::max(halfW, std::abs(glm::dot(d, r)));
    halfH = std::max(halfH, std::abs(glm::dot(d, u)));
    halfD = std::max(halfD, std::abs(glm::dot(d, f)));
  }
  const float aspect = lastViewport_.x / std::max(lastViewport_.y, 1.0f);
  const float tanV = std::tan(glm::radians(probe.fovYDeg()) * 0.5f), tanH = tanV * aspect;
  pose.distance = std::max(halfH / tanV, halfW / tanH) * 1.06f + halfD;
  return pose;
}

bool App::applyReported(const std::string& command) {
  try {
    apply(command);
    return true;
  } catch (const Error& e) {
    log::error(e.what());
    if (command.rfind("load_scene", 0) == 0) state_.sceneError = e.what();
    return false;
  }
}

void App::apply(const std::string& command) {
  actions_.run(command);
}

void App::stepSimulation(int steps) {
  // The hemodynamic engine steps here (one call per fixed step) once it exists; the clock
  // already advances in exact fixed steps so runs are reproducible.
  state_.clock.commit(steps);
}

void App::simulate(double seconds) {
  const auto steps = static_cast<int>(std::llround(seconds / state_.clock.dt()));
  stepSimulation(std::max(steps, 0));
}

void App::renderScene(int fbWidth, int fbHeight) {
  target_.ensure({.width = fbWidth, .height = fbHeight, .samples = options_.samples}, gl_.maxSamples);
  if (state_.stylesDirty) {
    renderer_->setStyles(state_.styles);
    state_.stylesDirty = false;
  }
  target_.bindScene();
  renderer_->draw(state_.camera, fbWidth, fbHeight);
  target_.resolve();
}

void App::drawUi(Vec2 uiSize, float dt, bool windowed) {
  imgui_->setScale(pixelScale());
  imgui_->beginFrame(uiSize, dt);
  if (state_.showUi) {
    ui::UiModel m;
    m.sceneName = state_.scene.name;
    m.scenePath = state_.scene.path.string();
    m.vesselCount = state_.scene.anatomy.vessels.size();
    m.landmarkCount = state_.scene.anatomy.landmarks.size();
    m.triangleCount = renderer_->triangleCount();
    m.simTime = state_.clock.time();
    m.simStep = state_.clock.dt();
    m.paused = state_.clock.paused();
    m.timeScale = state_.clock.timeScale();
    m.uiScale = state_.uiScale;
    m.fullscreen = windowed && window_->fullscreen();
    m.showHelp = state_.showHelp;
    m.frameMs = frameMs_;
    m.glRenderer = gl_.renderer + " (" + gl_.version + ")";
    m.shaderErrors = shaders_->errors();
    m.sceneError = state_.sceneError;
    m.camera = &state_.camera;
    m.viewport = uiSize;
    m.actions = actions_.docs();
    ui::drawUi(m, imgui_->fonts(), panel_, pending_);
  }
  imgui_->endFrame();
}

Image App::renderImage(int width, int height, bool withUi) {
  lastViewport_ = {static_cast<float>(width), static_cast<float>(height)};
  // ImGui sizes auto-fitting windows over its first frames; settle before the capture.
  const int frames = withUi ? 3 : 1;
  for (int i = 0; i < frames; ++i) {
    renderScene(width, height);
    if (withUi) drawUi(lastViewport_, 1.0f / 60.0f, false);
  }
  pending_.clear();  // a headless frame never acts on clicks
  return target_.readColor();
}

std::optional<Vec3> App::surfacePointAt(Vec2 pixel) const {
  const float depth = target_.readDepth(static_cast<int>(pixel.x), static_cast<int>(pixel.y));
  if (depth >= 1.0f) return std::nullopt;
  return state_.camera.unproject(pixel + Vec2(0.5f), depth,
                                 Vec2(static_cast<float>(target_.width()), static_cast<float>(target_.height())));
}

int App::run() {
  double last = platform::Window::time(), lastShaderCheck = last;
  bool busy = true;
  int frame = 0;
  double scriptResume = 0.0;
  std::vector<std::string> startup;
  for (std::size_t a = 0, b; a < options_.startupActions.size(); a = b + 1) {
    b = options_.startupActions.find(';', a);
    if (b == std::string::npos) b = options_.startupActions.size();
    const std::string cmd = options_.startupActions.substr(a, b - a);
    if (cmd.find_first_not_of(" \t") != std::string::npos) startup.push_back(cmd);
  }
  while (!window_->shouldClose() && !state_.quit) {
    // An idle, paused app sleeps until input arrives (and checks shaders twice a second).
    if (busy)
      window_->pollEvents();
    else
      window_->waitEvents(0.5);
    const double now = platform::Window::time();
    const double dt = std::min(now - last, 0.25);
    last = now;

    auto events = window_->takeEvents();
    const glm::ivec2 fb = window_->framebufferSize();
    const Vec2 win = window_->windowSize();
    if (fb.x <= 0 || fb.y <= 0) {  // minimized
      busy = false;
      continue;
    }
    lastViewport_ = win;
    handleInput(events);

    const int steps = state_.clock.advance(dt);
    stepSimulation(steps);
    const bool flying = state_.camera.update(static_cast<float>(dt));

    if (now - lastShaderCheck > 0.5) {
      lastShaderCheck = now;
      shaders_->reloadChanged();
    }

    renderScene(fb.x, fb.y);
    drawUi(win, static_cast<float>(dt), true);
    target_.blitToDefault(fb.x, fb.y);
    window_->swapBuffers();
    if (frame == 0)
      log::info("first frame on screen " +
                std::to_string(static_cast<int>((platform::Window::time() - startTime_) * 1000.0)) +
                " ms after the window opened");
    frameMs_ = frameMs_ * 0.9f + static_cast<float>(dt * 1000.0) * 0.1f;

    // Scripted actions start once the UI has settled (its windows size themselves over the
    // first frames) and run one per frame, so each one's effect is drawn before the next.
    // "wait S" holds the script for S seconds of real time (a fly-to takes 0.6 s).
    if (++frame > 3 && !startup.empty() && now >= scriptResume) {
      const std::string cmd = startup.front();
      startup.erase(startup.begin());
      const auto words = splitCommand(cmd);
      if (!words.empty() && words[0] == "wait" && words.size() == 2)
        scriptResume = now + parseNumberArg("wait", words[1], 0.0, 600.0);
      else
        pending_.push_back(cmd);
    }
    for (const std::string& cmd : std::exchange(pending_, {})) applyReported(cmd);
    busy = !state_.clock.paused() || flying || dragging_ || !events.empty() || !pending_.empty() || !startup.empty();
  }
  const double seconds = platform::Window::time() - startTime_;
  log::info(std::to_string(frame) + " frames in " + std::to_string(seconds).substr(0, 5) + " s (mean " +
            std::to_string(seconds * 1000.0 / std::max(frame, 1)).substr(0, 5) + " ms per frame)");
  return 0;
}

}  // namespace venaviz
