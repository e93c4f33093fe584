// The brain's venous outflow (issue 15; docs/brain.md): the dural sinuses drawn in the head, the
// route the outflow takes by posture, jugular and azygos stenoses and venoplasty.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "hemo/engine.h"
#include "hemo/network.h"
#include "hemo/scenario.h"
#include "io/scene.h"

namespace venaviz::hemo {
namespace {

const Anatomy& atlas() {
  static const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return scene.anatomy;
}

Condition cond(const std::string& kind, const std::string& target, double severity = 1.0) {
  Condition c;
  c.kind = kind;
  c.target = target;
  c.severity = severity;
  return c;
}

struct Outflow {
  double jugularMlMin = 0.0, vertebralMlMin = 0.0, sagittalMmHg = 0.0, azygosMlS = 0.0;
  double jugularShare() const { return jugularMlMin / (jugularMlMin + vertebralMlMin); }
};

/// Settles in `posture` with the conditions, runs 8 s and averages the last 4 s.
Outflow outflowAfter(const Anatomy& a, Posture posture, const std::vector<Condition>& cs) {
  Engine e(a);
  for (const Condition& c : cs) applyCondition(e, a, c);
  e.drivers().setPosture(posture, 0.0, e.time(), 1e-6);
  e.settle(60.0);
  const CerebralExits exits = cerebralExits(e.network(), a);
  const int sss = e.network().nodeAt(a.vesselIndex("superior_sagittal_sinus"), 0.9f);
  const int azygos = e.network().nodeAt(a.vesselIndex("azygos_vein"), 0.5f);
  Outflow o;
  int n = 0;
  for (int k = 0; k < 8 * 240; ++k) {
    e.step(1.0 / 240.0);
    if (k < 4 * 240) continue;
    for (int j : exits.jugular) o.jugularMlMin += e.linkFlow(j) * 6e7;
    for (int j : exits.vertebral) o.vertebralMlMin += e.linkFlow(j) * 6e7;
    if (sss >= 0) o.sagittalMmHg += e.node(sss).pressureMmHg;
    if (azygos >= 0) o.azygosMlS += e.node(azygos).flowMlS;
    ++n;
  }
  o.jugularMlMin /= n;
  o.vertebralMlMin /= n;
  o.sagittalMmHg /= n;
  o.azygosMlS /= n;
  return o;
}

TEST(Brain, TheSinusesAreRigidCranialCompartmentsThatTakeTheBrainsWholeFlow) {
  const Anatomy& a = atlas();
  const Params p;
  const Network net = buildNetwork(a, p);
  for (const char* id : {"superior_sagittal_sinus", "straight_sinus", "transverse_sinus_left", "sigmoid_sinus_right"}) {
    const int v = a.vesselIndex(id);
    ASSERT_GE(v, 0) << id;
    ASSERT_FALSE(net.vesselNodes[static_cast<std::size_t>(v)].empty()) << id;
    for (int n : net.vesselNodes[static_cast<std::size_t>(v)]) {
      EXPECT_EQ(net.nodes[static_cast<std::size_t>(n)].group, ExtGroup::Cranial) << id;
      EXPECT_DOUBLE_EQ(net.nodes[static_cast<std::size_t>(n)].kp, p.duralSinusKp) << id;
    }
  }
  // No lumped sinus once the sinuses are drawn; the brain's beds are fixed flows into the
  // sagittal and straight sinuses, 750 mL/min in all, 60% by the sagittal sinus.
  EXPECT_TRUE(std::none_of(net.nodes.begin(), net.nodes.end(),
                           [](const Compartment& c) { return c.group == ExtGroup::Cranial && c.vessel < 0; }));
  double total = 0.0, sagittal = 0.0;
  for (const Bed& b : net.beds) {
    if (b.region != "brain") continue;
    EXPECT_EQ(b.resistance, 0.0);
    total += b.targetFlow * 6e7;
    if (net.nodes[static_cast<std::size_t>(b.node)].vessel == a.vesselIndex("superior_sagittal_sinus"))
      sagittal += b.targetFlow * 6e7;
  }
  EXPECT_NEAR(total, 750.0, 1e-6);
  EXPECT_NEAR(sagittal / total, p.sagittalShare, 1e-9);
  // Both routes leave the skull: the sigmoid sinuses into the jugular veins, the condylar veins
  // and the occipital sinus into the vertebral system.
  const CerebralExits exits = cerebralExits(net, a);
  EXPECT_EQ(exits.jugular.size(), 2u);
  EXPECT_EQ(exits.vertebral.size(), 3u);
}

TEST(Brain, LyingTheJugularVeinsCarryTheOutflowAndSittingTheVertebralVeinsDo) {
  const Outflow lying = outflowAfter(atlas(), Posture::Supine, {});
  const Outflow sitting = outflowAfter(atlas(), Posture::Sitting, {});
  EXPECT_GT(lying.jugularShare(), 2.0 / 3.0);  // Doepp 2004: > 2/3 in 72%
  EXPECT_LT(sitting.jugularShare(), 0.5);      // Gisolf 2004; Czyzewska 2015
  // The fixed inflow all leaves, either way.
  EXPECT_NEAR(lying.jugularMlMin + lying.vertebralMlMin, 750.0, 40.0);
  EXPECT_NEAR(sitting.jugularMlMin + sitting.vertebralMlMin, 750.0, 40.0);
}

TEST(Brain, JugularStenosesRaiseSinusPressureAndSendBloodDownTheVertebralRouteUntilVenoplasty) {
  const std::vector<Condition> stenoses = {cond("jugular_stenosis", "internal_jugular_vein_right", 0.9),
                                           cond("jugular_stenosis", "internal_jugular_vein_left", 0.9)};
  std::vector<Condition> treated = stenoses;
  treated.push_back(cond("venoplasty", "internal_jugular_vein_right"));
  treated.push_back(cond("venoplasty", "internal_jugular_vein_left"));
  const Outflow healthy = outflowAfter(atlas(), Posture::Supine, {});
  const Outflow narrowed = outflowAfter(atlas(), Posture::Supine, stenoses);
  const Outflow opened = outflowAfter(atlas(), Posture::Supine, treated);
  EXPECT_GT(narrowed.sagittalMmHg, healthy.sagittalMmHg + 0.5);
  EXPECT_GT(narrowed.vertebralMlMin, 3.0 * healthy.vertebralMlMin);
  EXPECT_LT(narrowed.jugularShare(), healthy.jugularShare() - 0.1);
  EXPECT_NEAR(opened.jugularShare(), healthy.jugularShare(), 0.02);
  EXPECT_NEAR(opened.sagittalMmHg, healthy.sagittalMmHg, 0.3);
}

TEST(Brain, AnAzygosStenosisCutsTheAzygosFlow) {
  const Outflow healthy = outflowAfter(atlas(), Posture::Supine, {});
  const Outflow narrowed = outflowAfter(atlas(), Posture::Supine, {cond("azygos_stenosis", "", 0.8)});
  EXPECT_LT(narrowed.azygosMlS, 0.9 * healthy.azygosMlS);
  const Outflow opened =
      outflowAfter(atlas(), Posture::Supine, {cond("azygos_stenosis", "", 0.8), cond("venoplasty", "azygos_vein")});
  EXPECT_NEAR(opened.azygosMlS, healthy.azygosMlS, 0.05 * healthy.azygosMlS);
}

TEST(Brain, ASceneWithoutSinusesDrainsTheBrainThroughTheLumpedSinus) {
  Anatomy a = atlas();
  std::erase_if(a.vessels, [](const Vessel& v) { return v.region == Region::Head; });
  const Network net = buildNetwork(a, Params{});
  EXPECT_EQ(std::count_if(net.nodes.begin(), net.nodes.end(),
                          [](const Compartment& c) { return c.group == ExtGroup::Cranial && c.vessel < 0; }),
            1);
  const CerebralExits exits = cerebralExits(net, a);
  EXPECT_EQ(exits.jugular.size(), 2u);
  EXPECT_GE(exits.vertebral.size(), 2u);
}

}  // namespace
}  // namespace venaviz::hemo

namespace venaviz::hemo {
namespace {

// Sleeping presets (issue 15's treatments): a 20 cm leg wedge and a 6 degree head-down bed both
// lift the feet above the heart and drain the leg veins; the wedge lifts the ankle more (about
// 19 cm against 13 cm).
TEST(SleepPresets, ALegWedgeAndAHeadDownBedLowerTheAnklePressure) {
  const Anatomy& a = atlas();
  const auto ankle = [&](Posture posture, double deg) {
    Engine e(a);
    applyCondition(e, a, cond("valve_incompetence", "left_gsv", 1.0));
    e.drivers().setPosture(posture, deg, e.time(), 1e-6);
    e.settle(60.0);
    const int n = e.network().nodeAt(a.vesselIndex("great_saphenous_vein_left"), 0.06f);
    double p = 0.0;
    for (int k = 0; k < 2 * 240; ++k) {
      e.step(1.0 / 240.0);
      p += e.node(n).pressureMmHg;
    }
    return p / (2 * 240);
  };
  const double flat = ankle(Posture::Supine, 0.0);
  const double wedge = ankle(Posture::LegsElevated, 12.6);
  const double headDown = ankle(Posture::Tilt, -6.0);
  const double legsUp30 = ankle(Posture::LegsElevated, 0.0);
  EXPECT_LT(headDown, flat - 3.0);
  EXPECT_LT(wedge, headDown);
  EXPECT_LT(legsUp30, wedge);  // 0 means the default 30 degrees, which lifts them more
}

}  // namespace
}  // namespace venaviz::hemo
