// The measurement plan a protocol and scenario call for, and the report of a run: which
// probes to record, which measures apply, and their results beside the normal values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/error.h"
#include "hemo/engine.h"
#include "hemo/measures.h"
#include "hemo/measures_util.h"
#include "hemo/network.h"
#include "hemo/scenario.h"

namespace venaviz::hemo {
using detail::contains;
using detail::ix;
using detail::sideName;

// --- planning -------------------------------------------------------------------------------

std::optional<ExerciseBout> exerciseBout(const Protocol& protocol) {
  std::optional<ExerciseBout> bout;
  const auto& evs = protocol.events;
  for (std::size_t i = 0; i < evs.size(); ++i) {
    const Event& ev = evs[i];
    if (ev.action != "activity") continue;
    const auto a = parseActivity(ev.value);
    if (!a || *a == Activity::Still) continue;
    ExerciseBout b;
    b.start = ev.time;
    b.activity = *a;
    double nextActivity = protocol.duration;
    for (std::size_t k = i + 1; k < evs.size(); ++k)
      if (evs[k].action == "activity" && evs[k].time > ev.time) {
        nextActivity = evs[k].time;
        break;
      }
    if (protocol.exerciseEnd > b.start)
      b.end = protocol.exerciseEnd;
    else if (*a == Activity::Walking)
      b.end = nextActivity;
    else
      b.end = std::min(nextActivity, b.start + (ev.number > 0.0 ? std::floor(ev.number) : 10.0));
    b.end = std::min(b.end, protocol.duration);
    if (b.end > b.start) bout = b;
  }
  return bout;
}

std::vector<std::string> MeasurementPlan::probes() const {
  std::vector<std::string> out;
  const auto add = [&](const std::string& p) {
    if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  add(anklePressure);
  add(femoralFlow);
  for (const auto& p : reflux) add(p);
  for (const auto& g : gradients) {
    add(g.upstream);
    add(g.downstream);
  }
  return out;
}

namespace {

/// Probes either side of the links a narrowing of vessel `vi` between `from` and `to` changes
/// (the same links as scenario.cpp's: those leaving a compartment that ends in or overlaps
/// [from, to]). False when the narrowing ends at the right atrium.
bool narrowingProbes(const Anatomy& a, const Network& net, int vi, double from, double to, std::string& up,
                     std::string& down) {
  const auto& nodes = net.vesselNodes[ix(vi)];
  int first = -1, last = -1;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const Compartment& c = net.nodes[ix(nodes[k])];
    const bool in = (c.fracEnd >= from - 1e-6 && c.fracEnd <= to + 1e-6) || (c.fracStart < to && c.fracEnd > from);
    if (!in) continue;
    if (first < 0) first = static_cast<int>(k);
    last = static_cast<int>(k);
  }
  if (first < 0) return false;
  const Vessel& v = a.vessels[ix(vi)];
  const auto mid = [&](int k) {
    const Compartment& c = net.nodes[ix(nodes[ix(k)])];
    return 0.5 * static_cast<double>(c.fracStart + c.fracEnd);
  };
  up = Probe{v.id, first == 0 ? 0.0 : mid(first)}.label();
  if (ix(last) + 1 < nodes.size()) {
    down = Probe{v.id, mid(last + 1)}.label();
    return true;
  }
  const int parent = a.vesselIndex(v.drainsInto);
  if (parent < 0 || a.vessels[ix(parent)].isArtery()) return false;
  down = Probe{v.drainsInto, static_cast<double>(v.drainsAt)}.label();
  return true;
}

int conditionSide(const Condition& c) {
  const std::string& t = c.target;
  if (t == "left" || t.starts_with("left_") || t.ends_with("_left") || contains(t, "_left.")) return 1;
  if (t == "right" || t.starts_with("right_") || t.ends_with("_right") || contains(t, "_right.")) return -1;
  return 0;
}

}  // namespace

MeasurementPlan planMeasurements(const Protocol& protocol, const Scenario& scenario, const Anatomy& anatomy,
                                 const Network& network) {
  MeasurementPlan plan;
  std::vector<Condition> conditions = scenario.conditions;
  for (const Event& ev : protocol.events)
    if (ev.action == "condition" && ev.condition) conditions.push_back(*ev.condition);
  int left = 0, right = 0;
  for (const Condition& c : conditions) {
    const int s = conditionSide(c);
    if (s > 0) ++left;
    if (s < 0) ++right;
  }
  plan.side = right > 0 && left == 0 ? -1 : 1;
  const auto vein = [&](const std::string& id) {
    const Vessel* v = anatomy.findVessel(id);
    return v && !v->isArtery();
  };
  const auto probeIf = [&](const std::string& id, double f) { return vein(id) ? Probe{id, f}.label() : std::string(); };
  const std::string s = sideName(plan.side);
  plan.anklePressure = probeIf("great_saphenous_vein_" + s, 0.06);
  plan.femoralFlow = probeIf("common_femoral_vein_" + s, 0.5);
  plan.bout = exerciseBout(protocol);

  // Provocations, each until the next one (or the end).
  const auto& evs = protocol.events;
  for (const Event& ev : evs) {
    if (ev.action != "valsalva" && ev.action != "squeeze" && ev.action != "cuff") continue;
    Provocation p;
    p.time = ev.time;
    p.until = protocol.duration;
    p.action = ev.action;
    p.side = ev.action == "valsalva" ? plan.side : ev.value == "right" ? -1 : 1;
    if (!plan.provocations.empty()) plan.provocations.back().until = std::min(plan.provocations.back().until, ev.time);
    plan.provocations.push_back(p);
  }
  std::vector<int> sides;
  for (const Provocation& p : plan.provocations)
    if (std::find(sides.begin(), sides.end(), p.side) == sides.end()) sides.push_back(p.side);
  for (int side : sides) {
    const std::string n = sideName(side);
    // Common femoral, the saphenofemoral junction (between the preterminal and terminal
    // valves), the thigh GSV, femoral, popliteal and the small saphenous below the junction.
    for (const auto& [id, f] : std::vector<std::pair<std::string, double>>{{"common_femoral_vein_" + n, 0.5},
                                                                           {"great_saphenous_vein_" + n, 0.97},
                                                                           {"great_saphenous_vein_" + n, 0.75},
                                                                           {"femoral_vein_" + n, 0.5},
                                                                           {"popliteal_vein_" + n, 0.5},
                                                                           {"small_saphenous_vein_" + n, 0.85}}) {
      const std::string p = probeIf(id, f);
      if (!p.empty()) plan.reflux.push_back(p);
    }
  }

  // One gradient across each narrowing.
  for (const Condition& c : conditions) {
    std::string target = c.target;
    double from = c.from, to = c.to;
    if (c.kind == "may_thurner") {
      target = "common_iliac_vein_left";
      from = 0.0;
      to = 1.0;
    } else if (c.kind == "jugular_stenosis") {
      if (target.empty()) target = "internal_jugular_vein_right";
      from = 0.4;
      to = 0.6;
    } else if (c.kind == "azygos_stenosis") {
      target = "azygos_vein";
      from = kAzygosArchFrom;
      to = kAzygosArchTo;
    } else if (c.kind != "thrombus" && c.kind != "compression" && c.kind != "post_thrombotic") {
      continue;
    }
    const int vi = anatomy.vesselIndex(target);
    if (vi < 0 || anatomy.vessels[ix(vi)].isArtery()) continue;
    MeasurementPlan::Gradient g;
    g.label = c.kind + " " + target;
    if (!narrowingProbes(anatomy, network, vi, from, to, g.upstream, g.downstream)) continue;
    bool dup = false;
    for (const auto& other : plan.gradients)
      dup = dup || (other.upstream == g.upstream && other.downstream == g.downstream);
    if (!dup) plan.gradients.push_back(g);
  }
  return plan;
}

// --- the report -----------------------------------------------------------------------------

SimulationReport analyzeRun(const Recorder& rec, const Engine& engine, const Anatomy& anatomy, const Protocol& protocol,
                            const Scenario& scenario, const MeasurementPlan& plan) {
  SimulationReport r;
  r.scenario = scenario.name;
  r.protocol = protocol.name;
  r.measure = protocol.measure;
  const std::vector<double>& t = rec.time();
  if (t.empty()) return r;
  const double tEnd = t.back();
  r.duration = tEnd;

  for (std::size_t k = 0; k < rec.probes().size(); ++k) {
    const ProbeSeries& s = rec.series(k);
    r.probes.push_back({rec.probes()[k].label(), statsOver(t, s.pressureMmHg, 0.0, tEnd),
                        statsOver(t, s.flowMlS, 0.0, tEnd), statsOver(t, s.velocityCmS, 0.0, tEnd),
                        statsOver(t, s.diameterMm, 0.0, tEnd)});
  }

  // Ambulatory venous pressure and the calf's first contraction.
  if (plan.bout) {
    const int ankle = rec.findProbe(plan.anklePressure);
    if (ankle >= 0) {
      r.avpProbe = plan.anklePressure;
      r.avp =
          ambulatoryVenousPressure(t, rec.series(ix(ankle)).pressureMmHg, plan.bout->start, plan.bout->end, 5.0, 1.0);
    }
    const double contraction = plan.bout->activity == Activity::Walking ? 1.2 : 1.0;
    for (int k = 0; k < 2; ++k)
      r.calfEjection[k] =
          ejection(t, rec.calfVolumeMl(k == 0 ? 1 : -1), plan.bout->start, plan.bout->start + contraction);
  }

  // Reflux after each provocation.
  for (const Provocation& p : plan.provocations) {
    RefluxReport rr;
    rr.provocation = p;
    const std::string suffix = "_" + sideName(p.side);
    for (const std::string& label : plan.reflux) {
      const int k = rec.findProbe(label);
      if (k < 0) continue;
      const Probe& probe = rec.probes()[ix(k)];
      if (!probe.vessel.ends_with(suffix)) continue;
      RefluxProbeReport pr;
      pr.probe = label;
      pr.result = refluxDuration(t, rec.series(ix(k)).flowMlS, rec.series(ix(k)).velocityCmS, p.time, p.until);
      const Vessel* v = anatomy.findVessel(probe.vessel);
      pr.cutoffS = refluxCutoffS(v ? v->system : VesselSystem::Deep);
      pr.pathological = pr.result.durationS > pr.cutoffS;
      rr.probes.push_back(pr);
    }
    for (std::size_t k = 0; k < rec.trackedValves().size(); ++k) {
      const int valve = rec.trackedValves()[k];
      const Valve& va = anatomy.valves[ix(valve)];
      if (!va.vessel.ends_with(suffix)) continue;
      ValveRefluxReport vr;
      vr.valve = va.id;
      vr.longestS = statsOver(t, rec.valveReflux(k), p.time, p.until).max;
      if (std::isnan(vr.longestS)) vr.longestS = 0.0;
      vr.engineLastS = engine.valveLastReflux(valve);
      rr.valves.push_back(vr);
    }
    r.reflux.push_back(rr);
  }

  // Venous filling after the first change from lying to upright.
  const auto lying = [](Posture p, double tilt) {
    return p == Posture::Supine || p == Posture::LegsElevated || (p == Posture::Tilt && tilt < 30.0);
  };
  bool wasLying = lying(scenario.posture, scenario.tiltDeg);
  for (std::size_t i = 0; i < protocol.events.size(); ++i) {
    const Event& ev = protocol.events[i];
    if (ev.action != "posture") continue;
    const auto p = parsePosture(ev.value);
    if (!p) continue;
    const bool nowLying = lying(*p, ev.number);
    if (wasLying && !nowLying) {
      double end = tEnd;
      for (std::size_t k = i + 1; k < protocol.events.size(); ++k)
        if (protocol.events[k].time > ev.time) {
          end = std::min(end, protocol.events[k].time);
          break;
        }
      r.fillingStart = ev.time;
      for (int k = 0; k < 2; ++k)
        r.filling[k] = venousFilling(t, rec.lowerLegVolumeMl(k == 0 ? 1 : -1), ev.time, end, 2.0, 1.0);
      break;
    }
    wasLying = nowLying;
  }

  // Phases between events, with the steady values at the end of each.
  std::vector<double> cuts{0.0};
  for (const Event& ev : protocol.events)
    if (ev.time > cuts.back() + 1e-9 && ev.time < tEnd) cuts.push_back(ev.time);
  cuts.push_back(tEnd);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end(), [](double a, double b) { return b - a < 1e-9; }), cuts.end());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    PhaseReport ph;
    ph.start = cuts[k];
    ph.end = cuts[k + 1];
    ph.window = std::min(5.0, ph.end - ph.start);
    for (const Event& ev : protocol.events)
      if (std::abs(ev.time - ph.start) < 1e-9) {
        std::string what = ev.action;
        if (ev.action == "condition" && ev.condition)
          what += " " + ev.condition->kind;
        else if (!ev.value.empty())
          what += " " + ev.value;
        ph.label += (ph.label.empty() ? "" : ", ") + what;
      }
    if (ph.label.empty()) ph.label = "start";
    const double a = ph.end - ph.window, b = ph.end;
    for (std::size_t i = 0; i < rec.probes().size(); ++i) {
      ph.pressureMmHg.emplace_back(rec.probes()[i].label(), meanOver(t, rec.series(i).pressureMmHg, a, b));
      ph.flowMlS.emplace_back(rec.probes()[i].label(), meanOver(t, rec.series(i).flowMlS, a, b));
    }
    for (const auto& g : plan.gradients) {
      const int u = rec.findProbe(g.upstream), d = rec.findProbe(g.downstream);
      if (u < 0 || d < 0) continue;
      ph.gradientsMmHg.emplace_back(
          g.label, meanOver(t, rec.series(ix(u)).headMmHg, a, b) - meanOver(t, rec.series(ix(d)).headMmHg, a, b));
    }
    ph.jugularMlS = meanOver(t, rec.jugularOutflowMlS(), a, b);
    ph.vertebralMlS = meanOver(t, rec.vertebralOutflowMlS(), a, b);
    if (std::abs(ph.jugularMlS + ph.vertebralMlS) > 1e-3)
      ph.jugularShare = ph.jugularMlS / (ph.jugularMlS + ph.vertebralMlS);
    ph.collateralMlS = meanOver(t, rec.collateralFlowMlS(), a, b);
    ph.mainPathMlS = meanOver(t, rec.mainPathFlowMlS(), a, b);
    if (std::abs(ph.collateralMlS + ph.mainPathMlS) > 1e-3)
      ph.collateralShare = ph.collateralMlS / (ph.collateralMlS + ph.mainPathMlS);
    for (int s = 0; s < 2; ++s) ph.calfVolumeMl[s] = meanOver(t, rec.calfVolumeMl(s == 0 ? 1 : -1), a, b);
    r.phases.push_back(ph);
  }

  // Respiratory phasicity of the femoral flow over the last phase (after 2 s of settling).
  if (const int cfv = rec.findProbe(plan.femoralFlow); cfv >= 0 && !r.phases.empty()) {
    const PhaseReport& last = r.phases.back();
    r.phasicityProbe = plan.femoralFlow;
    r.phasicity = respiratoryPhasicity(t, rec.series(ix(cfv)).flowMlS, rec.thoracicMmHg(),
                                       std::min(last.start + 2.0, last.end), last.end);
  }
  return r;
}

}  // namespace venaviz::hemo
