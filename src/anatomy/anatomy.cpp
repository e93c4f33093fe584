#include "anatomy/anatomy.h"

#include <algorithm>
#include <array>
#include <limits>

#include "anatomy/centerline.h"
#include "core/enum_names.h"

namespace venaviz {
namespace {
constexpr std::array<std::string_view, 6> kSystems = {"deep",    "superficial", "perforator",
                                                      "central", "collateral",  "artery"};
constexpr std::array<std::string_view, 7> kRegions = {"leg", "pelvis", "abdomen", "liver", "neck", "thorax", "head"};
constexpr std::array<std::string_view, kLayerCount> kLayers = {
    "deep", "superficial", "perforators", "collaterals", "arteries", "bones", "muscles", "skin", "organs"};

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
  return joinNames(kSystems);
}
std::string regionNames() {
  return joinNames(kRegions);
}
std::optional<Layer> parseLayer(std::string_view s) {
  return parseEnum<Layer>(kLayers, s);
}
std::string_view toString(Layer l) {
  return kLayers[static_cast<std::size_t>(l)];
}
std::string layerNames() {
  return joinNames(kLayers);
}

Layer layerOf(VesselSystem s) {
  switch (s) {
    case VesselSystem::Deep:
    case VesselSystem::Central:
      return Layer::Deep;
    case VesselSystem::Superficial:
      return Layer::Superficial;
    case VesselSystem::Perforator:
      return Layer::Perforators;
    case VesselSystem::Collateral:
      return Layer::Collaterals;
    case VesselSystem::Artery:
      return Layer::Arteries;
  }
  return Layer::Deep;
}

Vec3 defaultLayerColor(Layer l) {
  switch (l) {
    case Layer::Bones:
      return {0.90f, 0.87f, 0.78f};
    case Layer::Muscles:
      return {0.72f, 0.33f, 0.30f};
    case Layer::Skin:
      return {0.93f, 0.76f, 0.65f};
    case Layer::Organs:
      return {0.55f, 0.25f, 0.22f};
    default:
      return {0.6f, 0.6f, 0.6f};
  }
}

float defaultLayerOpacity(Layer l) {
  switch (l) {
    case Layer::Skin:
      return 0.18f;
    case Layer::Muscles:
      return 0.35f;
    case Layer::Organs:
      return 0.55f;
    default:
      return 1.0f;
  }
}

const Valve* Anatomy::findValve(std::string_view id) const {
  for (const Valve& v : valves)
    if (v.id == id) return &v;
  return nullptr;
}

void Anatomy::valveFrame(const Valve& valve, Vec3& center, Vec3& axis, float& radius) const {
  const Vessel* v = findVessel(valve.vessel);
  if (!v || v->points.size() < 2) {
    center = Vec3(0.0f);
    axis = kSuperior;
    radius = 0.0f;
    return;
  }
  center = polylinePoint(v->points, valve.at);
  const float len = polylineLength(v->points);
  const float d = std::min(0.5f, 0.25f * len) / std::max(len, 1e-3f);
  const Vec3 a = polylinePoint(v->points, std::max(valve.at - d, 0.0f));
  const Vec3 b = polylinePoint(v->points, std::min(valve.at + d, 1.0f));
  axis = glm::length(b - a) > 1e-6f ? glm::normalize(b - a) : kSuperior;
  radius = polylineValue(v->points, v->radii, valve.at);
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
