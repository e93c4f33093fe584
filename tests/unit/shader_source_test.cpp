#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "render/shader_source.h"

using namespace venaviz;
using namespace venaviz::render;

TEST(ShaderSource, EveryShaderIsEmbedded) {
  ShaderSources s;  // embedded only
  const auto stages = s.stageNames();
  EXPECT_GE(stages.size(), 4u);
  for (const auto& name : stages) EXPECT_FALSE(s.text(name).empty()) << name;
}

TEST(ShaderSource, DialectHeaderComesFirst) {
  ShaderSources s;
  const std::string core = s.assemble("vessel.frag", GlslDialect::Core330);
  const std::string es = s.assemble("vessel.frag", GlslDialect::Es300);
  EXPECT_EQ(core.rfind("#version 330 core\n", 0), 0u);
  EXPECT_EQ(es.rfind("#version 300 es\n", 0), 0u);
  EXPECT_NE(es.find("precision highp float;"), std::string::npos);
  EXPECT_EQ(core.find("precision"), std::string::npos);
  // Only one #version line, and includes are expanded.
  EXPECT_EQ(core.find("#version", 1), std::string::npos);
  EXPECT_EQ(core.find("#include"), std::string::npos);
  EXPECT_NE(core.find("linearToSrgb"), std::string::npos);
}

TEST(ShaderSource, DirectoryOverridesEmbeddedAndReportsFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "venaviz_shader_src_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.frag") << "#include \"b.glsl\"\nvoid main() {}\n";
  std::ofstream(dir / "b.glsl") << "float helper() { return 1.0; }\n";
  ShaderSources s;
  s.setDirectory(dir);
  std::vector<std::string> used;
  const std::string src = s.assemble("a.frag", GlslDialect::Core330, &used);
  EXPECT_NE(src.find("float helper()"), std::string::npos);
  EXPECT_EQ(used, (std::vector<std::string>{"a.frag", "b.glsl"}));
  EXPECT_TRUE(s.modified("a.frag").has_value());
  std::ofstream(dir / "loop.frag") << "#include \"loop.frag\"\n";
  EXPECT_THROW(s.assemble("loop.frag", GlslDialect::Core330), Error);
  EXPECT_THROW(s.text("missing.frag"), Error);
  std::filesystem::remove_all(dir);
}
