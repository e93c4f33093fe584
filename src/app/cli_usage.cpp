// The command line's usage text, whole and by subcommand.
#include <string>

#include "app/cli.h"

namespace venaviz {

std::string usageText() {
  return R"(venaviz: interactive 3D anatomy and blood flow of the venous system

usage:
  venaviz [--scene FILE] [--size WxH] [--fullscreen] [--ui-scale X] [--samples N] [--do "ACTION; ..."]
      [--lesson FILE] [--lecture] [--monitor N]
      open the app (default scene: scenes/default.json); --do runs actions once it is up
      (e.g. --do "view left; wait 1; screenshot left.png; quit"; "wait S" pauses the script
      for S seconds); F1 in the app lists the actions; --lesson opens a lesson (scenes/lessons);
      --lecture: full screen (on monitor N), UI scale 2, high contrast, panels hidden (H),
      presenter keys Right/PageDown/Space next, Left/PageUp back, B black screen, T steps
  venaviz --patient [--kiosk] [--language en|es|fr] [--size 1280x800]
      patient mode: big buttons, plain words, captions from the body's state, an ankle gauge;
      --kiosk locks it (full screen, no keys, the settings file untouched)
  venaviz lesson check FILE... [--scene FILE] [--answer K] [--quiet]
      validate a lesson without a window, then play it headless to its end (the right answers,
      or answer K to every question) and report each step: met, timed out, measured numbers
  venaviz render --scene FILE -o OUT.png [--size 1280x800] [--time SECONDS]
                 [--view anterior|posterior|left|right|superior|inferior] [--ui] [--ui-scale X]
                 [--target X,Y,Z] [--distance CM] [--do "ACTION; wait S; ACTION ..."]
      render one frame offscreen to a PNG (deterministic for the same inputs); the actions run
      first ("wait S" lets S seconds of simulated time pass), then --time seconds pass;
      --frames N [--fps F] writes an image sequence (-o name with %04d), 1/F s apart;
      --lesson FILE --step N [--answer K] renders step N of a lesson with its caption (a question
      step as asked, or run to its answer with --answer K); --lecture draws it as lecture mode;
      --side-by-side starts two bodies ("compare on"); --patient draws patient mode
      (--language CODE)
  venaviz bake_models --out DIR [--scene FILE]
      write the scene's context models in their baked form (FILE.vvm) under DIR, for the browser
      build, which reads no other model format (docs/web.md)
  venaviz image_diff A.png B.png [--max-mean X]
      how far two pictures are apart (mean absolute difference, share of pixels far off); exit 1
      when the mean is above X (the browser test compares the page with the native render)
  venaviz info --scene FILE [--json]
      print the loaded anatomy (vessels, landmarks; points and radii in cm)
  venaviz simulate --scene FILE [--scenario FILE] [--protocol FILE] [--probe VESSEL_ID@FRACTION ...]
                   [--out TRACE.csv] [--json] [--duration S] [--dt S]
      run the hemodynamic engine headless (no window): the scenario's state and conditions, then
      the protocol's events; print the clinical measures (ambulatory venous pressure and RT90,
      reflux times, calf ejection, venous filling index, phasicity, gradients) or, with --json,
      a JSON report; --out writes each probe's pressure, flow, velocity and diameter per step
      (default dt 1/240 s; see docs/simulation-format.md)
  venaviz day [--plan standing|breaks_stockings|stockings|breaks|standing_hour|supine] [--scene FILE]
              [--csv OUT.csv]
      a time-compressed day for the swelling of the lower legs (Starling filtration, lymph):
      the engine's fast state averaged per posture and activity, the tissue advanced through the
      plan's hours; prints the swelling (mL and % of the lower leg) hour by hour
  venaviz bench [--scene FILE] [--size 1280x800] [--frames 120] [--samples N] [--quality low|medium|high]
                [--do "ACTION; ..."] [--side-by-side]
      render timed headless frames (1/60 s of simulated time each) and print the median and
      95th-percentile frame time split into engine, particles, upload and draw; --side-by-side:
      two bodies (healthy, GSV valves failed) in two views
  venaviz --help | --version

exit codes: 0 ok, 1 bad input or runtime error, 2 bad command line, 3 no display or OpenGL 3.3
)";
}

/// The usage text's blocks for one subcommand ("render", "lesson", ...), or "" if none.
std::string usageOf(const std::string& command) {
  const std::string all = usageText(), head = "  venaviz " + command + " ";
  std::string out;
  bool in = false;
  for (std::size_t a = 0, b; a < all.size(); a = b + 1) {
    b = all.find('\n', a);
    if (b == std::string::npos) b = all.size();
    const std::string line = all.substr(a, b - a);
    if (line.rfind("  venaviz ", 0) == 0 || line.rfind("exit codes", 0) == 0) in = line.rfind(head, 0) == 0;
    if (in) out += line + "\n";
  }
  if (!out.empty()) out = "usage:\n" + out + "\n" + all.substr(all.find("exit codes"));
  return out;
}

}  // namespace venaviz
