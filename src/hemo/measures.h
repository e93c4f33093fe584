#pragma once
// Clinical measures from a recorded run (docs/simulation-format.md): a Recorder that samples
// probes (vessel@fraction -> compartment) after each engine step, the protocol runner, and the
// measures themselves as pure functions of time series (testable on synthetic data):
// ambulatory venous pressure and RT90, reflux duration, calf ejection, venous filling index,
// respiratory phasicity, pressure gradients and the share of flow through alternative pathways.
// Clinical units throughout (s, mmHg, mL, mL/s, cm/s, mm). No JSON here: io writes the reports.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/liver.h"
#include "hemo/scenario.h"

namespace venaviz::hemo {

class Engine;
struct Network;

// --- probes ---------------------------------------------------------------------------------

/// A place to sample: a vein and an arc-length fraction along it, written "vessel_id@fraction".
struct Probe {
  std::string vessel;
  double fraction = 0.5;
  int node = -1;  ///< compartment, set when resolved against a network
  /// "great_saphenous_vein_left@0.06" (the fraction with up to 3 decimals).
  std::string label() const;
};

/// Parses "VESSEL_ID@FRACTION" (or "VESSEL_ID" for the middle); throws venaviz::Error
/// "probe "x@2": ..." naming the expected form on bad text.
Probe parseProbe(const std::string& text);
/// Finds the compartment of a probe; throws venaviz::Error naming the probe when the scene has no
/// such vein (or it is an artery).
void resolveProbe(Probe& probe, const Network& network, const Anatomy& anatomy);

// --- recording ------------------------------------------------------------------------------

struct ProbeSeries {
  std::vector<double> pressureMmHg, flowMlS, velocityCmS, diameterMm;
  /// Pressure plus the hydrostatic head rho*g*h above the lowest point of the body (mmHg): its
  /// difference between two probes is the pressure lost to flow between them.
  std::vector<double> headMmHg;
};

/// All venous compartments of one leg (side +1 left, -1 right) below the knee joint line, the
/// small veins included: what a plethysmograph on the calf sees (superficial and deep).
std::vector<int> lowerLegNodes(const Network& network, const Anatomy& anatomy, int side);

/// Samples an engine after each step. Time is measured from the engine's time at construction.
class Recorder {
 public:
  /// Resolves the probes (throws venaviz::Error naming an unknown vein).
  Recorder(const Engine& engine, const Anatomy& anatomy, std::vector<Probe> probes);

  /// Records the reverse-flow timer of a valve (anatomy index) at each sample (see valveReflux()).
  void trackValve(int valve);
  /// Takes one sample of everything (call once at the start and after each step).
  void sample(const Engine& engine);

  const std::vector<double>& time() const { return time_; }  ///< s since the start
  const std::vector<Probe>& probes() const { return probes_; }
  const ProbeSeries& series(std::size_t probe) const { return series_[probe]; }
  /// Index of the probe with this label, or -1.
  int findProbe(const std::string& label) const;

  /// Sum of the volumes of the compartments the calf pump squeezes (ExtGroup CalfLeft/CalfRight:
  /// deep calf veins, muscle sinuses and their small veins), mL.
  const std::vector<double>& calfVolumeMl(int side) const { return calf_[side > 0 ? 0 : 1]; }
  /// All venous compartments of one leg below the knee joint line, small veins included (what a
  /// plethysmograph on the calf sees: superficial and deep), mL.
  const std::vector<double>& lowerLegVolumeMl(int side) const { return lowerLeg_[side > 0 ? 0 : 1]; }
  /// Thoracic (pleural) pressure driving the veins, mmHg: breathing and Valsalva.
  const std::vector<double>& thoracicMmHg() const { return thoracic_; }
  /// Outflow of the cerebral venous sinus through the internal jugular veins, and through the
  /// vertebral veins and the vertebral venous plexus (mL/s; 0 without a sinus).
  const std::vector<double>& jugularOutflowMlS() const { return jugular_; }
  const std::vector<double>& vertebralOutflowMlS() const { return vertebral_; }
  /// Flow out of the collateral veins that are not cerebral outflow (cross-pelvic, lumbar
  /// plexus), and through the main path of the left leg (left common iliac vein), mL/s.
  const std::vector<double>& collateralFlowMlS() const { return collateral_; }
  const std::vector<double>& mainPathFlowMlS() const { return mainPath_; }

  const std::vector<int>& trackedValves() const { return valves_; }
  /// Engine's reverse-flow timer of a tracked valve (the current episode's length) per sample, s.
  const std::vector<double>& valveReflux(std::size_t tracked) const { return valveReflux_[tracked]; }

 private:
  double t0_ = 0.0;
  std::vector<Probe> probes_;
  std::vector<ProbeSeries> series_;
  std::vector<double> time_, calf_[2], lowerLeg_[2], thoracic_, jugular_, vertebral_, collateral_, mainPath_;
  std::vector<int> calfNodes_[2], lowerLegNodes_[2], jugularLinks_, vertebralLinks_, collateralNodes_;
  int mainPathNode_ = -1;
  std::vector<int> valves_;
  std::vector<std::vector<double>> valveReflux_;
};

// --- running a protocol -----------------------------------------------------------------------

/// Runs `duration` seconds from the engine's current time at a fixed step `dt`, applying each
/// event of the protocol once the protocol time reaches it (events in time order), and sampling
/// the recorder at the start and after every step. An event that fails throws venaviz::Error
/// "events[i] (action): <reason>".
void runProtocol(Engine& engine, const Anatomy& anatomy, const Protocol& protocol, double dt, double duration,
                 Recorder* recorder);

// --- measures on time series ----------------------------------------------------------------

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct Stats {
  double min = kNoValue, max = kNoValue, mean = kNoValue;
};
/// Min, max and time-weighted mean of v over samples with from <= t <= to.
Stats statsOver(const std::vector<double>& t, const std::vector<double>& v, double from, double to);
double meanOver(const std::vector<double>& t, const std::vector<double>& v, double from, double to);
/// Centred moving average over `window` seconds (returns v when window <= 0).
std::vector<double> smooth(const std::vector<double>& t, const std::vector<double>& v, double window);

/// Ambulatory venous pressure (AVP) and its recovery after an exercise bout.
struct AvpResult {
  bool valid = false;
  double exerciseStart = kNoValue, exerciseEnd = kNoValue;  ///< s
  double baselineMmHg = kNoValue;                           ///< mean over `baselineWindow` s before the exercise
  double minMmHg = kNoValue;                                ///< lowest during the exercise (the AVP)
  double meanExerciseMmHg = kNoValue;                       ///< mean during the exercise
  double fallMmHg = kNoValue;                               ///< baseline - min
  double fallPercent = kNoValue;                            ///< fall / baseline x 100
  /// Time after the end of exercise until the pressure is back to baseline - 10% of the fall
  /// (NaN when it does not recover within the record; 0 when there was no fall).
  double rt90S = kNoValue;
  bool recovered = false;
};
/// `smoothing`: moving-average window (s) applied before the RT90 crossing is searched (a
/// heartbeat's ripple must not count as recovery).
AvpResult ambulatoryVenousPressure(const std::vector<double>& t, const std::vector<double>& pressureMmHg,
                                   double exerciseStart, double exerciseEnd, double baselineWindow = 5.0,
                                   double smoothing = 0.0);

/// The longest run of continuous reverse flow (flow < 0 and velocity < -threshold).
struct RefluxResult {
  double durationS = 0.0;
  double startS = kNoValue;             ///< when that run began
  double peakReverseVelocityCmS = 0.0;  ///< largest |velocity| of reverse flow in the window
  bool ongoing = false;                 ///< the run was still going at the end of the window
};
RefluxResult refluxDuration(const std::vector<double>& t, const std::vector<double>& flowMlS,
                            const std::vector<double>& velocityCmS, double after,
                            double until = std::numeric_limits<double>::infinity(), double thresholdCmS = 1.0);
/// Reflux longer than this is pathological (Labropoulos 2003): 0.35 s in perforators, 0.5 s in
/// superficial veins, 1 s in deep veins (femoral, popliteal, common femoral).
double refluxCutoffS(VesselSystem system);

/// One calf contraction: volume before, smallest volume during [start, end].
struct EjectionResult {
  bool valid = false;
  double volumeBeforeMl = kNoValue, minVolumeMl = kNoValue, ejectedMl = kNoValue, ejectionFraction = kNoValue;
};
EjectionResult ejection(const std::vector<double>& t, const std::vector<double>& volumeMl, double start, double end);

/// Venous filling after standing up (air plethysmography style): the volume gained between
/// `start` and the plateau (mean of the last `plateauWindow` s before `end`), the time to 90%
/// of it, and the venous filling index VFI = 90% of the gain / that time (mL/s).
struct FillingResult {
  bool valid = false;
  double startVolumeMl = kNoValue, venousVolumeMl = kNoValue, vft90S = kNoValue, vfiMlS = kNoValue;
};
FillingResult venousFilling(const std::vector<double>& t, const std::vector<double>& volumeMl, double start, double end,
                            double plateauWindow = 2.0, double smoothing = 0.0);

/// Respiratory phasicity of a flow: the flow at end inspiration (thoracic pressure at its lowest
/// in each breath) and at end expiration (at its highest just before the next breath), each
/// averaged over `window` s and over every complete breath in [from, to].
struct PhasicityResult {
  bool valid = false;
  int breaths = 0;
  double endInspirationMlS = kNoValue, endExpirationMlS = kNoValue;
  double ratio = kNoValue;  ///< end inspiration / end expiration (1: no phasicity)
};
PhasicityResult respiratoryPhasicity(const std::vector<double>& t, const std::vector<double>& flowMlS,
                                     const std::vector<double>& thoracicMmHg, double from, double to,
                                     double window = 0.2);

// --- what a protocol measures ---------------------------------------------------------------

/// The exercise bout of a protocol: its last walking, tiptoe or ankle-pump event until
/// Protocol::exerciseEnd, else until the raises are done (one per second) or the next activity.
struct ExerciseBout {
  double start = 0.0, end = 0.0;
  Activity activity = Activity::Tiptoe;
};
std::optional<ExerciseBout> exerciseBout(const Protocol& protocol);

/// A reflux provocation (Valsalva, calf squeeze, cuff deflation) and its window.
struct Provocation {
  double time = 0.0, until = 0.0;
  std::string action;  ///< "valsalva", "squeeze", "cuff"
  int side = 1;        ///< +1 left, -1 right (Valsalva: the leg of interest)
};

/// Which probes a run needs and what each one is for; built from the protocol, the scenario and
/// the anatomy (only veins the scene has). Labels are probe labels ("vessel@fraction").
struct MeasurementPlan {
  int side = 1;                     ///< leg of interest: +1 left, -1 right (from the conditions)
  std::string anklePressure;        ///< AVP probe: great saphenous vein above the medial malleolus
  std::string femoralFlow;          ///< phasicity probe: common femoral vein
  std::vector<std::string> reflux;  ///< reflux probes (when the protocol provokes reflux)
  struct Gradient {
    std::string label, upstream, downstream;
  };
  std::vector<Gradient> gradients;  ///< one across each narrowing of the scenario/protocol
  std::vector<Provocation> provocations;
  std::optional<ExerciseBout> bout;
  /// Every probe above once, in this order.
  std::vector<std::string> probes() const;
};
MeasurementPlan planMeasurements(const Protocol& protocol, const Scenario& scenario, const Anatomy& anatomy,
                                 const Network& network);

// --- the report -----------------------------------------------------------------------------

struct ProbeReport {
  std::string probe;
  Stats pressureMmHg, flowMlS, velocityCmS, diameterMm;
};

struct RefluxProbeReport {
  std::string probe;
  RefluxResult result;
  double cutoffS = 0.5;
  bool pathological = false;
};
struct ValveRefluxReport {
  std::string valve;
  double longestS = 0.0;     ///< longest engine-timed reverse-flow episode during the window
  double engineLastS = 0.0;  ///< Engine::valveLastReflux at the end of the run
};
struct RefluxReport {
  Provocation provocation;
  std::vector<RefluxProbeReport> probes;
  std::vector<ValveRefluxReport> valves;
};

/// Steady values at the end of one phase of the protocol (between events): means over the last
/// `window` seconds.
struct PhaseReport {
  double start = 0.0, end = 0.0, window = 0.0;
  std::string label;  ///< the event that opened it ("start", "posture standing"...)
  std::vector<std::pair<std::string, double>> pressureMmHg, flowMlS;  ///< per probe
  std::vector<std::pair<std::string, double>> gradientsMmHg;          ///< per plan gradient
  double jugularMlS = kNoValue, vertebralMlS = kNoValue, jugularShare = kNoValue;
  double collateralMlS = kNoValue, mainPathMlS = kNoValue, collateralShare = kNoValue;
  double calfVolumeMl[2] = {kNoValue, kNoValue};  ///< [0] left, [1] right
};

struct SimulationReport {
  std::string scenario, protocol, measure;
  double duration = 0.0, dt = 0.0;
  int steps = 0;
  std::vector<ProbeReport> probes;
  std::string avpProbe;
  AvpResult avp;
  EjectionResult calfEjection[2];  ///< first contraction of the bout, [0] left, [1] right
  std::vector<RefluxReport> reflux;
  FillingResult filling[2];  ///< after standing up, [0] left, [1] right
  double fillingStart = kNoValue;
  std::string phasicityProbe;
  PhasicityResult phasicity;
  std::vector<PhaseReport> phases;
  /// The liver's readout averaged over 5 s after the run (present only with a portal system).
  LiverReadout liver;
};

/// Computes every measure that applies to the recorded run.
SimulationReport analyzeRun(const Recorder& recorder, const Engine& engine, const Anatomy& anatomy,
                            const Protocol& protocol, const Scenario& scenario, const MeasurementPlan& plan);

}  // namespace venaviz::hemo
