// Mouse and keys: camera control directly, everything else through actions.
#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "app/app.h"
#include "app/imgui_layer.h"
#include "platform/window.h"

namespace venaviz {
namespace {
using platform::InputEvent;
using platform::Key;

struct KeyBinding {
  Key key;
  int mods;
  const char* action;
  const char* label;
};
constexpr KeyBinding kKeys[] = {
    {Key::Space, 0, "toggle_play", "Space"},
    {Key::Period, 0, "step", "."},
    {Key::Plus, 0, "faster", "+"},
    {Key::Minus, 0, "slower", "-"},
    {Key::Num1, 0, "view anterior", "1"},
    {Key::Num2, 0, "view posterior", "2"},
    {Key::Num3, 0, "view left", "3"},
    {Key::Num4, 0, "view right", "4"},
    {Key::Num5, 0, "view superior", "5"},
    {Key::Num6, 0, "view inferior", "6"},
    {Key::R, 0, "reset_view", "R"},
    {Key::F1, 0, "help", "F1"},
    {Key::F5, 0, "reload_shaders", "F5"},
    {Key::F11, 0, "fullscreen", "F11"},
    {Key::H, 0, "toggle_ui", "H"},
    {Key::Home, 0, "reset_time", "Home"},
    {Key::L, 0, "labels", "L"},
    {Key::X, 0, "xray", "X"},
    {Key::F, platform::kCtrl, "fullscreen", "Ctrl+F"},
    {Key::B, 0, "black_screen", "B"},
};
// While a lesson plays: what presentation clickers send (Right/PageDown/Space forwards,
// Left/PageUp back), T for the list of steps, Home to start again, and 1-4 answer a question being asked.
constexpr KeyBinding kLessonKeys[] = {
    {Key::Right, 0, "lesson_next", "Right, PageDown, Space"},
    {Key::PageDown, 0, "lesson_next", ""},
    {Key::Space, 0, "lesson_next", ""},
    {Key::Left, 0, "lesson_prev", "Left, PageUp"},
    {Key::PageUp, 0, "lesson_prev", ""},
    {Key::T, 0, "lesson_steps", "T"},
    {Key::Home, 0, "lesson_restart", "Home"},
};
constexpr Key kAnswerKeys[] = {Key::Num1, Key::Num2, Key::Num3, Key::Num4};
}  // namespace

void App::registerKeyDocs() {
  for (const auto& k : kKeys) {
    const std::string cmd = k.action;
    actions_.bindKeyDoc(cmd.substr(0, cmd.find(' ')), k.label);
  }
  for (const auto& k : kLessonKeys)
    if (*k.label) actions_.bindKeyDoc(k.action, k.label);
  actions_.bindKeyDoc("lesson_answer", "1-4 (while a question is asked)");
}

std::optional<std::string> App::lessonKeyAction(Key key, bool repeat) const {
  if (!lesson_ || repeat) return std::nullopt;  // a held clicker button steps once
  if (lesson_->phase() == LessonPlayer::Phase::Asking)
    for (int n = 0; n < 4; ++n)
      if (key == kAnswerKeys[n] && static_cast<std::size_t>(n) < lesson_->step().question->answers.size())
        return "lesson_answer " + std::to_string(n + 1);
  for (const auto& k : kLessonKeys)
    if (k.key == key) return std::string(k.action);
  return std::nullopt;
}

void App::handleInput(const std::vector<InputEvent>& events) {
  const bool uiMouse = imgui_->wantsMouse(), uiKeys = imgui_->wantsKeyboard();
  const Vec2 win = window_->windowSize();
  const glm::ivec2 fb = window_->framebufferSize();
  const Vec2 toFb{static_cast<float>(fb.x) / std::max(win.x, 1.0f), static_cast<float>(fb.y) / std::max(win.y, 1.0f)};
  for (const InputEvent& e : events) {
    switch (e.type) {
      case InputEvent::Type::MouseDown:
        if (!uiMouse) {
          dragging_ = true;
          pressPos_ = e.position;
          movedSincePress_ = false;
        }
        break;
      case InputEvent::Type::MouseUp:
        // A click (press and release without dragging) picks; a drag only moves the camera.
        if (dragging_ && !movedSincePress_ && e.button == platform::MouseButton::Left) {
          const auto hit = vesselAt(e.position);
          if (state_.clickMode != ClickMode::Select && hit && sim().engine) {
            // Probe, valve or clot mode: the click acts where it hit.
            pending_.push_back(clickCommand(*hit));
          } else {
            state_.selected = hit ? hit->vessel : -1;
            refreshStyles();
          }
        }
        dragging_ = false;
        break;
      case InputEvent::Type::MouseMove:
        state_.pointer = e.position;
        if (!dragging_) {
          const auto hit = uiMouse ? std::nullopt : vesselAt(e.position);
          const int hovered = hit ? hit->vessel : -1;
          if (hovered != state_.hovered) {
            state_.hovered = hovered;
            refreshStyles();
          }
          break;
        }
        if (glm::distance(e.position, pressPos_) > 4.0f) movedSincePress_ = true;
        if (!movedSincePress_) break;
        if (window_->mouseDown(platform::MouseButton::Right) || window_->mouseDown(platform::MouseButton::Middle) ||
            (window_->mouseDown(platform::MouseButton::Left) && (e.mods & platform::kShift)))
          state_.camera.pan(e.delta.x, e.delta.y, win.y);
        else if (window_->mouseDown(platform::MouseButton::Left))
          state_.camera.orbit(e.delta.x, e.delta.y);
        break;
      case InputEvent::Type::Scroll:
        if (!uiMouse) state_.camera.zoom(e.delta.y);
        break;
      case InputEvent::Type::DoubleClick:
        if (!uiMouse) {
          if (auto p = surfacePointAt(e.position * toFb)) {
            CameraPose goal = state_.camera.pose();
            goal.target = *p;
            state_.camera.flyTo(goal);
          }
        }
        break;
      case InputEvent::Type::KeyDown:
      case InputEvent::Type::KeyRepeat:
        if (state_.patient.kiosk) break;  // a kiosk answers touches only: no key leaves or changes it
        if (e.key == Key::Escape) {
          if (state_.showHelp)
            state_.showHelp = false;
          else if (state_.blackScreen)
            state_.blackScreen = false;
          else if (window_->fullscreen())
            window_->setFullscreen(false);
          break;
        }
        if (uiKeys) break;
        if (state_.patient.on) break;  // patient mode has its buttons; the expert keys stay out of it
        if (e.mods == 0) {
          if (auto a = lessonKeyAction(e.key, e.type == InputEvent::Type::KeyRepeat)) {
            pending_.push_back(*a);
            break;
          }
        }
        for (const auto& k : kKeys)
          if (k.key == e.key && k.mods == (e.mods & (platform::kCtrl | platform::kAlt)))
            pending_.emplace_back(k.action);
        break;
      case InputEvent::Type::FileDrop:
        if (e.path && !state_.patient.on) pending_.push_back(std::string("load_scene \"") + e.path + "\"");
        break;
    }
  }
}

}  // namespace venaviz
