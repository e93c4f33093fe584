#include "anatomy/anatomy.h"

#include <array>
#include <limits>

namespace venaviz {
namespace {
constexpr std::array<std::string_view, 6> kSystems = {"deep",    "superficial", "perforator",
                                                      "central", "collateral",  "artery"};
constexpr std::array<std::string_view, 6> kRegions = {"leg", "pelvis", "abdomen", "liver", "neck", "thorax"};

template <class E, std::size_t N>
std::optional<E> parseEnum(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
template <std::size_t N>
std::string join(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}
}  // namespace

std::optional<VesselSystem> parseVesselSystem(std::string_view s) {
  return parseEnum<VesselSystem>(kSystems, s);
}
std::string_view toString(VesselSystem s) {
  return kSystems[static_cast<std::size_t>(s)];
}
std::optional<Region> parseRegion(std::string_view s) {
  return parseEnum<Region>(kRegions, s);
}
std::string_view toString(Region r) {
  return kRegions[static_cast<std::size_t>(r)];
}
std::string vesselSystemNames() {
  return join(kSystems);
}
std::string regionNames() {
  return join(kRegions);
}

const Vessel* Anatomy::findVessel(std::string_view id) const {
  const int i = vesselIndex(id);
  return i < 0 ? nullptr : &vessels[static_cast<std::size_t>(i)];
}

int Anatomy::vesselIndex(std::string_view id) const {
  for (std::size_t i = 0; i < vessels.size(); ++i)
    if (vessels[i].id == id) return static_cast<int>(i);
  return -1;
}

const Landmark* Anatomy::findLandmark(std::string_view id) const {
  for (const Landmark& l : landmarks)
    if (l.id == id) return &l;
  return nullptr;
}

void Anatomy::bounds(Vec3& lo, Vec3& hi) const {
  lo = Vec3(std::numeric_limits<float>::max());
  hi = Vec3(std::numeric_limits<float>::lowest());
  for (const Vessel& v : vessels)
    for (std::size_t i = 0; i < v.points.size(); ++i) {
      lo = glm::min(lo, v.points[i] - Vec3(v.radii[i]));
      hi = glm::max(hi, v.points[i] + Vec3(v.radii[i]));
    }
  if (lo.x > hi.x) lo = hi = Vec3(0.0f);
}

}  // namespace venaviz
