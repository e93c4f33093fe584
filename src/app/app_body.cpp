// The body's actions beyond the basics: breathing, conditions and treatments by name or by a
// click in 3D, fast-forward, and undo/redo of every change to the body's parameters.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"
#include "hemo/scenario.h"

namespace venaviz {
namespace {

/// Actions that change the body's parameters: each is one undo step.
bool changesBody(const std::string& name) {
  static const char* const kNames[] = {"posture",      "activity",      "breathing",  "tourniquet",
                                       "condition",    "scenario",      "thrombosis", "thrombus_clear",
                                       "valve_toggle", "fistula_close", "reset_body", "thrombus_at"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return name == n; });
}

/// Actions that act on one simulation (side by side: on those `side` picks).
bool actsOnBody(const std::string& name) {
  static const char* const kNames[] = {"valsalva", "squeeze", "cuff", "protocol", "undo", "redo"};
  return changesBody(name) ||
         std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return name == n; });
}

/// Actions that act on every simulation side by side (probes at the same place in each).
bool mirrored(const std::string& name) {
  return name == "probe" || name == "probe_remove" || name == "doppler";
}

/// Thrombosis presets: the deep veins each one fills, per side (suffix added).
const std::vector<std::pair<std::string, std::vector<std::string>>>& thrombosisPresets() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kPresets = {
      {"calf", {"tibioperoneal_trunk", "gastrocnemius_vein_medial", "gastrocnemius_vein_lateral"}},
      {"femoropopliteal", {"femoral_vein", "popliteal_vein"}},
      {"iliofemoral", {"common_iliac_vein", "external_iliac_vein", "common_femoral_vein"}},
  };
  return kPresets;
}

/// Parses "vessel_id@fraction" (fraction 0..1); throws naming the action.
std::pair<int, double> vesselAtArg(const std::string& action, const std::string& text, const Anatomy& anatomy) {
  const auto at = text.find('@');
  const std::string id = text.substr(0, at);
  const int vi = anatomy.vesselIndex(id);
  if (vi < 0) throw Error(action + ": no vessel \"" + id + "\" in this scene");
  const double f = at == std::string::npos ? 0.5 : parseNumberArg(action, text.substr(at + 1), 0.0, 1.0);
  return {vi, f};
}

}  // namespace

void App::applyTracked(const std::string& command) {
  const auto words = splitCommand(command);
  const std::string name = words.empty() ? std::string() : words[0];
  // Side by side: the body's actions act on the simulation(s) `side` picks, the probes' on
  // both (they stay at the same place in each); the rest (camera, display) once.
  if (sims_.size() > 1 && (actsOnBody(name) || mirrored(name))) {
    const std::size_t keep = active_;
    for (std::size_t i = 0; i < sims_.size(); ++i) {
      if (!mirrored(name) && side_ != 0 && static_cast<int>(i) + 1 != side_) continue;
      active_ = i;
      try {
        applyOne(command, words);
      } catch (...) {
        active_ = keep;
        throw;
      }
    }
    active_ = keep;
    return;
  }
  applyOne(command, words);
}

void App::applyOne(const std::string& command, const std::vector<std::string>& words) {
  const bool tracked = sim().engine && !words.empty() && changesBody(words[0]);
  if (!tracked) {
    actions_.run(command);
    return;
  }
  BodyParams before = bodyParams();
  actions_.run(command);  // throws before anything changes on bad input
  std::string label;
  for (const std::string& w : words) label += (label.empty() ? "" : " ") + w;
  sim().undo.push_back({label, std::move(before)});
  if (sim().undo.size() > kUndoDepth) sim().undo.erase(sim().undo.begin());
  sim().redo.clear();
}

void App::registerBodyActions() {
  AppState& s = state_;
  ActionRegistry& a = actions_;
  auto engineOrThrow = [this](const char* what) -> hemo::Engine& {
    if (!sim().engine) throw Error(std::string(what) + ": this scene has no veins to simulate");
    return *sim().engine;
  };
  a.add("breathing", "breathing on|off|RATE [DEPTH]",
        "Quiet breathing on or off, or its rate (4-40 breaths/min) and depth (0.2-3 x quiet)", 1, 2,
        [engineOrThrow](auto& args) {
          hemo::DriverSettings& d = engineOrThrow("breathing").drivers().settings();
          if (args[0] == "on" || args[0] == "off") {
            if (args.size() > 1) throw Error("breathing: on/off takes no depth");
            d.breathing = args[0] == "on";
            return;
          }
          const double rate = parseNumberArg("breathing", args[0], 4.0, 40.0);
          const double depth = args.size() > 1 ? parseNumberArg("breathing", args[1], 0.2, 3.0) : d.breathingDepth;
          d.breathing = true;
          d.breathingRate = rate;
          d.breathingDepth = depth;
        });
  a.add(
      "thrombosis", "thrombosis calf|femoropopliteal|iliofemoral [left|right] [OCCLUSION]",
      "A deep vein thrombosis preset on one leg (default left, 90% of the lumen)", 1, 3,
      [this, engineOrThrow](auto& args) {
        hemo::Engine& e = engineOrThrow("thrombosis");
        const auto& presets = thrombosisPresets();
        auto it = std::find_if(presets.begin(), presets.end(), [&](const auto& p) { return p.first == args[0]; });
        if (it == presets.end())
          throw Error("thrombosis: unknown preset \"" + args[0] + "\"; expected calf, femoropopliteal or iliofemoral");
        const std::string side = args.size() > 1 ? args[1] : "left";
        if (side != "left" && side != "right") throw Error("thrombosis: side \"" + side + "\" must be left or right");
        const double occlusion = args.size() > 2 ? parseNumberArg("thrombosis", args[2], 0.05, 1.0) : 0.9;
        std::vector<hemo::Condition> conds;
        for (const std::string& vein : it->second) {
          hemo::Condition c;
          c.kind = "thrombus";
          c.target = vein + "_" + side;
          c.severity = occlusion;
          if (!state_.scene.anatomy.findVessel(c.target))
            throw Error("thrombosis: this scene has no vein \"" + c.target + "\"");
          conds.push_back(c);
        }
        for (const hemo::Condition& c : conds) hemo::applyCondition(e, state_.scene.anatomy, c);
      });
  a.add("thrombus_at", "thrombus_at VESSEL_ID@FRACTION [LENGTH_CM] [OCCLUSION]",
        "A clot centred at a place on a vein (default 6 cm long, 90% of the lumen)", 1, 3,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("thrombus_at");
          const Anatomy& an = state_.scene.anatomy;
          const auto [vi, f] = vesselAtArg("thrombus_at", args[0], an);
          const Vessel& v = an.vessels[static_cast<std::size_t>(vi)];
          if (v.isArtery()) throw Error("thrombus_at: \"" + v.id + "\" is an artery; pick a vein");
          const double length = args.size() > 1 ? parseNumberArg("thrombus_at", args[1], 0.5, 100.0) : 6.0;
          const double half = 0.5 * length / std::max(1.0, static_cast<double>(polylineLength(v.points)));
          hemo::Condition c;
          c.kind = "thrombus";
          c.target = v.id;
          c.severity = args.size() > 2 ? parseNumberArg("thrombus_at", args[2], 0.05, 1.0) : 0.9;
          c.from = std::max(0.0, f - half);
          c.to = std::min(1.0, f + half);
          hemo::applyCondition(e, an, c);
        });
  a.add("thrombus_clear", "thrombus_clear [VESSEL_ID]", "Remove the clots from one vein or from every vein", 0, 1,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("thrombus_clear");
          const Anatomy& an = state_.scene.anatomy;
          if (!args.empty() && an.vesselIndex(args[0]) < 0)
            throw Error("thrombus_clear: no vessel \"" + args[0] + "\" in this scene");
          const hemo::Network& net = e.network();
          hemo::Conditions& c = e.conditions();
          const int only = args.empty() ? -1 : an.vesselIndex(args[0]);
          for (std::size_t j = 0; j < net.links.size(); ++j) {
            if (c.linkLesion[j] != hemo::Lesion::Thrombus) continue;
            if (only >= 0 && net.links[j].owner != only) continue;
            c.linkArea[j] = 1.0;
            c.linkLesion[j] = hemo::Lesion::None;
          }
        });
  a.add("valve_toggle", "valve_toggle VALVE_ID|VESSEL_ID",
        "Fail a competent valve (or every valve of a vein), or repair it if it has failed", 1, 1,
        [this, engineOrThrow](auto& args) {
          hemo::Engine& e = engineOrThrow("valve_toggle");
          std::vector<int> valves;
          try {
            valves = hemo::selectValves(state_.scene.anatomy, args[0]);
          } catch (const Error& err) {
            throw Error(std::string("valve_toggle: ") + err.what());
          }
          if (valves.empty()) throw Error("valve_toggle: \"" + args[0] + "\" has no valves");
          auto& rg = e.conditions().valveRegurgitant;
          const bool anyCompetent =
              std::any_of(valves.begin(), valves.end(), [&](int v) { return rg[static_cast<std::size_t>(v)] < 0.5; });
          for (int v : valves) rg[static_cast<std::size_t>(v)] = anyCompetent ? 1.0 : 0.0;
        });
  a.add("fistula_close", "fistula_close", "Close every arteriovenous fistula", 0, 0,
        [engineOrThrow](auto&) { engineOrThrow("fistula_close").conditions().fistulas.clear(); });
  a.add("reset_body", "reset_body", "Back to the scene's starting body: lying, still, healthy (undoable)", 0, 0,
        [this, engineOrThrow](auto&) {
          engineOrThrow("reset_body");
          restoreBody(sim().bodyDefaults);
        });
  // Undo and redo move one step between the two stacks, swapping in the body it recorded.
  using Stack = std::vector<std::pair<std::string, BodyParams>>;
  auto swapStep = [this, engineOrThrow](const char* what, Stack& from, Stack& to) {
    engineOrThrow(what);
    if (from.empty()) throw Error(std::string(what) + ": nothing to " + what);
    auto step = std::move(from.back());
    from.pop_back();
    BodyParams now = bodyParams();
    restoreBody(step.second);
    to.push_back({step.first, std::move(now)});
    log::info(std::string(what) + ": " + step.first);
  };
  a.add("undo", "undo", "Undo the last change to the body (posture, activity, conditions, treatments)", 0, 0,
        [this, swapStep](auto&) { swapStep("undo", sim().undo, sim().redo); });
  a.add("redo", "redo", "Redo the last undone change to the body", 0, 0,
        [this, swapStep](auto&) { swapStep("redo", sim().redo, sim().undo); });
  a.add("fast_forward", "fast_forward [SECONDS]",
        "Run the simulation ahead (default 30 s) to reach a steady state; the picture jumps", 0, 1,
        [this, engineOrThrow](auto& args) {
          engineOrThrow("fast_forward");
          simulate(args.empty() ? 30.0 : parseNumberArg("fast_forward", args[0], 0.1, 600.0));
        });
  a.add("day", "day PLAN|off",
        "A day of the lower legs' swelling as a time-lapse, 8 hours in 16 s, for this body's valves, clots "
        "and stockings: " + hemo::dayPlanNames() + "; off: the swelling back to none",
        1, 1, [this, engineOrThrow](auto& args) {
          engineOrThrow("day");
          Simulation& one = sim();
          if (!one.tissue) throw Error("day: this scene has no lower legs to swell");
          if (args[0] == "off") {
            one.day.clear();
            one.dayPlayed = -1.0;
            one.dayName.clear();
            for (int leg = 0; leg < 2; ++leg) one.tissue->leg(leg) = {};
            return;
          }
          const hemo::DayPlan plan = hemo::dayPlan(args[0]);  // throws naming the plans
          const hemo::DayResult r =
              hemo::runDay(state_.scene.anatomy, plan, 5.0, hemo::defaultTissueParams(), &one.engine->conditions());
          one.day = r.samples;
          one.dayPlayed = 0.0;
          one.dayName = plan.name;
          log::info("day \"" + plan.name + "\": left lower leg " + std::to_string(std::lround(r.samples.back().swellingMl[0])) +
                    " mL after " + std::to_string(std::lround(r.samples.back().minutes / 60.0)) + " h (" +
                    std::to_string(r.wallSeconds).substr(0, 4) + " s)");
        });
  a.add("skin_years", "skin_years YEARS|off",
        "Skin of the gaiter area after YEARS (0-40) of untreated reflux, estimated from each leg's walking venous "
        "pressure (an association from published series, not a diagnosis); off: hidden",
        1, 1, [this, engineOrThrow](auto& args) {
          engineOrThrow("skin_years");
          Simulation& one = sim();
          one.skinYears = args[0] == "off" ? -1.0 : parseNumberArg("skin_years", args[0], 0.0, 40.0);
          one.updateSkin();
          if (one.skinYears >= 0.0)
            for (int leg = 0; leg < 2; ++leg) {
              const hemo::SkinEstimate& k = one.skin[static_cast<std::size_t>(leg)];
              log::info(std::string(leg == 0 ? "left" : "right") + " leg: " + std::string(hemo::toString(k.ceap)) +
                        ", walking pressure " + std::to_string(std::lround(k.avpMmHg)) + " mmHg, skin changes " +
                        std::to_string(std::lround(k.skinChangePct)) + " % by now, ulcers " +
                        std::to_string(std::lround(k.ulcerPct)) + " % at this pressure (associations)");
            }
        });
  a.add("click_mode", "click_mode select|probe|valve|thrombus",
        "What a click on a vein does: select it, place a probe, toggle its valves, or place a clot", 1, 1,
        [&s](auto& args) {
          static const char* const kModes[] = {"select", "probe", "valve", "thrombus"};
          for (int i = 0; i < 4; ++i)
            if (args[0] == kModes[i]) {
              s.clickMode = static_cast<ClickMode>(i);
              return;
            }
          throw Error("click_mode: \"" + args[0] + "\" is not a mode; expected select, probe, valve or thrombus");
        });
  a.add("thrombus_size", "thrombus_size LENGTH_CM OCCLUSION", "Length and occlusion of the clots a click places", 2, 2,
        [&s](auto& args) {
          s.clotLengthCm = static_cast<float>(parseNumberArg("thrombus_size", args[0], 0.5, 100.0));
          s.clotOcclusion = static_cast<float>(parseNumberArg("thrombus_size", args[1], 0.05, 1.0));
        });
}

std::string App::clickCommand(const PickHit& hit) const {
  const Anatomy& an = state_.scene.anatomy;
  const Vessel& v = an.vessels[static_cast<std::size_t>(hit.vessel)];
  char text[200];
  switch (state_.clickMode) {
    case ClickMode::Probe:
      std::snprintf(text, sizeof text, "probe %s@%.3f", v.id.c_str(), static_cast<double>(hit.fraction));
      return text;
    case ClickMode::Thrombus:
      std::snprintf(text, sizeof text, "thrombus_at %s@%.3f %.1f %.2f", v.id.c_str(), static_cast<double>(hit.fraction),
                    static_cast<double>(state_.clotLengthCm), static_cast<double>(state_.clotOcclusion));
      return text;
    case ClickMode::Valve: {
      // The valve nearest the click if it is within 3 cm along the vein, else all of the vein's.
      const float length = polylineLength(v.points);
      std::string best = v.id;
      float bestCm = 3.0f;
      for (std::size_t k = 0; k < an.valves.size(); ++k) {
        const Valve& valve = an.valves[k];
        if (valve.vessel != v.id) continue;
        const float d = std::abs(valve.at - hit.fraction) * length;
        if (d < bestCm) {
          bestCm = d;
          best = valve.id;
        }
      }
      return "valve_toggle " + best;
    }
    case ClickMode::Select:
      break;
  }
  return {};
}

}  // namespace venaviz

namespace venaviz {

void App::fillBodyModel(ui::UiModel& m) const {
  static const char* const kModes[] = {"select", "probe", "valve", "thrombus"};
  m.clickMode = kModes[static_cast<int>(state_.clickMode)];
  m.clotLengthCm = state_.clotLengthCm;
  m.clotOcclusion = state_.clotOcclusion;
  if (!sim().undo.empty()) m.undoLabel = sim().undo.back().first;
  if (!sim().redo.empty()) m.redoLabel = sim().redo.back().first;
  const hemo::Engine* e = sim().engine.get();
  if (!e) return;
  const Anatomy& an = state_.scene.anatomy;
  const hemo::Network& net = e->network();
  const hemo::DriverSettings& d = e->drivers().settings();
  const hemo::Conditions& c = e->conditions();
  ui::UiModel::BodySettings& b = m.body;
  b.tiltDeg = static_cast<float>(d.tiltDeg);
  b.cadence = static_cast<float>(d.cadence);
  b.breathing = d.breathing;
  b.breathingRate = static_cast<float>(d.breathingRate);
  b.breathingDepth = static_cast<float>(d.breathingDepth);
  b.tourniquet = d.tourniquetSide > 0 ? "left" : d.tourniquetSide < 0 ? "right" : "off";
  b.abdominalMmHg = static_cast<float>(d.abdominalExtra / hemo::kMmHg);
  b.fistulas = static_cast<int>(c.fistulas.size());
  float clothing = 0.0f;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const float p = static_cast<float>(c.nodeExternal[i] / hemo::kMmHg);
    const float z = net.nodes[i].center.z;
    if (z < 10.0f && net.nodes[i].side > 0) b.stockingsMmHg = std::max(b.stockingsMmHg, p);
    if (z >= 84.0f) clothing = std::max(clothing, p);
  }

  // What is wrong now, in plain words: failed valves and narrowed links by vein.
  std::vector<int> failed(an.vessels.size(), 0), valves(an.vessels.size(), 0);
  for (std::size_t k = 0; k < an.valves.size(); ++k) {
    const int vi = an.vesselIndex(an.valves[k].vessel);
    if (vi < 0) continue;
    ++valves[static_cast<std::size_t>(vi)];
    if (k < c.valveRegurgitant.size() && c.valveRegurgitant[k] >= 0.5) ++failed[static_cast<std::size_t>(vi)];
  }
  struct Narrowing {
    float lost = 0.0f;
    hemo::Lesion kind = hemo::Lesion::None;
  };
  std::vector<Narrowing> narrow(an.vessels.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    if (c.linkLesion[j] == hemo::Lesion::None) continue;
    const int vi = net.links[j].owner;
    if (vi < 0) continue;
    Narrowing& n = narrow[static_cast<std::size_t>(vi)];
    const auto lost = static_cast<float>(1.0 - c.linkArea[j]);
    if (lost > n.lost) n = {lost, c.linkLesion[j]};
  }
  int failedVeins = 0;
  for (std::size_t vi = 0; vi < an.vessels.size(); ++vi) failedVeins += failed[vi] > 0;
  auto pct = [](float f) { return std::to_string(static_cast<int>(std::lround(f * 100.0f))) + "%"; };
  if (failedVeins > 6) {
    m.activeConditions.push_back("Failed valves in " + std::to_string(failedVeins) + " veins");
  } else {
    for (std::size_t vi = 0; vi < an.vessels.size(); ++vi)
      if (failed[vi] > 0)
        m.activeConditions.push_back(an.vessels[vi].name + ": " + std::to_string(failed[vi]) + " of " +
                                     std::to_string(valves[vi]) + " valves failed");
  }
  for (std::size_t vi = 0; vi < an.vessels.size(); ++vi) {
    const Narrowing& n = narrow[vi];
    if (n.lost < 0.01f) continue;
    const std::string& name = an.vessels[vi].name;
    if (an.vessels[vi].system == VesselSystem::Collateral && n.kind == hemo::Lesion::Closure) continue;
    if (n.kind == hemo::Lesion::Thrombus)
      m.activeConditions.push_back(name + ": clot filling " + pct(n.lost));
    else if (n.kind == hemo::Lesion::Compression)
      m.activeConditions.push_back(name + ": compressed, " + pct(n.lost) + " of the lumen lost");
    else
      m.activeConditions.push_back(name + ": closed");
    if (an.vessels[vi].id == "internal_jugular_vein_right" && n.kind == hemo::Lesion::Compression)
      b.jugularStenosis = n.lost;
  }
  if (b.stockingsMmHg > 0.5f)
    m.activeConditions.push_back("Stockings: " + std::to_string(std::lround(b.stockingsMmHg)) + " mmHg at the ankle");
  // Stockings press 40% of their ankle pressure on the thigh, up to the groin band.
  if (clothing > 0.4f * b.stockingsMmHg + 0.5f)
    m.activeConditions.push_back("Tight clothing: " + std::to_string(std::lround(clothing)) + " mmHg");
  if (b.abdominalMmHg > 0.5f)
    m.activeConditions.push_back("Raised abdominal pressure: +" + std::to_string(std::lround(b.abdominalMmHg)) +
                                 " mmHg");
  if (b.fistulas > 0) m.activeConditions.push_back("Arteriovenous fistula: " + std::to_string(b.fistulas));
  if (d.tourniquetSide != 0) m.activeConditions.push_back("Tourniquet on the " + b.tourniquet + " thigh");

  // The calf pump's ejection fraction once a tiptoe bout has been done standing.
  if (sim().calf.valid()) m.readouts.push_back({"L calf EF", sim().calf.ejectionFraction(), "%", "40-65"});
  // The skin estimate, in words, as an association.
  if (sim().skinYears >= 0.0)
    for (int leg = 0; leg < 2; ++leg) {
      const hemo::SkinEstimate& k = sim().skin[static_cast<std::size_t>(leg)];
      char line[320];
      std::snprintf(line, sizeof line,
                    "%s leg after %.0f years of reflux: %s %s (walking pressure %.0f mmHg: %.0f%% of such legs "
                    "have ulcers; an association, not a diagnosis)",
                    leg == 0 ? "Left" : "Right", k.years, std::string(hemo::toString(k.ceap)).c_str(),
                    std::string(hemo::describe(k.ceap)).c_str(), k.avpMmHg, k.ulcerPct);
      m.activeConditions.push_back(line);
    }
  // The liver (a scene with a portal system): pressures, the HVPG, where the gut's blood goes.
  if (e && e->network().sinusoids >= 0) {
    hemo::LiverReadout& lv = sim().liverShown;
    hemo::blendLiver(lv, hemo::readLiver(*e, an), 0.05);
    m.readouts.push_back({"Portal pressure", lv.portalMmHg, "mmHg", "5-10"});
    m.readouts.push_back({"HVPG (wedged - free)", lv.hvpgMmHg, "mmHg", "1-5"});
    m.readouts.push_back({lv.portalFlowMlMin >= 0.0 ? "Portal flow, to the liver" : "Portal flow, AWAY from liver",
                          std::abs(lv.portalFlowMlMin), "mL/min", "676-1550"});
    if (lv.collateralMlMin > 5.0) m.readouts.push_back({"Portosystemic collaterals", lv.collateralMlMin, "mL/min", ""});
    if (lv.tipsMlMin > 5.0) m.readouts.push_back({"TIPS shunt", lv.tipsMlMin, "mL/min", ""});
    if (lv.ascitesMlDay > 1.0) m.readouts.push_back({"Ascites forming", lv.ascitesMlDay, "mL/day", "0"});
  }
  // The brain's outflow (a scene with dural sinuses or the lumped sinus): which route it takes.
  if (e) {
    if (!sim().cerebralExits.jugular.empty()) {
      const auto [jug, vert] = sim().cerebralOutflowMlMin();
      double& js = sim().jugularShownMlMin;
      double& vs = sim().vertebralShownMlMin;
      js = js < 0.0 ? jug : js + 0.05 * (jug - js);
      vs = vs < 0.0 ? vert : vs + 0.05 * (vert - vs);
      const double total = js + vs;
      if (total > 1.0) {
        m.readouts.push_back({"Brain outflow by the jugular veins", 100.0 * js / total, "%",
                              e->drivers().at(e->time()).uprightness < 0.3 ? "67-100" : "0-50"});
        m.readouts.push_back({"... by the vertebral veins", 100.0 * vs / total, "%", ""});
      }
    }
  }
  // The lower legs' extra tissue fluid (drawn 10x on the skin), and a day's clock while one plays.
  if (const hemo::Tissue* t = sim().tissue.get()) {
    if (!sim().day.empty())
      m.readouts.push_back({"Day " + std::string(sim().dayPlayed < sim().dayPlaySeconds ? "(playing)" : "(done)"),
                            sim().dayMinutes() / 60.0, "h", ""});
    if (!sim().day.empty()) {
      ui::UiModel::DayPlot plot;
      plot.name = sim().dayName;
      plot.hours = static_cast<float>(sim().day.back().minutes / 60.0);
      plot.limbMl = static_cast<float>(t->params().tissueVolume * 1e6);
      const double now = sim().dayMinutes();
      for (const hemo::DaySample& s : sim().day) {
        if (s.minutes > now + 1e-6) break;
        plot.left.push_back(static_cast<float>(s.swellingMl[0]));
        plot.right.push_back(static_cast<float>(s.swellingMl[1]));
      }
      m.day = std::move(plot);
    }
    m.readouts.push_back({"L leg fluid (skin 10x)", t->swelling(0) * 1e6, "mL", ""});
    m.readouts.push_back({"R leg fluid (skin 10x)", t->swelling(1) * 1e6, "mL", ""});
  }
}

void App::fillVesselLive(ui::VesselCard& card, int vessel) const {
  const Anatomy& an = state_.scene.anatomy;
  const Vessel& v = an.vessels[static_cast<std::size_t>(vessel)];
  card.patientText = v.descriptionPatient;
  const hemo::Engine* e = sim().engine.get();
  if (!e || v.isArtery()) return;
  const int node = e->network().nodeAt(vessel, 0.5f);
  if (node < 0) return;
  const hemo::NodeOutput o = e->node(node);
  card.hasLive = true;
  card.pressure = static_cast<float>(o.pressureMmHg);
  card.flow = static_cast<float>(o.flowMlS * 60.0);
  card.velocity = static_cast<float>(o.velocityCmS);
  card.liveDiameter = static_cast<float>(o.diameterMm);
  const hemo::Conditions& c = e->conditions();
  for (std::size_t k = 0; k < an.valves.size(); ++k)
    if (an.valves[k].vessel == v.id && k < c.valveRegurgitant.size() && c.valveRegurgitant[k] >= 0.5)
      ++card.failedValves;
  const hemo::Network& net = e->network();
  float lost = 0.0f;
  hemo::Lesion kind = hemo::Lesion::None;
  for (std::size_t j = 0; j < net.links.size(); ++j)
    if (net.links[j].owner == vessel && c.linkLesion[j] != hemo::Lesion::None &&
        1.0 - c.linkArea[j] > lost) {
      lost = static_cast<float>(1.0 - c.linkArea[j]);
      kind = c.linkLesion[j];
    }
  if (lost >= 0.01f) {
    const std::string p = std::to_string(static_cast<int>(std::lround(lost * 100.0f))) + "%";
    card.lesion = kind == hemo::Lesion::Thrombus      ? p + " clot"
                  : kind == hemo::Lesion::Compression ? p + " compressed"
                                                      : "closed";
  }
}

void App::fillBodyLook() {
  // Swelling on the skin: each lower leg's extra tissue fluid as an outward offset. The lower leg
  // as a tube of mean radius 4.5 cm over the 34 cm the shader's weight spans (full below 20 cm,
  // fading to the knee): 1 mL is 1/(2 pi 4.5 x 34) = 0.0010 cm. Drawn 10x (the panel says so):
  // a day's 25 mL is 0.03 cm, under a pixel at any useful distance.
  look_.swellModel = -1;
  for (std::size_t i = 0; i < state_.scene.anatomy.models.size() && look_.swellModel < 0; ++i)
    if (state_.scene.anatomy.models[i].layer == Layer::Skin) look_.swellModel = static_cast<int>(i);
  for (std::size_t b = 0; b < 2; ++b) {
    look_.swell[b] = Vec3(0.0f);
    if (b >= sims_.size() || !sims_[b]->tissue) continue;
    const hemo::Tissue& t = *sims_[b]->tissue;
    auto cm = [&](int leg) {
      return std::clamp(static_cast<float>(t.swelling(leg) * 1e6 * kSwellCmPerMl * kSwellShownTimes), -0.5f, 2.0f);
    };
    look_.swell[b] = Vec3(cm(0), cm(1), static_cast<float>(t.params().kneeHeightCm));
  }
  // Skin changes of the gaiter area, per body (skin_years).
  for (std::size_t b = 0; b < 2; ++b) {
    look_.skinLevel[b] = Vec2(0.0f);
    if (b >= sims_.size() || sims_[b]->skinYears < 0.0) continue;
    auto level = [&](int leg) { return static_cast<float>(sims_[b]->skin[static_cast<std::size_t>(leg)].ceap); };
    look_.skinLevel[b] = Vec2(level(0), level(1));
  }
  for (int leg = 0; leg < 2; ++leg)
    if (const Landmark* m = state_.scene.anatomy.findLandmark(leg == 0 ? "medial_malleolus_left" : "medial_malleolus_right"))
      look_.malleolus[leg] = m->position;
}

}  // namespace venaviz
