#pragma once
// What the renderer needs from the engine each frame: the live state texture (wall radius,
// colour-map value, clot per sample along each vessel; opening, regurgitant fraction and lumen
// scale per valve) and the particles. Owns the lumen and the tracers; reused buffers, so a
// frame allocates nothing.
#include <vector>

#include "anatomy/anatomy.h"
#include "flow/lumen.h"
#include "flow/tracers.h"
#include "hemo/engine.h"

namespace venaviz {

/// What the wall colour map shows.
enum class WallMap : std::uint8_t { Off, Pressure, Transmural, Velocity };

/// Display range and unit of a wall map (for the shader and the legend).
struct WallMapRange {
  float lo = 0.0f, hi = 1.0f;
  const char* unit = "";
  const char* label = "";
};
/// `upright`: the body is not lying, so leg pressures reach ~100 mmHg; lying, the range is
/// 0-20 mmHg so the few mmHg between legs and heart still show.
WallMapRange wallMapRange(WallMap map, bool upright = true);

/// Particle budgets by quality setting: 0 low, 1 medium, 2 high.
std::size_t particleBudget(int quality);

class FlowView {
 public:
  /// `engine` must be in its reference state (settled supine): the lumen takes its areas as
  /// the atlas radii.
  FlowView(const Anatomy& anatomy, const hemo::Engine& engine, std::size_t budget);

  /// After the engine advanced by `dt` seconds: updates the lumen and moves the particles.
  void advance(const hemo::Engine& engine, double dt);
  /// Fills the state texture (layout: render::SceneRenderer::setFlowState) for `rows` rows.
  void fillState(const hemo::Engine& engine, WallMap map, int rows, std::vector<float>& texels) const;
  /// Live particles (render::kParticleFloats floats each).
  const std::vector<flow::ParticleInstance>& particles();

  flow::Tracers& tracers() { return tracers_; }
  const flow::Tracers& tracers() const { return tracers_; }
  const flow::Lumen& lumen() const { return lumen_; }
  /// Restarts the particles at the steady density for the engine's current flows.
  void reseed(const hemo::Engine& engine);

 private:
  const Anatomy& anatomy_;
  flow::Lumen lumen_;
  flow::Tracers tracers_;
  std::vector<int> sampleNode_;  ///< per vessel x sample: compartment (-1: none, e.g. an artery)
  std::vector<int> valveNode_;   ///< per valve: compartment just upstream (for the lumen scale)
  std::vector<Vec3> valveCenter_;
  mutable std::vector<float> nodeValue_, nodeClot_;
  std::vector<flow::ParticleInstance> instances_;
};

}  // namespace venaviz
