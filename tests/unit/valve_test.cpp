#include <gtest/gtest.h>

#include "anatomy/validate.h"
#include "anatomy/valve_mesh.h"
#include "core/error.h"
#include "io/scene.h"

using namespace venaviz;

namespace {
Anatomy straightVein() {
  Anatomy a;
  Vessel v;
  v.id = "test_vein";
  v.system = VesselSystem::Deep;
  v.drainsInto = "right_atrium";
  v.points = {{0, 0, 0}, {0, 0, 10}};
  v.radii = {0.5f, 0.5f};
  a.vessels.push_back(v);
  a.valves.push_back({"test_vein.v1", "Test valve", "test_vein", 0.3f});
  return a;
}
}  // namespace

TEST(Valve, FrameFollowsTheVessel) {
  const Anatomy a = straightVein();
  Vec3 c, axis;
  float r = 0.0f;
  a.valveFrame(a.valves[0], c, axis, r);
  EXPECT_NEAR(c.z, 3.0f, 1e-4f);
  EXPECT_NEAR(axis.z, 1.0f, 1e-4f);
  EXPECT_NEAR(r, 0.5f, 1e-5f);
}

TEST(Valve, LeafletsStayInsideTheLumenAndMeetWhenClosed) {
  const Anatomy a = straightVein();
  for (float opening : {0.0f, 0.5f, 1.0f}) {
    Mesh m;
    appendValveLeaflets(m, {0, 0, 3}, {0, 0, 1}, 0.5f, opening, 1.0f);
    ASSERT_FALSE(m.indices.empty());
    float minGap = 1e9f;
    for (const auto& v : m.vertices) {
      EXPECT_LE(glm::length(Vec2(v.position.x, v.position.y)), 0.5f + 1e-4f);
      EXPECT_NEAR(glm::length(v.normal), 1.0f, 1e-3f);
      if (v.fraction == 1.0f) minGap = std::min(minGap, glm::length(Vec2(v.position.x, v.position.y)));
    }
    // Free edges: near the centre when closed, near the wall when open.
    if (opening == 0.0f) {
      EXPECT_LT(minGap, 0.1f);
    }
    if (opening == 1.0f) {
      EXPECT_GT(minGap, 0.3f);
    }
  }
  const Mesh all = buildValveMesh(a);
  for (const auto& v : all.vertices) EXPECT_EQ(v.vessel, 1.0f);  // tag = vessels.size() + valve index
}

TEST(Valve, ValidationNamesBadValves) {
  Anatomy a = straightVein();
  a.valves.push_back({"nowhere_vein.v1", "", "nowhere_vein", 0.5f});
  a.valves.push_back({"test_vein.v1", "", "test_vein", 0.5f});
  auto problems = validateAnatomy(a);
  bool unknown = false, dup = false;
  for (const auto& p : problems) {
    unknown =
        unknown || (p.find("nowhere_vein") != std::string::npos && p.find("not in this scene") != std::string::npos);
    dup = dup || p.find("duplicate") != std::string::npos;
  }
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(dup);
}

TEST(Valve, ReaderRejectsAValveOutsideItsVesselOrOnAnArtery) {
  const std::string base = R"({"vessels":[{"id":"a_vein","system":"deep","region":"leg","drains_into":"right_atrium",
    "points":[[0,0,0],[0,0,5]],"radius":0.3},{"id":"an_artery","system":"artery","region":"leg",
    "points":[[1,0,0],[1,0,5]],"radius":0.3}],)";
  try {
    io::parseScene(base + R"("valves":[{"id":"a_vein.v1","vessel":"a_vein","at":1.5}]})", "v.json", ".");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("valves[0] (a_vein.v1).at"), std::string::npos) << e.what();
  }
  try {
    io::parseScene(base + R"("valves":[{"id":"an_artery.v1","vessel":"an_artery","at":0.5}]})", "v.json", ".");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("artery"), std::string::npos) << e.what();
  }
  try {
    io::parseScene(base + R"("valves":[{"id":"valve_one","vessel":"a_vein","at":0.5}]})", "v.json", ".");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("<vessel id>.v<number>"), std::string::npos) << e.what();
  }
  const Scene ok = io::parseScene(base + R"("valves":[{"id":"a_vein.v1","vessel":"a_vein","at":0.5}],
    "models":[{"id":"bones","file":"models/bones.obj","layer":"bones"}]})",
                                  "dir/v.json", "dir");
  ASSERT_EQ(ok.anatomy.valves.size(), 1u);
  ASSERT_EQ(ok.anatomy.models.size(), 1u);
  EXPECT_EQ(ok.anatomy.models[0].resolvedPath, "dir/models/bones.obj");
  EXPECT_FLOAT_EQ(ok.anatomy.models[0].opacity, 1.0f);
  EXPECT_THROW(io::parseScene(base + R"("models":[{"id":"m","file":"x.obj","layer":"deep"}]})", "v.json", "."), Error);
}
