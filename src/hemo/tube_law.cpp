#include "hemo/tube_law.h"

#include <algorithm>
#include <cmath>

namespace venaviz::hemo {
namespace {
// a^10 by squarings (engine.md: no pow() for the hot path); the general exponent otherwise.
double powM(double a, double m) {
  if (m == 10.0) {
    const double a2 = a * a, a4 = a2 * a2, a8 = a4 * a4;
    return a8 * a2;
  }
  return std::pow(a, m);
}
double powN(double a, double n) {
  return n == -1.5 ? 1.0 / (a * std::sqrt(a)) : std::pow(a, n);
}
double core(const TubeLaw& t, double a) {
  return t.kp * (powM(a, t.m) - powN(a, t.n));
}
double coreSlope(const TubeLaw& t, double a) {
  return t.kp * (t.m * powM(a, t.m) / a - t.n * powN(a, t.n) / a);
}
}  // namespace

double TubeLaw::pressure(double a) const {
  if (a < alphaMin) return core(*this, alphaMin) + coreSlope(*this, alphaMin) * (a - alphaMin);
  if (a > alphaMax) return core(*this, alphaMax) + coreSlope(*this, alphaMax) * (a - alphaMax);
  return core(*this, a);
}

void TubeLaw::evaluate(double a, double& p, double& dp) const {
  const double c = std::clamp(a, alphaMin, alphaMax);
  double pm, pn;
  if (m == 10.0) {
    const double c2 = c * c, c4 = c2 * c2;
    pm = c4 * c4 * c2;
  } else {
    pm = std::pow(c, m);
  }
  pn = n == -1.5 ? 1.0 / (c * std::sqrt(c)) : std::pow(c, n);
  const double core = kp * (pm - pn), coreSlope = kp * (m * pm - n * pn) / c;
  p = core + coreSlope * (a - c);  // linear beyond the clamp (C1 extension)
  dp = coreSlope;
}

double TubeLaw::slope(double a) const {
  if (a < alphaMin) return coreSlope(*this, alphaMin);
  if (a > alphaMax) return coreSlope(*this, alphaMax);
  return coreSlope(*this, a);
}

}  // namespace venaviz::hemo
