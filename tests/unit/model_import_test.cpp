#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

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

TEST(ModelImport, TheBakedFormReadsBackAsTheModelFileAndBadBytesAreOneLine) {
  // What `venaviz bake_models` writes for the browser build reads back to the same mesh.
  const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  const auto dir = std::filesystem::temp_directory_path() / "venaviz_baked_test";
  std::filesystem::create_directories(dir);
  ContextModel m = s.anatomy.models.at(0);
  const std::filesystem::path copy = dir / "model.obj";
  std::filesystem::copy_file(m.resolvedPath, copy, std::filesystem::copy_options::overwrite_existing);
  const Mesh direct = io::importModel(m, 2.0f);
  io::saveBakedMesh(io::bakedPath(copy), io::readModelFile(copy.string(), m.id));
  std::filesystem::remove(copy);  // only the baked form is left
  m.resolvedPath = copy.string();
  const Mesh baked = io::importModel(m, 2.0f);
  ASSERT_EQ(baked.vertices.size(), direct.vertices.size());
  ASSERT_EQ(baked.indices, direct.indices);
  for (std::size_t i = 0; i < baked.vertices.size(); ++i) {
    ASSERT_EQ(baked.vertices[i].position, direct.vertices[i].position);
    ASSERT_EQ(baked.vertices[i].normal, direct.vertices[i].normal);
  }
  // A truncated file and a bad index: one line each, naming the file.
  std::string bytes;
  {
    std::ifstream in(io::bakedPath(copy), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::ofstream(io::bakedPath(copy), std::ios::binary) << bytes.substr(0, bytes.size() - 3);
  try {
    io::importModel(m, 0.0f);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model.obj.vvm: expected"), std::string::npos) << e.what();
  }
  bytes[bytes.size() - 1] = '\x7f';  // the last index's top byte: far past the vertices
  std::ofstream(io::bakedPath(copy), std::ios::binary) << bytes;
  try {
    io::importModel(m, 0.0f);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("is past the"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}
