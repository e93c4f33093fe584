#include "hemo/skin.h"

#include <algorithm>
#include <cmath>

namespace venaviz::hemo {

std::string_view toString(Ceap c) {
  switch (c) {
    case Ceap::C0: return "C0";
    case Ceap::C2: return "C2";
    case Ceap::C3: return "C3";
    case Ceap::C4a: return "C4a";
    case Ceap::C4b: return "C4b";
    case Ceap::C6: return "C6";
  }
  return "C0";
}

std::string_view describe(Ceap c) {
  switch (c) {
    case Ceap::C0: return "no signs of venous disease";
    case Ceap::C2: return "varicose veins";
    case Ceap::C3: return "swelling (venous oedema)";
    case Ceap::C4a: return "brown staining of the skin (pigmentation)";
    case Ceap::C4b: return "hard, tight skin (lipodermatosclerosis)";
    case Ceap::C6: return "an open sore (venous ulcer)";
  }
  return "";
}

double ulcerAssociationPct(double avp) {
  // Ulcer incidence by ambulatory venous pressure band: < 30 mmHg 0 %, 31-40 12 %, 41-50 22 %,
  // 51-60 38 %, 61-70 57 %, 71-80 68 %, > 80 73 % (Nicolaides AN et al., J Vasc Surg
  // 1993;17:414; physiology.md §4, bands recalled there, not read: grade M/L).
  if (avp < 30.0) return 0.0;
  if (avp <= 40.0) return 12.0;
  if (avp <= 50.0) return 22.0;
  if (avp <= 60.0) return 38.0;
  if (avp <= 70.0) return 57.0;
  if (avp <= 80.0) return 68.0;
  return 73.0;
}

SkinEstimate estimateSkin(double avp, bool reflux, double years) {
  SkinEstimate e;
  e.avpMmHg = avp;
  e.reflux = reflux;
  e.years = std::max(years, 0.0);
  e.ulcerPct = ulcerAssociationPct(avp);
  if (!reflux && avp < 30.0) return e;  // C0: a normal walking pressure and competent valves
  // Of limbs with varicose veins, 31.9 % developed chronic venous insufficiency (C3-C6) over 13
  // years (Edinburgh Vein Study; Robertson L et al. JVS-VL 2013;1:59, Lee AJ et al. 2015;3:18;
  // physiology.md §11), taken as a constant yearly hazard: 1 - 0.681^(years / 13). A raised
  // walking pressure without reflux (an obstruction) counts the same.
  const double p = 1.0 - std::pow(1.0 - 0.319, e.years / 13.0);
  e.skinChangePct = 100.0 * p;
  // The class drawn (display thresholds, not published cut-offs): swelling once one leg in
  // five such legs has skin changes or swelling, pigmentation at one in three, hard skin at one
  // in two; an ulcer where that chance times the AVP band's ulcer share passes one in four.
  e.ceap = Ceap::C2;
  if (p >= 0.2) e.ceap = Ceap::C3;
  if (p >= 1.0 / 3.0 && avp > 40.0) e.ceap = Ceap::C4a;
  if (p >= 0.5 && avp > 50.0) e.ceap = Ceap::C4b;
  if (p * e.ulcerPct / 100.0 >= 0.25) e.ceap = Ceap::C6;
  return e;
}

bool legReflux(const Anatomy& a, const Conditions& c, int side) {
  for (std::size_t k = 0; k < a.valves.size() && k < c.valveRegurgitant.size(); ++k) {
    const std::string& v = a.valves[k].vessel;
    const bool here = side > 0 ? v.ends_with("_left") : v.ends_with("_right");
    if (here && c.valveRegurgitant[k] >= 0.5) return true;
  }
  return false;
}

double walkingAnklePressure(const Anatomy& anatomy, const Conditions& conditions, int side) {
  Engine e(anatomy);
  if (conditions.linkArea.size() == e.conditions().linkArea.size() &&
      conditions.nodeExternal.size() == e.conditions().nodeExternal.size())
    e.conditions() = conditions;
  const int node = e.network().nodeAt(anatomy.vesselIndex(side > 0 ? "great_saphenous_vein_left" : "great_saphenous_vein_right"), 0.06f);
  if (node < 0) return 0.0;
  DriverSettings& d = e.drivers().settings();
  e.drivers().setPosture(Posture::Standing, 0.0, e.time(), 1e-6);
  e.settle(60.0);
  d.activity = Activity::Walking;
  d.activityStart = e.time();
  const double dt = 1.0 / 240.0;
  double sum = 0.0;
  int n = 0;
  for (double t = 0.0; t < 40.0; t += dt) {
    e.step(dt);
    if (t >= 20.0) sum += e.pressure(node), ++n;
  }
  return n > 0 ? sum / n / kMmHg : 0.0;
}

}  // namespace venaviz::hemo
