#include <algorithm>
#include <set>

#include "anatomy/validate.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/scene.h"

namespace venaviz::io {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxIncludeDepth = 8;

Vec3 readVec3(const JsonReader& r) {
  const Json& v = r.value();
  if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number())
    r.fail("expected a point [x, y, z] in cm, got " + describe(v));
  return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
}

Vessel readVessel(const JsonReader& r) {
  r.allowKeys({"id", "name", "system", "region", "drains_into", "drains_at", "points", "radii", "radius",
               "description_student", "description_patient"});
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

  JsonReader pts = r.child("points");
  if (!pts.value().is_array()) pts.fail("expected an array of points [x, y, z] in cm, got " + describe(pts.value()));
  if (pts.value().size() < 2)
    pts.fail("a centerline needs at least 2 points, got " + std::to_string(pts.value().size()));
  for (std::size_t i = 0; i < pts.value().size(); ++i) v.points.push_back(readVec3(pts.element(i)));

  if (r.has("radii") == r.has("radius")) r.fail("expected exactly one of \"radii\" (one per point) or \"radius\"");
  if (r.has("radius")) {
    const double radius = r.number("radius");
    if (!(radius > 0.0)) r.failKey("radius", "expected a positive radius in cm, got " + std::to_string(radius));
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
      v.radii.push_back(e.get<float>());
    }
  }
  return v;
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
  r.allowKeys({"format", "version", "name", "description", "include", "remove", "view", "vessels", "landmarks"});
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
      stack.push_back(canon);
      readInto(scene, parseJsonFile(p), p.string(), p.parent_path(), depth + 1, stack);
      stack.pop_back();
      scene.includes.push_back(p);
    }
  }
  if (r.has("remove")) {
    JsonReader rem = r.child("remove");
    if (!rem.value().is_array()) rem.fail("expected an array of vessel or landmark ids");
    for (std::size_t i = 0; i < rem.value().size(); ++i) {
      JsonReader e = rem.element(i);
      if (!e.value().is_string()) e.fail("expected an id string, got " + describe(e.value()));
      const std::string id = e.value().get<std::string>();
      auto& vs = scene.anatomy.vessels;
      auto& ls = scene.anatomy.landmarks;
      const auto before = vs.size() + ls.size();
      std::erase_if(vs, [&](const Vessel& v) { return v.id == id; });
      std::erase_if(ls, [&](const Landmark& l) { return l.id == id; });
      if (vs.size() + ls.size() == before) e.fail("no vessel or landmark \"" + id + "\" to remove");
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
  std::set<std::string> idsHere;
  if (r.has("vessels")) {
    JsonReader vs = r.child("vessels");
    if (!vs.value().is_array()) vs.fail("expected an array of vessels, got " + describe(vs.value()));
    for (std::size_t i = 0; i < vs.value().size(); ++i) {
      const Json& e = vs.value()[i];
      const std::string label =
          e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>() : "";
      JsonReader er = vs.element(i, label);
      er.requireObject();
      Vessel v = readVessel(er);
      if (!idsHere.insert(v.id).second) er.failKey("id", "duplicate vessel id \"" + v.id + "\"");
      upsert(scene.anatomy.vessels, std::move(v));
    }
  }
  if (r.has("landmarks")) {
    JsonReader ls = r.child("landmarks");
    if (!ls.value().is_array()) ls.fail("expected an array of landmarks, got " + describe(ls.value()));
    std::set<std::string> lids;
    for (std::size_t i = 0; i < ls.value().size(); ++i) {
      JsonReader er = ls.element(i);
      er.requireObject();
      Landmark l = readLandmark(er);
      if (!lids.insert(l.id).second) er.failKey("id", "duplicate landmark id \"" + l.id + "\"");
      upsert(scene.anatomy.landmarks, std::move(l));
    }
  }
}

}  // namespace

Scene parseScene(const std::string& text, const std::string& name, const fs::path& baseDir) {
  Scene scene;
  scene.path = name;
  std::error_code ec;
  std::vector<fs::path> stack{fs::weakly_canonical(fs::path(name), ec)};
  readInto(scene, parseJsonText(text, name), name, baseDir, 0, stack);
  if (scene.anatomy.vessels.empty()) throw Error(name + ": the scene has no vessels; expected a \"vessels\" array");
  const auto problems = validateAnatomy(scene.anatomy);
  if (!problems.empty()) throw Error(oneLine(name + ": " + problems.front()));
  if (scene.name.empty()) scene.name = fs::path(name).stem().string();
  return scene;
}

Scene loadScene(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path.string() + ": file not found; expected a venaviz scene (.json)");
  return parseScene(readFile(path), path.string(), path.parent_path());
}

}  // namespace venaviz::io
