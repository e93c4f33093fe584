// Hemodynamic engine tests: physical invariants and API behaviour (engine.md §3.3-3.5, §5).
// The engine's parameters are being tuned: these tests check conservation, hydrostatics, valve
// behaviour, robustness and a few robust physiological directions, never exact numbers. Where a
// physiological range is asserted it is a published one from physiology.md §13.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "anatomy/centerline.h"
#include "core/error.h"
#include "hemo/drivers.h"
#include "hemo/engine.h"
#include "hemo/network.h"
#include "hemo/params.h"
#include "hemo/scenario.h"
#include "hemo/tube_law.h"
#include "io/scene.h"

using namespace venaviz;
using namespace venaviz::hemo;

namespace {

constexpr double kDt = 1.0 / 240.0;  // the app's step

const Anatomy& atlas() {
  static const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return scene.anatomy;
}

Vessel makeVein(const std::string& id, std::vector<Vec3> points, float radius, const std::string& drainsInto,
                float drainsAt = 0.0f) {
  Vessel v;
  v.id = id;
  v.name = id;
  v.system = VesselSystem::Deep;
  v.region = Region::Leg;
  v.drainsInto = drainsInto;
  v.drainsAt = drainsAt;
  v.radii.assign(points.size(), radius);
  v.points = std::move(points);
  return v;
}

/// A straight vertical vein 1 m long (body frame z 0..100 cm) draining into the right atrium at
/// its top; optionally one valve at `valveAt`.
Anatomy verticalVein(bool withValve, float valveAt = 0.5f) {
  Anatomy a;
  a.vessels.push_back(makeVein("test_vein", {{0, 0, 0}, {0, 0, 50}, {0, 0, 100}}, 0.4f, "right_atrium"));
  a.landmarks.push_back({"right_atrium_centre", "Right atrium", {0, 0, 100}});
  if (withValve) a.valves.push_back({"test_vein.v1", "Test valve", "test_vein", valveAt});
  return a;
}

/// A 30 cm vein with one valve in the middle, level when supine (all at the same height).
Anatomy shortValvedVein() {
  Anatomy a;
  a.vessels.push_back(makeVein("test_vein", {{0, 0, 0}, {0, 0, 15}, {0, 0, 30}}, 0.4f, "right_atrium"));
  a.landmarks.push_back({"right_atrium_centre", "Right atrium", {0, 0, 30}});
  a.valves.push_back({"test_vein.v1", "Test valve", "test_vein", 0.5f});
  return a;
}

/// Two branches joining a trunk (a Y), the trunk draining into the right atrium, one valve in the trunk.
Anatomy yJunction() {
  Anatomy a;
  a.vessels.push_back(makeVein("trunk_vein", {{0, 0, 60}, {0, 0, 80}, {0, 0, 100}}, 0.6f, "right_atrium"));
  a.vessels.push_back(makeVein("branch_vein_left", {{6, 0, 0}, {4, 0, 30}, {0, 0, 60}}, 0.4f, "trunk_vein", 0.0f));
  a.vessels.push_back(makeVein("branch_vein_right", {{-6, 0, 0}, {-4, 0, 30}, {0, 0, 60}}, 0.4f, "trunk_vein", 0.0f));
  a.landmarks.push_back({"right_atrium_centre", "Right atrium", {0, 0, 100}});
  a.valves.push_back({"trunk_vein.v1", "Trunk valve", "trunk_vein", 0.5f});
  return a;
}

/// Parameters without the right-atrial a/c/v waves (clean pressure differences in small tests).
Params quietParams() {
  Params p;
  p.raWaveA = p.raWaveC = p.raWaveV = 0.0;
  return p;
}

struct NamedAnatomy {
  std::string name;
  const Anatomy* anatomy;
};

std::vector<NamedAnatomy> allAnatomies() {
  static const Anatomy vertical = verticalVein(true, 0.37f), shortVein = shortValvedVein(), y = yJunction();
  return {{"default atlas", &atlas()}, {"vertical vein", &vertical}, {"short vein", &shortVein}, {"Y junction", &y}};
}

int nodeOf(const Engine& e, const Anatomy& a, const char* vessel, float fraction) {
  const int vi = a.vesselIndex(vessel);
  EXPECT_GE(vi, 0) << vessel;
  const int n = e.network().nodeAt(vi, fraction);
  EXPECT_GE(n, 0) << vessel;
  return n;
}

/// Steps for `seconds`, calling `each` after every step.
void run(Engine& e, double seconds, const std::function<void(const StepStats&)>& each = {}) {
  const int steps = static_cast<int>(std::lround(seconds / kDt));
  for (int k = 0; k < steps; ++k) {
    const StepStats s = e.step(kDt);
    if (each) each(s);
  }
}

/// Mean of a quantity sampled after each step over `seconds`.
double meanOver(Engine& e, double seconds, const std::function<double()>& f) {
  double sum = 0.0;
  int count = 0;
  run(e, seconds, [&](const StepStats&) {
    sum += f();
    ++count;
  });
  return sum / std::max(count, 1);
}

/// Puts an engine upright and lets it reach its standing steady state quickly.
void standUp(Engine& e) {
  // A near-instant ramp: settle() rewinds the clock afterwards, and a ramp referenced to the old
  // clock would otherwise replay.
  e.drivers().setPosture(Posture::Standing, 0.0, e.time(), 1e-6);
  e.settle(60.0);
  run(e, 2.0);
}

double pressureMmHg(const Engine& e, int node) {
  return e.pressure(node) / kMmHg;
}

}  // namespace

// ============================================================================================
// Tube law
// ============================================================================================

namespace {
std::vector<TubeLaw> tubeLaws() {
  const Params p;
  return {TubeLaw{},                                                    // struct defaults
          TubeLaw{p.kpVein, p.tubeM, p.tubeN, p.alphaMin, p.alphaMax},  // the engine's
          TubeLaw{5.0 * kMmHg, 8.0, -2.0, 0.05, 2.5}};                  // general exponents
}
}  // namespace

TEST(TubeLaw, ZeroTransmuralPressureAtTheReferenceArea) {
  for (const TubeLaw& t : tubeLaws()) EXPECT_EQ(t.pressure(1.0), 0.0) << "kp " << t.kp << " m " << t.m;
}

TEST(TubeLaw, MonotonicIncreasingAndFiniteFromMinusOneToTen) {
  for (const TubeLaw& t : tubeLaws()) {
    double previous = -std::numeric_limits<double>::infinity();
    for (int k = 0; k <= 11000; ++k) {
      const double a = -1.0 + 0.001 * k;
      const double p = t.pressure(a), s = t.slope(a);
      ASSERT_TRUE(std::isfinite(p)) << "a = " << a;
      ASSERT_TRUE(std::isfinite(s)) << "a = " << a;
      ASSERT_GT(s, 0.0) << "a = " << a;
      ASSERT_GT(p, previous) << "a = " << a;
      previous = p;
    }
    EXPECT_LT(t.pressure(0.5), 0.0);  // collapsed below the reference area
    EXPECT_GT(t.pressure(1.5), 0.0);  // distended above
  }
}

TEST(TubeLaw, ValueAndSlopeContinuousAtTheJoins) {
  for (const TubeLaw& t : tubeLaws()) {
    for (double join : {t.alphaMin, t.alphaMax}) {
      const double eps = 1e-7 * join, s = t.slope(join);
      // Continuity: no jump beyond what the slope itself gives over 2 eps.
      EXPECT_LE(std::abs(t.pressure(join + eps) - t.pressure(join - eps)), 3.0 * eps * s) << "join " << join;
      // C1: slopes either side agree.
      EXPECT_NEAR(t.slope(join + eps), t.slope(join - eps), 1e-4 * s) << "join " << join;
    }
  }
}

TEST(TubeLaw, SlopeIsTheDerivativeOfPressure) {
  for (const TubeLaw& t : tubeLaws()) {
    for (double a : {-0.5, 0.01, 0.1, 0.3, 0.7, 1.0, 1.3, 2.0, 2.9, 4.0, 8.0}) {
      const double h = 1e-6 * std::max(std::abs(a), 0.01);
      const double fd = (t.pressure(a + h) - t.pressure(a - h)) / (2.0 * h);
      EXPECT_NEAR(t.slope(a), fd, 1e-4 * std::abs(fd) + 1e-9) << "a = " << a;
    }
  }
}

// ============================================================================================
// Network construction
// ============================================================================================

TEST(Network, EveryVeinCompartmentBelongsToExactlyOneVessel) {
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    ASSERT_EQ(net.vesselNodes.size(), a->vessels.size());
    std::vector<int> seen(net.nodes.size(), 0);
    for (std::size_t vi = 0; vi < a->vessels.size(); ++vi) {
      const auto& list = net.vesselNodes[vi];
      if (a->vessels[vi].isArtery())
        EXPECT_TRUE(list.empty()) << a->vessels[vi].id << " is an artery";
      else
        EXPECT_FALSE(list.empty()) << a->vessels[vi].id << " has no compartment";
      for (int n : list) {
        ASSERT_GE(n, 0);
        ASSERT_LT(n, static_cast<int>(net.nodes.size()));
        ++seen[static_cast<std::size_t>(n)];
        EXPECT_EQ(net.nodes[static_cast<std::size_t>(n)].vessel, static_cast<int>(vi)) << a->vessels[vi].id;
      }
    }
    for (std::size_t i = 0; i < net.nodes.size(); ++i) {
      const Compartment& c = net.nodes[i];
      if (c.vessel >= 0) {
        EXPECT_EQ(seen[i], 1) << "compartment " << i << " of " << a->vessels[static_cast<std::size_t>(c.vessel)].id;
        EXPECT_FALSE(a->vessels[static_cast<std::size_t>(c.vessel)].isArtery());
      } else {
        EXPECT_EQ(seen[i], 0) << "lumped compartment " << i << " listed under a vessel";
      }
      EXPECT_GT(c.length, 0.0);
      EXPECT_GT(c.area0, 0.0);
      EXPECT_GT(c.kp, 0.0);
    }
  }
}

TEST(Network, CompartmentsTileTheirVeinAndTheirLengthsAddUp) {
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    for (std::size_t vi = 0; vi < a->vessels.size(); ++vi) {
      const auto& list = net.vesselNodes[vi];
      if (list.empty()) continue;
      const Vessel& v = a->vessels[vi];
      const double length = units::cmToM(polylineLength(v.points));
      double sum = 0.0;
      float expectedStart = 0.0f;
      for (int n : list) {
        const Compartment& c = net.nodes[static_cast<std::size_t>(n)];
        EXPECT_FLOAT_EQ(c.fracStart, expectedStart) << v.id;
        EXPECT_GT(c.fracEnd, c.fracStart) << v.id;
        EXPECT_LE(c.length, 2.0 * p.segmentLength + 1e-9) << v.id << ": compartments should be a few cm";
        expectedStart = c.fracEnd;
        sum += c.length;
      }
      EXPECT_FLOAT_EQ(expectedStart, 1.0f) << v.id;
      // A 2 mm floor on very short compartments (between close valves) may add a little.
      EXPECT_NEAR(sum, length, std::max(1e-3 * length, 0.002)) << v.id;
    }
  }
}

TEST(Network, EachValveHasOneValveLinkAcrossItsPosition) {
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    ASSERT_EQ(net.valves.size(), a->valves.size());
    std::vector<int> linksPerValve(a->valves.size(), 0);
    for (const Link& l : net.links) {
      if (l.kind != LinkKind::Valve) {
        EXPECT_EQ(l.valve, -1);
        continue;
      }
      ASSERT_GE(l.valve, 0);
      ASSERT_LT(l.valve, static_cast<int>(a->valves.size()));
      ++linksPerValve[static_cast<std::size_t>(l.valve)];
    }
    for (std::size_t k = 0; k < a->valves.size(); ++k) {
      const Valve& valve = a->valves[k];
      SCOPED_TRACE(valve.id);
      EXPECT_EQ(linksPerValve[k], 1);
      const ValveSite& site = net.valves[k];
      EXPECT_EQ(site.anatomyValve, static_cast<int>(k));
      ASSERT_GE(site.link, 0);
      const Link& l = net.links[static_cast<std::size_t>(site.link)];
      EXPECT_EQ(l.kind, LinkKind::Valve);
      EXPECT_EQ(l.valve, static_cast<int>(k));
      EXPECT_GT(site.annulus, 0.0);
      EXPECT_GT(site.lengthEff, 0.0);
      ASSERT_GE(l.a, 0);
      ASSERT_GE(l.b, 0);
      const int vi = a->vesselIndex(valve.vessel);
      const Compartment& below = net.nodes[static_cast<std::size_t>(l.a)];
      const Compartment& above = net.nodes[static_cast<std::size_t>(l.b)];
      EXPECT_EQ(below.vessel, vi);
      EXPECT_EQ(above.vessel, vi);
      // Upstream compartment ends and downstream one starts at the valve.
      EXPECT_NEAR(below.fracEnd, valve.at, 1e-5f);
      EXPECT_NEAR(above.fracStart, valve.at, 1e-5f);
      EXPECT_LT(below.fracStart, valve.at);
      EXPECT_GT(above.fracEnd, valve.at);
    }
  }
}

TEST(Network, EveryCompartmentReachesTheAtrium) {
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    const int n = static_cast<int>(net.nodes.size());
    std::vector<std::vector<int>> into(net.nodes.size());  // reversed edges
    std::vector<int> queue;
    int atriumLinks = 0;
    for (const Link& l : net.links) {
      ASSERT_GE(l.a, 0);
      ASSERT_LT(l.a, n);
      ASSERT_TRUE(l.b == kAtriumNode || (l.b >= 0 && l.b < n));
      EXPECT_NE(l.a, l.b);
      EXPECT_GT(l.length, 0.0);
      if (l.b == kAtriumNode) {
        ++atriumLinks;
        queue.push_back(l.a);
      } else {
        into[static_cast<std::size_t>(l.b)].push_back(l.a);
      }
    }
    int expectedAtrium = 0;
    for (const Vessel& v : a->vessels) expectedAtrium += v.drainsInto == kRightAtrium ? 1 : 0;
    EXPECT_EQ(atriumLinks, expectedAtrium);
    std::vector<char> reaches(net.nodes.size(), 0);
    for (int q : queue) reaches[static_cast<std::size_t>(q)] = 1;
    while (!queue.empty()) {
      const int i = queue.back();
      queue.pop_back();
      for (int up : into[static_cast<std::size_t>(i)])
        if (!reaches[static_cast<std::size_t>(up)]) {
          reaches[static_cast<std::size_t>(up)] = 1;
          queue.push_back(up);
        }
    }
    for (std::size_t i = 0; i < net.nodes.size(); ++i) {
      const int vi = net.nodes[i].vessel;
      EXPECT_TRUE(reaches[i]) << "compartment " << i << " ("
                              << (vi >= 0 ? a->vessels[static_cast<std::size_t>(vi)].id : std::string("lumped"))
                              << ") has no path to the right atrium";
    }
  }
}

TEST(Network, EveryVeinIsFedAtItsStart) {
  // A vein whose first compartment receives neither a link nor a capillary bed is a dead end:
  // it can hold blood but never carry flow. Perforators must connect a superficial vein to a
  // deep one, and collaterals must join the veins they bypass.
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    std::vector<int> fed(net.nodes.size(), 0);
    for (const Link& l : net.links)
      if (l.b >= 0) ++fed[static_cast<std::size_t>(l.b)];
    for (const Bed& b : net.beds) ++fed[static_cast<std::size_t>(b.node)];
    for (std::size_t vi = 0; vi < a->vessels.size(); ++vi) {
      const auto& list = net.vesselNodes[vi];
      if (list.empty()) continue;
      EXPECT_GT(fed[static_cast<std::size_t>(list.front())], 0)
          << a->vessels[vi].id << " (" << toString(a->vessels[vi].system) << ") receives no inflow at its start";
    }
  }
}

TEST(Network, EveryPeripheralVeinHasACapillaryBed) {
  // A vein that no other vein continues into at its start (no tributary draining at fraction ~0)
  // drains a capillary region: its start must receive a bed, directly or through a lumped
  // small-vein compartment. Tributaries joining further along do not count (they bring their
  // own region's blood). Perforators and collaterals connect veins instead.
  const Params p;
  for (const auto& [name, a] : allAnatomies()) {
    SCOPED_TRACE(name);
    const Network net = buildNetwork(*a, p);
    std::vector<char> hasBed(net.nodes.size(), 0);
    for (const Bed& b : net.beds) hasBed[static_cast<std::size_t>(b.node)] = 1;
    for (std::size_t vi = 0; vi < a->vessels.size(); ++vi) {
      const Vessel& v = a->vessels[vi];
      const auto& list = net.vesselNodes[vi];
      if (list.empty() || v.system == VesselSystem::Perforator || v.system == VesselSystem::Collateral) continue;
      bool continued = false;
      for (const Vessel& w : a->vessels) continued = continued || (w.drainsInto == v.id && w.drainsAt <= 0.02f);
      if (continued) continue;
      const int first = list.front();
      bool fed = hasBed[static_cast<std::size_t>(first)] != 0;
      for (const Link& l : net.links) {
        if (l.b != first) continue;
        const Compartment& from = net.nodes[static_cast<std::size_t>(l.a)];
        if (from.vessel < 0) fed = true;  // lumped small veins (or the cerebral sinus)
        // A vein leaving another one at its start (an origin, not a tributary of v) also feeds it.
        else if (a->vessels[static_cast<std::size_t>(from.vessel)].drainsInto != v.id)
          fed = true;
      }
      EXPECT_TRUE(fed) << v.id << ": nothing drains into its start and it has no capillary bed";
    }
  }
}

TEST(Network, CapillaryBedsFeedTheRegionsWithTheirRestingFlows) {
  const Params p;
  const Anatomy& a = atlas();
  const Network net = buildNetwork(a, p);
  ASSERT_FALSE(net.beds.empty());
  std::map<std::string, double> target;  // mL/min
  for (const Bed& b : net.beds) {
    ASSERT_GE(b.node, 0);
    ASSERT_LT(b.node, static_cast<int>(net.nodes.size()));
    EXPECT_GT(b.targetFlow, 0.0) << b.region;
    EXPECT_GE(b.resistance, 0.0) << b.region;
    target[b.region] += units::m3PerSToMlPerMin(b.targetFlow);
  }
  for (const char* region : {"leg_left", "leg_right", "brain", "kidney", "liver", "arm"})
    EXPECT_GT(target[region], 0.0) << "no capillary bed for " << region;
  // Symmetric legs; each leg's arterial inflow in the published CFV range (physiology.md §13.1:
  // 280-350 mL/min), and legs + pelvis in the infrarenal IVC range (1.2 +- 0.5 L/min).
  EXPECT_NEAR(target["leg_left"], target["leg_right"], 1e-6);
  EXPECT_GE(target["leg_left"], 280.0);
  EXPECT_LE(target["leg_left"], 350.0);
  const double infrarenal = target["leg_left"] + target["leg_right"] + target["pelvis"];
  EXPECT_GE(infrarenal, 700.0);
  EXPECT_LE(infrarenal, 1700.0);
  // The brain's inflow is autoregulated: a fixed flow into the cranial compartment.
  for (const Bed& b : net.beds)
    if (b.region == "brain") {
      EXPECT_EQ(b.resistance, 0.0);
      EXPECT_EQ(net.nodes[static_cast<std::size_t>(b.node)].group, ExtGroup::Cranial);
    }

  // At supine rest the beds deliver close to their targets (the resistances are sized for it).
  Engine e(a);
  std::map<std::string, double> delivered;
  const double seconds = 4.0;
  run(e, seconds, [&](const StepStats&) {
    for (std::size_t b = 0; b < e.network().beds.size(); ++b)
      delivered[e.network().beds[b].region] += units::m3PerSToMlPerMin(e.bedFlow(static_cast<int>(b))) * kDt / seconds;
  });
  for (const auto& [region, q] : target) EXPECT_NEAR(delivered[region], q, 0.15 * q) << region;
}

// ============================================================================================
// Conservation, determinism
// ============================================================================================

TEST(HemoEngine, BloodIsConservedExactly) {
  const Anatomy& a = atlas();
  Engine e(a);
  // A fistula adds a second kind of inflow to the bookkeeping.
  applyCondition(e, a, Condition{"av_fistula", "femoral_vein_right", 0.5, 0.5, 1.0, 0.0});
  const double v0 = e.totalVolume(), in0 = e.cumulativeInflow(), out0 = e.cumulativeOutflow();
  DriverSettings& d = e.drivers().settings();
  d.breathing = true;
  double worst = 0.0;
  const int steps = static_cast<int>(20.0 / kDt);
  for (int k = 0; k < steps; ++k) {
    const double t = k * kDt;
    if (k == static_cast<int>(1.0 / kDt)) e.drivers().setPosture(Posture::Standing, 0.0, e.time());  // 2 s ramp
    if (k == static_cast<int>(6.0 / kDt)) {
      d.activity = Activity::Tiptoe;
      d.activityStart = e.time();
      d.tiptoeCount = 6;
    }
    if (k == static_cast<int>(13.0 / kDt)) {
      d.valsalvaStart = e.time();
      d.valsalvaDuration = 3.0;
    }
    if (k == static_cast<int>(17.0 / kDt)) e.drivers().setPosture(Posture::Supine, 0.0, e.time(), 1.0);
    e.step(kDt);
    const double change = e.totalVolume() - v0;
    const double balance = (e.cumulativeInflow() - in0) - (e.cumulativeOutflow() - out0);
    const double err = std::abs(change - balance) / e.totalVolume();
    worst = std::max(worst, err);
    if (err > 1e-9)
      FAIL() << "t = " << t << ": volume change " << change * 1e6 << " mL vs inflow - outflow " << balance * 1e6
             << " mL (relative error " << err << ")";
  }
  EXPECT_LE(worst, 1e-9);
  // Sanity: blood did flow in and out (the bookkeeping was exercised).
  EXPECT_GT(e.cumulativeInflow() - in0, 100e-6);
  EXPECT_GT(e.cumulativeOutflow() - out0, 100e-6);
}

TEST(HemoEngine, IdenticalRunsGiveBitIdenticalResults) {
  const Anatomy& a = atlas();
  Engine e1(a), e2(a);
  for (Engine* e : {&e1, &e2}) {
    applyCondition(*e, a, Condition{"valve_incompetence", "left_gsv", 0.7, 0.0, 1.0, 0.0});
    e->drivers().setPosture(Posture::Standing, 0.0, e->time(), 0.5);
  }
  for (int k = 0; k < static_cast<int>(3.0 / kDt); ++k) {
    for (Engine* e : {&e1, &e2}) {
      if (k == 240) {
        e->drivers().settings().activity = Activity::Walking;
        e->drivers().settings().activityStart = e->time();
      }
      if (k == 480) applyCondition(*e, a, Condition{"may_thurner", "", 0.8, 0.0, 1.0, 0.0});
      if (k == 600) e->drivers().settings().cuffStart = e->time();
      e->step(kDt);
    }
  }
  const std::size_t n = e1.network().nodes.size(), m = e1.network().links.size();
  int differ = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double p1 = e1.pressure(static_cast<int>(i)), p2 = e2.pressure(static_cast<int>(i));
    const double v1 = e1.volume(static_cast<int>(i)), v2 = e2.volume(static_cast<int>(i));
    differ += std::memcmp(&p1, &p2, sizeof p1) != 0 || std::memcmp(&v1, &v2, sizeof v1) != 0;
  }
  for (std::size_t j = 0; j < m; ++j) {
    const double q1 = e1.linkFlow(static_cast<int>(j)), q2 = e2.linkFlow(static_cast<int>(j));
    differ += std::memcmp(&q1, &q2, sizeof q1) != 0;
  }
  for (std::size_t k = 0; k < e1.network().valves.size(); ++k)
    differ += e1.valveOpening(static_cast<int>(k)) != e2.valveOpening(static_cast<int>(k));
  EXPECT_EQ(differ, 0);
  EXPECT_EQ(e1.totalVolume(), e2.totalVolume());
}

TEST(HemoEngine, SettleKeepsThePostureItReached) {
  // settle() is the quick way to a steady state after a change; afterwards the engine should
  // carry on from that state, not replay a posture ramp that had already finished.
  const Anatomy& a = atlas();
  Engine e(a);
  const int ankle = nodeOf(e, a, "great_saphenous_vein_left", 0.06f);
  e.drivers().setPosture(Posture::Standing, 0.0, e.time());  // the default 2 s ramp
  e.settle(60.0);
  const double settled = e.node(ankle).pressureMmHg;
  EXPECT_GT(settled, 60.0) << "settle() should reach the standing state";
  double lowest = settled;
  run(e, 3.0, [&](const StepStats&) { lowest = std::min(lowest, e.node(ankle).pressureMmHg); });
  EXPECT_GT(lowest, settled - 10.0) << "ankle pressure fell from " << settled << " to " << lowest
                                    << " mmHg after settle(): the posture ramp replayed";
}

// ============================================================================================
// Hydrostatics, steady flow
// ============================================================================================

namespace {
/// Spread (max - min) of p + rho g h over all compartments, mmHg.
double headSpreadMmHg(const Engine& e) {
  double lo = 1e300, hi = -1e300;
  for (std::size_t i = 0; i < e.network().nodes.size(); ++i) {
    const double h = e.drivers().height(e.network().nodes[i].center, e.time());
    const double head = e.pressure(static_cast<int>(i)) + e.params().rho * e.params().gravity * h;
    lo = std::min(lo, head);
    hi = std::max(hi, head);
  }
  return (hi - lo) / kMmHg;
}
double pressureSpreadMmHg(const Engine& e) {
  double lo = 1e300, hi = -1e300;
  for (std::size_t i = 0; i < e.network().nodes.size(); ++i) {
    lo = std::min(lo, e.pressure(static_cast<int>(i)));
    hi = std::max(hi, e.pressure(static_cast<int>(i)));
  }
  return (hi - lo) / kMmHg;
}
}  // namespace

TEST(HemoEngine, StillColumnIsHydrostatic) {
  // An open column with no inflow: standing, p + rho g h is the same everywhere; supine
  // (everything at one height) the pressure is uniform.
  Params p = quietParams();
  p.raMean = 10.0 * kMmHg;  // keeps the top of the column open when upright
  p.thoracicUprightShift = 0.0;
  const Anatomy a = verticalVein(false);
  Engine e(a, p);
  e.drivers().settings().breathing = false;
  for (double& s : e.conditions().bedScale) s = 0.0;
  ASSERT_GT(e.network().nodes.size(), 20u);
  run(e, 10.0);
  EXPECT_LT(pressureSpreadMmHg(e), 0.02);

  e.drivers().setPosture(Posture::Standing, 0.0, e.time());
  run(e, 25.0);
  EXPECT_LT(headSpreadMmHg(e), 0.05);
  // And the column really is loaded: the bottom is a metre of blood (~78 mmHg) above the top.
  const int bottom = e.network().vesselNodes[0].front(), top = e.network().vesselNodes[0].back();
  EXPECT_GT(pressureMmHg(e, bottom) - pressureMmHg(e, top), 60.0);
  for (std::size_t i = 0; i < e.network().nodes.size(); ++i)
    EXPECT_GT(e.areaRatio(static_cast<int>(i)), 0.5) << "column should stay open at compartment " << i;

  e.drivers().setPosture(Posture::Supine, 0.0, e.time());
  run(e, 25.0);
  EXPECT_LT(pressureSpreadMmHg(e), 0.05);
}

TEST(HemoEngine, SteadyFlowDropsPressureLikePoiseuille) {
  // A level, open vein with its bed's steady inflow: the same flow in every link, and a
  // pressure drop per link of 8 pi mu l Q / A^2 (distended lumen: no collapse correction).
  const Params p = quietParams();
  Anatomy a;
  a.vessels.push_back(makeVein("test_vein", {{0, 0, 0}, {0, 0, 20}, {0, 0, 40}}, 0.25f, "right_atrium"));
  a.landmarks.push_back({"right_atrium_centre", "Right atrium", {0, 0, 40}});
  Engine e(a, p);
  e.drivers().settings().breathing = false;
  run(e, 20.0);
  const Network& net = e.network();
  ASSERT_EQ(net.beds.size(), 1u);
  const double q = e.bedFlow(0);
  ASSERT_GT(q, 0.0);
  int checked = 0;
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const Link& l = net.links[j];
    EXPECT_NEAR(e.linkFlow(static_cast<int>(j)), q, 1e-3 * q) << "link " << j;
    if (l.kind != LinkKind::Vessel || l.b < 0) continue;
    const double aA = e.areaRatio(l.a), aB = e.areaRatio(l.b);
    ASSERT_GT(std::min(aA, aB), 1.0) << "the test needs an open, distended vein";
    const double Aa = aA * net.nodes[static_cast<std::size_t>(l.a)].area0;
    const double Ab = aB * net.nodes[static_cast<std::size_t>(l.b)].area0;
    const double A = std::sqrt(Aa * Ab);
    const double expected = 8.0 * kPi * p.mu * l.length * q / (A * A);
    const double drop = e.pressure(l.a) - e.pressure(l.b);
    EXPECT_GT(drop, 0.0) << "link " << j;
    EXPECT_NEAR(drop / expected, 1.0, 0.25) << "link " << j;
    ++checked;
  }
  EXPECT_GT(checked, 5);
}

TEST(HemoEngine, JunctionFlowsAddUp) {
  const Params p = quietParams();
  const Anatomy a = yJunction();
  Engine e(a, p);
  e.drivers().settings().breathing = false;
  run(e, 20.0);
  const Network& net = e.network();
  const int trunk = a.vesselIndex("trunk_vein");
  const int confluence = net.vesselNodes[static_cast<std::size_t>(trunk)].front();
  double in = 0.0, out = 0.0;
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    if (net.links[j].b == confluence) in += e.linkFlow(static_cast<int>(j));
    if (net.links[j].a == confluence) out += e.linkFlow(static_cast<int>(j));
  }
  double beds = 0.0;
  for (std::size_t b = 0; b < net.beds.size(); ++b) beds += e.bedFlow(static_cast<int>(b));
  ASSERT_GT(beds, 0.0);
  EXPECT_NEAR(in, out, 1e-3 * beds);
  EXPECT_NEAR(out, beds, 1e-2 * beds);  // steady state: everything the beds deliver passes the trunk
}

// ============================================================================================
// Valves
// ============================================================================================

namespace {
/// Reverse volume (m^3) through the valve of a vertical vein without inflow, on standing up.
double refluxOnStanding(double regurgitant, double* finalZeta) {
  const Anatomy a = verticalVein(true, 0.5f);
  Engine e(a, quietParams());
  e.drivers().settings().breathing = false;
  for (double& s : e.conditions().bedScale) s = 0.0;
  e.conditions().valveRegurgitant[0] = regurgitant;
  run(e, 2.0);
  const int link = e.network().valves[0].link;
  e.drivers().setPosture(Posture::Standing, 0.0, e.time());
  double reverse = 0.0;
  run(e, 6.0, [&](const StepStats&) {
    const double z = e.valveOpening(0);
    EXPECT_TRUE(z >= 0.0 && z <= 1.0) << "zeta " << z;
    reverse += std::max(0.0, -e.linkFlow(link)) * kDt;
  });
  *finalZeta = e.valveOpening(0);
  return reverse;
}
}  // namespace

TEST(HemoEngine, CompetentValveStopsReflux) {
  double zetaCompetent = 0.0, zetaAbsent = 0.0;
  const double competent = refluxOnStanding(0.0, &zetaCompetent);
  const double absent = refluxOnStanding(1.0, &zetaAbsent);
  std::printf("[ figures  ] reflux on standing: competent %.3f mL, absent %.3f mL\n", competent * 1e6, absent * 1e6);
  EXPECT_GT(absent, 1e-6) << "standing up should drive blood down through an absent valve";
  EXPECT_LT(competent, 0.05 * absent) << "competent " << competent * 1e6 << " mL vs absent " << absent * 1e6 << " mL";
  EXPECT_LT(zetaCompetent, 0.1) << "a competent valve holding a column should be closed";
}

TEST(HemoEngine, ValveClosesOnReversePressureAndReopensWithForwardFlow) {
  // A level vein with its bed's inflow; a Valsalva raises the atrial pressure by ~35 mmHg.
  const Anatomy a = shortValvedVein();
  Engine e(a, quietParams());
  e.drivers().settings().breathing = false;
  const int link = e.network().valves[0].link;
  const Link& l = e.network().links[static_cast<std::size_t>(link)];
  auto dp = [&] { return e.pressure(l.a) - e.pressure(l.b); };  // level: no hydrostatic term
  auto checkZeta = [&](const StepStats&) {
    const double z = e.valveOpening(0);
    ASSERT_TRUE(z >= 0.0 && z <= 1.0) << "zeta " << z << " at t = " << e.time();
  };
  run(e, 2.0, checkZeta);
  EXPECT_GT(e.linkFlow(link), 0.0) << "forward flow at rest";
  EXPECT_GT(e.valveOpening(0), 0.9) << "forward flow keeps the valve open";

  const double start = e.time();
  e.drivers().settings().valsalvaStart = start;
  e.drivers().settings().valsalvaDuration = 3.0;
  double reversedAt = -1.0, closedAt = -1.0;
  bool sustained = true;
  run(e, 1.5, [&](const StepStats& s) {
    checkZeta(s);
    if (closedAt >= 0.0) return;
    if (dp() < 0.0 && reversedAt < 0.0) reversedAt = e.time();
    if (reversedAt >= 0.0 && dp() >= 0.0) sustained = false;
    if (reversedAt >= 0.0 && e.valveOpening(0) < 0.1) closedAt = e.time();
  });
  ASSERT_GE(reversedAt, 0.0) << "the Valsalva never reversed the pressure across the valve";
  ASSERT_TRUE(sustained) << "the reverse pressure did not last until the valve closed";
  ASSERT_GE(closedAt, 0.0) << "the valve never closed";
  std::printf("[ figures  ] valve closed %.3f s after the pressure reversed\n", closedAt - reversedAt);
  EXPECT_LE(closedAt - reversedAt, 0.5) << "closing took too long";

  // Release: forward flow reopens it.
  run(e, start + 3.0 + 0.5 - e.time(), checkZeta);
  double forward = 0.0;
  run(e, 2.0, [&](const StepStats& s) {
    checkZeta(s);
    forward += e.linkFlow(link) * kDt;
  });
  EXPECT_GT(forward, 0.0);
  EXPECT_GT(e.valveOpening(0), 0.5) << "valve should reopen with forward flow";
}

// ============================================================================================
// Robustness: every condition kind, posture, activity and manoeuvre
// ============================================================================================

namespace {
/// A plausible condition of each kind on the default atlas at a severity in [0, 1] (scaled to
/// each kind's own maximum).
Condition conditionFor(const std::string& kind, double s) {
  Condition c;
  c.kind = kind;
  c.severity = s;
  if (kind == "valve_incompetence")
    c.target = "left_gsv";
  else if (kind == "absent_valves")
    c.target = "deep_left";
  else if (kind == "valve_repair")
    c.target = "all";
  else if (kind == "thrombus" || kind == "thrombus_removal")
    c.target = "femoral_vein_left", c.from = 0.2, c.to = 0.7;
  else if (kind == "post_thrombotic")
    c.target = "popliteal_vein_left";
  else if (kind == "may_thurner" || kind == "iliac_stent")
    c.severity = 0.95 * s;
  else if (kind == "compression")
    c.target = "external_iliac_vein_right", c.from = 0.3, c.to = 0.6;
  else if (kind == "jugular_stenosis")
    c.target = "internal_jugular_vein_right";
  else if (kind == "azygos_stenosis")
    c.target = "";
  else if (kind == "collateral_development")
    c.target = "";
  else if (kind == "raised_abdominal_pressure")
    c.pressureMmHg = 40.0 * s;
  else if (kind == "tight_clothing")
    c.target = "waist", c.pressureMmHg = 80.0 * s;
  else if (kind == "stockings")
    c.target = "both", c.pressureMmHg = 60.0 * s;
  else if (kind == "ablation")
    c.target = "great_saphenous_vein_left", c.from = 0.1, c.to = 0.9;
  else if (kind == "perforator_ligation")
    c.target = "perforators";
  else if (kind == "av_fistula")
    c.target = "femoral_vein_right", c.from = 0.5;
  else if (kind == "budd_chiari")
    c.target = "combined", c.days = 30.0;
  else if (kind == "anticoagulation")
    c.target = "all", c.days = 60.0;
  else if (kind == "venoplasty")
    c.target = "hepatic_vein_right";
  else if (kind == "tips" || kind == "palma_bypass")
    ;
  else
    c.kind.clear();  // unknown to this test
  return c;
}
}  // namespace

TEST(HemoEngine, SurvivesEveryConditionPostureActivityAndManoeuvre) {
  // One engine per condition kind, its severity stepped 0 -> 0.5 -> max like a slider, each
  // stage 5 s at the app's step under a rotating posture, activity and manoeuvre (segments
  // 0-19 cover every posture x activity pair).
  const Anatomy& a = atlas();
  const Posture postures[] = {Posture::Supine, Posture::Standing, Posture::Sitting, Posture::LegsElevated,
                              Posture::Tilt};
  const Activity activities[] = {Activity::Still, Activity::Walking, Activity::Tiptoe, Activity::AnklePumps};
  int segment = 0, worstIterations = 0, cappedSteps = 0;
  double worstResidual = 0.0;
  std::string worstWhere;
  for (const auto& [kind, description] : conditionKinds()) {
    SCOPED_TRACE(kind);
    ASSERT_FALSE(conditionFor(kind, 1.0).kind.empty()) << "condition kind \"" << kind << "\" has no case in this test";
    Engine e(a);
    for (double severity : {0.0, 0.5, 1.0}) {
      SCOPED_TRACE("severity " + std::to_string(severity));
      ASSERT_NO_THROW(applyCondition(e, a, conditionFor(kind, severity)));
      const Posture posture = postures[segment % 5];
      const Activity activity = activities[(segment / 5) % 4];
      const int manoeuvre = segment % 4;  // none, Valsalva, calf squeeze, cuff
      const std::string where = kind + " " + std::to_string(severity).substr(0, 3) + ", " +
                                std::string(toString(posture)) + ", " + std::string(toString(activity)) +
                                ", manoeuvre " + std::to_string(manoeuvre);
      SCOPED_TRACE(where);
      DriverSettings& d = e.drivers().settings();
      e.drivers().setPosture(posture, segment % 2 ? 60.0 : -15.0, e.time(), 1.0);
      d.activity = activity;
      d.activityStart = e.time() + 0.5;
      d.tiptoeCount = 4;
      d.valsalvaStart = manoeuvre == 1 ? e.time() + 1.0 : -1.0;
      d.valsalvaDuration = 2.0;
      d.squeezeStart = manoeuvre == 2 ? e.time() + 1.0 : -1.0;
      d.squeezeSide = segment % 2 ? 1 : -1;
      d.cuffStart = manoeuvre == 3 ? e.time() + 1.0 : -1.0;
      d.cuffSide = segment % 2 ? -1 : 1;
      bool ok = true;
      run(e, 5.0, [&](const StepStats& s) {
        if (!ok) return;
        worstIterations = std::max(worstIterations, s.newtonIterations);
        cappedSteps += s.newtonIterations >= 12 ? 1 : 0;
        if (s.massResidualMl > worstResidual) {
          worstResidual = s.massResidualMl;
          worstWhere = where;
        }
        if (!s.linearlyImplicit && !(s.massResidualMl < 1e-3)) {
          ADD_FAILURE() << "t = " << e.time() << ": Newton mass residual " << s.massResidualMl << " mL after "
                        << s.newtonIterations << " iterations";
          ok = false;
        }
        for (std::size_t i = 0; i < e.network().nodes.size() && ok; ++i) {
          const double p = e.pressure(static_cast<int>(i)), v = e.volume(static_cast<int>(i));
          if (!std::isfinite(p) || !std::isfinite(v) || !(v > 0.0)) {
            ADD_FAILURE() << "t = " << e.time() << ": compartment " << i << " p = " << p << " Pa, V = " << v << " m^3";
            ok = false;
          }
        }
        for (std::size_t k = 0; k < e.network().valves.size() && ok; ++k) {
          const double z = e.valveOpening(static_cast<int>(k));
          if (!(z >= 0.0 && z <= 1.0)) {
            ADD_FAILURE() << "t = " << e.time() << ": valve " << a.valves[k].id << " zeta = " << z;
            ok = false;
          }
        }
        for (std::size_t j = 0; j < e.network().links.size() && ok; ++j)
          if (!std::isfinite(e.linkFlow(static_cast<int>(j)))) {
            ADD_FAILURE() << "t = " << e.time() << ": link " << j << " flow is not finite";
            ok = false;
          }
      });
      ++segment;
      if (!ok) break;
    }
  }
  std::printf(
      "[ figures  ] %d segments; worst Newton iterations %d (%d steps at 12 or more); worst mass residual %.3g mL "
      "(%s)\n",
      segment, worstIterations, cappedSteps, worstResidual, worstWhere.c_str());
  RecordProperty("worst_newton_iterations", worstIterations);
  RecordProperty("worst_mass_residual_ml", std::to_string(worstResidual));
}

TEST(HemoScenario, BadConditionsAreRejectedWithAMessage) {
  const Anatomy a = yJunction();
  Engine e(a, quietParams());
  EXPECT_THROW(applyCondition(e, a, Condition{"no_such_condition", "", 1.0, 0.0, 1.0, 0.0}), Error);
  EXPECT_THROW(applyCondition(e, a, Condition{"valve_incompetence", "all", 1.5, 0.0, 1.0, 0.0}), Error);
  EXPECT_THROW(applyCondition(e, a, Condition{"valve_incompetence", "no_such_vein", 0.5, 0.0, 1.0, 0.0}), Error);
  EXPECT_THROW(applyCondition(e, a, Condition{"thrombus", "trunk_vein", 0.5, 0.8, 0.2, 0.0}), Error);
  EXPECT_THROW(applyCondition(e, a, Condition{"stockings", "both", 0.0, 0.0, 1.0, 500.0}), Error);
  try {
    applyCondition(e, a, Condition{"no_such_condition", "", 1.0, 0.0, 1.0, 0.0});
  } catch (const Error& err) {
    // The message lists the valid kinds.
    EXPECT_NE(std::string(err.what()).find("valve_incompetence"), std::string::npos) << err.what();
  }
  // Nothing was changed by the rejected conditions.
  for (double r : e.conditions().valveRegurgitant) EXPECT_EQ(r, 0.0);
  for (double k : e.conditions().linkArea) EXPECT_EQ(k, 1.0);
}

TEST(HemoScenario, ValveGroupsSelectTheRightValves) {
  const Anatomy& a = atlas();
  const std::vector<int> gsv = selectValves(a, "left_gsv");
  ASSERT_FALSE(gsv.empty());
  for (int k : gsv) EXPECT_EQ(a.valves[static_cast<std::size_t>(k)].vessel, "great_saphenous_vein_left");
  const std::vector<int> all = selectValves(a, "all");
  EXPECT_EQ(all.size(), a.valves.size());
  for (int k : selectValves(a, "deep_right")) {
    const Vessel* v = a.findVessel(a.valves[static_cast<std::size_t>(k)].vessel);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->system, VesselSystem::Deep);
    EXPECT_TRUE(v->id.ends_with("_right")) << v->id;
  }
  EXPECT_THROW(selectValves(a, "no_such_group"), Error);
}

TEST(HemoDrivers, PostureRampIsSmoothAndEndsAtTheNewPosture) {
  const Params p;
  Drivers d(p);
  const Vec3 ankle{5.0f, -8.0f, 7.0f};
  EXPECT_NEAR(d.height(ankle, 0.0), heightIn(Posture::Supine, 0.0, ankle), 1e-12);
  d.setPosture(Posture::Standing, 0.0, 1.0, 2.0);
  double previous = d.postureBlend(1.0);
  EXPECT_NEAR(previous, 0.0, 1e-12);
  for (double t = 1.0; t <= 3.5; t += 0.01) {
    const double w = d.postureBlend(t);
    EXPECT_GE(w, previous - 1e-12);
    EXPECT_LE(w - previous, 0.02) << "blend jumps at t = " << t;
    previous = w;
  }
  EXPECT_NEAR(d.postureBlend(3.5), 1.0, 1e-12);
  EXPECT_NEAR(d.height(ankle, 3.5), units::cmToM(7.0), 1e-9);
  EXPECT_NEAR(d.at(3.5).uprightness, 1.0, 1e-12);
  for (Posture q : {Posture::Supine, Posture::Standing, Posture::Sitting, Posture::LegsElevated, Posture::Tilt})
    EXPECT_EQ(parsePosture(toString(q)), q);
  for (Activity q : {Activity::Still, Activity::Walking, Activity::Tiptoe, Activity::AnklePumps})
    EXPECT_EQ(parseActivity(toString(q)), q);
  EXPECT_FALSE(parsePosture("upside_down").has_value());
}

// ============================================================================================
// Physiology smoke checks on the default atlas (directions, and §13 ranges the engine meets)
// ============================================================================================

TEST(HemoPhysiology, SupineRestIsInThePublishedRanges) {
  // physiology.md §13.1: ankle 4-10 mmHg, CFV 280-350 mL/min, infrarenal IVC 1.2 +- 0.5 L/min,
  // mean RAP 3 (1-5) mmHg.
  const Anatomy& a = atlas();
  Engine e(a);
  const int ankle = nodeOf(e, a, "great_saphenous_vein_left", 0.06f);
  const int cfv = nodeOf(e, a, "common_femoral_vein_left", 0.5f);
  const int ivc = nodeOf(e, a, "inferior_vena_cava", 0.2f);
  double pAnkle = 0.0, qCfv = 0.0, qIvc = 0.0, pRa = 0.0;
  const double seconds = 10.0;  // two breaths
  run(e, seconds, [&](const StepStats&) {
    pAnkle += e.node(ankle).pressureMmHg * kDt / seconds;
    qCfv += e.node(cfv).flowMlS * 60.0 * kDt / seconds;
    qIvc += e.node(ivc).flowMlS * 60.0 * kDt / seconds;
    pRa += e.rightAtrialPressure() / kMmHg * kDt / seconds;
  });
  std::printf("[ figures  ] supine: ankle %.1f mmHg, left CFV %.0f mL/min, infrarenal IVC %.0f mL/min, RAP %.2f mmHg\n",
              pAnkle, qCfv, qIvc, pRa);
  EXPECT_GE(pAnkle, 4.0);
  EXPECT_LE(pAnkle, 10.0);
  EXPECT_GE(qCfv, 280.0);
  EXPECT_LE(qCfv, 350.0);
  EXPECT_GE(qIvc, 700.0);
  EXPECT_LE(qIvc, 1700.0);
  EXPECT_GE(pRa, 1.0);
  EXPECT_LE(pRa, 5.0);
}

TEST(HemoPhysiology, StandingRaisesAnklePressureAndCollapsesTheJugulars) {
  const Anatomy& a = atlas();
  Engine e(a);
  const int ankle = nodeOf(e, a, "great_saphenous_vein_left", 0.06f);
  const int ijvL = nodeOf(e, a, "internal_jugular_vein_left", 0.5f);
  const int ijvR = nodeOf(e, a, "internal_jugular_vein_right", 0.5f);
  const double supineAnkle = meanOver(e, 5.0, [&] { return e.node(ankle).pressureMmHg; });
  const double supineL = e.node(ijvL).areaCm2, supineR = e.node(ijvR).areaCm2;
  standUp(e);
  const double standingAnkle = meanOver(e, 5.0, [&] { return e.node(ankle).pressureMmHg; });
  std::printf(
      "[ figures  ] ankle supine %.1f -> standing %.1f mmHg; IJV left %.3f -> %.3f cm^2, right %.3f -> %.3f cm^2\n",
      supineAnkle, standingAnkle, supineL, e.node(ijvL).areaCm2, supineR, e.node(ijvR).areaCm2);
  EXPECT_GT(standingAnkle - supineAnkle, 50.0) << "supine " << supineAnkle << ", standing " << standingAnkle;
  EXPECT_LT(e.node(ijvL).areaCm2, 0.5 * supineL) << "supine " << supineL << " cm^2";
  EXPECT_LT(e.node(ijvR).areaCm2, 0.5 * supineR) << "supine " << supineR << " cm^2";
}

TEST(HemoPhysiology, WalkingLowersTheMeanAnklePressure) {
  const Anatomy& a = atlas();
  Engine e(a);
  const int ankle = nodeOf(e, a, "great_saphenous_vein_left", 0.06f);
  standUp(e);
  const double still = meanOver(e, 20.0, [&] { return e.node(ankle).pressureMmHg; });
  e.drivers().settings().activity = Activity::Walking;
  e.drivers().settings().activityStart = e.time();
  const double walking = meanOver(e, 20.0, [&] { return e.node(ankle).pressureMmHg; });
  std::printf("[ figures  ] mean ankle over 20 s: standing still %.1f, walking %.1f mmHg\n", still, walking);
  EXPECT_LT(walking, still - 2.0) << "standing still " << still << " mmHg, walking " << walking << " mmHg";
}

namespace {
struct PelvisReading {
  double femoralMmHg = 0.0;      ///< left common femoral, mean
  double collateralMlMin = 0.0;  ///< cross-pelvic collateral, mean, in its direction of flow
};
PelvisReading mayThurner(double severity) {
  const Anatomy& a = atlas();
  Engine e(a);
  applyCondition(e, a, Condition{"may_thurner", "", severity, 0.0, 1.0, 0.0});
  e.settle(30.0);
  const int cfv = nodeOf(e, a, "common_femoral_vein_left", 0.5f);
  const auto& coll = e.network().vesselNodes[static_cast<std::size_t>(a.vesselIndex("cross_pelvic_collateral"))];
  PelvisReading r;
  const double seconds = 5.0;
  run(e, seconds, [&](const StepStats&) {
    r.femoralMmHg += e.node(cfv).pressureMmHg * kDt / seconds;
    double q = 0.0;
    for (int n : coll) q += e.node(n).flowMlS * 60.0 / static_cast<double>(coll.size());
    r.collateralMlMin += q * kDt / seconds;
  });
  return r;
}
}  // namespace

TEST(HemoPhysiology, MayThurnerRaisesLeftFemoralPressureAndOpensTheCollateral) {
  ASSERT_GE(atlas().vesselIndex("cross_pelvic_collateral"), 0);
  const PelvisReading healthy = mayThurner(0.0), compressed = mayThurner(0.9);
  std::printf(
      "[ figures  ] may_thurner 0 -> 0.9: left CFV %.2f -> %.2f mmHg, cross-pelvic collateral %.1f -> %.1f mL/min\n",
      healthy.femoralMmHg, compressed.femoralMmHg, healthy.collateralMlMin, compressed.collateralMlMin);
  EXPECT_GT(compressed.femoralMmHg, healthy.femoralMmHg + 0.5)
      << "left CFV " << healthy.femoralMmHg << " -> " << compressed.femoralMmHg << " mmHg";
  EXPECT_GT(compressed.collateralMlMin, healthy.collateralMlMin + 5.0)
      << "cross-pelvic collateral " << healthy.collateralMlMin << " -> " << compressed.collateralMlMin << " mL/min";
}

TEST(HemoEngine, LinearlyImplicitStepAgreesWithNewton) {
  // The default one-solve step against full Newton (tolerance 1e-6 mL) on the whole atlas:
  // standing up, then 10 tiptoes.
  const venaviz::Scene scene = venaviz::io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  venaviz::hemo::Params newtonParams;
  newtonParams.linearlyImplicit = false;
  venaviz::hemo::Engine fast(scene.anatomy), newton(scene.anatomy, newtonParams);
  const int ankle = fast.network().nodeAt(scene.anatomy.vesselIndex("great_saphenous_vein_left"), 0.06f);
  for (venaviz::hemo::Engine* e : {&fast, &newton}) {
    e->drivers().setPosture(venaviz::hemo::Posture::Standing, 0.0, e->time());
    e->drivers().settings().activity = venaviz::hemo::Activity::Tiptoe;
    e->drivers().settings().activityStart = 20.0;
  }
  double worst = 0.0, sum = 0.0;
  int samples = 0;
  for (int k = 0; k < 240 * 32; ++k) {
    fast.step(1.0 / 240.0);
    newton.step(1.0 / 240.0);
    if (k % 24 == 0) {
      const double d = std::abs(fast.node(ankle).pressureMmHg - newton.node(ankle).pressureMmHg);
      worst = std::max(worst, d);
      sum += d;
      ++samples;
    }
  }
  // The largest gaps come at the pump's sharpest transients (0 -> 180 mmHg in 0.25 s).
  EXPECT_LT(worst, 5.0) << "largest ankle pressure difference, mmHg (the swing is ~100 mmHg)";
  EXPECT_LT(sum / samples, 1.0) << "mean ankle pressure difference, mmHg";
  EXPECT_LT(fast.node(ankle).pressureMmHg, 40.0);  // the tiptoes did lower it in both
  EXPECT_LT(newton.node(ankle).pressureMmHg, 40.0);
}

TEST(HemoDrivers, ThighTourniquetClosesTheSuperficialVeinsButNotTheDeep) {
  const venaviz::Scene scene = venaviz::io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  venaviz::hemo::Engine e(scene.anatomy);
  const auto& net = e.network();
  const int gsv = net.nodeAt(scene.anatomy.vesselIndex("great_saphenous_vein_left"), 0.65f);
  const int fv = net.nodeAt(scene.anatomy.vesselIndex("femoral_vein_left"), 0.3f);
  ASSERT_GT(net.nodes[static_cast<std::size_t>(gsv)].center.z, 58.0f);
  ASSERT_LT(net.nodes[static_cast<std::size_t>(gsv)].center.z, 68.0f);
  e.drivers().setPosture(venaviz::hemo::Posture::Supine, 0.0, e.time(), 1e-6);
  for (int k = 0; k < 240 * 2; ++k) e.step(1.0 / 240.0);
  const double gsvOpen = e.areaRatio(gsv), fvOpen = e.areaRatio(fv);
  venaviz::hemo::applyEvent(e, scene.anatomy, {e.time(), "tourniquet", "left", 60.0, {}});
  for (int k = 0; k < 240 * 3; ++k) e.step(1.0 / 240.0);
  EXPECT_LT(e.areaRatio(gsv), 0.5 * gsvOpen) << "the GSV under the tourniquet collapses";
  EXPECT_GT(e.areaRatio(fv), 0.8 * fvOpen) << "the femoral vein stays open";
  EXPECT_THROW(venaviz::hemo::applyEvent(e, scene.anatomy, {e.time(), "tourniquet", "middle", 0.0, {}}),
               venaviz::Error);
  venaviz::hemo::applyEvent(e, scene.anatomy, {e.time(), "tourniquet", "off", 0.0, {}});
  for (int k = 0; k < 240 * 3; ++k) e.step(1.0 / 240.0);
  EXPECT_GT(e.areaRatio(gsv), 0.8 * gsvOpen) << "and reopens when it is released";
}

TEST(HemoScenario, OldThrombusRecanalisesAndDamagesItsValves) {
  const venaviz::Scene scene = venaviz::io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  auto lumenAndDamage = [&](double days) {
    venaviz::hemo::Engine e(scene.anatomy);
    venaviz::hemo::Condition c;
    c.kind = "thrombus";
    c.target = "femoral_vein_left";
    c.severity = 0.9;
    c.days = days;
    venaviz::hemo::applyCondition(e, scene.anatomy, c);
    double lumen = 1.0, damage = 0.0;
    const int fv = scene.anatomy.vesselIndex("femoral_vein_left");
    for (std::size_t j = 0; j < e.network().links.size(); ++j)
      if (e.network().nodes[static_cast<std::size_t>(e.network().links[j].a)].vessel == fv)
        lumen = std::min(lumen, e.conditions().linkArea[j]);
    for (int v : venaviz::hemo::selectValves(scene.anatomy, "femoral_vein_left"))
      damage = std::max(damage, e.conditions().valveRegurgitant[static_cast<std::size_t>(v)]);
    return std::pair{lumen, damage};
  };
  const auto acute = lumenAndDamage(0.0), hundred = lumenAndDamage(100.0), year = lumenAndDamage(365.0);
  EXPECT_NEAR(acute.first, 0.1, 1e-9);  // 90% occluded, valves intact
  EXPECT_EQ(acute.second, 0.0);
  EXPECT_NEAR(hundred.first, 1.0 - 0.45, 1e-9);  // half the occlusion left after 100 days
  EXPECT_GT(year.first, hundred.first);          // keeps recanalising
  EXPECT_GT(year.second, hundred.second);        // and the valves keep losing competence
  EXPECT_GT(year.second, 0.4);
}
