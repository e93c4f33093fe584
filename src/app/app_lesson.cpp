// Lessons in the app: opening, checking against the scene, the player's actions and measures,
// the presenter's keys as actions, and the camera goal a step flies to.
#include <algorithm>
#include <cmath>
#include <utility>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "hemo/measures.h"
#include "io/lesson.h"

namespace venaviz {
namespace fs = std::filesystem;

void App::findLessons() {
  lessonFiles_.clear();
  const auto dir = paths::dataDir();
  if (!dir) return;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(*dir / "scenes" / "lessons", ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    try {
      lessonFiles_.emplace_back(io::loadLesson(f).title, f.string());
    } catch (const Error& e) {
      log::warn(e.what());  // listed nowhere; `venaviz lesson check` says why
    }
  }
}

void App::checkLesson(const io::Lesson& l) const {
  const Anatomy& an = state_.scene.anatomy;
  const std::string file = l.file.string();
  auto checkMeasure = [&](const io::LessonMeasure& m, const std::string& where) {
    if (m.name == "pressure" || m.name == "flow") {
      const std::string id = m.argument.substr(0, m.argument.find('@'));
      if (an.vesselIndex(id) < 0) throw Error(file + ": " + where + ": no vessel \"" + id + "\" in this scene");
      const std::string f = m.argument.substr(m.argument.find('@') + 1);
      parseNumberArg(file + ": " + where, f, 0.0, 1.0);
    }
  };
  auto checkCamera = [&](const io::LessonCamera& c, const std::string& where) {
    if (!c.vessel.empty() && !an.findVessel(c.vessel))
      throw Error(file + ": " + where + ".vessel: no vessel \"" + c.vessel + "\" in this scene");
  };
  for (const auto& [name, c] : l.views) checkCamera(c, "views." + name);
  for (std::size_t i = 0; i < l.steps.size(); ++i) {
    const io::LessonStep& s = l.steps[i];
    const std::string step = "step " + std::to_string(i + 1);
    if (s.camera) checkCamera(*s.camera, step + ".camera");
    for (std::size_t k = 0; k < s.actions.size(); ++k) {
      try {
        actions_.check(s.actions[k]);
        const auto words = splitCommand(s.actions[k]);
        if (words[0] == "lesson" || words[0] == "quit" || words[0] == "load_scene")
          throw Error(words[0] + ": not allowed inside a lesson");
      } catch (const Error& e) {
        throw Error(file + ": " + step + ".do[" + std::to_string(k) + "]: " + e.what());
      }
    }
    if (s.advance.kind == io::LessonAdvance::Kind::When) checkMeasure(s.advance.measure, step + ".advance.when");
    if (s.question) checkMeasure(s.question->measure, step + ".question.measure");
  }
}

void App::openLesson(const fs::path& file) {
  io::Lesson l = io::loadLesson(file);  // throws before anything changes
  if (l.scene && (!state_.hasScene || fs::weakly_canonical(*l.scene) != fs::weakly_canonical(state_.scene.path)))
    loadScene(*l.scene);
  checkLesson(l);
  log::info("lesson " + l.title + " (" + std::to_string(l.steps.size()) + " steps)");
  lesson_ = std::make_unique<LessonPlayer>(std::move(l));
  lessonFailures_.clear();
  state_.blackScreen = false;
  runLessonActions();
}

void App::resetForLesson() {
  // What any step may have changed goes back to the scene's start: one body, lying, healthy,
  // no probes, every layer, the whole body in view, normal speed.
  for (const char* cmd : {"compare off", "protocol stop", "probe_remove all", "isolate off",
                          "select none", "clip off", "wall_map off", "time_scale 1", "walls glass"})
    applyReported(cmd);
  state_.layers.fill(true);
  refreshStyles();
  for (auto& one : sims_) {
    if (!one->engine) continue;
    // reset_body ramps the posture back; a fresh start settles it at once.
    one->rebuild(bodyParticleBudget(sims_.size()));
    one->resetTracking();
  }
  state_.clock.reset();
}

void App::runLessonActions() {
  if (!lesson_) return;
  // Time the actions themselves pass (fast_forward) is not the step's run.
  struct Flag {
    bool& b;
    bool before;
    explicit Flag(bool& f) : b(f), before(std::exchange(f, true)) {}
    ~Flag() { b = before; }  // an inner call leaves the outer one's flag set
  } running(runningLessonActions_);
  // Actions can start new ones (a step that ends at once); a lesson is finite, so this ends.
  for (int round = 0; round < 64; ++round) {
    if (lesson_->takeReset()) resetForLesson();
    const std::vector<std::string> actions = lesson_->takeActions();
    if (actions.empty()) return;
    for (const std::string& a : actions) {
      try {
        apply(a);
      } catch (const Error& e) {
        // On screen and in the log; `lesson check` reports it with its step.
        const std::string where = lesson_->lesson().file.string() + ": step " + std::to_string(lesson_->stepIndex() + 1);
        log::error(where + ": " + e.what());
        state_.sceneError = where + ": " + a + " failed: " + e.what();
        lessonFailures_.push_back({lesson_->stepIndex(), a + ": " + e.what()});
      }
    }
  }
}

void App::lessonStep(double seconds) {
  if (!lesson_ || runningLessonActions_) return;
  lesson_->update(seconds, [this](const io::LessonMeasure& m) { return lessonMeasure(m); });
}

std::optional<double> App::lessonMeasure(const io::LessonMeasure& m) const {
  if (m.name == "time") return lesson_ ? std::optional<double>(lesson_->runSeconds()) : std::nullopt;
  const std::size_t body = static_cast<std::size_t>(m.body - 1);
  if (body >= sims_.size()) return std::nullopt;
  const Simulation& s = *sims_[body];
  const hemo::Engine* e = s.engine.get();
  if (!e) return std::nullopt;
  const Anatomy& an = state_.scene.anatomy;
  auto nodeOf = [&](const std::string& id, float f) { return e->network().nodeAt(an.vesselIndex(id), f); };
  auto pressureAt = [&](const std::string& id, float f) -> std::optional<double> {
    const int n = nodeOf(id, f);
    if (n < 0) return std::nullopt;
    return e->pressure(n) / hemo::kMmHg;
  };
  if (m.name == "contractions") return s.contractions;
  if (m.name == "ankle") return pressureAt("great_saphenous_vein_" + m.argument, 0.06f);
  if (m.name == "pressure" || m.name == "flow") {
    const auto at = m.argument.find('@');
    const std::string id = m.argument.substr(0, at);
    const float f = std::strtof(m.argument.c_str() + at + 1, nullptr);
    if (m.name == "pressure") return pressureAt(id, f);
    const int n = nodeOf(id, f);
    if (n < 0) return std::nullopt;
    return e->node(n).flowMlS * 60.0;
  }
  if (m.name == "probe") {
    const std::size_t k = static_cast<std::size_t>(m.argument[0] - '1');
    if (k >= s.probes.probes().size()) return std::nullopt;
    const LiveProbe& p = s.probes.probes()[k];
    if (p.count == 0) return std::nullopt;
    const ProbeSample& last = p.latest();
    if (m.quantity == "pressure") return last.pressure;
    if (m.quantity == "velocity") return last.velocity;
    if (m.quantity == "flow") return last.flow * 60.0;
    if (m.quantity == "reflux") return p.currentReflux(e->time());
    return p.lastReflux;
  }
  if (m.name == "avp_fall") {
    if (s.avp.phase() == AvpTracker::Phase::Waiting || s.avp.baseline() <= 1.0) return std::nullopt;
    return 100.0 * s.avp.fall() / s.avp.baseline();
  }
  if (m.name == "rt90") return s.avp.rt90() >= 0.0 ? std::optional<double>(s.avp.rt90()) : std::nullopt;
  if (m.name == "calf_ef") return s.calf.valid() ? std::optional<double>(s.calf.ejectionFraction()) : std::nullopt;
  if (m.name == "iliac_gradient") {
    const auto l = pressureAt("common_iliac_vein_left", 0.1f), r = pressureAt("common_iliac_vein_right", 0.1f);
    if (!l || !r) return std::nullopt;
    return *l - *r;
  }
  if (m.name == "right_atrium") return e->rightAtrialPressure() / hemo::kMmHg;
  if (m.name == "jugular_share") {
    const auto [jug, vert] = s.cerebralOutflowMlMin();
    if (s.cerebralExits.jugular.empty() || jug + vert <= 0.0) return std::nullopt;
    return 100.0 * jug / (jug + vert);
  }
  if (m.name == "portal" || m.name == "hvpg" || m.name == "portal_flow") {
    if (e->network().sinusoids < 0) return std::nullopt;
    const hemo::LiverReadout r = hemo::readLiver(*e, an);
    return m.name == "portal" ? r.portalMmHg : m.name == "hvpg" ? r.hvpgMmHg : r.portalFlowMlMin;
  }
  return std::nullopt;
}

void App::registerLessonActions() {
  ActionRegistry& a = actions_;
  auto playing = [this](const char* what) -> LessonPlayer& {
    if (!lesson_) throw Error(std::string(what) + ": no lesson is open (lesson FILE)");
    return *lesson_;
  };
  a.add("lesson", "lesson FILE|off", "Open a lesson (scenes/lessons/*.json) and start it, or close it", 1, 1,
        [this](auto& args) {
          if (args[0] == "off") {
            lesson_.reset();
            state_.blackScreen = false;
            return;
          }
          openLesson(paths::dataFile(args[0]));
        });
  a.add("lesson_next", "lesson_next", "The lesson's next step (skips a question or a wait)", 0, 0,
        [this, playing](auto&) {
          playing("lesson_next").next();
          runLessonActions();
        });
  a.add("lesson_prev", "lesson_prev", "The lesson's previous step (replayed from the start)", 0, 0,
        [this, playing](auto&) {
          playing("lesson_prev").previous();
          runLessonActions();
        });
  a.add("lesson_goto", "lesson_goto N", "Jump to step N of the lesson", 1, 1, [this, playing](auto& args) {
    LessonPlayer& p = playing("lesson_goto");
    const auto n = parseNumberArg("lesson_goto", args[0], 1, static_cast<double>(p.lesson().steps.size()));
    p.goTo(static_cast<std::size_t>(n) - 1);
    runLessonActions();
  });
  a.add("lesson_restart", "lesson_restart", "Start the lesson again from its first step", 0, 0,
        [this, playing](auto&) {
          playing("lesson_restart").restart();
          runLessonActions();
        });
  a.add("lesson_answer", "lesson_answer N", "Answer the lesson's question with answer N (1-4)", 1, 1,
        [this, playing](auto& args) {
          LessonPlayer& p = playing("lesson_answer");
          if (p.phase() != LessonPlayer::Phase::Asking) throw Error("lesson_answer: no question is being asked");
          const int n = static_cast<int>(parseNumberArg("lesson_answer", args[0], 1,
                                                        static_cast<double>(p.step().question->answers.size())));
          p.answer(n - 1);
          runLessonActions();
        });
  a.add("lesson_steps", "lesson_steps [on|off]", "Show the lesson's steps to jump to", 0, 1, [this](auto& args) {
    state_.showLessonSteps = parseSwitchArg("lesson_steps", args, state_.showLessonSteps);
  });
  a.add("captions", "captions student|patient", "Lesson captions for students or in plain words for patients", 1, 1,
        [this](auto& args) {
          if (args[0] != "student" && args[0] != "patient")
            throw Error("captions: \"" + args[0] + "\" must be student or patient");
          state_.patientWords = args[0] == "patient";
        });
  a.add("black_screen", "black_screen [on|off]", "Black out the picture (the presenter's B key)", 0, 1,
        [this](auto& args) { state_.blackScreen = parseSwitchArg("black_screen", args, state_.blackScreen); });
  a.add("spotlight", "spotlight [on|off]", "A soft light circle follows the pointer; the rest dims", 0, 1,
        [this](auto& args) { state_.spotlight = parseSwitchArg("spotlight", args, state_.spotlight); });
  a.add("lecture", "lecture [on|off]",
        "Lecture mode for a projector: UI scale 2, high contrast, panels hidden (H shows them), large captions", 0,
        1, [this](auto& args) {
          const bool on = parseSwitchArg("lecture", args, state_.lecture);
          if (on == state_.lecture) return;
          if (on) {
            lectureRestore_ = {state_.uiScale, state_.theme, state_.showUi};
            state_.uiScale = std::max(state_.uiScale, 2.0f);
            state_.theme = ui::Theme::Contrast;
            state_.showUi = false;
          } else {
            state_.uiScale = lectureRestore_.uiScale;
            state_.theme = lectureRestore_.theme;
            state_.showUi = lectureRestore_.showUi;
          }
          state_.lecture = on;
        });
  a.add("camera_to", "camera_to [view=NAME] [target=X,Y,Z] [distance=CM] [yaw=DEG] [pitch=DEG] [duration=S]",
        "Fly the camera to a standard view and/or a target and distance over a duration", 1, 6, [this](auto& args) {
          CameraPose goal = state_.camera.pose();
          float duration = 1.5f;
          for (const std::string& w : args) {
            const auto eq = w.find('=');
            if (eq == std::string::npos) throw Error("camera_to: \"" + w + "\" must be KEY=VALUE");
            const std::string key = w.substr(0, eq), value = w.substr(eq + 1);
            const std::string what = "camera_to " + key;
            if (key == "view") {
              const auto v = parseView(value);
              if (!v) throw Error("camera_to: unknown view \"" + value + "\"");
              const CameraPose fitted = scenePose(*v);
              goal.yawDeg = fitted.yawDeg;
              goal.pitchDeg = fitted.pitchDeg;
              goal.target = fitted.target;
              goal.distance = fitted.distance;
            } else if (key == "target") {
              float x = 0, y = 0, z = 0;
              char rest = 0;
              if (std::sscanf(value.c_str(), "%f,%f,%f%c", &x, &y, &z, &rest) != 3)
                throw Error("camera_to: target=X,Y,Z in cm, got \"" + value + "\"");
              goal.target = {x, y, z};
            } else if (key == "distance") {
              goal.distance = static_cast<float>(parseNumberArg(what, value, 5.0, 1000.0));
            } else if (key == "yaw") {
              goal.yawDeg = static_cast<float>(parseNumberArg(what, value, -360.0, 360.0));
            } else if (key == "pitch") {
              goal.pitchDeg = static_cast<float>(parseNumberArg(what, value, -89.0, 89.0));
            } else if (key == "duration") {
              duration = static_cast<float>(parseNumberArg(what, value, 0.0, 30.0));
            } else {
              throw Error("camera_to: unknown key \"" + key + "\"; expected view, target, distance, yaw, pitch or duration");
            }
          }
          if (duration <= 0.0f)
            state_.camera.setPose(goal);
          else
            state_.camera.flyTo(goal, duration);
        });
}

}  // namespace venaviz
