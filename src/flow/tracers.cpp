#include "flow/tracers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <type_traits>

#include "anatomy/centerline.h"

namespace venaviz::flow {
namespace {

// --- Velocity profile across the lumen ---------------------------------------------------
// A particle at radial offset r (fraction of the lumen radius, r <= kMaxRadial) moves at
// g(s) x the compartment's mean velocity, s = r / kMaxRadial. g is a blunted parabola,
// g(s) = (1 - b s^2) / (1 - b/2) with b = 0.6: 1.43x the mean on the axis, 0.57x at the
// outermost particles. Venous flow is slow and pulsatile, so its profile is flatter than
// Poiseuille's 2(1 - r^2) (which would also all but stop the particles near the wall). The
// drawn particles stand for the whole cross-section (s maps onto the lumen), so g averages 1
// over the disc and a compartment's particles carry its flow: with births weighted by the
// flux g(s) s ds, the steady density is uniform over the cross-section and a compartment
// holds (particles per mL) x (its volume).
constexpr float kBlunt = 0.6f;
constexpr float kProfileC0 = 1.0f / (1.0f - 0.5f * kBlunt);
constexpr float kProfileC1 = kBlunt * kProfileC0 / (Tracers::kMaxRadial * Tracers::kMaxRadial);
float profile(float radial) {
  return kProfileC0 - kProfileC1 * radial * radial;
}

constexpr int kMaxHops = 8;             // port routings per particle per step (loops, tiny segments)
constexpr double kMaxSpeedCmS = 300.0;  // clamp for collapsed compartments (A -> alphaMin A0)
constexpr double kFlowEps = 1e-12;      // m^3/s (1e-6 mL/s): no outflow below
constexpr float kSnapCm = 0.1f;         // a link attaching this close to a compartment end uses the end

// Branch kinds at a port.
constexpr int kSegLeft = 0;   // the segment ending at the port (its right end)
constexpr int kSegRight = 1;  // the segment starting at the port (its left end)
constexpr int kLink = 2;      // a network link to a port of another compartment
constexpr int kAtrium = -1;   // link destination: the right atrium (the particle leaves)
constexpr int kBed = -2;      // link destination without vessel (a capillary bed's small veins, the sinus)

// Particle slot states (segment index >= 0: drawn, in that segment).
constexpr int kFree = -1;
constexpr int kInBed = -2;  // went back into a bed with reflux: alive, not drawn, waits to come out

// Regional venous oxygen saturations (0..1). physiology.md has none: these are illustrative
// textbook values: renal vein ~0.90 (the kidneys extract little oxygen), jugular bulb 0.55-0.75
// (normal ~0.63), hepatic veins ~0.65-0.70, resting limbs ~0.70-0.75. They mix to ~0.75-0.80
// in the venae cavae, in the range of mixed venous blood (0.70-0.80), taken as 0.75 for blood
// that comes back out of the right atrium.
float regionSaturation(const std::string& region) {
  if (region == "kidney") return 0.90f;
  if (region == "brain" || region == "head") return 0.63f;
  if (region == "liver") return 0.66f;
  if (region == "leg_left" || region == "leg_right") return 0.70f;
  if (region == "face") return 0.75f;
  if (region == "arm") return 0.72f;
  if (region == "pelvis") return 0.72f;
  if (region == "atrium") return 0.75f;  // mixed venous blood
  return 0.72f;                          // trunk wall and anything else
}
constexpr float kDefaultSaturation = 0.72f;

/// xorshift64* (Vigna 2016): small, fast and deterministic; seeded through splitmix64.
struct Rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  void seed(std::uint64_t seed) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    s = (z ^ (z >> 31)) | 1ull;
  }
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1Dull;
  }
  /// Uniform in [0, 1).
  float uniform() { return static_cast<float>(next() >> 40) * (1.0f / 16777216.0f); }
};

std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}

}  // namespace

struct Tracers::Impl {
  // --- drawn geometry: per vessel a table of the tube's rings ---------------------------
  struct Ring {
    Vec3 position;  ///< cm
    float fraction;
    Vec3 normal;   ///< rotation-minimizing frame
    float radius;  ///< atlas radius, cm
    Vec3 binormal;
    int node;             ///< compartment at the ring's fraction (the renderer's scale)
    Vec3 chord;           ///< unit direction to the next ring
    float invGap = 0.0f;  ///< 1 / (next ring's fraction - this one's)
  };
  struct VesselGeo {
    int firstRing = 0, rings = 0;
    int firstBucket = 0, buckets = 0;
    float lengthCm = 0.0f;  ///< drawn arc length
  };
  std::vector<Ring> rings;
  std::vector<int> bucket;                ///< per vessel: first ring of each fraction bucket
  std::vector<float> ringFraction;        ///< rings[k].fraction, compact for the lookup
  mutable std::vector<float> ringRadius;  ///< instances(): radius x lumen scale per ring
  mutable std::vector<int> ringOf;        ///< instances(): per slot, the ring before the particle
  std::vector<VesselGeo> geo;

  // --- the tracer graph: ports (points where links attach) and segments between them ----
  struct Port {
    int node = -1;
    float fraction = 0.0f;
    int firstBranch = 0, branches = 0;
    int homeSegment = -1;  ///< where a particle waits at this port
  };
  struct Branch {
    int kind = kLink;
    int index = -1;  ///< segment or link
    int sign = 1;    ///< links: +1 when the port's compartment is link.a (outflow = +Q)
    int dest = -1;   ///< links: port at the other end, kAtrium or kBed
  };
  struct Segment {
    int node = -1, vessel = -1, portL = -1, portR = -1;
    float f0 = 0.0f, len = 0.0f;  ///< fraction at the left end, fraction length
    /// cm of the compartment's length per unit fraction. Velocities convert with the
    /// compartment's own length, not the drawn one (a tributary's tube runs on into its parent),
    /// so that a particle stays as long as its blood: volume / flow.
    float cmPerFraction = 1.0f;
    // The vessel's drawn rings (copied from VesselGeo: one load less per instance).
    int firstRing = 0, rings = 0, firstBucket = 0, buckets = 0;
  };
  /// Per step, hot: velocity in fraction units of the vessel per second, v(x) = v0 + k x,
  /// x = fraction - f0 in [0, len].
  struct Motion {
    float f0 = 0.0f, len = 0.0f, v0 = 0.0f, k = 0.0f;
  };
  struct Source {
    int link = -1, port = -1, sign = 1, region = 0;
  };
  std::vector<Port> ports;
  std::vector<Branch> branches;
  std::vector<Segment> segments;
  std::vector<int> nodePortStart, nodePorts;  ///< per compartment: its ports by fraction (CSR)
  std::vector<int> nodeSegStart;              ///< per compartment: first segment (ports - 1 of them)
  std::vector<Source> sources;
  std::vector<float> regionSat;
  std::vector<int> linkA, linkB;
  std::size_t nodeCount = 0;

  // --- per-step tables ---------------------------------------------------------------------
  std::vector<double> linkQ, portF, segQL, segQR, branchCum, portTotal;
  std::vector<Motion> motion;
  std::vector<double> birthCarry;
  std::vector<int> linkSource;  ///< per link: index in sources, or -1
  /// Particles that reflux carried back into a bed wait there (alive, not drawn) and come out
  /// first when the inflow resumes, last in first out: a stack per source through `nextInBed`.
  std::vector<int> bedTop;

  // --- following the engine's compartment volumes (see followVolumes) ------------------------
  std::vector<double> nodeStorage;  ///< per compartment: net inflow through its links, m^3/s
  std::vector<double> nodeVolume;   ///< per compartment: engine volume at the last step, m^3
  std::vector<double> nodeCarry;    ///< per compartment: particles owed (> 0) or in excess (< 0)
  std::vector<int> nodeDebt;        ///< per compartment: particles to remove this step
  std::vector<float> nodeSat;       ///< per compartment: saturation of the blood it holds (seeding)
  std::vector<int> segNode;         ///< per segment: its compartment (compact, for the step loop)
  bool volumesKnown = false;        ///< nodeVolume holds the volumes at the last step
  std::size_t stealNext = 0;        ///< take(): the bed whose particles a full pool reuses next

  // --- particles (SoA, a pool of `budget` slots; seg: segment, kFree or kInBed) ---------------
  std::vector<int> seg;
  std::vector<float> frac, radial, cosA, sinA, sat;
  std::vector<int> nextInBed;
  std::vector<int> freeSlots;  ///< stack, lowest slot on top
  std::size_t highWater = 0;   ///< slots at or above are free
  std::vector<std::int64_t> crossing;
  TracerCounts counts;
  TracerOptions options;
  double density = -1.0;  ///< particles per m^3 (-1: not chosen yet)
  Rng rng;

  Impl(const Anatomy& anatomy, const hemo::Network& net, const TracerOptions& opt);
  void buildGeometry(const Anatomy& anatomy, const hemo::Network& net);
  void buildGraph(const Anatomy& anatomy, const hemo::Network& net);
  int attach(const hemo::Network& net, int node, float fraction, std::vector<std::vector<int>>& nodePortLists);
  void allocatePool(std::size_t budget);
  void updateTables(const hemo::Engine& engine, const Lumen& lumen);
  void chooseDensity(const hemo::Engine& engine);
  double drawnVolume(const hemo::Engine& engine) const;
  /// A free slot (counted as born and alive), or one of a particle waiting in a bed (counted
  /// as left first) when the pool is full; -1 when there is none.
  int take();
  void release(int slot);
  enum class Routed { Moved, Waiting, Gone };
  /// Sends particle `i` from port `port` on to a branch (s, f: its segment and fraction there):
  /// Moved, Waiting at the port (no flow out of it), or Gone from the drawn veins (into the
  /// right atrium, or back into a bed).
  Routed route(std::size_t i, int port, int& s, float& f, int hops);
  /// Moves particle `i` for `tau` seconds of profile-scaled time.
  void advance(std::size_t i, int s, float f, float tau);
  /// One particle into the drawn veins at a source: one waiting in its bed, or a new one.
  void born(int source, float dt);
  /// Compares each compartment's volume change since the last step with what the flows that
  /// move the particles imply (storage x dt) and books the difference as particles to add or
  /// remove there. Returns whether any compartment must lose particles this step.
  bool followVolumes(const hemo::Engine& engine, double dt);
  /// One new particle at a uniformly random place in compartment `node` (uniform over the
  /// cross-section, the compartment's saturation); its slot, or -1 when the pool is full.
  int bornInside(int node);
};

Tracers::Impl::Impl(const Anatomy& anatomy, const hemo::Network& net, const TracerOptions& opt) : options(opt) {
  rng.seed(opt.seed);
  nodeCount = net.nodes.size();
  linkA.resize(net.links.size());
  linkB.resize(net.links.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    linkA[j] = net.links[j].a;
    linkB[j] = net.links[j].b;
  }
  buildGeometry(anatomy, net);
  buildGraph(anatomy, net);
  crossing.assign(net.links.size(), 0);
  allocatePool(opt.budget);
}

void Tracers::Impl::buildGeometry(const Anatomy& a, const hemo::Network& net) {
  // The same curve, rings and tangents as buildVesselMesh (anatomy/tube_mesh.cpp).
  const std::size_t n = a.vessels.size();
  const TubeLayout layout = layoutTubes(a, options.tube);
  const TubeJoins& joins = layout.joins;
  const auto& samples = layout.samples;
  const auto& jointTangent = layout.jointTangent;
  geo.assign(n, VesselGeo{});
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = samples[i];
    const bool hasNodes = i < net.vesselNodes.size() && !net.vesselNodes[i].empty();
    if (s.size() < 2 || !hasNodes) continue;
    std::vector<Vec3> tangents(s.size());
    for (std::size_t k = 0; k < s.size(); ++k) tangents[k] = sampleTangent(s, k);
    if (joins.prev[i] >= 0) tangents.front() = jointTangent[ix(joins.prev[i])];
    if (joins.next[i] >= 0) tangents.back() = jointTangent[i];
    const std::vector<Vec3> normals = transportFrames(s, &tangents);
    VesselGeo& g = geo[i];
    g.firstRing = static_cast<int>(rings.size());
    g.rings = static_cast<int>(s.size());
    float length = 0.0f;
    for (std::size_t k = 0; k < s.size(); ++k) {
      Ring r;
      r.position = s[k].position;
      r.radius = s[k].radius;
      r.normal = normals[k];
      r.binormal = glm::cross(tangents[k], normals[k]);
      r.fraction = s[k].fraction;
      r.node = net.nodeAt(static_cast<int>(i), s[k].fraction);
      if (k + 1 < s.size()) {
        const Vec3 d = s[k + 1].position - s[k].position;
        r.chord = glm::length(d) > 1e-6f ? glm::normalize(d) : tangents[k];
        const float gap = s[k + 1].fraction - s[k].fraction;
        r.invGap = gap > 0.0f ? 1.0f / gap : 0.0f;
      } else {
        r.chord = tangents[k];
      }
      if (k > 0) length += glm::distance(s[k - 1].position, s[k].position);
      rings.push_back(r);
    }
    g.lengthCm = std::max(length, 1e-3f);
    for (std::size_t k = 0; k < s.size(); ++k) ringFraction.push_back(s[k].fraction);
    // Fraction buckets no wider than the closest two rings: the last ring at or below each
    // bucket's start, so a lookup moves on at most one ring.
    float gap = 1.0f;
    for (std::size_t k = 1; k < s.size(); ++k)
      if (s[k].fraction > s[k - 1].fraction) gap = std::min(gap, s[k].fraction - s[k - 1].fraction);
    g.firstBucket = static_cast<int>(bucket.size());
    g.buckets = std::clamp(static_cast<int>(std::ceil(1.0f / gap)) + 1, 8, 4 * g.rings);
    int ring = 0;
    for (int b = 0; b < g.buckets; ++b) {
      const float f = static_cast<float>(b) / static_cast<float>(g.buckets);
      while (ring + 2 < g.rings && rings[ix(g.firstRing + ring + 1)].fraction <= f) ++ring;
      bucket.push_back(ring);
    }
  }
}

int Tracers::Impl::attach(const hemo::Network& net, int node, float fraction,
                          std::vector<std::vector<int>>& nodePortLists) {
  const hemo::Compartment& c = net.nodes[ix(node)];
  const float lengthCm = geo[ix(c.vessel)].lengthCm;
  auto& list = nodePortLists[ix(node)];  // [0] tail, [1] head, then internal ports
  if ((fraction - c.fracStart) * lengthCm < kSnapCm || fraction <= c.fracStart) return list[0];
  if ((c.fracEnd - fraction) * lengthCm < kSnapCm || fraction >= c.fracEnd) return list[1];
  for (std::size_t k = 2; k < list.size(); ++k)
    if (std::abs(ports[ix(list[k])].fraction - fraction) * lengthCm < kSnapCm) return list[k];
  Port p;
  p.node = node;
  p.fraction = fraction;
  ports.push_back(p);
  list.push_back(static_cast<int>(ports.size()) - 1);
  return list.back();
}

void Tracers::Impl::buildGraph(const Anatomy& a, const hemo::Network& net) {
  const std::size_t n = net.nodes.size();
  auto drawn = [&](int node) {
    return node >= 0 && net.nodes[ix(node)].vessel >= 0 && geo[ix(net.nodes[ix(node)].vessel)].rings >= 2;
  };
  // 1. A port at each end of every drawn compartment.
  std::vector<std::vector<int>> lists(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!drawn(static_cast<int>(i))) continue;
    for (float f : {net.nodes[i].fracStart, net.nodes[i].fracEnd}) {
      Port p;
      p.node = static_cast<int>(i);
      p.fraction = f;
      ports.push_back(p);
      lists[i].push_back(static_cast<int>(ports.size()) - 1);
    }
  }
  // 2. Where each link attaches: inside a vessel at the shared boundary; a tributary's end at
  //    its parent's drains_at; a connector's start (perforator, collateral) where it leaves the
  //    other vein; beds and the cerebral sinus at the first compartment's start.
  std::vector<std::vector<Branch>> portBranches;
  struct End {
    int port = -1;
    int sign = 1;
  };
  std::vector<std::array<End, 2>> linkEnds(net.links.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    const bool da = drawn(l.a), db = drawn(l.b);
    float fa = 1.0f, fb = 0.0f;
    if (da) fa = net.nodes[ix(l.a)].fracEnd;
    if (db) fb = net.nodes[ix(l.b)].fracStart;
    if (da && db) {
      const int va = net.nodes[ix(l.a)].vessel, vb = net.nodes[ix(l.b)].vessel;
      if (va != vb) {
        const Vessel& A = a.vessels[ix(va)];
        const Vessel& B = a.vessels[ix(vb)];
        const bool tributary = l.a == net.vesselNodes[ix(va)].back() && A.drainsInto == B.id;
        if (tributary) {
          fb = A.drainsAt;
        } else if (l.b == net.vesselNodes[ix(vb)].front()) {
          fa = closestFraction(A.points, B.points.front());  // an origin: B leaves A here
        }
      }
    }
    if (da) linkEnds[j][0] = {attach(net, l.a, fa, lists), 1};
    if (db) linkEnds[j][1] = {attach(net, l.b, fb, lists), -1};
  }
  portBranches.resize(ports.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    for (int e = 0; e < 2; ++e) {
      const End& end = linkEnds[j][ix(e)];
      if (end.port < 0) continue;
      Branch b;
      b.kind = kLink;
      b.index = static_cast<int>(j);
      b.sign = end.sign;
      const End& other = linkEnds[j][ix(1 - e)];
      if (other.port >= 0) {
        b.dest = other.port;
      } else {
        b.dest = (e == 0 && l.b == hemo::kAtriumNode) ? kAtrium : kBed;
      }
      portBranches[ix(end.port)].push_back(b);
    }
  }
  // 3. Segments between consecutive ports of each compartment.
  nodePortStart.assign(n + 1, 0);
  nodeSegStart.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    auto& list = lists[i];
    std::sort(list.begin(), list.end(), [&](int x, int y) { return ports[ix(x)].fraction < ports[ix(y)].fraction; });
    nodePortStart[i] = static_cast<int>(nodePorts.size());
    nodeSegStart[i] = static_cast<int>(segments.size());
    nodePorts.insert(nodePorts.end(), list.begin(), list.end());
    for (std::size_t k = 0; k + 1 < list.size(); ++k) {
      Segment s;
      s.node = static_cast<int>(i);
      s.vessel = net.nodes[i].vessel;
      s.portL = list[k];
      s.portR = list[k + 1];
      s.f0 = ports[ix(s.portL)].fraction;
      s.len = std::max(ports[ix(s.portR)].fraction - s.f0, 1e-7f);
      const hemo::Compartment& c = net.nodes[i];
      s.firstRing = geo[ix(s.vessel)].firstRing;
      s.rings = geo[ix(s.vessel)].rings;
      s.firstBucket = geo[ix(s.vessel)].firstBucket;
      s.buckets = geo[ix(s.vessel)].buckets;
      s.cmPerFraction =
          static_cast<float>(100.0 * c.length / std::max(static_cast<double>(c.fracEnd - c.fracStart), 1e-6));
      const int si = static_cast<int>(segments.size());
      segments.push_back(s);
      portBranches[ix(s.portL)].push_back({kSegRight, si, 1, -1});
      portBranches[ix(s.portR)].push_back({kSegLeft, si, 1, -1});
      if (ports[ix(s.portL)].homeSegment < 0) ports[ix(s.portL)].homeSegment = si;
      ports[ix(s.portR)].homeSegment = si;
    }
  }
  nodePortStart[n] = static_cast<int>(nodePorts.size());
  nodeSegStart[n] = static_cast<int>(segments.size());
  for (std::size_t p = 0; p < ports.size(); ++p) {
    ports[p].firstBranch = static_cast<int>(branches.size());
    ports[p].branches = static_cast<int>(portBranches[p].size());
    branches.insert(branches.end(), portBranches[p].begin(), portBranches[p].end());
  }
  // 4. Sources: links from a compartment without vessel (a capillary bed's small veins, the
  //    cerebral sinus) into a drawn one.
  std::vector<std::string> regions;
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    int from = -1;
    Source src;
    src.link = static_cast<int>(j);
    if (!drawn(l.a) && drawn(l.b)) {
      from = l.a;
      src.port = linkEnds[j][1].port;
      src.sign = 1;
    } else if (l.b >= 0 && drawn(l.a) && !drawn(l.b)) {
      from = l.b;
      src.port = linkEnds[j][0].port;
      src.sign = -1;
    } else if (l.b == hemo::kAtriumNode && drawn(l.a)) {
      // The venae cavae take blood back from the right atrium for a moment each beat (the a
      // wave): that blood is blood too (mixed venous), so it comes in with particles.
      from = hemo::kAtriumNode;
      src.port = linkEnds[j][0].port;
      src.sign = -1;
    } else {
      continue;
    }
    std::string region = from == hemo::kAtriumNode ? "atrium" : "trunk";
    for (const hemo::Bed& bed : net.beds)
      if (bed.node == from) region = bed.region;
    auto it = std::find(regions.begin(), regions.end(), region);
    if (it == regions.end()) {
      regions.push_back(region);
      it = regions.end() - 1;
    }
    src.region = static_cast<int>(it - regions.begin());
    sources.push_back(src);
  }
  for (const std::string& r : regions) regionSat.push_back(regionSaturation(r));
  // Per-step tables (sized once: no allocation per step).
  linkQ.assign(net.links.size(), 0.0);
  portF.assign(ports.size(), 0.0);
  segQL.assign(segments.size(), 0.0);
  segQR.assign(segments.size(), 0.0);
  branchCum.assign(branches.size(), 0.0);
  portTotal.assign(ports.size(), 0.0);
  motion.assign(segments.size(), Motion{});
  for (std::size_t s = 0; s < segments.size(); ++s) {
    motion[s].f0 = segments[s].f0;
    motion[s].len = segments[s].len;
  }
  birthCarry.assign(sources.size(), 0.0);
  bedTop.assign(sources.size(), -1);
  nodeStorage.assign(n, 0.0);
  nodeVolume.assign(n, 0.0);
  nodeCarry.assign(n, 0.0);
  nodeDebt.assign(n, 0);
  nodeSat.assign(n, kDefaultSaturation);
  segNode.resize(segments.size());
  for (std::size_t s = 0; s < segments.size(); ++s) segNode[s] = segments[s].node;
  linkSource.assign(net.links.size(), -1);
  for (std::size_t k = 0; k < sources.size(); ++k) linkSource[ix(sources[k].link)] = static_cast<int>(k);
  ringRadius.assign(rings.size(), 0.0f);
}

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
