#include "hemo/simulation.h"

#include "core/error.h"

namespace venaviz::hemo {
namespace {
[[noreturn]] void rethrowFor(const std::string& name, const Error& e) {
  const std::string what = e.what();
  if (what.starts_with(name + ":")) throw e;
  throw Error(name + ": " + what);
}
}  // namespace

Simulation simulate(const Anatomy& anatomy, const Scenario& scenario, const Protocol& protocol,
                    std::vector<Probe> probes, double dt, const std::string& scenarioName,
                    const std::string& protocolName) {
  Simulation s;
  s.engine = std::make_unique<Engine>(anatomy);  // default parameters, always
  try {
    applyScenario(*s.engine, anatomy, scenario);
  } catch (const Error& e) {
    rethrowFor(scenarioName, e);
  }
  s.engine->settle(kSimulateSettleSeconds);  // start from the scenario's steady state
  s.plan = planMeasurements(protocol, scenario, anatomy, s.engine->network());
  for (const std::string& label : s.plan.probes()) {
    bool have = false;
    for (const Probe& p : probes) have = have || p.label() == label;
    if (!have) probes.push_back(parseProbe(label));
  }
  s.recorder = std::make_unique<Recorder>(*s.engine, anatomy, probes);
  for (const std::string& label : s.plan.reflux)
    for (int v : selectValves(anatomy, parseProbe(label).vessel)) s.recorder->trackValve(v);
  s.startTime = s.engine->time();
  try {
    runProtocol(*s.engine, anatomy, protocol, dt, protocol.duration, s.recorder.get());
  } catch (const Error& e) {
    rethrowFor(protocolName, e);
  }
  s.report = analyzeRun(*s.recorder, *s.engine, anatomy, protocol, scenario, s.plan);
  s.report.dt = dt;
  s.report.steps = static_cast<int>(s.recorder->time().size()) - 1;
  return s;
}

}  // namespace venaviz::hemo
