#include "app/probes.h"

#include <algorithm>
#include <cmath>

#include "anatomy/centerline.h"
#include "core/error.h"

namespace venaviz {

const ProbeSample& LiveProbe::latest() const {
  static const ProbeSample none;
  if (count == 0) return none;
  return ring[(head + ring.size() - 1) % ring.size()];
}

void LiveProbe::history(std::vector<ProbeSample>& out) const {
  out.resize(count);
  const std::size_t first = (head + ring.size() - count) % ring.size();
  for (std::size_t i = 0; i < count; ++i) out[i] = ring[(first + i) % ring.size()];
}

double CalfEjectionTracker::volumeMl(const hemo::Engine& engine) const {
  double v = 0.0;
  for (int n : nodes_) v += engine.volume(n);
  return v * 1e6;  // m^3 -> mL
}

void CalfEjectionTracker::update(const hemo::Engine& engine) {
  if (nodes_.empty()) return;
  const double v = volumeMl(engine);
  const hemo::DriverSettings& d = engine.drivers().settings();
  const double t = engine.time();
  const bool still = d.activity == hemo::Activity::Still;
  const bool ramped = engine.drivers().postureBlend(t) > 0.999;  // the ramp is over
  if (still && ramped && (d.posture == hemo::Posture::Supine || d.posture == hemo::Posture::LegsElevated)) lying_ = v;
  if (still && ramped && d.posture == hemo::Posture::Standing) standing_ = v;
  const bool raise = d.posture == hemo::Posture::Standing && d.activity == hemo::Activity::Tiptoe;
  if (raise && !measuring_ && d.activityStart != boutStart_ && standing_ > 0.0) {
    measuring_ = true;
    boutStart_ = d.activityStart;
    before_ = standing_;
    lowest_ = v;
  }
  if (!measuring_) return;
  lowest_ = std::min(lowest_, v);
  if (t >= boutStart_ + 1.0 || !raise) {  // the first raise (one per second) is over
    measuring_ = false;
    vv_ = before_ - lying_;
    ejected_ = before_ - lowest_;
    if (lying_ > 0.0 && vv_ > 1.0) ef_ = 100.0 * ejected_ / vv_;
  }
}

void AvpTracker::update(const hemo::Engine& engine, double p) {
  const hemo::DriverSettings& d = engine.drivers().settings();
  const double t = engine.time();
  const bool standing = d.posture == hemo::Posture::Standing;
  // Exercise: walking, or a bout of raises (tiptoes, ankle pumps) until its last raise ends.
  const bool bout = d.activity == hemo::Activity::Tiptoe || d.activity == hemo::Activity::AnklePumps;
  const bool exercising =
      standing && (d.activity == hemo::Activity::Walking || (bout && t < d.activityStart + d.tiptoeCount * 1.0));
  if (exercising) {
    if (phase_ != Phase::Exercising) {
      // A new bout: the baseline is the pressure of the quiet standing before it.
      baseline_ = stillSince_ >= 0.0 ? still_ : p;
      lowest_ = p;
      rt90_ = -1.0;
      phase_ = Phase::Exercising;
    }
    lowest_ = std::min(lowest_, p);
    stillSince_ = -1.0;
    lastT_ = t;
    return;
  }
  if (phase_ == Phase::Exercising) {
    phase_ = Phase::Recovering;
    end_ = t;
  }
  if (phase_ == Phase::Recovering && p >= lowest_ + 0.9 * (baseline_ - lowest_)) {
    rt90_ = t - end_;
    phase_ = Phase::Done;
  }
  if (phase_ == Phase::Recovering && t - end_ > 120.0) phase_ = Phase::Done;  // never recovered
  // The quiet-standing baseline: an exponential mean over ~3 s.
  if (standing && d.activity == hemo::Activity::Still) {
    if (stillSince_ < 0.0) {
      stillSince_ = t;
      still_ = p;
    }
    still_ += (p - still_) * std::clamp((t - lastT_) / 3.0, 0.0, 1.0);
  } else {
    stillSince_ = -1.0;
  }
  lastT_ = t;
}

void ProbeSet::add(const std::string& text, const hemo::Engine& engine, const Anatomy& anatomy) {
  LiveProbe p;
  p.probe = hemo::parseProbe(text);
  hemo::resolveProbe(p.probe, engine.network(), anatomy);  // throws naming the probe
  const Vessel* v = anatomy.findVessel(p.probe.vessel);
  if (v) p.position = polylinePoint(v->points, static_cast<float>(p.probe.fraction));
  p.ring.resize(static_cast<std::size_t>(std::ceil(kHistorySeconds / kSampleInterval)) + 1);
  if (probes_.size() >= kMaxProbes) probes_.erase(probes_.begin());
  probes_.push_back(std::move(p));
  lastSample_ = -1e9;  // record the new probe at once
}

void ProbeSet::remove(std::size_t index) {
  if (index >= probes_.size())
    throw Error("probe_remove: there is no probe " + std::to_string(index + 1) + "; " + std::to_string(probes_.size()) +
                " placed");
  probes_.erase(probes_.begin() + static_cast<std::ptrdiff_t>(index));
}

void ProbeSet::sample(const hemo::Engine& engine) {
  const double now = engine.time();
  if (probes_.empty() || now - lastSample_ < kSampleInterval - 1e-9) return;
  lastSample_ = now;
  for (LiveProbe& p : probes_) {
    const hemo::NodeOutput o = engine.node(p.probe.node);
    ProbeSample s;
    s.time = static_cast<float>(now);
    s.pressure = static_cast<float>(o.pressureMmHg);
    s.flow = static_cast<float>(o.flowMlS);
    s.velocity = static_cast<float>(o.velocityCmS);
    s.diameter = static_cast<float>(o.diameterMm);
    p.ring[p.head] = s;
    p.head = (p.head + 1) % p.ring.size();
    p.count = std::min(p.count + 1, p.ring.size());
    // Reflux episodes: backward faster than the threshold; the duration is kept when it ends.
    const bool back = o.velocityCmS < -kRefluxCmS;
    if (back && p.refluxSince < 0.0) p.refluxSince = now;
    if (!back && p.refluxSince >= 0.0) {
      p.lastReflux = now - p.refluxSince;
      p.refluxSince = -1.0;
    }
  }
}

}  // namespace venaviz
