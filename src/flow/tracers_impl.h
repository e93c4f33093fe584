#pragma once
// Private to src/flow: the tracers' internal state (Tracers::Impl) and its helpers, shared by
// tracers_graph.cpp (building the geometry and the port/segment graph once) and tracers.cpp
// (moving, seeding and drawing the particles every step). Not part of the module's interface.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "flow/profile.h"
#include "flow/tracers.h"

namespace venaviz::flow {
namespace detail {

// --- Velocity profile across the lumen ---------------------------------------------------
// A particle at radial offset r (fraction of the lumen radius, r <= kMaxRadial) moves at
// g(s) x the compartment's mean velocity, s = r / kMaxRadial, with g the blunted parabola of
// flow/profile.h (1.43x the mean on the axis, 0.57x at the outermost particles). The drawn
// particles stand for the whole cross-section (s maps onto the lumen), so g averages 1 over the
// disc and a compartment's particles carry its flow: with births weighted by the flux
// g(s) s ds, the steady density is uniform over the cross-section and a compartment holds
// (particles per mL) x (its volume).
constexpr float kBlunt = kProfileBlunt;
constexpr float kProfileC0 = kProfileAxis;
constexpr float kProfileC1 = kBlunt * kProfileC0 / (Tracers::kMaxRadial * Tracers::kMaxRadial);
inline float profile(float radial) {
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
inline float regionSaturation(const std::string& region) {
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

inline std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}

}  // namespace detail

using namespace detail;

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

}  // namespace venaviz::flow
