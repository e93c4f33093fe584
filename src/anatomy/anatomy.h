#pragma once
// The anatomy as plain data: vessels (centerlines with radii), landmarks. Units: cm, body frame.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"

namespace venaviz {

enum class VesselSystem { Deep, Superficial, Perforator, Central, Collateral, Artery };
enum class Region { Leg, Pelvis, Abdomen, Liver, Neck, Thorax, Head };

std::optional<VesselSystem> parseVesselSystem(std::string_view name);
std::string_view toString(VesselSystem system);
std::optional<Region> parseRegion(std::string_view name);
std::string_view toString(Region region);
/// Allowed names, comma separated, for error messages.
std::string vesselSystemNames();
std::string regionNames();

/// Id of the sink every venous chain must reach.
inline constexpr std::string_view kRightAtrium = "right_atrium";
/// The liver's sinusoidal bed: where the portal vein's branches end. The engine joins it to the
/// hepatic veins (and the caudate lobe veins), so a chain may end here instead.
inline constexpr std::string_view kLiverSinusoids = "liver_sinusoids";

struct Vessel {
  std::string id;    ///< stable snake_case id, e.g. "femoral_vein_left"
  std::string name;  ///< display name
  VesselSystem system = VesselSystem::Deep;
  Region region = Region::Leg;
  std::string drainsInto;    ///< id of the vessel it joins, "right_atrium", or "" (arteries)
  float drainsAt = 0.0f;     ///< fraction [0,1] along drainsInto's centerline
  std::vector<Vec3> points;  ///< centerline in cm, in the direction of flow (>= 2)
  std::vector<float> radii;  ///< lumen radius in cm at each point (> 0)
  std::string descriptionStudent;
  std::string descriptionPatient;
  /// Fraction of the drawn lumen (area) open in health: 1 for ordinary veins; small for
  /// collaterals drawn at the size they reach under raised pressure (they open with the
  /// collateral_development condition); 0 for a shunt or graft that only a treatment puts in.
  float restOpen = 1.0f;

  bool isArtery() const { return system == VesselSystem::Artery; }
};

/// A venous valve: a place on a vein; its axis is the vessel's flow direction there.
struct Valve {
  std::string id;      ///< "<vessel id>.v<N>", N = 1 nearest the heart
  std::string name;    ///< e.g. "Terminal valve" (may be empty)
  std::string vessel;  ///< id of the vein it sits in
  float at = 0.5f;     ///< arc-length fraction along the vessel, (0, 1)
};

/// What a layer toggle shows or hides.
enum class Layer { Deep, Superficial, Perforators, Collaterals, Arteries, Bones, Muscles, Skin, Organs };
inline constexpr int kLayerCount = 9;
std::optional<Layer> parseLayer(std::string_view name);
std::string_view toString(Layer layer);
std::string layerNames();
/// The layer a vessel belongs to (central veins count as deep).
Layer layerOf(VesselSystem system);

/// A context structure (skin, bone, muscle, organ) drawn from a model file.
struct ContextModel {
  std::string id;
  std::string name;
  std::string file;          ///< as written in the scene
  std::string resolvedPath;  ///< file resolved against the scene's folder
  Layer layer = Layer::Organs;
  Vec3 color{0.8f};  ///< sRGB 0..1
  float opacity = 1.0f;
  float scale = 1.0f;
  Vec3 offset{0.0f};  ///< cm
};

/// Default look of a context layer (sRGB colour, opacity).
Vec3 defaultLayerColor(Layer layer);
float defaultLayerOpacity(Layer layer);

struct Landmark {
  std::string id;
  std::string name;
  Vec3 position{0.0f};  ///< cm
};

struct Anatomy {
  std::vector<Vessel> vessels;
  std::vector<Landmark> landmarks;
  std::vector<Valve> valves;
  std::vector<ContextModel> models;

  const Vessel* findVessel(std::string_view id) const;
  const Landmark* findLandmark(std::string_view id) const;
  /// Index of a vessel, or -1.
  int vesselIndex(std::string_view id) const;
  const Valve* findValve(std::string_view id) const;
  /// Centre and unit flow direction of a valve (vessel polyline at its fraction).
  void valveFrame(const Valve& valve, Vec3& center, Vec3& axis, float& radius) const;
  /// Axis-aligned bounds of all centerlines, padded by radii.
  void bounds(Vec3& lo, Vec3& hi) const;
};

}  // namespace venaviz
