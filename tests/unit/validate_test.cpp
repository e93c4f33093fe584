// validateAnatomy: the shipped scene is clean; each kind of inconsistency is reported by vessel.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "anatomy/validate.h"
#include "io/scene.h"

namespace venaviz {
namespace {

Vessel vein(const std::string& id, const std::string& drainsInto) {
  Vessel v;
  v.id = id;
  v.name = id;
  v.system = VesselSystem::Deep;
  v.drainsInto = drainsInto;
  v.points = {{0.0f, 0.0f, 0.0f}, {0.0f, 0.0f, 10.0f}};
  v.radii = {0.3f, 0.3f};
  return v;
}

Vessel artery(const std::string& id) {
  Vessel v = vein(id, "");
  v.system = VesselSystem::Artery;
  return v;
}

/// A small consistent anatomy: tributary -> trunk -> right atrium, plus an artery.
Anatomy goodAnatomy() {
  Anatomy a;
  a.vessels.push_back(vein("trunk_vein", std::string(kRightAtrium)));
  a.vessels.push_back(vein("tributary_vein", "trunk_vein"));
  a.vessels.back().drainsAt = 0.5f;
  a.vessels.push_back(artery("some_artery"));
  return a;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string s;
  for (const auto& p : problems) s += p + "\n";
  return s;
}

/// Expects at least one problem, and that some problem names `id` and contains `phrase`.
void expectProblem(const Anatomy& a, const std::string& id, const std::string& phrase) {
  const auto problems = validateAnatomy(a);
  ASSERT_FALSE(problems.empty()) << "expected a problem about " << id;
  bool found = false;
  for (const auto& p : problems) {
    EXPECT_EQ(p.find('\n'), std::string::npos) << p;
    found = found || (p.find("\"" + id + "\"") != std::string::npos && p.find(phrase) != std::string::npos);
  }
  EXPECT_TRUE(found) << "no problem naming \"" << id << "\" with \"" << phrase << "\" in:\n" << joined(problems);
}

TEST(Validate, DefaultSceneIsValid) {
  const Scene scene = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  EXPECT_GT(scene.anatomy.vessels.size(), 10u);
  const auto problems = validateAnatomy(scene.anatomy);
  EXPECT_TRUE(problems.empty()) << joined(problems);
  // Every id in the shipped scene is a valid id, and every vein reaches the right atrium.
  for (const Vessel& v : scene.anatomy.vessels) {
    EXPECT_TRUE(isValidId(v.id)) << v.id;
    if (v.isArtery()) continue;
    const Vessel* cur = &v;
    int hops = 0;
    // (A portal branch ends in the liver's sinusoids, which the hepatic veins drain.)
    while (cur->drainsInto != kRightAtrium && cur->drainsInto != kLiverSinusoids && hops < 100) {
      cur = scene.anatomy.findVessel(cur->drainsInto);
      ASSERT_NE(cur, nullptr) << v.id;
      ++hops;
    }
    EXPECT_LT(hops, 100) << v.id;
  }
  EXPECT_NE(scene.anatomy.findVessel("inferior_vena_cava"), nullptr);
}

TEST(Validate, GoodAnatomyHasNoProblems) {
  const auto problems = validateAnatomy(goodAnatomy());
  EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(Validate, DuplicateId) {
  Anatomy a = goodAnatomy();
  a.vessels.push_back(vein("tributary_vein", "trunk_vein"));
  expectProblem(a, "tributary_vein", "duplicate");
}

TEST(Validate, OnePoint) {
  Anatomy a = goodAnatomy();
  a.vessels[1].points = {{0.0f, 0.0f, 0.0f}};
  a.vessels[1].radii = {0.3f};
  expectProblem(a, "tributary_vein", "2 points");
}

TEST(Validate, RadiiCountMismatch) {
  Anatomy a = goodAnatomy();
  a.vessels[1].radii = {0.3f, 0.3f, 0.3f};
  expectProblem(a, "tributary_vein", "radius per point");
}

TEST(Validate, ZeroRadius) {
  Anatomy a = goodAnatomy();
  a.vessels[0].radii = {0.3f, 0.0f};
  expectProblem(a, "trunk_vein", "positive radius");
}

TEST(Validate, NegativeRadius) {
  Anatomy a = goodAnatomy();
  a.vessels[2].radii = {-0.1f, 0.3f};
  expectProblem(a, "some_artery", "positive radius");
}

TEST(Validate, NaNRadius) {
  Anatomy a = goodAnatomy();
  a.vessels[1].radii = {0.3f, std::numeric_limits<float>::quiet_NaN()};
  expectProblem(a, "tributary_vein", "positive radius");
}

TEST(Validate, NonFinitePoint) {
  Anatomy a = goodAnatomy();
  a.vessels[1].points[1].y = std::numeric_limits<float>::infinity();
  expectProblem(a, "tributary_vein", "finite");
}

TEST(Validate, UnknownDrainsInto) {
  Anatomy a = goodAnatomy();
  a.vessels[1].drainsInto = "no_such_vein";
  expectProblem(a, "tributary_vein", "no_such_vein");
}

TEST(Validate, EmptyDrainsIntoForVein) {
  Anatomy a = goodAnatomy();
  a.vessels[1].drainsInto = "";
  expectProblem(a, "tributary_vein", "drains_into");
}

TEST(Validate, DrainageCycle) {
  Anatomy a = goodAnatomy();
  a.vessels.push_back(vein("loop_a", "loop_b"));
  a.vessels.push_back(vein("loop_b", "loop_a"));
  expectProblem(a, "loop_a", "loop");
  expectProblem(a, "loop_b", "loop");
  // The rest of the anatomy is not blamed.
  for (const auto& p : validateAnatomy(a)) EXPECT_EQ(p.find("trunk_vein\":"), std::string::npos) << p;
}

TEST(Validate, SelfDrainageIsACycle) {
  Anatomy a = goodAnatomy();
  a.vessels.push_back(vein("self_vein", "self_vein"));
  expectProblem(a, "self_vein", "loop");
}

TEST(Validate, LongerCycleAboveATributary) {
  // tributary -> c1 -> c2 -> c3 -> c1: the tributary's chain never reaches the atrium.
  Anatomy a;
  a.vessels.push_back(vein("c1", "c2"));
  a.vessels.push_back(vein("c2", "c3"));
  a.vessels.push_back(vein("c3", "c1"));
  a.vessels.push_back(vein("tributary", "c1"));
  expectProblem(a, "tributary", "loop");
  expectProblem(a, "c2", "loop");
}

TEST(Validate, VeinDrainingIntoArtery) {
  Anatomy a = goodAnatomy();
  a.vessels[1].drainsInto = "some_artery";
  expectProblem(a, "tributary_vein", "artery");
}

TEST(Validate, DrainsAtOutOfRange) {
  Anatomy a = goodAnatomy();
  a.vessels[1].drainsAt = 1.5f;
  expectProblem(a, "tributary_vein", "drains_at");
  a.vessels[1].drainsAt = -0.25f;
  expectProblem(a, "tributary_vein", "drains_at");
  a.vessels[1].drainsAt = 1.0f;  // the ends are allowed
  EXPECT_TRUE(validateAnatomy(a).empty());
  a.vessels[1].drainsAt = 0.0f;
  EXPECT_TRUE(validateAnatomy(a).empty());
}

TEST(Validate, InvalidIdIsReported) {
  Anatomy a = goodAnatomy();
  a.vessels[2].id = "Some-Artery";
  expectProblem(a, "Some-Artery", "snake_case");
}

TEST(Validate, IsValidId) {
  EXPECT_TRUE(isValidId("femoral_vein_left"));
  EXPECT_TRUE(isValidId("a"));
  EXPECT_TRUE(isValidId("l5_body"));
  EXPECT_TRUE(isValidId("vein_2_"));
  EXPECT_FALSE(isValidId(""));
  EXPECT_FALSE(isValidId("Femoral"));
  EXPECT_FALSE(isValidId("femoralVein"));
  EXPECT_FALSE(isValidId("2nd_vein"));
  EXPECT_FALSE(isValidId("_vein"));
  EXPECT_FALSE(isValidId("femoral-vein"));
  EXPECT_FALSE(isValidId("femoral vein"));
  EXPECT_FALSE(isValidId("veine_\xc3\xa9"));
}

}  // namespace
}  // namespace venaviz
