#pragma once
// The lumped network built from the anatomy: each vein is cut into compartments a few cm long
// (with a boundary at every valve), consecutive compartments are joined by vessel links or
// valve links, tributaries join the compartment of their parent at drains_at, capillary beds
// feed the peripheral ends, and the IVC and SVC drain into the right atrium (a pressure node).
// Units: SI (m, m^2, m^3, Pa).
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/params.h"

namespace venaviz::hemo {

/// Which external pressure acts on a compartment.
enum class ExtGroup : std::uint8_t {
  None,       ///< atmospheric / tissue (superficial, neck)
  Thoracic,   ///< SVC, brachiocephalic, azygos, intrathoracic IVC
  Abdominal,  ///< abdominal IVC, iliac, renal, gonadal, lumbar, hepatic
  CalfLeft,
  CalfRight,  ///< deep calf veins and muscle sinuses (calf pump)
  ThighLeft,
  ThighRight,  ///< deep thigh veins (thigh pump)
  FootLeft,
  FootRight,  ///< plantar veins (foot pump)
  Cranial,    ///< lumped cerebral sinus (intracranial pressure)
};
inline constexpr int kExtGroupCount = 10;

struct Compartment {
  int vessel = -1;                         ///< anatomy vessel index (-1: the lumped cerebral sinus)
  float fracStart = 0.0f, fracEnd = 0.0f;  ///< along the vessel
  Vec3 center{0.0f};                       ///< cm, body frame (for heights and probes)
  double length = 0.0;                     ///< m
  double area0 = 0.0;                      ///< m^2 at zero transmural pressure
  double kp = 0.0;                         ///< Pa
  ExtGroup group = ExtGroup::None;
  int side = 0;  ///< -1 right, +1 left, 0 midline
  bool superficial = false;
};

enum class LinkKind : std::uint8_t { Vessel, Valve, Junction };

struct Link {
  int a = -1, b = -1;  ///< compartments; b = kAtriumNode for the outflow to the atrium
  LinkKind kind = LinkKind::Vessel;
  int valve = -1;       ///< index into Network::valves for valve links
  double length = 0.0;  ///< m, centre to centre
  /// Pa s/m^3: a lumped resistance (the liver's sinusoids) instead of Poiseuille's from the
  /// two ends' areas; 0 for ordinary links.
  double resistance = 0.0;
  /// The anatomy vessel the link belongs to: its own vessel inside it, the tributary for a
  /// junction, the collateral or perforator for an origin (-1 for the lumped beds). A lesion of
  /// that vessel narrows the link; the renderer pinches only that vessel's end there.
  int owner = -1;
};
inline constexpr int kAtriumNode = -1;  ///< Link::b value for the outflow into the right atrium

struct ValveSite {
  int anatomyValve = -1;  ///< index in anatomy.valves
  int link = -1;
  double annulus = 0.0;    ///< m^2
  double lengthEff = 0.0;  ///< m
};

/// A capillary bed: arterial pressure (at its height) through R into a compartment, or a fixed
/// flow (brain autoregulation, engine.md §1.9).
struct Bed {
  int node = -1;
  double targetFlow = 0.0;  ///< m^3/s at supine rest (sizes R)
  double resistance = 0.0;  ///< Pa s/m^3 (0: fixed flow)
  std::string region;       ///< "leg_left", "pelvis", "kidney", "liver", "head", "arm", "trunk"
};

struct Network {
  std::vector<Compartment> nodes;
  std::vector<Link> links;
  std::vector<ValveSite> valves;  ///< one per anatomy valve (same order)
  std::vector<Bed> beds;
  /// For each anatomy vessel, its compartments in order of flow.
  std::vector<std::vector<int>> vesselNodes;
  Vec3 raCenter{-2.0f, -14.5f, 131.5f};  ///< cm (anatomy.md §3 #36)
  /// The liver's sinusoidal bed (-1 when the scene has no portal system): fed by the portal
  /// branches and the hepatic artery, drained by the hepatic and caudate veins.
  int sinusoids = -1;

  /// Compartment holding fraction f of a vessel (-1 if the vessel has none, e.g. an artery).
  int nodeAt(int vessel, float fraction) const;
};


/// The links by which blood leaves the skull: out of the lumped cerebral sinus, or, with the dural
/// sinuses drawn (region head), from a sinus into a vein outside it. Split by where they lead: the
/// internal jugular veins, and the vertebral route (the vertebral veins by the condylar veins, the
/// vertebral venous plexus by the occipital sinus).
struct CerebralExits {
  std::vector<int> jugular, vertebral;
};
CerebralExits cerebralExits(const Network& net, const Anatomy& anatomy);

/// Builds the network from the anatomy's veins (arteries are context only).
Network buildNetwork(const Anatomy& anatomy, const Params& params);

}  // namespace venaviz::hemo
