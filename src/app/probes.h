#pragma once
// Live probes: up to four places on the veins (vessel@fraction) sampled as the engine runs,
// with the last 30 s kept for the plots and the current reflux episode timed. Plain data, no GL.
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/engine.h"
#include "hemo/measures.h"

namespace venaviz {

struct ProbeSample {
  float time = 0.0f;                                                     ///< s (engine time)
  float pressure = 0.0f, flow = 0.0f, velocity = 0.0f, diameter = 0.0f;  ///< mmHg, mL/s, cm/s, mm
};

struct LiveProbe {
  hemo::Probe probe;              ///< resolved (node set)
  Vec3 position{0.0f};            ///< cm, on the vessel's centerline (for the 3D marker)
  std::vector<ProbeSample> ring;  ///< the last kHistorySeconds, oldest first after `head`
  std::size_t head = 0, count = 0;
  double refluxSince = -1.0;  ///< engine time the current backward flow began (-1: none)
  double lastReflux = 0.0;    ///< s, duration of the last completed backward-flow episode

  const ProbeSample& latest() const;
  /// Samples in time order (oldest first) into `out` (resized).
  void history(std::vector<ProbeSample>& out) const;
  /// Seconds of backward flow so far in the current episode (0 when flowing forwards).
  double currentReflux(double now) const { return refluxSince < 0.0 ? 0.0 : now - refluxSince; }
};

/// The ambulatory venous pressure test followed live at one ankle: the standing baseline
/// before exercise, the lowest pressure during it (AVP), and RT90 after it (the time to recover
/// 90% of the fall). Normal: a fall of more than 50% and RT90 over 20 s (physiology.md §4).
class AvpTracker {
 public:
  enum class Phase { Waiting, Exercising, Recovering, Done };
  /// Feeds one sample (the engine's time and drivers, the ankle pressure); call every step.
  void update(const hemo::Engine& engine, double pressureMmHg);
  Phase phase() const { return phase_; }
  double baseline() const { return baseline_; }  ///< mmHg, standing still before the exercise
  double lowest() const { return lowest_; }      ///< mmHg, during the exercise (the AVP)
  double fall() const { return baseline_ - lowest_; }
  double rt90() const { return rt90_; }        ///< s; < 0 while unknown
  double exerciseEnd() const { return end_; }  ///< engine time the last bout ended

 private:
  Phase phase_ = Phase::Waiting;
  double baseline_ = 0.0, lowest_ = 0.0, rt90_ = -1.0, end_ = 0.0;
  double still_ = 0.0;  ///< running mean of the pressure while standing still
  double stillSince_ = -1.0;
  double lastT_ = 0.0;
};

/// Calf ejection fraction followed live on one leg, as air plethysmography measures it
/// (physiology.md §5, Christopoulos 1987): the lower leg's venous volume lying still is the
/// empty reference, standing still fills it by the venous volume VV, and the first raise of a
/// tiptoe bout ejects EV (the volume before it minus the lowest during its first second).
/// EF = EV / VV. Standing must have lasted long enough for the filling to plateau (the test
/// waits for it; the live reading takes what it finds).
class CalfEjectionTracker {
 public:
  CalfEjectionTracker() = default;
  explicit CalfEjectionTracker(std::vector<int> nodes) : nodes_(std::move(nodes)) {}
  /// Feeds one sample; call every step.
  void update(const hemo::Engine& engine);
  /// Takes the lower leg's volume now as the empty (lying) reference: for an engine that has
  /// just been built lying and settled, before a scenario stands it up.
  void setLyingReference(const hemo::Engine& engine) { lying_ = volumeMl(engine); }
  bool valid() const { return ef_ >= 0.0; }
  double ejectionFraction() const { return ef_; }  ///< %, < 0 while unknown
  double ejectedMl() const { return ejected_; }
  double venousVolumeMl() const { return vv_; }

 private:
  double volumeMl(const hemo::Engine& engine) const;
  std::vector<int> nodes_;
  double lying_ = -1.0, standing_ = -1.0;  ///< mL, the last still volume in each posture
  double before_ = 0.0, lowest_ = 0.0, boutStart_ = -1.0;
  bool measuring_ = false;
  double ef_ = -1.0, ejected_ = 0.0, vv_ = 0.0;
};

class ProbeSet {
 public:
  static constexpr std::size_t kMaxProbes = 4;
  static constexpr double kHistorySeconds = 30.0;
  static constexpr double kSampleInterval = 1.0 / 60.0;  ///< s of simulated time
  /// Backward speed (cm/s) counted as reflux, the same threshold the particles use.
  static constexpr double kRefluxCmS = 1.0;

  /// Adds a probe ("vessel_id@fraction"); a fifth replaces the oldest. Throws venaviz::Error
  /// naming the probe when the text or the vein is wrong.
  void add(const std::string& text, const hemo::Engine& engine, const Anatomy& anatomy);
  void remove(std::size_t index);
  void clear() { probes_.clear(); }
  /// Records every probe if at least kSampleInterval passed since the last record.
  void sample(const hemo::Engine& engine);
  const std::vector<LiveProbe>& probes() const { return probes_; }

 private:
  std::vector<LiveProbe> probes_;
  double lastSample_ = -1e9;
};

}  // namespace venaviz
