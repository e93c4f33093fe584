// The subcommands that run the hemodynamic engine without a window: simulate and day.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/cli.h"
#include "app/cli_args.h"
#include "core/paths.h"
#include "hemo/day.h"
#include "hemo/engine.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"
#include "hemo/simulation.h"
#include "io/atomic_file.h"
#include "io/scene.h"
#include "io/simulation_reader.h"

namespace venaviz::cli {

namespace {
std::string fixed(double x, int decimals) {
  if (!std::isfinite(x)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

void printReport(const hemo::SimulationReport& r) {
  std::cout << "simulated " << fixed(r.duration, 1) << " s (" << r.steps << " steps of " << fixed(r.dt * 1e3, 2)
            << " ms): scenario \"" << r.scenario << "\", protocol \"" << r.protocol << "\"\n";
  if (r.avp.valid) {
    std::cout << "ambulatory venous pressure at " << r.avpProbe << ":\n  standing " << fixed(r.avp.baselineMmHg, 1)
              << " mmHg, lowest " << fixed(r.avp.minMmHg, 1) << " mmHg during exercise (mean "
              << fixed(r.avp.meanExerciseMmHg, 1) << "), fall " << fixed(r.avp.fallMmHg, 1) << " mmHg ("
              << fixed(r.avp.fallPercent, 0) << "%), RT90 "
              << (r.avp.recovered ? fixed(r.avp.rt90S, 1) + " s" : std::string("not reached")) << "\n";
  }
  for (int k = 0; k < 2; ++k) {
    const hemo::EjectionResult& e = r.calfEjection[k];
    if (e.valid)
      std::cout << "calf ejection (first contraction), " << (k == 0 ? "left" : "right") << ": "
                << fixed(e.volumeBeforeMl, 1) << " mL before, " << fixed(e.ejectedMl, 1) << " mL ejected, EF "
                << fixed(100.0 * e.ejectionFraction, 0) << "%\n";
  }
  for (const hemo::RefluxReport& rr : r.reflux) {
    std::cout << "reflux after " << rr.provocation.action << " (" << (rr.provocation.side > 0 ? "left" : "right")
              << ") at " << fixed(rr.provocation.time, 1) << " s:\n";
    for (const auto& p : rr.probes)
      std::cout << "  " << p.probe << ": " << fixed(p.result.durationS, 2) << " s"
                << (p.pathological ? " (pathological, > " + fixed(p.cutoffS, 2) + " s)" : std::string()) << "\n";
  }
  for (int k = 0; k < 2; ++k) {
    const hemo::FillingResult& f = r.filling[k];
    if (f.valid)
      std::cout << "venous filling after standing up, " << (k == 0 ? "left" : "right") << " lower leg: +"
                << fixed(f.venousVolumeMl, 1) << " mL, VFT90 " << fixed(f.vft90S, 1) << " s, VFI " << fixed(f.vfiMlS, 2)
                << " mL/s\n";
  }
  if (r.phasicity.valid)
    std::cout << "respiratory phasicity at " << r.phasicityProbe << ": " << fixed(r.phasicity.endInspirationMlS, 2)
              << " mL/s at end inspiration, " << fixed(r.phasicity.endExpirationMlS, 2)
              << " mL/s at end expiration (ratio " << fixed(r.phasicity.ratio, 2) << ", " << r.phasicity.breaths
              << " breaths)\n";
  for (const hemo::PhaseReport& ph : r.phases) {
    std::cout << "phase " << fixed(ph.start, 1) << "-" << fixed(ph.end, 1) << " s (" << ph.label << "), last "
              << fixed(ph.window, 1) << " s:";
    for (const auto& [label, v] : ph.gradientsMmHg)
      std::cout << " gradient " << label << " " << fixed(v, 1) << " mmHg;";
    std::cout << " jugular share " << fixed(100.0 * ph.jugularShare, 0) << "%; collateral share "
              << fixed(100.0 * ph.collateralShare, 0) << "%\n";
  }
  if (r.liver.present) std::cout << "liver (mean of 5 s after the run): " << hemo::describeLiver(r.liver) << "\n";
  std::cout << "probes (min / mean / max):\n";
  for (const hemo::ProbeReport& p : r.probes)
    std::cout << "  " << p.probe << ": pressure " << fixed(p.pressureMmHg.min, 1) << " / "
              << fixed(p.pressureMmHg.mean, 1) << " / " << fixed(p.pressureMmHg.max, 1) << " mmHg, flow "
              << fixed(p.flowMlS.min, 2) << " / " << fixed(p.flowMlS.mean, 2) << " / " << fixed(p.flowMlS.max, 2)
              << " mL/s, diameter " << fixed(p.diameterMm.mean, 1) << " mm\n";
}
}  // namespace

int cmdSimulate(Args& a) {
  std::optional<std::filesystem::path> scenePath, scenarioPath, protocolPath;
  std::optional<std::string> out;
  std::vector<std::string> probeSpecs;
  bool json = false;
  std::optional<double> duration;
  double dt = 1.0 / 240.0;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      scenePath = a.value(f);
    else if (f == "--scenario")
      scenarioPath = a.value(f);
    else if (f == "--protocol")
      protocolPath = a.value(f);
    else if (f == "--probe") {
      probeSpecs.push_back(a.value(f));
      while (!a.done() && !a.words[a.i].starts_with("--")) probeSpecs.push_back(a.next());
    } else if (f == "--out" || f == "-o")
      out = a.value(f);
    else if (f == "--json")
      json = true;
    else if (f == "--duration") {
      duration = parseSeconds(f, a.value(f));
      if (!(*duration > 0.0)) throw UsageError("--duration: expected a positive number of seconds");
    } else if (f == "--dt") {
      dt = parseSeconds(f, a.value(f));
      if (!(dt >= 1e-4 && dt <= 0.05)) throw UsageError("--dt: expected a time step from 0.0001 to 0.05 s");
    } else
      throw UsageError("simulate: unknown option \"" + f + "\"; see venaviz --help");
  }
  if (!scenePath) throw UsageError("simulate: missing --scene FILE");
  std::vector<hemo::Probe> probes;
  for (const std::string& p : probeSpecs) {
    try {
      probes.push_back(hemo::parseProbe(p));
    } catch (const Error& e) {
      throw UsageError(std::string("--probe: ") + e.what());
    }
  }

  const Scene scene = io::loadScene(*scenePath);
  for (const hemo::Probe& p : probes) {
    const Vessel* v = scene.anatomy.findVessel(p.vessel);
    if (!v || v->isArtery())
      throw Error("--probe \"" + p.label() + "\": no vein \"" + p.vessel + "\" in " + scenePath->string() +
                  "; expected a vein id (see venaviz info --scene FILE)");
  }
  hemo::Scenario scenario;
  scenario.name = "default (supine, healthy)";
  if (scenarioPath) {
    scenario = io::loadScenario(*scenarioPath);
    io::validateScenario(scenario, scene.anatomy, scenarioPath->string());
  }
  hemo::Protocol protocol;
  protocol.name = "none";
  if (protocolPath) {
    protocol = io::loadProtocol(*protocolPath);
    io::validateProtocol(protocol, scene.anatomy, protocolPath->string());
  }
  if (duration) protocol.duration = *duration;

  hemo::Simulation sim =
      hemo::simulate(scene.anatomy, scenario, protocol, probes, dt, scenarioPath ? scenarioPath->string() : "scenario",
                     protocolPath ? protocolPath->string() : "protocol");
  const hemo::Recorder& recorder = *sim.recorder;
  hemo::SimulationReport& report = sim.report;
  if (sim.engine->network().sinusoids >= 0) report.liver = hemo::averageLiver(*sim.engine, scene.anatomy, 5.0, dt);
  if (out) io::writeFileAtomic(*out, io::traceCsv(recorder));
  if (json)
    std::cout << io::reportJson(report);
  else {
    printReport(report);
    if (out) std::cout << "wrote " << *out << " (" << recorder.time().size() << " rows)\n";
  }
  return kExitOk;
}

/// `venaviz day`: a time-compressed day (hemo/day.h): the lower legs' swelling hour by hour.
int cmdDay(Args& a) {
  std::optional<std::filesystem::path> scenePath;
  std::string plan = "standing";
  std::optional<std::string> csv;
  while (!a.done()) {
    const std::string f = a.next();
    if (f == "--scene")
      scenePath = a.value(f);
    else if (f == "--plan")
      plan = a.value(f);
    else if (f == "--csv")
      csv = a.value(f);
    else
      throw UsageError("day: unknown option \"" + f + "\"; see venaviz --help");
  }
  hemo::DayPlan dp;
  try {
    dp = hemo::dayPlan(plan);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
  if (!scenePath) scenePath = paths::defaultScene();
  if (!scenePath) throw Error("day: no scene given and no scenes/default.json found; use --scene FILE");
  const Scene scene = io::loadScene(*scenePath);
  const hemo::DayResult r = hemo::runDay(scene.anatomy, dp);
  std::printf("%s (%zu parts); lower leg %.0f mL\n", dp.name.c_str(), dp.parts.size(), r.limbVolumeMl);
  std::printf("%6s  %-9s %-8s %11s %8s %12s %10s %9s\n", "hour", "posture", "activity", "swelling mL", "% limb",
              "filter mL/min", "lymph mL/min", "Pt mmHg");
  double nextHour = 0.0;
  for (const hemo::DaySample& s : r.samples) {
    if (s.minutes + 1e-9 < nextHour && &s != &r.samples.back()) continue;
    nextHour = s.minutes + 60.0 - 1e-9;
    std::printf("%6.2f  %-9s %-8s %11.1f %8.2f %12.2f %10.2f %9.1f\n", s.minutes / 60.0,
                std::string(hemo::toString(s.posture)).c_str(), std::string(hemo::toString(s.activity)).c_str(),
                s.swellingMl[0], 100.0 * s.swellingMl[0] / r.limbVolumeMl, s.filtrationMlMin[0], s.lymphMlMin[0],
                s.tissuePressureMmHg[0]);
  }
  std::printf("left leg: filtered %.1f mL, lymph %.1f mL; %.2f s of wall time\n", r.filteredMl[0], r.lymphMl[0],
              r.wallSeconds);
  if (csv) {
    std::string text = "minutes,posture,activity,swelling_left_ml,swelling_right_ml,filtration_left_ml_min,"
                       "lymph_left_ml_min,tissue_pressure_left_mmhg,capillary_pressure_left_mmhg\n";
    char line[256];
    for (const hemo::DaySample& s : r.samples) {
      std::snprintf(line, sizeof line, "%.2f,%s,%s,%.3f,%.3f,%.4f,%.4f,%.3f,%.3f\n", s.minutes,
                    std::string(hemo::toString(s.posture)).c_str(), std::string(hemo::toString(s.activity)).c_str(),
                    s.swellingMl[0], s.swellingMl[1], s.filtrationMlMin[0], s.lymphMlMin[0], s.tissuePressureMmHg[0],
                    s.capillaryPressureMmHg[0]);
      text += line;
    }
    io::writeFileAtomic(*csv, text);
  }
  return kExitOk;
}

}  // namespace venaviz::cli
