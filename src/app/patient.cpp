#include "app/patient.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "hemo/scenario.h"
#include "hemo/params.h"

namespace venaviz::patient {
namespace {

constexpr std::string_view kProblemIds[] = {"healthy", "leaky", "clot", "squeezed"};
constexpr std::string_view kSituationIds[] = {"standing", "walking", "legs_up", "stockings", "treated"};

bool endsWith(const std::string& s, std::string_view tail) { return s.size() >= tail.size() && s.ends_with(tail); }
bool startsWith(const std::string& s, std::string_view head) { return s.rfind(head, 0) == 0; }
int sideOf(const std::string& id) { return endsWith(id, "_left") ? 0 : endsWith(id, "_right") ? 1 : -1; }

bool upright(hemo::Posture p) { return p == hemo::Posture::Standing || p == hemo::Posture::Tilt; }

}  // namespace

std::string_view toString(Problem p) { return kProblemIds[static_cast<int>(p)]; }
std::string_view toString(Situation s) { return kSituationIds[static_cast<int>(s)]; }

std::optional<Problem> parseProblem(std::string_view id) {
  for (Problem p : kProblems)
    if (toString(p) == id) return p;
  return std::nullopt;
}

std::optional<Situation> parseSituation(std::string_view id) {
  for (Situation s : kSituations)
    if (toString(s) == id) return s;
  return std::nullopt;
}

bool treatable(Problem p) { return p != Problem::Healthy; }

Choice choose(Choice c, std::string_view id) {
  if (auto p = parseProblem(id)) {
    if (*p != c.problem && c.situation == Situation::Treated) c.situation = Situation::Standing;
    c.problem = *p;
  } else if (auto s = parseSituation(id)) {
    c.situation = *s;
  }
  if (c.situation == Situation::Treated && !treatable(c.problem)) c.situation = Situation::Standing;
  return c;
}

std::vector<std::string> choiceActions(const Choice& c) {
  std::vector<std::string> a{"reset_body"};
  const bool treated = c.situation == Situation::Treated;
  switch (c.problem) {
    case Problem::Healthy:
      break;
    case Problem::Leaky:  // every valve of the left great saphenous vein fails (varicose veins)
      a.push_back("condition valve_incompetence left_gsv 1");
      // Endovenous ablation closes the vein from the knee to the groin (lesson 05).
      if (treated) a.push_back("condition ablation great_saphenous_vein_left from=0.5 to=0.98");
      break;
    case Problem::Clot:  // an iliofemoral DVT filling 90% of the lumen; treated: removed
      if (!treated) a.push_back("thrombosis iliofemoral left 0.9");
      break;
    case Problem::Squeezed:  // May-Thurner: 70% of the lumen lost; treated: a stent
      a.push_back("condition may_thurner common_iliac_vein_left 0.7");
      if (treated) a.push_back("condition iliac_stent");
      break;
  }
  switch (c.situation) {
    case Situation::Standing:
      a.insert(a.end(), {"posture standing", "activity still"});
      break;
    case Situation::Walking:
    case Situation::Treated:  // walking shows what the treatment changed
      a.insert(a.end(), {"posture standing", "activity walking"});
      break;
    case Situation::LegsUp:
      a.insert(a.end(), {"posture legs_elevated", "activity still"});
      break;
    case Situation::Stockings:  // class 2 stockings, 23-32 mmHg at the ankle (lesson 05)
      a.insert(a.end(), {"posture standing", "activity still", "condition stockings both pressure=23"});
      break;
  }
  return a;
}

void Tracker::update(const hemo::Engine& e, const Anatomy& an, double dt) {
  if (!ready_) {
    ready_ = true;
    const hemo::Network& net = e.network();
    for (int s = 0; s < 2; ++s) {
      const std::string gsv = s == 0 ? "great_saphenous_vein_left" : "great_saphenous_vein_right";
      ankleNode_[s] = net.nodeAt(an.vesselIndex(gsv), 0.06f);
      if (ankleNode_[s] >= 0) ankle_[s] = e.pressure(ankleNode_[s]) / hemo::kMmHg;
      for (std::size_t v = 0; v < an.valves.size(); ++v)
        if (an.valves[v].vessel == gsv) gsvValves_[s].push_back(static_cast<int>(v));
    }
    changedAt_ = e.time();
    posture_ = e.drivers().settings().posture;
    activity_ = e.drivers().settings().activity;
  }
  const hemo::DriverSettings& d = e.drivers().settings();
  if (d.posture != posture_ || d.activity != activity_) {
    posture_ = d.posture;
    activity_ = d.activity;
    changedAt_ = e.time();
  }
  const double k = 1.0 - std::exp(-dt / 3.0);  // a 3 s running mean: about five strides
  for (int s = 0; s < 2; ++s) {
    if (ankleNode_[s] >= 0) ankle_[s] += (e.pressure(ankleNode_[s]) / hemo::kMmHg - ankle_[s]) * k;
    for (int v : gsvValves_[s])
      if (e.valveCurrentReflux(v) > 0.5) refluxAt_[s] = e.time();
  }
}

Facts measure(const hemo::Engine& e, const Anatomy& an, const Tracker& t) {
  Facts f;
  const hemo::DriverSettings& d = e.drivers().settings();
  f.posture = d.posture;
  f.activity = d.activity;
  f.sinceChange = t.sinceChange(e.time());
  const hemo::Conditions& c = e.conditions();
  const hemo::Network& net = e.network();
  for (int s = 0; s < 2; ++s) {
    f.ankle[s] = t.ankleMmHg(s);
    f.refluxSeen[s] = t.sinceReflux(s, e.time()) < 6.0;
    std::vector<int> valves;
    try {
      valves = hemo::selectValves(an, s == 0 ? "left_gsv" : "right_gsv");
    } catch (const Error&) {
      // A scene without great saphenous valves on this side: nothing there can leak.
    }
    f.leaky[s] = std::any_of(valves.begin(), valves.end(), [&](int v) {
      return static_cast<std::size_t>(v) < c.valveRegurgitant.size() && c.valveRegurgitant[static_cast<std::size_t>(v)] >= 0.5;
    });
  }
  for (std::size_t j = 0; j < net.links.size() && j < c.linkLesion.size(); ++j) {
    const hemo::Lesion lesion = c.linkLesion[j];
    if (lesion == hemo::Lesion::None) continue;
    const int vi = net.links[j].owner;
    if (vi < 0) continue;
    const Vessel& v = an.vessels[static_cast<std::size_t>(vi)];
    const int s = sideOf(v.id);
    if (lesion == hemo::Lesion::Thrombus && s >= 0 && v.system == VesselSystem::Deep) f.clot[s] = true;
    if (lesion == hemo::Lesion::Closure && s >= 0 && startsWith(v.id, "great_saphenous")) f.closed[s] = true;
    if (lesion == hemo::Lesion::Compression && v.id == "common_iliac_vein_left") {
      f.squeezed = std::max(f.squeezed, static_cast<float>(1.0 - c.linkArea[j]));
      const hemo::Link& l = net.links[j];
      if (l.b >= 0) f.squeezeGradient = std::max(f.squeezeGradient, (e.pressure(l.a) - e.pressure(l.b)) / hemo::kMmHg);
    }
  }
  double mainPath = 0.0;
  if (const int civ = net.nodeAt(an.vesselIndex("common_iliac_vein_left"), 0.5f); civ >= 0)
    mainPath = std::abs(e.node(civ).flowMlS) * 60.0;
  for (std::size_t vi = 0; vi < an.vessels.size(); ++vi) {
    const Vessel& v = an.vessels[vi];
    // The pelvic and lumbar side veins (not the vertebral plexus that drains the head).
    if (v.system != VesselSystem::Collateral || v.id == "vertebral_venous_plexus" || net.vesselNodes[vi].empty())
      continue;
    f.collateralMlMin += std::abs(e.node(net.vesselNodes[vi].back()).flowMlS) * 60.0;
  }
  if (f.collateralMlMin + mainPath > 1.0) f.collateralShare = f.collateralMlMin / (f.collateralMlMin + mainPath);
  for (int n = 0; n < static_cast<int>(c.nodeExternal.size()); ++n)
    if (c.nodeExternal[static_cast<std::size_t>(n)] > 5.0 * hemo::kMmHg) f.stockings = true;
  return f;
}

int gaugeLevel(const Facts& f) {
  const double p = std::max(f.ankle[0], f.ankle[1]);
  return p < kLowBelow ? 0 : p < kHighFrom ? 1 : 2;
}

float gaugePosition(const Facts& f) {
  // Each word a third of the bar: 0-15 mmHg, 15-35, 35-100 (standing still is about 90).
  const double p = std::max(f.ankle[0], f.ankle[1]);
  double x;
  if (p < kLowBelow)
    x = std::max(0.0, p) / kLowBelow / 3.0;
  else if (p < kHighFrom)
    x = (1.0 + (p - kLowBelow) / (kHighFrom - kLowBelow)) / 3.0;
  else
    x = (2.0 + std::min(1.0, (p - kHighFrom) / (100.0 - kHighFrom))) / 3.0;
  return static_cast<float>(std::clamp(x, 0.02, 0.98));
}

std::vector<std::string> captionKeys(const Facts& f, const Choice& c) {
  // Each sentence has a priority (0 first); at most kMaxSentences are kept, in reading order.
  std::vector<std::pair<std::string, int>> out;
  auto say = [&](const char* key, int priority) {
    for (const auto& k : out)
      if (k.first == key) return;
    out.emplace_back(key, priority);
  };
  const bool up = upright(f.posture), still = f.activity == hemo::Activity::Still;
  const bool lying = f.posture == hemo::Posture::Supine || f.posture == hemo::Posture::LegsElevated;
  // Walking's effect shows after a few strides: judge the gauge once it had time to fall.
  // (6 s: a choice's 8 s run-in has passed by the time its caption is read.)
  const bool highWalk = !still && f.sinceChange >= 6.0 && gaugeLevel(f) == 2;
  const bool blocked = f.clot[0] || f.clot[1] || f.squeezed > 0.5f;
  const bool leaking = f.leaky[0] || f.leaky[1] || f.refluxSeen[0] || f.refluxSeen[1];
  // 1. Where the body is and what the ankle feels.
  if (f.posture == hemo::Posture::Supine)
    say("caption.lying", 0);
  else if (f.posture == hemo::Posture::LegsElevated)
    say("caption.legs_up", 0);
  else if (f.posture == hemo::Posture::Sitting)
    say("caption.sitting", 0);
  else if (still)
    say("caption.standing", 0);
  else if (!highWalk)
    say("caption.walking_pump", 0);
  else
    // Name a cause only where the body has it; otherwise say what the gauge shows.
    say(blocked ? "caption.walking_blocked" : leaking ? "caption.walking_weak" : "caption.walking_high", 0);
  // 2. What is wrong, and what it does now.
  bool problem = false;
  for (int s = 0; s < 2; ++s) {
    if (f.closed[s]) {
      say("caption.ablation", 0);
      problem = true;
    } else if (f.leaky[s]) {
      say(s == 0 ? "caption.leaky_left" : "caption.leaky_right", 0);
      if (up && still) {
        say("caption.leaky_falls_back", 1);
        say("caption.walk_helps", 3);
      }
      if (lying) say("caption.leaky_lying", 1);
      problem = true;
    }
    if (f.refluxSeen[s] && !f.closed[s]) say("caption.reflux_seen", 1);
  }
  bool aroundBlock = false;
  for (int s = 0; s < 2; ++s) {
    if (!f.clot[s]) continue;
    say(s == 0 ? "caption.clot_left" : "caption.clot_right", 0);
    if (f.ankle[s] - f.ankle[1 - s] >= 2.0) say("caption.clot_pressure", 1);
    aroundBlock = true;
    problem = true;
  }
  if (c.problem == Problem::Clot && !blocked) {
    say("caption.clot_gone", 0);
    problem = true;
  }
  if (f.squeezed >= 0.3f) {
    say("caption.squeezed", 0);
    if (f.squeezeGradient >= kSqueezeGradient) say("caption.squeezed_effect", 1);
    aroundBlock = true;
    problem = true;
  } else if (c.problem == Problem::Squeezed) {
    say("caption.stent", 0);
    problem = true;
  }
  if (aroundBlock && f.collateralShare >= kCollateralShare) say("caption.side_veins", 2);
  // 3. What helps, and what is normal.
  if (f.stockings) say("caption.stockings", 1);
  if (!problem) {
    if (up) say("caption.valves_work", 1);
    if (!up || !still) say("caption.flow_up", 2);
  }
  if (up && still && !f.stockings) say("caption.standing_hours", 4);
  // Drop the least needed sentences (highest priority number, the later first).
  while (out.size() > kMaxSentences) {
    auto worst = out.begin();
    for (auto it = out.begin(); it != out.end(); ++it)
      if (it->second >= worst->second) worst = it;
    out.erase(worst);
  }
  std::vector<std::string> keys;
  for (auto& k : out) keys.push_back(std::move(k.first));
  // "Walking still squeezes the veins. But ..." follows what is wrong, not before it.
  if (keys.size() > 1 && (keys[0] == "caption.walking_weak" || keys[0] == "caption.walking_blocked" ||
                          keys[0] == "caption.walking_high"))
    std::rotate(keys.begin(), keys.begin() + 1, keys.begin() + 2);
  return keys;
}

std::string vesselKey(const std::string& id, VesselSystem system) {
  if (system == VesselSystem::Artery) return "vessel.artery";
  if (system == VesselSystem::Perforator || startsWith(id, "perforator")) return "vessel.perforator";
  struct Rule {
    std::string_view prefix, key;
  };
  static constexpr Rule kRules[] = {
      {"great_saphenous", "vessel.great_saphenous"},
      {"small_saphenous", "vessel.small_saphenous"},
      {"anterior_accessory_saphenous", "vessel.side"},
      {"posterior_arch", "vessel.side"},
      {"superficial_", "vessel.side"},
      {"common_femoral", "vessel.femoral"},
      {"deep_femoral", "vessel.femoral"},
      {"femoral", "vessel.femoral"},
      {"popliteal", "vessel.popliteal"},
      {"tibioperoneal", "vessel.calf"},
      {"posterior_tibial", "vessel.calf"},
      {"anterior_tibial", "vessel.calf"},
      {"peroneal", "vessel.calf"},
      {"gastrocnemius", "vessel.calf"},
      {"soleal", "vessel.calf"},
      {"dorsal_venous_arch", "vessel.foot"},
      {"medial_plantar", "vessel.foot"},
      {"lateral_plantar", "vessel.foot"},
      {"common_iliac", "vessel.iliac"},
      {"external_iliac", "vessel.iliac"},
      {"internal_iliac", "vessel.iliac"},
      {"inferior_vena_cava", "vessel.vena_cava"},
      {"superior_vena_cava", "vessel.vena_cava"},
      {"internal_jugular", "vessel.jugular"},
      {"external_jugular", "vessel.jugular"},
      {"vertebral_vein", "vessel.jugular"},
      {"superior_sagittal_sinus", "vessel.brain_sinus"},
      {"straight_sinus", "vessel.brain_sinus"},
      {"occipital_sinus", "vessel.brain_sinus"},
      {"transverse_sinus", "vessel.brain_sinus"},
      {"sigmoid_sinus", "vessel.brain_sinus"},
      {"condylar", "vessel.brain_sinus"},
      {"hepatic", "vessel.hepatic"},
      {"caudate", "vessel.hepatic"},
      {"portal_vein", "vessel.portal"},
      {"superior_mesenteric", "vessel.gut"},
      {"inferior_mesenteric", "vessel.gut"},
      {"superior_rectal", "vessel.gut"},
      {"splenic", "vessel.spleen"},
      {"left_gastric", "vessel.stomach"},
      {"oesophageal_varices", "vessel.liver_bypass"},
      {"paraumbilical", "vessel.liver_bypass"},
      {"splenorenal", "vessel.liver_bypass"},
      {"rectal_portosystemic", "vessel.liver_bypass"},
      {"tips_shunt", "vessel.tips"},
      {"palma", "vessel.graft"},
      {"renal", "vessel.kidney"},
      {"gonadal", "vessel.gonadal"},
      {"subclavian", "vessel.arm"},
      {"brachiocephalic", "vessel.arm"},
      {"ascending_lumbar", "vessel.back"},
      {"lumbar", "vessel.back"},
      {"azygos", "vessel.back"},
      {"hemiazygos", "vessel.back"},
      {"vertebral_venous_plexus", "vessel.back"},
      {"cross_pelvic", "vessel.side"},
      {"sinus", "vessel.head"},
      {"cerebral", "vessel.head"},
  };
  for (const Rule& r : kRules)
    if (startsWith(id, r.prefix)) return std::string(r.key);
  return system == VesselSystem::Collateral ? "vessel.side" : "vessel.vein";
}

}  // namespace venaviz::patient
