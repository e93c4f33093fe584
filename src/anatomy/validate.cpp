#include "anatomy/validate.h"

#include <cmath>
#include <set>

namespace venaviz {

bool isValidId(const std::string& id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::vector<std::string> validateAnatomy(const Anatomy& a) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const Vessel& v : a.vessels) {
    const std::string who = "vessel \"" + v.id + "\"";
    if (!isValidId(v.id)) problems.push_back(who + ": id must be lower-case snake_case");
    if (!seen.insert(v.id).second) problems.push_back(who + ": duplicate id");
    if (v.points.size() < 2) problems.push_back(who + ": centerline needs at least 2 points");
    if (v.radii.size() != v.points.size())
      problems.push_back(who + ": " + std::to_string(v.radii.size()) + " radii for " + std::to_string(v.points.size()) +
                         " points; expected one radius per point");
    for (float r : v.radii)
      if (!(r > 0.0f) || !std::isfinite(r)) {
        problems.push_back(who + ": radius " + std::to_string(r) + " cm; expected a positive radius");
        break;
      }
    for (const Vec3& p : v.points)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
        problems.push_back(who + ": centerline point is not a finite number");
        break;
      }
    if (!(v.restOpen >= 0.0f && v.restOpen <= 1.0f))
      problems.push_back(who + ": rest_open " + std::to_string(v.restOpen) + "; expected a fraction in [0, 1]");
    if (!(v.drainsAt >= 0.0f && v.drainsAt <= 1.0f))
      problems.push_back(who + ": drains_at " + std::to_string(v.drainsAt) + "; expected a fraction in [0, 1]");
    if (v.isArtery()) continue;
    if (v.drainsInto.empty()) {
      problems.push_back(who + ": drains_into is empty; every vein must drain into a vessel or \"right_atrium\"");
    } else if (v.drainsInto == kLiverSinusoids) {
      if (v.region != Region::Liver)
        problems.push_back(who + ": drains into \"liver_sinusoids\" but lies in region " +
                           std::string(toString(v.region)) + "; expected a portal branch in region liver");
    } else if (v.drainsInto != kRightAtrium) {
      const Vessel* target = a.findVessel(v.drainsInto);
      if (!target)
        problems.push_back(who + ": drains_into \"" + v.drainsInto + "\" is not a vessel in this scene");
      else if (target->isArtery())
        problems.push_back(who + ": drains_into \"" + v.drainsInto + "\" is an artery");
    }
  }
  std::set<std::string> valveIds;
  for (const Valve& valve : a.valves) {
    const std::string who = "valve \"" + valve.id + "\"";
    if (!valveIds.insert(valve.id).second) problems.push_back(who + ": duplicate id");
    const Vessel* v = a.findVessel(valve.vessel);
    if (!v)
      problems.push_back(who + ": vessel \"" + valve.vessel + "\" is not in this scene");
    else if (v->isArtery())
      problems.push_back(who + ": \"" + valve.vessel + "\" is an artery; valves belong in veins");
    if (!(valve.at > 0.0f && valve.at < 1.0f))
      problems.push_back(who + ": at " + std::to_string(valve.at) +
                         " is outside its vessel; expected a fraction in (0, 1)");
  }
  if (!problems.empty()) return problems;
  // Every vein's chain must end at the right atrium without looping.
  for (const Vessel& v : a.vessels) {
    if (v.isArtery()) continue;
    std::set<std::string> chain{v.id};
    const Vessel* cur = &v;
    while (cur->drainsInto != kRightAtrium && cur->drainsInto != kLiverSinusoids) {
      cur = a.findVessel(cur->drainsInto);
      if (!chain.insert(cur->id).second) {
        problems.push_back("vessel \"" + v.id + "\": its drainage chain loops back through \"" + cur->id + "\"");
        break;
      }
    }
  }
  return problems;
}

}  // namespace venaviz
