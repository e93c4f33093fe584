// Side by side: a second simulation of the same scene beside the first (healthy against failed
// valves, before against after a treatment), one camera, one clock, the probes at the same place.
#include <algorithm>

#include "app/app.h"
#include "core/error.h"
#include "core/log.h"

namespace venaviz {

std::size_t App::bodyParticleBudget(std::size_t bodies) const {
  return particleBudget(state_.quality) / std::max<std::size_t>(1, bodies);
}

Vec2 App::viewSize(Vec2 viewport) const {
  return sims_.size() > 1 ? Vec2(std::floor(viewport.x * 0.5f), viewport.y) : viewport;
}

void App::compareOn(const std::string& leftLabel, const std::string& rightLabel) {
  Simulation& first = *sims_.front();
  if (!first.engine) throw Error("compare: this scene has no veins to simulate");
  if (sims_.size() < 2) {
    // The second body starts as the first one is now: its conditions and drivers, settled in
    // its posture (as a scenario starts), and the same probes.
    auto second = std::make_unique<Simulation>(state_.scene.anatomy, bodyParticleBudget(2));
    hemo::Engine& e = *second->engine;
    const BodyParams b = first.bodyParams();
    e.conditions() = b.conditions;
    hemo::DriverSettings& d = e.drivers().settings();
    d = b.drivers;
    e.drivers().setPosture(b.drivers.posture, b.drivers.tiltDeg, e.time(), 1e-6);
    d.activityStart = e.time();
    d.valsalvaStart = d.squeezeStart = d.cuffStart = -1.0;
    e.settle(30.0);
    second->flow->reseed(e);
    first.setParticleBudget(bodyParticleBudget(2));
    for (const LiveProbe& lp : first.probes.probes())
      second->probes.add(lp.probe.vessel + "@" + std::to_string(lp.probe.fraction), e, state_.scene.anatomy);
    second->dopplerProbe = first.dopplerProbe;
    second->bodyDefaults = first.bodyDefaults;
    sims_.push_back(std::move(second));
  }
  sims_[0]->label = leftLabel;
  sims_[1]->label = rightLabel;
  side_ = 0;
  active_ = 0;
  state_.camera.setPose(scenePose());  // each view is half as wide: fit the body again
}

void App::compareOff() {
  const bool two = sims_.size() > 1;
  sims_.resize(1);
  if (two) sims_.front()->setParticleBudget(bodyParticleBudget(1));
  sims_.front()->label.clear();
  side_ = 0;
  active_ = 0;
}

void App::registerCompareActions() {
  ActionRegistry& a = actions_;
  auto joinFrom = [](const std::vector<std::string>& args, std::size_t from) {
    std::string text;
    for (std::size_t k = from; k < args.size(); ++k) text += (text.empty() ? "" : " ") + args[k];
    return text;
  };
  a.add("compare", "compare on [LEFT_LABEL] [RIGHT_LABEL] | off",
        "Two bodies side by side, one camera and one clock: the second starts as a copy of the first "
        "(labels in quotes, e.g. compare on Healthy \"GSV valves failed\")",
        1, 3, [this](auto& args) {
          if (args[0] == "off") {
            if (args.size() > 1) throw Error("compare: off takes no labels");
            compareOff();
            return;
          }
          if (args[0] != "on") throw Error("compare: \"" + args[0] + "\" must be on or off");
          compareOn(args.size() > 1 ? args[1] : "A", args.size() > 2 ? args[2] : "B");
        });
  a.add("compare_label", "compare_label 1|2 TEXT", "The label above the left (1) or right (2) body side by side", 2, 9,
        [this, joinFrom](auto& args) {
          const auto n = static_cast<std::size_t>(parseNumberArg("compare_label", args[0], 1, 2));
          if (n > sims_.size()) throw Error("compare_label: there is no body " + args[0] + "; start with compare on");
          sims_[n - 1]->label = joinFrom(args, 1);
        });
  a.add("side", "side both|1|2|left|right",
        "Side by side: which body the body's actions (posture, conditions, treatments...) act on", 1, 1,
        [this](auto& args) {
          const std::string& w = args[0];
          const int n = w == "both" ? 0 : (w == "1" || w == "left") ? 1 : (w == "2" || w == "right") ? 2 : -1;
          if (n < 0) throw Error("side: \"" + w + "\" must be both, 1, 2, left or right");
          if (n > 0 && static_cast<std::size_t>(n) > sims_.size())
            throw Error("side: there is one body only; start side by side with compare on");
          side_ = n;
          active_ = n == 2 ? 1 : 0;
        });
}

}  // namespace venaviz
