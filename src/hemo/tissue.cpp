#include "hemo/tissue.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace venaviz::hemo {

namespace {
constexpr double kMl = 1e-6;         // m^3
constexpr double kPerMin = 1.0 / 60.0;  // 1/s
}  // namespace

TissueParams defaultTissueParams() {
  TissueParams t;
  constexpr double kMlPerMinPerMmHg = kMl * kPerMin / kMmHg;  // -> m^3/(s Pa)
  // Lower-leg volume 2348 mL (JVS-VL 2013;1:250, the orthostatic study in physiology.md §4).
  t.tissueVolume = 2348.0 * kMl;
  // Calf capillary filtration coefficient 3.8 +- 1.0 x 10^-3 mL/(100 mL min mmHg) by venous
  // congestion plethysmography (Clin Sci 2004;106:627, abstract; 2.6-4.0 x 10^-3 in J Physiol,
  // PMC2290538, and Scand J Clin Lab Invest 1990).
  t.kf = 3.8e-3 * 23.48 * kMlPerMinPerMmHg;
  // The venoarteriolar reflex: standing cuts the foot's filtration coefficient to 1/3-1/8 of
  // supine ("Vascular adjustments to increased transmural pressure in cat and man"); 1/3 used,
  // the conservative end. It is full with the foot 50 cm below the heart (skin flow -79 %, Hassan
  // AAK, Tooke JE, Clin Sci 1988;75:379): about 37 mmHg of venous pressure. Where it begins, 25
  // mmHg, is an engineering choice (half of that head; no source in the references).
  t.varFactor = 1.0 / 3.0;
  t.varStart = 25.0 * kMmHg;
  t.varFull = 37.0 * kMmHg;
  // Foot capillary pressure 23.4 +- 2.5 mmHg supine, 112.8 standing; Pc = 1.2 Pv + 1.6 over the
  // postures (Perry MA, Colebatch JG, Glover WE, Roddie IC, J Appl Physiol 1986;60:2114).
  t.capillarySupine = 23.4 * kMmHg;
  t.capillarySlope = 1.2;
  // Reflection coefficient for albumin: skin 0.94 (muscle 0.98), rabbit (no human value found).
  t.sigma = 0.94;
  // Serum colloid osmotic pressure 26.9 +- 4.1 mmHg; ankle subcutaneous (wick) 10.4 +- 2.1 upright,
  // 12.2 after 40 h of bed rest (Noddeland H, Scand J Clin Lab Invest 1982;42:123 and 42:131):
  // the supine value is the normal hydration of a model that starts supine.
  t.plasmaOncotic = 26.9 * kMmHg;
  t.interstitialOncotic0 = 12.2 * kMmHg;
  // Ankle subcutaneous fluid pressure -0.4 +- 2.5 mmHg (Noddeland 1982;42:131).
  t.pt0 = -0.4 * kMmHg;
  // Interstitial fluid 10 mL/100 g and compliance 1.40 mL/(100 g mmHg) near normal hydration,
  // several-fold higher when overhydrated (rat muscle, Acta Physiol Scand 1981;113:297; no human
  // value found). "Several-fold": x4 used; the change 2 mmHg above normal, where subcutaneous
  // pressure stays even in lymphoedema (2.5 +- 3.0 mmHg, Olszewski, phlebolymphology.org).
  t.interstitialVolume0 = 0.10 * t.tissueVolume;
  t.complianceNormal = 1.40 * 23.48 * kMl / kMmHg;
  t.complianceOedema = 4.0 * t.complianceNormal;
  t.kneeVolume = 2.0 * kMmHg * t.complianceNormal;
  // Lymph flow rises more than 20-fold as interstitial pressure goes from -6 to 0 mmHg, then
  // levels off above +1-2 mmHg (dog leg; Guyton's Textbook of Medical Physiology, fig. 16-10):
  // 20/6 per mmHg, at most 20x. Cycling for 2 h raises leg lymph flow by 83 % (Acta Physiol
  // Scand 1977;99:149): x1.83 while the calf pumps.
  t.lymphGain = (20.0 / 6.0) / kMmHg;
  t.lymphMaxFactor = 20.0;
  t.lymphPumpWalking = 1.83;
  // Interstitial pressure follows 70 % of a pressure applied to the skin (dog; scilit
  // 1a5b10e3b3a566cdab2a7e82bfac6a9b, abstract).
  t.skinTransmission = 0.7;
  // The knee joint line, 47.5-49.9 cm above the floor (anatomy.md §2).
  t.kneeHeightCm = 49.0;
  return t;
}

Tissue::Tissue(const Anatomy& anatomy, const Engine& engine, const TissueParams& params) : p_(params) {
  const Network& net = engine.network();
  for (std::size_t b = 0; b < net.beds.size(); ++b) {
    const Bed& bed = net.beds[b];
    const int leg = bed.region == "leg_left" ? 0 : bed.region == "leg_right" ? 1 : -1;
    if (leg < 0 || bed.node < 0 || bed.resistance <= 0.0) continue;
    if (net.nodes[static_cast<std::size_t>(bed.node)].center.z < p_.kneeHeightCm)
      beds_[static_cast<std::size_t>(leg)].push_back(static_cast<int>(b));
  }
  if (beds_[0].empty() || beds_[1].empty()) throw Error("tissue: the scene has no capillary beds below the knees");
  for (int leg = 0; leg < 2; ++leg)
    for (int b : beds_[static_cast<std::size_t>(leg)]) {
      const Compartment& bn = net.nodes[static_cast<std::size_t>(net.beds[static_cast<std::size_t>(b)].node)];
      int best = -1;
      float bestD = 1e30f;
      for (std::size_t i = 0; i < net.nodes.size(); ++i) {
        const Compartment& c = net.nodes[i];
        if (c.vessel < 0 || c.side != bn.side) continue;
        const float dist = glm::distance(c.center, bn.center);
        if (dist < bestD) bestD = dist, best = static_cast<int>(i);
      }
      skinNode_[static_cast<std::size_t>(leg)].push_back(best);
    }
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    if (net.nodes[i].group == ExtGroup::CalfLeft) calfNodes_[0].push_back(static_cast<int>(i));
    if (net.nodes[i].group == ExtGroup::CalfRight) calfNodes_[1].push_back(static_cast<int>(i));
  }
  // The thoracic duct ends at the left venous angle, where the left internal jugular and
  // subclavian veins form the left brachiocephalic vein (any anatomy text).
  for (const char* id : {"brachiocephalic_vein_left", "superior_vena_cava"})
    if (lymphNode_ < 0) lymphNode_ = net.nodeAt(anatomy.vesselIndex(id), 0.0f);
  for (std::size_t j = 0; j < net.links.size() && lymphNode_ < 0; ++j)  // else where the veins meet the heart
    if (net.links[j].b == kAtriumNode) lymphNode_ = net.links[j].a;
  const DriverSettings& d = engine.drivers().settings();
  if (d.posture != Posture::Supine || d.activity != Activity::Still)
    throw Error("tissue: it is calibrated on the engine's supine rest; build it before the scenario's posture");
  for (int leg = 0; leg < 2; ++leg) pvSupine_[static_cast<std::size_t>(leg)] = venousPressure(engine, leg);
  // Normal hydration is the supine steady state: what filters there, lymph carries away.
  const double nfp = p_.capillarySupine - p_.pt0 - p_.sigma * (p_.plasmaOncotic - p_.interstitialOncotic0);
  lymph0_ = std::max(p_.kf * nfp, 0.0);
  for (auto& s : legs_) {
    s.interstitialOncotic = p_.interstitialOncotic0;
    s.tissuePressure = p_.pt0;
    s.capillaryPressure = p_.capillarySupine;
    s.filtration = s.lymph = lymph0_;
  }
}

double Tissue::venousPressure(const Engine& engine, int leg) const {
  const Network& net = engine.network();
  double wsum = 0.0, pv = 0.0;
  for (int b : beds_[static_cast<std::size_t>(leg)]) {
    const Bed& bed = net.beds[static_cast<std::size_t>(b)];
    const double w = 1.0 / bed.resistance;  // each bed weighs by its share of the resting flow
    pv += w * engine.pressure(bed.node);
    wsum += w;
  }
  return pv / wsum;
}

TissueDrive Tissue::drive(const Engine& engine, int leg) const {
  const Network& net = engine.network();
  const DriverSettings& d = engine.drivers().settings();
  const double pv = venousPressure(engine, leg);
  TissueDrive out;
  out.capillaryPressure = p_.capillarySupine + p_.capillarySlope * (pv - pvSupine_[static_cast<std::size_t>(leg)]);
  const double reflex = std::clamp((pv - p_.varStart) / (p_.varFull - p_.varStart), 0.0, 1.0);
  out.kf = p_.kf * (1.0 - (1.0 - p_.varFactor) * reflex);
  // On the tissue: a stocking's share (the beds' external pressure) and the calf muscles'
  // pressure on the deep calf veins (the pump's compartment pressure, 0 at rest).
  double wsum = 0.0, skin = 0.0;
  const auto& beds = beds_[static_cast<std::size_t>(leg)];
  for (std::size_t k = 0; k < beds.size(); ++k) {
    const Bed& bed = net.beds[static_cast<std::size_t>(beds[k])];
    const int at = skinNode_[static_cast<std::size_t>(leg)][k];
    if (at >= 0) skin += engine.conditions().nodeExternal[static_cast<std::size_t>(at)] / bed.resistance;
    wsum += 1.0 / bed.resistance;
  }
  double muscle = 0.0;
  const auto& calf = calfNodes_[static_cast<std::size_t>(leg)];
  for (int i : calf) {
    const NodeOutput o = engine.node(i);
    muscle += (o.pressureMmHg - o.transmuralMmHg) * kMmHg - engine.conditions().nodeExternal[static_cast<std::size_t>(i)];
  }
  const auto n = calf.size();
  out.externalPressure = p_.skinTransmission * skin / wsum;
  out.musclePressure = n > 0 ? std::max(muscle / static_cast<double>(n), 0.0) : 0.0;
  out.lymphPump = d.activity == Activity::Still ? 1.0 : p_.lymphPumpWalking;
  return out;
}

double Tissue::interstitialPressure(double extra) const {
  if (extra <= p_.kneeVolume) return p_.pt0 + extra / p_.complianceNormal;
  return p_.pt0 + p_.kneeVolume / p_.complianceNormal + (extra - p_.kneeVolume) / p_.complianceOedema;
}

void Tissue::integrate(LegTissueState& s, const TissueDrive& d, double dt) const {
  // The interstitial proteins stay (their turnover takes about a day); extra fluid dilutes
  // them, which lowers pi_i: the "washout" safety factor against oedema.
  const double vi = std::max(p_.interstitialVolume0 + s.extraVolume, 0.1 * p_.interstitialVolume0);
  s.interstitialOncotic = p_.interstitialOncotic0 * p_.interstitialVolume0 / vi;
  // Lymph drains the interstitium's own pressure (with a stocking's share); the contracting
  // calf presses on the capillaries too, which filters less, and pumps the lymph (lymphPump).
  s.tissuePressure = interstitialPressure(s.extraVolume) + d.externalPressure;
  s.capillaryPressure = d.capillaryPressure;
  s.filtration = d.kf * ((d.capillaryPressure - s.tissuePressure - d.musclePressure) -
                         p_.sigma * (p_.plasmaOncotic - s.interstitialOncotic));
  // Lymph follows the interstitium's own pressure: a stocking presses on the lymph vessels as
  // much as on the fluid around them.
  const double rise = std::max(interstitialPressure(s.extraVolume) - p_.pt0, 0.0);
  s.lymph = std::min(lymph0_ * (1.0 + p_.lymphGain * rise) * d.lymphPump, lymph0_ * p_.lymphMaxFactor);
  // Explicit Euler: the tissue's time constant is tens of minutes, the steps are seconds.
  const double dv = dt * (s.filtration - s.lymph);
  s.extraVolume = std::max(s.extraVolume + dv, -0.5 * p_.interstitialVolume0);
  s.filteredTotal += dt * s.filtration;
  s.lymphTotal += dt * s.lymph;
}

void Tissue::step(Engine& engine, double dt) {
  std::vector<double>& src = engine.nodeSources();
  const Network& net = engine.network();
  double lymphIn = 0.0;
  for (int leg = 0; leg < 2; ++leg) {
    LegTissueState& s = legs_[static_cast<std::size_t>(leg)];
    integrate(s, drive(engine, leg), dt);
    // The filtrate leaves at the leg's beds, shared as their resting flows.
    double wsum = 0.0;
    for (int b : beds_[static_cast<std::size_t>(leg)]) wsum += 1.0 / net.beds[static_cast<std::size_t>(b)].resistance;
    for (int b : beds_[static_cast<std::size_t>(leg)]) src[static_cast<std::size_t>(net.beds[static_cast<std::size_t>(b)].node)] = 0.0;
    for (int b : beds_[static_cast<std::size_t>(leg)]) {
      const Bed& bed = net.beds[static_cast<std::size_t>(b)];
      src[static_cast<std::size_t>(bed.node)] -= s.filtration * (1.0 / bed.resistance) / wsum;
    }
    lymphIn += s.lymph;
  }
  if (lymphNode_ >= 0) src[static_cast<std::size_t>(lymphNode_)] = lymphIn;
}

void Tissue::advance(const std::array<TissueDrive, 2>& drives, double seconds, double maxStep) {
  const int n = std::max(1, static_cast<int>(std::ceil(seconds / maxStep)));
  const double dt = seconds / n;
  for (int k = 0; k < n; ++k)
    for (int leg = 0; leg < 2; ++leg) integrate(legs_[static_cast<std::size_t>(leg)], drives[static_cast<std::size_t>(leg)], dt);
}

}  // namespace venaviz::hemo
