#pragma once
// A hidden window with an OpenGL 3.3 core context for tests that need one.
#include <gtest/gtest.h>

#include <memory>

#include "platform/window.h"
#include "render/gl_context.h"

namespace venaviz::test {

class GlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    platform::WindowDesc d;
    d.visible = false;
    d.width = d.height = 64;
    window_ = std::make_unique<platform::Window>(d);  // throws with a clear message if no display
    info_ = render::loadGl(platform::Window::procLoader());
  }
  static void TearDownTestSuite() { window_.reset(); }
  static inline std::unique_ptr<platform::Window> window_;
  static inline render::GlInfo info_;
};

}  // namespace venaviz::test
