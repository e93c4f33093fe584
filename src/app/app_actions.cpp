// The app's actions: the one vocabulary shared by keys, panels, the command line and tests.
#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "hemo/scenario.h"
#include "io/image.h"
#include "io/simulation_reader.h"
#include "platform/window.h"
#include "render/shader_library.h"

namespace venaviz {
namespace {

/// "condition KIND [TARGET] [SEVERITY] [key=value ...]" as a condition (not yet validated).
hemo::Condition conditionFromArgs(const std::vector<std::string>& args) {
  hemo::Condition c;
  c.kind = args[0];
  std::size_t positional = 0;
  for (std::size_t k = 1; k < args.size(); ++k) {
    const std::string& w = args[k];
    const auto eq = w.find('=');
    if (eq == std::string::npos) {
      char* end = nullptr;
      const double number = std::strtod(w.c_str(), &end);
      const bool isNumber = end && *end == '\0' && end != w.c_str() && std::isfinite(number);
      if (positional == 0 && isNumber) ++positional;  // no target: "condition collateral_development 0.5"
      if (positional == 0) {
        c.target = w;
      } else if (positional == 1) {
        c.severity = parseNumberArg("condition", w, 0, 100);
        c.pressureMmHg = c.severity;
      } else {
        throw Error("condition: unexpected \"" + w + "\"; after TARGET and SEVERITY use key=value");
      }
      ++positional;
      continue;
    }
    const std::string key = w.substr(0, eq), value = w.substr(eq + 1);
    const std::string what = "condition " + key;
    if (key == "from")
      c.from = parseNumberArg(what, value, 0, 1);
    else if (key == "to")
      c.to = parseNumberArg(what, value, 0, 1);
    else if (key == "at")
      c.from = parseNumberArg(what, value, 0, 1);
    else if (key == "pressure")
      c.pressureMmHg = parseNumberArg(what, value, 0, 100);
    else if (key == "days")
      c.days = parseNumberArg(what, value, 0, 3650);
    else if (key == "severity")
      c.severity = parseNumberArg(what, value, 0, 1);
    else
      throw Error("condition: unknown key \"" + key + "\"; expected from, to, at, pressure, days or severity");
  }
  return c;
}

}  // namespace

void App::registerActions() {
  AppState& s = state_;
  ActionRegistry& a = actions_;
  a.add("play", "play", "Run the simulation", 0, 0, [&s](auto&) { s.clock.setPaused(false); });
  a.add("pause", "pause", "Pause the simulation", 0, 0, [&s](auto&) { s.clock.setPaused(true); });
  a.add("toggle_play", "toggle_play", "Play or pause", 0, 0, [&s](auto&) { s.clock.setPaused(!s.clock.paused()); });
  a.add("step", "step [SECONDS]", "Advance paused time by whole fixed steps (default 0.05 s)", 0, 1,
        [this](auto& args) {
          const double sec = args.empty() ? 0.05 : parseNumberArg("step", args[0], 0.0, 3600.0);
          simulate(sec);
        });
  a.add("reset_time", "reset_time", "Set simulated time back to 0", 0, 0, [&s](auto&) { s.clock.reset(); });
  a.add("time_scale", "time_scale X", "Simulated seconds per real second, 0.1 to 10", 1, 1,
        [&s](auto& args) { s.clock.setTimeScale(parseNumberArg("time_scale", args[0], 0.1, 10.0)); });
  a.add("faster", "faster", "Speed up time by 1.5x", 0, 0,
        [&s](auto&) { s.clock.setTimeScale(s.clock.timeScale() * 1.5); });
  a.add("slower", "slower", "Slow down time by 1.5x", 0, 0,
        [&s](auto&) { s.clock.setTimeScale(s.clock.timeScale() / 1.5); });

  a.add("view", "view NAME", "Fly to a standard view: anterior, posterior, left, right, superior, inferior", 1, 1,
        [this](auto& args) {
          auto v = parseView(args[0]);
          if (!v)
            throw Error("view: unknown view \"" + args[0] +
                        "\"; expected anterior, posterior, left, right, superior or inferior");
          CameraPose goal = OrbitCamera::poseFor(*v, state_.camera.pose().target, state_.camera.pose().distance);
          state_.camera.flyTo(goal);
        });
  a.add("reset_view", "reset_view", "Fly back to the scene's starting view", 0, 0,
        [this](auto&) { state_.camera.flyTo(scenePose()); });
  a.add("fly_to", "fly_to X Y Z [DISTANCE]", "Fly to look at a point (cm, body frame)", 3, 4, [this](auto& args) {
    CameraPose goal = state_.camera.pose();
    goal.target = {static_cast<float>(parseNumberArg("fly_to", args[0], -1000, 1000)),
                   static_cast<float>(parseNumberArg("fly_to", args[1], -1000, 1000)),
                   static_cast<float>(parseNumberArg("fly_to", args[2], -1000, 1000))};
    if (args.size() > 3)
      goal.distance =
          static_cast<float>(parseNumberArg("fly_to", args[3], OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance));
    state_.camera.flyTo(goal);
  });
  a.add("orbit", "orbit DX DY", "Rotate the camera by a drag of DX, DY pixels", 2, 2, [&s](auto& args) {
    s.camera.orbit(static_cast<float>(parseNumberArg("orbit", args[0], -1e5, 1e5)),
                   static_cast<float>(parseNumberArg("orbit", args[1], -1e5, 1e5)));
  });
  a.add("zoom", "zoom STEPS", "Zoom in (positive) or out (negative) by wheel steps", 1, 1,
        [&s](auto& args) { s.camera.zoom(static_cast<float>(parseNumberArg("zoom", args[0], -100, 100))); });

  a.add("ui_scale", "ui_scale X", "Text and control size, 1 to 3 (fonts are re-rasterized)", 1, 1,
        [&s](auto& args) { s.uiScale = static_cast<float>(parseNumberArg("ui_scale", args[0], 1.0, 3.0)); });
  a.add("expand_panels", "expand_panels [on|off]", "Open every section of the control panel (an overview)", 0, 1,
        [&s](auto& args) { s.expandPanels = parseSwitchArg("expand_panels", args, s.expandPanels); });
  a.add("theme", "theme dark|light|contrast", "Panel colours: dark, light (bright rooms) or high contrast", 1, 1,
        [&s](auto& args) {
          const auto t = ui::parseTheme(args[0]);
          if (!t) throw Error("theme: \"" + args[0] + "\" is not a theme; expected dark, light or contrast");
          s.theme = *t;
        });
  a.add("fullscreen", "fullscreen [on|off]", "Full screen on, off or toggle", 0, 1, [this](auto& args) {
    if (options_.headless) return;
    window_->setFullscreen(parseSwitchArg("fullscreen", args, window_->fullscreen()));
  });
  a.add("help", "help", "Show or hide this list of keys and commands", 0, 0, [&s](auto&) { s.showHelp = !s.showHelp; });
  a.add("toggle_ui", "toggle_ui", "Hide or show all panels (clean view for slides)", 0, 0,
        [&s](auto&) { s.showUi = !s.showUi; });
  a.add("reload_shaders", "reload_shaders", "Recompile shaders from shaders/ (old ones kept on error)", 0, 0,
        [this](auto&) {
          const int failed = shaders_->reloadAll();
          if (failed)
            log::error(std::to_string(failed) + " shader program(s) failed to compile; kept the old ones");
          else
            log::info("shaders reloaded");
        });
  a.add("load_scene", "load_scene FILE", "Load a scene file (the current scene stays if it fails)", 1, 1,
        [this](auto& args) { loadScene(args[0]); });
  a.add("dismiss_error", "dismiss_error", "Hide the scene error message", 0, 0, [&s](auto&) { s.sceneError.clear(); });
  a.add("screenshot", "screenshot FILE [WIDTHxHEIGHT]",
        "Save a PNG: the frame as shown (panels included), or the 3D view alone at a chosen size", 1, 2,
        [this](auto& args) {
          Image img;
          if (args.size() > 1) {
            int w = 0, h = 0;
            if (std::sscanf(args[1].c_str(), "%dx%d", &w, &h) != 2)
              throw Error("screenshot: size \"" + args[1] + "\" is not WIDTHxHEIGHT");
            if (w < 16 || h < 16 || w > 8192 || h > 8192) throw Error("screenshot: size must be 16..8192 pixels");
            img = renderImage(w, h, false);
          } else {
            img = target_.readColor();  // the last frame exactly as shown, panels included
          }
          io::writePng(args[0], img);
          log::info("saved " + args[0]);
        });
  a.add("record", "record FILE.mp4|FOLDER|off [FPS]",
        "Record the 3D view: a video through ffmpeg when installed, else numbered PNGs (default 30 fps)", 1, 2,
        [this](auto& args) {
          if (args[0] == "off") {
            if (!video_) throw Error("record: nothing is being recorded");
            log::info(video_->close());
            video_.reset();
            return;
          }
          if (options_.headless)
            throw Error("record: only in the window; for image sequences use venaviz render --frames N --fps F");
          if (video_) throw Error("record: already recording to " + video_->output().string() + "; record off first");
          const double fps = args.size() > 1 ? parseNumberArg("record", args[1], 1, 120) : 30.0;
          const glm::ivec2 fb = window_->framebufferSize();
          video_ = std::make_unique<io::VideoWriter>(args[0], fb.x, fb.y, fps);
          log::info("recording to " + video_->output().string() +
                    (video_->toVideo() ? " through ffmpeg" : " as numbered PNGs (ffmpeg not found or a folder given)"));
        });
  a.add("layer", "layer NAME [on|off]", "Show or hide a layer: " + layerNames(), 1, 2, [this](auto& args) {
    auto l = parseLayer(args[0]);
    if (!l) throw Error("layer: unknown layer \"" + args[0] + "\"; expected one of: " + layerNames());
    bool& on = state_.layers[static_cast<std::size_t>(*l)];
    on = parseSwitchArg("layer", std::vector<std::string>(args.begin() + 1, args.end()), on);
    if (state_.selected >= 0 && !vesselVisible(static_cast<std::size_t>(state_.selected))) state_.selected = -1;
    refreshStyles();
  });
  a.add("clip", "clip off|sagittal|coronal|axial [AT_CM] [flip]",
        "Cut the body with a plane: sagittal at x, coronal at y (the front half removed), axial at a height z "
        "(what lies above removed); flip keeps the other side",
        1, 3, [&s](auto& args) {
          static const char* const kAxes[] = {"off", "sagittal", "coronal", "axial"};
          int axis = -1;
          for (int i = 0; i < 4; ++i)
            if (args[0] == kAxes[i]) axis = i;
          if (axis < 0)
            throw Error("clip: \"" + args[0] + "\" is not a plane; expected off, sagittal, coronal or axial");
          bool flip = false;
          float at = 0.0f;
          for (std::size_t k = 1; k < args.size(); ++k) {
            if (args[k] == "flip")
              flip = true;
            else
              at = static_cast<float>(parseNumberArg("clip", args[k], -300.0, 300.0));
          }
          s.clipAxis = axis;
          s.clipAt = at;
          s.clipFlip = flip;
        });
  a.add("xray", "xray [on|off]", "X-ray look for skin and muscles (see-through, outlines kept)", 0, 1,
        [this](auto& args) {
          state_.xray = parseSwitchArg("xray", args, state_.xray);
          state_.stylesDirty = true;
        });
  a.add("labels", "labels [on|off]", "Name the main vessels in view with leader lines", 0, 1,
        [this](auto& args) { state_.labels = parseSwitchArg("labels", args, state_.labels); });
  a.add("select", "select VESSEL_ID|none", "Highlight a vessel and show its card", 1, 1, [this](auto& args) {
    if (args[0] == "none") {
      state_.selected = -1;
    } else {
      const int i = state_.scene.anatomy.vesselIndex(args[0]);
      if (i < 0) throw Error("select: no vessel \"" + args[0] + "\" in this scene");
      state_.selected = i;
    }
    refreshStyles();
  });
  a.add("focus", "focus VESSEL_ID", "Fly to look at a vessel", 1, 1, [this](auto& args) {
    const Vessel* v = state_.scene.anatomy.findVessel(args[0]);
    if (!v) throw Error("focus: no vessel \"" + args[0] + "\" in this scene");
    Vec3 lo(1e9f), hi(-1e9f);
    for (const Vec3& p : v->points) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    CameraPose goal = state_.camera.pose();
    goal.target = (lo + hi) * 0.5f;
    goal.distance = std::clamp(glm::length(hi - lo) * 2.2f, 8.0f, 400.0f);
    state_.camera.flyTo(goal);
  });
  // --- the body and its circulation (hemodynamic engine) ---
  auto engineOrThrow = [this](const char* what) -> hemo::Engine& {
    if (!sim().engine) throw Error(std::string(what) + ": this scene has no veins to simulate");
    return *sim().engine;
  };
  a.add("posture", "posture NAME [TILT]", "supine, standing, sitting, legs_elevated, or tilt with an angle (+ head up)",
        1, 2, [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("posture");
          hemo::Event ev{
              e.time(), "posture", args[0], args.size() > 1 ? parseNumberArg("posture", args[1], -90, 90) : 0.0, {}};
          hemo::applyEvent(e, state_.scene.anatomy, ev);
        });
  a.add("activity", "activity NAME [CADENCE]", "still, walking (steps/min), tiptoe (10 raises), ankle_pumps", 1, 2,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("activity");
          hemo::Event ev{
              e.time(), "activity", args[0], args.size() > 1 ? parseNumberArg("activity", args[1], 1, 200) : 0.0, {}};
          hemo::applyEvent(e, state_.scene.anatomy, ev);
        });
  a.add("valsalva", "valsalva [SECONDS]", "Strain against a closed glottis: chest and belly pressure +35 mmHg", 0, 1,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("valsalva");
          sim().provocationTime = e.time();
          hemo::applyEvent(
              e, state_.scene.anatomy,
              {e.time(), "valsalva", "", args.empty() ? 10.0 : parseNumberArg("valsalva", args[0], 1, 60), {}});
        });
  for (const char* what : {"squeeze", "cuff"})
    a.add(what, std::string(what) + " left|right",
          std::string(what) == "squeeze" ? "Squeeze a calf for a second, then let go"
                                         : "Inflate a calf cuff for 3 s, then deflate it quickly",
          1, 1, [this, engineOrThrow, what](auto& args) {
            hemo::Engine& e = engineOrThrow(what);
            hemo::applyEvent(e, state_.scene.anatomy, {e.time(), what, args[0], 0.0, {}});
            sim().provocationTime = e.time();
          });
  a.add("tourniquet", "tourniquet left|right|off [MMHG]", "Thigh tourniquet on the superficial veins (default 60 mmHg)",
        1, 2, [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("tourniquet");
          hemo::applyEvent(e, state_.scene.anatomy,
                           {e.time(),
                            "tourniquet",
                            args[0],
                            args.size() > 1 ? parseNumberArg("tourniquet", args[1], 10, 120) : 0.0,
                            {}});
        });
  a.add("condition", "condition KIND [TARGET] [SEVERITY] [from=F to=F pressure=MMHG days=D]",
        "Apply a condition or treatment (see docs/simulation-format.md)", 1, 7, [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("condition");
          const hemo::Condition c = conditionFromArgs(args);
          hemo::applyCondition(e, state_.scene.anatomy, c);
        });
  a.addValidator("condition", [this](auto& args) {
    const hemo::Condition c = conditionFromArgs(args);
    io::validateCondition(c, state_.scene.anatomy, "condition", c.kind);
  });
  a.add("scenario", "scenario FILE", "Start again from a scenario file (posture, activity, conditions)", 1, 1,
        [this, engineOrThrow](auto& args) {
          engineOrThrow("scenario");
          const hemo::Scenario sc = io::loadScenario(paths::dataFile(args[0]));  // throws before anything changes
          io::validateScenario(sc, state_.scene.anatomy, args[0]);
          rebuildEngine();
          hemo::applyScenario(*sim().engine, state_.scene.anatomy, sc);
          sim().engine->settle(30.0);
          sim().flow->reseed(*sim().engine);
          log::info("scenario " + sc.name + " applied");
        });
  a.add("protocol", "protocol FILE|stop", "Play a protocol's timeline (events fire as simulated time passes)", 1, 1,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("protocol");
          if (args[0] == "stop") {
            sim().protocol.reset();
            return;
          }
          hemo::Protocol p = io::loadProtocol(paths::dataFile(args[0]));
          io::validateProtocol(p, state_.scene.anatomy, args[0]);
          std::stable_sort(p.events.begin(), p.events.end(),
                           [](const hemo::Event& x, const hemo::Event& y) { return x.time < y.time; });
          sim().protocol = std::move(p);
          sim().protocolStart = e.time();
          sim().protocolNext = 0;
          applyDueEvents();
        });
  // --- exploring ---
  a.add("isolate", "isolate VESSEL_ID|off", "Show one vessel with its direct neighbours only (off: all)", 1, 1,
        [this](auto& args) {
          if (args[0] == "off") {
            state_.isolated = -1;
          } else {
            const int i = state_.scene.anatomy.vesselIndex(args[0]);
            if (i < 0) throw Error("isolate: no vessel \"" + args[0] + "\" in this scene");
            state_.isolated = i;
          }
          refreshStyles();
        });
  auto joinName = [](const std::vector<std::string>& args, std::size_t from) {
    std::string name;
    for (std::size_t k = from; k < args.size(); ++k) name += (name.empty() ? "" : " ") + args[k];
    return name;
  };
  a.add("bookmark_save", "bookmark_save NAME", "Save the current view under a name (kept between sessions)", 1, 8,
        [this, joinName](auto& args) {
          const std::string name = joinName(args, 0);
          const CameraPose p = state_.camera.pose();
          io::Bookmark b{name, {p.target.x, p.target.y, p.target.z}, p.distance, p.yawDeg, p.pitchDeg};
          auto it = std::find_if(state_.bookmarks.begin(), state_.bookmarks.end(),
                                 [&](const io::Bookmark& x) { return x.name == name; });
          if (it != state_.bookmarks.end())
            *it = b;
          else
            state_.bookmarks.push_back(b);
        });
  a.add("bookmark", "bookmark NAME", "Fly to a saved view", 1, 8, [this, joinName](auto& args) {
    const std::string name = joinName(args, 0);
    for (const io::Bookmark& b : state_.bookmarks)
      if (b.name == name) {
        state_.camera.flyTo({{b.target[0], b.target[1], b.target[2]}, b.distance, b.yawDeg, b.pitchDeg});
        return;
      }
    std::string names;
    for (const io::Bookmark& b : state_.bookmarks) names += (names.empty() ? "" : ", ") + b.name;
    throw Error("bookmark: no view named \"" + name + "\"" + (names.empty() ? "; none saved" : "; saved: " + names));
  });
  a.add("bookmark_delete", "bookmark_delete NAME", "Forget a saved view", 1, 8, [this, joinName](auto& args) {
    const std::string name = joinName(args, 0);
    const auto before = state_.bookmarks.size();
    std::erase_if(state_.bookmarks, [&](const io::Bookmark& b) { return b.name == name; });
    if (state_.bookmarks.size() == before) throw Error("bookmark_delete: no view named \"" + name + "\"");
  });
  // --- probes ---
  a.add("probe", "probe VESSEL_ID[@FRACTION]", "Place a live probe on a vein (up to 4; a fifth replaces the oldest)", 1,
        1, [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("probe");
          const bool full = sim().probes.probes().size() >= ProbeSet::kMaxProbes;
          sim().probes.add(args[0], e, state_.scene.anatomy);
          if (full && sim().dopplerProbe >= 0) --sim().dopplerProbe;  // the oldest went
        });
  a.add("probe_remove", "probe_remove N|all", "Remove probe N (1-4) or all of them", 1, 1, [this](auto& args) {
    if (args[0] == "all") {
      sim().probes.clear();
      sim().dopplerProbe = -1;
      return;
    }
    const auto n = static_cast<std::size_t>(parseNumberArg("probe_remove", args[0], 1, 4));
    sim().probes.remove(n - 1);
    if (sim().dopplerProbe == static_cast<int>(n - 1))
      sim().dopplerProbe = -1;
    else if (sim().dopplerProbe > static_cast<int>(n - 1))
      --sim().dopplerProbe;
  });
  a.add("doppler", "doppler N|off", "Open the duplex ultrasound view (spectral Doppler, cross-section) of probe N", 1,
        1, [this](auto& args) {
          if (args[0] == "off") {
            sim().dopplerProbe = -1;
            return;
          }
          const auto n = static_cast<int>(parseNumberArg("doppler", args[0], 1, 4));
          if (static_cast<std::size_t>(n) > sim().probes.probes().size())
            throw Error("doppler: there is no probe " + args[0] + "; place one first (probe VESSEL_ID@F)");
          sim().dopplerProbe = n - 1;
        });
  a.add("probe_mode", "probe_mode [on|off]", "While on, clicking a vein places a probe instead of selecting it", 0, 1,
        [&s](auto& args) {
          const bool on = parseSwitchArg("probe_mode", args, s.clickMode == ClickMode::Probe);
          s.clickMode = on ? ClickMode::Probe : ClickMode::Select;
        });
  // --- how the blood is shown ---
  a.add("particles", "particles [on|off]", "Show the blood as moving particles", 0, 1,
        [&s](auto& args) { s.particles = parseSwitchArg("particles", args, s.particles); });
  a.add("particle_color", "particle_color direction|speed|oxygen", "Colour particles by direction, speed or oxygen", 1,
        1, [&s](auto& args) {
          const std::string& m = args[0];
          if (m == "direction")
            s.particleColor = 0;
          else if (m == "speed")
            s.particleColor = 1;
          else if (m == "oxygen")
            s.particleColor = 2;
          else
            throw Error("particle_color: \"" + m + "\" is not a mode; expected direction, speed or oxygen");
        });
  a.add("walls", "walls glass|solid", "See-through vessel walls (particles and valves visible) or solid ones", 1, 1,
        [&s](auto& args) {
          if (args[0] != "glass" && args[0] != "solid")
            throw Error("walls: \"" + args[0] + "\" is not a look; expected glass or solid");
          s.glassWalls = args[0] == "glass";
        });
  a.add("wall_map", "wall_map off|pressure|transmural|velocity", "Colour the vein walls by a live value", 1, 1,
        [&s](auto& args) {
          const std::string& m = args[0];
          if (m == "off")
            s.wallMap = WallMap::Off;
          else if (m == "pressure")
            s.wallMap = WallMap::Pressure;
          else if (m == "transmural")
            s.wallMap = WallMap::Transmural;
          else if (m == "velocity")
            s.wallMap = WallMap::Velocity;
          else
            throw Error("wall_map: \"" + m + "\" is not a map; expected off, pressure, transmural or velocity");
        });
  a.add("quality", "quality low|medium|high", "Particle budget: 16k, 50k or 200k particles", 1, 1, [&s, this](auto& args) {
    const std::string& q = args[0];
    const int quality = q == "low" ? 0 : q == "medium" ? 1 : q == "high" ? 2 : -1;
    if (quality < 0) throw Error("quality: \"" + q + "\" is not a level; expected low, medium or high");
    s.quality = quality;
    for (auto& one : sims_) one->setParticleBudget(bodyParticleBudget(sims_.size()));
  });
  a.add("quit", "quit", "Close venaviz", 0, 0, [&s](auto&) { s.quit = true; });
  registerBodyActions();
  registerCompareActions();
  registerLessonActions();
  registerPatientActions();
  registerValidators();
}

void App::registerValidators() {
  // What `lesson check` (and opening a lesson) can know about an action before it runs:
  // names, files and vessels, so a lesson's mistake is reported with its step before class.
  ActionRegistry& a = actions_;
  const Anatomy& an = state_.scene.anatomy;
  auto vessel = [&an](const char* action, const std::string& id) {
    if (!an.findVessel(id)) throw Error(std::string(action) + ": no vessel \"" + id + "\" in this scene");
  };
  a.addValidator("posture", [](auto& args) {
    if (!hemo::parsePosture(args[0]) && args[0] != "tilt")
      throw Error("posture: unknown posture \"" + args[0] + "\"; expected supine, standing, sitting, legs_elevated or tilt");
  });
  a.addValidator("activity", [](auto& args) {
    if (!hemo::parseActivity(args[0]))
      throw Error("activity: unknown activity \"" + args[0] + "\"; expected still, walking, tiptoe or ankle_pumps");
  });
  a.addValidator("view", [](auto& args) {
    if (!parseView(args[0])) throw Error("view: unknown view \"" + args[0] + "\"");
  });
  a.addValidator("scenario", [&an](auto& args) { io::validateScenario(io::loadScenario(paths::dataFile(args[0])), an, args[0]); });
  a.addValidator("protocol", [&an](auto& args) {
    if (args[0] != "stop") io::validateProtocol(io::loadProtocol(paths::dataFile(args[0])), an, args[0]);
  });
  a.addValidator("probe", [vessel](auto& args) { vessel("probe", args[0].substr(0, args[0].find('@'))); });
  a.addValidator("focus", [vessel](auto& args) { vessel("focus", args[0]); });
  a.addValidator("select", [vessel](auto& args) {
    if (args[0] != "none") vessel("select", args[0]);
  });
  a.addValidator("isolate", [vessel](auto& args) {
    if (args[0] != "off") vessel("isolate", args[0]);
  });
}

}  // namespace venaviz
