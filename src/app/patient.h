#pragma once
// Patient mode's model side (no GL, no ImGui): the choices a patient taps (what is wrong, what
// they are doing), the actions each one runs, what is measured on the body to explain it, and
// the plain-words captions and ankle gauge built from those measures by rules, not canned per
// button (docs/patient-mode.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/drivers.h"
#include "hemo/engine.h"

namespace venaviz::patient {

/// What is wrong in the body.
enum class Problem { Healthy, Leaky, Clot, Squeezed };
/// What the person is doing (or what was done for them).
enum class Situation { Standing, Walking, LegsUp, Stockings, Treated };

inline constexpr Problem kProblems[] = {Problem::Healthy, Problem::Leaky, Problem::Clot, Problem::Squeezed};
inline constexpr Situation kSituations[] = {Situation::Standing, Situation::Walking, Situation::LegsUp,
                                            Situation::Stockings, Situation::Treated};

/// Button ids: "healthy", "leaky", "clot", "squeezed"; "standing", "walking", "legs_up",
/// "stockings", "treated" (the string keys are patient.scene.ID).
std::string_view toString(Problem p);
std::string_view toString(Situation s);
std::optional<Problem> parseProblem(std::string_view id);
std::optional<Situation> parseSituation(std::string_view id);

struct Choice {
  Problem problem = Problem::Healthy;
  Situation situation = Situation::Standing;
  bool operator==(const Choice&) const = default;
};

/// Whether "after treatment" means something for this problem (a healthy leg has none).
bool treatable(Problem p);
/// A tap on a problem or situation button: the new choice (a problem keeps what the person
/// is doing, except a treatment, which belongs to the old problem).
Choice choose(Choice current, std::string_view id);
/// The actions that set a choice up on a body reset to the scene's start, camera included.
std::vector<std::string> choiceActions(const Choice& c);

/// Follows one body over time for the captions and the gauge (called after every engine step).
class Tracker {
 public:
  void reset() { *this = Tracker(); }
  /// A new choice was set up at engine time `now` (the walking rule waits from here).
  void markChange(double now) { changedAt_ = now; }
  void update(const hemo::Engine& engine, const Anatomy& anatomy, double dt);
  /// Ankle pressure (great saphenous vein above the malleolus), mmHg, averaged over about 3 s
  /// so walking's strides do not flicker the gauge. [0] left, [1] right.
  double ankleMmHg(int side) const { return ankle_[side]; }
  /// Seconds since a great saphenous valve of that leg last had reflux longer than 0.5 s
  /// (the duplex criterion for superficial veins); a large number when never.
  double sinceReflux(int side, double now) const { return now - refluxAt_[side]; }
  /// Seconds since the posture or the activity last changed.
  double sinceChange(double now) const { return now - changedAt_; }

 private:
  bool ready_ = false;
  int ankleNode_[2] = {-1, -1};
  std::vector<int> gsvValves_[2];
  double ankle_[2] = {0.0, 0.0};
  double refluxAt_[2] = {-1e9, -1e9};
  double changedAt_ = 0.0;
  hemo::Posture posture_ = hemo::Posture::Supine;
  hemo::Activity activity_ = hemo::Activity::Still;
};

/// What the captions are built from: measured on the body now.
struct Facts {
  hemo::Posture posture = hemo::Posture::Supine;
  hemo::Activity activity = hemo::Activity::Still;
  double sinceChange = 0.0;      ///< s in this posture and activity
  double ankle[2] = {0.0, 0.0};  ///< smoothed ankle pressure, mmHg, [0] left
  bool leaky[2] = {false, false};       ///< great saphenous valves of that leg regurgitant
  bool refluxSeen[2] = {false, false};  ///< reflux > 0.5 s there in the last few seconds
  bool clot[2] = {false, false};        ///< a thrombus in a deep vein of that leg or the pelvis
  bool closed[2] = {false, false};      ///< the great saphenous vein closed (ablation)
  float squeezed = 0.0f;                ///< lumen lost where the artery crosses the left iliac vein
  double squeezeGradient = 0.0;         ///< pressure drop across the squeezed stretch, mmHg
  double collateralMlMin = 0.0;         ///< flow through the pelvic side veins, mL/min
  double collateralShare = 0.0;         ///< their share of the left leg's return (with the left iliac vein)
  bool stockings = false;               ///< pressure from outside on the legs
};
Facts measure(const hemo::Engine& engine, const Anatomy& anatomy, const Tracker& tracker);

/// The gauge: 0 low, 1 normal, 2 high (the higher ankle).
int gaugeLevel(const Facts& f);
/// Where the gauge's needle stands, 0..1 (each word a third).
float gaugePosition(const Facts& f);
/// Thresholds, mmHg: below kLowBelow is low; from kHighFrom up is high.
inline constexpr double kLowBelow = 15.0, kHighFrom = 35.0;
/// The side veins' share of the left leg's return above which the caption says they carry
/// blood round a blockage (docs/patient-mode.md has the measured shares).
inline constexpr double kCollateralShare = 0.1;
/// A pressure drop across the squeeze (mmHg) the caption calls "a little higher" below it.
inline constexpr double kSqueezeGradient = 1.0;
/// At most this many sentences in a caption.
inline constexpr std::size_t kMaxSentences = 4;

/// The caption, as string keys (caption.*) in reading order: rules over the facts and what the
/// patient chose (a clot that was there and is gone is "removed", not "healthy").
std::vector<std::string> captionKeys(const Facts& f, const Choice& c);

/// The plain name's string key (vessel.*) of a vessel id, by what kind of vein it is.
std::string vesselKey(const std::string& id, VesselSystem system);

}  // namespace venaviz::patient
