#include "hemo/drivers.h"

#include "core/enum_names.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace venaviz::hemo {
namespace {
constexpr std::array<std::string_view, 5> kPostures = {"supine", "standing", "sitting", "legs_elevated", "tilt"};
constexpr std::array<std::string_view, 4> kActivities = {"still", "walking", "tiptoe", "ankle_pumps"};
constexpr double kHipZ = 92.0, kKneeZ = 49.5, kSeatThigh = 52.0;  // cm (anatomy.md §2.1)

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return 0.5 - 0.5 * std::cos(kPi * x);
}
/// Raised-cosine pulse of a given width starting at 0 (0 outside).
double bump(double t, double width) {
  if (t < 0.0 || t > width) return 0.0;
  return 0.5 - 0.5 * std::cos(2.0 * kPi * t / width);
}
double sinDeg(double d) {
  return std::sin(d * kPi / 180.0);
}
double cosDeg(double d) {
  return std::cos(d * kPi / 180.0);
}
}  // namespace

std::optional<Posture> parsePosture(std::string_view s) {
  return parseEnum<Posture>(kPostures, s);
}
std::string postureNames() {
  return joinNames(kPostures);
}
std::string_view toString(Posture p) {
  return kPostures[static_cast<std::size_t>(p)];
}
std::optional<Activity> parseActivity(std::string_view s) {
  return parseEnum<Activity>(kActivities, s);
}
std::string activityNames() {
  return joinNames(kActivities);
}
std::string_view toString(Activity a) {
  return kActivities[static_cast<std::size_t>(a)];
}

double heightIn(Posture posture, double tiltDeg, Vec3 b) {
  const double y = b.y, z = b.z;
  double h = 0.0;  // cm
  switch (posture) {
    case Posture::Standing:
      h = z;
      break;
    case Posture::Supine:
      h = -y;
      break;  // lying on the back: posterior is down
    case Posture::Tilt:
      h = -y * cosDeg(tiltDeg) + z * sinDeg(tiltDeg);
      break;
    case Posture::LegsElevated:  // supine, legs raised at the hips: 30 degrees, or tiltDeg if set
      h = -y + (z < kHipZ ? (kHipZ - z) * sinDeg(tiltDeg > 0.0 ? tiltDeg : 30.0) : 0.0);
      break;
    case Posture::Sitting:  // lower legs vertical, thighs horizontal on the seat, trunk upright
      if (z <= kKneeZ)
        h = z;
      else if (z <= kHipZ)
        h = kKneeZ + (kSeatThigh - kKneeZ) * (z - kKneeZ) / (kHipZ - kKneeZ);
      else
        h = kSeatThigh + (z - kHipZ);
      break;
  }
  return units::cmToM(h);
}

void Drivers::setPosture(Posture p, double tiltDeg, double now, double ramp) {
  // Start the ramp from wherever the blend is now (a change during a ramp stays smooth enough).
  fromPosture_ = settings_.posture;
  fromTilt_ = settings_.tiltDeg;
  settings_.posture = p;
  settings_.tiltDeg = tiltDeg;
  rampStart_ = now;
  rampSeconds_ = std::max(ramp, 1e-6);
}

void Drivers::shiftTimes(double seconds) {
  rampStart_ += seconds;
  settings_.activityStart += seconds;
  if (settings_.valsalvaStart >= 0.0) settings_.valsalvaStart += seconds;
  if (settings_.squeezeStart >= 0.0) settings_.squeezeStart += seconds;
  if (settings_.cuffStart >= 0.0) settings_.cuffStart += seconds;
}

double Drivers::postureBlend(double t) const {
  return smoothstep((t - rampStart_) / rampSeconds_);
}

double Drivers::height(Vec3 bodyCm, double t) const {
  const double w = postureBlend(t);
  const double hNew = heightIn(settings_.posture, settings_.tiltDeg, bodyCm);
  if (w >= 1.0) return hNew;
  return (1.0 - w) * heightIn(fromPosture_, fromTilt_, bodyCm) + w * hNew;
}

double Drivers::breathing(double t) const {
  // Albanese 2016 respiratory-muscle waveform (engine.md §1.7): parabolic inspiration, exponential
  // expiration; I:E = 0.6, tau = T_E/5; scaled so its minimum is -swing.
  if (!settings_.breathing || settings_.breathingRate <= 0.0) return 0.0;
  const double T0 = 60.0 / settings_.breathingRate, TI = T0 * 0.6 / 1.6, TE = T0 - TI, tau = TE / 5.0;
  const double x = std::fmod(t, T0);
  double shape = 0.0;  // 0..1 (1 = deepest inspiration)
  if (x <= TI)
    shape = x * (T0 - x) / (TI * TE);  // 0 at x = 0, 1 at x = T_I
  else
    shape = (std::exp(-(x - TI) / tau) - std::exp(-TE / tau)) / (1.0 - std::exp(-TE / tau));
  return -params_.breathingSwing * settings_.breathingDepth * std::clamp(shape, 0.0, 1.0);
}

double Drivers::heartWaves(double t) const {
  // Option B (engine.md §1.8): a after the P wave, c at the QRS, v at the end of the T wave,
  // as smooth bumps on a mean (engineering shapes; amplitudes from Miller's Anesthesia).
  const double T = 60.0 / std::max(settings_.heartRate, 20.0);
  const double x = std::fmod(t, T) / T;
  auto g = [](double x0, double c, double w) {
    double d = x0 - c;
    d -= std::round(d);  // periodic
    return std::exp(-0.5 * d * d / (w * w));
  };
  const double wave =
      params_.raWaveA * g(x, 0.10, 0.045) + params_.raWaveC * g(x, 0.24, 0.03) + params_.raWaveV * g(x, 0.52, 0.06);
  // Remove the waves' mean so the mean RA pressure stays raMean.
  const double mean =
      (params_.raWaveA * 0.045 + params_.raWaveC * 0.03 + params_.raWaveV * 0.06) * std::sqrt(2.0 * kPi);
  return wave - mean;
}

double Drivers::pumpPulse(double t, int side) const {
  const double s = t - settings_.activityStart;
  if (s < 0.0) return 0.0;
  switch (settings_.activity) {
    case Activity::Still:
      return 0.0;
    case Activity::Walking: {
      // One gait cycle = two steps; the calf contracts for ~35% of each leg's cycle (late
      // stance), the legs half a cycle apart (physiology.md §7, engine.md §1.6).
      const double Tg = 120.0 / std::max(settings_.cadence, 10.0);
      const double phase = std::fmod(s + (side > 0 ? 0.0 : 0.5 * Tg), Tg);
      return bump(phase, 0.35 * Tg);
    }
    case Activity::Tiptoe:
    case Activity::AnklePumps: {
      // Both calves together, one raise per second, `tiptoeCount` raises then rest.
      if (s >= settings_.tiptoeCount * 1.0) return 0.0;
      const double amp = settings_.activity == Activity::Tiptoe ? 1.0 : 0.6;
      return amp * bump(std::fmod(s, 1.0), 0.5);
    }
  }
  return 0.0;
}

DriverState Drivers::at(double t) const {
  DriverState d;
  const double w = postureBlend(t);
  auto uprightOf = [](Posture p, double tilt) {
    switch (p) {
      case Posture::Standing:
      case Posture::Sitting:
        return 1.0;
      case Posture::Tilt:
        return std::sin(tilt * kPi / 180.0);
      default:
        return 0.0;
    }
  };
  d.uprightness = (1.0 - w) * uprightOf(fromPosture_, fromTilt_) + w * uprightOf(settings_.posture, settings_.tiltDeg);
  const double breath = breathing(t);
  double valsalva = 0.0;
  if (settings_.valsalvaStart >= 0.0) {
    const double s = t - settings_.valsalvaStart;
    valsalva = params_.valsalva * smoothstep(s / 0.5) * (1.0 - smoothstep((s - settings_.valsalvaDuration) / 0.5));
  }
  d.thoracic =
      params_.thoracicBaseline + params_.thoracicUprightShift * std::max(d.uprightness, 0.0) + breath + valsalva;
  d.abdominal =
      params_.abdominalBaseline - params_.abdominalBreathingGain * breath + valsalva + settings_.abdominalExtra;
  d.cranial = params_.icp;
  d.rightAtrium = params_.raMean + (d.thoracic - params_.thoracicBaseline) + heartWaves(t);
  for (int k = 0; k < 2; ++k) {
    const int side = k == 0 ? 1 : -1;
    const double pulse = pumpPulse(t, side);
    d.calf[k] = params_.calfPumpPeak * pulse;
    d.thigh[k] = params_.calfPumpPeak * params_.thighPumpFraction * pulse;
    d.foot[k] = params_.calfPumpPeak * params_.footPumpFraction * pulse;
    double squeeze = 0.0;
    if (settings_.squeezeStart >= 0.0 && settings_.squeezeSide == side) {
      const double s = t - settings_.squeezeStart;  // 0.2 s up, 1 s hold, 0.1 s release
      squeeze = settings_.squeezePressure * smoothstep(s / 0.2) * (1.0 - smoothstep((s - 1.2) / 0.1));
    }
    if (settings_.cuffStart >= 0.0 && settings_.cuffSide == side) {
      const double s = t - settings_.cuffStart;  // inflate 0.3 s, hold 3 s, deflate in 0.3 s
      squeeze = std::max(squeeze, settings_.cuffPressure * smoothstep(s / 0.3) * (1.0 - smoothstep((s - 3.3) / 0.3)));
    }
    d.squeeze[k] = squeeze;
    d.tourniquet[k] = settings_.tourniquetSide == side ? settings_.tourniquetPressure : 0.0;
  }
  return d;
}

}  // namespace venaviz::hemo
