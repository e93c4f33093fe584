// Tracer particles and the lumen (flow module) on the default atlas, driven by the hemo engine at
// the app's step: particles stay inside the drawn walls, the counts balance, a branch point
// splits them like the flow, the calf pump carries them towards the heart and failed valves let
// them fall back. The engine's numbers are being tuned, so the checks compare particles with
// the engine's own flows (never with fixed physiological values).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "anatomy/centerline.h"
#include "anatomy/tube_mesh.h"
#include "flow/lumen.h"
#include "flow/tracers.h"
#include "hemo/engine.h"
#include "hemo/scenario.h"
#include "io/scene.h"
#include "io/simulation_reader.h"

using namespace venaviz;

namespace {

constexpr double kDt = 1.0 / 240.0;  // the app's step

const Anatomy& atlas() {
  static const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return scene.anatomy;
}

std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}

/// The centerline every vessel's tube is drawn along: the layout buildVesselMesh lays its rings on.
const std::vector<std::vector<CenterlineSample>>& drawnCenterlines() {
  static const std::vector<std::vector<CenterlineSample>> samples = layoutTubes(atlas()).samples;
  return samples;
}

/// An engine, the lumen and the tracers, stepped together as the app does.
struct Sim {
  hemo::Engine engine{atlas()};
  flow::Lumen lumen{engine};  // reference areas: supine, as the app builds it
  std::unique_ptr<flow::Tracers> tracers;

  explicit Sim(std::size_t budget, double fill = 0.85, std::uint64_t seed = 1) {
    flow::TracerOptions options;
    options.budget = budget;
    options.fill = fill;
    options.seed = seed;
    tracers = std::make_unique<flow::Tracers>(atlas(), engine.network(), options);
  }
  void failLeftLegValves() {
    for (const char* group : {"deep_left", "superficial_left"})
      for (int v : hemo::selectValves(atlas(), group)) engine.conditions().valveRegurgitant[ix(v)] = 1.0;
  }
  /// Standing steady state (the engine alone), then the particles seeded into it.
  void standAndSeed() {
    engine.drivers().setPosture(hemo::Posture::Standing, 0.0, engine.time(), 1e-6);
    engine.settle(60.0);
    seed();
  }
  void seed() {
    lumen.update(engine);
    tracers->seedSteadyState(engine, lumen);
  }
  void activity(hemo::Activity a) {
    engine.drivers().settings().activity = a;
    engine.drivers().settings().activityStart = engine.time();
  }
  void step() {
    engine.step(kDt);
    lumen.update(engine);
    tracers->step(engine, lumen, kDt);
  }
  void run(double seconds, const std::function<void(int)>& each = {}) {
    const int steps = static_cast<int>(std::lround(seconds / kDt));
    for (int k = 0; k < steps; ++k) {
      step();
      if (each) each(k);
    }
  }
  double drawnVolumeMl() const {
    double v = 0.0;
    for (std::size_t i = 0; i < engine.network().nodes.size(); ++i)
      if (engine.network().nodes[i].vessel >= 0) v += engine.volume(static_cast<int>(i)) * 1e6;
    return v;
  }
};

int valveLink(const hemo::Engine& e, const std::string& valveId) {
  const Valve* v = atlas().findValve(valveId);
  if (!v) return -1;
  return e.network().valves[ix(static_cast<int>(v - atlas().valves.data()))].link;
}

struct LumenCheck {
  int checked = 0, outside = 0;
  double worst = 0.0;  ///< largest distance / drawn radius
  std::string where;
};

/// Every drawn particle against the drawn wall at its fraction: the distance from the drawn
/// centerline (the chord between the two rings around it) must not exceed the wall's radius
/// there (atlas radius x the lumen scale of each ring's compartment, as the renderer draws it).
void checkInsideLumen(const Sim& sim, LumenCheck& check) {
  std::vector<flow::Tracers::State> states;
  std::vector<flow::ParticleInstance> instances;
  sim.tracers->states(states);
  sim.tracers->instances(sim.lumen, instances);
  ASSERT_EQ(states.size(), instances.size());
  const auto& drawn = drawnCenterlines();
  const hemo::Network& net = sim.engine.network();
  for (std::size_t p = 0; p < states.size(); ++p) {
    const flow::Tracers::State& s = states[p];
    const flow::ParticleInstance& in = instances[p];
    ASSERT_GE(s.vessel, 0);
    ASSERT_EQ(net.nodes[ix(s.node)].vessel, s.vessel);
    ASSERT_GE(s.radial, 0.0f);
    ASSERT_LE(s.radial, flow::Tracers::kMaxRadial);
    const auto& c = drawn[ix(s.vessel)];
    ASSERT_GE(c.size(), 2u);
    std::size_t i = 0;
    while (i + 2 < c.size() && c[i + 1].fraction < s.fraction) ++i;
    const float gap = c[i + 1].fraction - c[i].fraction;
    const float t = gap > 0.0f ? std::clamp((s.fraction - c[i].fraction) / gap, 0.0f, 1.0f) : 0.0f;
    const float ra = c[i].radius * sim.lumen.scale(net.nodeAt(s.vessel, c[i].fraction));
    const float rb = c[i + 1].radius * sim.lumen.scale(net.nodeAt(s.vessel, c[i + 1].fraction));
    const float wall = ra + (rb - ra) * t;
    const Vec3 a = c[i].position, b = c[i + 1].position, d = b - a;
    const float u =
        glm::dot(d, d) > 0.0f ? std::clamp(glm::dot(in.position - a, d) / glm::dot(d, d), 0.0f, 1.0f) : 0.0f;
    const float dist = glm::distance(in.position, a + d * u);
    ++check.checked;
    const double ratio = static_cast<double>(dist / wall);
    if (ratio > check.worst) {
      check.worst = ratio;
      check.where = atlas().vessels[ix(s.vessel)].id + " at " + std::to_string(s.fraction);
    }
    if (!(dist <= wall * 1.0001f + 1e-5f)) ++check.outside;
    // Direction: unit along the tube, its sense that of the signed velocity.
    const float dl = glm::length(in.direction);
    if (std::abs(in.velocity) > 1e-3f) {
      EXPECT_NEAR(dl, 1.0f, 1e-3f);
      EXPECT_GT(glm::dot(in.direction, d) * in.velocity, 0.0f);
    }
    EXPECT_GE(in.saturation, 0.5f);
    EXPECT_LE(in.saturation, 1.0f);
  }
}

}  // namespace

// ============================================================================================
// Lumen
// ============================================================================================

TEST(FlowLumen, FollowsTheEngineAreasAndNarrowings) {
  hemo::Engine e(atlas());
  flow::Lumen lumen(e);
  const hemo::Network& net = e.network();
  // The reference is the construction state (collaterals and shunts that are shut at rest are
  // drawn pinched from the start).
  for (std::size_t i = 0; i < lumen.scales().size(); ++i) {
    const int v = net.nodes[i].vessel;
    const bool shut = v >= 0 && atlas().vessels[static_cast<std::size_t>(v)].restOpen < 1.0f;
    if (shut) {
      EXPECT_LT(lumen.scales()[i], 0.6f) << i;
    } else {
      EXPECT_NEAR(lumen.scales()[i], 1.0f, 1e-5f) << (v >= 0 ? atlas().vessels[static_cast<std::size_t>(v)].id : "lumped");
    }
  }
  const int ankle = net.nodeAt(atlas().vesselIndex("great_saphenous_vein_left"), 0.06f);
  const int neck = net.nodeAt(atlas().vesselIndex("internal_jugular_vein_left"), 0.5f);
  ASSERT_GE(ankle, 0);
  ASSERT_GE(neck, 0);
  const double ankleRef = e.areaRatio(ankle), neckRef = e.areaRatio(neck);
  e.drivers().setPosture(hemo::Posture::Standing, 0.0, e.time(), 1e-6);
  e.settle(60.0);
  lumen.update(e);
  // sqrt(A / A_ref) (inside the clamp): the walls widen where the legs fill.
  EXPECT_NEAR(lumen.scale(ankle), std::sqrt(e.areaRatio(ankle) / ankleRef), 1e-4);
  EXPECT_NEAR(lumen.scale(neck), std::clamp(std::sqrt(e.areaRatio(neck) / neckRef), 0.12, 2.5), 1e-4);
  EXPECT_GT(lumen.scale(ankle), 1.05f) << "standing distends the ankle veins";
  EXPECT_LT(lumen.scale(neck), lumen.scale(ankle));
  // A narrowing: the links of one vessel left at a quarter of their lumen.
  const int vessel = atlas().vesselIndex("common_iliac_vein_left");
  const int node = net.vesselNodes[ix(vessel)].front();
  const float before = lumen.scale(node);
  for (std::size_t j = 0; j < net.links.size(); ++j)
    if (net.links[j].a == node || net.links[j].b == node) e.conditions().linkArea[j] = 0.25;
  lumen.update(e);
  EXPECT_FLOAT_EQ(lumen.openFraction(node), 0.25f);
  EXPECT_NEAR(lumen.scale(node), 0.5f * before, 1e-4f) << "radius x sqrt(open fraction)";
  for (float s : lumen.scales()) {
    EXPECT_GE(s, flow::Lumen::kMinScale);
    EXPECT_LE(s, flow::Lumen::kMaxScale);
  }
  EXPECT_EQ(lumen.scale(-1), 1.0f);
}

// ============================================================================================
// Tracers
// ============================================================================================

TEST(FlowTracers, ParticlesNeverLeaveTheDrawnLumen) {
  struct Case {
    const char* name;
    bool failed;
    hemo::Activity activity;
  };
  for (const Case& c : {Case{"standing", false, hemo::Activity::Still}, Case{"walking", false, hemo::Activity::Walking},
                        Case{"reflux (left leg valves failed, walking)", true, hemo::Activity::Walking}}) {
    SCOPED_TRACE(c.name);
    Sim sim(20000);
    if (c.failed) sim.failLeftLegValves();
    sim.standAndSeed();
    sim.activity(c.activity);
    LumenCheck check;
    checkInsideLumen(sim, check);
    sim.run(3.0, [&](int k) {
      if (k % 36 == 0) checkInsideLumen(sim, check);
    });
    std::printf("[ figures  ] %s: %d particle positions checked, worst at %.3f of the wall radius (%s)\n", c.name,
                check.checked, check.worst, check.where.c_str());
    EXPECT_GT(check.checked, 100000);
    EXPECT_EQ(check.outside, 0) << "worst " << check.worst << " of the radius at " << check.where;
    EXPECT_LE(check.worst, static_cast<double>(flow::Tracers::kMaxRadial) + 1e-3);
  }
}

TEST(FlowTracers, CountsBalanceAndThePoolNeverOverflows) {
  // A small pool asked to hold more than it can (fill 1.3), so births are skipped.
  const std::size_t budget = 4000;
  Sim sim(budget, 1.3);
  sim.standAndSeed();
  sim.activity(hemo::Activity::Walking);
  std::vector<flow::ParticleInstance> instances;
  auto check = [&](std::size_t pool) {
    const flow::TracerCounts c = sim.tracers->counts();
    ASSERT_EQ(c.born - c.left, static_cast<std::uint64_t>(c.alive));
    ASSERT_LE(c.alive, pool);
    sim.tracers->instances(sim.lumen, instances);
    ASSERT_LE(instances.size(), c.alive) << "particles waiting in a bed are alive but not drawn";
  };
  check(budget);
  sim.run(3.0, [&](int) { check(budget); });
  const flow::TracerCounts full = sim.tracers->counts();
  EXPECT_GT(full.skipped, 0u) << "the pool was full: births must be skipped, not made";
  EXPECT_GT(full.left, 0u);
  EXPECT_GE(full.alive, budget * 95 / 100) << "a full pool stays full";
  // Shrinking keeps what fits (the rest counts as left), growing makes room; both keep the balance.
  sim.tracers->setBudget(2500);
  EXPECT_EQ(sim.tracers->budget(), 2500u);
  check(2500);
  sim.run(0.5, [&](int) { check(2500); });
  sim.tracers->setBudget(6000);
  sim.run(0.5, [&](int) { check(6000); });
  // Capacity reserved once: no reallocation of the instance buffer from frame to frame.
  instances.reserve(6000);
  const auto* data = instances.data();
  sim.run(0.25, [&](int) { check(6000); });
  EXPECT_EQ(instances.data(), data);
  sim.tracers->reset();
  const flow::TracerCounts zero = sim.tracers->counts();
  EXPECT_EQ(zero.born, 0u);
  EXPECT_EQ(zero.left, 0u);
  EXPECT_EQ(zero.alive, 0u);
  sim.tracers->instances(sim.lumen, instances);
  EXPECT_TRUE(instances.empty());
}

TEST(FlowTracers, SeedingFillsTheVeinsAtTheSteadyDensity) {
  Sim sim(30000);
  sim.seed();  // supine
  const flow::TracerCounts c = sim.tracers->counts();
  EXPECT_NEAR(static_cast<double>(c.alive), 0.85 * 30000.0, 30.0);
  EXPECT_EQ(c.born, c.alive);
  const double density = sim.tracers->particlesPerMl();
  EXPECT_NEAR(density * sim.drawnVolumeMl(), 0.85 * 30000.0, 1.0);
  // Steady flow keeps the number in the drawn veins at density x their volume: particles move
  // with the blood, are born with the inflow and leave with the outflow.
  sim.run(6.0);
  std::vector<flow::Tracers::State> states;
  sim.tracers->states(states);
  const double expected = density * sim.drawnVolumeMl();
  std::printf("[ figures  ] supine after 6 s: %zu drawn particles, density x volume %.0f\n", states.size(), expected);
  EXPECT_NEAR(static_cast<double>(states.size()), expected, 0.03 * expected);
  // And per vessel, in the large veins, within a few percent of their volume's share.
  std::map<int, double> count, volume;
  for (const auto& s : states) count[s.vessel] += 1.0;
  const hemo::Network& net = sim.engine.network();
  for (std::size_t i = 0; i < net.nodes.size(); ++i)
    if (net.nodes[i].vessel >= 0) volume[net.nodes[i].vessel] += sim.engine.volume(static_cast<int>(i)) * 1e6 * density;
  for (const auto& [v, x] : volume) {
    if (x < 1000.0) continue;
    EXPECT_NEAR(count[v], x, 5.0 * std::sqrt(x) + 0.05 * x) << atlas().vessels[ix(v)].id;
  }
}

TEST(FlowTracers, BranchPointsSplitParticlesLikeTheFlow) {
  // Veins mostly join; where a vein splits (an ascending lumbar vein leaving a common iliac vein,
  // a perforator leaving the great saphenous vein) the flows are small, so a large pool for a
  // high density: ~190 particles per mL.
  Sim sim(100000);
  sim.engine.drivers().settings().breathing = false;  // steadier flows
  sim.seed();
  const hemo::Network& net = sim.engine.network();
  // Mean flows over a short look, to find the branch points with the largest smaller outflow.
  std::vector<double> mean(net.links.size(), 0.0);
  sim.run(1.0, [&](int) {
    for (std::size_t j = 0; j < mean.size(); ++j) mean[j] += sim.engine.linkFlow(static_cast<int>(j)) * kDt;
  });
  struct Branch {
    int node = -1;
    int link[2] = {-1, -1}, sign[2] = {1, 1};  ///< sign: +1 if the node is the link's a
    double smaller = 0.0;
    std::int64_t start[2] = {0, 0};
    double volume[2] = {0.0, 0.0};  ///< m^3 through each, out of the node
  };
  std::vector<Branch> branches;
  for (std::size_t n = 0; n < net.nodes.size(); ++n) {
    if (net.nodes[n].vessel < 0) continue;
    std::vector<std::pair<double, std::pair<int, int>>> outs;  // (outflow, (link, sign))
    for (std::size_t j = 0; j < net.links.size(); ++j) {
      const hemo::Link& l = net.links[j];
      if (l.b < 0 || net.nodes[ix(l.a)].vessel < 0 || net.nodes[ix(l.b)].vessel < 0) continue;
      if (l.a == static_cast<int>(n) && mean[j] > 0.0) outs.push_back({mean[j], {static_cast<int>(j), 1}});
      if (l.b == static_cast<int>(n) && mean[j] < 0.0) outs.push_back({-mean[j], {static_cast<int>(j), -1}});
    }
    if (outs.size() < 2) continue;
    std::sort(outs.rbegin(), outs.rend());
    Branch b;
    b.node = static_cast<int>(n);
    for (int k = 0; k < 2; ++k) {
      b.link[k] = outs[ix(k)].second.first;
      b.sign[k] = outs[ix(k)].second.second;
      b.start[k] = sim.tracers->crossings(b.link[k]);
    }
    b.smaller = outs[1].first;
    branches.push_back(b);
  }
  std::sort(branches.begin(), branches.end(), [](const Branch& x, const Branch& y) { return x.smaller > y.smaller; });
  ASSERT_GE(branches.size(), 2u) << "no branch points with two outflows";
  branches.resize(2);
  sim.run(12.0, [&](int) {
    for (Branch& b : branches)
      for (int k = 0; k < 2; ++k) b.volume[k] += b.sign[k] * sim.engine.linkFlow(b.link[k]) * kDt;
  });
  const double density = sim.tracers->particlesPerMl() * 1e6;  // per m^3
  for (const Branch& b : branches) {
    double n[2], q[2];
    for (int k = 0; k < 2; ++k) {
      n[k] = static_cast<double>(b.sign[k] * (sim.tracers->crossings(b.link[k]) - b.start[k]));
      q[k] = b.volume[k];
    }
    const double flowShare = q[0] / (q[0] + q[1]), particleShare = n[0] / (n[0] + n[1]);
    const std::string where = atlas().vessels[ix(net.nodes[ix(b.node)].vessel)].id;
    std::printf(
        "[ figures  ] branch in %s: blood %.2f / %.2f mL (share %.3f), particles %.0f / %.0f (share %.3f; "
        "density x blood %.0f / %.0f)\n",
        where.c_str(), q[0] * 1e6, q[1] * 1e6, flowShare, n[0], n[1], particleShare, q[0] * density, q[1] * density);
    ASSERT_GT(n[0] + n[1], 800.0) << where << ": too few particles for a statistic";
    EXPECT_NEAR(particleShare, flowShare, 0.05) << where;
    for (int k = 0; k < 2; ++k) EXPECT_NEAR(n[k], q[k] * density, 0.1 * q[k] * density + 30.0) << where;
  }
}

namespace {
/// Particles through a popliteal valve of the left leg while standing and walking.
struct ValveTransport {
  double forward = 0.0, backward = 0.0;      ///< particles crossing towards / away from the heart
  double forwardMl = 0.0, backwardMl = 0.0;  ///< blood volume through the valve, each way
  double density = 0.0;                      ///< particles per mL
  float slowest = 0.0f;                      ///< most negative particle velocity in the popliteal vein, cm/s
};
const ValveTransport& valveTransport(bool failed) {
  static std::map<bool, ValveTransport> cache;
  auto it = cache.find(failed);
  if (it != cache.end()) return it->second;
  Sim sim(20000);
  if (failed) sim.failLeftLegValves();
  sim.standAndSeed();
  sim.activity(hemo::Activity::Walking);
  const int link = valveLink(sim.engine, "popliteal_vein_left.v1");
  EXPECT_GE(link, 0);
  const int popliteal = atlas().vesselIndex("popliteal_vein_left");
  ValveTransport r;
  r.density = sim.tracers->particlesPerMl();
  std::int64_t last = sim.tracers->crossings(link);
  std::vector<flow::ParticleInstance> instances;
  std::vector<flow::Tracers::State> states;
  sim.run(6.0, [&](int k) {  // five gait cycles
    const double q = sim.engine.linkFlow(link) * kDt * 1e6;
    (q > 0.0 ? r.forwardMl : r.backwardMl) += std::abs(q);
    const std::int64_t c = sim.tracers->crossings(link);
    (c > last ? r.forward : r.backward) += static_cast<double>(std::abs(c - last));
    last = c;
    if (k % 6 == 0) {
      sim.tracers->instances(sim.lumen, instances);
      sim.tracers->states(states);
      for (std::size_t p = 0; p < states.size(); ++p)
        if (states[p].vessel == popliteal) r.slowest = std::min(r.slowest, instances[p].velocity);
    }
  });
  return cache[failed] = r;
}
}  // namespace

TEST(FlowTracers, CalfPumpCarriesParticlesTowardsTheHeart) {
  const ValveTransport& t = valveTransport(false);
  std::printf(
      "[ figures  ] competent popliteal valve, walking 6 s: %.0f particles up, %.0f down (blood %.1f / %.1f mL)\n",
      t.forward, t.backward, t.forwardMl, t.backwardMl);
  EXPECT_GT(t.forward - t.backward, 0.0) << "net transport towards the heart";
  EXPECT_NEAR(t.forward, t.forwardMl * t.density, 0.1 * t.forwardMl * t.density) << "particles go with the blood";
  EXPECT_LT(t.backward, 0.1 * t.forward) << "a competent valve lets little back";
}

TEST(FlowTracers, FailedValvesLetParticlesFallBackDuringRelaxation) {
  const ValveTransport& competent = valveTransport(false);
  const ValveTransport& failed = valveTransport(true);
  std::printf(
      "[ figures  ] popliteal valve, walking 6 s: competent %.0f up / %.0f down, failed %.0f up / %.0f down "
      "(blood back %.1f mL); slowest particle %.1f cm/s (competent %.1f)\n",
      competent.forward, competent.backward, failed.forward, failed.backward, failed.backwardMl, failed.slowest,
      competent.slowest);
  EXPECT_GT(failed.backward, 0.3 * failed.forward) << "reflux carries particles back through the failed valve";
  EXPECT_GT(failed.backward, 5.0 * competent.backward + 100.0);
  EXPECT_NEAR(failed.backward, failed.backwardMl * failed.density, 0.1 * failed.backwardMl * failed.density + 30.0);
  EXPECT_LT(failed.slowest, -5.0f) << "particles in the popliteal vein move away from the heart";
}

TEST(FlowTracers, SameSeedSameParticles) {
  auto run = [](std::uint64_t seed) {
    Sim sim(5000, 0.85, seed);
    sim.seed();
    sim.activity(hemo::Activity::AnklePumps);
    sim.run(1.0);
    std::vector<flow::Tracers::State> states;
    sim.tracers->states(states);
    return states;
  };
  const auto a = run(7), b = run(7), c = run(8);
  ASSERT_EQ(a.size(), b.size());
  bool same = true;
  for (std::size_t i = 0; i < a.size(); ++i)
    same = same && a[i].node == b[i].node && a[i].fraction == b[i].fraction && a[i].radial == b[i].radial;
  EXPECT_TRUE(same);
  bool differs = a.size() != c.size();
  for (std::size_t i = 0; !differs && i < a.size(); ++i) differs = a[i].fraction != c[i].fraction;
  EXPECT_TRUE(differs) << "the seed drives the random choices";
}

TEST(FlowTracers, LongFramesKeepTheRefluxingSaphenousVeinFull) {
  // The gsv_reflux scenario (standing, every valve of the left great saphenous vein failed) and
  // the 10-tiptoe protocol, run as the app runs long frames: the engine steps through the frame
  // (events at their times), then the tracers cover the frame's time in parts of at most 0.05 s
  // (FlowView::advance), all with the flows of the frame's last step. In the bout those are a
  // moment of a calf-pump cycle: mid-thigh the vein empties downwards at ~8.5 mL/s while only
  // ~1.2 mL/s comes in at the junction, which the engine's volume followed for that moment only.
  // Frames of 1 s (60x fast forward: one per tiptoe, always at the same phase) used to drain the
  // thigh segment to 7-15% of its volume's share, one 44 s frame (`render --time 44`) to 1%;
  // the compartments now follow the engine's volumes: 93-107% (50k pool), 0.95-1.07 here.
  const hemo::Scenario scenario = io::loadScenario(VENAVIZ_SOURCE_DIR "/scenes/scenarios/gsv_reflux.json");
  const hemo::Protocol protocol = io::loadProtocol(VENAVIZ_SOURCE_DIR "/scenes/protocols/tiptoe_10.json");
  const Vessel* gsv = atlas().findVessel("great_saphenous_vein_left");
  ASSERT_NE(gsv, nullptr);
  const int vessel = static_cast<int>(gsv - atlas().vessels.data());
  struct Span {
    double lo = 1e9, hi = 0.0;  ///< particles / (density x volume), over the frames checked
    int frames = 0;
  };
  auto run = [&](double frame, double until, double checkFrom) {
    Sim sim(20000);  // the app's low quality: ~300 particles in the segment
    hemo::applyScenario(sim.engine, atlas(), scenario);
    sim.engine.settle(30.0);
    sim.seed();
    const hemo::Network& net = sim.engine.network();
    std::vector<int> nodes;  // the thigh segment, fractions 0.3-0.95
    for (int n : net.vesselNodes[ix(vessel)]) {
      const double mid = 0.5 * static_cast<double>(net.nodes[ix(n)].fracStart + net.nodes[ix(n)].fracEnd);
      if (mid >= 0.3 && mid <= 0.95) nodes.push_back(n);
    }
    const double t0 = sim.engine.time();
    std::size_t next = 0;
    const int steps = static_cast<int>(std::lround(frame / kDt));
    const int parts = static_cast<int>(std::ceil(frame / 0.05 - 1e-9));
    std::vector<flow::Tracers::State> states;
    Span span;
    while (sim.engine.time() - t0 < until - 1e-9) {
      for (int k = 0; k < steps; ++k) {
        while (next < protocol.events.size() && protocol.events[next].time <= sim.engine.time() - t0 + 1e-9)
          hemo::applyEvent(sim.engine, atlas(), protocol.events[next++]);
        sim.engine.step(kDt);
      }
      sim.lumen.update(sim.engine);
      for (int p = 0; p < parts; ++p) sim.tracers->step(sim.engine, sim.lumen, frame / parts);
      const flow::TracerCounts c = sim.tracers->counts();
      EXPECT_EQ(c.born - c.left, static_cast<std::uint64_t>(c.alive));
      if (sim.engine.time() - t0 < checkFrom - 1e-9) continue;
      sim.tracers->states(states);
      double count = 0.0, share = 0.0;
      for (int n : nodes) share += sim.engine.volume(n) * 1e6 * sim.tracers->particlesPerMl();
      for (const auto& s : states)
        if (std::find(nodes.begin(), nodes.end(), s.node) != nodes.end()) count += 1.0;
      span.lo = std::min(span.lo, count / share);
      span.hi = std::max(span.hi, count / share);
      ++span.frames;
    }
    return span;
  };
  const Span second = run(1.0, 56.0, 41.0);  // through the bout (40-50 s) and after
  const Span once = run(44.0, 44.0, 44.0);   // 4 s into the bout
  std::printf(
      "[ figures  ] left GSV thigh, particles / (density x volume): 1 s frames %.2f..%.2f (%d frames), "
      "one 44 s frame %.2f\n",
      second.lo, second.hi, second.frames, once.lo);
  // Counting noise at ~300 particles is ~6%: 25% is 4 standard deviations.
  EXPECT_EQ(second.frames, 16);
  EXPECT_GT(second.lo, 0.75) << "the refluxing vein keeps its particles through the bout";
  EXPECT_LT(second.hi, 1.25);
  EXPECT_EQ(once.frames, 1);
  EXPECT_GT(once.lo, 0.75);
  EXPECT_LT(once.hi, 1.25);
}
