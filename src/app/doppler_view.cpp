#include "app/doppler_view.h"

#include <algorithm>
#include <cmath>

#include "anatomy/centerline.h"

namespace venaviz {
DopplerView::DopplerView()
    : columns_(static_cast<std::size_t>(kColumns) * static_cast<std::size_t>(flow::DopplerSettings{}.bins)),
      columnKey_(kColumns, -1),
      pixels_(static_cast<std::size_t>(kColumns) * static_cast<std::size_t>(flow::DopplerSettings{}.bins) * 4, 0) {}

void DopplerView::update(const LiveProbe& probe, const hemo::Engine& engine, const Anatomy& anatomy,
                         const flow::Lumen& lumen, double provocationTime) {
  probe.history(history_);
  const double now = engine.time();
  endTime_ = now;
  samples_.clear();
  for (const ProbeSample& p : history_)
    if (p.time >= now - kSeconds) samples_.push_back({p.time, p.velocity, p.diameter});
  const int bins = spectrum_.bins();
  const float range = samples_.empty() ? 10.0f : spectrum_.autoRange(samples_);
  if (range != range_) {
    std::fill(columnKey_.begin(), columnKey_.end(), -1);  // a new scale: every column changes
    range_ = range;
  }
  // Column k of the display holds the sample at time end - (kColumns - k) / 60 s.
  const double dt = ProbeSet::kSampleInterval;
  const auto last = static_cast<std::int64_t>(std::floor(now / dt + 1e-6));
  std::size_t s = 0;
  for (int k = 0; k < kColumns; ++k) {
    const std::int64_t col = last - (kColumns - 1 - k);
    const double t = static_cast<double>(col) * dt;
    while (s + 1 < samples_.size() && samples_[s + 1].time <= t + 0.5 * dt) ++s;
    const bool have = !samples_.empty() && std::abs(samples_[s].time - t) <= dt;
    const auto slot = static_cast<std::size_t>(((col % kColumns) + kColumns) % kColumns);
    float* out = &columns_[slot * static_cast<std::size_t>(bins)];
    if (!have) {
      std::fill(out, out + bins, 0.0f);
      columnKey_[slot] = -1;
    } else if (columnKey_[slot] != col) {
      spectrum_.fillColumn(samples_[s].velocityCmS, samples_[s].diameterMm, range_, col, out);
      columnKey_[slot] = col;
    }
    for (int r = 0; r < bins; ++r) {
      // A grey-scale spectrum, white on black like a scanner's.
      const auto g = static_cast<std::uint8_t>(std::lround(255.0f * std::clamp(out[r], 0.0f, 1.0f)));
      std::uint8_t* px = &pixels_[(static_cast<std::size_t>(r) * kColumns + static_cast<std::size_t>(k)) * 4];
      px[0] = g;
      px[1] = g;
      px[2] = static_cast<std::uint8_t>(std::min(255, g + 8));
      px[3] = 255;
    }
  }

  // The vein: its system's reflux criterion, and its cross-section at the probe.
  const Vessel* v = anatomy.findVessel(probe.probe.vessel);
  system_ = v ? v->system : VesselSystem::Deep;
  measured_ = provocationTime >= 0.0 && provocationTime >= now - kSeconds;
  reflux_ =
      measured_ ? flow::measureReflux(samples_, system_, static_cast<float>(provocationTime)) : flow::RefluxEpisode{};
  flow::CrossSectionInput in;
  const int node = probe.probe.node;
  if (v) in.referenceDiameterMm = 20.0f * polylineValue(v->points, v->radii, static_cast<float>(probe.probe.fraction));
  in.scale = lumen.scale(node);
  in.openFraction = lumen.openFraction(node);
  in.collapsed = node >= 0 && engine.node(node).transmuralMmHg <= 0.0;
  const hemo::Network& net = engine.network();
  const hemo::Conditions& c = engine.conditions();
  for (std::size_t j = 0; j < net.links.size(); ++j)
    if ((net.links[j].a == node || net.links[j].b == node) && c.linkLesion[j] != hemo::Lesion::None)
      in.lesion = c.linkLesion[j];
  section_ = flow::crossSection(in);
}

}  // namespace venaviz
