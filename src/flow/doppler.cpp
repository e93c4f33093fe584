#include "flow/doppler.h"

#include <algorithm>
#include <cmath>

#include "flow/profile.h"
#include "hemo/measures.h"

namespace venaviz::flow {
namespace {

/// Power density (share of a column's power per share of its height) drawn white at 0 dB gain:
/// a spectrum packed into a sixteenth of the height. A gate across the whole lumen spreads its
/// power evenly between 0.57x and 1.43x the mean, so a typical trace sits a few dB below white.
constexpr float kWhiteDensity = 16.0f;
/// Gaussian tails beyond this many sigma are dropped (6e-5 of the power).
constexpr float kTailSigmas = 4.0f;

std::uint64_t splitmix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Two independent uniforms in [0, 1) from one hash.
Vec2 uniforms(std::uint64_t h) {
  constexpr float k24 = 1.0f / 16777216.0f;
  return {static_cast<float>(h >> 40) * k24, static_cast<float>((h >> 8) & 0xFFFFFFull) * k24};
}

/// Area of the part of the disc x^2 + y^2 <= s^2 with 0 <= x <= a, 0 <= y <= b (one quadrant of
/// the disc inside the centred rectangle |x| <= a, |y| <= b).
float quarterArea(float s, float a, float b) {
  if (s <= 0.0f) return 0.0f;
  const float s2 = s * s;
  // Integral of sqrt(s^2 - t^2) from 0 to x.
  const auto under = [s, s2](float x) {
    return 0.5f * (x * std::sqrt(std::max(s2 - x * x, 0.0f)) + s2 * std::asin(std::min(x / s, 1.0f)));
  };
  const float xEnd = std::min(a, s);
  // The circle is above y = b for x < xb: there the rectangle's edge bounds the region.
  const float xb = std::min(std::sqrt(std::max(s2 - b * b, 0.0f)), xEnd);
  return b * xb + under(xEnd) - under(xb);
}

/// The gate in lumen radii (half-extents a along the beam, b across) and the share of its area
/// within radius s of the axis.
struct Gate {
  float a = 1.0f, b = 1.0f, total = 1.0f;
  Gate(float halfA, float halfB) : a(halfA), b(halfB), total(quarterArea(1.0f, halfA, halfB)) {}
  float within(float s) const { return quarterArea(std::min(s, 1.0f), a, b) / total; }
  /// Share of the gate whose point velocity is <= v (cm/s) when the mean velocity is vMean.
  float below(float v, float vMean) const {
    // Point velocity u = vMean x g(s) with g falling from the axis to the wall, so
    // u >= v (vMean > 0) or u <= v (vMean < 0) exactly within the radius s(v / vMean).
    if (vMean > 0.0f) return 1.0f - within(profileRadius(v / vMean));
    if (vMean < 0.0f) return within(profileRadius(v / vMean));
    return v >= 0.0f ? 1.0f : 0.0f;
  }
  /// Largest radius inside the gate (the lumen clips it at 1).
  float outer() const { return std::min(1.0f, std::hypot(a, b)); }
};

/// Standard normal CDF from a table (linear interpolation, error < 1e-5), 0 and 1 beyond
/// +-kTailSigmas: several times cheaper than erfc, and the spectrum calls it most.
float normalCdf(float z) {
  constexpr int kSteps = 1024;
  constexpr float kScale = kSteps / (2.0f * kTailSigmas);
  static const std::array<float, kSteps + 1> table = [] {
    std::array<float, kSteps + 1> t{};
    for (int i = 0; i <= kSteps; ++i) {
      const double x = -static_cast<double>(kTailSigmas) + 2.0 * kTailSigmas * i / kSteps;
      t[static_cast<std::size_t>(i)] = static_cast<float>(0.5 * std::erfc(-x / std::sqrt(2.0)));
    }
    t[0] = 0.0f;
    t[kSteps] = 1.0f;
    return t;
  }();
  const float x = (z + kTailSigmas) * kScale;
  if (!(x > 0.0f)) return 0.0f;
  if (x >= static_cast<float>(kSteps)) return 1.0f;
  const auto i = static_cast<std::size_t>(x);
  const float f = x - static_cast<float>(i);
  return table[i] + f * (table[i + 1] - table[i]);
}

}  // namespace

// --- spectrogram -----------------------------------------------------------------------------

DopplerSpectrum::DopplerSpectrum(const DopplerSettings& settings) : settings_(settings) {
  DopplerSettings& s = settings_;
  s.bins = std::clamp(s.bins, 8, kMaxBins);
  s.rangeCmS = std::max(s.rangeCmS, 0.0f);
  if (!(s.columnSeconds > 0.0f)) s.columnSeconds = 1.0f / 60.0f;
  s.gateLength = std::clamp(s.gateLength, 1e-3f, 1.0f);
  s.beamWidthMm = std::max(s.beamWidthMm, 1e-3f);
  s.broadening = std::max(s.broadening, 0.0f);
  s.broadeningFloorCmS = std::max(s.broadeningFloorCmS, 0.05f);
  s.wallFilterCmS = std::max(s.wallFilterCmS, 0.0f);
  s.dynamicRangeDb = std::max(s.dynamicRangeDb, 1.0f);
  s.speckle = std::clamp(s.speckle, 0.0f, 1.0f);
}

Vec2 DopplerSpectrum::gateHalfExtent(float diameterMm) const {
  // Half the gate length over half the diameter; half the beam width over half the diameter.
  const float across = diameterMm > 0.0f ? std::clamp(settings_.beamWidthMm / diameterMm, 1e-3f, 1.0f) : 1.0f;
  return {settings_.gateLength, across};
}

float DopplerSpectrum::rowVelocity(int row, float rangeCmS) const {
  const float step = 2.0f * rangeCmS / static_cast<float>(settings_.bins);
  return displayVelocity(rangeCmS - (static_cast<float>(row) + 0.5f) * step, settings_.direction);
}

int DopplerSpectrum::rowOf(float velocityCmS, float rangeCmS) const {
  const float y = displayVelocity(velocityCmS, settings_.direction);
  if (!(rangeCmS > 0.0f) || !(std::abs(y) <= rangeCmS)) return -1;
  const float step = 2.0f * rangeCmS / static_cast<float>(settings_.bins);
  return std::min(static_cast<int>((rangeCmS - y) / step), settings_.bins - 1);
}

void DopplerSpectrum::power(float meanVelocityCmS, float diameterMm, float rangeCmS, float* out) const {
  const int n = settings_.bins;
  std::fill(out, out + n, 0.0f);
  if (!(rangeCmS > 0.0f) || !std::isfinite(meanVelocityCmS)) return;
  const DopplerDirection dir = settings_.direction;
  const float step = 2.0f * rangeCmS / static_cast<float>(n);
  const Vec2 half = gateHalfExtent(diameterMm);
  const Gate gate(half.x, half.y);

  // Point velocities in the gate lie between the mean x g(outer) and the mean x g(0).
  const float v = meanVelocityCmS;
  const float inner = v * kProfileAxis, rim = v * profileVelocity(gate.outer());
  const float uMin = std::min(inner, rim), uMax = std::max(inner, rim);

  // The gate's power per row before broadening, placed at the middle of the velocities the row
  // holds (a row the spectrum only partly covers keeps its power where it is).
  std::array<float, kMaxBins> mass{}, centre{};
  int sources = 0;
  std::array<int, kMaxBins> sourceRow{};
  for (int r = 0; r < n; ++r) {
    const float e0 = displayVelocity(rangeCmS - static_cast<float>(r) * step, dir);
    const float e1 = displayVelocity(rangeCmS - static_cast<float>(r + 1) * step, dir);
    const float lo = std::min(e0, e1), hi = std::max(e0, e1);
    if (hi < uMin || lo > uMax) continue;
    const float m = gate.below(hi, v) - gate.below(lo, v);
    if (!(m > 0.0f)) continue;
    const auto k = static_cast<std::size_t>(sources++);
    mass[k] = m;
    centre[k] = 0.5f * (std::max(lo, uMin) + std::min(hi, uMax));
    sourceRow[k] = r;
  }

  // Intrinsic spectral broadening: each row's power spread by a Gaussian, integrated over the
  // rows it reaches (power outside the range is lost: no aliasing).
  for (int k = 0; k < sources; ++k) {
    const auto kk = static_cast<std::size_t>(k);
    const float c = centre[kk];
    const float sigma = settings_.broadening * std::abs(c) + settings_.broadeningFloorCmS;
    const float y = displayVelocity(c, dir);
    const int r0 = std::max(static_cast<int>(std::floor((rangeCmS - (y + kTailSigmas * sigma)) / step)), 0);
    const int r1 = std::min(static_cast<int>(std::floor((rangeCmS - (y - kTailSigmas * sigma)) / step)), n - 1);
    float above = normalCdf((rangeCmS - static_cast<float>(r0) * step - y) / sigma);
    for (int r = r0; r <= r1; ++r) {
      const float below = normalCdf((rangeCmS - static_cast<float>(r + 1) * step - y) / sigma);
      out[r] += mass[kk] * (above - below);
      above = below;
    }
  }

  // Wall filter: a second-order high-pass, |H|^2 = x^4 / (1 + x^4), x = |v| / cutoff.
  if (settings_.wallFilterCmS > 0.0f) {
    for (int r = 0; r < n; ++r) {
      const float x = rowVelocity(r, rangeCmS) / settings_.wallFilterCmS;
      const float x4 = x * x * x * x;
      out[r] *= x4 / (1.0f + x4);
    }
  }
}

void DopplerSpectrum::fillColumn(float meanVelocityCmS, float diameterMm, float rangeCmS, std::int64_t column,
                                 float* out) const {
  power(meanVelocityCmS, diameterMm, rangeCmS, out);
  const int n = settings_.bins;
  const float noise = kWhiteDensity * std::pow(10.0f, 0.1f * settings_.noiseFloorDb);
  const float perRow = static_cast<float>(n);  // power share -> share per share of the height
  const float invRange = 1.0f / settings_.dynamicRangeDb;
  const std::uint64_t base = splitmix64(settings_.seed ^ splitmix64(static_cast<std::uint64_t>(column)));
  for (int r = 0; r < n; ++r) {
    const Vec2 u = uniforms(splitmix64(base + static_cast<std::uint64_t>(r)));
    const float speckle = 1.0f + settings_.speckle * (2.0f * u.x - 1.0f);
    const float density = out[r] * perRow * speckle + noise * (0.5f + u.y);
    const float db = 10.0f * std::log10(density / kWhiteDensity) + settings_.gainDb;
    out[r] = std::clamp(1.0f + db * invRange, 0.0f, 1.0f);
  }
}

float DopplerSpectrum::autoRange(std::span<const DopplerSample> samples) const {
  if (settings_.rangeCmS > 0.0f) return settings_.rangeCmS;
  float peak = 0.0f;
  for (const DopplerSample& s : samples)
    if (std::isfinite(s.velocityCmS)) peak = std::max(peak, std::abs(s.velocityCmS));
  // The envelope: the gate always holds the axis, plus two sigma of broadening.
  const float envelope =
      peak * kProfileAxis * (1.0f + 2.0f * settings_.broadening) + 2.0f * settings_.broadeningFloorCmS;
  return niceVelocityRange(envelope);
}

void DopplerSpectrum::render(std::span<const DopplerSample> samples, DopplerImage& image) const {
  const float dt = settings_.columnSeconds;
  image.rows = settings_.bins;
  image.columnSeconds = dt;
  image.rangeCmS = autoRange(samples);
  image.columns = 0;
  image.pixels.clear();
  if (samples.empty()) return;
  const double t0 = samples.front().time, t1 = samples.back().time;
  // Column k covers [k dt, (k + 1) dt); a sample on a boundary (up to rounding) starts its column.
  const auto columnOf = [dt](double t) { return static_cast<std::int64_t>(std::floor(t / dt + 1e-3)); };
  const std::int64_t c0 = columnOf(t0);
  const std::int64_t c1 = std::max(columnOf(t1), c0);
  image.columns = static_cast<int>(c1 - c0 + 1);
  image.startS = static_cast<float>(static_cast<double>(c0) * dt);
  image.pixels.assign(static_cast<std::size_t>(image.columns) * static_cast<std::size_t>(image.rows), 0.0f);
  std::size_t i = 0;
  for (std::int64_t c = c0; c <= c1; ++c) {
    // The samples interpolated at the column's centre (held beyond the first and last).
    const double t = std::clamp((static_cast<double>(c) + 0.5) * dt, t0, t1);
    while (i + 1 < samples.size() && samples[i + 1].time <= t) ++i;
    const DopplerSample& a = samples[i];
    const DopplerSample& b = samples[std::min(i + 1, samples.size() - 1)];
    const double span = static_cast<double>(b.time) - a.time;
    const auto w = static_cast<float>(span > 0.0 ? std::clamp((t - a.time) / span, 0.0, 1.0) : 0.0);
    const float v = a.velocityCmS + w * (b.velocityCmS - a.velocityCmS);
    const float d = a.diameterMm + w * (b.diameterMm - a.diameterMm);
    fillColumn(v, d, image.rangeCmS, c,
               &image.pixels[static_cast<std::size_t>(c - c0) * static_cast<std::size_t>(image.rows)]);
  }
}

float DopplerSpectrum::gateMeanFactor(float diameterMm) const {
  const Vec2 half = gateHalfExtent(diameterMm);
  const Gate gate(half.x, half.y);
  constexpr int kSteps = 512;
  const float outer = gate.outer();
  double sum = 0.0, prev = 0.0;
  for (int i = 1; i <= kSteps; ++i) {
    const float s = outer * static_cast<float>(i) / kSteps;
    const double within = gate.within(s);
    sum += (within - prev) * profileVelocity(outer * (static_cast<float>(i) - 0.5f) / kSteps);
    prev = within;
  }
  return static_cast<float>(sum);
}

float niceVelocityRange(float peakCmS, float margin) {
  static constexpr float kNice[] = {5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300};
  const float need = std::abs(peakCmS) * std::max(margin, 1.0f);
  for (const float r : kNice)
    if (r >= need) return r;
  return kNice[std::size(kNice) - 1];
}

// --- reflux on the trace ---------------------------------------------------------------------

RefluxEpisode measureReflux(std::span<const DopplerSample> samples, VesselSystem system, float fromS,
                            const RefluxCriteria& criteria) {
  RefluxEpisode best;
  best.cutoffS = static_cast<float>(hemo::refluxCutoffS(system));
  const std::size_t n = samples.size();
  std::size_t lo = 0;
  while (lo < n && samples[lo].time < fromS) ++lo;
  const auto time = [&](std::size_t i) { return samples[i].time; };
  // An episode runs from halfway before its first reverse sample (even when the sample before
  // is earlier than fromS: the reverse flow began between the two) to halfway after its last;
  // the data's first and last samples' own times at its ends.
  const auto edgeBefore = [&](std::size_t i) { return i > 0 ? 0.5f * (time(i - 1) + time(i)) : time(i); };
  const auto edgeAfter = [&](std::size_t i) { return i + 1 < n ? 0.5f * (time(i) + time(i + 1)) : time(i); };

  bool open = false, forward = false;
  std::size_t first = 0, last = 0;
  float peak = 0.0f;
  const auto close = [&]() {
    const float start = edgeBefore(first), end = edgeAfter(last);
    if (!best.found || end - start > best.durationS) {
      best.found = true;
      best.startS = start;
      best.endS = end;
      best.durationS = end - start;
      best.peakCmS = peak;
      best.ongoing = last + 1 == n;
    }
  };
  for (std::size_t i = lo; i < n; ++i) {
    const float v = samples[i].velocityCmS;
    if (v < -criteria.thresholdCmS) {
      if (open && last + 1 < i) {
        // A gap: bridged when short and without real forward flow, else the episode ended.
        const float gap = edgeBefore(i) - edgeAfter(last);
        if (gap >= criteria.bridgeS || forward) {
          close();
          open = false;
        }
      }
      if (!open) {
        open = true;
        first = i;
        peak = 0.0f;
      }
      forward = false;
      last = i;
      peak = std::max(peak, -v);
    } else if (open && v > criteria.thresholdCmS) {
      forward = true;
    }
  }
  if (open) close();
  best.pathological = best.found && best.durationS > best.cutoffS;
  return best;
}

// --- cross-section ---------------------------------------------------------------------------

namespace {

/// Radius factor that gives a polygon of kSectionPoints vertices on an ellipse (or circle) the
/// ellipse's area: an inscribed polygon has N/2 sin(2 pi / N) / pi of it.
float polygonAreaCorrection() {
  const double n = kSectionPoints;
  return static_cast<float>(std::sqrt(2.0 * 3.14159265358979323846 / (n * std::sin(2.0 * 3.14159265358979323846 / n))));
}

/// Semi-axes (a >= b) of the ellipse with this perimeter (Ramanujan's second approximation) and
/// area; a circle of that area when the perimeter is too short to flatten.
Vec2 ellipseOfPerimeter(double perimeter, double area) {
  constexpr double kPiD = 3.14159265358979323846;
  if (area <= 0.0) return {static_cast<float>(perimeter / 4.0), 0.0f};
  if (area >= perimeter * perimeter / (4.0 * kPiD)) {
    const auto r = static_cast<float>(std::sqrt(area / kPiD));
    return {r, r};
  }
  // Perimeter / a for b = k a.
  const auto ratio = [](double k) {
    const double h = (1.0 - k) * (1.0 - k) / ((1.0 + k) * (1.0 + k));
    return kPiD * (1.0 + k) * (1.0 + 3.0 * h / (10.0 + std::sqrt(4.0 - 3.0 * h)));
  };
  // The area at fixed perimeter grows with k: bisect.
  double lo = 0.0, hi = 1.0;
  for (int it = 0; it < 60; ++it) {
    const double k = 0.5 * (lo + hi);
    const double a = perimeter / ratio(k);
    (kPiD * a * a * k < area ? lo : hi) = k;
  }
  const double k = 0.5 * (lo + hi);
  const double a = perimeter / ratio(k);
  return {static_cast<float>(a), static_cast<float>(k * a)};
}

/// Ellipse polygon, semi-axis `major` across `minorDir` and `minor` along it, counter-clockwise;
/// with `offset` > 0 the curve `offset` outside it (along the normals).
void ellipsePolygon(float major, float minor, Vec2 minorDir, float offset, SectionPolygon& out) {
  const float corr = polygonAreaCorrection();
  const Vec2 majorDir{minorDir.y, -minorDir.x};  // (majorDir, minorDir) right-handed: CCW
  out.count = kSectionPoints;
  for (int i = 0; i < kSectionPoints; ++i) {
    const float th = 2.0f * kPi * static_cast<float>(i) / kSectionPoints;
    const float c = std::cos(th), s = std::sin(th);
    Vec2 p = major * c * majorDir + minor * s * minorDir;
    if (offset > 0.0f) {
      const Vec2 normal = minor * c * majorDir + major * s * minorDir;
      const float len = glm::length(normal);
      p += len > 0.0f ? offset * normal / len : offset * (c * majorDir + s * minorDir);
    }
    out.points[static_cast<std::size_t>(i)] = corr * p;
  }
}

void circlePolygon(float radius, SectionPolygon& out) {
  ellipsePolygon(radius, radius, {0.0f, 1.0f}, 0.0f, out);
}

/// The circular segment of a circle (radius `radius`) on side `side` holding `share` of its area.
void segmentPolygon(float radius, Vec2 side, float share, SectionPolygon& out) {
  // Segment area / circle area = (alpha - sin alpha) / (2 pi), alpha the central angle.
  double lo = 0.0, hi = 2.0 * 3.14159265358979323846;
  for (int it = 0; it < 60; ++it) {
    const double a = 0.5 * (lo + hi);
    ((a - std::sin(a)) / (2.0 * 3.14159265358979323846) < share ? lo : hi) = a;
  }
  const auto alpha = static_cast<float>(0.5 * (lo + hi));
  const float mid = std::atan2(side.y, side.x);
  const float r = radius * polygonAreaCorrection();
  out.count = kSectionPoints + 1;
  for (int i = 0; i <= kSectionPoints; ++i) {
    const float th = mid - 0.5f * alpha + alpha * static_cast<float>(i) / kSectionPoints;
    out.points[static_cast<std::size_t>(i)] = {r * std::cos(th), r * std::sin(th)};
  }
}

Vec2 unitOr(Vec2 v, Vec2 fallback) {
  const float len = glm::length(v);
  return len > 1e-6f ? v / len : fallback;
}

}  // namespace

float SectionPolygon::areaMm2() const {
  double sum = 0.0;
  for (int i = 0; i < count; ++i) {
    const Vec2 p = points[static_cast<std::size_t>(i)];
    const Vec2 q = points[static_cast<std::size_t>((i + 1) % count)];
    sum += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
  }
  return static_cast<float>(0.5 * sum);
}

CrossSection crossSection(const CrossSectionInput& in) {
  CrossSection cs;
  const float d = in.referenceDiameterMm;
  if (!(d > 0.0f)) return cs;
  const float r0 = 0.5f * d;
  cs.referenceAreaMm2 = kPi * r0 * r0;
  const float wall = in.wallThicknessMm > 0.0f ? in.wallThicknessMm : std::max(0.25f, 0.07f * d);
  cs.wallThicknessMm = wall;
  const float scale = std::max(in.scale, 0.0f);
  const float area = scale * scale * cs.referenceAreaMm2;  // inside the wall
  const float radius = std::sqrt(area / kPi);

  switch (in.lesion) {
    case hemo::Lesion::Thrombus: {
      circlePolygon(radius, cs.lumen);
      circlePolygon(radius + wall, cs.outer);
      const float share = 1.0f - std::clamp(in.openFraction, 0.0f, 1.0f);
      if (share > 0.0f) segmentPolygon(radius, unitOr(in.clotSide, {0.0f, 1.0f}), share, cs.clot);
      cs.semiMajorMm = cs.semiMinorMm = radius;
      break;
    }
    case hemo::Lesion::Closure: {
      // The wall contracts around the shrunken lumen and keeps its cross-sectional area.
      const float wallArea = kPi * ((r0 + wall) * (r0 + wall) - r0 * r0);
      const float outerRadius = std::sqrt((area + wallArea) / kPi);
      circlePolygon(radius, cs.lumen);
      circlePolygon(outerRadius, cs.outer);
      cs.wallThicknessMm = outerRadius - radius;
      cs.semiMajorMm = cs.semiMinorMm = radius;
      break;
    }
    case hemo::Lesion::None:
    case hemo::Lesion::Compression: {
      const bool compressed = in.lesion == hemo::Lesion::Compression;
      const Vec2 minorDir = compressed ? unitOr(in.compressorSide, {0.0f, -1.0f}) : Vec2{0.0f, 1.0f};
      Vec2 axes{radius, radius};
      if ((compressed || in.collapsed) && area < cs.referenceAreaMm2)
        axes = ellipseOfPerimeter(2.0 * static_cast<double>(kPi) * r0, area);
      ellipsePolygon(axes.x, axes.y, minorDir, 0.0f, cs.lumen);
      ellipsePolygon(axes.x, axes.y, minorDir, wall, cs.outer);
      cs.semiMajorMm = axes.x;
      cs.semiMinorMm = axes.y;
      if (compressed) {
        cs.artery = true;
        cs.arteryRadiusMm = 0.5f * (in.arteryDiameterMm > 0.0f ? in.arteryDiameterMm : 0.7f * d);
        cs.arteryCentreMm = minorDir * (axes.y + wall + cs.arteryRadiusMm);
      }
      break;
    }
  }
  cs.outerAreaMm2 = cs.outer.areaMm2();
  cs.lumenAreaMm2 = cs.lumen.areaMm2();
  cs.clotAreaMm2 = cs.clot.count > 0 ? cs.clot.areaMm2() : 0.0f;
  cs.freeAreaMm2 = std::max(cs.lumenAreaMm2 - cs.clotAreaMm2, 0.0f);
  return cs;
}

}  // namespace venaviz::flow
