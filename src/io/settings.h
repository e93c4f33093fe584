#pragma once
// The user's settings (UI scale, particle quality and colours, last scene), kept between runs in
// $XDG_CONFIG_HOME/venaviz/settings.json and written atomically. A missing file means the
// defaults; a damaged one means the defaults and a one-line message, never a failed start.
#include <filesystem>
#include <string>
#include <vector>

namespace venaviz::io {

/// A saved camera view.
struct Bookmark {
  std::string name;
  float target[3] = {0.0f, 0.0f, 0.0f};  ///< cm, body frame
  float distance = 230.0f;               ///< cm
  float yawDeg = 0.0f, pitchDeg = 0.0f;
};

struct Settings {
  float uiScale = 1.0f;                     ///< 1..3
  std::string quality;                      ///< "low" | "medium" | "high"; "" = the renderer's default
  std::string particleColor = "direction";  ///< direction | speed | oxygen
  std::string theme = "dark";               ///< dark | light | contrast
  bool labels = true;
  std::string language;             ///< patient mode's language ("" = English)
  std::string lastScene;            ///< path of the last scene loaded ("" = none)
  std::vector<Bookmark> bookmarks;  ///< camera views by name
};

/// Reads settings. Missing file: defaults, `message` empty. Damaged or invalid (bad JSON, a bad
/// value, over a limit of io/limits.h, unreadable): defaults, the damaged file is kept aside
/// (renamed to NAME.damaged-YYYYMMDD-HHMMSS, see keepAside(), so that the next save cannot
/// overwrite the views saved in it) and `message` = "FILE: line:col: ...; using the default
/// settings; the damaged file is kept as FILE.damaged-..." (one line). Never throws.
Settings loadSettings(const std::filesystem::path& path, std::string& message);
/// Parses the settings file's text; a problem throws venaviz::Error naming `name`, the place
/// and what was expected.
Settings parseSettings(const std::string& text, const std::string& name);
/// Renames a damaged user file to NAME.damaged-YYYYMMDD-HHMMSS (UTC; -2, -3... when taken) in its
/// folder and returns the new path; empty when it could not be renamed (the file is then left
/// as it is).
std::filesystem::path keepAside(const std::filesystem::path& path);
/// The settings as the file holds them (JSON text): equal settings give equal text.
std::string settingsText(const Settings& settings);
/// Writes settings atomically (temporary file + rename; creates the folder). Throws
/// venaviz::Error naming the file when it cannot be written.
void saveSettings(const std::filesystem::path& path, const Settings& settings);

}  // namespace venaviz::io
