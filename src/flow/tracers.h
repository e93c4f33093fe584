#pragma once
// Tracer particles ("blood") on the vessel network, moved by the engine's flows. A particle is
// a compartment, a position along its vessel and a fixed offset in the cross-section; it moves
// with the local velocity (a blunted parabolic profile: faster in the centre), stops at closed
// valves, takes a branch at a junction with probability proportional to the branch's flow and
// goes backwards with reflux. Particles are born at the capillary inflows in proportion to the
// inflow (and at the venae cavae when blood comes back out of the right atrium) and leave at
// the right atrium, so their density follows the flow. A fixed pool: no allocation per step.
// Inside a compartment the flow varies linearly between the points where its links attach
// (continuity with the storage spread evenly), so particles in a compartment that fills behind
// a closed valve slow to a stop at the valve. Each compartment's particles follow the engine's
// volume: what its change since the last step differs from what the flows moved (a step that
// covers more engine time than its flows held, e.g. a long frame) is born or removed there, so
// a long frame leaves the density right (tracers.cpp, followVolumes).
#include <cstdint>
#include <memory>
#include <vector>

#include "anatomy/anatomy.h"
#include "anatomy/tube_mesh.h"
#include "core/math.h"
#include "flow/lumen.h"
#include "hemo/engine.h"

namespace venaviz::flow {

struct TracerOptions {
  std::size_t budget = 20000;  ///< pool size (quality: 20k / 50k / 200k)
  std::uint64_t seed = 1;      ///< deterministic runs
  /// Sampling of the drawn tubes: must match the renderer's buildVesselMesh options, so that
  /// particles sit on the same centerline as the walls (only maxStep matters).
  TubeMeshOptions tube{};
  /// Share of the pool filled at the density chosen when the tracers first see the engine
  /// (the rest is headroom for veins that fill, e.g. the legs on standing up).
  double fill = 0.85;
};

/// What the renderer needs per particle (one instanced draw from one streamed buffer).
struct ParticleInstance {
  Vec3 position;     ///< cm, body frame (inside the drawn lumen)
  float velocity;    ///< cm/s along the vessel: > 0 towards the heart, < 0 away (reflux)
  Vec3 direction;    ///< unit direction of motion in the body frame (0 when still)
  float saturation;  ///< oxygen saturation 0..1 (venous ~0.6-0.75 by region)
};

struct TracerCounts {
  /// Since construction/reset: seeded ones, births at the inflows and those added where a
  /// compartment held fewer than its volume's share.
  std::uint64_t born = 0;
  /// Reached the right atrium, removed where a compartment held more than its volume's share,
  /// reused from a bed by a full pool, or dropped by setBudget.
  std::uint64_t left = 0;
  /// born - left. Includes particles that reflux carried back into a capillary bed: they are
  /// not drawn and come out again first when the inflow resumes.
  std::size_t alive = 0;
  std::uint64_t skipped = 0;  ///< births not made because the pool was full (none waiting in a bed)
};

class Tracers {
 public:
  Tracers(const Anatomy& anatomy, const hemo::Network& network, const TracerOptions& options = {});
  ~Tracers();
  Tracers(const Tracers&) = delete;
  Tracers& operator=(const Tracers&) = delete;

  /// Changes the pool size (allocates; not for the per-frame path). Keeps live particles
  /// that fit; the others count as left.
  void setBudget(std::size_t budget);
  std::size_t budget() const;
  /// Removes every particle and zeroes the counts and crossings (the density stays).
  void reset();
  /// Particles per mL of blood: chosen so that fill x budget particles fill the drawn veins'
  /// blood volume, by seedSteadyState (each call) or else the first step; scaled with the
  /// budget. Births are this density x the inflow.
  double particlesPerMl() const;
  /// Removes every particle, then fills the drawn veins in proportion to their volume (uniform
  /// over each cross-section), as if they had been flowing for a long time, so the app does
  /// not start empty; each carries the saturation of the regions whose blood (by the current
  /// flows) reaches its compartment. The seeded particles count as born.
  void seedSteadyState(const hemo::Engine& engine, const Lumen& lumen);

  /// Moves particles by dt seconds (the app's engine step, 1/240 s) with the engine's current
  /// flows; births and exits. `engine` must be the one whose network built the tracers. Best
  /// called as the engine goes (every few engine steps): a step over engine time that other
  /// flows filled moves the particles with these flows all along; the density stays right (the
  /// compartments follow the engine's volumes) but the paths are the last instant's.
  void step(const hemo::Engine& engine, const Lumen& lumen, double dt);

  /// Writes one instance per drawn particle, in the order of states() (out is resized; reuse
  /// it across frames: no allocation once it has the capacity). Uses per-object scratch: do
  /// not call concurrently on the same Tracers.
  void instances(const Lumen& lumen, std::vector<ParticleInstance>& out) const;

  TracerCounts counts() const;

  // --- for tests and probes ---
  /// Drawn particles' (compartment, vessel, fraction along the vessel, radial offset 0..1), in
  /// the order of instances(). The fraction is the arc-length fraction along the drawn tube
  /// (MeshVertex::fraction), the radial offset a fraction of the local lumen radius (at most
  /// kMaxRadial).
  struct State {
    int node;
    int vessel;
    float fraction;
    float radial;
  };
  void states(std::vector<State>& out) const;
  /// Net number of particles that crossed the link a->b (positive) minus b->a since reset
  /// (births through a bed's link and exits into the atrium included).
  std::int64_t crossings(int link) const;

  /// Largest radial offset, as a fraction of the lumen radius (a margin inside the drawn wall).
  static constexpr float kMaxRadial = 0.85f;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace venaviz::flow
