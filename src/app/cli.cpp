#include "app/cli.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"
#include "io/image.h"
#include "io/scene.h"

namespace venaviz {
namespace {

class UsageError : public Error {
 public:
  using Error::Error;
};

/// Simple "--key value" / "--flag" parser with clear messages.
struct Args {
  std::vector<std::string> words;
  std::size_t i = 0;
  bool done() const { return i >= words.size(); }
  const std::string& next() { return words[i++]; }
  std::string value(const std::string& flag) {
    if (done()) throw UsageError(flag + ": expected a value after it");
    return next();
  }
};

void parseSize(const std::string& text, int& w, int& h) {
  if (std::sscanf(text.c_str(), "%dx%d", &w, &h) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192)
    throw UsageError("--size: expected WIDTHxHEIGHT between 16 and 8192 pixels, got \"" + text + "\"");
}

double parseSeconds(const std::string& flag, const std::string& text) {
  try {
    return parseNumberArg(flag, text, 0.0, 86400.0);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

float parseUiScale(const std::string& text) {
  try {
    return static_cast<float>(parseNumberArg("--ui-scale", text, 1.0, 3.0));
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

int cmdRender(Args& a) {
  AppOptions opt;
  opt.headless = true;
  int w = 1280, h = 800;
  double time = 0.0;
  std::optional<View> view;
  std::string out;
  bool withUi = false;
  std::string actions;
  std::optional<Vec3> target;
  std::optional<float> distance;
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
    else
      throw UsageError("render: unknown option \"" + f + "\"; see venaviz --help");
  }
  if (out.empty()) throw UsageError("render: missing -o FILE.png");
  App app(opt);
  app.state().clock.setPaused(true);
  app.simulate(time);
  // Fit the view to the output's aspect ratio, then render.
  app.renderImage(w, h, false);
  CameraPose pose = app.scenePose(view);
  if (target) pose.target = *target;
  if (distance) pose.distance = *distance;
  app.state().camera.setPose(pose);
  // Actions after the view is set (e.g. "layer bones off; select femoral_vein_left").
  for (std::size_t p = 0, q; p < actions.size(); p = q + 1) {
    q = actions.find(';', p);
    if (q == std::string::npos) q = actions.size();
    const std::string cmd = actions.substr(p, q - p);
    if (cmd.find_first_not_of(" \t") != std::string::npos) app.apply(cmd);
  }
  app.state().camera.update(10.0f);  // finish any fly-to an action started
  io::writePng(out, app.renderImage(w, h, withUi));
  std::printf("wrote %s (%dx%d, t = %.3f s, %s view)\n", out.c_str(), w, h, app.state().clock.time(),
              std::string(viewName(view.value_or(app.state().scene.view.preset))).c_str());
  return kExitOk;
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
    else if (f.size() > 5 && f.ends_with(".json") && !opt.scene)
      opt.scene = f;
    else
      throw UsageError("unknown option \"" + f + "\"; see venaviz --help");
  }
  App app(opt);
  return app.run();
}

}  // namespace

std::string usageText() {
  return R"(venaviz: interactive 3D anatomy and blood flow of the venous system

usage:
  venaviz [--scene FILE] [--size WxH] [--fullscreen] [--ui-scale X] [--samples N] [--do "ACTION; ..."]
      open the app (default scene: scenes/default.json); --do runs actions once it is up
      (e.g. --do "view left; wait 1; screenshot left.png; quit"; "wait S" pauses the script
      for S seconds); F1 in the app lists the actions
  venaviz render --scene FILE -o OUT.png [--size 1280x800] [--time SECONDS]
                 [--view anterior|posterior|left|right|superior|inferior] [--ui] [--ui-scale X]
                 [--target X,Y,Z] [--distance CM] [--do "ACTION; ACTION ..."]
      render one frame offscreen to a PNG (deterministic for the same inputs)
  venaviz info --scene FILE [--json]
      print the loaded anatomy (vessels, landmarks; points and radii in cm)
  venaviz --help | --version

exit codes: 0 ok, 1 bad input or runtime error, 2 bad command line, 3 no display or OpenGL 3.3
)";
}

int runCli(const std::vector<std::string>& words) {
  Args a{words, 0};
  try {
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
