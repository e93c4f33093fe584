#include "app/simulation.h"

#include <algorithm>

#include "core/error.h"
#include "core/log.h"
#include "hemo/measures.h"

namespace venaviz {

std::unique_ptr<hemo::Engine> Simulation::makeEngine(const Anatomy& anatomy) {
  const bool hasVeins =
      std::any_of(anatomy.vessels.begin(), anatomy.vessels.end(), [](const Vessel& v) { return !v.isArtery(); });
  return hasVeins ? std::make_unique<hemo::Engine>(anatomy) : nullptr;
}

Simulation::Simulation(const Anatomy& anatomy, std::size_t particleBudget, std::unique_ptr<hemo::Engine> e)
    : engine(e ? std::move(e) : makeEngine(anatomy)), anatomy_(&anatomy) {
  if (engine) flow = std::make_unique<FlowView>(anatomy, *engine, particleBudget);
  makeTissue();
  resetTracking();
}

void Simulation::makeTissue() {
  tissue.reset();
  day.clear();
  dayPlayed = -1.0;
  dayName.clear();
  tissueDue_ = 0.0;
  if (!engine) return;
  try {
    tissue = std::make_unique<hemo::Tissue>(*anatomy_, *engine);  // the engine is new: lying at rest
  } catch (const Error& e) {
    log::debug(std::string("no swelling model: ") + e.what());  // e.g. a scene without legs
  }
}

void Simulation::updateSkin() {
  if (!engine || skinYears < 0.0) return;
  const hemo::Conditions& c = engine->conditions();
  const bool same = skinFor && skinFor->valveRegurgitant == c.valveRegurgitant && skinFor->linkArea == c.linkArea &&
                    skinFor->nodeExternal == c.nodeExternal && skinFor->bedScale == c.bedScale;
  if (!same) {
    for (int leg = 0; leg < 2; ++leg) skinAvp[static_cast<std::size_t>(leg)] = hemo::walkingAnklePressure(*anatomy_, c, leg == 0 ? 1 : -1);
    skinFor = c;
  }
  for (int leg = 0; leg < 2; ++leg)
    skin[static_cast<std::size_t>(leg)] =
        hemo::estimateSkin(skinAvp[static_cast<std::size_t>(leg)], hemo::legReflux(*anatomy_, c, leg == 0 ? 1 : -1), skinYears);
}

double Simulation::dayMinutes() const {
  if (day.empty() || dayPlayed < 0.0) return 0.0;
  return day.back().minutes * std::min(dayPlayed / dayPlaySeconds, 1.0);
}

void Simulation::setParticleBudget(std::size_t budget) {
  if (!flow || !engine) return;
  flow->tracers().setBudget(budget);
  flow->reseed(*engine);
}

void Simulation::rebuild(std::size_t particleBudget) {
  flow.reset();  // it refers to the old engine's reference state
  protocol.reset();
  engine = std::make_unique<hemo::Engine>(*anatomy_);
  avp = {};
  calf = CalfEjectionTracker(hemo::lowerLegNodes(engine->network(), *anatomy_, 1));
  calf.setLyingReference(*engine);
  contractions = 0;
  patient.reset();
  lastPumpPhase_ = -1.0;
  flow = std::make_unique<FlowView>(*anatomy_, *engine, particleBudget);
  cerebralExits = hemo::cerebralExits(engine->network(), *anatomy_);
  jugularShownMlMin = vertebralShownMlMin = -1.0;
  makeTissue();
}

std::pair<double, double> Simulation::cerebralOutflowMlMin() const {
  double jug = 0.0, vert = 0.0;
  if (!engine) return {0.0, 0.0};
  for (int j : cerebralExits.jugular) jug += engine->linkFlow(j) * 6.0e7;  // m^3/s -> mL/min
  for (int j : cerebralExits.vertebral) vert += engine->linkFlow(j) * 6.0e7;
  return {jug, vert};
}

void Simulation::resetTracking() {
  avp = {};
  undo.clear();
  redo.clear();
  contractions = 0;
  patient.reset();
  lastPumpPhase_ = -1.0;
  const hemo::Engine* e = engine.get();
  avpNode = e ? e->network().nodeAt(anatomy_->vesselIndex("great_saphenous_vein_left"), 0.06f) : -1;
  calf = e ? CalfEjectionTracker(hemo::lowerLegNodes(e->network(), *anatomy_, 1)) : CalfEjectionTracker();
  if (e) calf.setLyingReference(*e);
  if (e) bodyDefaults = bodyParams();
}

void Simulation::step(double dt) {
  if (!engine) return;
  applyDueEvents();
  if (tissue) {
    // The tissue changes over minutes: a step every 0.1 s of engine time is plenty.
    tissueDue_ += dt;
    if (dayPlayed >= 0.0 && dayPlayed < dayPlaySeconds) {
      // A day playing: the swelling follows its samples (8 hours in dayPlaySeconds).
      dayPlayed += dt;
      const double minutes = dayMinutes();
      std::size_t k = 1;
      while (k + 1 < day.size() && day[k].minutes < minutes) ++k;
      const hemo::DaySample& a = day[k - 1];
      const hemo::DaySample& b = day[std::min(k, day.size() - 1)];
      const double f = b.minutes > a.minutes ? std::clamp((minutes - a.minutes) / (b.minutes - a.minutes), 0.0, 1.0) : 1.0;
      for (int leg = 0; leg < 2; ++leg)
        tissue->leg(leg).extraVolume = 1e-6 * (a.swellingMl[leg] + f * (b.swellingMl[leg] - a.swellingMl[leg]));
      tissueDue_ = 0.0;
    } else if (tissueDue_ >= 0.1) {
      tissue->step(*engine, tissueDue_);
      tissueDue_ = 0.0;
    }
  }
  engine->step(dt);
  probes.sample(*engine);
  if (avpNode >= 0) avp.update(*engine, engine->pressure(avpNode) / hemo::kMmHg);
  calf.update(*engine);
  patient.update(*engine, *anatomy_, dt);
  trackContractions();
}

void Simulation::trackContractions() {
  // A contraction is the left calf's pump pressure rising through half its peak: one per
  // tiptoe raise or ankle pump, one per left step while walking.
  const hemo::DriverSettings& d = engine->drivers().settings();
  if (lastPumpPhase_ >= 0.0 && d.activityStart > lastPumpPhase_) contractions = 0;  // a new bout
  const double half = 0.5 * engine->params().calfPumpPeak;
  const double now = engine->drivers().at(engine->time()).calf[0];
  if (d.activity == hemo::Activity::Still) {
    wasContracted_ = false;
  } else {
    const bool contracted = now > half;
    if (contracted && !wasContracted_) ++contractions;
    wasContracted_ = contracted;
  }
  lastPumpPhase_ = d.activityStart;
}

void Simulation::advanceParticles(double seconds) {
  if (flow && engine) flow->advance(*engine, seconds);
}

void Simulation::play(hemo::Protocol p) {
  if (!engine) throw Error("protocol: this scene has no veins to simulate");
  protocol = std::move(p);
  protocolStart = engine->time();
  protocolNext = 0;
}

void Simulation::applyDueEvents() {
  if (!protocol || !engine) return;
  const hemo::Protocol& p = *protocol;
  const double now = engine->time() - protocolStart;
  while (protocolNext < p.events.size() && p.events[protocolNext].time <= now + 1e-9) {
    const hemo::Event& ev = p.events[protocolNext++];
    try {
      hemo::applyEvent(*engine, *anatomy_, ev);
    } catch (const Error& e) {
      log::error(p.name + ": events at " + std::to_string(ev.time) + " s (" + ev.action + "): " + e.what());
    }
  }
  if (protocolNext >= p.events.size() && now >= p.duration) protocol.reset();
}

BodyParams Simulation::bodyParams() const {
  return {engine->conditions(), engine->drivers().settings()};
}

void Simulation::restoreBody(const BodyParams& b) {
  hemo::Engine& e = *engine;
  e.conditions() = b.conditions;
  hemo::DriverSettings& d = e.drivers().settings();
  const hemo::DriverSettings& w = b.drivers;
  // Posture and activity change as the user would change them (a ramp, a fresh start); the
  // manoeuvres under way (Valsalva, squeeze, cuff) are events, not parameters, and go on.
  if (w.posture != d.posture || w.tiltDeg != d.tiltDeg) e.drivers().setPosture(w.posture, w.tiltDeg, e.time());
  if (w.activity != d.activity) d.activityStart = e.time();
  d.activity = w.activity;
  d.cadence = w.cadence;
  d.tiptoeCount = w.tiptoeCount;
  d.breathing = w.breathing;
  d.breathingRate = w.breathingRate;
  d.breathingDepth = w.breathingDepth;
  d.abdominalExtra = w.abdominalExtra;
  d.tourniquetSide = w.tourniquetSide;
  d.tourniquetPressure = w.tourniquetPressure;
}

}  // namespace venaviz
