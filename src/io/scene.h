#pragma once
// A scene: the anatomy plus how to show it. Read from JSON (docs/scene-format.md).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "core/camera.h"

namespace venaviz {

struct SceneView {
  View preset = View::Anterior;   ///< default: anterior
  std::optional<Vec3> target;     ///< cm; default: centre of the anatomy's bounds
  std::optional<float> distance;  ///< cm; default: fits the bounds
};

struct Scene {
  std::string name;
  std::string description;
  Anatomy anatomy;
  SceneView view;
  std::filesystem::path path;                   ///< file it was read from
  std::vector<std::filesystem::path> includes;  ///< files it included, in order
};

namespace io {

/// Reads a scene file (following "include"s), validates it, and throws venaviz::Error with a
/// one-line message naming the file and the key or line/column on any problem.
Scene loadScene(const std::filesystem::path& path);

/// Same from text in memory (includes resolve relative to `baseDir`).
Scene parseScene(const std::string& text, const std::string& name, const std::filesystem::path& baseDir);

/// The loaded anatomy as JSON (for `venaviz info --json`): vessels with ids, names, system,
/// region, drains-into, centerline points and radii in cm; landmarks.
std::string sceneInfoJson(const Scene& scene);

}  // namespace io
}  // namespace venaviz
