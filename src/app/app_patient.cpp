// Patient mode in the app: its actions (on/off, a problem or situation tapped, back, start
// again, the language), the string tables, and the UI model's patient view: buttons, the
// captions the rules build from the body's measured state, the ankle gauge, the vein tapped.
#include <algorithm>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"

namespace venaviz {
namespace fs = std::filesystem;

namespace {

constexpr double kSettleSeconds = 60.0;  // large implicit steps (Engine::settle)
constexpr double kRunInSeconds = 8.0;    // then the app's own steps

fs::path languageDir() { return paths::dataFile("assets/i18n"); }

/// Where each problem is best seen: the legs, the left leg and pelvis, the crossing in the pelvis.
const char* problemCamera(patient::Problem p) {
  switch (p) {
    case patient::Problem::Clot:
      return "camera_to view=anterior target=1,-8,70 distance=280";
    case patient::Problem::Squeezed:
      return "camera_to view=anterior target=0,-12,100 distance=110";
    default:
      return "camera_to view=anterior target=0,-5,50 distance=255";
  }
}

}  // namespace

void App::findLanguages() {
  languages_.clear();
  for (const fs::path& f : io::languageFiles(languageDir())) {
    try {
      const io::Language l = io::loadLanguage(f);
      languages_.emplace_back(l.code, l.name);
    } catch (const Error& e) {
      log::warn(e.what());
    }
  }
  try {
    strings_ = io::loadStringTable(languageDir(), state_.patient.language);
  } catch (const Error& e) {
    log::warn(e.what());
  }
}

void App::applyPatientChoice(const patient::Choice& c, bool camera) {
  if (!sim().engine) throw Error("patient mode: this scene has no veins to simulate");
  for (const std::string& a : patient::choiceActions(c)) actions_.run(a);
  if (camera) actions_.run(problemCamera(c.problem));
  state_.patient.choice = c;
  // The body goes straight to what the choice leads to, whatever came before: the veins filled
  // after standing up (which takes up to a minute after the legs were raised), then a few
  // seconds of real steps so walking's strides, the gauge's average and any reflux are there.
  hemo::Engine& e = *sim().engine;
  e.settle(kSettleSeconds);
  sim().flow->reseed(e);
  sim().patient.reset();
  simulate(kRunInSeconds);
  sim().patient.markChange(e.time() - kRunInSeconds);
}

void App::registerPatientActions() {
  ActionRegistry& a = actions_;
  a.add("patient", "patient [on|off]", "Patient mode: big buttons, plain words, captions from the body's state", 0, 1,
        [this](auto& args) {
          AppState::Patient& p = state_.patient;
          const bool on = parseSwitchArg("patient", args, p.on);
          if (on == p.on) return;
          if (!on && p.kiosk) throw Error("patient: locked in patient mode (started with --kiosk)");
          if (on) {
            if (!sim().engine) throw Error("patient: this scene has no veins to simulate");
            if (lesson_) actions_.run("lesson off");
            if (sims_.size() > 1) actions_.run("compare off");
            patientRestore_ = {state_.labels, state_.showUi};
            state_.labels = false;  // clinical names; a tap gives the plain one
            state_.showHelp = false;
            state_.clickMode = ClickMode::Select;
            state_.selected = -1;
            refreshStyles();
            p.history.clear();
            applyPatientChoice({}, true);
          } else {
            state_.labels = patientRestore_.labels;
            state_.showUi = patientRestore_.showUi;
          }
          p.on = on;
        });
  a.add("patient_scene", "patient_scene ID",
        "Patient mode's buttons: healthy, leaky, clot, squeezed (what is wrong); standing, walking, legs_up, "
        "stockings, treated (what you do)",
        1, 1, [this](auto& args) {
          const std::string& id = args[0];
          if (!patient::parseProblem(id) && !patient::parseSituation(id))
            throw Error("patient_scene: unknown \"" + id +
                        "\"; expected healthy, leaky, clot, squeezed, standing, walking, legs_up, stockings or treated");
          AppState::Patient& p = state_.patient;
          if (id == "treated" && !patient::treatable(p.choice.problem))
            throw Error("patient_scene treated: a healthy leg has no treatment; choose a problem first");
          const patient::Choice next = patient::choose(p.choice, id);
          const bool camera = next.problem != p.choice.problem;
          const patient::Choice before = p.choice;
          applyPatientChoice(next, camera);
          p.history.push_back(before);
          if (p.history.size() > 50) p.history.erase(p.history.begin());
        });
  a.add("patient_back", "patient_back", "Patient mode: back to the previous choice", 0, 0, [this](auto&) {
    AppState::Patient& p = state_.patient;
    if (p.history.empty()) return;  // nothing before: Back does nothing (its button is greyed)
    const patient::Choice c = p.history.back();
    p.history.pop_back();
    applyPatientChoice(c, c.problem != p.choice.problem);
  });
  a.add("patient_restart", "patient_restart", "Patient mode: start again (a healthy leg, standing, the whole legs)",
        0, 0, [this](auto&) {
          state_.patient.history.clear();
          state_.selected = -1;
          refreshStyles();
          applyPatientChoice({}, true);
        });
  a.add("language", "language CODE", "The language of patient mode and of the lessons' plain words (en, es, fr)", 1,
        1, [this](auto& args) {
          strings_ = io::loadStringTable(languageDir(), args[0]);  // throws naming the codes there
          state_.patient.language = args[0];
        });
  a.addValidator("language", [](auto& args) { io::loadStringTable(languageDir(), args[0]); });
  a.addValidator("patient_scene", [](auto& args) {
    if (!patient::parseProblem(args[0]) && !patient::parseSituation(args[0]))
      throw Error("patient_scene: unknown \"" + args[0] + "\"");
  });
}

std::string App::lessonPatientText(std::size_t step) const {
  if (!lesson_) return {};
  const io::Lesson& l = lesson_->lesson();
  const std::string& english = l.steps.at(step).patient;
  if (english.empty()) return english;
  const std::string key = "lesson." + l.file.stem().string() + "." + std::to_string(step + 1);
  const auto& current = strings_.current().strings;
  const auto it = current.find(key);
  return it != current.end() && !it->second.empty() ? it->second : english;
}

void App::fillPatient(ui::UiModel& m) const {
  const AppState::Patient& p = state_.patient;
  ui::UiModel::PatientView& v = m.patient;
  v.active = p.on;
  if (!p.on) return;
  const io::StringTable& t = strings_;
  v.kiosk = p.kiosk;
  v.title = t.get("patient.title");
  v.problemHeading = t.get("patient.problem");
  v.situationHeading = t.get("patient.situation");
  for (patient::Problem k : patient::kProblems) {
    const std::string id(patient::toString(k));
    v.problems.push_back({"patient_scene " + id, t.get("patient.scene." + id), p.choice.problem == k});
  }
  for (patient::Situation k : patient::kSituations) {
    if (k == patient::Situation::Treated && !patient::treatable(p.choice.problem)) continue;
    const std::string id(patient::toString(k));
    v.situations.push_back({"patient_scene " + id, t.get("patient.scene." + id), p.choice.situation == k});
  }
  v.back = t.get("patient.back");
  v.restart = t.get("patient.restart");
  v.zoomIn = t.get("patient.zoom_in");
  v.zoomOut = t.get("patient.zoom_out");
  v.resetView = t.get("patient.reset_view");
  v.exit = t.get("patient.exit");
  v.tapHint = t.get("patient.tap_hint");
  v.canGoBack = !p.history.empty();
  v.languages = languages_;
  v.language = t.code();
  v.gaugeTitle = t.get("patient.gauge.title");
  v.gaugeWords[0] = t.get("patient.gauge.low");
  v.gaugeWords[1] = t.get("patient.gauge.normal");
  v.gaugeWords[2] = t.get("patient.gauge.high");
  if (const hemo::Engine* e = sim().engine.get()) {
    const patient::Facts f = patient::measure(*e, state_.scene.anatomy, sim().patient);
    for (const std::string& key : patient::captionKeys(f, p.choice)) v.captions.push_back(t.get(key));
    v.gaugeLevel = patient::gaugeLevel(f);
    v.gaugePosition = patient::gaugePosition(f);
  }
  if (state_.selected >= 0) {
    const Vessel& vessel = state_.scene.anatomy.vessels[static_cast<std::size_t>(state_.selected)];
    v.tapped = t.get(patient::vesselKey(vessel.id, vessel.system));
  }
}

}  // namespace venaviz
