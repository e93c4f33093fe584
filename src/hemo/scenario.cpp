#include "hemo/scenario.h"

#include <algorithm>
#include <cmath>

#include "anatomy/centerline.h"
#include "core/error.h"
#include "hemo/engine.h"

namespace venaviz::hemo {
namespace {

bool has(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

const Vessel& vesselOrThrow(const Anatomy& a, const std::string& id, const std::string& kind) {
  const Vessel* v = a.findVessel(id);
  if (!v || v->isArtery()) throw Error(kind + ": no vein \"" + id + "\" in this scene");
  return *v;
}

void checkSeverity(const Condition& c, double hi = 1.0) {
  if (!(c.severity >= 0.0 && c.severity <= hi))
    throw Error(c.kind + ": severity " + std::to_string(c.severity) + " is out of range; expected 0 to " +
                std::to_string(hi).substr(0, 4));
}

/// Links lying in [from, to] of a vessel (both ends inside, or the junction out of its last node).
std::vector<int> linksIn(const Engine& e, int vessel, double from, double to) {
  std::vector<int> out;
  const Network& n = e.network();
  for (std::size_t j = 0; j < n.links.size(); ++j) {
    const Link& l = n.links[j];
    const Compartment& a = n.nodes[static_cast<std::size_t>(l.a)];
    if (a.vessel != vessel) continue;
    const double f = a.fracEnd;  // the link leaves compartment a at its downstream end
    if (f >= from - 1e-6 && f <= to + 1e-6)
      out.push_back(static_cast<int>(j));
    else if (a.fracStart < to && a.fracEnd > from)
      out.push_back(static_cast<int>(j));
  }
  return out;
}

/// Every link that belongs to a vessel (Link::owner): inside it, its junction, its origin.
std::vector<int> linksTouching(const Engine& e, int vessel) {
  std::vector<int> out;
  const Network& n = e.network();
  for (std::size_t j = 0; j < n.links.size(); ++j) {
    const Link& l = n.links[j];
    if (l.owner == vessel) out.push_back(static_cast<int>(j));
  }
  return out;
}

/// Where the IVC's suprahepatic part begins: above the highest hepatic vein ostium.
double suprahepaticIvcFrom(const Anatomy& a) {
  const Vessel* ivc = a.findVessel("inferior_vena_cava");
  if (!ivc) throw Error("budd_chiari: this scene has no inferior_vena_cava");
  double at = 0.0;
  for (const Vessel& v : a.vessels)
    if (v.drainsInto == ivc->id && has(v.id, "hepatic_vein")) at = std::max(at, static_cast<double>(v.drainsAt));
  return std::min(at + 0.02, 0.99);
}

void setArea(Engine& e, const std::vector<int>& links, double fraction, Lesion cause) {
  Conditions& c = e.conditions();
  for (int j : links) {
    c.linkArea[static_cast<std::size_t>(j)] = std::clamp(fraction, 1e-4, 1.0);
    c.linkLesion[static_cast<std::size_t>(j)] = fraction >= 1.0 ? Lesion::None : cause;
  }
}

std::vector<int> legNodes(const Engine& e, int side) {
  std::vector<int> out;
  const Network& n = e.network();
  for (std::size_t i = 0; i < n.nodes.size(); ++i) {
    const Compartment& c = n.nodes[i];
    if (c.vessel >= 0 && (side == 0 ? c.side != 0 : c.side == side) && c.center.z < 92.0f)
      out.push_back(static_cast<int>(i));
  }
  return out;
}

int sideFromTarget(const std::string& t) {
  return t == "left" ? 1 : t == "right" ? -1 : 0;
}

}  // namespace

/// Where the right common iliac artery crosses the left common iliac vein (fraction along the vein).
double mayThurnerFraction(const Anatomy& a) {
  const Vessel* vein = a.findVessel("common_iliac_vein_left");
  const Vessel* artery = a.findVessel("common_iliac_artery_right");
  if (!vein) throw Error("may_thurner: this scene has no common_iliac_vein_left");
  if (!artery) return 0.75;
  float best = 1e9f, bestF = 0.75f;
  for (int k = 0; k <= 200; ++k) {
    const float f = static_cast<float>(k) / 200.0f;
    float d = 0.0f;
    closestFraction(artery->points, polylinePoint(vein->points, f), &d);
    if (d < best) {
      best = d;
      bestF = f;
    }
  }
  return bestF;
}

const std::vector<std::pair<std::string, std::string>>& conditionKinds() {
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"valve_incompetence", "valves of target leak: severity = regurgitant fraction (0 competent .. 1 absent)"},
      {"absent_valves", "valves of target missing (congenital): regurgitant fraction 1"},
      {"valve_repair", "valves of target made competent again"},
      {"thrombus",
       "occlusion of target vein between from and to: severity = lumen lost (0..1); days since it formed: "
       "recanalisation and valve damage"},
      {"post_thrombotic", "target vein partly recanalised (severity = lumen lost) with its valves destroyed"},
      {"thrombus_removal", "target vein cleared"},
      {"may_thurner",
       "left common iliac vein compressed where the right common iliac artery crosses: severity = area lost (0..0.95)"},
      {"compression", "any vein compressed between from and to: severity = area lost"},
      {"iliac_stent", "stent in the left common iliac vein: undoes the compression"},
      {"jugular_stenosis", "internal jugular vein (target) narrowed: severity = area lost"},
      {"azygos_stenosis", "azygos vein narrowed at its arch over the right lung root: severity = area lost"},
      {"collateral_development",
       "collateral pathways opened: severity = fraction of their full lumen; target pelvic (default: the "
       "cross-pelvic and vertebral routes), portosystemic (varices, paraumbilical, splenorenal, rectal) or all"},
      {"budd_chiari",
       "hepatic venous outflow blocked: target hepatic_veins (default: the three main veins), a hepatic vein id, "
       "ivc (a web or clot of the IVC above the hepatic veins) or combined; severity = lumen lost; days since it "
       "formed: recanalisation as for thrombus"},
      {"anticoagulation",
       "blood thinners for days: clots in target (a vein id or all) shrink as they recanalise (residual halves "
       "every ~100 days, as for thrombus)"},
      {"venoplasty", "balloon angioplasty and stent of target vein (a hepatic vein, the IVC, a jugular vein): "
                     "its clot, web or narrowing is opened"},
      {"tips", "transjugular intrahepatic portosystemic shunt, right portal branch to right hepatic vein: "
               "severity = stent lumen as a fraction of 10 mm (0.64 = an 8 mm stent)"},
      {"palma_bypass", "Palma crossover graft from the left to the right common femoral vein (for a blocked left iliac vein)"},
      {"raised_abdominal_pressure", "abdominal pressure raised by pressure_mmhg (obesity, pregnancy)"},
      {"tight_clothing", "band of pressure_mmhg at the waist or groin (target \"waist\" or \"groin\")"},
      {"stockings",
       "graduated compression: pressure_mmhg at the ankle (class 1: 18, 2: 25, 3: 40), target left/right/both"},
      {"ablation", "target vein closed between from and to (endovenous ablation or ligation)"},
      {"perforator_ligation", "target perforator (or \"perforators\") tied off"},
      {"av_fistula", "arteriovenous fistula into target vein at from: severity = size (1 = about 500 mL/min)"},
  };
  return kinds;
}

std::vector<int> selectValves(const Anatomy& a, const std::string& target) {
  std::vector<int> out;
  if (const Valve* v = a.findValve(target)) {
    out.push_back(static_cast<int>(v - a.valves.data()));
    return out;
  }
  const bool isVessel = a.findVessel(target) != nullptr;
  for (std::size_t k = 0; k < a.valves.size(); ++k) {
    const Valve& valve = a.valves[k];
    const Vessel* v = a.findVessel(valve.vessel);
    if (!v) continue;
    const std::string& id = v->id;
    const std::string side = id.ends_with("_left") ? "left" : id.ends_with("_right") ? "right" : "";
    bool pick = false;
    if (isVessel)
      pick = id == target;
    else if (target == "all")
      pick = true;
    else if (target == "perforators")
      pick = v->system == VesselSystem::Perforator;
    else if (target == "deep_left" || target == "deep_right")
      pick = v->system == VesselSystem::Deep && v->region == Region::Leg && target.ends_with(side) && !side.empty();
    else if (target == "superficial_left" || target == "superficial_right")
      pick = v->system == VesselSystem::Superficial && target.ends_with(side) && !side.empty();
    else if (target == "left_gsv" || target == "right_gsv")
      pick = has(id, "great_saphenous") && target.starts_with(side) && !side.empty();
    else if (target == "left_ssv" || target == "right_ssv")
      pick = has(id, "small_saphenous") && target.starts_with(side) && !side.empty();
    if (pick) out.push_back(static_cast<int>(k));
  }
  if (out.empty() && !isVessel)
    throw Error("no valve, vein or valve group \"" + target +
                "\"; groups: all, perforators, deep_left, deep_right, superficial_left, superficial_right, left_gsv, "
                "right_gsv, left_ssv, right_ssv");
  return out;
}

void applyCondition(Engine& e, const Anatomy& a, const Condition& c) {
  Conditions& cond = e.conditions();
  const std::string& k = c.kind;
  if (!(c.from >= 0.0 && c.to <= 1.0 && c.from <= c.to)) throw Error(k + ": from/to must satisfy 0 <= from <= to <= 1");
  if (k == "valve_incompetence" || k == "absent_valves" || k == "valve_repair") {
    checkSeverity(c);
    const double value = k == "absent_valves" ? 1.0 : k == "valve_repair" ? 0.0 : c.severity;
    for (int v : selectValves(a, c.target)) cond.valveRegurgitant[static_cast<std::size_t>(v)] = value;
  } else if (k == "thrombus" || k == "compression") {
    checkSeverity(c);
    const Vessel& v = vesselOrThrow(a, c.target, k);
    if (!(c.days >= 0.0 && c.days <= 3650.0)) throw Error(k + ": days must be 0 to 3650");
    const double occlusion = c.severity * std::pow(0.5, c.days / 100.0);  // recanalisation
    setArea(e, linksIn(e, a.vesselIndex(v.id), c.from, c.to), 1.0 - occlusion,
            k == "thrombus" ? Lesion::Thrombus : Lesion::Compression);
    if (k == "thrombus" && c.days > 0.0) {
      // Valves caught in the clot are damaged as it organises (post-thrombotic reflux).
      const double damage = c.severity * (1.0 - std::pow(0.5, c.days / 344.0));
      for (int vi : selectValves(a, v.id)) {
        const double at = a.valves[static_cast<std::size_t>(vi)].at;
        if (at >= c.from && at <= c.to)
          cond.valveRegurgitant[static_cast<std::size_t>(vi)] =
              std::max(cond.valveRegurgitant[static_cast<std::size_t>(vi)], damage);
      }
    }
  } else if (k == "post_thrombotic") {
    checkSeverity(c);
    const Vessel& v = vesselOrThrow(a, c.target, k);
    setArea(e, linksIn(e, a.vesselIndex(v.id), c.from, c.to), 1.0 - c.severity, Lesion::Thrombus);
    for (int vi : selectValves(a, v.id)) cond.valveRegurgitant[static_cast<std::size_t>(vi)] = 0.8;
  } else if (k == "thrombus_removal") {
    const Vessel& v = vesselOrThrow(a, c.target, k);
    setArea(e, linksIn(e, a.vesselIndex(v.id), 0.0, 1.0), 1.0, Lesion::None);
  } else if (k == "may_thurner" || k == "iliac_stent") {
    if (k == "may_thurner") checkSeverity(c, 0.95);  // a stent takes no severity
    const double f = mayThurnerFraction(a);
    const Vessel& v = vesselOrThrow(a, "common_iliac_vein_left", k);
    const double half = 1.0 / std::max(1.0, static_cast<double>(polylineLength(v.points)));  // +-1 cm
    setArea(e, linksIn(e, a.vesselIndex(v.id), std::max(0.0, f - half), std::min(1.0, f + half)),
            k == "iliac_stent" ? 1.0 : 1.0 - c.severity, Lesion::Compression);
  } else if (k == "jugular_stenosis") {
    checkSeverity(c);
    const std::string id = c.target.empty() ? "internal_jugular_vein_right" : c.target;
    const Vessel& v = vesselOrThrow(a, id, k);
    setArea(e, linksIn(e, a.vesselIndex(v.id), 0.4, 0.6), 1.0 - c.severity, Lesion::Compression);
  } else if (k == "azygos_stenosis") {
    checkSeverity(c);
    const Vessel& v = vesselOrThrow(a, "azygos_vein", k);
    setArea(e, linksIn(e, a.vesselIndex(v.id), kAzygosArchFrom, kAzygosArchTo), 1.0 - c.severity, Lesion::Compression);
  } else if (k == "collateral_development") {
    checkSeverity(c);
    const std::string group = c.target.empty() ? "pelvic" : c.target;
    if (group != "all" && group != "pelvic" && group != "portosystemic")
      throw Error(k + ": target \"" + group + "\" is not a collateral group; expected all, pelvic or portosystemic");
    for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
      const Vessel& v = a.vessels[vi];
      // Shunts and grafts (closed at rest) are put in by treatments, not grown.
      if (v.system != VesselSystem::Collateral || v.restOpen <= 0.0f) continue;
      const bool porto = v.restOpen < 1.0f;  // the portosystemic routes open only under pressure
      if ((group == "pelvic" && porto) || (group == "portosystemic" && !porto)) continue;
      // The pelvic routes keep their historic 5% floor on the links inside them; a portosystemic
      // route never shuts below its resting lumen, and its origin opens with it.
      if (porto)
        setArea(e, linksTouching(e, static_cast<int>(vi)), std::max(c.severity, static_cast<double>(v.restOpen)),
                Lesion::Closure);
      else
        setArea(e, linksIn(e, static_cast<int>(vi), 0.0, 1.0), std::max(c.severity, 0.05), Lesion::Closure);
    }
  } else if (k == "budd_chiari") {
    checkSeverity(c);
    if (!(c.days >= 0.0 && c.days <= 3650.0)) throw Error(k + ": days must be 0 to 3650");
    const double occlusion = c.severity * std::pow(0.5, c.days / 100.0);
    const std::string t = c.target.empty() ? "hepatic_veins" : c.target;
    auto block = [&](const std::string& id, double from, double to) {
      const Vessel& v = vesselOrThrow(a, id, k);
      setArea(e, linksIn(e, a.vesselIndex(v.id), from, to), 1.0 - occlusion, Lesion::Thrombus);
    };
    if (t == "hepatic_veins" || t == "combined") {
      for (const char* id : {"hepatic_vein_right", "hepatic_vein_middle", "hepatic_vein_left"}) block(id, 0.5, 1.0);
    } else if (t != "ivc") {
      if (!has(t, "hepatic_vein")) throw Error(k + ": target \"" + t + "\" must be hepatic_veins, combined, ivc or a hepatic vein id");
      block(t, 0.5, 1.0);
    }
    if (t == "ivc" || t == "combined") block("inferior_vena_cava", suprahepaticIvcFrom(a), 1.0);
  } else if (k == "anticoagulation") {
    if (!(c.days >= 0.0 && c.days <= 3650.0)) throw Error(k + ": days must be 0 to 3650");
    const int only = c.target.empty() || c.target == "all" ? -1 : a.vesselIndex(vesselOrThrow(a, c.target, k).id);
    const Network& n = e.network();
    const double keep = std::pow(0.5, c.days / 100.0);
    for (std::size_t j = 0; j < n.links.size(); ++j) {
      if (cond.linkLesion[j] != Lesion::Thrombus) continue;
      if (only >= 0 && n.links[j].owner != only) continue;
      const double lost = (1.0 - cond.linkArea[j]) * keep;
      cond.linkArea[j] = std::clamp(1.0 - lost, 1e-4, 1.0);
      if (lost < 0.01) cond.linkLesion[j] = Lesion::None;
    }
  } else if (k == "venoplasty") {
    const Vessel& v = vesselOrThrow(a, c.target, k);
    for (int j : linksIn(e, a.vesselIndex(v.id), 0.0, 1.0)) {
      if (cond.linkLesion[static_cast<std::size_t>(j)] == Lesion::Closure) continue;  // not a collateral at rest
      cond.linkArea[static_cast<std::size_t>(j)] = 1.0;
      cond.linkLesion[static_cast<std::size_t>(j)] = Lesion::None;
    }
  } else if (k == "tips" || k == "palma_bypass") {
    const std::string id = k == "tips" ? "tips_shunt" : "palma_crossover_graft";
    const Vessel& v = vesselOrThrow(a, id, k);
    if (k == "tips") checkSeverity(c);
    const double open = k == "tips" ? std::max(c.severity, 0.05) : 1.0;
    setArea(e, linksTouching(e, a.vesselIndex(v.id)), open, open >= 1.0 ? Lesion::None : Lesion::Closure);
  } else if (k == "raised_abdominal_pressure") {
    if (c.pressureMmHg < 0.0 || c.pressureMmHg > 40.0) throw Error(k + ": pressure_mmhg must be 0 to 40");
    e.drivers().settings().abdominalExtra = c.pressureMmHg * kMmHg;
  } else if (k == "tight_clothing") {
    if (c.target != "waist" && c.target != "groin") throw Error(k + ": target must be \"waist\" or \"groin\"");
    if (c.pressureMmHg < 0.0 || c.pressureMmHg > 80.0) throw Error(k + ": pressure_mmhg must be 0 to 80");
    const float lo = c.target == "waist" ? 100.0f : 84.0f, hi = c.target == "waist" ? 110.0f : 94.0f;
    const Network& n = e.network();
    for (std::size_t i = 0; i < n.nodes.size(); ++i)
      if (n.nodes[i].group != ExtGroup::Cranial && n.nodes[i].center.z >= lo && n.nodes[i].center.z <= hi)
        cond.nodeExternal[i] = std::max(cond.nodeExternal[i], c.pressureMmHg * kMmHg);
  } else if (k == "stockings") {
    if (c.pressureMmHg < 0.0 || c.pressureMmHg > 60.0) throw Error(k + ": pressure_mmhg must be 0 to 60");
    const int side = sideFromTarget(c.target);
    if (side == 0 && c.target != "both" && !c.target.empty()) throw Error(k + ": target must be left, right or both");
    // Graduated: 100% at the ankle, 70% at mid-calf, 40% at the thigh (a common specification).
    for (int i : legNodes(e, side)) {
      const double z = e.network().nodes[static_cast<std::size_t>(i)].center.z;
      const double frac = z < 10.0   ? 1.0
                          : z < 30.0 ? 1.0 - 0.3 * (z - 10.0) / 20.0
                          : z < 60.0 ? 0.7 - 0.3 * (z - 30.0) / 30.0
                                     : 0.4;
      cond.nodeExternal[static_cast<std::size_t>(i)] = c.pressureMmHg * kMmHg * frac;
    }
  } else if (k == "ablation") {
    const Vessel& v = vesselOrThrow(a, c.target, k);
    setArea(e, linksIn(e, a.vesselIndex(v.id), c.from, c.to), 0.0, Lesion::Closure);
  } else if (k == "perforator_ligation") {
    const Vessel* named = a.findVessel(c.target);
    if (c.target != "perforators" && (!named || named->system != VesselSystem::Perforator))
      throw Error(k + ": \"" + c.target + "\" is not a perforator; expected a perforator id or \"perforators\"");
    for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
      const Vessel& v = a.vessels[vi];
      if (v.system == VesselSystem::Perforator && (c.target == "perforators" || c.target == v.id))
        setArea(e, linksIn(e, static_cast<int>(vi), 0.0, 1.0), 0.0, Lesion::Closure);
    }
  } else if (k == "av_fistula") {
    checkSeverity(c);
    const Vessel& v = vesselOrThrow(a, c.target, k);
    const int node = e.network().nodeAt(a.vesselIndex(v.id), static_cast<float>(c.from));
    // ~500 mL/min at full size against ~85 mmHg of arteriovenous difference.
    const double conductance = c.severity * units::mlPerMinToM3PerS(500.0) / (85.0 * kMmHg);
    cond.fistulas.emplace_back(node, conductance);
  } else {
    std::string list;
    for (const auto& [name, _] : conditionKinds()) list += (list.empty() ? "" : ", ") + name;
    throw Error("unknown condition \"" + k + "\"; expected one of: " + list);
  }
}

void applyScenario(Engine& e, const Anatomy& a, const Scenario& s) {
  DriverSettings& d = e.drivers().settings();
  e.drivers().setPosture(s.posture, s.tiltDeg, e.time(), 1e-6);
  d.activity = s.activity;
  d.activityStart = e.time();
  d.cadence = s.cadence;
  d.breathing = s.breathing;
  d.breathingRate = s.breathingRate;
  for (const Condition& c : s.conditions) applyCondition(e, a, c);
}

void applyEvent(Engine& e, const Anatomy& a, const Event& ev) {
  DriverSettings& d = e.drivers().settings();
  const std::string& act = ev.action;
  if (act == "posture") {
    auto p = parsePosture(ev.value);
    if (!p)
      throw Error("posture: unknown posture \"" + ev.value +
                  "\"; expected supine, standing, sitting, legs_elevated or tilt");
    e.drivers().setPosture(*p, ev.number, e.time());
  } else if (act == "activity") {
    auto ac = parseActivity(ev.value);
    if (!ac)
      throw Error("activity: unknown activity \"" + ev.value + "\"; expected still, walking, tiptoe or ankle_pumps");
    d.activity = *ac;
    d.activityStart = e.time();
    if (*ac == Activity::Walking && ev.number > 0.0) d.cadence = ev.number;
    if ((*ac == Activity::Tiptoe || *ac == Activity::AnklePumps) && ev.number > 0.0)
      d.tiptoeCount = static_cast<int>(ev.number);
  } else if (act == "valsalva") {
    d.valsalvaStart = e.time();
    d.valsalvaDuration = ev.number > 0.0 ? ev.number : DriverSettings{}.valsalvaDuration;
  } else if (act == "squeeze" || act == "cuff") {
    const int side = ev.value == "right" ? -1 : 1;
    if (ev.value != "left" && ev.value != "right") throw Error(act + ": side must be left or right");
    if (act == "squeeze") {
      d.squeezeStart = e.time();
      d.squeezeSide = side;
    } else {
      d.cuffStart = e.time();
      d.cuffSide = side;
    }
  } else if (act == "tourniquet") {
    if (ev.value != "left" && ev.value != "right" && ev.value != "off")
      throw Error("tourniquet: side must be left, right or off");
    d.tourniquetSide = ev.value == "left" ? 1 : ev.value == "right" ? -1 : 0;
    if (ev.number > 0.0) d.tourniquetPressure = ev.number * kMmHg;
  } else if (act == "breathing") {
    d.breathing = ev.value != "off";
    if (ev.number > 0.0) d.breathingRate = ev.number;
  } else if (act == "condition") {
    if (!ev.condition) throw Error("condition event without a condition");
    applyCondition(e, a, *ev.condition);
  } else {
    throw Error("unknown protocol action \"" + act +
                "\"; expected posture, activity, valsalva, squeeze, cuff, tourniquet, breathing or condition");
  }
}

}  // namespace venaviz::hemo
