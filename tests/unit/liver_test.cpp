// The portal system and the liver (issue 15; hemo/liver.h, docs/liver.md): the sinusoidal bed
// between the portal and the hepatic veins, Budd-Chiari syndrome, the portosystemic
// collaterals, TIPS, anticoagulation, venoplasty, an IVC web, the Palma bypass.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "hemo/engine.h"
#include "hemo/liver.h"
#include "hemo/scenario.h"
#include "io/scene.h"

namespace venaviz::hemo {
namespace {

const Anatomy& atlas() {
  static const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return scene.anatomy;
}

Condition cond(const std::string& kind, const std::string& target = "", double severity = 1.0) {
  Condition c;
  c.kind = kind;
  c.target = target;
  c.severity = severity;
  return c;
}

/// Builds an engine, applies the conditions, settles lying down (the large, slowly filling
/// splanchnic reservoir needs a minute of large implicit steps), runs 10 s and averages 4 s.
LiverReadout liverAfter(const std::vector<Condition>& cs, Engine** keep = nullptr) {
  static std::vector<std::unique_ptr<Engine>> engines;
  engines.push_back(std::make_unique<Engine>(atlas()));
  Engine& e = *engines.back();
  for (const Condition& c : cs) applyCondition(e, atlas(), c);
  e.settle(90.0);
  for (int k = 0; k < 10 * 240; ++k) e.step(1.0 / 240.0);
  if (keep) *keep = &e;
  return averageLiver(e, atlas(), 4.0);
}

TEST(Liver, TheHealthyLiverHasPublishedPressuresAndFlows) {
  Engine* e = nullptr;
  const LiverReadout r = liverAfter({}, &e);
  ASSERT_TRUE(r.present);
  ASSERT_GE(e->network().sinusoids, 0);
  EXPECT_GT(r.portalMmHg, 5.0);  // normal portal pressure 5-10 mmHg
  EXPECT_LT(r.portalMmHg, 10.0);
  EXPECT_GT(r.hvpgMmHg, 1.0);  // normal HVPG 1-5 mmHg
  EXPECT_LT(r.hvpgMmHg, 5.0);
  // Supine portal flow: 864 +- 188 mL/min by Doppler (Brown et al. Gut 1989) to 1248 +- 302 by
  // MR angiography (PMID 9524601): within one SD of either.
  EXPECT_GT(r.portalFlowMlMin, 864.0 - 188.0);
  EXPECT_LT(r.portalFlowMlMin, 1248.0 + 302.0);
  const double inflow = r.portalFlowMlMin + r.hepaticArteryMlMin;
  EXPECT_NEAR(r.hepaticArteryMlMin / inflow, 0.25, 0.05);  // hepatic artery 20-30%
  // The caudate lobe veins drain a small share; the collaterals carry next to nothing.
  EXPECT_LT(r.caudateMlMin / (r.caudateMlMin + r.hepaticVeinsMlMin), 0.1);
  EXPECT_LT(r.collateralShare, 0.02);
  EXPECT_EQ(r.ascitesMlDay, 0.0);
  EXPECT_NEAR(r.tipsMlMin, 0.0, 1.0);  // the shunt is not there until it is put in
}

TEST(Liver, BlockedHepaticVeinsRaisePortalPressureAndTheCaudateLobeKeepsDraining) {
  const LiverReadout healthy = liverAfter({});
  const LiverReadout bc = liverAfter({cond("budd_chiari")});
  EXPECT_GT(bc.portalMmHg, healthy.portalMmHg + 15.0);
  EXPECT_GE(bc.hvpgMmHg, 12.0);                       // past the ascites threshold
  EXPECT_LT(bc.portalFlowMlMin, 0.7 * healthy.portalFlowMlMin);  // portal flow slows
  EXPECT_LT(std::abs(bc.hepaticVeinsMlMin), 5.0);     // the main veins carry nothing
  EXPECT_GT(bc.caudateMlMin, 5.0 * healthy.caudateMlMin);  // the caudate lobe drains the liver
  EXPECT_GT(bc.ascitesMlDay, 100.0);
}

TEST(Liver, CollateralsOpenedByPortalHypertensionCarryTheGutsBloodAroundTheLiver) {
  const LiverReadout acute = liverAfter({cond("budd_chiari")});
  const LiverReadout chronic = liverAfter({cond("budd_chiari"), cond("collateral_development", "portosystemic", 0.5)});
  EXPECT_GT(chronic.collateralMlMin, 10.0 * std::max(acute.collateralMlMin, 1.0));
  EXPECT_GT(chronic.collateralShare, 0.5);
  EXPECT_LT(chronic.portalMmHg, acute.portalMmHg);
  EXPECT_GT(chronic.azygosMlMin, 2.0 * acute.azygosMlMin);  // through the oesophageal varices
  for (const CollateralFlow& c : chronic.collaterals) EXPECT_GT(c.flowMlMin, 10.0) << c.id;
  // The default group is the pelvic one: the portosystemic routes stay shut.
  const LiverReadout pelvic = liverAfter({cond("budd_chiari"), cond("collateral_development", "", 0.5)});
  EXPECT_LT(pelvic.collateralMlMin, 2.0 * std::max(acute.collateralMlMin, 1.0));
}

TEST(Liver, TipsDecompressesThePortalSystemAndAWiderStentMore) {
  const std::vector<Condition> base{cond("budd_chiari"), cond("collateral_development", "portosystemic", 0.5)};
  const LiverReadout before = liverAfter(base);
  auto with = [&](double s) {
    auto cs = base;
    cs.push_back(cond("tips", "", s));
    return liverAfter(cs);
  };
  const LiverReadout ten = with(1.0), eight = with(0.64);
  EXPECT_LT(ten.portosystemicMmHg, 12.0);  // the clinical target
  EXPECT_LT(ten.portosystemicMmHg, before.portosystemicMmHg - 10.0);
  EXPECT_GT(ten.tipsMlMin, 500.0);
  EXPECT_LT(ten.collateralMlMin, 0.3 * before.collateralMlMin);
  EXPECT_EQ(ten.ascitesMlDay, 0.0);
  EXPECT_GT(eight.portosystemicMmHg, ten.portosystemicMmHg);
  // "collateral_development all" grows collaterals; it never puts a TIPS in.
  auto cs = base;
  cs.push_back(cond("collateral_development", "all", 1.0));
  EXPECT_NEAR(liverAfter(cs).tipsMlMin, 0.0, 1.0);
}

TEST(Liver, AnticoagulationAndVenoplastyReopenTheHepaticVeins) {
  const LiverReadout bc = liverAfter({cond("budd_chiari")});
  Condition ac = cond("anticoagulation", "all");
  ac.days = 180.0;
  const LiverReadout treated = liverAfter({cond("budd_chiari"), ac});
  EXPECT_LT(treated.portalMmHg, bc.portalMmHg - 20.0);
  EXPECT_GT(treated.hepaticVeinsMlMin, 500.0);
  const LiverReadout opened = liverAfter({cond("budd_chiari"), cond("venoplasty", "hepatic_vein_right")});
  EXPECT_LT(opened.portalMmHg, bc.portalMmHg - 20.0);
  EXPECT_GT(opened.hepaticVeinsMlMin, 300.0);  // through the right vein alone
}

TEST(Liver, AnIvcWebRaisesWedgedPressureWithANearNormalHvpgAndSendsTheLowerBodyUpTheAzygos) {
  const LiverReadout healthy = liverAfter({});
  const LiverReadout web = liverAfter({cond("budd_chiari", "ivc"), cond("collateral_development", "all", 0.5)});
  EXPECT_GT(web.wedgedMmHg, healthy.wedgedMmHg + 10.0);
  EXPECT_LT(web.hvpgMmHg, 6.0);  // post-hepatic: the hepatic veins share the IVC's pressure
  EXPECT_GT(web.azygosMlMin, 1000.0);
}

TEST(Liver, BadTargetsAreNamed) {
  Engine e(atlas());
  EXPECT_THROW(applyCondition(e, atlas(), cond("budd_chiari", "femoral_vein_left")), Error);
  EXPECT_THROW(applyCondition(e, atlas(), cond("collateral_development", "spleen", 0.5)), Error);
  Condition ac = cond("anticoagulation", "all");
  ac.days = -1.0;
  EXPECT_THROW(applyCondition(e, atlas(), ac), Error);
  EXPECT_THROW(applyCondition(e, atlas(), cond("tips", "", 1.5)), Error);
}

TEST(Palma, TheCrossoverGraftDrainsABlockedLeftIliacVeinToTheRight) {
  auto cfvPressure = [](bool graft, double* graftFlow) {
    Engine e(atlas());
    Condition t = cond("post_thrombotic", "common_iliac_vein_left", 0.95);
    applyCondition(e, atlas(), t);
    applyCondition(e, atlas(), cond("thrombus", "external_iliac_vein_left", 0.95));
    if (graft) applyCondition(e, atlas(), cond("palma_bypass"));
    e.settle(60.0);
    for (int k = 0; k < 5 * 240; ++k) e.step(1.0 / 240.0);
    const Network& n = e.network();
    const int cfv = n.vesselNodes[static_cast<std::size_t>(atlas().vesselIndex("common_femoral_vein_left"))].back();
    const auto& g = n.vesselNodes[static_cast<std::size_t>(atlas().vesselIndex("palma_crossover_graft"))];
    *graftFlow = e.node(g[g.size() / 2]).flowMlS * 60.0;
    return e.node(cfv).pressureMmHg;
  };
  double q0 = 0.0, q1 = 0.0;
  const double before = cfvPressure(false, &q0), after = cfvPressure(true, &q1);
  EXPECT_NEAR(q0, 0.0, 1.0);
  EXPECT_GT(q1, 100.0);  // mL/min across the pubis
  EXPECT_LT(after, before - 3.0);
}

}  // namespace
}  // namespace venaviz::hemo
