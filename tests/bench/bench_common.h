#pragma once
// Shared by the benchmarks: the app's time step and the default atlas, read once.
#include "io/scene.h"

namespace venaviz::bench {

inline constexpr double kStep = 1.0 / 240.0;  ///< the app's fixed step, s

inline const Anatomy& defaultAtlas() {
  static const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return scene.anatomy;
}

}  // namespace venaviz::bench
