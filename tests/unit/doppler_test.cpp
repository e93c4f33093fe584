// The simulated duplex display (flow/doppler.h): the spectrum against the profile it samples
// (mean, spread, a small gate on the axis), the sign convention, zero flow, the automatic scale,
// reflux timing on synthetic traces, cross-section areas, and reproducible images.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>
#include <vector>

#include "flow/doppler.h"
#include "flow/profile.h"

using namespace venaviz;
using flow::DopplerSample;
using flow::DopplerSettings;
using flow::DopplerSpectrum;

namespace {

constexpr float kDiameterMm = 8.0f;
constexpr float kRange = 40.0f;

/// A gate that covers the whole lumen, with almost no broadening (the profile alone).
DopplerSettings wholeLumen() {
  DopplerSettings s;
  s.gateLength = 1.0f;
  s.beamWidthMm = 100.0f;
  s.broadening = 0.0f;
  s.broadeningFloorCmS = 0.05f;
  return s;
}

std::vector<float> powerOf(const DopplerSpectrum& d, float v, float range = kRange) {
  std::vector<float> p(static_cast<std::size_t>(d.bins()));
  d.power(v, kDiameterMm, range, p.data());
  return p;
}

float total(const std::vector<float>& p) {
  float s = 0.0f;
  for (const float x : p) s += x;
  return s;
}

/// Power-weighted mean velocity (cm/s, > 0 towards the heart).
float meanVelocity(const DopplerSpectrum& d, const std::vector<float>& p, float range = kRange) {
  double sum = 0.0, w = 0.0;
  for (int r = 0; r < d.bins(); ++r) {
    sum += static_cast<double>(p[static_cast<std::size_t>(r)]) * d.rowVelocity(r, range);
    w += p[static_cast<std::size_t>(r)];
  }
  return static_cast<float>(sum / w);
}

float binWidth(const DopplerSpectrum& d, float range = kRange) {
  return 2.0f * range / static_cast<float>(d.bins());
}

/// 60 Hz trace: `before` s at +10 cm/s, then each (velocity, seconds) segment in turn.
std::vector<DopplerSample> trace(std::initializer_list<std::pair<float, float>> segments, float before = 1.0f) {
  std::vector<DopplerSample> out;
  const auto add = [&](float v, float seconds) {
    const int n = static_cast<int>(std::lround(seconds * 60.0f));
    for (int i = 0; i < n; ++i) {
      DopplerSample s;
      s.time = static_cast<float>(out.size()) / 60.0f;
      s.velocityCmS = v;
      s.diameterMm = kDiameterMm;
      out.push_back(s);
    }
  };
  add(10.0f, before);
  for (const auto& [v, seconds] : segments) add(v, seconds);
  return out;
}

}  // namespace

TEST(DopplerProfile, AveragesOneOverTheDiscAndInverts) {
  double mean = 0.0;
  constexpr int kSteps = 4000;
  for (int i = 0; i < kSteps; ++i) {
    const float s = (static_cast<float>(i) + 0.5f) / kSteps;
    mean += flow::profileVelocity(s) * 2.0 * s / kSteps;
  }
  EXPECT_NEAR(mean, 1.0, 1e-4);
  EXPECT_NEAR(flow::kProfileAxis, 1.0f / 0.7f, 1e-6f);
  EXPECT_NEAR(flow::kProfileWall, 0.4f / 0.7f, 1e-6f);
  for (const float s : {0.0f, 0.3f, 0.71f, 1.0f}) EXPECT_NEAR(flow::profileRadius(flow::profileVelocity(s)), s, 1e-3f);
}

TEST(DopplerSpectrum, MeanVelocityMatchesTheInputForAWholeLumenGate) {
  const DopplerSpectrum d(wholeLumen());
  EXPECT_NEAR(d.gateMeanFactor(kDiameterMm), 1.0f, 1e-3f);
  for (const float v : {12.0f, -7.0f, 25.0f, 3.0f, -18.5f}) {
    const std::vector<float> p = powerOf(d, v);
    EXPECT_NEAR(total(p), 1.0f, 1e-3f) << v;
    EXPECT_NEAR(meanVelocity(d, p), v, binWidth(d)) << v;
  }
  // With broadening too (symmetric, so the mean stays).
  DopplerSettings broad = wholeLumen();
  broad.broadening = 0.05f;
  broad.broadeningFloorCmS = 0.75f;
  const DopplerSpectrum db(broad);
  EXPECT_NEAR(meanVelocity(db, powerOf(db, 15.0f)), 15.0f, binWidth(db));
}

TEST(DopplerSpectrum, DefaultGateOverreadsTheMeanByItsFactor) {
  const DopplerSpectrum d;  // 2/3 of the diameter along the beam, 1.5 mm across
  const float factor = d.gateMeanFactor(kDiameterMm);
  EXPECT_GT(factor, 1.1f);
  EXPECT_LT(factor, flow::kProfileAxis);
  const float v = 14.0f;
  EXPECT_NEAR(meanVelocity(d, powerOf(d, v)), factor * v, binWidth(d));
}

TEST(DopplerSpectrum, WholeLumenSpreadsBetweenTheProfilesWallAndAxisVelocities) {
  const DopplerSpectrum d(wholeLumen());
  const float v = 20.0f;
  const std::vector<float> p = powerOf(d, v);
  float lowest = 1e9f, highest = -1e9f;
  for (int r = 0; r < d.bins(); ++r) {
    if (p[static_cast<std::size_t>(r)] < 1e-4f) continue;
    lowest = std::min(lowest, d.rowVelocity(r, kRange));
    highest = std::max(highest, d.rowVelocity(r, kRange));
  }
  EXPECT_NEAR(lowest, flow::kProfileWall * v, binWidth(d));   // 11.4 cm/s
  EXPECT_NEAR(highest, flow::kProfileAxis * v, binWidth(d));  // 28.6 cm/s
  // Over the whole disc the point velocities are uniformly distributed (area goes with s^2,
  // velocity falls linearly in s^2): equal power below and above the mean.
  float below = 0.0f, above = 0.0f;
  for (int r = 0; r < d.bins(); ++r) (d.rowVelocity(r, kRange) < v ? below : above) += p[static_cast<std::size_t>(r)];
  EXPECT_NEAR(below, above, 0.05f);
}

TEST(DopplerSpectrum, SmallGateOnTheAxisSeesThePeakVelocity) {
  DopplerSettings s = wholeLumen();
  s.gateLength = 0.05f;
  s.beamWidthMm = 0.4f;  // 5% of the 8 mm diameter
  const DopplerSpectrum d(s);
  const float v = 20.0f;
  const std::vector<float> p = powerOf(d, v);
  const float peak = flow::kProfileAxis * v;
  float near = 0.0f;
  for (int r = 0; r < d.bins(); ++r)
    if (std::abs(d.rowVelocity(r, kRange) - peak) <= 1.5f * binWidth(d)) near += p[static_cast<std::size_t>(r)];
  EXPECT_GT(near, 0.95f * total(p));
  EXPECT_NEAR(meanVelocity(d, p), peak, binWidth(d));
}

TEST(DopplerSpectrum, RefluxIsAboveTheBaselineByDefault) {
  for (const auto direction : {flow::DopplerDirection::RefluxUp, flow::DopplerDirection::AntegradeUp}) {
    DopplerSettings s;
    s.direction = direction;
    const DopplerSpectrum d(s);
    const int half = d.bins() / 2;
    const bool refluxUp = direction == flow::DopplerDirection::RefluxUp;
    EXPECT_EQ(flow::displayVelocity(-10.0f, direction) > 0.0f, refluxUp);
    // Reflux (away from the heart): all its power in the upper half of the rows, or the lower.
    const std::vector<float> reflux = powerOf(d, -10.0f);
    const std::vector<float> antegrade = powerOf(d, 10.0f);
    float refluxTop = 0.0f, antegradeTop = 0.0f;
    for (int r = 0; r < half; ++r) {
      refluxTop += reflux[static_cast<std::size_t>(r)];
      antegradeTop += antegrade[static_cast<std::size_t>(r)];
    }
    EXPECT_NEAR(refluxTop / total(reflux), refluxUp ? 1.0f : 0.0f, 1e-3f);
    EXPECT_NEAR(antegradeTop / total(antegrade), refluxUp ? 0.0f : 1.0f, 1e-3f);
    EXPECT_EQ(d.rowOf(-10.0f, kRange) < half, refluxUp);
    EXPECT_NEAR(d.rowVelocity(d.rowOf(-10.0f, kRange), kRange), -10.0f, binWidth(d));
  }
}

TEST(DopplerSpectrum, NoFlowIsAThinLineOnTheBaseline) {
  const DopplerSpectrum d;
  const std::vector<float> p = powerOf(d, 0.0f);
  EXPECT_NEAR(total(p), 1.0f, 1e-3f);
  for (int r = 0; r < d.bins(); ++r) {
    if (std::abs(d.rowVelocity(r, kRange)) > 3.0f) {
      EXPECT_LT(p[static_cast<std::size_t>(r)], 1e-4f) << r;
    }
  }
  // On the display: white at the baseline, only the noise floor away from it.
  std::vector<float> column(static_cast<std::size_t>(d.bins()));
  d.fillColumn(0.0f, kDiameterMm, kRange, 7, column.data());
  const int base = d.rowOf(0.0f, kRange);
  EXPECT_GT(column[static_cast<std::size_t>(base)], 0.9f);
  for (int r = 0; r < d.bins(); ++r) {
    if (std::abs(d.rowVelocity(r, kRange)) > 3.0f) {
      EXPECT_LT(column[static_cast<std::size_t>(r)], 0.3f) << r;
    }
  }
  // A wall filter (1.5 cm/s: about the lowest a machine offers for veins) removes most of it.
  DopplerSettings filtered;
  filtered.wallFilterCmS = 1.5f;
  const DopplerSpectrum df(filtered);
  EXPECT_LT(total(powerOf(df, 0.0f)), 0.2f);
  EXPECT_GT(total(powerOf(df, 15.0f)), 0.98f);  // and leaves real flow alone
}

TEST(DopplerSpectrum, ColumnIntensitiesAreBetweenZeroAndOne) {
  const DopplerSpectrum d;
  std::vector<float> column(static_cast<std::size_t>(d.bins()));
  for (const float v : {-30.0f, -2.0f, 0.0f, 5.0f, 60.0f}) {  // 60: beyond the range, clipped
    d.fillColumn(v, kDiameterMm, kRange, 3, column.data());
    for (const float x : column) {
      EXPECT_GE(x, 0.0f);
      EXPECT_LE(x, 1.0f);
    }
  }
}

TEST(DopplerSpectrum, AutoRangeIsNiceAndHoldsThePeak) {
  EXPECT_EQ(flow::niceVelocityRange(0.0f), 5.0f);
  EXPECT_EQ(flow::niceVelocityRange(9.0f), 10.0f);
  EXPECT_EQ(flow::niceVelocityRange(9.5f), 15.0f);  // the margin
  EXPECT_EQ(flow::niceVelocityRange(95.0f), 150.0f);
  EXPECT_EQ(flow::niceVelocityRange(1e4f), 300.0f);

  const DopplerSpectrum d;
  const std::vector<DopplerSample> samples = trace({{-20.0f, 0.5f}, {5.0f, 0.5f}});
  const float range = d.autoRange(samples);
  const float nice[] = {5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300};
  EXPECT_NE(std::find(std::begin(nice), std::end(nice), range), std::end(nice));
  EXPECT_GE(range, 20.0f * flow::kProfileAxis);  // the envelope, not only the mean
  EXPECT_LE(range, 50.0f);
  // Every column's power stays inside it.
  EXPECT_NEAR(total(powerOf(d, -20.0f, range)), 1.0f, 1e-3f);

  DopplerSettings fixed;
  fixed.rangeCmS = 80.0f;
  EXPECT_EQ(DopplerSpectrum(fixed).autoRange(samples), 80.0f);
}

TEST(DopplerSpectrum, SameInputsGiveTheSameImage) {
  const std::vector<DopplerSample> samples = trace({{-12.0f, 0.8f}, {0.0f, 0.3f}, {25.0f, 0.4f}});
  const DopplerSpectrum d;
  flow::DopplerImage a, b;
  d.render(samples, a);
  d.render(samples, b);
  ASSERT_EQ(a.columns, 150);  // 2.5 s at 60 columns per second
  ASSERT_EQ(a.rows, 96);
  EXPECT_EQ(a.pixels, b.pixels);
  // The same column from fillColumn (what the UI streams into a texture) matches the image.
  std::vector<float> column(static_cast<std::size_t>(d.bins()));
  d.fillColumn(-12.0f, kDiameterMm, a.rangeCmS, 80, column.data());
  for (int r = 0; r < a.rows; ++r) EXPECT_EQ(a.at(80, r), column[static_cast<std::size_t>(r)]);
  // Another seed: another speckle.
  DopplerSettings other;
  other.seed = 2;
  flow::DopplerImage c;
  DopplerSpectrum(other).render(samples, c);
  EXPECT_NE(a.pixels, c.pixels);
}

// --- reflux -----------------------------------------------------------------------------------

TEST(DopplerReflux, NoReflux) {
  const std::vector<DopplerSample> t = trace({{20.0f, 1.0f}, {0.5f, 1.0f}, {-0.8f, 1.0f}});  // -0.8: below threshold
  const flow::RefluxEpisode e = flow::measureReflux(t, VesselSystem::Superficial, 1.0f);
  EXPECT_FALSE(e.found);
  EXPECT_FALSE(e.pathological);
  EXPECT_EQ(e.durationS, 0.0f);
}

TEST(DopplerReflux, DurationsAndCriteriaBySystem) {
  constexpr float kTol = 1.0f / 60.0f;
  struct Case {
    float seconds;
    VesselSystem system;
    bool pathological;
  };
  const Case cases[] = {
      {0.3f, VesselSystem::Superficial, false}, {0.3f, VesselSystem::Deep, false},
      {0.7f, VesselSystem::Superficial, true},  {0.7f, VesselSystem::Deep, false},
      {1.2f, VesselSystem::Superficial, true},  {1.2f, VesselSystem::Deep, true},
      {0.4f, VesselSystem::Perforator, true},
  };
  for (const Case& c : cases) {
    const std::vector<DopplerSample> t = trace({{-15.0f, c.seconds}, {-22.0f, 0.05f}, {8.0f, 1.0f}});
    const flow::RefluxEpisode e = flow::measureReflux(t, c.system, 1.0f);
    ASSERT_TRUE(e.found);
    EXPECT_NEAR(e.durationS, c.seconds + 0.05f, kTol) << c.seconds;
    EXPECT_NEAR(e.startS, 1.0f, kTol);
    EXPECT_EQ(e.peakCmS, 22.0f);
    EXPECT_FALSE(e.ongoing);
    EXPECT_EQ(e.pathological, c.pathological) << c.seconds << " s, cutoff " << e.cutoffS;
  }
}

TEST(DopplerReflux, OngoingAtTheEndOfTheData) {
  const std::vector<DopplerSample> t = trace({{-9.0f, 0.8f}});
  const flow::RefluxEpisode deep = flow::measureReflux(t, VesselSystem::Deep, 1.0f);
  ASSERT_TRUE(deep.found);
  EXPECT_TRUE(deep.ongoing);
  EXPECT_NEAR(deep.durationS, 0.8f, 1.0f / 60.0f);  // so far
  EXPECT_FALSE(deep.pathological);                  // not yet past 1 s
  EXPECT_TRUE(flow::measureReflux(t, VesselSystem::Superficial, 1.0f).pathological);
}

TEST(DopplerReflux, FlickerIsBridgedButAForwardBeatSplits) {
  // 0.3 s reflux, 2 samples (0.033 s) near zero, 0.3 s reflux: one episode of ~0.63 s.
  const std::vector<DopplerSample> flicker =
      trace({{-10.0f, 0.3f}, {-0.3f, 2.0f / 60.0f}, {-10.0f, 0.3f}, {10.0f, 1.0f}});
  const flow::RefluxEpisode e = flow::measureReflux(flicker, VesselSystem::Superficial, 1.0f);
  EXPECT_NEAR(e.durationS, 0.6f + 2.0f / 60.0f, 1.0f / 60.0f);
  EXPECT_TRUE(e.pathological);
  // The same gap with forward flow in it: two episodes of 0.3 s.
  const std::vector<DopplerSample> beat = trace({{-10.0f, 0.3f}, {6.0f, 2.0f / 60.0f}, {-10.0f, 0.3f}, {10.0f, 1.0f}});
  const flow::RefluxEpisode b = flow::measureReflux(beat, VesselSystem::Superficial, 1.0f);
  EXPECT_NEAR(b.durationS, 0.3f, 1.0f / 60.0f);
  EXPECT_FALSE(b.pathological);
  // A long pause (0.2 s) splits too.
  const std::vector<DopplerSample> pause = trace({{-10.0f, 0.3f}, {0.0f, 0.2f}, {-10.0f, 0.3f}, {10.0f, 1.0f}});
  EXPECT_NEAR(flow::measureReflux(pause, VesselSystem::Superficial, 1.0f).durationS, 0.3f, 1.0f / 60.0f);
}

TEST(DopplerReflux, TheLongestEpisodeCounts) {
  // Valve closure (0.2 s) first, then the real reflux (1.1 s) after a forward beat.
  const std::vector<DopplerSample> t = trace({{-10.0f, 0.2f}, {10.0f, 0.5f}, {-10.0f, 1.1f}, {10.0f, 0.5f}});
  const flow::RefluxEpisode e = flow::measureReflux(t, VesselSystem::Deep, 1.0f);
  EXPECT_NEAR(e.durationS, 1.1f, 1.0f / 60.0f);
  EXPECT_NEAR(e.startS, 1.7f, 1.0f / 60.0f);
  EXPECT_TRUE(e.pathological);
}

TEST(DopplerReflux, OnlyAfterTheProvocation) {
  const std::vector<DopplerSample> t = trace({{-10.0f, 2.0f}, {10.0f, 1.0f}, {-10.0f, 0.3f}, {10.0f, 0.5f}});
  EXPECT_NEAR(flow::measureReflux(t, VesselSystem::Deep).durationS, 2.0f, 1.0f / 60.0f);
  EXPECT_NEAR(flow::measureReflux(t, VesselSystem::Deep, 3.5f).durationS, 0.3f, 1.0f / 60.0f);
}

// --- cross-section --------------------------------------------------------------------------

namespace {

float perimeter(const flow::SectionPolygon& p) {
  float sum = 0.0f;
  for (int i = 0; i < p.count; ++i)
    sum += glm::length(p.points[static_cast<std::size_t>((i + 1) % p.count)] - p.points[static_cast<std::size_t>(i)]);
  return sum;
}

Vec2 centroid(const flow::SectionPolygon& p) {
  Vec2 c{0.0f};
  for (int i = 0; i < p.count; ++i) c += p.points[static_cast<std::size_t>(i)];
  return c / static_cast<float>(p.count);
}

}  // namespace

TEST(DopplerSection, NormalVeinIsACircleOfItsArea) {
  flow::CrossSectionInput in;
  in.referenceDiameterMm = 10.0f;
  in.scale = 1.2f;  // distended
  const flow::CrossSection cs = flow::crossSection(in);
  EXPECT_NEAR(cs.lumenAreaMm2, 1.44f * cs.referenceAreaMm2, 0.02f * cs.lumenAreaMm2);
  EXPECT_FLOAT_EQ(cs.semiMajorMm, cs.semiMinorMm);
  EXPECT_GT(cs.outerAreaMm2, cs.lumenAreaMm2);
  EXPECT_EQ(cs.clot.count, 0);
  EXPECT_FALSE(cs.artery);
}

TEST(DopplerSection, CompressionLeavesTheRemainingAreaInASlit) {
  for (const float severity : {0.3f, 0.6f, 0.85f}) {
    flow::CrossSectionInput in;
    in.referenceDiameterMm = 14.0f;  // left common iliac vein
    in.lesion = hemo::Lesion::Compression;
    in.openFraction = 1.0f - severity;
    in.scale = std::sqrt(1.0f - severity);  // Lumen::scale of a pinched vein at its reference area
    const flow::CrossSection cs = flow::crossSection(in);
    EXPECT_NEAR(cs.lumenAreaMm2, (1.0f - severity) * cs.referenceAreaMm2, 0.02f * cs.lumenAreaMm2) << severity;
    EXPECT_NEAR(perimeter(cs.lumen), kPi * 14.0f, 0.02f * kPi * 14.0f) << severity;  // the wall is not shortened
    EXPECT_LT(cs.semiMinorMm, cs.semiMajorMm);
    // Flattened antero-posteriorly: thin in y, wide in x.
    float extentX = 0.0f, extentY = 0.0f;
    for (int i = 0; i < cs.lumen.count; ++i) {
      extentX = std::max(extentX, std::abs(cs.lumen.points[static_cast<std::size_t>(i)].x));
      extentY = std::max(extentY, std::abs(cs.lumen.points[static_cast<std::size_t>(i)].y));
    }
    EXPECT_GT(extentX, extentY);
    // The artery in front (anterior: -y), touching the wall, not inside it.
    ASSERT_TRUE(cs.artery);
    EXPECT_LT(cs.arteryCentreMm.y, 0.0f);
    EXPECT_NEAR(glm::length(cs.arteryCentreMm), cs.semiMinorMm + cs.wallThicknessMm + cs.arteryRadiusMm, 1e-3f);
  }
}

TEST(DopplerSection, ThrombusFillsItsShareOfTheLumenOnOneSide) {
  for (const float open : {0.1f, 0.3f, 0.75f}) {
    flow::CrossSectionInput in;
    in.referenceDiameterMm = 10.0f;
    in.lesion = hemo::Lesion::Thrombus;
    in.openFraction = open;
    in.collapsed = true;  // ignored: a vein full of clot does not flatten
    const flow::CrossSection cs = flow::crossSection(in);
    EXPECT_NEAR(cs.lumenAreaMm2, cs.referenceAreaMm2, 0.02f * cs.referenceAreaMm2);
    EXPECT_NEAR(cs.clotAreaMm2, (1.0f - open) * cs.lumenAreaMm2, 0.02f * (1.0f - open) * cs.lumenAreaMm2) << open;
    EXPECT_NEAR(cs.freeAreaMm2, open * cs.lumenAreaMm2, 0.02f * cs.lumenAreaMm2) << open;
    EXPECT_GT(centroid(cs.clot).y, 0.0f);  // on the posterior wall
  }
}

TEST(DopplerSection, CollapsedVeinIsAnEllipseOfTheSameArea) {
  flow::CrossSectionInput in;
  in.referenceDiameterMm = 12.0f;  // internal jugular
  in.scale = 0.5f;                 // a quarter of its reference area
  in.collapsed = true;
  const flow::CrossSection cs = flow::crossSection(in);
  EXPECT_NEAR(cs.lumenAreaMm2, 0.25f * cs.referenceAreaMm2, 0.02f * cs.lumenAreaMm2);
  EXPECT_GT(cs.semiMajorMm / cs.semiMinorMm, 4.0f);
  EXPECT_NEAR(perimeter(cs.lumen), kPi * 12.0f, 0.02f * kPi * 12.0f);
  // Not collapsed (positive transmural pressure): a smaller circle of the same area.
  in.collapsed = false;
  const flow::CrossSection round = flow::crossSection(in);
  EXPECT_NEAR(round.lumenAreaMm2, cs.lumenAreaMm2, 0.02f * cs.lumenAreaMm2);
  EXPECT_FLOAT_EQ(round.semiMajorMm, round.semiMinorMm);
}

TEST(DopplerSection, ClosedVeinShrinksInsideAThickerWall) {
  flow::CrossSectionInput in;
  in.referenceDiameterMm = 6.0f;  // great saphenous vein after ablation
  in.lesion = hemo::Lesion::Closure;
  in.openFraction = 0.0f;
  in.scale = 0.12f;  // Lumen::kMinScale
  const flow::CrossSection cs = flow::crossSection(in);
  flow::CrossSectionInput normal;
  normal.referenceDiameterMm = 6.0f;
  const flow::CrossSection before = flow::crossSection(normal);
  EXPECT_LT(cs.lumenAreaMm2, 0.02f * cs.referenceAreaMm2);
  EXPECT_GT(cs.wallThicknessMm, 2.0f * before.wallThicknessMm);
  // The wall keeps its cross-sectional area.
  EXPECT_NEAR(cs.outerAreaMm2 - cs.lumenAreaMm2, before.outerAreaMm2 - before.lumenAreaMm2,
              0.03f * (before.outerAreaMm2 - before.lumenAreaMm2));
}
