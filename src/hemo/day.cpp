#include "hemo/day.h"

#include <chrono>
#include <map>

#include "core/error.h"

namespace venaviz::hemo {

DayPlan dayOnYourFeet(bool walkingBreaks, double stockingsMmHg) {
  DayPlan p;
  p.name = walkingBreaks ? "a day on your feet, walking breaks" : "a day on your feet";
  // 08:00-10:00 standing, 10:00-10:30 sitting, 10:30-12:30 standing, 12:30-13:30 sitting
  // (lunch), 13:30-16:00 standing: 6.5 h standing, 1.5 h sitting.
  auto standing = [&](double minutes) {
    if (!walkingBreaks) {
      p.parts.push_back({Posture::Standing, Activity::Still, minutes});
      return;
    }
    for (double left = minutes; left > 1e-9; left -= 30.0) {
      const double block = std::min(30.0, left);
      p.parts.push_back({Posture::Standing, Activity::Still, std::max(block - 5.0, 0.0)});
      p.parts.push_back({Posture::Standing, Activity::Walking, std::min(5.0, block)});
    }
  };
  standing(120.0);
  p.parts.push_back({Posture::Sitting, Activity::Still, 30.0});
  standing(120.0);
  p.parts.push_back({Posture::Sitting, Activity::Still, 60.0});
  standing(150.0);
  if (stockingsMmHg > 0.0) {
    Condition c;
    c.kind = "stockings";
    c.target = "both";
    c.pressureMmHg = stockingsMmHg;
    p.conditions.push_back(c);
    p.name += ", stockings " + std::to_string(static_cast<int>(stockingsMmHg)) + " mmHg";
  }
  return p;
}

std::string dayPlanNames() {
  return "standing, breaks_stockings, stockings, breaks, standing_hour, supine";
}

DayPlan dayPlan(const std::string& name) {
  if (name == "standing") return dayOnYourFeet();
  if (name == "breaks_stockings") return dayOnYourFeet(true, 20.0);
  if (name == "stockings") return dayOnYourFeet(false, 20.0);
  if (name == "breaks") return dayOnYourFeet(true, 0.0);
  if (name == "standing_hour") return {"one hour standing still", {{Posture::Standing, Activity::Still, 60.0}}, {}};
  if (name == "supine") return {"eight hours lying", {{Posture::Supine, Activity::Still, 480.0}}, {}};
  throw Error("day: unknown plan \"" + name + "\"; expected one of: " + dayPlanNames());
}

DayResult runDay(const Anatomy& anatomy, const DayPlan& plan, double sampleMinutes, const TissueParams& params,
                 const Conditions* start) {
  const auto t0 = std::chrono::steady_clock::now();
  Engine engine(anatomy);
  Tissue tissue(anatomy, engine, params);
  if (start && start->nodeExternal.size() == engine.conditions().nodeExternal.size() &&
      start->linkArea.size() == engine.conditions().linkArea.size())
    engine.conditions() = *start;
  for (const Condition& c : plan.conditions) applyCondition(engine, anatomy, c);
  DriverSettings& d = engine.drivers().settings();
  // The fast dynamics, once per posture and activity: settled, then averaged over a sample.
  std::map<std::pair<int, int>, std::array<TissueDrive, 2>> drives;
  for (const DayPart& part : plan.parts) {
    const auto key = std::make_pair(static_cast<int>(part.posture), static_cast<int>(part.activity));
    if (drives.count(key)) continue;
    engine.drivers().setPosture(part.posture, 0.0, engine.time(), 1e-6);
    d.activity = Activity::Still;
    engine.settle(60.0);
    d.activity = part.activity;
    d.activityStart = engine.time();
    const double dt = 1.0 / 240.0, warm = part.activity == Activity::Still ? 2.0 : 10.0, window = 10.0;
    for (double t = 0.0; t < warm; t += dt) engine.step(dt);
    std::array<TissueDrive, 2> mean{};
    int n = 0;
    for (double t = 0.0; t < window; t += dt, ++n) {
      engine.step(dt);
      for (int leg = 0; leg < 2; ++leg) {
        const TissueDrive x = tissue.drive(engine, leg);
        mean[static_cast<std::size_t>(leg)].capillaryPressure += x.capillaryPressure;
        mean[static_cast<std::size_t>(leg)].externalPressure += x.externalPressure;
        mean[static_cast<std::size_t>(leg)].kf += x.kf;
        mean[static_cast<std::size_t>(leg)].musclePressure += x.musclePressure;
        mean[static_cast<std::size_t>(leg)].lymphPump = x.lymphPump;
      }
    }
    for (auto& m : mean) {
      m.capillaryPressure /= n;
      m.externalPressure /= n;
      m.kf /= n;
      m.musclePressure /= n;
    }
    drives[key] = mean;
  }
  DayResult r;
  r.limbVolumeMl = tissue.params().tissueVolume * 1e6;
  double minutes = 0.0;
  auto sample = [&](const DayPart& part) {
    DaySample s;
    s.minutes = minutes;
    s.posture = part.posture;
    s.activity = part.activity;
    for (int leg = 0; leg < 2; ++leg) {
      const LegTissueState& L = tissue.leg(leg);
      s.swellingMl[leg] = L.extraVolume * 1e6;
      s.filtrationMlMin[leg] = L.filtration * 6e7;
      s.lymphMlMin[leg] = L.lymph * 6e7;
      s.tissuePressureMmHg[leg] = L.tissuePressure / kMmHg;
      s.capillaryPressureMmHg[leg] = L.capillaryPressure / kMmHg;
    }
    r.samples.push_back(s);
  };
  if (!plan.parts.empty()) sample(plan.parts.front());  // the start
  for (const DayPart& part : plan.parts) {
    const auto& dr = drives[{static_cast<int>(part.posture), static_cast<int>(part.activity)}];
    for (double left = part.minutes; left > 1e-9;) {
      const double chunk = std::min(sampleMinutes, left);
      tissue.advance(dr, chunk * 60.0);
      minutes += chunk;
      left -= chunk;
      sample(part);
    }
  }
  for (int leg = 0; leg < 2; ++leg) {
    r.filteredMl[leg] = tissue.leg(leg).filteredTotal * 1e6;
    r.lymphMl[leg] = tissue.leg(leg).lymphTotal * 1e6;
  }
  r.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace venaviz::hemo
