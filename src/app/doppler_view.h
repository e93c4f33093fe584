#pragma once
// The simulated duplex display of one live probe: a scrolling spectral Doppler image built from
// the probe's history (flow::DopplerSpectrum), the reflux after the last provocation timed
// against the vein's criterion, and the vessel's cross-section. Plain data and pixels, no GL:
// the app uploads `pixels()` into a texture the UI draws.
#include <cstdint>
#include <string>
#include <vector>

#include "app/probes.h"
#include "flow/doppler.h"
#include "flow/lumen.h"

namespace venaviz {

class DopplerView {
 public:
  static constexpr double kSeconds = 8.0;  ///< time across the display
  static constexpr int kColumns = 480;     ///< one per probe sample (60 Hz)

  DopplerView();
  /// Rebuilds the image for the probe's last kSeconds: columns already computed are reused (the
  /// spectrum of a sample never changes) unless the velocity range changed. No allocation after
  /// the first call.
  void update(const LiveProbe& probe, const hemo::Engine& engine, const Anatomy& anatomy, const flow::Lumen& lumen,
              double provocationTime);

  /// RGBA8, kColumns x bins(), row 0 at the top (display up = reflux by default).
  const std::vector<std::uint8_t>& pixels() const { return pixels_; }
  int bins() const { return spectrum_.bins(); }
  float rangeCmS() const { return range_; }
  double endTime() const { return endTime_; }  ///< s, engine time at the right edge
  const flow::DopplerSpectrum& spectrum() const { return spectrum_; }
  /// The reflux episode after the last provocation (found = false when none, or none yet).
  const flow::RefluxEpisode& reflux() const { return reflux_; }
  bool measured() const { return measured_; }  ///< a provocation lies in the display window
  const flow::CrossSection& section() const { return section_; }
  VesselSystem system() const { return system_; }

 private:
  flow::DopplerSpectrum spectrum_;
  std::vector<ProbeSample> history_;
  std::vector<flow::DopplerSample> samples_;
  std::vector<float> columns_;           ///< kColumns x bins, slot = column index mod kColumns
  std::vector<std::int64_t> columnKey_;  ///< column index held in each slot (-1: none)
  std::vector<std::uint8_t> pixels_;
  float range_ = 0.0f;
  double endTime_ = 0.0;
  flow::RefluxEpisode reflux_;
  bool measured_ = false;
  flow::CrossSection section_;
  VesselSystem system_ = VesselSystem::Deep;
};

}  // namespace venaviz
