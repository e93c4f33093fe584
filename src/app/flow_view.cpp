#include "app/flow_view.h"

#include <algorithm>
#include <cmath>

#include "render/bindings.h"

namespace venaviz {

WallMapRange wallMapRange(WallMap map, bool upright) {
  switch (map) {
    case WallMap::Pressure:
      return {0.0f, upright ? 100.0f : 20.0f, "mmHg", "Pressure"};
    case WallMap::Transmural:
      return {-5.0f, upright ? 95.0f : 15.0f, "mmHg", "Transmural pressure"};
    case WallMap::Velocity:
      return {0.0f, 40.0f, "cm/s", "Speed of blood"};
    case WallMap::Off:
      break;
  }
  return {0.0f, 1.0f, "", ""};
}

std::size_t particleBudget(int quality) {
  switch (quality) {
    case 0:
      return 16000;
    case 2:
      return 200000;
    default:
      return 50000;
  }
}

FlowView::FlowView(const Anatomy& anatomy, const hemo::Engine& engine, std::size_t budget)
    : anatomy_(anatomy), lumen_(engine), tracers_(anatomy, engine.network(), flow::TracerOptions{budget, 1}) {
  const hemo::Network& net = engine.network();
  const std::size_t nv = anatomy.vessels.size();
  sampleNode_.assign(nv * VZ_STATE_SAMPLES, -1);
  for (std::size_t v = 0; v < nv; ++v)
    for (std::size_t k = 0; k < VZ_STATE_SAMPLES; ++k)
      sampleNode_[v * VZ_STATE_SAMPLES + k] =
          net.nodeAt(static_cast<int>(v), static_cast<float>(k) / static_cast<float>(VZ_STATE_SAMPLES - 1));
  valveNode_.assign(anatomy.valves.size(), -1);
  valveCenter_.assign(anatomy.valves.size(), Vec3(0.0f));
  for (std::size_t i = 0; i < anatomy.valves.size(); ++i) {
    float r = 0.0f;
    Vec3 axis;
    anatomy.valveFrame(anatomy.valves[i], valveCenter_[i], axis, r);
    if (i < net.valves.size() && net.valves[i].link >= 0)
      valveNode_[i] = net.links[static_cast<std::size_t>(net.valves[i].link)].a;
  }
  nodeValue_.assign(net.nodes.size(), 0.0f);
  nodeClot_.assign(net.nodes.size(), 0.0f);
  lumen_.update(engine);
  tracers_.seedSteadyState(engine, lumen_);
}

void FlowView::reseed(const hemo::Engine& engine) {
  lumen_.update(engine);
  tracers_.reset();
  tracers_.seedSteadyState(engine, lumen_);
}

void FlowView::advance(const hemo::Engine& engine, double dt) {
  lumen_.update(engine);
  // Long frames (fast forward) are split so a particle never jumps a whole compartment.
  const int parts = std::max(1, static_cast<int>(std::ceil(dt / 0.05)));
  for (int k = 0; k < parts; ++k) tracers_.step(engine, lumen_, dt / parts);
}

const std::vector<flow::ParticleInstance>& FlowView::particles() {
  tracers_.instances(lumen_, instances_);
  return instances_;
}

void FlowView::fillState(const hemo::Engine& engine, WallMap map, int rows, std::vector<float>& texels) const {
  const hemo::Network& net = engine.network();
  texels.assign(static_cast<std::size_t>(rows) * VZ_STATE_SAMPLES * 4, 0.0f);
  // Per compartment: the colour-map value and the share of the lumen a thrombus fills.
  std::fill(nodeClot_.begin(), nodeClot_.end(), 0.0f);
  const hemo::Conditions& c = engine.conditions();
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    if (c.linkLesion.size() <= j || c.linkLesion[j] != hemo::Lesion::Thrombus) continue;
    const auto clot = static_cast<float>(1.0 - c.linkArea[j]);
    const hemo::Link& l = net.links[j];
    for (int n : {l.a, l.b})
      if (n >= 0) nodeClot_[static_cast<std::size_t>(n)] = std::max(nodeClot_[static_cast<std::size_t>(n)], clot);
  }
  if (map != WallMap::Off)
    for (std::size_t n = 0; n < net.nodes.size(); ++n) {
      const hemo::NodeOutput o = engine.node(static_cast<int>(n));
      nodeValue_[n] = static_cast<float>(map == WallMap::Pressure     ? o.pressureMmHg
                                         : map == WallMap::Transmural ? o.transmuralMmHg
                                                                      : std::abs(o.velocityCmS));
    }
  const std::size_t nv = anatomy_.vessels.size();
  for (std::size_t v = 0; v < nv && v < static_cast<std::size_t>(rows); ++v)
    for (std::size_t k = 0; k < VZ_STATE_SAMPLES; ++k) {
      float* t = &texels[(v * VZ_STATE_SAMPLES + k) * 4];
      const int n = sampleNode_[v * VZ_STATE_SAMPLES + k];
      if (n < 0) {
        t[0] = 1.0f;
        continue;
      }
      t[0] = lumen_.scale(n);
      t[1] = nodeValue_[static_cast<std::size_t>(n)];
      t[2] = nodeClot_[static_cast<std::size_t>(n)];
      t[3] = 1.0f;
    }
  for (std::size_t i = 0; i < anatomy_.valves.size(); ++i) {
    const std::size_t row = nv + i / VZ_VALVES_PER_ROW, col = (i % VZ_VALVES_PER_ROW) * 2;
    if (row >= static_cast<std::size_t>(rows)) break;
    float* t = &texels[(row * VZ_STATE_SAMPLES + col) * 4];
    const auto regurgitant = static_cast<float>(i < c.valveRegurgitant.size() ? c.valveRegurgitant[i] : 0.0);
    const auto zeta = static_cast<float>(i < net.valves.size() ? engine.valveOpening(static_cast<int>(i)) : 0.5);
    // A regurgitant valve keeps a gap of that fraction when it closes: leaflets that never meet.
    t[0] = regurgitant + (1.0f - regurgitant) * std::clamp(zeta, 0.0f, 1.0f);
    t[1] = regurgitant;
    t[2] = lumen_.scale(valveNode_[i]);
    t[3] = 1.0f;
    t[4] = valveCenter_[i].x;
    t[5] = valveCenter_[i].y;
    t[6] = valveCenter_[i].z;
  }
}

}  // namespace venaviz
