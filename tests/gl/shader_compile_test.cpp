// Every shader compiles under both dialects' rules: GLSL 330 core with the real driver, and
// both GLSL 330 core and GLSL ES 300 with the Khronos reference compiler (glslangValidator).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/error.h"
#include "gl_fixture.h"
#include "render/shader_library.h"

using namespace venaviz;
using namespace venaviz::render;
namespace fs = std::filesystem;

namespace {
ShaderSources sourceTree() {
  ShaderSources s;
  s.setDirectory(fs::path(VENAVIZ_SOURCE_DIR) / "shaders");
  return s;
}
GLenum stageOf(const std::string& name) {
  return name.ends_with(".vert") ? GL_VERTEX_SHADER : GL_FRAGMENT_SHADER;
}
}  // namespace

class ShaderCompileGLTest : public test::GlTest {};

TEST_F(ShaderCompileGLTest, EveryStageCompilesWithTheDriver) {
  const ShaderSources s = sourceTree();
  const auto stages = s.stageNames();
  ASSERT_GE(stages.size(), 4u);
  for (const auto& name : stages) {
    EXPECT_NO_THROW(compileStage(stageOf(name), s.assemble(name, GlslDialect::Core330), name)) << name;
  }
}

TEST_F(ShaderCompileGLTest, EmbeddedCopiesMatchTheFiles) {
  const ShaderSources disk = sourceTree();
  for (const auto& e : embeddedShaders()) EXPECT_EQ(disk.text(e.name), std::string(e.text)) << e.name;
}

TEST(ShaderDialects, EveryStageValidatesAsGlsl330CoreAndGlslEs300) {
  const std::string validator = GLSLANG_VALIDATOR;
  ASSERT_FALSE(validator.empty() || validator.find("NOTFOUND") != std::string::npos)
      << "glslangValidator not found: install glslang-tools (the README's test command does)";
  const ShaderSources s = sourceTree();
  const fs::path dir = fs::temp_directory_path() / "venaviz_glslang";
  fs::create_directories(dir);
  for (const auto& name : s.stageNames()) {
    for (auto dialect : {GlslDialect::Core330, GlslDialect::Es300}) {
      const std::string tag = dialect == GlslDialect::Core330 ? "core330" : "es300";
      // glslangValidator picks the stage from the extension.
      const fs::path file = dir / (tag + "_" + name);
      std::ofstream(file) << s.assemble(name, dialect);
      const std::string cmd = validator + " " + file.string() + " > " + file.string() + ".log 2>&1";
      const int rc = std::system(cmd.c_str());
      std::ifstream log(file.string() + ".log");
      std::string text((std::istreambuf_iterator<char>(log)), {});
      EXPECT_EQ(rc, 0) << name << " as " << tag << ":\n" << text;
    }
  }
}

TEST_F(ShaderCompileGLTest, BrokenEditKeepsTheOldProgramAndReportsTheError) {
  const fs::path dir = fs::temp_directory_path() / "venaviz_reload_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string vert = "layout(location = 0) in vec3 p;\nvoid main() { gl_Position = vec4(p, 1.0); }\n";
  const std::string good = "layout(location = 0) out vec4 c;\nvoid main() { c = vec4(1.0); }\n";
  std::ofstream(dir / "t.vert") << vert;
  std::ofstream(dir / "t.frag") << good;
  ShaderSources src;
  src.setDirectory(dir);
  ShaderLibrary lib(src);
  lib.add("t", "t.vert", "t.frag");
  const GLuint before = lib.program("t");
  ASSERT_NE(before, 0u);

  auto touch = [&](const std::string& text) {
    std::ofstream(dir / "t.frag") << text;
    fs::last_write_time(dir / "t.frag", fs::last_write_time(dir / "t.frag") + std::chrono::seconds(2));
  };
  touch("layout(location = 0) out vec4 c;\nvoid main() { c = vec4(1.0) oops; }\n");
  EXPECT_EQ(lib.reloadChanged(), 0);
  EXPECT_EQ(lib.program("t"), before);
  EXPECT_TRUE(glIsProgram(before));
  ASSERT_EQ(lib.errors().size(), 1u);
  EXPECT_NE(lib.errors()[0].find("t.frag"), std::string::npos) << lib.errors()[0];

  touch(good);
  EXPECT_EQ(lib.reloadChanged(), 1);
  EXPECT_TRUE(lib.errors().empty());
  EXPECT_NE(lib.program("t"), 0u);
  fs::remove_all(dir);
}
