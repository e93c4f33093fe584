#include "io/settings.h"

#include <cmath>
#include <ctime>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/limits.h"

namespace venaviz::io {

Settings parseSettings(const std::string& text, const std::string& name) {
  Settings s;
  const Json json = parseJsonText(text, name);
  const JsonReader r(json, name, "");
  r.requireObject();
  r.allowKeys(
      {"format", "version", "ui_scale", "quality", "particle_color", "theme", "labels", "language", "last_scene", "bookmarks"});
  if (r.string("format", "venaviz-settings") != "venaviz-settings")
    r.failKey("format", "expected \"venaviz-settings\"");
  const double scale = r.number("ui_scale", 1.0);
  if (!(scale >= 1.0 && scale <= 3.0)) r.failKey("ui_scale", "expected a number from 1 to 3");
  s.uiScale = static_cast<float>(scale);
  s.quality = r.string("quality", "");
  if (!s.quality.empty() && s.quality != "low" && s.quality != "medium" && s.quality != "high")
    r.failKey("quality", "expected low, medium or high");
  s.theme = r.string("theme", "dark");
  if (s.theme != "dark" && s.theme != "light" && s.theme != "contrast")
    r.failKey("theme", "expected dark, light or contrast");
  s.particleColor = r.string("particle_color", "direction");
  if (s.particleColor != "direction" && s.particleColor != "speed" && s.particleColor != "oxygen")
    r.failKey("particle_color", "expected direction, speed or oxygen");
  s.labels = r.boolean("labels", true);
  s.language = r.string("language", "");
  if (!s.language.empty() && (s.language.size() < 2 || s.language.size() > 8))
    r.failKey("language", "expected a language code such as \"en\"");
  s.lastScene = r.string("last_scene", "");
  if (r.has("bookmarks")) {
    const JsonReader list = r.child("bookmarks");
    if (!list.value().is_array()) list.fail("expected an array of views");
    list.requireArrayAtMost(limits::kBookmarks, "views");
    for (std::size_t i = 0; i < list.value().size(); ++i) {
      const JsonReader b = list.element(i);
      b.requireObject();
      b.allowKeys({"name", "target", "distance", "yaw_deg", "pitch_deg"});
      Bookmark m;
      m.name = b.string("name");
      const JsonReader t = b.child("target");
      if (!t.value().is_array() || t.value().size() != 3) t.fail("expected [x, y, z] in cm");
      for (std::size_t k = 0; k < 3; ++k) {
        if (!t.value()[k].is_number()) t.fail("expected [x, y, z] in cm");
        m.target[k] = t.value()[k].get<float>();
        if (!std::isfinite(m.target[k])) t.fail("expected [x, y, z] in cm, finite numbers");
      }
      m.distance = static_cast<float>(b.number("distance"));
      if (!(m.distance > 0.0f) || !std::isfinite(m.distance)) b.failKey("distance", "expected a positive distance in cm");
      m.yawDeg = static_cast<float>(b.number("yaw_deg", 0.0));
      m.pitchDeg = static_cast<float>(b.number("pitch_deg", 0.0));
      if (!std::isfinite(m.yawDeg)) b.failKey("yaw_deg", "expected an angle in degrees");
      if (!std::isfinite(m.pitchDeg)) b.failKey("pitch_deg", "expected an angle in degrees");
      s.bookmarks.push_back(m);
    }
  }
  return s;
}

std::filesystem::path keepAside(const std::filesystem::path& path) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
  std::error_code ec;
  for (int k = 1; k < 100; ++k) {
    std::filesystem::path aside = path;
    aside += ".damaged-" + std::string(stamp) + (k > 1 ? "-" + std::to_string(k) : "");
    if (std::filesystem::exists(aside, ec)) continue;
    std::filesystem::rename(path, aside, ec);
    return ec ? std::filesystem::path() : aside;
  }
  return {};
}

Settings loadSettings(const std::filesystem::path& path, std::string& message) {
  message.clear();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  try {
    return parseSettings(readFile(path, limits::kSettingsBytes), path.string());
  } catch (const Error& e) {
    message = std::string(e.what()) + "; using the default settings";
  } catch (const std::exception& e) {  // e.g. out of memory: still never a failed start
    message = path.string() + ": cannot be read (" + e.what() + "); using the default settings";
  }
  // Kept aside, not overwritten by the next save: the views saved in it can be copied out by hand.
  const std::filesystem::path aside = keepAside(path);
  if (!aside.empty()) message += "; the damaged file is kept as " + aside.string();
  return {};
}

std::string settingsText(const Settings& s) {
  Json j;
  j["format"] = "venaviz-settings";
  j["version"] = 1;
  j["ui_scale"] = s.uiScale;
  if (!s.quality.empty()) j["quality"] = s.quality;
  j["particle_color"] = s.particleColor;
  j["theme"] = s.theme;
  j["labels"] = s.labels;
  if (!s.language.empty()) j["language"] = s.language;
  if (!s.lastScene.empty()) j["last_scene"] = s.lastScene;
  j["bookmarks"] = Json::array();
  for (const Bookmark& b : s.bookmarks)
    j["bookmarks"].push_back({{"name", b.name},
                              {"target", {b.target[0], b.target[1], b.target[2]}},
                              {"distance", b.distance},
                              {"yaw_deg", b.yawDeg},
                              {"pitch_deg", b.pitchDeg}});
  return j.dump(2) + "\n";
}

void saveSettings(const std::filesystem::path& path, const Settings& s) {
  writeFileAtomic(path, settingsText(s));
}

}  // namespace venaviz::io
