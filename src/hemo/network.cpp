#include "hemo/network.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "anatomy/centerline.h"

namespace venaviz::hemo {
namespace {

bool has(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}
int sideOf(const std::string& id) {
  return id.ends_with("_left") ? 1 : id.ends_with("_right") ? -1 : 0;
}

float radiusAt(const Vessel& v, float f) {
  const float len = polylineLength(v.points), goal = std::clamp(f, 0.0f, 1.0f) * len;
  float acc = 0.0f;
  for (std::size_t i = 1; i < v.points.size(); ++i) {
    const float seg = glm::distance(v.points[i - 1], v.points[i]);
    if (goal <= acc + seg) return glm::mix(v.radii[i - 1], v.radii[i], seg > 0.0f ? (goal - acc) / seg : 0.0f);
    acc += seg;
  }
  return v.radii.back();
}

ExtGroup groupOf(const Vessel& v, Vec3 center) {
  const std::string& id = v.id;
  const int side = sideOf(id);
  if (v.system == VesselSystem::Superficial || v.system == VesselSystem::Perforator) return ExtGroup::None;
  if (has(id, "superior_vena_cava") || has(id, "brachiocephalic") || has(id, "azygos")) return ExtGroup::Thoracic;
  if (id == "inferior_vena_cava") return center.z > 127.5f ? ExtGroup::Thoracic : ExtGroup::Abdominal;  // caval hiatus
  if (v.region == Region::Leg) {
    if (has(id, "plantar")) return side > 0 ? ExtGroup::FootLeft : ExtGroup::FootRight;
    if (has(id, "tibial") || has(id, "peroneal") || has(id, "soleal") || has(id, "gastrocnemius") ||
        has(id, "tibioperoneal"))
      return side > 0 ? ExtGroup::CalfLeft : ExtGroup::CalfRight;
    if (has(id, "femoral") && !has(id, "common")) return side > 0 ? ExtGroup::ThighLeft : ExtGroup::ThighRight;
    return ExtGroup::None;
  }
  if (v.region == Region::Head) return ExtGroup::Cranial;  // dural sinuses: intracranial pressure
  if (has(id, "vertebral")) return ExtGroup::None;  // in the spinal canal and neck
  if (v.region == Region::Abdomen || v.region == Region::Pelvis || v.region == Region::Liver)
    return ExtGroup::Abdominal;
  return ExtGroup::None;
}

/// Whether a vein's drainage chain ends in the liver's sinusoids (the portal tree).
bool portalTree(const Anatomy& a, const Vessel& v) {
  const Vessel* cur = &v;
  for (std::size_t guard = 0; guard <= a.vessels.size(); ++guard) {
    if (cur->drainsInto == venaviz::kLiverSinusoids) return true;
    cur = a.findVessel(cur->drainsInto);
    if (!cur) return false;
  }
  return false;
}

/// Capillary region of a peripheral vein, and its share weight.
std::string regionOf(const Vessel& v, bool portal = false) {
  const std::string& id = v.id;
  if (portal) return has(id, "superior_mesenteric") ? "gut" : "spleen";
  if (v.region == Region::Leg) return sideOf(id) > 0 ? "leg_left" : "leg_right";
  if (has(id, "renal")) return "kidney";
  if (v.region == Region::Liver || has(id, "hepatic")) return "liver";
  if (has(id, "subclavian")) return "arm";
  if (has(id, "external_jugular")) return "face";
  if (v.region == Region::Head) return "brain";  // the dural sinuses
  if (has(id, "internal_jugular") || has(id, "vertebral_vein") || id == "vertebral_venous_plexus") return "brain";
  if (v.region == Region::Pelvis || has(id, "gonadal") || has(id, "iliac") || has(id, "collateral")) return "pelvis";
  return "trunk";
}

/// Unstressed volume of the small veins and venules of a region (mL) that the named veins do
/// not hold: Heldt's lumped zero-pressure filling volumes (engine.md §2.2: legs 350-716 for both
/// legs, splanchnic 1146-1300, renal 30-150, upper body 645). Midpoints of those ranges.
double regionSmallVeinMl(const std::string& r) {
  if (r == "leg_left" || r == "leg_right") return 265.0;  // half of ~530 (legs 350-716)
  if (r == "liver") return 1000.0;                        // splanchnic/portal reservoir (no portal system drawn)
  // With a portal system: Heldt's splanchnic 1146-1300 mL less the sinusoids' ~375
  // (Params::sinusoidVolumeMl) and ~100 in the named portal veins: 750, shared by flow.
  if (r == "gut") return 750.0 * 0.42;
  if (r == "spleen") return 750.0 * 0.58;
  if (r == "kidney") return 90.0;                         // renal 30-150
  if (r == "arm") return 320.0;                           // about half of upper body 645
  if (r == "pelvis") return 80.0;                         // abdominal veins 79 (population table)
  if (r == "face") return 60.0;                           // unsourced estimate
  return 100.0;                                           // trunk wall: unsourced estimate
}

/// Resting regional flows, mL/min (engine.md §2.5; physiology.md §3).
double regionFlowMlMin(const std::string& r) {
  if (r == "leg_left" || r == "leg_right") return 300.0;  // CFA/CFV 284-350 mL/min (Holland 1998)
  if (r == "kidney") return 1240.0;                       // both kidneys (PMC5973424)
  if (r == "liver") return 1300.0;                        // hepatic-vein outflow 1.2-1.5 L/min
  // Portal system drawn: the liver's 1300 mL/min come 75% by the portal vein (Params::portalShare),
  // 42% of that by the superior mesenteric vein (Params::smvShare); the hepatic artery's 25%
  // enters the sinusoids (buildNetwork).
  if (r == "gut") return 1300.0 * 0.75 * 0.42;
  if (r == "spleen") return 1300.0 * 0.75 * 0.58;
  if (r == "brain") return 750.0;                         // IJV + VV supine 740 mL/min (Ciuti 2013)
  if (r == "pelvis") return 400.0;                        // infrarenal IVC 1.2 L/min minus legs (engine.md §2.5)
  if (r == "arm") return 400.0;                           // arms ~0.3-0.5 L/min (unsourced in engine.md)
  if (r == "face") return 100.0;                          // external jugulars: unsourced estimate
  return 150.0;                                           // trunk wall (azygos system): unsourced estimate
}

}  // namespace

CerebralExits cerebralExits(const Network& net, const Anatomy& anatomy) {
  CerebralExits out;
  const auto ix = [](int i) { return static_cast<std::size_t>(i); };
  int sinus = -1;
  for (std::size_t i = 0; i < net.nodes.size(); ++i)
    if (net.nodes[i].group == ExtGroup::Cranial && net.nodes[i].vessel < 0) sinus = static_cast<int>(i);
  const auto inHead = [&](int node) {
    const int v = net.nodes[ix(node)].vessel;
    return v >= 0 && anatomy.vessels[ix(v)].region == Region::Head;
  };
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const Link& l = net.links[j];
    if (l.b < 0) continue;
    const bool exit = sinus >= 0 ? l.a == sinus : inHead(l.a) && !inHead(l.b);
    const int vessel = net.nodes[ix(l.b)].vessel;
    if (!exit || vessel < 0) continue;
    (has(anatomy.vessels[ix(vessel)].id, "internal_jugular") ? out.jugular : out.vertebral).push_back(static_cast<int>(j));
  }
  return out;
}

int Network::nodeAt(int vessel, float f) const {
  if (vessel < 0 || vessel >= static_cast<int>(vesselNodes.size())) return -1;
  const auto& ns = vesselNodes[static_cast<std::size_t>(vessel)];
  for (int n : ns)
    if (f <= nodes[static_cast<std::size_t>(n)].fracEnd + 1e-6f) return n;
  return ns.empty() ? -1 : ns.back();
}

Network buildNetwork(const Anatomy& a, const Params& p) {
  Network net;
  net.vesselNodes.resize(a.vessels.size());
  if (const Landmark* ra = a.findLandmark("right_atrium_centre")) net.raCenter = ra->position;
  // Valve fractions per vessel.
  std::vector<std::vector<std::pair<float, int>>> valvesOf(a.vessels.size());
  for (std::size_t k = 0; k < a.valves.size(); ++k) {
    const int vi = a.vesselIndex(a.valves[k].vessel);
    if (vi >= 0) valvesOf[static_cast<std::size_t>(vi)].push_back({a.valves[k].at, static_cast<int>(k)});
  }
  net.valves.resize(a.valves.size());

  // 1. Compartments along each vein; a cut at every valve.
  std::map<std::pair<int, int>, int> valveAtBoundary;  // (vessel, boundary index) -> valve
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const Vessel& v = a.vessels[vi];
    if (v.isArtery()) continue;
    const double lengthM = units::cmToM(polylineLength(v.points));
    auto& vs = valvesOf[vi];
    std::sort(vs.begin(), vs.end());
    std::vector<std::pair<float, int>> cuts;  // fraction, valve (-1 uniform)
    const int uniform = std::max(1, static_cast<int>(std::round(lengthM / p.segmentLength)));
    for (int k = 1; k < uniform; ++k) {
      const float f = static_cast<float>(k) / static_cast<float>(uniform);
      bool nearValve = false;
      for (auto& [vf, _] : vs) nearValve = nearValve || std::abs(vf - f) * lengthM < 0.4 * p.segmentLength;
      if (!nearValve) cuts.push_back({f, -1});
    }
    for (auto& [vf, k] : vs) cuts.push_back({vf, k});
    std::sort(cuts.begin(), cuts.end());
    float start = 0.0f;
    cuts.push_back({1.0f, -1});
    for (std::size_t c = 0; c < cuts.size(); ++c) {
      const float end = cuts[c].first;
      if (end - start <= 1e-5f) {  // two valves at the same place: keep the first
        continue;
      }
      Compartment n;
      n.vessel = static_cast<int>(vi);
      n.fracStart = start;
      n.fracEnd = end;
      n.center = polylinePoint(v.points, 0.5f * (start + end));
      n.length = std::max(static_cast<double>(end - start) * lengthM, 0.002);
      const double r = units::cmToM(radiusAt(v, 0.5f * (start + end)));
      n.area0 = kPi * r * r;
      // Vertebral veins run in the transverse foramina and the plexus in the spinal canal: bone
      // keeps them open when the jugulars collapse upright (the route outflow takes sitting,
      // physiology.md §3: IJVs closed sitting in 81-83%, vertebral veins larger). Stiffer wall.
      // Dural sinuses: dura stretched between bone, they keep their lumen (Params::duralSinusKp).
      n.kp = v.region == Region::Head      ? p.duralSinusKp
             : has(v.id, "vertebral")      ? p.kpVein * p.boneCanalStiffness
             : has(v.id, "internal_jugular") ? p.kpJugular
                                           : p.kpVein;
      n.group = groupOf(v, n.center);
      n.side = sideOf(v.id);
      n.superficial = v.system == VesselSystem::Superficial;
      net.vesselNodes[vi].push_back(static_cast<int>(net.nodes.size()));
      net.nodes.push_back(n);
      if (cuts[c].second >= 0 && c + 1 < cuts.size())
        valveAtBoundary[{static_cast<int>(vi), static_cast<int>(net.vesselNodes[vi].size()) - 1}] = cuts[c].second;
      start = end;
    }
  }

  // 2. Links inside each vein (valve links at valve boundaries).
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const auto& ns = net.vesselNodes[vi];
    for (std::size_t k = 0; k + 1 < ns.size(); ++k) {
      Link l;
      l.a = ns[k];
      l.b = ns[k + 1];
      l.owner = static_cast<int>(vi);
      const auto& na = net.nodes[static_cast<std::size_t>(l.a)];
      const auto& nb = net.nodes[static_cast<std::size_t>(l.b)];
      l.length = 0.5 * (na.length + nb.length);
      auto it = valveAtBoundary.find({static_cast<int>(vi), static_cast<int>(k)});
      if (it != valveAtBoundary.end()) {
        l.kind = LinkKind::Valve;
        l.valve = it->second;
        ValveSite& vs = net.valves[static_cast<std::size_t>(it->second)];
        vs.anatomyValve = it->second;
        vs.link = static_cast<int>(net.links.size());
        const double r = units::cmToM(radiusAt(a.vessels[vi], a.valves[static_cast<std::size_t>(it->second)].at));
        vs.annulus = kPi * r * r;
        vs.lengthEff = p.valveLengthFactor * 2.0 * r;
      }
      net.links.push_back(l);
    }
  }

  // 3. Junctions: each vein's last compartment joins its parent (or the right atrium).
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const Vessel& v = a.vessels[vi];
    const auto& ns = net.vesselNodes[vi];
    if (ns.empty()) continue;
    Link l;
    l.kind = LinkKind::Junction;
    l.owner = static_cast<int>(vi);
    l.a = ns.back();
    const auto& na = net.nodes[static_cast<std::size_t>(l.a)];
    if (v.drainsInto == venaviz::kRightAtrium) {
      l.b = kAtriumNode;
      l.length = std::max(0.5 * na.length, units::cmToM(glm::distance(v.points.back(), net.raCenter)) * 0.25);
    } else {
      l.b = net.nodeAt(a.vesselIndex(v.drainsInto), v.drainsAt);
      if (l.b < 0) continue;
      const auto& nb = net.nodes[static_cast<std::size_t>(l.b)];
      l.length = std::max(0.5 * na.length + 0.002, units::cmToM(glm::distance(na.center, nb.center)));
    }
    net.links.push_back(l);
  }

  // 3b. Origins: a vein whose start lies on another vein (a perforator leaving the great
  //     saphenous vein, a collateral or an ascending lumbar vein leaving an iliac vein, the small
  //     saphenous vein leaving the dorsal arch) takes blood from it, so join them there.
  {
    std::vector<int> fed(net.nodes.size(), 0);
    for (const Link& l : net.links)
      if (l.b >= 0) ++fed[static_cast<std::size_t>(l.b)];
    for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
      const Vessel& v = a.vessels[vi];
      const auto& ns = net.vesselNodes[vi];
      if (ns.empty() || fed[static_cast<std::size_t>(ns.front())] > 0) continue;
      // Only vessels that are connections, not drainage areas (those get a capillary bed).
      const bool connector = v.system == VesselSystem::Perforator || v.system == VesselSystem::Collateral ||
                             has(v.id, "ascending_lumbar") || has(v.id, "plexus") ||
                             v.region == Region::Head ||  // the occipital sinus, a condylar vein
                             v.drainsInto == venaviz::kLiverSinusoids;  // a portal branch leaves the portal vein
      if (!connector) continue;
      float bestGap = 1e9f;
      int bestNode = -1;
      for (std::size_t oi = 0; oi < a.vessels.size(); ++oi) {
        const Vessel& o = a.vessels[oi];
        if (oi == vi || o.isArtery() || net.vesselNodes[oi].empty() || o.drainsInto == v.id) continue;
        float d = 0.0f;
        const float f = closestFraction(o.points, v.points.front(), &d);
        const float gap = d - radiusAt(o, f);  // cm from the other vein's wall
        if (gap < bestGap) {
          bestGap = gap;
          bestNode = net.nodeAt(static_cast<int>(oi), f);
        }
      }
      // The start touches the other vein's wall (0.4 cm slack); a venous plexus is a network of
      // small channels, so it joins the nearest vein within 6 cm.
      if (bestGap > (has(v.id, "plexus") ? 6.0f : 0.4f)) bestNode = -1;
      if (bestNode < 0) continue;
      Link l;
      l.kind = LinkKind::Junction;
      l.owner = static_cast<int>(vi);
      l.a = bestNode;
      l.b = ns.front();
      l.length = std::max(0.5 * net.nodes[static_cast<std::size_t>(ns.front())].length,
                          units::cmToM(glm::distance(net.nodes[static_cast<std::size_t>(bestNode)].center,
                                                     net.nodes[static_cast<std::size_t>(ns.front())].center)));
      net.links.push_back(l);
    }
  }

  // 3c. The liver's sinusoids: one lumped compartment between the portal branches (which end
  //     in it) and the veins that drain the liver (the hepatic and caudate veins' first
  //     compartments, which would otherwise get capillary beds). The hepatic artery's share of
  //     the liver's flow enters it through an arterial bed.
  std::vector<bool> portal(a.vessels.size(), false);
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi)
    portal[vi] = !a.vessels[vi].isArtery() && portalTree(a, a.vessels[vi]);
  std::vector<bool> liverFed(net.nodes.size() + 2, false);
  if (std::any_of(a.vessels.begin(), a.vessels.end(), [](const Vessel& v) { return v.drainsInto == venaviz::kLiverSinusoids; })) {
    std::vector<int> fed(net.nodes.size(), 0);
    for (const Link& l : net.links)
      if (l.b >= 0) ++fed[static_cast<std::size_t>(l.b)];
    // Outflow roots and their weights (the square of the widest radius: the ostium's area).
    std::vector<std::pair<int, double>> outs;
    for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
      const Vessel& v = a.vessels[vi];
      const auto& ns = net.vesselNodes[vi];
      if (ns.empty() || portal[vi] || v.region != Region::Liver || fed[static_cast<std::size_t>(ns.front())] > 0 ||
          v.system == VesselSystem::Collateral)
        continue;
      const float r = *std::max_element(v.radii.begin(), v.radii.end());
      outs.push_back({ns.front(), static_cast<double>(r) * r});
    }
    std::vector<int> ins;
    for (std::size_t vi = 0; vi < a.vessels.size(); ++vi)
      if (a.vessels[vi].drainsInto == venaviz::kLiverSinusoids && !net.vesselNodes[vi].empty())
        ins.push_back(net.vesselNodes[vi].back());
    if (!outs.empty() && !ins.empty()) {
      Compartment s;
      Vec3 c(0.0f);
      for (auto& [n, _] : outs) c += net.nodes[static_cast<std::size_t>(n)].center;
      for (int n : ins) c += net.nodes[static_cast<std::size_t>(n)].center;
      s.center = c / static_cast<float>(outs.size() + ins.size());
      s.length = 0.10;
      s.area0 = p.sinusoidVolumeMl * 1e-6 / s.length;
      s.kp = p.kpVein;
      s.group = ExtGroup::Abdominal;
      const int sn = static_cast<int>(net.nodes.size());
      net.nodes.push_back(s);
      net.sinusoids = sn;
      const double qLiver = units::mlPerMinToM3PerS(regionFlowMlMin("liver"));
      const double qPortal = qLiver * p.portalShare;
      // Presinusoidal: the portal inflow links share the whole-liver resistance equally (parallel).
      const double rPre = p.presinusoidalDrop / qPortal * static_cast<double>(ins.size());
      for (int n : ins) {
        Link l;
        l.kind = LinkKind::Junction;
        l.a = n;
        l.b = sn;
        l.length = 0.02;
        l.resistance = rPre;
        net.links.push_back(l);
      }
      double wsum = 0.0;
      for (auto& [_, w] : outs) wsum += w;
      const double rSin = p.sinusoidalDrop / qLiver;  // whole liver
      for (auto& [n, w] : outs) {
        Link l;
        l.kind = LinkKind::Junction;
        l.a = sn;
        l.b = n;
        l.length = 0.02;
        l.resistance = rSin * wsum / w;  // parallel shares by ostium area
        net.links.push_back(l);
        liverFed[static_cast<std::size_t>(n)] = true;
      }
      // The hepatic artery: arterial pressure through R into the sinusoids, sized to bring
      // (1 - portalShare) of the liver's flow at the supine sinusoidal pressure (portal target
      // less the presinusoidal drop).
      const double qArt = qLiver * (1.0 - p.portalShare);
      net.beds.push_back({sn, qArt, (p.map - (p.bedVenousTarget - p.presinusoidalDrop)) / qArt, "liver"});
    }
  }

  // 4. The lumped cerebral venous sinus, for a scene without dural sinuses: the brain's fixed
  //    inflow leaves through the internal jugular veins, the vertebral veins and the vertebral
  //    venous plexus (engine.md §1.9, §4). With sinuses drawn (region "head") the brain's flow
  //    enters them instead (step 5) and they drain by the sigmoid sinuses into the jugular veins
  //    and by the condylar veins and the occipital sinus into the vertebral system.
  const bool duralSinuses = std::any_of(a.vessels.begin(), a.vessels.end(), [](const Vessel& v) {
    return !v.isArtery() && v.region == Region::Head;
  });
  std::vector<int> brainRoots;
  for (std::size_t vi = 0; vi < a.vessels.size() && !duralSinuses; ++vi) {
    const Vessel& v = a.vessels[vi];
    if (!v.isArtery() && regionOf(v) == "brain" && !net.vesselNodes[vi].empty())
      brainRoots.push_back(net.vesselNodes[vi].front());
  }
  if (!brainRoots.empty()) {
    Compartment s;
    Vec3 c(0.0f);
    for (int r : brainRoots) c += net.nodes[static_cast<std::size_t>(r)].center;
    s.center = c / static_cast<float>(brainRoots.size()) + Vec3(0.0f, 0.0f, 2.0f);
    s.length = 0.05;
    s.area0 = 2.0e-4;     // 2 cm^2: dural sinuses do not collapse (engineering)
    s.kp = 20.0 * kMmHg;  // stiff (skull)
    s.group = ExtGroup::Cranial;
    const int sinus = static_cast<int>(net.nodes.size());
    net.nodes.push_back(s);
    for (int r : brainRoots) {
      Link l;
      l.kind = LinkKind::Junction;
      l.a = sinus;
      l.b = r;
      l.length = std::max(0.01, units::cmToM(glm::distance(s.center, net.nodes[static_cast<std::size_t>(r)].center)));
      net.links.push_back(l);
    }
    net.beds.push_back({sinus, units::mlPerMinToM3PerS(regionFlowMlMin("brain")), 0.0, "brain"});
  }

  // 4b. Portosystemic collaterals (open only in part at rest): a lumped resistance shared by
  //     their links (Params::collateralDevelopedFlowMlMin).
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const Vessel& v = a.vessels[vi];
    if (v.system != VesselSystem::Collateral || !(v.restOpen > 0.0f && v.restOpen < 1.0f)) continue;
    std::vector<std::size_t> own;
    for (std::size_t j = 0; j < net.links.size(); ++j) {
      const Link& l = net.links[j];
      if (net.nodes[static_cast<std::size_t>(l.a)].vessel == static_cast<int>(vi) ||
          (l.b >= 0 && net.nodes[static_cast<std::size_t>(l.b)].vessel == static_cast<int>(vi)))
        own.push_back(j);
    }
    const double r = p.collateralDevelopedGradient / units::mlPerMinToM3PerS(p.collateralDevelopedFlowMlMin);
    for (std::size_t j : own) net.links[j].resistance = r / static_cast<double>(own.size());
  }

  // 5. Capillary beds at the peripheral ends: veins that nothing continues into (a tributary
  //    joining near the start, like the external jugular into the subclavian, does not count;
  //    a vessel continuing into it at its start, or the cerebral sinus, does).
  std::vector<bool> continued(a.vessels.size(), false);
  for (const Vessel& v : a.vessels) {
    const int target = a.vesselIndex(v.drainsInto);
    if (target >= 0 && !v.isArtery() && v.drainsAt < 0.02f) continued[static_cast<std::size_t>(target)] = true;
  }
  std::vector<bool> sinusFed(net.nodes.size(), false);
  for (const Link& l : net.links)
    if (l.b >= 0 && net.nodes[static_cast<std::size_t>(l.a)].group == ExtGroup::Cranial)
      sinusFed[static_cast<std::size_t>(l.b)] = true;
  std::map<std::string, std::vector<int>> roots;
  for (std::size_t vi = 0; vi < a.vessels.size(); ++vi) {
    const Vessel& v = a.vessels[vi];
    const auto& ns = net.vesselNodes[vi];
    if (ns.empty() || continued[vi] || sinusFed[static_cast<std::size_t>(ns.front())]) continue;
    if (liverFed[static_cast<std::size_t>(ns.front())]) continue;  // drained from the sinusoids
    if (v.system == VesselSystem::Perforator || v.system == VesselSystem::Collateral) continue;
    if (v.drainsInto == venaviz::kLiverSinusoids) continue;        // a portal branch: fed by the portal vein
    roots[regionOf(v, portal[vi])].push_back(ns.front());
  }
  for (auto& [region, nodes] : roots) {
    if (region == "brain") {
      if (!duralSinuses) continue;  // fed by the lumped sinus
      // The brain's autoregulated flow (fixed, engine.md §1.9) enters the sinuses' first
      // compartments: the superior sagittal sinus takes Params::sagittalShare, the others (the
      // straight sinus) share the rest by area.
      double rest = 0.0;
      for (int n : nodes)
        if (!has(a.vessels[static_cast<std::size_t>(net.nodes[static_cast<std::size_t>(n)].vessel)].id, "sagittal"))
          rest += net.nodes[static_cast<std::size_t>(n)].area0;
      for (int n : nodes) {
        const Compartment& c = net.nodes[static_cast<std::size_t>(n)];
        const bool sss = has(a.vessels[static_cast<std::size_t>(c.vessel)].id, "sagittal");
        const double share = sss ? p.sagittalShare : (1.0 - p.sagittalShare) * c.area0 / std::max(rest, 1e-12);
        net.beds.push_back({n, units::mlPerMinToM3PerS(regionFlowMlMin("brain")) * share, 0.0, "brain"});
      }
      continue;
    }
    double total = 0.0;
    for (int n : nodes) total += net.nodes[static_cast<std::size_t>(n)].area0;
    for (int n : nodes) {
      const double share = net.nodes[static_cast<std::size_t>(n)].area0 / total;
      const double q = units::mlPerMinToM3PerS(regionFlowMlMin(region)) * share;
      // The region's small veins and venules: a lumped compliant compartment between the
      // capillaries and the named vein, at the vein's height and under the same external pressure
      // (so the calf pump squeezes the calf's sinusoids too).
      Compartment small = net.nodes[static_cast<std::size_t>(n)];
      small.vessel = -1;
      small.length = 0.10;
      small.area0 = regionSmallVeinMl(region) * 1e-6 * share / small.length;
      small.superficial = false;
      const int sv = static_cast<int>(net.nodes.size());
      net.nodes.push_back(small);
      Link l;
      l.kind = LinkKind::Junction;
      l.a = sv;
      l.b = n;
      l.length = 0.01;
      net.links.push_back(l);
      // R sized so that, supine at heart level, the bed delivers q into a vein at the target pressure.
      net.beds.push_back({sv, q, (p.map - p.bedVenousTarget) / q, region});
    }
  }
  return net;
}

}  // namespace venaviz::hemo
