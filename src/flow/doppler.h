#pragma once
// A simulated duplex ultrasound display of a probe, as plain data (no GL, no ImGui): the
// pulsed-wave Doppler spectrogram of the probe's samples, the reflux timing a sonographer reads
// off that trace after a provocation, and the B-mode cross-section of the vein at the probe.
// Velocities are the true velocities along the vein (as if the machine's angle correction were
// exact) and there is no aliasing: the display is what an ideal machine would show.
// docs/doppler.md says what is modelled and what is not, and where the choices come from.
//
// The spectrum: the sample volume (gate) is a rectangle across the lumen, centred on the axis,
// `gateLength` of the diameter along the beam and `beamWidthMm` across it. Each point of it
// moves at profileVelocity(s) x the mean velocity (flow/profile.h); a column's power at a
// velocity is the share of the gate's area moving at that velocity (exact, from the area of a
// disc intersected with the rectangle), then broadened by a Gaussian (intrinsic spectral
// broadening) and log-compressed for display, with a deterministic speckle and noise floor.
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "anatomy/anatomy.h"
#include "core/math.h"
#include "hemo/engine.h"

namespace venaviz::flow {

/// One probe sample, as the app's ProbeSample records it (60 Hz).
struct DopplerSample {
  float time = 0.0f;         ///< s
  float velocityCmS = 0.0f;  ///< mean over the cross-section; > 0 towards the heart, < 0 reflux
  float diameterMm = 0.0f;   ///< lumen diameter (<= 0: unknown, the beam covers the lumen)
};

// --- sign convention ---------------------------------------------------------------------------

/// Which way up flow is drawn. The default is the layout common in reflux testing, antegrade flow
/// below the baseline and reflux above it: a lab habit, not a published standard (docs/doppler.md
/// has the sources and what they do and do not say).
enum class DopplerDirection : std::uint8_t {
  RefluxUp,     ///< antegrade (towards the heart) below the baseline, reflux above (default)
  AntegradeUp,  ///< antegrade above the baseline, reflux below (a machine's "invert")
};

/// Height on the display of a velocity (cm/s; > 0 towards the heart): > 0 above the baseline.
/// The one place the convention maps a sign to a side; its own inverse.
constexpr float displayVelocity(float velocityCmS, DopplerDirection direction) {
  return direction == DopplerDirection::RefluxUp ? -velocityCmS : velocityCmS;
}

// --- spectrogram -----------------------------------------------------------------------------

struct DopplerSettings {
  int bins = 96;                       ///< velocity rows per column (8..kMaxBins)
  float rangeCmS = 0.0f;               ///< display range +-range; 0: automatic (autoRange)
  float columnSeconds = 1.0f / 60.0f;  ///< time per column (the probes' sample interval)
  DopplerDirection direction = DopplerDirection::RefluxUp;
  /// Sample volume: along the beam, fraction of the lumen diameter, centred (0..1; 1 spans the
  /// lumen). Across the beam: the beam width, mm (clipped to the lumen).
  float gateLength = 2.0f / 3.0f;
  float beamWidthMm = 1.5f;
  /// Intrinsic spectral broadening: Gaussian, sigma = broadening x |v| + broadeningFloorCmS.
  float broadening = 0.05f;
  float broadeningFloorCmS = 0.75f;
  /// Wall filter: power at |v| < this (cm/s) removed by a second-order high-pass; 0: off
  /// (default, so a vein with no flow shows a thin line on the baseline).
  float wallFilterCmS = 0.0f;
  /// Display: dB of power shown between black and white, gain (dB), the noise floor (dB below
  /// white), the speckle (relative power fluctuation, 0..1) and its seed.
  float dynamicRangeDb = 40.0f;
  float gainDb = 0.0f;
  float noiseFloorDb = -34.0f;
  float speckle = 0.3f;
  std::uint64_t seed = 1;
};

/// A spectrogram: column-major, each column `rows` values 0..1, row 0 at the top.
struct DopplerImage {
  int columns = 0, rows = 0;
  float rangeCmS = 0.0f;       ///< rows span +-range (top: +range in display terms)
  float startS = 0.0f;         ///< time at the left edge of column 0
  float columnSeconds = 0.0f;  ///< time per column
  std::vector<float> pixels;   ///< columns x rows
  float at(int column, int row) const { return pixels[static_cast<std::size_t>(column * rows + row)]; }
};

/// The spectrum model. Immutable after construction: every function is const and thread-safe,
/// and none allocates except render().
class DopplerSpectrum {
 public:
  static constexpr int kMaxBins = 512;

  explicit DopplerSpectrum(const DopplerSettings& settings = {});
  /// The settings as used (clamped to valid ranges).
  const DopplerSettings& settings() const { return settings_; }
  int bins() const { return settings_.bins; }

  /// Velocity (cm/s, > 0 towards the heart) at the centre of display row `row` (0: top) for a
  /// display range of +-rangeCmS.
  float rowVelocity(int row, float rangeCmS) const;
  /// Display row (0: top) that shows `velocityCmS`, or -1 outside the range.
  int rowOf(float velocityCmS, float rangeCmS) const;

  /// Linear power per display row (0: top) of one column: the share of the gate's echoes at each
  /// row's velocities, broadened, after the wall filter; no noise. Sums to 1 less what falls
  /// outside +-range or in the wall filter. `out`: bins() values.
  void power(float meanVelocityCmS, float diameterMm, float rangeCmS, float* out) const;
  /// Display intensity 0..1 per row (0: top) of one column: power() log-compressed over the
  /// dynamic range, with speckle and a noise floor drawn from (seed, column, row), so the same
  /// column always looks the same. `column`: the column's index in time (floor(t /
  /// columnSeconds)), stable while a display scrolls. `out`: bins() values. Well under 0.1 ms.
  void fillColumn(float meanVelocityCmS, float diameterMm, float rangeCmS, std::int64_t column, float* out) const;

  /// settings().rangeCmS, or when it is 0 the nice range (niceVelocityRange) that holds the
  /// spectrum's peak velocity (the envelope: largest |mean| x the profile's axis value, plus
  /// broadening) over `samples`.
  float autoRange(std::span<const DopplerSample> samples) const;
  /// The spectrogram of samples (in time order): one column per columnSeconds from the first
  /// sample to the last, each from the samples interpolated at its centre, over autoRange.
  void render(std::span<const DopplerSample> samples, DopplerImage& image) const;

  /// Power-weighted mean of the gate's point velocities over the mean velocity: 1 for a gate that
  /// covers the lumen, up to kProfileAxis (1.43) for a small one on the axis; the spectrum's
  /// mean velocity is this x the mean velocity (what a machine's mean-velocity trace overreads).
  float gateMeanFactor(float diameterMm) const;

 private:
  /// Half-extents of the gate in lumen radii: along the beam, across it.
  Vec2 gateHalfExtent(float diameterMm) const;
  DopplerSettings settings_;
};

/// The smallest of 5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300 cm/s that is at least
/// margin x peakCmS (300 when none is).
float niceVelocityRange(float peakCmS, float margin = 1.1f);

// --- reflux on the trace ---------------------------------------------------------------------

struct RefluxCriteria {
  /// Reverse mean velocity counted as reflux, cm/s (ProbeSet::kRefluxCmS, as the particles).
  float thresholdCmS = 1.0f;
  /// A gap shorter than this (s) between two runs of reflux does not end the episode, unless the
  /// flow in it goes forward faster than the threshold (a real antegrade beat splits them).
  float bridgeS = 0.1f;
};

/// The longest reflux episode in a trace.
struct RefluxEpisode {
  bool found = false;
  float startS = 0.0f, endS = 0.0f;  ///< s; edges halfway between samples
  float durationS = 0.0f;
  float peakCmS = 0.0f;       ///< largest reverse mean velocity in the episode (> 0)
  bool ongoing = false;       ///< still refluxing at the last sample: durationS is a lower bound
  float cutoffS = 0.5f;       ///< the vein system's criterion (hemo::refluxCutoffS)
  bool pathological = false;  ///< durationS > cutoffS (an ongoing episode may still become so)
};

/// Finds the longest episode of reverse flow (velocity < -threshold, short gaps bridged) among
/// the samples at or after fromS (the release of a squeeze, a Valsalva) and judges it against
/// the reflux criterion of the vein's system (0.35 s perforators, 0.5 s superficial, 1 s deep).
RefluxEpisode measureReflux(std::span<const DopplerSample> samples, VesselSystem system,
                            float fromS = -std::numeric_limits<float>::infinity(), const RefluxCriteria& criteria = {});

// --- cross-section ---------------------------------------------------------------------------

inline constexpr int kSectionPoints = 72;

/// A closed polygon in mm (the last point joins the first), counter-clockwise.
struct SectionPolygon {
  std::array<Vec2, kSectionPoints + 2> points{};
  int count = 0;
  float areaMm2() const;  ///< shoelace
};

/// What shapes a vein's cross-section at a place. Section frame (mm, centred on the vein's
/// axis): x to the patient's left, y posterior, as in the body frame.
struct CrossSectionInput {
  float referenceDiameterMm = 10.0f;  ///< the atlas lumen diameter there
  float scale = 1.0f;                 ///< Lumen::scale: lumen radius relative to the atlas
  hemo::Lesion lesion = hemo::Lesion::None;
  float openFraction = 1.0f;  ///< Lumen::openFraction (thrombus: the share of the lumen left free)
  /// Transmural pressure <= 0: a lumen below its reference area flattens (keeping its perimeter)
  /// instead of shrinking as a circle.
  bool collapsed = false;
  Vec2 compressorSide{0.0f, -1.0f};  ///< Compression: where the artery presses from (anterior)
  Vec2 clotSide{0.0f, 1.0f};         ///< Thrombus: the wall the clot sits on (posterior)
  float wallThicknessMm = 0.0f;      ///< 0: 7% of the reference diameter, at least 0.25 mm
  float arteryDiameterMm = 0.0f;     ///< Compression: 0 -> 0.7 x the reference diameter
};

struct CrossSection {
  SectionPolygon outer, lumen, clot;  ///< outer wall, inside of the wall, clot (count 0 when none)
  float referenceAreaMm2 = 0.0f;      ///< pi/4 x the reference diameter squared
  /// Areas of the polygons (lumen: inside the wall, clot included), mm^2.
  float outerAreaMm2 = 0.0f, lumenAreaMm2 = 0.0f, clotAreaMm2 = 0.0f;
  float freeAreaMm2 = 0.0f;  ///< lumen less clot: where the blood flows
  /// Semi-axes of the lumen (equal for a circle), mm.
  float semiMajorMm = 0.0f, semiMinorMm = 0.0f;
  float wallThicknessMm = 0.0f;
  /// Compression: the artery to draw (a red circle) touching the wall on the compressor side.
  bool artery = false;
  Vec2 arteryCentreMm{0.0f};
  float arteryRadiusMm = 0.0f;
};

/// The cross-section for drawing. Lumen area = scale^2 x the reference area (the wall of a
/// thrombosed vein keeps that size, and the clot fills 1 - openFraction of it):
/// - none, not collapsed, or any lumen at or above the reference: a circle;
/// - collapsed below the reference, or compressed: an ellipse of that area with the reference
///   circle's perimeter (a floppy tube flattens, its wall does not shrink), its short axis towards
///   the compressor (compression) or antero-posterior (collapse), with the artery for compression;
/// - thrombus: the circle, with a circular segment of clot on clotSide (never collapsed: a vein
///   full of clot does not flatten, the sign a compression ultrasound looks for);
/// - closure: a small circle in a wall thickened by keeping the wall's reference area.
CrossSection crossSection(const CrossSectionInput& input);

}  // namespace venaviz::flow
