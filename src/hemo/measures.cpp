#include "hemo/measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/error.h"
#include "hemo/engine.h"
#include "hemo/measures_util.h"
#include "hemo/network.h"

namespace venaviz::hemo {
using detail::contains;
using detail::ix;
using detail::sideName;

namespace {

constexpr float kKneeJointZ = 47.5f;  ///< cm: the medial knee joint line of the default scene
constexpr double kMlPerM3 = 1e6;

/// Index range [lo, hi) of the samples with from <= t <= to (t ascending).
std::pair<std::size_t, std::size_t> range(const std::vector<double>& t, double from, double to) {
  const auto lo = std::lower_bound(t.begin(), t.end(), from - 1e-9);
  const auto hi = std::upper_bound(t.begin(), t.end(), to + 1e-9);
  return {static_cast<std::size_t>(lo - t.begin()), static_cast<std::size_t>(std::max(lo, hi) - t.begin())};
}

/// The last sample at or before time `at` (the first sample if none).
std::size_t sampleAt(const std::vector<double>& t, double at) {
  const auto it = std::upper_bound(t.begin(), t.end(), at + 1e-9);
  return it == t.begin() ? 0 : static_cast<std::size_t>(it - t.begin()) - 1;
}

}  // namespace

// --- probes ---------------------------------------------------------------------------------

std::string Probe::label() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", fraction);
  std::string f = buf;
  while (f.size() > 1 && f.back() == '0') f.pop_back();
  if (f.back() == '.') f.pop_back();
  return vessel + "@" + f;
}

Probe parseProbe(const std::string& text) {
  const std::string expected =
      "; expected VESSEL_ID@FRACTION with FRACTION from 0 to 1, e.g. great_saphenous_vein_left@0.06";
  Probe p;
  const auto at = text.rfind('@');
  p.vessel = text.substr(0, at);
  if (p.vessel.empty()) throw Error("probe \"" + text + "\": missing the vessel id" + expected);
  if (at != std::string::npos) {
    const std::string f = text.substr(at + 1);
    char* end = nullptr;
    p.fraction = std::strtod(f.c_str(), &end);
    if (f.empty() || end != f.c_str() + f.size() || !std::isfinite(p.fraction))
      throw Error("probe \"" + text + "\": \"" + f + "\" is not a number" + expected);
    if (p.fraction < 0.0 || p.fraction > 1.0)
      throw Error("probe \"" + text + "\": fraction " + f + " is out of range" + expected);
  }
  return p;
}

void resolveProbe(Probe& probe, const Network& network, const Anatomy& anatomy) {
  const int vi = anatomy.vesselIndex(probe.vessel);
  if (vi < 0 || anatomy.vessels[ix(vi)].isArtery())
    throw Error("probe \"" + probe.label() + "\": no vein \"" + probe.vessel +
                "\" in this scene; expected a vein id (see venaviz info --scene FILE)");
  probe.node = network.nodeAt(vi, static_cast<float>(probe.fraction));
  if (probe.node < 0) throw Error("probe \"" + probe.label() + "\": the vein has no compartments");
}

// --- recording ------------------------------------------------------------------------------

std::vector<int> lowerLegNodes(const Network& net, const Anatomy& anatomy, int side) {
  std::vector<int> out;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Compartment& c = net.nodes[i];
    // Named leg veins and the lumped small veins (vessel -1) of the leg below the knee.
    if (c.side == (side > 0 ? 1 : -1) && c.center.z < kKneeJointZ &&
        (c.vessel < 0 || anatomy.vessels[ix(c.vessel)].region == Region::Leg))
      out.push_back(static_cast<int>(i));
  }
  return out;
}

Recorder::Recorder(const Engine& engine, const Anatomy& anatomy, std::vector<Probe> probes)
    : t0_(engine.time()), probes_(std::move(probes)) {
  const Network& net = engine.network();
  for (Probe& p : probes_) resolveProbe(p, net, anatomy);
  series_.resize(probes_.size());
  lowerLegNodes_[0] = lowerLegNodes(net, anatomy, 1);
  lowerLegNodes_[1] = lowerLegNodes(net, anatomy, -1);
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Compartment& c = net.nodes[i];
    if (c.group == ExtGroup::CalfLeft) calfNodes_[0].push_back(static_cast<int>(i));
    if (c.group == ExtGroup::CalfRight) calfNodes_[1].push_back(static_cast<int>(i));
  }
  const CerebralExits exits = cerebralExits(net, anatomy);
  jugularLinks_ = exits.jugular;
  vertebralLinks_ = exits.vertebral;
  std::vector<bool> cerebral(anatomy.vessels.size(), false);
  for (const auto* links : {&exits.jugular, &exits.vertebral})
    for (int j : *links) cerebral[ix(net.nodes[ix(net.links[ix(j)].b)].vessel)] = true;
  for (std::size_t vi = 0; vi < anatomy.vessels.size(); ++vi)
    if (anatomy.vessels[vi].system == VesselSystem::Collateral && !cerebral[vi] && !net.vesselNodes[vi].empty())
      collateralNodes_.push_back(net.vesselNodes[vi].back());
  if (const int civ = anatomy.vesselIndex("common_iliac_vein_left"); civ >= 0) mainPathNode_ = net.nodeAt(civ, 0.5f);
}

void Recorder::trackValve(int valve) {
  if (std::find(valves_.begin(), valves_.end(), valve) != valves_.end()) return;
  valves_.push_back(valve);
  valveReflux_.emplace_back(time_.size(), 0.0);
}

int Recorder::findProbe(const std::string& label) const {
  for (std::size_t i = 0; i < probes_.size(); ++i)
    if (probes_[i].label() == label) return static_cast<int>(i);
  return -1;
}

void Recorder::sample(const Engine& e) {
  const double now = e.time();
  time_.push_back(now - t0_);
  const double rhoG = e.params().rho * e.params().gravity / kMmHg;  // mmHg per m
  for (std::size_t k = 0; k < probes_.size(); ++k) {
    const int n = probes_[k].node;
    const NodeOutput o = e.node(n);
    ProbeSeries& s = series_[k];
    s.pressureMmHg.push_back(o.pressureMmHg);
    s.flowMlS.push_back(o.flowMlS);
    s.velocityCmS.push_back(o.velocityCmS);
    s.diameterMm.push_back(o.diameterMm);
    s.headMmHg.push_back(o.pressureMmHg + rhoG * e.drivers().height(e.network().nodes[ix(n)].center, now));
  }
  const auto sumVolume = [&](const std::vector<int>& nodes) {
    double v = 0.0;
    for (int n : nodes) v += e.volume(n);
    return v * kMlPerM3;
  };
  const auto sumFlow = [&](const std::vector<int>& links) {
    double q = 0.0;
    for (int j : links) q += e.linkFlow(j);
    return q * kMlPerM3;
  };
  for (int k = 0; k < 2; ++k) {
    calf_[k].push_back(sumVolume(calfNodes_[k]));
    lowerLeg_[k].push_back(sumVolume(lowerLegNodes_[k]));
  }
  thoracic_.push_back(e.drivers().at(now).thoracic / kMmHg);
  jugular_.push_back(sumFlow(jugularLinks_));
  vertebral_.push_back(sumFlow(vertebralLinks_));
  double coll = 0.0;
  for (int n : collateralNodes_) coll += e.node(n).flowMlS;
  collateral_.push_back(coll);
  mainPath_.push_back(mainPathNode_ >= 0 ? e.node(mainPathNode_).flowMlS : 0.0);
  for (std::size_t k = 0; k < valves_.size(); ++k) valveReflux_[k].push_back(e.valveCurrentReflux(valves_[k]));
}

// --- running --------------------------------------------------------------------------------

void runProtocol(Engine& engine, const Anatomy& anatomy, const Protocol& protocol, double dt, double duration,
                 Recorder* recorder) {
  if (!(dt > 0.0)) throw Error("time step must be positive");
  std::vector<std::size_t> order(protocol.events.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return protocol.events[a].time < protocol.events[b].time; });
  std::size_t next = 0;
  const auto applyDue = [&](double now) {
    for (; next < order.size() && protocol.events[order[next]].time <= now + 0.5 * dt; ++next) {
      const Event& ev = protocol.events[order[next]];
      try {
        applyEvent(engine, anatomy, ev);
      } catch (const Error& err) {
        throw Error("events[" + std::to_string(order[next]) + "] (" + ev.action + "): " + err.what());
      }
    }
  };
  const auto steps = static_cast<long>(std::llround(std::max(duration, 0.0) / dt));
  applyDue(0.0);
  if (recorder) recorder->sample(engine);
  for (long k = 0; k < steps; ++k) {
    applyDue(static_cast<double>(k) * dt);
    engine.step(dt);
    if (recorder) recorder->sample(engine);
  }
}

// --- measures -------------------------------------------------------------------------------

Stats statsOver(const std::vector<double>& t, const std::vector<double>& v, double from, double to) {
  Stats s;
  const auto [lo, hi] = range(t, from, to);
  if (lo >= hi) return s;
  double sum = 0.0;
  s.min = s.max = v[lo];
  for (std::size_t i = lo; i < hi; ++i) {
    s.min = std::min(s.min, v[i]);
    s.max = std::max(s.max, v[i]);
    sum += v[i];
  }
  s.mean = sum / static_cast<double>(hi - lo);
  return s;
}

double meanOver(const std::vector<double>& t, const std::vector<double>& v, double from, double to) {
  return statsOver(t, v, from, to).mean;
}

std::vector<double> smooth(const std::vector<double>& t, const std::vector<double>& v, double window) {
  if (window <= 0.0 || v.empty()) return v;
  std::vector<double> prefix(v.size() + 1, 0.0);
  for (std::size_t i = 0; i < v.size(); ++i) prefix[i + 1] = prefix[i] + v[i];
  std::vector<double> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto [lo, hi] = range(t, t[i] - 0.5 * window, t[i] + 0.5 * window);
    out[i] = (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
  }
  return out;
}

AvpResult ambulatoryVenousPressure(const std::vector<double>& t, const std::vector<double>& p, double exerciseStart,
                                   double exerciseEnd, double baselineWindow, double smoothing) {
  AvpResult r;
  if (t.empty() || !(exerciseEnd > exerciseStart) || exerciseStart < t.front() || exerciseEnd > t.back()) return r;
  r.exerciseStart = exerciseStart;
  r.exerciseEnd = exerciseEnd;
  r.baselineMmHg = meanOver(t, p, exerciseStart - baselineWindow, exerciseStart);
  const Stats ex = statsOver(t, p, exerciseStart, exerciseEnd);
  if (std::isnan(r.baselineMmHg) || std::isnan(ex.min)) return r;
  r.valid = true;
  r.minMmHg = ex.min;
  r.meanExerciseMmHg = ex.mean;
  r.fallMmHg = r.baselineMmHg - ex.min;
  r.fallPercent = r.baselineMmHg > 0.0 ? 100.0 * r.fallMmHg / r.baselineMmHg : kNoValue;
  if (r.fallMmHg <= 0.0) {
    r.rt90S = 0.0;
    r.recovered = true;
    return r;
  }
  const double target = r.baselineMmHg - 0.1 * r.fallMmHg;
  const std::vector<double> ps = smooth(t, p, smoothing);
  for (std::size_t i = range(t, exerciseEnd, t.back()).first; i < t.size(); ++i)
    if (ps[i] >= target) {
      r.rt90S = t[i] - exerciseEnd;
      r.recovered = true;
      break;
    }
  return r;
}

RefluxResult refluxDuration(const std::vector<double>& t, const std::vector<double>& flow,
                            const std::vector<double>& velocity, double after, double until, double threshold) {
  RefluxResult r;
  const auto [lo, hi] = range(t, after, until);
  double runStart = kNoValue;
  for (std::size_t i = lo; i < hi; ++i) {
    const bool reverse = flow[i] < 0.0 && velocity[i] < -threshold;
    if (reverse) {
      r.peakReverseVelocityCmS = std::max(r.peakReverseVelocityCmS, -velocity[i]);
      if (std::isnan(runStart)) runStart = i > lo ? 0.5 * (t[i - 1] + t[i]) : t[i];
      const bool last = i + 1 == hi;
      // The run lasts until the first sample that is not reverse (midpoint between samples).
      const double endT = last ? t[i] : 0.5 * (t[i] + t[i + 1]);
      const double d = endT - runStart;
      if (d > r.durationS || (d == r.durationS && std::isnan(r.startS))) {
        r.durationS = d;
        r.startS = runStart;
        r.ongoing = last;
      }
    } else {
      runStart = kNoValue;
    }
  }
  return r;
}

double refluxCutoffS(VesselSystem system) {
  switch (system) {
    case VesselSystem::Perforator:
      return 0.35;
    case VesselSystem::Superficial:
    case VesselSystem::Collateral:
      return 0.5;
    default:
      return 1.0;
  }
}

EjectionResult ejection(const std::vector<double>& t, const std::vector<double>& v, double start, double end) {
  EjectionResult r;
  if (t.empty() || start < t.front() || !(end > start)) return r;
  const Stats s = statsOver(t, v, start, end);
  r.volumeBeforeMl = v[sampleAt(t, start)];
  if (std::isnan(s.min) || !(r.volumeBeforeMl > 0.0)) return r;
  r.valid = true;
  r.minVolumeMl = s.min;
  r.ejectedMl = r.volumeBeforeMl - s.min;
  r.ejectionFraction = r.ejectedMl / r.volumeBeforeMl;
  return r;
}

FillingResult venousFilling(const std::vector<double>& t, const std::vector<double>& v, double start, double end,
                            double plateauWindow, double smoothing) {
  FillingResult r;
  if (t.empty() || start < t.front() || !(end > start + plateauWindow)) return r;
  r.startVolumeMl = v[sampleAt(t, start)];
  const double plateau = meanOver(t, v, end - plateauWindow, end);
  if (std::isnan(plateau)) return r;
  r.valid = true;
  r.venousVolumeMl = plateau - r.startVolumeMl;
  if (r.venousVolumeMl <= 0.0) return r;
  const std::vector<double> vs = smooth(t, v, smoothing);
  const auto [lo, hi] = range(t, start, end);
  for (std::size_t i = lo; i < hi; ++i)
    if (vs[i] - r.startVolumeMl >= 0.9 * r.venousVolumeMl) {
      r.vft90S = t[i] - start;
      if (r.vft90S > 0.0) r.vfiMlS = 0.9 * r.venousVolumeMl / r.vft90S;
      break;
    }
  return r;
}

PhasicityResult respiratoryPhasicity(const std::vector<double>& t, const std::vector<double>& flow,
                                     const std::vector<double>& thoracic, double from, double to, double window) {
  PhasicityResult r;
  const auto [lo, hi] = range(t, from, to);
  if (hi < lo + 3) return r;
  const auto [mn, mx] =
      std::minmax_element(thoracic.begin() + static_cast<long>(lo), thoracic.begin() + static_cast<long>(hi));
  if (*mx - *mn < 0.05) return r;  // no breathing in the window
  const double mid = 0.5 * (*mn + *mx);
  // Inspirations: runs of samples below the mid level, complete inside the window.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = lo; i < hi;) {
    if (thoracic[i] >= mid) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < hi && thoracic[j] < mid) ++j;
    if (i > lo && j < hi) runs.push_back({i, j});
    i = j;
  }
  double insp = 0.0, exp = 0.0;
  const auto flowAround = [&](std::size_t i) { return meanOver(t, flow, t[i] - 0.5 * window, t[i] + 0.5 * window); };
  for (std::size_t k = 1; k < runs.size(); ++k) {
    const auto [a, b] = runs[k];
    const auto endInsp = static_cast<std::size_t>(
        std::min_element(thoracic.begin() + static_cast<long>(a), thoracic.begin() + static_cast<long>(b)) -
        thoracic.begin());
    // End expiration: the highest thoracic pressure between the previous breath and this one
    // (the last such sample: expiration creeps up to its plateau).
    std::size_t endExp = runs[k - 1].second;
    for (std::size_t i = runs[k - 1].second; i < a; ++i)
      if (thoracic[i] >= thoracic[endExp]) endExp = i;
    insp += flowAround(endInsp);
    exp += flowAround(endExp);
    ++r.breaths;
  }
  if (r.breaths == 0) return r;
  r.valid = true;
  r.endInspirationMlS = insp / r.breaths;
  r.endExpirationMlS = exp / r.breaths;
  if (std::abs(r.endExpirationMlS) > 1e-6) r.ratio = r.endInspirationMlS / r.endExpirationMlS;
  return r;
}

}  // namespace venaviz::hemo
