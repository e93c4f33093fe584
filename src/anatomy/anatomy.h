#pragma once
// The anatomy as plain data: vessels (centerlines with radii), landmarks. Units: cm, body frame.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"

namespace venaviz {

enum class VesselSystem { Deep, Superficial, Perforator, Central, Collateral, Artery };
enum class Region { Leg, Pelvis, Abdomen, Liver, Neck, Thorax };

std::optional<VesselSystem> parseVesselSystem(std::string_view name);
std::string_view toString(VesselSystem system);
std::optional<Region> parseRegion(std::string_view name);
std::string_view toString(Region region);
/// Allowed names, comma separated, for error messages.
std::string vesselSystemNames();
std::string regionNames();

/// Id of the sink every venous chain must reach.
inline constexpr std::string_view kRightAtrium = "right_atrium";

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

  bool isArtery() const { return system == VesselSystem::Artery; }
};

struct Landmark {
  std::string id;
  std::string name;
  Vec3 position{0.0f};  ///< cm
};

struct Anatomy {
  std::vector<Vessel> vessels;
  std::vector<Landmark> landmarks;

  const Vessel* findVessel(std::string_view id) const;
  const Landmark* findLandmark(std::string_view id) const;
  /// Index of a vessel, or -1.
  int vesselIndex(std::string_view id) const;
  /// Axis-aligned bounds of all centerlines, padded by radii.
  void bounds(Vec3& lo, Vec3& hi) const;
};

}  // namespace venaviz
