// The user's settings: read at start (a damaged file kept aside), written when the app ends
// (and, in the browser, whenever they change: platform/storage.h).
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "app/app.h"
#include "app/imgui_layer.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "io/settings.h"
#include "platform/storage.h"
#include "ui/theme.h"

namespace venaviz {

namespace fs = std::filesystem;

std::optional<fs::path> App::applySettings() {
  if (!options_.settingsFile) return std::nullopt;
  std::string message;
  const io::Settings s = io::loadSettings(*options_.settingsFile, message);
  if (!message.empty()) {
    // A damaged file is kept aside (the next save would overwrite it): the user's bookmarks in
    // it can still be copied out by hand.
    std::error_code ec;
    const fs::path aside = fs::path(options_.settingsFile->string() + ".damaged");
    fs::rename(*options_.settingsFile, aside, ec);
    if (!ec) message += "; the damaged file is kept as " + aside.string();
    log::warn(message);
    state_.warnings.push_back(message);
  }
  if (options_.uiScale <= 0.0f) {
    state_.uiScale = std::clamp(s.uiScale, 1.0f, 3.0f);
    imgui_->setScale(pixelScale());
  }
  if (!s.quality.empty()) state_.quality = s.quality == "low" ? 0 : s.quality == "high" ? 2 : 1;
  state_.particleColor = s.particleColor == "speed" ? 1 : s.particleColor == "oxygen" ? 2 : 0;
  state_.theme = ui::parseTheme(s.theme).value_or(ui::Theme::Dark);
  state_.labels = s.labels;
  state_.bookmarks = s.bookmarks;
  if (!s.language.empty()) {
    try {
      strings_ = io::loadStringTable(paths::dataFile("assets/i18n"), s.language);
      state_.patient.language = s.language;
    } catch (const Error& e) {
      log::warn(e.what());  // a language no longer shipped: English
    }
  }
  if (s.lastScene.empty()) return std::nullopt;
  return fs::path(s.lastScene);
}

io::Settings App::settingsNow() const {
  io::Settings s;
  s.uiScale = state_.lecture ? lectureRestore_.uiScale : state_.uiScale;
  static const char* const qualities[] = {"low", "medium", "high"};
  static const char* const colors[] = {"direction", "speed", "oxygen"};
  s.quality = qualities[std::clamp(state_.quality, 0, 2)];
  s.particleColor = colors[std::clamp(state_.particleColor, 0, 2)];
  s.theme = ui::toString(state_.lecture ? lectureRestore_.theme : state_.theme);
  s.labels = state_.patient.on ? patientRestore_.labels : state_.labels;
  s.language = state_.patient.language == "en" ? "" : state_.patient.language;
  s.bookmarks = state_.bookmarks;
  if (state_.hasScene) s.lastScene = fs::absolute(state_.scene.path).string();
  return s;
}

void App::saveSettings() {
  if (!options_.settingsFile || state_.patient.kiosk) return;  // a kiosk leaves the settings as they were
  try {
    io::saveSettings(*options_.settingsFile, settingsNow());
    platform::storeFile(*options_.settingsFile, kSettingsStorageKey);
  } catch (const Error& e) {
    log::warn(e.what());  // a read-only config folder is not worth failing over
  }
}

}  // namespace venaviz
