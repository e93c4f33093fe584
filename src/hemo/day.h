#pragma once
// A day in a few seconds: hours of standing, sitting and walking for the slow swelling state
// (hemo/tissue.h), with the engine's fast dynamics averaged. For each posture and activity of
// the plan the engine runs once (settled, then sampled for some seconds at its real time step)
// and gives each lower leg's mean capillary and external pressure; the tissue then advances
// through the plan's hours under those drives. The fast state does not feel the slow one (the
// filtrate is a few mL a minute against ~300 mL/min of leg blood flow).
#include <string>
#include <vector>

#include "hemo/scenario.h"
#include "hemo/tissue.h"

namespace venaviz::hemo {

struct DayPart {
  Posture posture = Posture::Standing;
  Activity activity = Activity::Still;
  double minutes = 60.0;
};

struct DayPlan {
  std::string name;
  std::vector<DayPart> parts;
  std::vector<Condition> conditions;  ///< e.g. stockings, valve failure: held all day
};

/// "A day on your feet": 8 hours of standing still with two sitting breaks (a shop or
/// factory day). `breaks`: a 5-minute walk every half hour instead of standing through; with
/// `stockingsMmHg` > 0, calf stockings of that ankle pressure all day.
DayPlan dayOnYourFeet(bool walkingBreaks = false, double stockingsMmHg = 0.0);
/// Named plans: "standing" (dayOnYourFeet()), "breaks_stockings" (walks and 20 mmHg stockings),
/// "standing_hour" (one hour standing still), "supine" (8 hours lying). Throws on another name.
DayPlan dayPlan(const std::string& name);
std::string dayPlanNames();

struct DaySample {
  double minutes = 0.0;
  double swellingMl[2] = {0.0, 0.0};        ///< interstitial fluid above normal, left / right
  double filtrationMlMin[2] = {0.0, 0.0};
  double lymphMlMin[2] = {0.0, 0.0};
  double tissuePressureMmHg[2] = {0.0, 0.0};
  double capillaryPressureMmHg[2] = {0.0, 0.0};
  Posture posture = Posture::Supine;
  Activity activity = Activity::Still;
};

struct DayResult {
  std::vector<DaySample> samples;  ///< every `sampleMinutes`, and at every change
  double limbVolumeMl = 0.0;       ///< one lower leg's tissue volume (for %)
  double filteredMl[2] = {0.0, 0.0}, lymphMl[2] = {0.0, 0.0};
  double wallSeconds = 0.0;
};

/// Runs the plan on a new engine of `anatomy` (default parameters), with `start`'s conditions
/// (a body's valves, clots, stockings; null: healthy) under the plan's own.
DayResult runDay(const Anatomy& anatomy, const DayPlan& plan, double sampleMinutes = 5.0,
                 const TissueParams& params = defaultTissueParams(), const Conditions* start = nullptr);

}  // namespace venaviz::hemo
