#pragma once
// Loading GL entry points into the current context and checking it is usable.
#include <string>

namespace venaviz::render {

/// A function that returns a GL entry point by name (e.g. glfwGetProcAddress).
using ProcLoader = void (*(*)(const char*))();

struct GlInfo {
  std::string vendor, renderer, version, glslVersion;
  int major = 0, minor = 0;
  int maxSamples = 0;
};

/// Loads GL for the current context; throws venaviz::Error naming the renderer and driver
/// when the context is older than 3.3 core or cannot be loaded.
GlInfo loadGl(ProcLoader loader);

/// Waits until the GL has finished all submitted work (for frame-time measurements).
void finishGl();

}  // namespace venaviz::render
