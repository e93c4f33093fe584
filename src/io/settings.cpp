#include "io/settings.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"

namespace venaviz::io {

Settings loadSettings(const std::filesystem::path& path, std::string& message) {
  message.clear();
  Settings s;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return s;
  try {
    const Json json = parseJsonFile(path);
    const JsonReader r(json, path.string(), "");
    r.requireObject();
    r.allowKeys({"format", "version", "ui_scale", "quality", "particle_color", "labels", "last_scene"});
    if (r.string("format", "venaviz-settings") != "venaviz-settings")
      r.failKey("format", "expected \"venaviz-settings\"");
    const double scale = r.number("ui_scale", 1.0);
    if (!(scale >= 1.0 && scale <= 3.0)) r.failKey("ui_scale", "expected a number from 1 to 3");
    s.uiScale = static_cast<float>(scale);
    s.quality = r.string("quality", "");
    if (!s.quality.empty() && s.quality != "low" && s.quality != "medium" && s.quality != "high")
      r.failKey("quality", "expected low, medium or high");
    s.particleColor = r.string("particle_color", "direction");
    if (s.particleColor != "direction" && s.particleColor != "speed" && s.particleColor != "oxygen")
      r.failKey("particle_color", "expected direction, speed or oxygen");
    s.labels = r.boolean("labels", true);
    s.lastScene = r.string("last_scene", "");
  } catch (const Error& e) {
    message = std::string(e.what()) + "; using the default settings";
    return Settings{};
  }
  return s;
}

void saveSettings(const std::filesystem::path& path, const Settings& s) {
  Json j;
  j["format"] = "venaviz-settings";
  j["version"] = 1;
  j["ui_scale"] = s.uiScale;
  if (!s.quality.empty()) j["quality"] = s.quality;
  j["particle_color"] = s.particleColor;
  j["labels"] = s.labels;
  if (!s.lastScene.empty()) j["last_scene"] = s.lastScene;
  writeFileAtomic(path, j.dump(2) + "\n");
}

}  // namespace venaviz::io
