#pragma once
// The lumen as the renderer and the tracers see it: per-compartment radius relative to the
// atlas geometry, from the engine's areas. One source for both, so particles stay inside the
// walls that are drawn.
#include <vector>

#include "hemo/engine.h"

namespace venaviz::flow {

/// Per-compartment lumen radius scale relative to the atlas radius.
class Lumen {
 public:
  /// Captures the reference areas from the engine's current state (the app builds the engine
  /// settled supine, where the atlas radii are drawn as they are).
  explicit Lumen(const hemo::Engine& engine);

  /// Recomputes every scale: sqrt(A / A_ref), narrowed further by a lumen fraction the
  /// conditions impose on the compartment's links (compression, thrombus), clamped to
  /// [kMinScale, kMaxScale]. No allocation.
  void update(const hemo::Engine& engine);

  float scale(int node) const { return node >= 0 ? scale_[static_cast<std::size_t>(node)] : 1.0f; }
  const std::vector<float>& scales() const { return scale_; }
  /// Lumen fraction left by a thrombus or compression at the compartment (1 = free).
  float openFraction(int node) const { return node >= 0 ? open_[static_cast<std::size_t>(node)] : 1.0f; }

  static constexpr float kMinScale = 0.12f;
  static constexpr float kMaxScale = 2.5f;

 private:
  std::vector<double> refArea_;  ///< m^2 per compartment
  std::vector<float> scale_, open_;
  /// Links touching each compartment (CSR: linkStart_[i] .. linkStart_[i + 1] in links_).
  std::vector<int> linkStart_, links_;
  /// Per entry of links_: whether its narrowing pinches that compartment. A link between two
  /// veins (a tributary's junction, a collateral's origin) pinches only the end compartment of
  /// the vein it belongs to, never the middle of the vein it joins (a closed collateral or an
  /// ablated tributary leaves its parent open).
  std::vector<char> pinches_;
};

}  // namespace venaviz::flow
