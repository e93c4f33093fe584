#pragma once
// Scenarios (a state: posture, activity, conditions, treatments) and protocols (a timeline of
// events) as plain data, and the runner that applies them to an engine. JSON reading lives in
// io (docs/simulation-format.md); everything here is testable without files.
#include <optional>
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/drivers.h"

namespace venaviz::hemo {

class Engine;

/// One condition or treatment. `kind` names it; the other fields are its arguments (unused
/// ones stay at their defaults). Every kind is listed in conditionKinds().
struct Condition {
  std::string kind;             ///< e.g. "valve_incompetence", "may_thurner", "thrombus", "stockings"
  std::string target;           ///< valve id, vessel id or group ("left_gsv", "deep_left", "perforators", "all")
  double severity = 1.0;        ///< 0..1 (meaning per kind: regurgitant fraction, area loss, occlusion...)
  double from = 0.0, to = 1.0;  ///< fractions along the target vessel (thrombus, narrowing, ligation)
  double pressureMmHg = 0.0;    ///< stockings class pressure at the ankle, tight clothing, abdominal
  /// thrombus: days since it formed. The clot recanalises (residual occlusion halves every
  /// ~100 days) and the valves it involved lose competence (half-time ~344 days), after Meissner
  /// et al. JVS 1993;18:596: median lysis 65-130 d in segments that stay competent, 214-474 d in
  /// segments that become refluxive (midpoints used; a simplified model).
  double days = 0.0;
};

/// Where azygos_stenosis narrows the azygos vein (fractions along it): the arch over the right
/// lung root, the site the CCSVI venography series describe (Zamboni 2009, not read here).
inline constexpr double kAzygosArchFrom = 0.75, kAzygosArchTo = 0.9;

/// The names of all condition kinds, with a one-line description each.
const std::vector<std::pair<std::string, std::string>>& conditionKinds();

struct Scenario {
  std::string name;
  std::string description;
  Posture posture = Posture::Supine;
  double tiltDeg = 0.0;
  Activity activity = Activity::Still;
  double cadence = 100.0;
  double breathingRate = 12.0;
  bool breathing = true;
  std::vector<Condition> conditions;
};

/// A timed event in a protocol.
struct Event {
  double time = 0.0;    ///< s from the start of the protocol
  std::string action;   ///< "posture", "activity", "valsalva", "squeeze", "cuff", "condition", "breathing"
  std::string value;    ///< posture or activity name, side ("left"/"right"), on/off
  double number = 0.0;  ///< tilt angle, cadence, duration, count
  std::optional<Condition> condition;  ///< for action "condition"
};

struct Protocol {
  std::string name;
  std::string description;
  double duration = 60.0;  ///< s
  std::vector<Event> events;
  /// Names what the protocol measures: "avp" (ambulatory venous pressure and RT90 after the
  /// last exercise bout), "reflux" (reflux time after the provocation), "none".
  std::string measure = "none";
  double exerciseEnd = -1.0;  ///< s, end of the exercise bout (for RT90), if any
};

/// Applies a scenario's state and conditions to an engine (throws venaviz::Error naming the
/// unknown vessel, valve or group, or the out-of-range value).
void applyScenario(Engine& engine, const Anatomy& anatomy, const Scenario& scenario);
/// Applies one condition (throws venaviz::Error on bad input).
void applyCondition(Engine& engine, const Anatomy& anatomy, const Condition& condition);
/// Applies one protocol event at the engine's current time.
void applyEvent(Engine& engine, const Anatomy& anatomy, const Event& event);

/// Valves selected by a target: a valve id, a vessel id (its valves), or a group: "all",
/// "perforators", "deep_left"/"deep_right", "superficial_left"/"superficial_right",
/// "left_gsv"/"right_gsv" (great saphenous), "left_ssv"/"right_ssv".
std::vector<int> selectValves(const Anatomy& anatomy, const std::string& target);
/// Where the right common iliac artery crosses the left common iliac vein (fraction along the
/// vein; 0.75 when the scene has no such artery). Throws when the scene has no such vein.
double mayThurnerFraction(const Anatomy& anatomy);

}  // namespace venaviz::hemo
