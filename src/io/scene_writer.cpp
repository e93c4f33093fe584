#include "io/json_file.h"
#include "io/scene.h"

namespace venaviz::io {
namespace {
Json vec(Vec3 v) {
  return Json::array({v.x, v.y, v.z});
}
}  // namespace

std::string sceneInfoJson(const Scene& scene) {
  Json root;
  root["name"] = scene.name;
  root["file"] = scene.path.string();
  root["units"] = {{"length", "cm"},
                   {"frame", "x patient's left, y posterior, z superior; origin on the floor between the heels"}};
  Json vessels = Json::array();
  for (const Vessel& v : scene.anatomy.vessels) {
    Json j;
    j["id"] = v.id;
    j["name"] = v.name;
    j["system"] = std::string(toString(v.system));
    j["region"] = std::string(toString(v.region));
    j["drains_into"] = v.drainsInto;
    j["drains_at"] = v.drainsAt;
    Json pts = Json::array();
    for (const Vec3& p : v.points) pts.push_back(vec(p));
    j["points"] = pts;
    j["radii"] = v.radii;
    if (v.restOpen < 1.0f) j["rest_open"] = v.restOpen;
    vessels.push_back(j);
  }
  root["vessels"] = vessels;
  Json landmarks = Json::array();
  for (const Landmark& l : scene.anatomy.landmarks)
    landmarks.push_back({{"id", l.id}, {"name", l.name}, {"position", vec(l.position)}});
  root["landmarks"] = landmarks;
  Json valves = Json::array();
  for (const Valve& v : scene.anatomy.valves) {
    Vec3 c, axis;
    float r = 0.0f;
    scene.anatomy.valveFrame(v, c, axis, r);
    valves.push_back({{"id", v.id},
                      {"name", v.name},
                      {"vessel", v.vessel},
                      {"at", v.at},
                      {"position", vec(c)},
                      {"flow_direction", vec(axis)},
                      {"radius", r}});
  }
  root["valves"] = valves;
  Json models = Json::array();
  for (const ContextModel& m : scene.anatomy.models)
    models.push_back(
        {{"id", m.id}, {"name", m.name}, {"file", m.resolvedPath}, {"layer", std::string(toString(m.layer))}});
  root["models"] = models;
  return root.dump(2) + "\n";
}

}  // namespace venaviz::io
