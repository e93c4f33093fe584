#include "app/cli.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/app.h"
#include "app/cli_args.h"
#include "app/lesson_run.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "hemo/day.h"
#include "hemo/engine.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"
#include "hemo/simulation.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/model_import.h"
#include "io/lesson.h"
#include "io/scene.h"
#include "io/simulation_reader.h"
#include "platform/storage.h"

namespace venaviz {

using cli::Args;
using cli::cmdDay;
using cli::cmdSimulate;
using cli::parseSeconds;
using cli::parseSize;
using cli::UsageError;
namespace {

/// The subcommands, as `venaviz --help` lists them.
const char* const kCommands[] = {"lesson", "render", "bake_models", "image_diff", "info", "simulate", "day", "bench"};

std::string commandList() {
  std::string out;
  for (const char* c : kCommands) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

float parseUiScale(const std::string& text) {
  try {
    return static_cast<float>(parseNumberArg("--ui-scale", text, 1.0, 3.0));
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

/// "dir/f%04d.png" with k: the one %d (optionally %0Nd) replaced by k; anything else is an error.
std::string numberedName(const std::string& pattern, int k) {
  const std::size_t p = pattern.find('%');
  std::size_t q = p == std::string::npos ? p : p + 1;
  int width = 0;
  while (q != std::string::npos && q < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[q])))
    width = std::min(width * 10 + (pattern[q++] - '0'), 12);
  if (p == std::string::npos || q >= pattern.size() || pattern[q] != 'd' || pattern.find('%', q) != std::string::npos)
    throw UsageError("render: --frames needs an output name with one %d or %04d, such as frames/f%04d.png; got \"" +
                     pattern + "\"");
  std::string number = std::to_string(k);
  if (static_cast<int>(number.size()) < width) number.insert(0, static_cast<std::size_t>(width) - number.size(), '0');
  return pattern.substr(0, p) + number + pattern.substr(q + 1);
}

/// `render --lesson FILE --step N`: the lesson's state at step N, as a class would see it.
/// A question step is drawn asked (or, with --answer K, run until the answer is revealed);
/// a step that waits for a condition runs until it is met (held there); a key step runs
/// `seconds` (default 3 s).
void renderLessonStep(App& app, const std::filesystem::path& file, int step, int answer, double& seconds) {
  app.apply("lesson \"" + file.string() + "\"");
  LessonPlayer& p = *app.lesson();
  // The steps before it played as in class (their waits included), so the body is in the
  // state the step starts from; then the step itself, held once its condition is met.
  if (step > 1) playLesson(app, 0, 1.0, static_cast<std::size_t>(step - 1));
  p.setHold(true);
  const io::LessonStep s = p.step();
  if (p.phase() == LessonPlayer::Phase::Asking) {
    if (answer < 0) {
      app.state().camera.update(10.0f);
      return;
    }
    app.apply("lesson_answer " + std::to_string(std::clamp<int>(answer, 1, static_cast<int>(s.question->answers.size()))));
  }
  if (s.advance.kind == io::LessonAdvance::Kind::Key) {
    if (seconds <= 0.0) seconds = 3.0;
    return;  // the caller lets the time pass
  }
  const double limit = s.advance.kind == io::LessonAdvance::Kind::After ? s.advance.seconds : s.advance.timeout;
  for (double t = 0.0; t < limit + 1.0 && p.outcomes()[p.stepIndex()] < 0; t += 1.0 / 60.0) app.simulate(1.0 / 60.0);
  app.state().clock.setPaused(true);
}

int cmdRender(Args& a) {
  AppOptions opt;
  opt.headless = true;
  int w = 1280, h = 800;
  double time = 0.0;
  std::optional<View> view;
  std::string out;
  bool withUi = false;
  int frames = 1;
  double fps = 10.0;
  std::string actions;
  std::optional<Vec3> target;
  std::optional<float> distance;
  std::optional<std::filesystem::path> lesson;
  int lessonStep = 1, lessonAnswer = -1;
  bool lecture = false, sideBySide = false, patientMode = false;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      opt.scene = a.value(f);
    else if (f == "--size")
      parseSize(a.value(f), w, h);
    else if (f == "--time")
      time = parseSeconds(f, a.value(f));
    else if (f == "--view") {
      const std::string v = a.value(f);
      view = parseView(v);
      if (!view)
        throw UsageError("--view: unknown view \"" + v +
                         "\"; expected anterior, posterior, left, right, superior or inferior");
    } else if (f == "-o" || f == "--output")
      out = a.value(f);
    else if (f == "--ui")
      withUi = true;
    else if (f == "--do")
      actions = a.value(f);
    else if (f == "--target") {
      const std::string t = a.value(f);
      float x = 0, y = 0, z = 0;
      if (std::sscanf(t.c_str(), "%f,%f,%f", &x, &y, &z) != 3)
        throw UsageError("--target: expected X,Y,Z in cm (body frame), got \"" + t + "\"");
      target = Vec3(x, y, z);
    } else if (f == "--distance")
      distance = static_cast<float>(parseSeconds(f, a.value(f)));
    else if (f == "--ui-scale")
      opt.uiScale = parseUiScale(a.value(f));
    else if (f == "--samples")
      opt.samples = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--frames")
      frames = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--fps")
      fps = parseSeconds(f, a.value(f));
    else if (f == "--lesson")
      lesson = a.value(f);
    else if (f == "--step")
      lessonStep = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--answer")
      lessonAnswer = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--lecture")
      lecture = true;
    else if (f == "--patient")
      patientMode = true;
    else if (f == "--language")
      opt.language = a.value(f);
    else if (f == "--side-by-side")
      sideBySide = true;
    else
      throw UsageError("render: unknown option \"" + f + "\"; see venaviz --help");
  }
  if (out.empty()) throw UsageError("render: missing -o FILE.png");
  if (frames > 1) numberedName(out, 0);  // checks the pattern before any work
  if (frames < 1 || frames > 100000 || !(fps > 0.0)) throw UsageError("render: --frames 1..100000 and --fps > 0");
  if (lesson) {
    const io::Lesson l = io::loadLesson(*lesson);  // one line naming the file, step and key
    if (lessonStep < 1 || lessonStep > static_cast<int>(l.steps.size()))
      throw UsageError("render: --step " + std::to_string(lessonStep) + ": " + lesson->string() + " has steps 1 to " +
                       std::to_string(l.steps.size()));
    if (l.scene && !opt.scene) opt.scene = *l.scene;
  }
  App app(opt);
  app.state().clock.setPaused(true);
  if (lecture) app.apply("lecture on");
  // Fit the view to the output's aspect ratio, then render.
  app.renderImage(w, h, false);
  CameraPose pose = app.scenePose(view);
  if (target) pose.target = *target;
  if (distance) pose.distance = *distance;
  app.state().camera.setPose(pose);
  if (sideBySide && !lesson) app.apply("compare on");
  if (patientMode) app.apply("patient on");
  if (lesson) renderLessonStep(app, *lesson, lessonStep, lessonAnswer, time);
  // Actions after the view is set (e.g. "layer bones off; select femoral_vein_left"), before
  // simulated time passes ("wait S" inside the script lets S seconds pass).
  app.runScript(actions);
  app.simulate(time);                // after the actions: "posture standing" then 5 s of time
  app.state().camera.update(10.0f);  // finish any fly-to an action started
  if (frames == 1) {
    io::writePng(out, app.renderImage(w, h, withUi));
    std::printf("wrote %s (%dx%d, t = %.3f s, %s view)\n", out.c_str(), w, h, app.state().clock.time(),
                std::string(viewName(view.value_or(app.state().scene.view.preset))).c_str());
    return kExitOk;
  }
  // An image sequence: 1/fps seconds of simulated time between frames.
  for (int k = 0; k < frames; ++k) {
    if (k > 0) app.simulate(1.0 / fps);
    io::writePng(numberedName(out, k), app.renderImage(w, h, withUi));
  }
  std::printf("wrote %d frames %s (%dx%d, %.3g fps of simulated time, ending at t = %.3f s)\n", frames, out.c_str(), w,
              h, fps, app.state().clock.time());
  return kExitOk;
}

/// `venaviz bench`: timed headless frames of a scene, split into engine, particles, upload
/// and draw (docs/performance.md).
int cmdBench(Args& a) {
  AppOptions opt;
  opt.headless = true;
  int w = 1280, h = 800, frames = 120, warmup = 10;
  std::string actions, quality;
  bool sideBySide = false;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      opt.scene = a.value(f);
    else if (f == "--size")
      parseSize(a.value(f), w, h);
    else if (f == "--frames")
      frames = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--samples")
      opt.samples = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--quality")
      quality = a.value(f);
    else if (f == "--do")
      actions = a.value(f);
    else if (f == "--side-by-side")
      sideBySide = true;
    else
      throw UsageError("bench: unknown option \"" + f + "\"; see venaviz --help");
  }
  frames = std::clamp(frames, 1, 100000);
  App app(opt);
  if (!quality.empty()) app.apply("quality " + quality);
  // Two bodies, the second with failed GSV valves: what a lecturer shows side by side.
  if (sideBySide) app.runScript("compare on Healthy \"GSV valves failed\"; side 2; condition valve_incompetence left_gsv 1; side both");
  app.runScript(actions);
  app.renderImage(w, h, false);  // fits the view, compiles, allocates
  app.state().camera.setPose(app.scenePose());
  std::vector<App::FrameTiming> t;
  for (int i = 0; i < warmup + frames; ++i) {
    const App::FrameTiming ft = app.benchFrame(w, h, 1.0 / 60.0);
    if (i >= warmup) t.push_back(ft);
  }
  auto stats = [&](auto field, double& median, double& p95) {
    std::vector<double> v;
    for (const auto& x : t) v.push_back(field(x));
    std::sort(v.begin(), v.end());
    median = v[v.size() / 2];
    p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(v.size()))) - 1)];
  };
  std::size_t particles = 0;
  for (std::size_t k = 0; k < app.simCount(); ++k)
    if (app.sim(k).flow) particles += app.sim(k).flow->tracers().counts().alive;
  std::printf("venaviz bench: %s, %dx%d, %s, %d frames (after %d warm-up), MSAA %d, %zu particles, GL %s\n",
              app.state().scene.name.c_str(), w, h, app.simCount() > 1 ? "two bodies side by side" : "one body",
              frames, warmup, app.samples(), particles, app.glInfo().renderer.c_str());
  std::printf("%-10s %10s %10s\n", "part", "median ms", "p95 ms");
  struct Row {
    const char* name;
    double (*get)(const App::FrameTiming&);
  };
  const Row rows[] = {
      {"engine", [](const App::FrameTiming& x) { return x.engineMs; }},
      {"particles", [](const App::FrameTiming& x) { return x.particlesMs; }},
      {"upload", [](const App::FrameTiming& x) { return x.uploadMs; }},
      {"draw", [](const App::FrameTiming& x) { return x.drawMs; }},
      {"frame", [](const App::FrameTiming& x) { return x.engineMs + x.particlesMs + x.uploadMs + x.drawMs; }}};
  double frameMedian = 0.0;
  for (const Row& r : rows) {
    double med = 0.0, p95 = 0.0;
    stats(r.get, med, p95);
    std::printf("%-10s %10.2f %10.2f\n", r.name, med, p95);
    frameMedian = med;
  }
  std::printf("frames per second (median frame): %.1f\n", 1000.0 / std::max(frameMedian, 1e-6));
  return kExitOk;
}

/// `venaviz bake_models --out DIR [--scene FILE]`: every context model of the scene in its
/// baked form (io/baked_mesh.h) under DIR, at the model's path relative to the scene's folder's
/// parent (DIR/assets/models/femur_left.obj.vvm), for builds without Assimp (the browser's).
int cmdBakeModels(Args& a) {
  std::optional<std::filesystem::path> scene, out;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      scene = a.value(f);
    else if (f == "--out")
      out = a.value(f);
    else
      throw UsageError("bake_models: unknown option \"" + f + "\"; see venaviz --help");
  }
  if (!out) throw UsageError("bake_models: missing --out DIR");
  if (!scene) scene = paths::defaultScene();
  if (!scene) throw UsageError("bake_models: no default scene found; pass --scene FILE");
  const Scene s = io::loadScene(*scene);
  const std::filesystem::path root = std::filesystem::absolute(s.path).parent_path().parent_path();
  std::size_t bytes = 0;
  for (const ContextModel& m : s.anatomy.models) {
    const io::RawMesh raw = io::readModelFile(m.resolvedPath, m.id);
    const auto rel = std::filesystem::relative(std::filesystem::absolute(m.resolvedPath), root);
    const auto file = io::bakedPath(*out / rel);
    std::filesystem::create_directories(file.parent_path());
    io::saveBakedMesh(file, raw);
    bytes += 16 + raw.vertices.size() * 4 + raw.indices.size() * 4;
  }
  std::printf("baked %zu models (%.1f MB) into %s\n", s.anatomy.models.size(), static_cast<double>(bytes) / 1e6,
              out->string().c_str());
  return kExitOk;
}

/// `venaviz image_diff A.png B.png [--max-mean X]`: how far two pictures of the same size are
/// apart: the mean absolute difference per channel (0-255) and the share of pixels with a
/// channel off by more than 48. Exits 1 when the mean exceeds X (default 255: report only).
int cmdImageDiff(Args& a) {
  std::vector<std::string> files;
  double maxMean = 255.0;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--max-mean")
      maxMean = cli::parseNumber("--max-mean", a.value(f), 0.0, 255.0);
    else if (f.starts_with("-") && f.size() > 1)
      throw UsageError("image_diff: unknown option \"" + f + "\"; see venaviz image_diff --help");
    else
      files.push_back(f);
  }
  if (files.size() != 2) throw UsageError("image_diff: expected two PNG files");
  const Image x = io::readPng(files[0]), y = io::readPng(files[1]);
  if (x.width != y.width || x.height != y.height)
    throw Error(files[1] + ": " + std::to_string(y.width) + "x" + std::to_string(y.height) + ", expected " +
                std::to_string(x.width) + "x" + std::to_string(x.height) + " as " + files[0]);
  double sum = 0.0;
  std::size_t off = 0;
  for (std::size_t p = 0; p + 3 < x.rgba.size(); p += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = std::abs(int(x.rgba[p + c]) - int(y.rgba[p + c]));
      sum += d;
      worst = std::max(worst, d);
    }
    if (worst > 48) ++off;
  }
  const double pixels = static_cast<double>(x.rgba.size() / 4);
  const double mean = sum / (3.0 * pixels);
  std::printf("mean %.2f / 255, %.2f%% of pixels off by more than 48\n", mean, 100.0 * static_cast<double>(off) / pixels);
  return mean <= maxMean ? kExitOk : kExitError;
}

int cmdInfo(Args& a) {
  std::optional<std::filesystem::path> scene;
  bool json = false;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      scene = a.value(f);
    else if (f == "--json")
      json = true;
    else
      throw UsageError("info: unknown option \"" + f + "\"; see venaviz --help");
  }
  if (!scene) throw UsageError("info: missing --scene FILE");
  const Scene s = io::loadScene(*scene);
  if (json) {
    std::cout << io::sceneInfoJson(s);
  } else {
    std::cout << s.name << " (" << s.path.string() << ")\n"
              << s.anatomy.vessels.size() << " vessels, " << s.anatomy.landmarks.size() << " landmarks\n";
    for (const Vessel& v : s.anatomy.vessels)
      std::cout << "  " << v.id << "  [" << toString(v.system) << ", " << toString(v.region) << "] -> "
                << (v.drainsInto.empty() ? "-" : v.drainsInto) << "\n";
  }
  return kExitOk;
}

int cmdGui(Args& a) {
  AppOptions opt;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      opt.scene = a.value(f);
    else if (f == "--size")
      parseSize(a.value(f), opt.width, opt.height);
    else if (f == "--fullscreen")
      opt.fullscreen = true;
    else if (f == "--ui-scale")
      opt.uiScale = parseUiScale(a.value(f));
    else if (f == "--no-vsync")
      opt.vsync = false;
    else if (f == "--do")
      opt.startupActions = a.value(f);
    else if (f == "--samples")
      opt.samples = static_cast<int>(parseSeconds(f, a.value(f)));
    else if (f == "--lesson")
      opt.lesson = a.value(f);
    else if (f == "--lecture")
      opt.lecture = true;
    else if (f == "--patient")
      opt.patient = true;
    else if (f == "--kiosk")
      opt.kiosk = true;
    else if (f == "--language")
      opt.language = a.value(f);
    else if (f == "--monitor")
      opt.monitor = static_cast<int>(cli::parseNumber("--monitor", a.value(f), 1, 16));
    else if (f == "--help" || f == "-h") {  // after GUI options (venaviz --patient --help)
      std::cout << usageText();
      return kExitOk;
    } else if (f.size() > 5 && f.ends_with(".json") && !opt.scene)
      opt.scene = f;
    else if (a.i == 1 && !f.starts_with("-"))
      throw UsageError("unknown command \"" + f + "\"; expected one of: " + commandList() + " (see venaviz --help)");
    else
      throw UsageError("unknown option \"" + f + "\"; see venaviz --help");
  }
  if (opt.lesson) {
    const io::Lesson l = io::loadLesson(*opt.lesson);  // before a window opens: one line, exit 1
    if (l.scene && !opt.scene) opt.scene = *l.scene;
  }
  if (const auto dir = paths::configDir(); !dir.empty()) opt.settingsFile = dir / "settings.json";
#ifdef __EMSCRIPTEN__
  // The page's files are new at each visit: the settings come back from the browser's storage.
  if (opt.settingsFile) platform::restoreStoredFile(*opt.settingsFile, kSettingsStorageKey);
  // The page keeps calling the app's frames after main returns: it lives as long as the page.
  static App* app = new App(opt);
  return app->run();
#else
  App app(opt);
  return app.run();
#endif
}

/// `venaviz lesson check FILE`: reads the lesson, checks it against the scene and the action
/// vocabulary, then plays it headless (the right answers, or --answer K) and reports each step.
int cmdLesson(Args& a) {
  if (a.done() || a.words[a.i] != "check")
    throw UsageError("lesson: expected \"lesson check FILE [--scene FILE] [--answer K] [--quiet]\"" +
                     (a.done() ? std::string() : ", got \"" + a.words[a.i] + "\""));
  a.next();
  std::vector<std::filesystem::path> files;
  AppOptions opt;
  opt.headless = true;
  int answer = 0;
  bool quiet = false;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      opt.scene = a.value(f);
    else if (f == "--answer")
      answer = static_cast<int>(cli::parseNumber("--answer", a.value(f), 1, 4));
    else if (f == "--quiet")
      quiet = true;
    else if (f.starts_with("--"))
      throw UsageError("lesson check: unknown option \"" + f + "\"; see venaviz --help");
    else
      files.emplace_back(f);
  }
  if (files.empty()) throw UsageError("lesson check: missing the lesson FILE");
  bool allOk = true;
  for (const auto& file : files) {
    const io::Lesson l = io::loadLesson(file);
    AppOptions o = opt;
    if (l.scene && !o.scene) o.scene = *l.scene;
    App app(o);
    app.openLesson(file);
    const LessonRun run = playLesson(app, answer);
    std::printf("%s: \"%s\" (%s, %zu steps, %d questions, %zu sources)\n", file.string().c_str(), l.title.c_str(),
                l.level.c_str(), l.steps.size(), run.questions, l.sources.size());
    for (const LessonStepResult& r : run.steps) {
      if (quiet && r.ok()) continue;
      std::string detail = r.how;
      if (r.how == "after")
        detail = "went on after " + LessonPlayer::formatValue(r.seconds) + " s";
      else if (r.how != "key")
        detail += " after " + LessonPlayer::formatValue(r.seconds) + " s";
      if (!r.waitedFor.empty()) detail += " (" + r.waitedFor + ")";
      if (r.measured) detail += ", measured " + LessonPlayer::formatValue(*r.measured) + (r.unit.empty() ? "" : " " + r.unit);
      std::printf("  step %2zu  %-40s %s%s\n", r.step + 1, r.title.c_str(), detail.c_str(),
                  r.ok() ? "" : "   <- problem");
      if (!r.error.empty()) std::printf("           %s\n", r.error.c_str());
    }
    if (run.steps.size() != l.steps.size()) {
      std::printf("  only %zu of %zu steps were reached\n", run.steps.size(), l.steps.size());
      allOk = false;
    }
    allOk = allOk && run.ok();
    std::printf("%s\n", run.ok() ? "ok: every step reached, every condition met" : "FAILED");
  }
  return allOk ? kExitOk : kExitError;
}

}  // namespace

int runCli(const std::vector<std::string>& words) {
  Args a{words, 0};
  try {
    // Every subcommand answers --help (anywhere on its line) with its own part of the usage.
    if (words.size() >= 2 && words[0].rfind("--", 0) != 0)
      for (std::size_t k = 1; k < words.size(); ++k)
        if (words[k] == "--help" || words[k] == "-h") {
          const std::string text = usageOf(words[0]);
          if (text.empty()) break;
          std::cout << text;
          return kExitOk;
        }
    if (!a.done() && (words[0] == "--help" || words[0] == "-h" || words[0] == "help")) {
      std::cout << usageText();
      return kExitOk;
    }
    if (!a.done() && words[0] == "--version") {
      std::cout << "venaviz " << VENAVIZ_VERSION << "\n";
      return kExitOk;
    }
    if (!a.done() && words[0] == "render") {
      a.next();
      return cmdRender(a);
    }
    if (!a.done() && words[0] == "info") {
      a.next();
      return cmdInfo(a);
    }
    if (!a.done() && words[0] == "bench") {
      a.next();
      return cmdBench(a);
    }
    if (!a.done() && words[0] == "lesson") {
      a.next();
      return cmdLesson(a);
    }
    if (!a.done() && words[0] == "image_diff") {
      a.next();
      return cmdImageDiff(a);
    }
    if (!a.done() && words[0] == "bake_models") {
      a.next();
      return cmdBakeModels(a);
    }
    if (!a.done() && words[0] == "simulate") {
      a.next();
      return cmdSimulate(a);
    }
    if (!a.done() && words[0] == "day") {
      a.next();
      return cmdDay(a);
    }
    return cmdGui(a);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "venaviz: %s\n", e.what());
    return kExitUsage;
  } catch (const GraphicsUnavailable& e) {
    std::fprintf(stderr, "venaviz: %s\n", e.what());
    return kExitNoGraphics;
  } catch (const Error& e) {
    std::fprintf(stderr, "venaviz: %s\n", e.what());
    return kExitError;
  }
}

}  // namespace venaviz
