#pragma once
// Fixed time step with an accumulator ("Fix Your Timestep!", G. Fiedler): the simulation
// advances in equal steps whatever the frame rate, so a headless run reproduces a GUI session.
#include <algorithm>
#include <cstdint>

namespace venaviz {

class FixedStepClock {
 public:
  /// dt: simulated seconds per step (default: 1/240 s); maxStepsPerFrame caps catch-up work
  /// after a stall (default: 240; excess real time is dropped, not simulated later).
  explicit FixedStepClock(double dt = 1.0 / 240.0, int maxStepsPerFrame = 240) : dt_(dt), maxSteps_(maxStepsPerFrame) {}

  double dt() const { return dt_; }
  bool paused() const { return paused_; }
  void setPaused(bool p) { paused_ = p; }
  /// Simulated seconds per real second, clamped to [0.1, 10] (default: 1).
  double timeScale() const { return timeScale_; }
  void setTimeScale(double s) { timeScale_ = std::clamp(s, 0.1, 10.0); }

  /// Feeds real elapsed seconds; returns how many fixed steps to simulate now.
  int advance(double realSeconds) {
    if (paused_) return 0;
    accumulator_ += std::max(realSeconds, 0.0) * timeScale_;
    int steps = static_cast<int>(accumulator_ / dt_);
    if (steps > maxSteps_) {
      steps = maxSteps_;
      accumulator_ = 0.0;
    } else {
      accumulator_ -= steps * dt_;
    }
    return steps;
  }
  /// Records that `steps` steps were simulated.
  void commit(int steps) { stepCount_ += static_cast<std::uint64_t>(steps); }
  /// Simulated time in seconds (steps x dt, exact for the step count).
  double time() const { return static_cast<double>(stepCount_) * dt_; }
  std::uint64_t stepCount() const { return stepCount_; }
  /// Fraction of a step left in the accumulator, for interpolating what is drawn.
  double alpha() const { return accumulator_ / dt_; }
  void reset() {
    stepCount_ = 0;
    accumulator_ = 0.0;
  }

 private:
  double dt_;
  int maxSteps_;
  double accumulator_ = 0.0;
  double timeScale_ = 1.0;
  bool paused_ = false;
  std::uint64_t stepCount_ = 0;
};

}  // namespace venaviz
