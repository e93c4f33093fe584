#pragma once
// Everything that pushes the venous system from outside: gravity (posture), breathing, the
// heart (right-atrial pressure with a, c, v waves), the muscle pumps by activity, and
// manoeuvres (Valsalva, calf squeeze, cuff). Pure functions of time and settings.
#include <optional>
#include <string>
#include <string_view>

#include "core/math.h"
#include "hemo/network.h"
#include "hemo/params.h"

namespace venaviz::hemo {

enum class Posture { Supine, Standing, Sitting, LegsElevated, Tilt };
std::optional<Posture> parsePosture(std::string_view name);
std::string_view toString(Posture p);
std::string postureNames();  ///< "supine, standing, ..." for messages

enum class Activity { Still, Walking, Tiptoe, AnklePumps };
std::optional<Activity> parseActivity(std::string_view name);
std::string_view toString(Activity a);
std::string activityNames();  ///< "still, walking, ..." for messages

struct DriverSettings {
  Posture posture = Posture::Supine;
  /// Tilt posture: + head-up, - head-down (Trendelenburg). LegsElevated: the legs' angle at the
  /// hips (0: the default 30 degrees; a 20 cm bed wedge under the heels is about 12.6).
  double tiltDeg = 0.0;
  Activity activity = Activity::Still;
  double activityStart = 0.0;   ///< s, when the current activity began
  double cadence = 100.0;       ///< steps/min while walking (90-120, physiology.md §7)
  int tiptoeCount = 10;         ///< raises in a tiptoe bout (the AVP test: ~10 at ~1/s)
  double breathingRate = 12.0;  ///< breaths/min
  double breathingDepth = 1.0;  ///< x the quiet-breathing swing
  bool breathing = true;
  double valsalvaStart = -1.0, valsalvaDuration = 10.0;  ///< s (held 10-15 s, physiology.md §8)
  double squeezeStart = -1.0;                            ///< manual calf squeeze (1 s squeeze, quick release)
  int squeezeSide = 1;                                   ///< +1 left, -1 right
  double squeezePressure = 80.0 * kMmHg;
  double cuffStart = -1.0;  ///< calf cuff inflated for 3 s then deflated in 0.3 s
  int cuffSide = 1;
  double cuffPressure = 80.0 * kMmHg;
  double abdominalExtra = 0.0;  ///< Pa: raised abdominal pressure (obesity, pregnancy)
  /// Thigh tourniquet (Trendelenburg test): presses on the superficial veins of one thigh
  /// (0 = none, +1 left, -1 right). The pressure is the user's; 60 mmHg by default is an
  /// engineering choice that closes superficial veins but not the deep ones under the fascia.
  int tourniquetSide = 0;
  double tourniquetPressure = 60.0 * kMmHg;
  double heartRate = 67.0;  ///< beats/min
};

/// Height of a body-frame point (cm) above the lowest point of the body in a posture, in m.
double heightIn(Posture posture, double tiltDeg, Vec3 bodyCm);

/// The drivers' values at one time.
struct DriverState {
  double thoracic = 0.0, abdominal = 0.0, cranial = 0.0;         ///< Pa
  double calf[2] = {0, 0}, thigh[2] = {0, 0}, foot[2] = {0, 0};  ///< [0] left, [1] right
  double squeeze[2] = {0, 0};     ///< on every calf compartment (superficial too): squeeze or cuff
  double tourniquet[2] = {0, 0};  ///< on the superficial veins of mid-thigh
  double rightAtrium = 0.0;       ///< Pa
  double uprightness = 0.0;       ///< sin(tilt) of the trunk, 0 supine .. 1 standing
};

class Drivers {
 public:
  explicit Drivers(const Params& p) : params_(p) {}
  DriverSettings& settings() { return settings_; }
  const DriverSettings& settings() const { return settings_; }

  /// Changes posture with a cosine ramp over `rampSeconds` (Heldt's tilt, engine.md §3.3).
  void setPosture(Posture p, double tiltDeg, double now, double rampSeconds = 2.0);
  /// Blend weight of the new posture at time t (0 -> 1).
  double postureBlend(double t) const;
  /// Height (m) of a point now, blending old and new posture.
  double height(Vec3 bodyCm, double t) const;

  DriverState at(double t) const;
  /// Moves every recorded start time (posture ramp, activity, manoeuvres) by `seconds`; the
  /// engine uses it when it rewinds its clock after settling.
  void shiftTimes(double seconds);

 private:
  double breathing(double t) const;            ///< Pa, <= 0
  double heartWaves(double t) const;           ///< Pa, mean ~0
  double pumpPulse(double t, int side) const;  ///< 0..1
  const Params& params_;
  DriverSettings settings_;
  Posture fromPosture_ = Posture::Supine;
  double fromTilt_ = 0.0, rampStart_ = -1e9, rampSeconds_ = 2.0;
};

}  // namespace venaviz::hemo
