#pragma once
// Units. Files and the screen use clinical units (cm, mm, mmHg, mL/s, cm/s); engine
// internals use SI. Every crossing between the two goes through these functions.

namespace venaviz::units {

inline constexpr double kPaPerMmHg = 133.322387415;  ///< 1 mmHg in Pa (conventional).
inline constexpr double kGravity = 9.80665;          ///< standard gravity, m/s^2.
inline constexpr double kBloodDensity = 1060.0;      ///< kg/m^3 (physiology.md §6).

constexpr double cmToM(double cm) {
  return cm * 0.01;
}
constexpr double mToCm(double m) {
  return m * 100.0;
}
constexpr double mmToM(double mm) {
  return mm * 0.001;
}
constexpr double mToMm(double m) {
  return m * 1000.0;
}
constexpr double mmHgToPa(double mmHg) {
  return mmHg * kPaPerMmHg;
}
constexpr double paToMmHg(double pa) {
  return pa / kPaPerMmHg;
}
/// mL/s (= cm^3/s) to m^3/s.
constexpr double mlPerSToM3PerS(double mlPerS) {
  return mlPerS * 1e-6;
}
constexpr double m3PerSToMlPerS(double m3PerS) {
  return m3PerS * 1e6;
}
constexpr double mlPerMinToM3PerS(double mlPerMin) {
  return mlPerMin * 1e-6 / 60.0;
}
constexpr double m3PerSToMlPerMin(double m3PerS) {
  return m3PerS * 1e6 * 60.0;
}
constexpr double mPerSToCmPerS(double v) {
  return v * 100.0;
}

}  // namespace venaviz::units
