// Patient mode's meaningful colours stay apart for colour-blind eyes: each simulated with the
// Machado, Oliveira & Fernandes (2009) matrices for protanopia, deuteranopia and tritanopia
// (severity 1, linear RGB; IEEE TVCG 15(6):1291-1298), compared in CIELAB (CIE76 delta E).
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "ui/palette.h"

using namespace venaviz::ui;

namespace {

using Vec = std::array<double, 3>;
using Mat = std::array<Vec, 3>;

const Mat kNormal{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
const Mat kProtan{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
const Mat kDeutan{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
const Mat kTritan{{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

double toLinear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

Vec lab(palette::Rgb c, const Mat& m) {
  const Vec lin{toLinear(c.r / 255.0), toLinear(c.g / 255.0), toLinear(c.b / 255.0)};
  Vec s{};
  for (int i = 0; i < 3; ++i) s[i] = std::clamp(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2], 0.0, 1.0);
  // linear sRGB -> XYZ (D65) -> CIELAB
  const double x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
  const double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
  const double z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
  return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

double deltaE(palette::Rgb a, palette::Rgb b, const Mat& m) {
  const Vec p = lab(a, m), q = lab(b, m);
  return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

TEST(Palette, GaugeBandsAndParticlesStayApartForColourBlindEyes) {
  // The dark theme's button over its window, as an unselected patient button looks (theme.cpp).
  const palette::Rgb unselected{44, 62, 92};
  const struct {
    const char* name;
    const Mat* m;
  } eyes[] = {{"normal", &kNormal}, {"protan", &kProtan}, {"deutan", &kDeutan}, {"tritan", &kTritan}};
  for (const auto& e : eyes) {
    for (int a = 0; a < 3; ++a)
      for (int b = a + 1; b < 3; ++b)
        EXPECT_GE(deltaE(palette::kGauge[a], palette::kGauge[b], *e.m), 20.0)
            << e.name << ": gauge bands " << a << " and " << b;
    EXPECT_GE(deltaE(palette::kForward, palette::kReflux, *e.m), 30.0) << e.name << ": forward vs reflux particles";
    EXPECT_GE(deltaE(palette::kSelected, unselected, *e.m), 10.0) << e.name << ": chosen vs other buttons";
  }
}

}  // namespace
