#include "hemo/liver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace venaviz::hemo {
namespace {

std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}
bool has(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}
int middleNode(const Network& n, int vessel) {
  if (vessel < 0) return -1;
  const auto& ns = n.vesselNodes[ix(vessel)];
  return ns.empty() ? -1 : ns[ns.size() / 2];
}
int lastNode(const Network& n, int vessel) {
  if (vessel < 0) return -1;
  const auto& ns = n.vesselNodes[ix(vessel)];
  return ns.empty() ? -1 : ns.back();
}

}  // namespace

LiverParams defaultLiverParams() {
  LiverParams p;
  // "About 100 milliliters per hour of lymph flows through the thoracic duct of a resting human"
  // (Guyton & Hall, Textbook of Medical Physiology, "Rate of lymph flow").
  p.thoracicDuctMlH = 100.0;
  // "The liver produces ... 25 to 50% of the lymph flowing through the thoracic duct" (Clin Mol
  // Hepatol review, quoted secondarily): midpoint.
  p.hepaticLymphShare = 0.375;
  // Thoracic-duct lymphatic conductance 3x normal in cirrhosis without ascites, near normal with
  // tense ascites (Scand J Clin Lab Invest 1985, "Estimation of lymphatic conductance"): the
  // lymph can carry about 3x its resting flow before fluid is left in the peritoneum.
  p.lymphMaxFactor = 3.0;
  // Ascites appears above an HVPG of 12 mmHg (Suk, Clin Mol Hepatol 2014; Berzigotti 2013).
  p.ascitesHvpgMmHg = 12.0;
  return p;
}

LiverReadout readLiver(const Engine& e, const Anatomy& a, const LiverParams& lp) {
  LiverReadout r;
  const Network& n = e.network();
  if (n.sinusoids < 0) return r;
  r.present = true;
  const Params& p = e.params();
  const double t = e.time();
  const double hRef = e.drivers().height(n.nodes[ix(n.sinusoids)].center, t);
  // Pressure referred to the sinusoids' height, mmHg (so gradients compare like with like).
  auto atRef = [&](int node) {
    const double h = e.drivers().height(n.nodes[ix(node)].center, t);
    return (e.pressure(node) + p.rho * p.gravity * (h - hRef)) / kMmHg;
  };
  const int pv = middleNode(n, a.vesselIndex("portal_vein"));
  const int rhv = lastNode(n, a.vesselIndex("hepatic_vein_right"));
  r.wedgedMmHg = e.pressure(n.sinusoids) / kMmHg;
  if (pv >= 0) r.portalMmHg = e.pressure(pv) / kMmHg;
  if (const int up = middleNode(n, a.vesselIndex("hepatic_vein_right")); up >= 0)
    r.upstreamHepaticMmHg = e.pressure(up) / kMmHg;
  if (rhv >= 0) {
    r.freeHepaticMmHg = e.pressure(rhv) / kMmHg;
    r.hvpgMmHg = r.wedgedMmHg - atRef(rhv);
  }
  const Vessel* rv = a.findVessel("hepatic_vein_right");
  const int ivc = rv ? n.nodeAt(a.vesselIndex("inferior_vena_cava"), rv->drainsAt) : -1;
  if (pv >= 0 && ivc >= 0) r.portosystemicMmHg = atRef(pv) - atRef(ivc);

  for (std::size_t j = 0; j < n.links.size(); ++j) {
    const Link& l = n.links[j];
    const double q = e.linkFlow(static_cast<int>(j)) * 6e7;  // mL/min
    if (l.b == n.sinusoids) r.portalFlowMlMin += q;
    if (l.a == n.sinusoids && l.b >= 0) {
      const int v = n.nodes[ix(l.b)].vessel;
      if (v >= 0 && has(a.vessels[ix(v)].id, "caudate"))
        r.caudateMlMin += q;
      else
        r.hepaticVeinsMlMin += q;
    }
  }
  for (std::size_t b = 0; b < n.beds.size(); ++b) {
    const double q = e.bedFlow(static_cast<int>(b)) * 6e7;
    if (n.beds[b].node == n.sinusoids) r.hepaticArteryMlMin += q;
    if (n.beds[b].region == "gut" || n.beds[b].region == "spleen") r.splanchnicInflowMlMin += q;
  }
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const Vessel& v = a.vessels[vi];
    const int mid = middleNode(n, static_cast<int>(vi));
    if (mid < 0 || v.system != VesselSystem::Collateral) continue;
    const double q = e.node(mid).flowMlS * 60.0;
    if (v.id == "tips_shunt") {
      r.tipsMlMin = q;
    } else if (v.restOpen > 0.0f && v.restOpen < 1.0f) {
      r.collaterals.push_back({v.id, v.name, q});
      r.collateralMlMin += q;
    }
  }
  if (const int az = lastNode(n, a.vesselIndex("azygos_vein")); az >= 0) r.azygosMlMin = e.node(az).flowMlS * 60.0;
  r.collateralShare = r.splanchnicInflowMlMin > 0.0 ? r.collateralMlMin / r.splanchnicInflowMlMin : 0.0;

  // Hepatic lymph and ascites: the sinusoids' pressure above the right atrium against its
  // resting value (the resting HVPG, Params::sinusoidalDrop).
  const double j0 = lp.thoracicDuctMlH * lp.hepaticLymphShare;
  const double jmax = lp.lymphMaxFactor * j0;
  const double rest = p.sinusoidalDrop / kMmHg;
  const double kf = (jmax - j0) / std::max(lp.ascitesHvpgMmHg - rest, 1.0);  // mL/h per mmHg
  const double above = r.wedgedMmHg - e.rightAtrialPressure() / kMmHg - rest;
  r.lymphMlH = std::max(0.0, j0 + kf * above);
  r.ascitesMlDay = std::max(0.0, r.lymphMlH - jmax) * 24.0;
  return r;
}

void blendLiver(LiverReadout& avg, const LiverReadout& x, double w) {
  auto mix = [w](double& a, double b) { a += w * (b - a); };
  if (!avg.present || avg.collaterals.size() != x.collaterals.size()) {
    avg = x;
    return;
  }
  mix(avg.portalMmHg, x.portalMmHg);
  mix(avg.wedgedMmHg, x.wedgedMmHg);
  mix(avg.freeHepaticMmHg, x.freeHepaticMmHg);
  mix(avg.upstreamHepaticMmHg, x.upstreamHepaticMmHg);
  mix(avg.hvpgMmHg, x.hvpgMmHg);
  mix(avg.portosystemicMmHg, x.portosystemicMmHg);
  mix(avg.portalFlowMlMin, x.portalFlowMlMin);
  mix(avg.splanchnicInflowMlMin, x.splanchnicInflowMlMin);
  mix(avg.hepaticArteryMlMin, x.hepaticArteryMlMin);
  mix(avg.hepaticVeinsMlMin, x.hepaticVeinsMlMin);
  mix(avg.caudateMlMin, x.caudateMlMin);
  mix(avg.tipsMlMin, x.tipsMlMin);
  mix(avg.azygosMlMin, x.azygosMlMin);
  for (std::size_t k = 0; k < avg.collaterals.size(); ++k) mix(avg.collaterals[k].flowMlMin, x.collaterals[k].flowMlMin);
  mix(avg.collateralMlMin, x.collateralMlMin);
  mix(avg.collateralShare, x.collateralShare);
  mix(avg.lymphMlH, x.lymphMlH);
  mix(avg.ascitesMlDay, x.ascitesMlDay);
}

LiverReadout averageLiver(Engine& e, const Anatomy& a, double seconds, double dt) {
  LiverReadout avg = readLiver(e, a);
  const int steps = std::max(1, static_cast<int>(std::lround(seconds / dt)));
  for (int k = 1; k <= steps; ++k) {
    e.step(dt);
    blendLiver(avg, readLiver(e, a), 1.0 / static_cast<double>(k + 1));  // running mean
  }
  return avg;
}

std::string describeLiver(const LiverReadout& r) {
  if (!r.present) return "no portal system in this scene";
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "portal %.1f mmHg, wedged %.1f, hepatic vein in the liver %.1f, free hepatic %.1f, HVPG %.1f mmHg, portosystemic gradient %.1f mmHg; "
                "portal flow %.0f mL/min (%s), hepatic artery %.0f, out by the hepatic veins %.0f, by the caudate "
                "veins %.0f mL/min; collaterals %.0f mL/min (%.0f%% of the splanchnic inflow), TIPS %.0f, azygos %.0f "
                "mL/min; hepatic lymph %.0f mL/h, ascites %.0f mL/day",
                r.portalMmHg, r.wedgedMmHg, r.upstreamHepaticMmHg, r.freeHepaticMmHg, r.hvpgMmHg, r.portosystemicMmHg, r.portalFlowMlMin,
                r.portalFlowMlMin >= 0.0 ? "towards the liver" : "away from the liver", r.hepaticArteryMlMin,
                r.hepaticVeinsMlMin, r.caudateMlMin, r.collateralMlMin, 100.0 * r.collateralShare, r.tipsMlMin,
                r.azygosMlMin, r.lymphMlH, r.ascitesMlDay);
  return buf;
}

}  // namespace venaviz::hemo
