#pragma once
// One run of a scenario and a protocol, exactly as `venaviz simulate` does it. The command line
// and the validation tests both call this, so what is validated is what users run.
#include <memory>
#include <string>
#include <vector>

#include "hemo/engine.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"

namespace venaviz::hemo {

/// Seconds the engine settles in the scenario's state before the protocol starts.
inline constexpr double kSimulateSettleSeconds = 30.0;

struct Simulation {
  std::unique_ptr<Engine> engine;
  std::unique_ptr<Recorder> recorder;
  MeasurementPlan plan;
  SimulationReport report;
  double startTime = 0.0;  ///< engine time when the protocol started
};

/// Builds an engine with the default parameters, applies the scenario, settles, adds the
/// plan's probes to `probes`, runs the protocol at `dt` and analyses it. Errors from the
/// scenario or the protocol are prefixed with `scenarioName` / `protocolName` (their files).
Simulation simulate(const Anatomy& anatomy, const Scenario& scenario, const Protocol& protocol,
                    std::vector<Probe> probes, double dt, const std::string& scenarioName,
                    const std::string& protocolName);

}  // namespace venaviz::hemo
