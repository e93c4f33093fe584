#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <algorithm>
#include <numeric>

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
  wd.fullscreen = options.fullscreen && !options.headless;
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
  registerActions();
  registerKeyDocs();

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
}

std::optional<fs::path> App::applySettings() {
  if (!options_.settingsFile) return std::nullopt;
  std::string message;
  const io::Settings s = io::loadSettings(*options_.settingsFile, message);
  if (!message.empty()) {
    log::warn(message);
    state_.warnings.push_back(message);
  }
  if (options_.uiScale <= 0.0f) {
    state_.uiScale = std::clamp(s.uiScale, 1.0f, 3.0f);
    imgui_->setScale(pixelScale());
  }
  if (!s.quality.empty()) state_.quality = s.quality == "low" ? 0 : s.quality == "high" ? 2 : 1;
  state_.particleColor = s.particleColor == "speed" ? 1 : s.particleColor == "oxygen" ? 2 : 0;
  state_.labels = s.labels;
  state_.bookmarks = s.bookmarks;
  if (s.lastScene.empty()) return std::nullopt;
  return fs::path(s.lastScene);
}

void App::saveSettings() {
  if (!options_.settingsFile) return;
  io::Settings s;
  s.uiScale = state_.uiScale;
  static const char* const qualities[] = {"low", "medium", "high"};
  static const char* const colors[] = {"direction", "speed", "oxygen"};
  s.quality = qualities[std::clamp(state_.quality, 0, 2)];
  s.particleColor = colors[std::clamp(state_.particleColor, 0, 2)];
  s.labels = state_.labels;
  s.bookmarks = state_.bookmarks;
  if (state_.hasScene) s.lastScene = fs::absolute(state_.scene.path).string();
  try {
    io::saveSettings(*options_.settingsFile, s);
  } catch (const Error& e) {
    log::warn(e.what());  // a read-only config folder is not worth failing over
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
  std::unique_ptr<hemo::Engine> engine;
  if (std::any_of(scene.anatomy.vessels.begin(), scene.anatomy.vessels.end(),
                  [](const Vessel& v) { return !v.isArtery(); }))
    engine = std::make_unique<hemo::Engine>(scene.anatomy);
  state_.flow.reset();  // it refers to the old anatomy
  state_.protocol.reset();
  state_.probes.clear();
  state_.avp = {};
  state_.isolated = -1;
  state_.scene = std::move(scene);
  state_.engine = std::move(engine);
  if (state_.engine)
    state_.flow = std::make_unique<FlowView>(state_.scene.anatomy, *state_.engine, particleBudget(state_.quality));
  state_.hasScene = true;
  state_.avpNode = state_.engine ? state_.engine->network().nodeAt(
                                       state_.scene.anatomy.vesselIndex("great_saphenous_vein_left"), 0.06f)
                                 : -1;
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
  if (!state_.engine) return true;
  const hemo::Posture p = state_.engine->drivers().settings().posture;
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
  const Vec2 size = lastViewport_;
  const Vec3 nearP = state_.camera.unproject(windowPos, 0.0f, size);
  const Vec3 farP = state_.camera.unproject(windowPos, 1.0f, size);
  std::vector<bool> visible(state_.scene.anatomy.vessels.size());
  for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = vesselVisible(i);
  return picker_->pick(nearP, glm::normalize(farP - nearP), visible);
}

std::vector<std::pair<std::string, Vec2>> App::labelAnchors(Vec2 viewport) const {
  // Label the vessels that are longest on screen right now (so zooming in labels what is in
  // view), one label per vessel, anchored on a stretch of it that is not hidden behind bone or
  // another vessel (checked against the depth buffer of the frame just drawn).
  struct Candidate {
    float score;
    std::size_t vessel;
    std::vector<std::pair<Vec3, float>> inside;  ///< screen position + depth, centerline radius
  };
  std::vector<Candidate> cands;
  const Anatomy& a = state_.scene.anatomy;
  for (std::size_t i = 0; i < a.vessels.size(); ++i) {
    if (!vesselVisible(i)) continue;
    const Vessel& v = a.vessels[i];
    Candidate c{0.0f, i, {}};
    Vec3 prev = state_.camera.project(v.points[0], viewport);
    for (std::size_t k = 0; k < v.points.size(); ++k) {
      const Vec3 p = state_.camera.project(v.points[k], viewport);
      const bool in = p.z > -1.0f && p.z < 1.0f && p.x > 0 && p.y > 0 && p.x < viewport.x && p.y < viewport.y;
      if (in) {
        c.inside.emplace_back(p, v.radii[k]);
        if (k > 0) c.score += glm::distance(Vec2(prev), Vec2(p));
      }
      prev = p;
    }
    if (c.inside.empty()) continue;
    const float meanRadius = std::accumulate(v.radii.begin(), v.radii.end(), 0.0f) / static_cast<float>(v.radii.size());
    c.score *= 0.5f + meanRadius;
    cands.push_back(std::move(c));
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  const std::size_t maxLabels = std::clamp<std::size_t>(static_cast<std::size_t>(viewport.y / 55.0f), 4, 16);
  const Vec2 toFb{static_cast<float>(target_.width()) / std::max(viewport.x, 1.0f),
                  static_cast<float>(target_.height()) / std::max(viewport.y, 1.0f)};
  const Vec3 eye = state_.camera.eye();
  auto visible = [&](Vec3 screen, float radius) {
    // The wall nearest the eye is `radius` in front of the centerline; allow 0.3 cm slack.
    const Vec2 px = Vec2(screen) * toFb;
    const float depth = target_.readDepth(static_cast<int>(px.x), static_cast<int>(px.y));
    if (depth >= 1.0f) return false;
    const Vec3 surface = state_.camera.unproject(Vec2(screen), depth, viewport);
    const Vec3 centre = state_.camera.unproject(Vec2(screen), screen.z * 0.5f + 0.5f, viewport);
    return glm::distance(eye, surface) > glm::distance(eye, centre) - radius - 0.3f;
  };
  std::vector<std::pair<std::string, Vec2>> out;
  for (const auto& c : cands) {
    if (out.size() >= maxLabels) break;
    const std::string text = ui::labelText(a.vessels[c.vessel].id, a.vessels[c.vessel].name);
    if (text.empty()) continue;
    // Try points from the middle of the on-screen run outwards; skip the vessel if all are hidden.
    const std::size_t n = c.inside.size(), mid = n / 2;
    for (std::size_t k = 0; k < n && k < 9; ++k) {
      const std::size_t idx = k % 2 == 0 ? mid + k / 2 : mid - (k + 1) / 2;
      if (idx >= n) continue;
      if (visible(c.inside[idx].first, c.inside[idx].second)) {
        out.emplace_back(text, Vec2(c.inside[idx].first));
        break;
      }
    }
  }
  return out;
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
  // One engine step per fixed clock step: the simulation is independent of the frame rate.
  if (state_.engine) {
    // The particles move with the flows of the moment, so they follow the engine at least every
    // 1/60 s of simulated time (a long stretch with one instant's flows would pile them up).
    constexpr int kParticleEvery = 4;  // engine steps (dt = 1/240 s)
    int pending = 0;
    for (int k = 0; k < steps; ++k) {
      applyDueEvents();
      state_.engine->step(state_.clock.dt());
      state_.probes.sample(*state_.engine);
      if (state_.avpNode >= 0) state_.avp.update(*state_.engine, state_.engine->pressure(state_.avpNode) / hemo::kMmHg);
      if (state_.flow && ++pending == kParticleEvery) {
        state_.flow->advance(*state_.engine, pending * state_.clock.dt());
        pending = 0;
      }
    }
    if (state_.flow && pending > 0) state_.flow->advance(*state_.engine, pending * state_.clock.dt());
  }
  state_.clock.commit(steps);
}

void App::applyDueEvents() {
  if (!state_.protocol || !state_.engine) return;
  const hemo::Protocol& p = *state_.protocol;
  const double now = state_.engine->time() - state_.protocolStart;
  while (state_.protocolNext < p.events.size() && p.events[state_.protocolNext].time <= now + 1e-9) {
    const hemo::Event& ev = p.events[state_.protocolNext++];
    try {
      hemo::applyEvent(*state_.engine, state_.scene.anatomy, ev);
    } catch (const Error& e) {
      log::error(p.name + ": events at " + std::to_string(ev.time) + " s (" + ev.action + "): " + e.what());
    }
  }
  if (state_.protocolNext >= p.events.size() && now >= p.duration) state_.protocol.reset();
}

void App::rebuildEngine() {
  state_.flow.reset();
  state_.protocol.reset();
  state_.engine = std::make_unique<hemo::Engine>(state_.scene.anatomy);
  state_.avp = {};
  state_.flow = std::make_unique<FlowView>(state_.scene.anatomy, *state_.engine, particleBudget(state_.quality));
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
  FrameTiming t;
  const int steps = std::max(1, static_cast<int>(std::lround(frameSeconds / state_.clock.dt())));
  const auto t0 = Clock::now();
  if (state_.engine)
    for (int k = 0; k < steps; ++k) {
      applyDueEvents();
      state_.engine->step(state_.clock.dt());
    }
  state_.clock.commit(steps);
  const auto t1 = Clock::now();
  if (state_.flow && state_.engine) state_.flow->advance(*state_.engine, steps * state_.clock.dt());
  const auto t2 = Clock::now();
  uploadFrameData(height);
  render::finishGl();
  const auto t3 = Clock::now();
  drawScene(width, height);
  render::finishGl();
  const auto t4 = Clock::now();
  t.engineMs = ms(t0, t1);
  t.particlesMs = ms(t1, t2);
  t.uploadMs = ms(t2, t3);
  t.drawMs = ms(t3, t4);
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
  look_.particles = state_.particles && state_.flow;
  look_.particleColor = state_.particleColor;
  look_.colorMap = state_.wallMap != WallMap::Off;
  const WallMapRange range = wallMapRange(state_.wallMap, uprightForMap());
  look_.mapRange = {range.lo, range.hi};
  if (state_.flow && state_.engine) {
    state_.flow->fillState(*state_.engine, state_.wallMap, renderer_->stateRows(), stateTexels_);
    renderer_->setFlowState(stateTexels_);
    if (look_.particles) {
      const auto& particles = state_.flow->particles();
      static_assert(sizeof(flow::ParticleInstance) == render::kParticleFloats * sizeof(float));
      // Particles in hidden vessels (a layer off, or another vessel isolated) are left out.
      const Anatomy& an = state_.scene.anatomy;
      bool allVisible = true;
      for (std::size_t i = 0; i < an.vessels.size() && allVisible; ++i) allVisible = vesselVisible(i);
      if (allVisible) {
        renderer_->setParticles(reinterpret_cast<const float*>(particles.data()), particles.size());
      } else {
        state_.flow->tracers().states(particleStates_);  // same order as the instances
        visibleParticles_.clear();
        for (std::size_t k = 0; k < particles.size() && k < particleStates_.size(); ++k) {
          const int v = particleStates_[k].vessel;
          if (v >= 0 && vesselVisible(static_cast<std::size_t>(v))) visibleParticles_.push_back(particles[k]);
        }
        renderer_->setParticles(reinterpret_cast<const float*>(visibleParticles_.data()), visibleParticles_.size());
      }
    }
  }
}

void App::drawScene(int fbWidth, int fbHeight) {
  target_.ensure({.width = fbWidth, .height = fbHeight, .samples = options_.samples}, gl_.maxSamples);
  target_.bindScene();
  renderer_->draw(state_.camera, fbWidth, fbHeight, look_);
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
    const Anatomy& an = state_.scene.anatomy;
    for (int l = 0; l < kLayerCount; ++l) {
      ui::LayerToggle t{std::string(toString(static_cast<Layer>(l))), state_.layers[static_cast<std::size_t>(l)],
                        false};
      for (const Vessel& v : an.vessels) t.present = t.present || static_cast<int>(layerOf(v.system)) == l;
      for (const ContextModel& cm : an.models) t.present = t.present || static_cast<int>(cm.layer) == l;
      m.layers.push_back(t);
    }
    m.xray = state_.xray;
    m.labels = state_.labels;
    if (state_.labels) {
      // Which labels show needs depth reads (a pipeline flush each under a software
      // renderer): in the window, redo it when the view changes or four times a second.
      const CameraPose pose = state_.camera.pose();
      const double now = windowed ? platform::Window::time() : 0.0;
      const bool moved = glm::distance(pose.target, labelPose_.target) > 1e-3f ||
                         std::abs(pose.distance - labelPose_.distance) > 1e-3f ||
                         std::abs(pose.yawDeg - labelPose_.yawDeg) > 1e-3f ||
                         std::abs(pose.pitchDeg - labelPose_.pitchDeg) > 1e-3f || uiSize != labelViewport_;
      if (!windowed || moved || now - labelTime_ > 0.25) {
        labelAnchors_ = labelAnchors(uiSize);
        labelPose_ = pose;
        labelViewport_ = uiSize;
        labelTime_ = now;
      }
      m.labelAnchors = labelAnchors_;
    }
    m.warnings = state_.warnings;
    if (const hemo::Engine* e = state_.engine.get()) {
      m.hasEngine = true;
      const auto& d = e->drivers().settings();
      m.posture = std::string(hemo::toString(d.posture));
      m.activity = std::string(hemo::toString(d.activity));
      auto probe = [&](const char* id, float f) -> std::optional<hemo::NodeOutput> {
        const int node = e->network().nodeAt(an.vesselIndex(id), f);
        if (node < 0) return std::nullopt;
        return e->node(node);
      };
      // Normal ranges beside the numbers (docs/validation.md, from physiology.md §13): ankle
      // 4-10 mmHg lying, 76-95 standing still, 20-30 while walking or on tiptoe (AVP); CFV flow
      // 280-350 mL/min lying; mean RA 1-5 mmHg; a left-right iliac gradient above 2 mmHg
      // suggests a significant iliac obstruction (physiology.md §4 thresholds > 2 / > 3 mmHg).
      const bool lying = d.posture == hemo::Posture::Supine || d.posture == hemo::Posture::LegsElevated;
      const bool upright = d.posture == hemo::Posture::Standing;
      const bool moving = d.activity != hemo::Activity::Still;
      const std::string ankleNormal = lying ? "4-10" : upright ? (moving ? "20-30" : "76-95") : "";
      if (auto o = probe("great_saphenous_vein_left", 0.06f))
        m.readouts.push_back({"L ankle", o->pressureMmHg, "mmHg", ankleNormal});
      if (auto o = probe("great_saphenous_vein_right", 0.06f))
        m.readouts.push_back({"R ankle", o->pressureMmHg, "mmHg", ankleNormal});
      if (auto o = probe("common_femoral_vein_left", 0.5f))
        m.readouts.push_back({"L CFV flow", o->flowMlS * 60.0, "mL/min", lying ? "280-350" : ""});
      const auto left = probe("common_iliac_vein_left", 0.1f), right = probe("common_iliac_vein_right", 0.1f);
      if (left && right) m.readouts.push_back({"Iliac L-R", left->pressureMmHg - right->pressureMmHg, "mmHg", "< 2"});
      m.readouts.push_back({"R atrium", e->rightAtrialPressure() / hemo::kMmHg, "mmHg", "1-5"});
      // The AVP test at the left ankle, once a bout of exercise has started while standing.
      const AvpTracker& avp = state_.avp;
      if (avp.phase() != AvpTracker::Phase::Waiting) {
        const double pct = avp.baseline() > 1.0 ? 100.0 * avp.fall() / avp.baseline() : 0.0;
        m.readouts.push_back({"L AVP fall", pct, "%", "> 50"});
        if (avp.rt90() >= 0.0)
          m.readouts.push_back({"L RT90", avp.rt90(), "s", "> 20"});
        else if (avp.phase() == AvpTracker::Phase::Recovering)
          m.readouts.push_back({"L RT90 ...", e->time() - avp.exerciseEnd(), "s", "> 20"});
      }
      {
        const auto valves = hemo::selectValves(an, "left_gsv");
        const auto& rg = e->conditions().valveRegurgitant;
        m.leftGsvFailed = !valves.empty() && std::all_of(valves.begin(), valves.end(), [&](int v) {
          return static_cast<std::size_t>(v) < rg.size() && rg[static_cast<std::size_t>(v)] >= 0.5;
        });
        // May-Thurner: the largest compression on the left common iliac vein.
        const int civ = an.vesselIndex("common_iliac_vein_left");
        const hemo::Network& net = e->network();
        float lost = 0.0f;
        for (std::size_t j = 0; j < net.links.size(); ++j) {
          const hemo::Link& l = net.links[j];
          if (civ < 0 || net.nodes[static_cast<std::size_t>(l.a)].vessel != civ) continue;
          if (e->conditions().linkLesion[j] == hemo::Lesion::Compression)
            lost = std::max(lost, static_cast<float>(1.0 - e->conditions().linkArea[j]));
        }
        m.mayThurner = lost;
      }
      // Probes: live values, the last plotSeconds for the plots, a marker in 3D.
      m.probeMode = state_.probeMode;
      std::vector<ProbeSample> history;
      for (const LiveProbe& lp : state_.probes.probes()) {
        ui::UiModel::ProbeView v;
        const Vessel* vessel = an.findVessel(lp.probe.vessel);
        v.name = (vessel ? vessel->name : lp.probe.vessel) + " at " +
                 std::to_string(static_cast<int>(std::lround(lp.probe.fraction * 100.0))) + "%";
        const ProbeSample& last = lp.latest();
        v.pressure = last.pressure;
        v.flow = last.flow;
        v.velocity = last.velocity;
        v.diameter = last.diameter;
        v.refluxNow = lp.currentReflux(e->time());
        v.lastReflux = lp.lastReflux;
        lp.history(history);
        for (const ProbeSample& p : history)
          if (p.time >= e->time() - m.plotSeconds) {
            v.time.push_back(p.time);
            v.pressureTrace.push_back(p.pressure);
            v.velocityTrace.push_back(p.velocity);
          }
        const Vec3 sp = state_.camera.project(lp.position, uiSize);
        v.screen = {sp.x, sp.y};
        v.onScreen = sp.z > -1.0f && sp.z < 1.0f;
        m.probes.push_back(std::move(v));
      }
      for (const io::Bookmark& b : state_.bookmarks) m.bookmarks.push_back(b.name);
      for (const Vessel& v : an.vessels) m.vessels.emplace_back(v.id, v.name);
      if (state_.isolated >= 0) m.isolatedName = an.vessels[static_cast<std::size_t>(state_.isolated)].name;
      ui::UiModel::FlowDisplay& f = m.flow;
      f.particles = state_.particles;
      f.glassWalls = state_.glassWalls;
      static const char* const colors[] = {"direction", "speed", "oxygen"};
      static const char* const qualities[] = {"low", "medium", "high"};
      static const char* const maps[] = {"off", "pressure", "transmural", "velocity"};
      f.particleColor = colors[std::clamp(state_.particleColor, 0, 2)];
      f.quality = qualities[std::clamp(state_.quality, 0, 2)];
      f.wallMap = maps[static_cast<int>(state_.wallMap)];
      const WallMapRange range = wallMapRange(state_.wallMap, uprightForMap());
      f.mapLabel = range.label;
      f.mapUnit = range.unit;
      f.mapLo = range.lo;
      f.mapHi = range.hi;
      if (state_.flow) f.particleCount = state_.flow->tracers().counts().alive;
      if (state_.protocol) {
        f.protocol = state_.protocol->name;
        f.protocolTime = e->time() - state_.protocolStart;
        f.protocolDuration = state_.protocol->duration;
      }
    }
    if (state_.hovered >= 0 && state_.hovered != state_.selected)
      m.hoveredName = an.vessels[static_cast<std::size_t>(state_.hovered)].name;
    if (state_.selected >= 0) {
      const Vessel& v = an.vessels[static_cast<std::size_t>(state_.selected)];
      m.hasSelection = true;
      m.selected.id = v.id;
      m.selected.name = v.name;
      m.selected.system = std::string(toString(v.system));
      m.selected.region = std::string(toString(v.region));
      const Vessel* into = an.findVessel(v.drainsInto);
      m.selected.drainsInto = into ? into->name : (v.drainsInto == kRightAtrium ? "Right atrium" : "");
      m.selected.description = v.descriptionStudent;
      m.selected.diameterMm = *std::max_element(v.radii.begin(), v.radii.end()) * 20.0f;
      m.selected.lengthCm = polylineLength(v.points);
      m.selected.valveCount = static_cast<int>(
          std::count_if(an.valves.begin(), an.valves.end(), [&](const Valve& x) { return x.vessel == v.id; }));
    }
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
  double firstFrameTime = platform::Window::time();
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
    if (frame == 0) firstFrameTime = platform::Window::time();
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
  saveSettings();
  // Frame rate after the first frame (start-up has its own log line above).
  const double seconds = platform::Window::time() - firstFrameTime;
  log::info(std::to_string(frame) + " frames in " + std::to_string(seconds).substr(0, 5) + " s after the first (mean " +
            std::to_string(seconds * 1000.0 / std::max(frame - 1, 1)).substr(0, 5) + " ms per frame)");
  return 0;
}

}  // namespace venaviz
