#include "hemo/tube_law.h"

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
double powN(double a, double n) { return n == -1.5 ? 1.0 / (a * std::sqrt(a)) : std::pow(a, n); }
double core(const TubeLaw& t, double a) { return t.kp * (powM(a, t.m) - powN(a, t.n)); }
double coreSlope(const TubeLaw& t, double a) { return t.kp * (t.m * powM(a, t.m) / a - t.n * powN(a, t.n) / a); }
}  // namespace

double TubeLaw::pressure(double a) const {
  if (a < alphaMin) return core(*this, alphaMin) + coreSlope(*this, alphaMin) * (a - alphaMin);
  if (a > alphaMax) return core(*this, alphaMax) + coreSlope(*this, alphaMax) * (a - alphaMax);
  return core(*this, a);
}

double TubeLaw::slope(double a) const {
  if (a < alphaMin) return coreSlope(*this, alphaMin);
  if (a > alphaMax) return coreSlope(*this, alphaMax);
  return coreSlope(*this, a);
}

}  // namespace venaviz::hemo
