// FixedStepClock: equal steps whatever the frame rate; pause, time scale, stall cap, reset.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/fixed_step.h"

namespace venaviz {
namespace {

/// Feeds every frame duration, committing what advance() asks for; returns total steps.
std::int64_t run(FixedStepClock& clock, const std::vector<double>& frames) {
  std::int64_t total = 0;
  for (double f : frames) {
    const int steps = clock.advance(f);
    EXPECT_GE(steps, 0);
    clock.commit(steps);
    total += steps;
  }
  return total;
}

std::vector<double> uniformFrames(double hz, double seconds) {
  const auto n = static_cast<std::size_t>(seconds * hz + 0.5);
  return std::vector<double>(n, 1.0 / hz);
}

/// Irregular frame times (deterministic) that sum to exactly `seconds`.
std::vector<double> irregularFrames(double seconds) {
  std::vector<double> frames;
  const double pattern[] = {0.016, 0.0031, 0.041, 0.007, 0.0333, 0.0005, 0.1, 0.012, 0.0191, 0.25};
  double sum = 0.0;
  for (std::size_t i = 0;; ++i) {
    const double f = pattern[i % (sizeof(pattern) / sizeof(pattern[0]))];
    if (sum + f >= seconds) {
      frames.push_back(seconds - sum);
      break;
    }
    frames.push_back(f);
    sum += f;
  }
  return frames;
}

TEST(FixedStep, DefaultsAreDocumented) {
  FixedStepClock clock;
  EXPECT_DOUBLE_EQ(clock.dt(), 1.0 / 240.0);
  EXPECT_DOUBLE_EQ(clock.timeScale(), 1.0);
  EXPECT_FALSE(clock.paused());
  EXPECT_EQ(clock.stepCount(), 0u);
  EXPECT_DOUBLE_EQ(clock.time(), 0.0);
}

TEST(FixedStep, FrameRateIndependent) {
  const double seconds = 10.0;
  const double dt = 1.0 / 240.0;
  FixedStepClock at60(dt), at144(dt), irregular(dt);
  const std::int64_t s60 = run(at60, uniformFrames(60.0, seconds));
  const std::int64_t s144 = run(at144, uniformFrames(144.0, seconds));
  const std::int64_t sIrr = run(irregular, irregularFrames(seconds));
  const auto expected = static_cast<std::int64_t>(seconds / dt);  // 2400

  EXPECT_LE(std::llabs(s60 - expected), 1);
  EXPECT_LE(std::llabs(s144 - expected), 1);
  EXPECT_LE(std::llabs(sIrr - expected), 1);
  EXPECT_LE(std::llabs(s60 - s144), 1);
  EXPECT_LE(std::llabs(s60 - sIrr), 1);

  EXPECT_EQ(at60.stepCount(), static_cast<std::uint64_t>(s60));
  EXPECT_DOUBLE_EQ(at60.time(), static_cast<double>(s60) * dt);
  EXPECT_DOUBLE_EQ(at144.time(), static_cast<double>(s144) * dt);
  EXPECT_DOUBLE_EQ(irregular.time(), static_cast<double>(sIrr) * dt);
  EXPECT_NEAR(irregular.time(), seconds, dt * 1.01);
}

TEST(FixedStep, LeftoverTimeCarriesOver) {
  FixedStepClock clock(0.01);
  EXPECT_EQ(clock.advance(0.004), 0);
  EXPECT_NEAR(clock.alpha(), 0.4, 1e-9);
  EXPECT_EQ(clock.advance(0.004), 0);
  EXPECT_EQ(clock.advance(0.004), 1);  // 0.012 accumulated
  EXPECT_NEAR(clock.alpha(), 0.2, 1e-9);
  EXPECT_EQ(clock.advance(0.025), 2);  // 0.027
  EXPECT_NEAR(clock.alpha(), 0.7, 1e-9);
}

TEST(FixedStep, NegativeTimeIsIgnored) {
  FixedStepClock clock(0.01);
  EXPECT_EQ(clock.advance(-5.0), 0);
  EXPECT_EQ(clock.advance(0.015), 1);
}

TEST(FixedStep, PausedAdvancesNothing) {
  FixedStepClock clock(0.01);
  clock.setPaused(true);
  EXPECT_TRUE(clock.paused());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(clock.advance(0.1), 0);
  EXPECT_EQ(clock.stepCount(), 0u);
  clock.setPaused(false);
  // Time spent paused is not simulated later.
  EXPECT_EQ(clock.advance(0.035), 3);
}

TEST(FixedStep, TimeScaleTwoDoublesSteps) {
  FixedStepClock normal(1.0 / 240.0), fast(1.0 / 240.0);
  fast.setTimeScale(2.0);
  const auto frames = uniformFrames(60.0, 5.0);
  const std::int64_t a = run(normal, frames);
  const std::int64_t b = run(fast, frames);
  EXPECT_NEAR(static_cast<double>(b), 2.0 * static_cast<double>(a), 2.0);
  EXPECT_NEAR(static_cast<double>(b), 2400.0, 1.0);
}

TEST(FixedStep, TimeScaleHalfHalvesSteps) {
  FixedStepClock slow(1.0 / 240.0);
  slow.setTimeScale(0.5);
  const std::int64_t s = run(slow, uniformFrames(60.0, 4.0));
  EXPECT_NEAR(static_cast<double>(s), 480.0, 1.0);
}

TEST(FixedStep, TimeScaleIsClamped) {
  FixedStepClock clock;
  clock.setTimeScale(100.0);
  EXPECT_DOUBLE_EQ(clock.timeScale(), 10.0);
  clock.setTimeScale(0.0);
  EXPECT_DOUBLE_EQ(clock.timeScale(), 0.1);
  clock.setTimeScale(-3.0);
  EXPECT_DOUBLE_EQ(clock.timeScale(), 0.1);
  clock.setTimeScale(3.5);
  EXPECT_DOUBLE_EQ(clock.timeScale(), 3.5);
}

TEST(FixedStep, HugeStallIsCappedAndDropped) {
  FixedStepClock clock(1.0 / 240.0, 240);
  EXPECT_EQ(clock.advance(3600.0), 240);
  // The excess is dropped, not simulated in later frames.
  EXPECT_EQ(clock.advance(0.0), 0);
  EXPECT_NEAR(clock.alpha(), 0.0, 1e-12);

  FixedStepClock small(0.01, 5);
  EXPECT_EQ(small.advance(1.0), 5);
  EXPECT_EQ(small.advance(0.0), 0);
}

TEST(FixedStep, ResetClearsStepsAndAccumulator) {
  FixedStepClock clock(0.01);
  clock.commit(clock.advance(0.537));
  EXPECT_EQ(clock.stepCount(), 53u);
  EXPECT_GT(clock.alpha(), 0.0);
  clock.reset();
  EXPECT_EQ(clock.stepCount(), 0u);
  EXPECT_DOUBLE_EQ(clock.time(), 0.0);
  EXPECT_DOUBLE_EQ(clock.alpha(), 0.0);
  EXPECT_EQ(clock.advance(0.009), 0);  // nothing left over from before the reset
}

TEST(FixedStep, TimeIsStepsTimesDt) {
  FixedStepClock clock(0.002);
  clock.commit(7);
  clock.commit(3);
  EXPECT_EQ(clock.stepCount(), 10u);
  EXPECT_DOUBLE_EQ(clock.time(), 10.0 * 0.002);
}

}  // namespace
}  // namespace venaviz
