#include "flow/tracers_impl.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <type_traits>

#include "anatomy/centerline.h"

namespace venaviz::flow {

void Tracers::Impl::allocatePool(std::size_t budget) {
  seg.assign(budget, kFree);
  ringOf.assign(budget, -1);
  nextInBed.assign(budget, -1);
  std::fill(bedTop.begin(), bedTop.end(), -1);
  frac.assign(budget, 0.0f);
  radial.assign(budget, 0.0f);
  cosA.assign(budget, 1.0f);
  sinA.assign(budget, 0.0f);
  sat.assign(budget, kDefaultSaturation);
  freeSlots.resize(budget);
  for (std::size_t k = 0; k < budget; ++k) freeSlots[k] = static_cast<int>(budget - 1 - k);
  highWater = 0;
  options.budget = budget;
}

int Tracers::Impl::take() {
  int slot = -1;
  if (!freeSlots.empty()) {
    slot = freeSlots.back();
    freeSlots.pop_back();
  } else {
    // A full pool reuses a particle that reflux carried back into a bed (not drawn) before it
    // skips a birth in the drawn veins: that blood counts as having left into the capillaries.
    // Matters where flows held for long send blood back into beds (a frame covering seconds of
    // engine time frozen at an instant of reflux), which otherwise parks the whole pool there.
    for (std::size_t n = 0; n < bedTop.size() && slot < 0; ++n) {
      stealNext = (stealNext + 1) % bedTop.size();
      if (bedTop[stealNext] < 0) continue;
      slot = bedTop[stealNext];
      bedTop[stealNext] = nextInBed[ix(slot)];
      ++counts.left;
      --counts.alive;
    }
    if (slot < 0) return -1;
  }
  highWater = std::max(highWater, ix(slot) + 1);
  ++counts.born;
  ++counts.alive;
  return slot;
}

void Tracers::Impl::release(int slot) {
  seg[ix(slot)] = kFree;
  freeSlots.push_back(slot);
  ++counts.left;
  --counts.alive;
}

double Tracers::Impl::drawnVolume(const hemo::Engine& engine) const {
  double v = 0.0;
  for (std::size_t i = 0; i < nodeCount; ++i)
    if (nodeSegStart[i + 1] > nodeSegStart[i]) v += engine.volume(static_cast<int>(i));
  return v;
}

void Tracers::Impl::chooseDensity(const hemo::Engine& engine) {
  const double v = drawnVolume(engine);
  density = v > 0.0 ? options.fill * static_cast<double>(options.budget) / v : 0.0;
}

void Tracers::Impl::updateTables(const hemo::Engine& engine, const Lumen& lumen) {
  const hemo::Network& net = engine.network();
  const double alphaMin = engine.params().alphaMin;
  for (std::size_t j = 0; j < linkQ.size(); ++j) linkQ[j] = engine.linkFlow(static_cast<int>(j));
  // Flow into each port's compartment through its links.
  for (std::size_t p = 0; p < ports.size(); ++p) {
    double f = 0.0;
    const Port& port = ports[p];
    for (int b = port.firstBranch; b < port.firstBranch + port.branches; ++b) {
      const Branch& br = branches[ix(b)];
      if (br.kind == kLink) f -= br.sign * linkQ[ix(br.index)];
    }
    portF[p] = f;
  }
  // Flow along each segment: continuity with the compartment's storage spread evenly along
  // it, so the flow falls linearly from the inflow to the outflow (a filling compartment
  // closed by a valve brings its particles to a stop at the valve).
  for (std::size_t i = 0; i < nodeCount; ++i) {
    const int p0 = nodePortStart[i], p1 = nodePortStart[i + 1];
    if (p1 - p0 < 2) continue;
    double storage = 0.0;
    for (int k = p0; k < p1; ++k) storage += portF[ix(nodePorts[ix(k)])];
    nodeStorage[i] = storage;
    const float fs = ports[ix(nodePorts[ix(p0)])].fraction, fe = ports[ix(nodePorts[ix(p1 - 1)])].fraction;
    const double span = std::max(static_cast<double>(fe - fs), 1e-9);
    const hemo::Compartment& c = net.nodes[i];
    const double area = std::max(engine.areaRatio(static_cast<int>(i)), alphaMin) * c.area0 *
                        std::max(static_cast<double>(lumen.openFraction(static_cast<int>(i))), 0.05);
    const double cmPerFraction = segments[ix(nodeSegStart[i])].cmPerFraction;
    const double toFrac = 100.0 / (area * cmPerFraction);  // m^3/s -> vessel fractions per second
    const double vmax = kMaxSpeedCmS / cmPerFraction;
    double cum = 0.0;
    for (int k = p0; k + 1 < p1; ++k) {
      const std::size_t s = ix(nodeSegStart[i] + (k - p0));
      cum += portF[ix(nodePorts[ix(k)])];
      const Segment& sg = segments[s];
      const double xl = (sg.f0 - fs) / span, xr = (sg.f0 + sg.len - fs) / span;
      segQL[s] = cum - storage * xl;
      segQR[s] = cum - storage * xr;
      const double vl = std::clamp(segQL[s] * toFrac, -vmax, vmax);
      const double vr = std::clamp(segQR[s] * toFrac, -vmax, vmax);
      motion[s].v0 = static_cast<float>(vl);
      motion[s].k = static_cast<float>((vr - vl) / static_cast<double>(sg.len));
    }
  }
  // Branch tables: cumulative outflow from each port.
  for (std::size_t p = 0; p < ports.size(); ++p) {
    const Port& port = ports[p];
    double cum = 0.0;
    for (int b = port.firstBranch; b < port.firstBranch + port.branches; ++b) {
      const Branch& br = branches[ix(b)];
      double out = 0.0;
      if (br.kind == kSegRight)
        out = segQL[ix(br.index)];
      else if (br.kind == kSegLeft)
        out = -segQR[ix(br.index)];
      else
        out = br.sign * linkQ[ix(br.index)];
      cum += std::max(out, 0.0);
      branchCum[ix(b)] = cum;
    }
    portTotal[p] = cum;
  }
}

Tracers::Impl::Routed Tracers::Impl::route(std::size_t i, int port, int& s, float& f, int hops) {
  for (; hops < kMaxHops; ++hops) {
    const Port& p = ports[ix(port)];
    const double total = portTotal[ix(port)];
    if (total <= kFlowEps) break;
    const double r = static_cast<double>(rng.uniform()) * total;
    int b = p.firstBranch;
    const int last = p.firstBranch + p.branches - 1;
    while (b < last && branchCum[ix(b)] <= r) ++b;
    const Branch& br = branches[ix(b)];
    if (br.kind == kSegRight) {
      s = br.index;
      f = segments[ix(s)].f0;
      return Routed::Moved;
    }
    if (br.kind == kSegLeft) {
      s = br.index;
      f = segments[ix(s)].f0 + segments[ix(s)].len;
      return Routed::Moved;
    }
    crossing[ix(br.index)] += br.sign;
    if (br.dest == kAtrium) {
      release(static_cast<int>(i));
      return Routed::Gone;
    }
    if (br.dest == kBed) {
      const int src = linkSource[ix(br.index)];
      seg[i] = kInBed;
      nextInBed[i] = bedTop[ix(src)];
      bedTop[ix(src)] = static_cast<int>(i);
      return Routed::Gone;
    }
    port = br.dest;
  }
  // No way on (nothing flows out of the port, or a loop of tiny segments): wait at the port.
  s = ports[ix(port)].homeSegment;
  f = ports[ix(port)].fraction;
  return Routed::Waiting;
}

void Tracers::Impl::advance(std::size_t i, int s, float f, float tau) {
  for (int hops = 0; hops < kMaxHops; ++hops) {
    const Motion& m = motion[ix(s)];
    const float x = std::clamp(f - m.f0, 0.0f, m.len);
    // Linear velocity along the segment: implicit where it converges (k < 0: stable when a
    // particle runs into a stagnation point), explicit where it diverges.
    const float xn = (x + tau * (m.v0 + std::max(m.k, 0.0f) * x)) / (1.0f - tau * std::min(m.k, 0.0f));
    if (xn >= 0.0f && xn <= m.len) {
      f = m.f0 + xn;
      break;
    }
    const bool right = xn > m.len;
    const float end = right ? m.len : 0.0f;
    const float ve = m.v0 + m.k * end;
    if (right ? ve <= 0.0f : ve >= 0.0f) {  // overshoot without flow out of the end: stop there
      f = m.f0 + end;
      break;
    }
    const float vm = 0.5f * (m.v0 + m.k * x + ve);
    const float hit = (right ? vm > 0.0f : vm < 0.0f) ? (end - x) / vm : 0.0f;
    tau = std::max(tau - hit, 0.0f);
    const Segment& sg = segments[ix(s)];
    const Routed r = route(i, right ? sg.portR : sg.portL, s, f, hops);
    if (r == Routed::Gone) return;
    if (r == Routed::Waiting || tau <= 0.0f) break;
  }
  seg[i] = s;
  frac[i] = f;
}

void Tracers::Impl::born(int source, float dt) {
  const Source& src = sources[ix(source)];
  int s = -1;
  float f = 0.0f;
  if (bedTop[ix(source)] >= 0) {  // a particle that reflux carried into the bed comes back first
    const int slot = bedTop[ix(source)];
    bedTop[ix(source)] = nextInBed[ix(slot)];
    crossing[ix(src.link)] += src.sign;
    if (route(ix(slot), src.port, s, f, 0) == Routed::Gone) return;
    advance(ix(slot), s, f, rng.uniform() * dt * profile(radial[ix(slot)]));
    return;
  }
  const int slot = take();
  if (slot < 0) {
    ++counts.skipped;
    return;
  }
  const auto i = ix(slot);
  // Flux-weighted radial position: pdf of s = r / kMaxRadial proportional to g(s) s, by
  // inverting its CDF F(x) = (2x - b x^2) / (2 - b), x = s^2.
  const float u = rng.uniform();
  const float x = (1.0f - std::sqrt(std::max(1.0f - kBlunt * u * (2.0f - kBlunt), 0.0f))) / kBlunt;
  radial[i] = kMaxRadial * std::sqrt(std::clamp(x, 0.0f, 1.0f));
  const float angle = 2.0f * kPi * rng.uniform();
  cosA[i] = std::cos(angle);
  sinA[i] = std::sin(angle);
  sat[i] = regionSat[ix(src.region)];
  crossing[ix(src.link)] += src.sign;
  seg[i] = 0;  // taken (route may release it)
  if (route(i, src.port, s, f, 0) == Routed::Gone) return;
  // Born at a random moment of the step, so births do not come in sheets.
  advance(i, s, f, rng.uniform() * dt * profile(radial[i]));
}

// Why: the particles move with the link flows, and inside a compartment with the storage (net
// inflow) spread along it, so a compartment gains or loses particles at density x storage. That
// is the engine's volume change only while the flows the tracers see are the ones the engine
// integrated. They are not when the tracers cover a longer time than those flows held: a frame
// of many engine steps (fast forward, `render --time 44`, "wait 44") is moved with the last
// step's flows, split into short parts. Frozen over seconds, a storage term that the engine
// had for a moment runs on: in the tiptoe bout of a refluxing great saphenous vein (-8.5 mL/s
// leaving mid-thigh, 1.2 mL/s coming in at the junction) the thigh segment emptied to 5 of ~770
// particles after one 44 s advance, and to ~10% with 1 s frames (one frame per tiptoe cycle,
// always at the same phase), while compartments that were filling at that instant took up the
// pool until births were skipped. The engine's volume is the truth: what storage x dt does not
// account for of its change since the last step is added as new particles spread evenly along
// the compartment (storage is spread evenly too) or removed from it (particles picked at
// random, i.e. in proportion to the local density). Both go through born and left, so
// born - left == alive holds. When the tracers step with the engine's own flows (every 4
// engine steps) the difference is only the integration error of the step: in that tiptoe
// protocol 40-300 particles a second are added and as many removed, against ~8000 births a
// second at the beds (50k pool).
bool Tracers::Impl::followVolumes(const hemo::Engine& engine, double dt) {
  bool debt = false;
  for (std::size_t i = 0; i < nodeCount; ++i) {
    if (nodeSegStart[i + 1] <= nodeSegStart[i]) continue;
    const double v = engine.volume(static_cast<int>(i));
    if (volumesKnown) {
      double& carry = nodeCarry[i];
      carry += density * (v - nodeVolume[i] - nodeStorage[i] * dt);
      if (carry <= -1.0) {
        const double whole = std::floor(-carry);
        nodeDebt[i] = static_cast<int>(whole);
        carry += whole;
        debt = true;
      }
    }
    nodeVolume[i] = v;
  }
  volumesKnown = true;
  return debt;
}

int Tracers::Impl::bornInside(int node) {
  const int s0 = nodeSegStart[ix(node)], s1 = nodeSegStart[ix(node) + 1];
  const int slot = take();
  if (slot < 0) {
    ++counts.skipped;
    return -1;
  }
  const float fs = segments[ix(s0)].f0;
  const float fe = segments[ix(s1 - 1)].f0 + segments[ix(s1 - 1)].len;
  const float f = fs + rng.uniform() * (fe - fs);
  int s = s0;
  while (s + 1 < s1 && segments[ix(s + 1)].f0 <= f) ++s;
  const auto p = ix(slot);
  seg[p] = s;
  frac[p] = std::clamp(f, segments[ix(s)].f0, segments[ix(s)].f0 + segments[ix(s)].len);
  radial[p] = kMaxRadial * std::sqrt(rng.uniform());  // uniform over the cross-section
  const float angle = 2.0f * kPi * rng.uniform();
  cosA[p] = std::cos(angle);
  sinA[p] = std::sin(angle);
  sat[p] = nodeSat[ix(node)];
  return slot;
}

// ---------------------------------------------------------------------------------------------

Tracers::Tracers(const Anatomy& anatomy, const hemo::Network& network, const TracerOptions& options)
    : impl_(std::make_unique<Impl>(anatomy, network, options)) {}

Tracers::~Tracers() = default;

void Tracers::setBudget(std::size_t budget) {
  Impl& m = *impl_;
  if (budget == m.options.budget) return;
  // Keep the live particles that fit, packed at the front: drawn ones first, then those
  // waiting in the beds (their stacks rebuilt in the same order).
  struct Kept {
    int seg;
    float frac, radial, cosA, sinA, sat;
  };
  std::vector<Kept> kept;
  std::vector<int> bedCount(m.sources.size(), 0);
  auto keep = [&](std::size_t i) {
    if (kept.size() >= budget) {
      ++m.counts.left;
      --m.counts.alive;
      return false;
    }
    kept.push_back({m.seg[i], m.frac[i], m.radial[i], m.cosA[i], m.sinA[i], m.sat[i]});
    return true;
  };
  for (std::size_t i = 0; i < m.highWater; ++i)
    if (m.seg[i] >= 0) keep(i);
  std::vector<std::vector<std::size_t>> stacks(m.sources.size());
  for (std::size_t k = 0; k < m.sources.size(); ++k)
    for (int i = m.bedTop[k]; i >= 0; i = m.nextInBed[ix(i)]) stacks[k].push_back(ix(i));  // top first
  for (std::size_t k = 0; k < m.sources.size(); ++k)
    for (auto it = stacks[k].rbegin(); it != stacks[k].rend(); ++it)  // bottom first
      if (keep(*it)) ++bedCount[k];
  const std::size_t old = m.options.budget;
  m.allocatePool(budget);
  std::size_t i = 0;
  for (; i < kept.size() && kept[i].seg >= 0; ++i) {
    m.seg[i] = kept[i].seg;
    m.frac[i] = kept[i].frac;
    m.radial[i] = kept[i].radial;
    m.cosA[i] = kept[i].cosA;
    m.sinA[i] = kept[i].sinA;
    m.sat[i] = kept[i].sat;
  }
  for (std::size_t k = 0; k < m.sources.size(); ++k) {
    for (int n = 0; n < bedCount[k]; ++n, ++i) {
      m.seg[i] = kInBed;
      m.radial[i] = kept[i].radial;
      m.cosA[i] = kept[i].cosA;
      m.sinA[i] = kept[i].sinA;
      m.sat[i] = kept[i].sat;
      m.nextInBed[i] = m.bedTop[k];
      m.bedTop[k] = static_cast<int>(i);
    }
  }
  m.freeSlots.resize(budget - kept.size());
  m.highWater = kept.size();
  if (m.density > 0.0 && old > 0) m.density *= static_cast<double>(budget) / static_cast<double>(old);
}

std::size_t Tracers::budget() const {
  return impl_->options.budget;
}

double Tracers::particlesPerMl() const {
  return std::max(impl_->density, 0.0) * 1e-6;
}

void Tracers::reset() {
  Impl& m = *impl_;
  m.allocatePool(m.options.budget);
  m.counts = {};
  std::fill(m.crossing.begin(), m.crossing.end(), 0);
  std::fill(m.birthCarry.begin(), m.birthCarry.end(), 0.0);
  std::fill(m.nodeCarry.begin(), m.nodeCarry.end(), 0.0);
  std::fill(m.nodeDebt.begin(), m.nodeDebt.end(), 0);
  m.volumesKnown = false;  // the next step takes the volumes it finds as the reference
}

void Tracers::seedSteadyState(const hemo::Engine& engine, const Lumen& lumen) {
  Impl& m = *impl_;
  reset();
  m.updateTables(engine, lumen);
  m.chooseDensity(engine);
  // Which regions' blood each compartment holds: the inflow-weighted mix of its inflows,
  // iterated to convergence (Jacobi sweeps over the links), so seeded particles carry the
  // saturations that steady flow would have brought there.
  const std::size_t n = m.nodeCount, R = std::max<std::size_t>(m.regionSat.size(), 1);
  std::vector<double> mix(n * R, 0.0), num(n * R), den(n);
  const std::vector<int>& sourceOf = m.linkSource;
  for (int sweep = 0; sweep < 300; ++sweep) {
    std::fill(num.begin(), num.end(), 0.0);
    std::fill(den.begin(), den.end(), 0.0);
    for (std::size_t j = 0; j < m.linkQ.size(); ++j) {
      const double q = m.linkQ[j];
      if (m.linkB[j] < 0 || q == 0.0) continue;
      const int from = q > 0.0 ? m.linkA[j] : m.linkB[j], to = q > 0.0 ? m.linkB[j] : m.linkA[j];
      const double w = std::abs(q);
      den[ix(to)] += w;
      if (sourceOf[j] >= 0 && m.sources[ix(sourceOf[j])].sign * q > 0.0) {
        num[ix(to) * R + ix(m.sources[ix(sourceOf[j])].region)] += w;
      } else {
        for (std::size_t r = 0; r < R; ++r) num[ix(to) * R + r] += w * mix[ix(from) * R + r];
      }
    }
    for (std::size_t i = 0; i < n; ++i)
      if (den[i] > 0.0)
        for (std::size_t r = 0; r < R; ++r) mix[i * R + r] = num[i * R + r] / den[i];
  }
  // Particles in proportion to each compartment's volume, uniform along it (in random order
  // within it, so that slot order says nothing about position: see step's removals).
  double carry = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (m.nodeSegStart[i + 1] <= m.nodeSegStart[i]) continue;
    const double volume = engine.volume(static_cast<int>(i));
    double mixSum = 0.0, satSum = 0.0;
    for (std::size_t r = 0; r < R; ++r) {
      mixSum += mix[i * R + r];
      if (r < m.regionSat.size()) satSum += mix[i * R + r] * static_cast<double>(m.regionSat[r]);
    }
    m.nodeSat[i] = mixSum > 0.0 ? static_cast<float>(satSum / mixSum) : kDefaultSaturation;
    m.nodeVolume[i] = volume;  // the reference for the next step's volume change
    carry += m.density * volume;
    while (carry >= 1.0) {
      carry -= 1.0;
      const int slot = m.bornInside(static_cast<int>(i));
      if (slot < 0 || mixSum <= 0.0 || m.regionSat.empty()) continue;
      double u = static_cast<double>(m.rng.uniform()) * mixSum;
      std::size_t r = 0;
      while (r + 1 < R && u >= mix[i * R + r]) u -= mix[i * R + r++];
      m.sat[ix(slot)] = m.regionSat[r];
    }
  }
  m.volumesKnown = true;
}

void Tracers::step(const hemo::Engine& engine, const Lumen& lumen, double dt) {
  Impl& m = *impl_;
  if (engine.network().links.size() != m.linkQ.size() || dt <= 0.0) return;
  if (m.density < 0.0) m.chooseDensity(engine);
  m.updateTables(engine, lumen);
  // Particles owed to or in excess of each compartment's volume (see followVolumes).
  const bool debt = m.followVolumes(engine, dt);
  const float fdt = static_cast<float>(dt);
  // Move every particle: the common case (staying inside its segment) is a few flops; crossing
  // a port goes through route(). Where a compartment must lose particles, the first ones met in
  // it are removed (slot order is unrelated to position: a random pick).
  const std::size_t hw = m.highWater;
  const int* segs = m.seg.data();
  float* fr = m.frac.data();
  const float* rad = m.radial.data();
  const Impl::Motion* mot = m.motion.data();
  const int* segNode = m.segNode.data();
  int* nodeDebt = m.nodeDebt.data();
  auto move = [&](auto removing) {
    for (std::size_t i = 0; i < hw; ++i) {
      const int s = segs[i];
      if (s < 0) continue;
      if constexpr (decltype(removing)::value) {
        int& d = nodeDebt[segNode[s]];
        if (d > 0) {
          --d;
          m.release(static_cast<int>(i));
          continue;
        }
      }
      const Impl::Motion& mo = mot[s];
      const float tau = fdt * profile(rad[i]);
      const float x = std::clamp(fr[i] - mo.f0, 0.0f, mo.len);
      const float xn = (x + tau * (mo.v0 + std::max(mo.k, 0.0f) * x)) / (1.0f - tau * std::min(mo.k, 0.0f));
      if (xn >= 0.0f && xn <= mo.len) {
        fr[i] = mo.f0 + xn;
      } else {
        m.advance(i, s, fr[i], tau);
      }
    }
  };
  if (debt) {
    move(std::true_type{});
    std::fill(m.nodeDebt.begin(), m.nodeDebt.end(), 0);  // a compartment with too few: forgotten
  } else {
    move(std::false_type{});
  }
  // Births inside compartments that hold less than their volume's share.
  for (std::size_t i = 0; i < m.nodeCount; ++i) {
    double& carry = m.nodeCarry[i];
    while (carry >= 1.0) {
      carry -= 1.0;
      m.bornInside(static_cast<int>(i));
    }
  }
  // Births at the capillary inflows, in proportion to the inflow.
  for (std::size_t k = 0; k < m.sources.size(); ++k) {
    const Impl::Source& src = m.sources[k];
    const double q = src.sign * m.linkQ[ix(src.link)];
    if (q <= 0.0) continue;  // reflux into the bed: routing takes the particles there
    m.birthCarry[k] += m.density * q * dt;
    while (m.birthCarry[k] >= 1.0) {
      m.birthCarry[k] -= 1.0;
      m.born(static_cast<int>(k), fdt);
    }
  }
}

void Tracers::instances(const Lumen& lumen, std::vector<ParticleInstance>& out) const {
  const Impl& m = *impl_;
  // Each ring as drawn: atlas radius x the lumen scale of its compartment.
  for (std::size_t k = 0; k < m.rings.size(); ++k) m.ringRadius[k] = m.rings[k].radius * lumen.scale(m.rings[k].node);
  // Two passes: first the ring before each particle, then the positions. Particles move less
  // than a ring between frames, so the search starts from last frame's ring (kept per slot)
  // when it is on the same vessel, else from a table of fraction buckets.
  const std::size_t hw = m.highWater;
  for (std::size_t i = 0; i < hw; ++i) {
    const int s = m.seg[i];
    if (s < 0) continue;
    const Impl::Segment& sg = m.segments[ix(s)];
    const float f = m.frac[i];
    const float* ringFraction = m.ringFraction.data();
    const int first = sg.firstRing, last = sg.firstRing + sg.rings - 2;  // rings that have a next one
    int k = m.ringOf[i];
    if (k < first || k > last) {
      const int b = std::clamp(static_cast<int>(f * static_cast<float>(sg.buckets)), 0, sg.buckets - 1);
      k = first + m.bucket[ix(sg.firstBucket + b)];
    }
    while (k > first && ringFraction[k] > f) --k;
    while (k < last && ringFraction[k + 1] < f) ++k;
    m.ringOf[i] = k;
  }
  out.resize(m.counts.alive);
  std::size_t o = 0;
  for (std::size_t i = 0; i < hw && o < out.size(); ++i) {
    const int s = m.seg[i];
    if (s < 0) continue;
    const std::size_t ka = ix(m.ringOf[i]);
    const Impl::Ring& a = m.rings[ka];
    const Impl::Ring& b = m.rings[ka + 1];
    const float f = m.frac[i];
    const float t = std::clamp((f - a.fraction) * a.invGap, 0.0f, 1.0f);
    // The particle sits at the same place between the two rings as the wall does, `radial` of
    // the way out.
    const float radial = m.radial[i];
    const float ra = radial * m.ringRadius[ka];
    const float rb = radial * m.ringRadius[ka + 1];
    const float c = m.cosA[i], sn = m.sinA[i];
    const Vec3 pa = a.position + (c * a.normal + sn * a.binormal) * ra;
    const Vec3 pb = b.position + (c * b.normal + sn * b.binormal) * rb;
    const Impl::Motion& mo = m.motion[ix(s)];
    const float x = std::clamp(f - mo.f0, 0.0f, mo.len);
    const float v = (mo.v0 + mo.k * x) * profile(radial) * m.segments[ix(s)].cmPerFraction;
    ParticleInstance& p = out[o++];
    p.position = pa + (pb - pa) * t;
    p.velocity = v;
    p.direction = a.chord * (v > 1e-4f ? 1.0f : v < -1e-4f ? -1.0f : 0.0f);
    p.saturation = m.sat[i];
  }
  out.resize(o);
}

TracerCounts Tracers::counts() const {
  return impl_->counts;
}

void Tracers::states(std::vector<State>& out) const {
  const Impl& m = *impl_;
  out.clear();
  for (std::size_t i = 0; i < m.highWater; ++i) {
    const int s = m.seg[i];
    if (s < 0) continue;
    const Impl::Segment& sg = m.segments[ix(s)];
    out.push_back({sg.node, sg.vessel, m.frac[i], m.radial[i]});
  }
}

std::int64_t Tracers::crossings(int link) const {
  const Impl& m = *impl_;
  return link >= 0 && ix(link) < m.crossing.size() ? m.crossing[ix(link)] : 0;
}

}  // namespace venaviz::flow
