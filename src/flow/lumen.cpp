#include "flow/lumen.h"

#include <algorithm>
#include <cmath>

namespace venaviz::flow {

Lumen::Lumen(const hemo::Engine& engine) {
  const hemo::Network& net = engine.network();
  const std::size_t n = net.nodes.size();
  refArea_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double a0 = net.nodes[i].area0;
    // A compartment squeezed almost shut at construction would make every later area look
    // huge: floor the reference at a tenth of the zero-pressure area.
    refArea_[i] = std::max(engine.areaRatio(static_cast<int>(i)) * a0, 0.1 * a0);
  }
  // Links touching each compartment, for the lumen fraction the conditions leave.
  linkStart_.assign(n + 1, 0);
  for (const hemo::Link& l : net.links) {
    ++linkStart_[static_cast<std::size_t>(l.a) + 1];
    if (l.b >= 0) ++linkStart_[static_cast<std::size_t>(l.b) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) linkStart_[i + 1] += linkStart_[i];
  links_.resize(static_cast<std::size_t>(linkStart_[n]));
  pinches_.assign(links_.size(), 1);
  std::vector<int> fill(linkStart_.begin(), linkStart_.end() - 1);
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    const bool cross = l.b >= 0 && net.nodes[static_cast<std::size_t>(l.a)].vessel != net.nodes[static_cast<std::size_t>(l.b)].vessel;
    const auto ka = static_cast<std::size_t>(fill[static_cast<std::size_t>(l.a)]++);
    links_[ka] = static_cast<int>(j);
    // Between two veins the link belongs to one of them (Link::owner): only its end is pinched.
    if (cross && net.nodes[static_cast<std::size_t>(l.a)].vessel != l.owner) pinches_[ka] = 0;
    if (l.b >= 0) {
      const auto kb = static_cast<std::size_t>(fill[static_cast<std::size_t>(l.b)]++);
      links_[kb] = static_cast<int>(j);
      if (cross && net.nodes[static_cast<std::size_t>(l.b)].vessel != l.owner) pinches_[kb] = 0;
    }
  }
  scale_.assign(n, 1.0f);
  open_.assign(n, 1.0f);
  update(engine);
}

void Lumen::update(const hemo::Engine& engine) {
  const hemo::Network& net = engine.network();
  const std::vector<double>& linkArea = engine.conditions().linkArea;
  const std::vector<hemo::Lesion>& lesion = engine.conditions().linkLesion;
  const std::size_t n = std::min(net.nodes.size(), refArea_.size());
  for (std::size_t i = 0; i < n; ++i) {
    double open = 1.0, pinched = 1.0;
    for (int k = linkStart_[i]; k < linkStart_[i + 1]; ++k) {
      const auto j = static_cast<std::size_t>(links_[static_cast<std::size_t>(k)]);
      if (j >= linkArea.size() || !pinches_[static_cast<std::size_t>(k)]) continue;
      const double a = std::clamp(linkArea[j], 0.0, 1.0);
      open = std::min(open, a);
      // A compressed or closed vein is pinched from outside; a thrombus fills the lumen of a
      // wall that keeps its size (the renderer draws the clot inside it).
      if (j >= lesion.size() || lesion[j] != hemo::Lesion::Thrombus) pinched = std::min(pinched, a);
    }
    const double area = engine.areaRatio(static_cast<int>(i)) * net.nodes[i].area0;
    // Radius goes with the square root of area; a pinch takes lumen area away too.
    const double s = std::sqrt(std::max(area, 0.0) / refArea_[i]) * std::sqrt(pinched);
    scale_[i] = std::clamp(static_cast<float>(s), kMinScale, kMaxScale);
    open_[i] = static_cast<float>(open);
  }
}

}  // namespace venaviz::flow
