#pragma once
// Input events in the app's own terms (no GLFW types leak out of the platform module).
#include "core/math.h"

namespace venaviz::platform {

enum class Key {
  Unknown,
  Space,
  Escape,
  Enter,
  Tab,
  Backspace,
  Left,
  Right,
  Up,
  Down,
  PageUp,
  PageDown,
  Home,
  End,
  F1,
  F5,
  F11,
  H,
  F,
  R,
  S,
  P,
  L,
  X,
  B,
  T,
  Plus,
  Minus,
  Period,
  Num1,
  Num2,
  Num3,
  Num4,
  Num5,
  Num6
};

enum class MouseButton { Left = 0, Right = 1, Middle = 2 };

/// Modifier bits.
enum Mods : int { kShift = 1, kCtrl = 2, kAlt = 4 };

struct InputEvent {
  enum class Type { MouseDown, MouseUp, MouseMove, Scroll, DoubleClick, KeyDown, KeyRepeat, FileDrop };
  Type type = Type::MouseMove;
  Vec2 position{0.0f};  ///< cursor in window coordinates (logical pixels, origin top-left)
  Vec2 delta{0.0f};     ///< MouseMove: motion; Scroll: wheel steps (y up = away from user)
  MouseButton button = MouseButton::Left;
  Key key = Key::Unknown;
  int mods = 0;
  const char* path = nullptr;  ///< FileDrop only: valid until the next takeEvents()
};

}  // namespace venaviz::platform
