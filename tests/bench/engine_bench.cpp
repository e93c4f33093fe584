// Hemodynamic engine speed on the full default atlas at the app's step (dt = 1/240 s), on one
// core (the engine is single-threaded). Prints figures; no thresholds (docs/performance.md).
//   x_realtime       simulated seconds per wall-clock second
//   us_per_step      wall-clock microseconds per engine step
//   newton_per_step  mean Newton iterations per step
//   nodes, links, valves, beds  network size
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "bench_common.h"
#include "hemo/engine.h"

using namespace venaviz;

namespace {

using bench::defaultAtlas;
using bench::kStep;

void engineSteps(benchmark::State& state, bool standingWalking) {
  hemo::Engine engine(defaultAtlas());
  hemo::DriverSettings& d = engine.drivers().settings();
  d.breathing = true;
  if (standingWalking) {
    // Standing steady state first, then walking: the pumps, valves and collapsing veins make this
    // the busiest case for the Newton solver.
    engine.drivers().setPosture(hemo::Posture::Standing, 0.0, engine.time(), 1e-6);
    engine.settle(60.0);
    d.activity = hemo::Activity::Walking;
    d.activityStart = engine.time();
  }
  for (int k = 0; k < 240; ++k) engine.step(kStep);  // one second to get into the rhythm

  long long steps = 0, newton = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const hemo::StepStats s = engine.step(kStep);
    newton += s.newtonIterations;
    ++steps;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double n = static_cast<double>(std::max(steps, 1LL));
  state.counters["x_realtime"] = wall > 0.0 ? n * kStep / wall : 0.0;
  state.counters["us_per_step"] = wall / n * 1e6;
  state.counters["newton_per_step"] = static_cast<double>(newton) / n;
  state.counters["nodes"] = static_cast<double>(engine.network().nodes.size());
  state.counters["links"] = static_cast<double>(engine.network().links.size());
  state.counters["valves"] = static_cast<double>(engine.network().valves.size());
  state.counters["beds"] = static_cast<double>(engine.network().beds.size());
}

void BM_EngineStep_StandingWalking(benchmark::State& state) {
  engineSteps(state, true);
}
void BM_EngineStep_SupineQuiet(benchmark::State& state) {
  engineSteps(state, false);
}

}  // namespace

// A few gait cycles (1.2 s each at 100 steps/min) per measurement; single-threaded.
BENCHMARK(BM_EngineStep_StandingWalking)->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_EngineStep_SupineQuiet)->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(3.0);
