// Tracer particles on the full default atlas at the app's step (dt = 1/240 s), on one core:
// Tracers::step (moving, routing, births and exits) and Tracers::instances (what the renderer
// uploads) for 20k, 50k and 200k particles (the quality settings), with the engine standing
// still and walking. The pool is seeded and run for a second first, so it holds its
// steady-state population. The engine and tracers advance between timed calls (excluded from
// the figures), so both see changing flows and moving particles as in the app. Prints figures;
// no thresholds (target: step <= 2 ms at 200k).
//   us_per_call  wall-clock microseconds per call (the benchmark's own time includes pauses)
//   ns_per_particle
//   alive        live particles during the measurement
//   max_us       slowest single step
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include "bench_common.h"
#include "flow/lumen.h"
#include "flow/tracers.h"
#include "hemo/engine.h"

using namespace venaviz;

namespace {

using bench::defaultAtlas;
using bench::kStep;

/// An engine standing (settled), still or walking, with its lumen (reference: supine, as the app
/// builds it). One per state, shared by the benchmarks; it keeps advancing between them.
struct Setup {
  hemo::Engine engine{defaultAtlas()};
  flow::Lumen lumen{engine};
  explicit Setup(bool walking) {
    engine.drivers().setPosture(hemo::Posture::Standing, 0.0, engine.time(), 1e-6);
    engine.settle(60.0);
    if (walking) {
      engine.drivers().settings().activity = hemo::Activity::Walking;
      engine.drivers().settings().activityStart = engine.time();
    }
    for (int k = 0; k < 240; ++k) engine.step(kStep);  // into the rhythm
    lumen.update(engine);
  }
};

Setup& setup(bool walking) {
  static Setup standing(false), moving(true);
  return walking ? moving : standing;
}

/// Tracers with the benchmark's budget, seeded and run for 1 s of the setup's flows.
flow::Tracers& warmedTracers(Setup& s, std::size_t budget) {
  static std::unique_ptr<flow::Tracers> tracers;
  flow::TracerOptions options;
  options.budget = budget;
  tracers = std::make_unique<flow::Tracers>(defaultAtlas(), s.engine.network(), options);
  tracers->seedSteadyState(s.engine, s.lumen);
  for (int k = 0; k < 240; ++k) {
    s.engine.step(kStep);
    s.lumen.update(s.engine);
    tracers->step(s.engine, s.lumen, kStep);
  }
  return *tracers;
}

void tracerStep(benchmark::State& state, bool walking) {
  Setup& s = setup(walking);
  flow::Tracers& tracers = warmedTracers(s, static_cast<std::size_t>(state.range(0)));
  double wall = 0.0, longest = 0.0;
  long long calls = 0;
  for (auto _ : state) {
    state.PauseTiming();
    s.engine.step(kStep);
    s.lumen.update(s.engine);
    state.ResumeTiming();
    const auto t0 = std::chrono::steady_clock::now();
    tracers.step(s.engine, s.lumen, kStep);
    const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    wall += t;
    longest = std::max(longest, t);
    ++calls;
  }
  const double n = static_cast<double>(std::max(calls, 1LL));
  const double alive = static_cast<double>(tracers.counts().alive);
  state.counters["us_per_call"] = wall / n * 1e6;
  state.counters["ns_per_particle"] = alive > 0.0 ? wall / n / alive * 1e9 : 0.0;
  state.counters["alive"] = alive;
  state.counters["max_us"] = longest * 1e6;
}

void tracerInstances(benchmark::State& state, bool walking) {
  Setup& s = setup(walking);
  flow::Tracers& tracers = warmedTracers(s, static_cast<std::size_t>(state.range(0)));
  std::vector<flow::ParticleInstance> out;
  tracers.instances(s.lumen, out);  // sizes the buffer once, as the app does
  double wall = 0.0;
  long long calls = 0;
  for (auto _ : state) {
    // One frame's worth of motion between calls (excluded from the timing), as in the app.
    state.PauseTiming();
    s.engine.step(kStep);
    s.lumen.update(s.engine);
    tracers.step(s.engine, s.lumen, kStep);
    state.ResumeTiming();
    const auto t0 = std::chrono::steady_clock::now();
    tracers.instances(s.lumen, out);
    benchmark::DoNotOptimize(out.data());
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++calls;
  }
  const double n = static_cast<double>(std::max(calls, 1LL));
  state.counters["us_per_call"] = wall / n * 1e6;
  state.counters["ns_per_particle"] = out.empty() ? 0.0 : wall / n / static_cast<double>(out.size()) * 1e9;
  state.counters["alive"] = static_cast<double>(out.size());
}

void BM_FlowStep_Standing(benchmark::State& state) {
  tracerStep(state, false);
}
void BM_FlowStep_Walking(benchmark::State& state) {
  tracerStep(state, true);
}
void BM_FlowInstances_Standing(benchmark::State& state) {
  tracerInstances(state, false);
}
void BM_FlowInstances_Walking(benchmark::State& state) {
  tracerInstances(state, true);
}

}  // namespace

BENCHMARK(BM_FlowStep_Standing)->Arg(20000)->Arg(50000)->Arg(200000)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_FlowStep_Walking)->Arg(20000)->Arg(50000)->Arg(200000)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_FlowInstances_Standing)->Arg(20000)->Arg(50000)->Arg(200000)->Unit(benchmark::kMicrosecond)->MinTime(0.5);
BENCHMARK(BM_FlowInstances_Walking)->Arg(20000)->Arg(50000)->Arg(200000)->Unit(benchmark::kMicrosecond)->MinTime(0.5);
