#include "app/app.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "anatomy/tube_mesh.h"
#include "anatomy/valve_mesh.h"
#include "app/imgui_layer.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "hemo/scenario.h"
#include "io/model_import.h"
#include "io/settings.h"
#include "platform/window.h"
#include "render/shader_library.h"
#include "ui/labels.h"

namespace venaviz {
namespace fs = std::filesystem;

App::App(const AppOptions& options) : options_(options) {
  platform::WindowDesc wd;
  wd.width = options.headless ? 64 : options.width;
  wd.height = options.headless ? 64 : options.height;
  wd.visible = !options.headless;
  wd.vsync = options.vsync && !options.headless;
  wd.fullscreen = (options.fullscreen || options.lecture || options.kiosk) && !options.headless;
  wd.monitor = options.monitor;
  window_ = std::make_unique<platform::Window>(wd);
  startTime_ = platform::Window::time();
  gl_ = render::loadGl(platform::Window::procLoader());
  log::debug("OpenGL " + gl_.version + " on " + gl_.renderer);
  const bool software = gl_.renderer.find("llvmpipe") != std::string::npos ||
                        gl_.renderer.find("softpipe") != std::string::npos ||
                        gl_.renderer.find("SwiftShader") != std::string::npos;
  // Particle budget: 16k on a software renderer (docs/performance.md), 50k on a GPU.
  state_.quality = software ? 0 : 1;
  if (options_.samples < 0) {
    options_.samples = software ? 0 : 4;
    if (software) log::debug("software renderer (" + gl_.renderer + "): multisampling off; --samples 4 turns it on");
  }

  render::ShaderSources sources;
  // Development: read shaders/ from the source tree (hot reload). Installed: embedded copies.
  sources.setDirectory(paths::sourceShaderDir());
  shaders_ = std::make_unique<render::ShaderLibrary>(std::move(sources));
  renderer_ = std::make_unique<render::SceneRenderer>(*shaders_);
  imgui_ = std::make_unique<ImGuiLayer>(options.headless ? nullptr : window_->nativeHandle());
  state_.uiScale = std::clamp(options.uiScale, 1.0f, 3.0f);
  imgui_->setScale(pixelScale());
  sims_.push_back(std::make_unique<Simulation>(state_.scene.anatomy, 0));  // empty until a scene loads
  registerActions();
  registerKeyDocs();
  findLessons();
  findLanguages();

  const std::optional<fs::path> last = applySettings();
  const std::vector<std::string> settingsWarnings = state_.warnings;
  fs::path scene;
  if (options.scene) {
    scene = *options.scene;
  } else if (auto def = paths::defaultScene()) {
    scene = *def;
  } else {
    throw Error("cannot find the default scene (scenes/default.json); set VENAVIZ_DATA_DIR or pass --scene FILE");
  }
  // The last scene of the previous session, when no scene was asked for; if it cannot be read
  // any more, the default scene and a message (never a failed start).
  std::string lastSceneProblem;
  if (!options.scene && last) {
    try {
      loadScene(*last);
    } catch (const Error& e) {
      lastSceneProblem =
          std::string("the last scene could not be opened (") + e.what() + "); the default scene is shown";
    }
  }
  if (!state_.hasScene) loadScene(scene);
  for (const auto& w : settingsWarnings) state_.warnings.push_back(w);
  if (!lastSceneProblem.empty()) {
    log::warn(lastSceneProblem);
    state_.warnings.push_back(lastSceneProblem);
  }
  if (options.lecture) apply("lecture on");
  if (options.lesson) openLesson(*options.lesson);  // a bad lesson: one line, exit 1
  if (!options.language.empty()) apply("language " + options.language);  // an unknown code: one line, exit 1
  if (options.patient || options.kiosk) {
    apply("patient on");
    state_.patient.kiosk = options.kiosk;
  }
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
  // The engine is built before anything changes, so a scene it cannot model leaves the old one.
  // (It keeps no reference to the anatomy it was built from.)
  std::unique_ptr<hemo::Engine> engine = Simulation::makeEngine(scene.anatomy);
  sims_.clear();  // they refer to the old anatomy
  active_ = 0;
  side_ = 0;
  state_.isolated = -1;
  state_.scene = std::move(scene);
  sims_.push_back(std::make_unique<Simulation>(state_.scene.anatomy, particleBudget(state_.quality), std::move(engine)));
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
  // A coarse tessellation for distant views: under a software renderer the cost of a frame
  // is mostly per triangle, and a 6 mm vein spans a few pixels in a whole-body view.
  TubeMeshOptions coarse;
  coarse.maxStep = 2.0f;
  coarse.minSides = 6;
  coarse.maxSides = 12;
  coarse.capRings = 2;
  renderer_->setMesh(buildVesselMesh(a), buildVesselMesh(a, coarse), buildValveMesh(a, 0.0f), a.vessels.size(),
                     a.valves.size());
  // Context models: a file that cannot be read is a warning; the rest of the scene loads.
  state_.warnings.clear();
  std::vector<Mesh> models;
  std::vector<render::ContextStyle> looks;
  for (std::size_t i = 0; i < a.models.size(); ++i) {
    const ContextModel& m = a.models[i];
    try {
      models.push_back(io::importModel(m, static_cast<float>(i)));
    } catch (const Error& e) {
      models.emplace_back();
      state_.warnings.push_back(e.what());
      log::warn(e.what());
    }
    looks.push_back({glm::pow(m.color, Vec3(2.2f)), m.opacity, true});
  }
  renderer_->setContext(models);
  renderer_->setContextStyles(looks);
  picker_ = std::make_unique<VesselPicker>(a);
  state_.selected = state_.hovered = -1;
  refreshStyles();
}

bool App::uprightForMap() const {
  if (!sim().engine) return true;
  const hemo::Posture p = sim().engine->drivers().settings().posture;
  return p != hemo::Posture::Supine && p != hemo::Posture::LegsElevated;
}

bool App::vesselVisible(std::size_t i) const {
  const Anatomy& a = state_.scene.anatomy;
  const Vessel& v = a.vessels[i];
  if (!state_.layers[static_cast<std::size_t>(layerOf(v.system))]) return false;
  if (state_.isolated < 0 || static_cast<std::size_t>(state_.isolated) >= a.vessels.size()) return true;
  // Isolated: the vessel, what it drains into and what drains into it.
  const Vessel& iso = a.vessels[static_cast<std::size_t>(state_.isolated)];
  return static_cast<int>(i) == state_.isolated || v.id == iso.drainsInto || v.drainsInto == iso.id;
}

void App::refreshStyles() {
  const Anatomy& a = state_.scene.anatomy;
  state_.styles.clear();
  for (std::size_t i = 0; i < a.vessels.size(); ++i) {
    float highlight = 0.0f;
    if (static_cast<int>(i) == state_.selected)
      highlight = 1.0f;
    else if (static_cast<int>(i) == state_.hovered)
      highlight = 0.45f;
    if (!vesselVisible(i)) highlight = -1.0f;
    state_.styles.push_back({render::defaultVesselColor(a.vessels[i].system), highlight});
  }
  const Vec3 valveColor = glm::pow(Vec3(0.96f, 0.93f, 0.84f), Vec3(2.2f));
  for (const Valve& v : a.valves) {
    const int vi = a.vesselIndex(v.vessel);
    const bool visible = vi >= 0 && vesselVisible(static_cast<std::size_t>(vi));
    state_.styles.push_back({valveColor, visible ? (vi == state_.selected ? 0.6f : 0.0f) : -1.0f});
  }
  std::vector<render::ContextStyle> looks;
  for (const ContextModel& m : a.models)
    looks.push_back({glm::pow(m.color, Vec3(2.2f)), m.opacity, state_.layers[static_cast<std::size_t>(m.layer)]});
  renderer_->setContextStyles(looks);
  state_.stylesDirty = true;
}

std::optional<PickHit> App::vesselAt(Vec2 windowPos) const {
  if (!picker_) return std::nullopt;
  // Side by side, both halves show the same camera: a click in the right one picks as if in the left.
  const Vec2 size = viewSize(lastViewport_);
  if (sims_.size() > 1 && windowPos.x >= size.x) windowPos.x -= size.x;
  const Vec3 nearP = state_.camera.unproject(windowPos, 0.0f, size);
  const Vec3 farP = state_.camera.unproject(windowPos, 1.0f, size);
  std::vector<bool> visible(state_.scene.anatomy.vessels.size());
  for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = vesselVisible(i);
  auto hit = picker_->pick(nearP, glm::normalize(farP - nearP), visible);
  const Vec4 c = clipPlane();
  if (hit && glm::dot(Vec3(c), hit->point) < c.w) return std::nullopt;  // on the part cut away
  return hit;
}

Vec4 App::clipPlane() const {
  if (state_.clipAxis <= 0 || state_.clipAxis > 3) return {0.0f, 0.0f, 0.0f, -1.0f};
  // Kept by default: x >= at (the patient's left of a sagittal cut), y >= at (the posterior
  // part: an anterior view looks into the body), z <= at (below the level); flip swaps.
  Vec3 n(0.0f);
  n[state_.clipAxis - 1] = state_.clipAxis == 3 ? -1.0f : 1.0f;
  if (state_.clipFlip) n = -n;
  return {n, glm::dot(n, Vec3(state_.clipAt))};
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
  const Vec2 one = viewSize(lastViewport_);
  const float aspect = one.x / std::max(one.y, 1.0f);
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
  applyTracked(command);
  // Skin changes shown follow the body: a treatment lowers the walking pressure, and the class.
  for (auto& one : sims_) one->updateSkin();
}

void App::resetBodyTracking() {
  sim().resetTracking();
}

void App::stepSimulation(int steps) {
  // One engine step per fixed clock step: the simulation is independent of the frame rate.
  // The time spent in the engine and in the particles is kept for `venaviz bench`.
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  lastEngineMs_ = lastParticlesMs_ = 0.0;
  if (sim().engine) {
    // The particles move with the flows of the moment, so they follow the engine at least every
    // 1/60 s of simulated time (a long stretch with one instant's flows would pile them up).
    constexpr int kParticleEvery = 4;  // engine steps (dt = 1/240 s)
    // Side by side, both simulations take every step of the one clock.
    int pending = 0;
    auto advanceParticles = [&] {
      const auto t0 = Clock::now();
      for (auto& one : sims_) one->advanceParticles(pending * state_.clock.dt());
      lastParticlesMs_ += ms(t0, Clock::now());
      pending = 0;
    };
    for (int k = 0; k < steps; ++k) {
      const auto t0 = Clock::now();
      for (auto& one : sims_) one->step(state_.clock.dt());
      lessonStep(state_.clock.dt());
      lastEngineMs_ += ms(t0, Clock::now());
      if (sim().flow && ++pending == kParticleEvery) advanceParticles();
    }
    if (sim().flow && pending > 0) advanceParticles();
  }
  state_.clock.commit(steps);
  runLessonActions();  // a step whose condition was met starts the next one's actions
}

void App::applyDueEvents() {
  for (auto& one : sims_) one->applyDueEvents();
}

void App::rebuildEngine() {
  sim().rebuild(bodyParticleBudget(sims_.size()));
}

void App::runScript(const std::string& script) {
  for (std::size_t p = 0, q; p < script.size(); p = q + 1) {
    q = script.find(';', p);
    if (q == std::string::npos) q = script.size();
    const std::string cmd = script.substr(p, q - p);
    double seconds = 0.0;
    char rest = 0;
    if (std::sscanf(cmd.c_str(), " wait %lf %c", &seconds, &rest) == 1)
      simulate(std::clamp(seconds, 0.0, 3600.0));
    else if (cmd.find_first_not_of(" \t") != std::string::npos)
      apply(cmd);
  }
}

void App::simulate(double seconds) {
  const auto steps = static_cast<int>(std::llround(seconds / state_.clock.dt()));
  stepSimulation(std::max(steps, 0));
}

void App::renderScene(int fbWidth, int fbHeight) {
  uploadFrameData(fbHeight);
  drawScene(fbWidth, fbHeight);
}

App::FrameTiming App::benchFrame(int width, int height, double frameSeconds) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  // The same stepping as a window frame, then the upload and the draw, each waited for.
  stepSimulation(std::max(1, static_cast<int>(std::lround(frameSeconds / state_.clock.dt()))));
  FrameTiming t;
  t.engineMs = lastEngineMs_;
  t.particlesMs = lastParticlesMs_;
  const auto t0 = Clock::now();
  uploadFrameData(height);
  render::finishGl();
  const auto t1 = Clock::now();
  drawScene(width, height);
  render::finishGl();
  t.uploadMs = ms(t0, t1);
  t.drawMs = ms(t1, Clock::now());
  return t;
}

void App::uploadFrameData(int fbHeight) {
  if (state_.stylesDirty) {
    look_.xray = state_.xray;
    renderer_->setStyles(state_.styles);
    state_.stylesDirty = false;
  }
  look_.glassWalls = state_.glassWalls;
  {
    // Fine walls once a centimetre covers more than ~9 pixels (the coarse mesh's facets and
    // chords would start to show).
    const float pxPerCm =
        static_cast<float>(fbHeight) /
        (2.0f * std::tan(glm::radians(state_.camera.fovYDeg()) * 0.5f) * std::max(state_.camera.pose().distance, 1.0f));
    look_.fineWalls = pxPerCm > 9.0f;
  }
  fillBodyLook();
  look_.particles = state_.particles && sim().flow;
  look_.particleColor = state_.particleColor;
  look_.clipPlane = clipPlane();
  look_.colorMap = state_.wallMap != WallMap::Off;
  const WallMapRange range = wallMapRange(state_.wallMap, uprightForMap());
  look_.mapRange = {range.lo, range.hi};
  // Every body's state before any draw, each into its own texture and buffer (side by side).
  for (std::size_t i = 0; i < sims_.size() && i < render::SceneRenderer::kBodies; ++i) {
    renderer_->selectBody(static_cast<int>(i));
    uploadSimulation(*sims_[i]);
  }
  renderer_->selectBody(0);
}

void App::uploadSimulation(Simulation& one) {
  if (!one.flow || !one.engine) return;
  one.flow->fillState(*one.engine, state_.wallMap, renderer_->stateRows(), stateTexels_);
  renderer_->setFlowState(stateTexels_);
  if (!look_.particles) return;
  const auto& particles = one.flow->particles();
  static_assert(sizeof(flow::ParticleInstance) == render::kParticleFloats * sizeof(float));
  // Particles in hidden vessels (a layer off, or another vessel isolated) are left out.
  const Anatomy& an = state_.scene.anatomy;
  bool allVisible = true;
  for (std::size_t i = 0; i < an.vessels.size() && allVisible; ++i) allVisible = vesselVisible(i);
  if (allVisible) {
    renderer_->setParticles(reinterpret_cast<const float*>(particles.data()), particles.size());
    return;
  }
  one.flow->tracers().states(particleStates_);  // same order as the instances
  visibleParticles_.clear();
  for (std::size_t k = 0; k < particles.size() && k < particleStates_.size(); ++k) {
    const int v = particleStates_[k].vessel;
    if (v >= 0 && vesselVisible(static_cast<std::size_t>(v))) visibleParticles_.push_back(particles[k]);
  }
  renderer_->setParticles(reinterpret_cast<const float*>(visibleParticles_.data()), visibleParticles_.size());
}

void App::drawScene(int fbWidth, int fbHeight) {
  target_.ensure({.width = fbWidth, .height = fbHeight, .samples = options_.samples}, gl_.maxSamples);
  target_.bindScene();
  if (sims_.size() == 1) {
    renderer_->draw(state_.camera, fbWidth, fbHeight, look_);
  } else {
    // Side by side: the same camera in each half, each half with its own body's live state
    // (uploaded with the frame's data, each body into its own texture and buffer).
    renderer_->drawPair(state_.camera, fbWidth, fbHeight, look_);
  }
  target_.resolve();
}

Image App::renderImage(int width, int height, bool withUi) {
  lastViewport_ = {static_cast<float>(width), static_cast<float>(height)};
  // ImGui sizes auto-fitting windows over its first frames; settle before the capture.
  // The overlay (captions, side labels) is part of the picture even without the panels.
  const bool ui = withUi || overlayShown();
  const int frames = ui ? 3 : 1;
  for (int i = 0; i < frames; ++i) {
    renderScene(width, height);
    if (ui) drawUi(lastViewport_, 1.0f / 60.0f, false, withUi);
  }
  pending_.clear();  // a headless frame never acts on clicks
  return target_.readColor();
}

std::optional<Vec3> App::surfacePointAt(Vec2 pixel) const {
  if (!render::RenderTarget::depthReadable()) return std::nullopt;  // WebGL: no depth readback
  const float depth = target_.readDepth(static_cast<int>(pixel.x), static_cast<int>(pixel.y));
  if (depth >= 1.0f) return std::nullopt;
  Vec2 size(static_cast<float>(target_.width()), static_cast<float>(target_.height()));
  if (sims_.size() > 1) {  // side by side: the pixel's own half
    const float half = std::floor(size.x * 0.5f);
    if (pixel.x >= half) {
      pixel.x -= half;
      size.x -= half;
    } else {
      size.x = half;
    }
  }
  return state_.camera.unproject(pixel + Vec2(0.5f), depth, size);
}

/// The interactive loop's state between frames (the browser calls one frame at a time).
struct App::RunLoop {
  double last = 0.0, lastShaderCheck = 0.0;
  bool busy = true;
  int frame = 0;
  double scriptResume = 0.0;
  double firstFrameTime = 0.0;
  std::vector<std::string> startup;
  double lastSettingsCheck = 0.0;  ///< the browser build: when the settings were last compared
  std::string savedSettings;       ///< ... and what they were
};

int App::run() {
  loop_ = std::make_unique<RunLoop>();
  RunLoop& L = *loop_;
  L.last = L.lastShaderCheck = L.firstFrameTime = platform::Window::time();
  for (std::size_t a = 0, b; a < options_.startupActions.size(); a = b + 1) {
    b = options_.startupActions.find(';', a);
    if (b == std::string::npos) b = options_.startupActions.size();
    const std::string cmd = options_.startupActions.substr(a, b - a);
    if (cmd.find_first_not_of(" \t") != std::string::npos) L.startup.push_back(cmd);
  }
#ifdef __EMSCRIPTEN__
  // The page drives the frames (requestAnimationFrame); this returns at once and the app lives on.
  emscripten_set_main_loop_arg(
      [](void* self) {
        App& app = *static_cast<App*>(self);
        bool more = true;
        try {
          more = app.runFrame();
        } catch (const std::exception& e) {
          // Natively an escaped error ends the run with its line; a page would freeze on it
          // (the frame loop stops), so it is shown and the next frame goes on.
          log::error(e.what());
          app.state().sceneError = e.what();
        }
        if (!more) {
          app.endRun();
          emscripten_cancel_main_loop();
        }
      },
      this, 0, false);
  return 0;
#else
  while (runFrame()) {
  }
  return endRun();
#endif
}

bool App::runFrame() {
  RunLoop& L = *loop_;
  if (window_->shouldClose() || state_.quit) return false;
  // An idle, paused app sleeps until input arrives (and checks shaders twice a second); the
  // browser schedules the frames itself.
#ifdef __EMSCRIPTEN__
  window_->pollEvents();
#else
  if (L.busy)
    window_->pollEvents();
  else
    window_->waitEvents(0.5);
#endif
  const double now = platform::Window::time();
  const double dt = std::min(now - L.last, 0.25);
  L.last = now;

  auto events = window_->takeEvents();
  const glm::ivec2 fb = window_->framebufferSize();
  const Vec2 win = window_->windowSize();
  if (fb.x <= 0 || fb.y <= 0) {  // minimized
    L.busy = false;
    return true;
  }
  lastViewport_ = win;
  handleInput(events);

  const int steps = state_.clock.advance(dt);
  stepSimulation(steps);
  const bool flying = state_.camera.update(static_cast<float>(dt));

  if (now - L.lastShaderCheck > 0.5) {
    L.lastShaderCheck = now;
    shaders_->reloadChanged();
  }

  renderScene(fb.x, fb.y);
  if (video_) {
    // The 3D view as drawn, before the panels go on top of it.
    try {
      video_->offer(target_.readColor(), platform::Window::time());
    } catch (const Error& e) {
      log::error(e.what());
      state_.sceneError = e.what();
      log::info(video_->close());
      video_.reset();
    }
  }
  // ImGui asserts on a zero time step (a browser under virtual time can give one).
  drawUi(win, std::max(static_cast<float>(dt), 1e-4f), true);
  target_.blitToDefault(fb.x, fb.y);
  window_->swapBuffers();
  if (L.frame == 0) {
    L.firstFrameTime = platform::Window::time();
    log::info("first frame on screen " +
              std::to_string(static_cast<int>((platform::Window::time() - startTime_) * 1000.0)) +
              " ms after the window opened");
  }
  frameMs_ = frameMs_ * 0.9f + static_cast<float>(dt * 1000.0) * 0.1f;
#ifdef __EMSCRIPTEN__
  // A page is closed, not quit (endRun never runs): the settings are kept when they change,
  // checked once a second.
  if (now - L.lastSettingsCheck > 1.0) {
    L.lastSettingsCheck = now;
    std::string text = io::settingsText(settingsNow());
    if (text != L.savedSettings) {
      if (!L.savedSettings.empty()) saveSettings();  // the first check only notes the start's settings
      L.savedSettings = std::move(text);
    }
  }
  // For the page and its test: frames drawn, when the first one was (ms since the page began
  // loading), this frame's milliseconds in the engine and the particles, and the language.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdollar-in-identifier-extension"
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
  EM_ASM(
      {
        const w = window;
        w.venavizFrames = $0;
        if ($0 === 1) w.venavizFirstFrameMs = performance.now();
        w.venavizEngineMs = (w.venavizEngineMs || 0) + $1;
        w.venavizParticlesMs = (w.venavizParticlesMs || 0) + $2;
        w.venavizSimSeconds = (w.venavizSimSeconds || 0) + $3;
        w.venavizLanguage = UTF8ToString($4);
      },
      L.frame + 1, lastEngineMs_, lastParticlesMs_, steps * state_.clock.dt(), state_.patient.language.c_str());
#pragma clang diagnostic pop
#endif

  // Scripted actions start once the UI has settled (its windows size themselves over the
  // first frames) and run one per frame, so each one's effect is drawn before the next.
  // "wait S" holds the script for S seconds of real time (a fly-to takes 0.6 s).
  if (++L.frame > 3 && !L.startup.empty() && now >= L.scriptResume) {
    const std::string cmd = L.startup.front();
    L.startup.erase(L.startup.begin());
    const auto words = splitCommand(cmd);
    if (!words.empty() && words[0] == "wait" && words.size() == 2)
      L.scriptResume = now + parseNumberArg("wait", words[1], 0.0, 600.0);
    else
      pending_.push_back(cmd);
  }
  for (const std::string& cmd : std::exchange(pending_, {})) applyReported(cmd);
  L.busy = !state_.clock.paused() || flying || lensMoving_ || dragging_ || !events.empty() || !pending_.empty() ||
           !L.startup.empty();
  return true;
}

int App::endRun() {
  saveSettings();
  if (video_) {
    log::info(video_->close());
    video_.reset();
  }
  // Frame rate after the first frame (start-up has its own log line above).
  const double seconds = platform::Window::time() - loop_->firstFrameTime;
  const int frame = loop_->frame;
  log::info(std::to_string(frame) + " frames in " + std::to_string(seconds).substr(0, 5) + " s after the first (mean " +
            std::to_string(seconds * 1000.0 / std::max(frame - 1, 1)).substr(0, 5) + " ms per frame)");
  return 0;
}

}  // namespace venaviz
