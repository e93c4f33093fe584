#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/model_import.h"
#include "io/scene.h"

using namespace venaviz;

TEST(ModelImport, EveryDefaultContextModelImportsInsideTheBody) {
  const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  ASSERT_GE(s.anatomy.models.size(), 10u);
  for (std::size_t i = 0; i < s.anatomy.models.size(); ++i) {
    const ContextModel& m = s.anatomy.models[i];
    const Mesh mesh = io::importModel(m, static_cast<float>(i));
    EXPECT_GT(mesh.indices.size(), 300u) << m.id;
    for (const auto& v : mesh.vertices) {
      ASSERT_TRUE(v.position.z > -1.0f && v.position.z < 180.0f && std::abs(v.position.x) < 40.0f) << m.id;
      ASSERT_NEAR(glm::length(v.normal), 1.0f, 1e-3f) << m.id;
      ASSERT_EQ(v.vessel, static_cast<float>(i));
    }
  }
}

TEST(ModelImport, ScaleAndOffsetApply) {
  const auto dir = std::filesystem::temp_directory_path() / "venaviz_model_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "tri.obj") << "v 0 0 0\nv 10 0 0\nv 0 10 0\nf 1 2 3\n";
  ContextModel m;
  m.id = "tri";
  m.resolvedPath = (dir / "tri.obj").string();
  m.scale = 0.1f;
  m.offset = {5.0f, 0.0f, 0.0f};
  const Mesh mesh = io::importModel(m, 0.0f);
  ASSERT_EQ(mesh.indices.size(), 3u);
  float maxX = 0.0f;
  for (const auto& v : mesh.vertices) maxX = std::max(maxX, v.position.x);
  EXPECT_NEAR(maxX, 6.0f, 1e-4f);
  std::filesystem::remove_all(dir);
}

TEST(ModelImport, MissingOrBrokenFilesNameTheFile) {
  ContextModel m;
  m.id = "ghost";
  m.resolvedPath = "/nonexistent/ghost.obj";
  try {
    io::importModel(m, 0.0f);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/ghost.obj"), std::string::npos);
  }
  const auto bad = std::filesystem::temp_directory_path() / "venaviz_bad_model.obj";
  std::ofstream(bad) << "this is not a model\n";
  m.resolvedPath = bad.string();
  EXPECT_THROW(io::importModel(m, 0.0f), Error);
  std::filesystem::remove(bad);
}
