#include <algorithm>
#include <cmath>
#include <set>

#include "anatomy/validate.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/limits.h"
#include "io/scene.h"

namespace venaviz::io {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxIncludeDepth = 8;

Vec3 readVec3(const JsonReader& r) {
  const Json& v = r.value();
  if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number())
    r.fail("expected a point [x, y, z] in cm, got " + describe(v));
  for (std::size_t k = 0; k < 3; ++k)
    if (!(std::abs(v[k].get<double>()) <= limits::kCoordinateCm))
      r.fail("expected a point [x, y, z] in cm within " + std::to_string(static_cast<int>(limits::kCoordinateCm)) +
             " cm of the origin, got " + v.dump());
  return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
}

double centerlineLength(const Vessel& v) {
  double length = 0.0;
  for (std::size_t i = 1; i < v.points.size(); ++i) length += glm::length(v.points[i] - v.points[i - 1]);
  return length;
}

Vessel readVessel(const JsonReader& r) {
  r.allowKeys({"id", "name", "system", "region", "drains_into", "drains_at", "points", "radii", "radius",
               "description_student", "description_patient", "rest_open"});
  Vessel v;
  v.id = r.string("id");
  if (!isValidId(v.id)) r.failKey("id", "\"" + v.id + "\" is not a valid id; expected lower-case snake_case");
  v.name = r.string("name", v.id);
  const std::string system = r.string("system");
  auto sys = parseVesselSystem(system);
  if (!sys) r.failKey("system", "unknown system \"" + system + "\"; expected one of: " + vesselSystemNames());
  v.system = *sys;
  const std::string region = r.string("region");
  auto reg = parseRegion(region);
  if (!reg) r.failKey("region", "unknown region \"" + region + "\"; expected one of: " + regionNames());
  v.region = *reg;
  v.drainsInto = r.string("drains_into", "");
  v.drainsAt = static_cast<float>(r.number("drains_at", 0.0));
  if (v.drainsAt < 0.0f || v.drainsAt > 1.0f) r.failKey("drains_at", "expected a fraction in [0, 1]");
  v.descriptionStudent = r.string("description_student", "");
  v.descriptionPatient = r.string("description_patient", "");
  v.restOpen = static_cast<float>(r.number("rest_open", 1.0));
  if (!(v.restOpen >= 0.0f && v.restOpen <= 1.0f))
    r.failKey("rest_open", "expected the fraction of the lumen open in health, 0 to 1");

  JsonReader pts = r.child("points");
  if (!pts.value().is_array()) pts.fail("expected an array of points [x, y, z] in cm, got " + describe(pts.value()));
  pts.requireArrayAtMost(limits::kPointsPerVessel, "points");
  if (pts.value().size() < 2)
    pts.fail("a centerline needs at least 2 points, got " + std::to_string(pts.value().size()));
  for (std::size_t i = 0; i < pts.value().size(); ++i) v.points.push_back(readVec3(pts.element(i)));
  if (const double length = centerlineLength(v); length > limits::kVesselLengthCm)
    pts.fail("the centerline is " + std::to_string(static_cast<long long>(length)) + " cm long; expected at most " +
             std::to_string(static_cast<int>(limits::kVesselLengthCm)) + " cm");

  if (r.has("radii") == r.has("radius")) r.fail("expected exactly one of \"radii\" (one per point) or \"radius\"");
  if (r.has("radius")) {
    const double radius = r.number("radius");
    if (!(radius > 0.0 && radius <= limits::kRadiusCm))
      r.failKey("radius", "expected a positive radius in cm, at most " + std::to_string(static_cast<int>(limits::kRadiusCm)) +
                              ", got " + r.child("radius").value().dump());
    v.radii.assign(v.points.size(), static_cast<float>(radius));
  } else {
    JsonReader radii = r.child("radii");
    if (!radii.value().is_array()) radii.fail("expected an array of radii in cm, got " + describe(radii.value()));
    if (radii.value().size() != v.points.size())
      radii.fail("expected " + std::to_string(v.points.size()) + " radii (one per point), got " +
                 std::to_string(radii.value().size()));
    for (std::size_t i = 0; i < radii.value().size(); ++i) {
      const Json& e = radii.value()[i];
      if (!e.is_number() || !(e.get<double>() > 0.0))
        radii.element(i).fail("expected a positive radius in cm, got " + describe(e));
      if (!(e.get<double>() <= limits::kRadiusCm))
        radii.element(i).fail("expected a radius of at most " + std::to_string(static_cast<int>(limits::kRadiusCm)) +
                              " cm, got " + describe(e));
      v.radii.push_back(e.get<float>());
    }
  }
  return v;
}

Vec3 readColor(const JsonReader& r) {
  const Json& v = r.value();
  if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number())
    r.fail("expected a colour [r, g, b] with components in 0..1, got " + describe(v));
  Vec3 c{v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
  if (glm::any(glm::lessThan(c, Vec3(0.0f))) || glm::any(glm::greaterThan(c, Vec3(1.0f))))
    r.fail("colour components must be in 0..1");
  return c;
}

Valve readValve(const JsonReader& r) {
  r.allowKeys({"id", "name", "vessel", "at"});
  Valve v;
  v.id = r.string("id");
  const auto dot = v.id.rfind(".v");
  if (dot == std::string::npos || dot == 0 || dot + 2 >= v.id.size() || !isValidId(v.id.substr(0, dot)) ||
      v.id.find_first_not_of("0123456789", dot + 2) != std::string::npos)
    r.failKey("id",
              "\"" + v.id + "\" is not a valid valve id; expected <vessel id>.v<number>, e.g. femoral_vein_left.v1");
  v.name = r.string("name", "");
  v.vessel = r.string("vessel");
  v.at = static_cast<float>(r.number("at"));
  if (!(v.at > 0.0f && v.at < 1.0f)) r.failKey("at", "valve is outside its vessel; expected a fraction in (0, 1)");
  return v;
}

ContextModel readModel(const JsonReader& r, const fs::path& baseDir) {
  r.allowKeys({"id", "name", "file", "layer", "color", "opacity", "scale", "offset"});
  ContextModel m;
  m.id = r.string("id");
  if (!isValidId(m.id)) r.failKey("id", "\"" + m.id + "\" is not a valid id; expected lower-case snake_case");
  m.name = r.string("name", m.id);
  m.file = r.string("file");
  m.resolvedPath = (baseDir / m.file).lexically_normal().string();
  const std::string layer = r.string("layer");
  auto l = parseLayer(layer);
  if (!l || *l < Layer::Bones)
    r.failKey("layer", "unknown layer \"" + layer + "\" for a model; expected one of: bones, muscles, skin, organs");
  m.layer = *l;
  m.color = r.has("color") ? readColor(r.child("color")) : defaultLayerColor(m.layer);
  m.opacity = static_cast<float>(r.number("opacity", defaultLayerOpacity(m.layer)));
  if (m.opacity < 0.0f || m.opacity > 1.0f) r.failKey("opacity", "expected a number in 0..1");
  m.scale = static_cast<float>(r.number("scale", 1.0));
  if (!(m.scale > 0.0f && m.scale <= limits::kModelScale))
    r.failKey("scale", "expected a positive number, at most " + std::to_string(static_cast<int>(limits::kModelScale)));
  if (r.has("offset")) m.offset = readVec3(r.child("offset"));
  return m;
}

Landmark readLandmark(const JsonReader& r) {
  r.allowKeys({"id", "name", "position"});
  Landmark l;
  l.id = r.string("id");
  if (!isValidId(l.id)) r.failKey("id", "\"" + l.id + "\" is not a valid id; expected lower-case snake_case");
  l.name = r.string("name", l.id);
  l.position = readVec3(r.child("position"));
  return l;
}

template <class T>
void upsert(std::vector<T>& items, T item);

/// Reads an array of objects with ids; duplicates within one file are errors, entries with an
/// id from an included file replace it. `noun`: "vessel", "valve"...
template <class T, class F>
void readList(const JsonReader& r, const char* key, const std::string& noun, std::size_t limit, std::vector<T>& out,
              F read) {
  if (!r.has(key)) return;
  JsonReader list = r.child(key);
  if (!list.value().is_array()) list.fail("expected an array of " + noun + "s, got " + describe(list.value()));
  list.requireArrayAtMost(limit, noun + "s");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.value().size(); ++i) {
    const Json& e = list.value()[i];
    const std::string label =
        e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>() : "";
    JsonReader er = list.element(i, label);
    er.requireObject();
    T item = read(er);
    if (!ids.insert(item.id).second) er.failKey("id", "duplicate " + noun + " id \"" + item.id + "\"");
    upsert(out, std::move(item));
    if (out.size() > limit)  // with the included files' ones
      er.fail("more than " + std::to_string(limit) + " " + noun + "s in the scene with its includes (docs/reliability.md, Limits)");
  }
}

template <class T>
void upsert(std::vector<T>& items, T item) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == item.id; });
  if (it != items.end())
    *it = std::move(item);
  else
    items.push_back(std::move(item));
}

void readInto(Scene& scene, const Json& root, const std::string& name, const fs::path& baseDir, int depth,
              std::vector<fs::path>& stack) {
  JsonReader r(root, name, "");
  r.allowKeys({"format", "version", "name", "description", "include", "remove", "view", "vessels", "landmarks",
               "valves", "models"});
  if (r.has("format") && r.string("format") != "venaviz-scene") r.failKey("format", "expected \"venaviz-scene\"");
  if (r.has("version") && r.number("version") != 1.0) r.failKey("version", "unsupported version; expected 1");

  if (r.has("include")) {
    JsonReader inc = r.child("include");
    if (!inc.value().is_array()) inc.fail("expected an array of scene file paths");
    for (std::size_t i = 0; i < inc.value().size(); ++i) {
      JsonReader e = inc.element(i);
      if (!e.value().is_string()) e.fail("expected a file path string, got " + describe(e.value()));
      fs::path p = baseDir / e.value().get<std::string>();
      std::error_code ec;
      fs::path canon = fs::weakly_canonical(p, ec);
      if (depth >= kMaxIncludeDepth || std::find(stack.begin(), stack.end(), canon) != stack.end())
        e.fail("include cycle or nesting deeper than " + std::to_string(kMaxIncludeDepth) + " through " + p.string());
      if (!fs::exists(p, ec)) e.fail("included file " + p.string() + " does not exist");
      if (scene.includes.size() + stack.size() >= limits::kSceneFiles)
        e.fail("more than " + std::to_string(limits::kSceneFiles) +
               " files read for one scene (with its includes); expected fewer includes");
      stack.push_back(canon);
      readInto(scene, parseJsonFile(p, limits::kSceneBytes), p.string(), p.parent_path(), depth + 1, stack);
      stack.pop_back();
      scene.includes.push_back(p);
    }
  }
  if (r.has("remove")) {
    JsonReader rem = r.child("remove");
    if (!rem.value().is_array()) rem.fail("expected an array of vessel or landmark ids");
    rem.requireArrayAtMost(limits::kRemovals, "ids to remove");
    for (std::size_t i = 0; i < rem.value().size(); ++i) {
      JsonReader e = rem.element(i);
      if (!e.value().is_string()) e.fail("expected an id string, got " + describe(e.value()));
      const std::string id = e.value().get<std::string>();
      Anatomy& an = scene.anatomy;
      const auto count = [&] { return an.vessels.size() + an.landmarks.size() + an.valves.size() + an.models.size(); };
      const auto before = count();
      std::erase_if(an.vessels, [&](const Vessel& v) { return v.id == id; });
      std::erase_if(an.landmarks, [&](const Landmark& l) { return l.id == id; });
      std::erase_if(an.models, [&](const ContextModel& m) { return m.id == id; });
      // Removing a vessel removes its valves too; a valve can also be removed by its id.
      std::erase_if(an.valves, [&](const Valve& v) { return v.id == id || v.vessel == id; });
      if (count() == before) e.fail("no vessel, valve, model or landmark \"" + id + "\" to remove");
    }
  }
  scene.name = r.string("name", scene.name);
  scene.description = r.string("description", scene.description);
  if (r.has("view")) {
    JsonReader v = r.child("view");
    v.allowKeys({"preset", "target", "distance"});
    if (v.has("preset")) {
      const std::string preset = v.string("preset");
      auto view = parseView(preset);
      if (!view)
        v.failKey("preset", "unknown view \"" + preset +
                                "\"; expected one of: anterior, posterior, left, right, "
                                "superior, inferior");
      scene.view.preset = *view;
    }
    if (v.has("target")) scene.view.target = readVec3(v.child("target"));
    if (v.has("distance")) {
      const double d = v.number("distance");
      if (!(d > 0.0)) v.failKey("distance", "expected a positive distance in cm");
      scene.view.distance = static_cast<float>(d);
    }
  }
  readList<Vessel>(r, "vessels", "vessel", limits::kVessels, scene.anatomy.vessels,
                   [](const JsonReader& e) { return readVessel(e); });
  readList<Landmark>(r, "landmarks", "landmark", limits::kLandmarks, scene.anatomy.landmarks,
                     [](const JsonReader& e) { return readLandmark(e); });
  readList<Valve>(r, "valves", "valve", limits::kValves, scene.anatomy.valves,
                  [](const JsonReader& e) { return readValve(e); });
  readList<ContextModel>(r, "models", "model", limits::kModels, scene.anatomy.models,
                         [&](const JsonReader& e) { return readModel(e, baseDir); });
}

}  // namespace

Scene parseScene(const std::string& text, const std::string& name, const fs::path& baseDir) {
  Scene scene;
  scene.path = name;
  std::error_code ec;
  std::vector<fs::path> stack{fs::weakly_canonical(fs::path(name), ec)};
  readInto(scene, parseJsonText(text, name), name, baseDir, 0, stack);
  if (scene.anatomy.vessels.empty()) throw Error(name + ": the scene has no vessels; expected a \"vessels\" array");
  double length = 0.0;
  for (const Vessel& v : scene.anatomy.vessels) length += centerlineLength(v);
  if (length > limits::kSceneLengthCm)
    throw Error(name + ": vessels: " + std::to_string(static_cast<long long>(length)) +
                " cm of centerlines in all; expected at most " + std::to_string(static_cast<int>(limits::kSceneLengthCm)) +
                " cm (docs/reliability.md, Limits)");
  const auto problems = validateAnatomy(scene.anatomy);
  if (!problems.empty()) throw Error(oneLine(name + ": " + problems.front()));
  if (scene.name.empty()) scene.name = fs::path(name).stem().string();
  return scene;
}

Scene loadScene(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path.string() + ": file not found; expected a venaviz scene (.json)");
  return parseScene(readFile(path, limits::kSceneBytes), path.string(), path.parent_path());
}

}  // namespace venaviz::io
