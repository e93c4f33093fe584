#pragma once
// One simulated body: the hemodynamic engine, the lumen and particles shown on it, the protocol
// playing in it, its probes and trackers, and the undo history of its parameters. The app owns
// one, or two side by side (one camera, one clock). Plain data plus stepping; no GL, no window.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "anatomy/anatomy.h"
#include "app/flow_view.h"
#include "app/patient.h"
#include "app/probes.h"
#include "hemo/day.h"
#include "hemo/engine.h"
#include "hemo/scenario.h"
#include "hemo/skin.h"
#include "hemo/liver.h"
#include "hemo/tissue.h"

namespace venaviz {

/// The body's parameters as undo/redo keep them: the conditions and the driver settings.
struct BodyParams {
  hemo::Conditions conditions;
  hemo::DriverSettings drivers;
};

class Simulation {
 public:
  /// The engine for `anatomy`'s veins, settled lying; null when it has no veins. Throws
  /// venaviz::Error when the anatomy cannot be modelled.
  static std::unique_ptr<hemo::Engine> makeEngine(const Anatomy& anatomy);
  /// A simulation of `anatomy` (which must outlive it) on `engine` (made here when null and
  /// the anatomy has veins; a scene without veins gives an empty simulation, engine null).
  Simulation(const Anatomy& anatomy, std::size_t particleBudget, std::unique_ptr<hemo::Engine> engine = nullptr);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Replaces the engine by a fresh one (settled lying) and the flow view built on it.
  void rebuild(std::size_t particleBudget);
  /// A new particle pool of `budget` (quality, or a share side by side), filled again at once.
  void setParticleBudget(std::size_t budget);
  /// Resets what follows the engine (AVP and calf trackers, undo history, the body's defaults).
  void resetTracking();
  /// One fixed step: due protocol events, the engine, probes and trackers.
  void step(double dt);
  /// Moves the particles after the engine advanced by `seconds`.
  void advanceParticles(double seconds);
  /// Fires the playing protocol's events that are due at the engine's current time.
  void applyDueEvents();
  /// Starts a protocol now.
  void play(hemo::Protocol protocol);

  BodyParams bodyParams() const;
  /// Sets the body's parameters back (posture ramps, manoeuvres under way go on).
  void restoreBody(const BodyParams& params);

  const Anatomy& anatomy() const { return *anatomy_; }

  /// The hemodynamic engine for the scene's veins (null when the scene has none).
  std::unique_ptr<hemo::Engine> engine;
  /// The lower legs' tissue fluid (swelling), coupled to the engine; null when the scene has no
  /// capillary beds below the knees.
  std::unique_ptr<hemo::Tissue> tissue;
  /// The liver's readout as shown: smoothed over about a second of frames (beats and breaths
  /// move the instantaneous one), so the panel's numbers are readable.
  mutable hemo::LiverReadout liverShown;
  /// The brain's venous outflow as shown (mL/min, smoothed like liverShown; < 0 before the first
  /// frame): by the internal jugular veins and by the vertebral route.
  mutable double jugularShownMlMin = -1.0, vertebralShownMlMin = -1.0;
  /// The links by which blood leaves the skull (found once per engine, in rebuild).
  hemo::CerebralExits cerebralExits;
  /// The brain's outflow now (mL/min): by the jugular veins, and by the vertebral route.
  std::pair<double, double> cerebralOutflowMlMin() const;
  /// A day's swelling played as a time-lapse ("day PLAN"): its samples, the simulated seconds
  /// of wall time it takes, how far it has played (s; < 0: none playing) and its name.
  std::vector<hemo::DaySample> day;
  double dayPlaySeconds = 16.0, dayPlayed = -1.0;
  std::string dayName;
  /// The day's clock (minutes into the plan) and whether one has played since the last reset.
  double dayMinutes() const;
  /// Skin changes shown for `skinYears` of untreated reflux (< 0: none shown): each leg's
  /// estimate (left, right) from its walking venous pressure, measured again when the body's
  /// conditions change (skinFor: the conditions it was measured with).
  double skinYears = -1.0;
  std::array<hemo::SkinEstimate, 2> skin{};
  std::optional<hemo::Conditions> skinFor;
  std::array<double, 2> skinAvp{};
  /// Measures (if the conditions changed) and estimates the skin for skinYears.
  void updateSkin();
  /// Lumen, particles and the live state handed to the renderer (null without an engine).
  std::unique_ptr<FlowView> flow;
  /// A protocol playing: its events fire as simulated time passes.
  std::optional<hemo::Protocol> protocol;
  double protocolStart = 0.0;  ///< engine time at which it started
  std::size_t protocolNext = 0;
  /// Live probes (up to four).
  ProbeSet probes;
  /// Undo and redo of changes to the body: (the command, the parameters before it).
  std::vector<std::pair<std::string, BodyParams>> undo, redo;
  BodyParams bodyDefaults;  ///< the body as the scene starts (reset_body)
  /// Calf ejection fraction followed live on the left leg (air plethysmography's definition).
  CalfEjectionTracker calf;
  /// The probe (0-based) whose duplex display is open (-1: none), and the engine time of the
  /// last provocation (Valsalva, squeeze, cuff) the display times reflux after (-1: none).
  int dopplerProbe = -1;
  double provocationTime = -1.0;
  /// The AVP test followed live at the left ankle (great saphenous vein above the malleolus).
  AvpTracker avp;
  int avpNode = -1;
  /// Shown above its viewport side by side ("Healthy", "GSV valves failed"); empty: none.
  std::string label;
  /// Tiptoe raises (calf contractions) since the activity last started; counted from the
  /// drivers' calf-pump phase, for lessons that wait for "the 10th tiptoe".
  int contractions = 0;
  /// Patient mode's measures: the smoothed ankle gauge, recent reflux, time since a change.
  patient::Tracker patient;

 private:
  void trackContractions();
  void makeTissue();
  const Anatomy* anatomy_;
  double tissueDue_ = 0.0;  ///< s of engine time since the tissue last stepped
  double lastPumpPhase_ = -1.0;  ///< activity start seen last step (a new bout resets the count)
  bool wasContracted_ = false;
};

}  // namespace venaviz
