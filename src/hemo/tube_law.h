#pragma once
// Shapiro-type collapsible-tube law with C1 linear extensions (engine.md §1.2):
// P_tm(a) = Kp (a^m - a^n), a = A/A0, m = 10, n = -3/2 for veins.
namespace venaviz::hemo {

struct TubeLaw {
  double kp = 133.0;  ///< Pa
  double m = 10.0, n = -1.5;
  double alphaMin = 0.03, alphaMax = 3.0;

  /// Transmural pressure (Pa) at area ratio a; linear outside [alphaMin, alphaMax].
  double pressure(double a) const;
  /// dP_tm/da.
  double slope(double a) const;
  /// Both at once (shares the powers; the engine's hot path).
  void evaluate(double a, double& pressure, double& slope) const;
};

}  // namespace venaviz::hemo
