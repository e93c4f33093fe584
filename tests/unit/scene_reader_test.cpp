// Scene files: JSON errors with positions, key paths, includes/overrides, view presets, info JSON.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/scene.h"

namespace venaviz {
namespace {
namespace fs = std::filesystem;

/// A fresh, empty folder per test under the system temp folder.
class SceneReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("venaviz_scene_test_" + std::to_string(::getpid()) + "_" + info->name() + "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(dir_ / name, std::ios::binary);
    out << text;
  }

  Scene parse(const std::string& text) const { return io::parseScene(text, "test.json", dir_); }

  /// The message of the Error that parsing `text` throws ("" and a test failure if none).
  std::string errorOf(const std::string& text) const {
    try {
      parse(text);
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
      return e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "threw a non-venaviz exception: " << e.what();
      return e.what();
    }
    ADD_FAILURE() << "expected an Error for:\n" << text;
    return "";
  }

  fs::path dir_;
};

/// One vessel object as JSON text.
std::string vesselJson(const std::string& id, const std::string& drainsInto = "right_atrium",
                       const std::string& extra = "", const std::string& radii = "\"radii\": [0.5, 0.4]") {
  return R"({"id": ")" + id + R"(", "system": "deep", "region": "leg", "drains_into": ")" + drainsInto +
         R"(", "points": [[0, 0, 0], [0, 0, 10]], )" + radii + extra + "}";
}

std::string sceneJson(const std::vector<std::string>& vessels, const std::string& extra = "") {
  std::string s = "{\n  \"format\": \"venaviz-scene\",\n  \"version\": 1,\n" + extra + "  \"vessels\": [\n";
  for (std::size_t i = 0; i < vessels.size(); ++i) s += "    " + vessels[i] + (i + 1 < vessels.size() ? ",\n" : "\n");
  return s + "  ]\n}\n";
}

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

TEST_F(SceneReaderTest, MinimalSceneParses) {
  const Scene s = parse(sceneJson({vesselJson("x_vein")}));
  ASSERT_EQ(s.anatomy.vessels.size(), 1u);
  const Vessel& v = s.anatomy.vessels[0];
  EXPECT_EQ(v.id, "x_vein");
  EXPECT_EQ(v.name, "x_vein");  // name defaults to the id
  EXPECT_EQ(v.system, VesselSystem::Deep);
  EXPECT_EQ(v.region, Region::Leg);
  EXPECT_EQ(v.drainsInto, "right_atrium");
  ASSERT_EQ(v.points.size(), 2u);
  EXPECT_EQ(v.points[1], Vec3(0.0f, 0.0f, 10.0f));
  ASSERT_EQ(v.radii.size(), 2u);
  EXPECT_FLOAT_EQ(v.radii[0], 0.5f);
  EXPECT_FLOAT_EQ(v.radii[1], 0.4f);
  EXPECT_EQ(s.name, "test");  // defaults to the file stem
  EXPECT_EQ(s.view.preset, View::Anterior);
  EXPECT_FALSE(s.view.target.has_value());
  EXPECT_FALSE(s.view.distance.has_value());
}

TEST_F(SceneReaderTest, MalformedJsonNamesLineAndColumn) {
  const std::string text = "{\n  \"name\": \"broken\",\n  \"vessels\": [,]\n}\n";
  const std::string msg = errorOf(text);
  EXPECT_TRUE(startsWith(msg, "test.json:3:")) << msg;
  // The comma is the 15th character of line 3.
  EXPECT_TRUE(startsWith(msg, "test.json:3:15: invalid JSON")) << msg;
}

TEST_F(SceneReaderTest, MalformedJsonMissingCommaOnLine3) {
  const std::string text = "{\n  \"name\": \"broken\"\n  \"description\": \"no comma above\"\n}\n";
  const std::string msg = errorOf(text);
  // The unexpected token is the string on line 3 (the column is where nlohmann stops reading it).
  EXPECT_TRUE(startsWith(msg, "test.json:3:")) << msg;
  EXPECT_NE(msg.find(": invalid JSON: "), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, EmptyFileSaysEmpty) {
  for (const std::string text : {"", "  \n\t\n"}) {
    const std::string msg = errorOf(text);
    EXPECT_TRUE(startsWith(msg, "test.json")) << msg;
    EXPECT_NE(msg.find("empty"), std::string::npos) << msg;
  }
}

TEST_F(SceneReaderTest, EmptyFileOnDiskSaysEmpty) {
  write("empty.json", "");
  try {
    io::loadScene(dir_ / "empty.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("empty.json"), std::string::npos) << msg;
    EXPECT_NE(msg.find("empty"), std::string::npos) << msg;
  }
}

TEST_F(SceneReaderTest, MissingPointsNamesKeyPath) {
  const std::string v =
      R"({"id": "x_vein", "system": "deep", "region": "leg", "drains_into": "right_atrium", "radius": 0.3})";
  const std::string msg = errorOf(sceneJson({v}));
  EXPECT_TRUE(startsWith(msg, "test.json")) << msg;
  EXPECT_NE(msg.find("vessels[0] (x_vein).points"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, SecondVesselErrorHasItsIndex) {
  const std::string bad = R"({"id": "y_vein", "system": "deep", "region": "leg", "drains_into": "right_atrium",
                              "points": [[0, 0, 0], [1, 2]], "radius": 0.3})";
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein"), bad}));
  EXPECT_NE(msg.find("vessels[1] (y_vein).points[1]"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, NegativeRadiusIsRejected) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"radii\": [0.5, -1]")}));
  EXPECT_NE(msg.find("positive radius"), std::string::npos) << msg;
  EXPECT_NE(msg.find("vessels[0] (x_vein).radii"), std::string::npos) << msg;

  const std::string scalar = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"radius\": -0.2")}));
  EXPECT_NE(scalar.find("positive radius"), std::string::npos) << scalar;

  const std::string zero = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"radii\": [0, 0.4]")}));
  EXPECT_NE(zero.find("positive radius"), std::string::npos) << zero;
}

TEST_F(SceneReaderTest, RadiiCountMustMatchPoints) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"radii\": [0.5]")}));
  EXPECT_NE(msg.find("vessels[0] (x_vein).radii"), std::string::npos) << msg;
  EXPECT_NE(msg.find("expected 2 radii"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, RadiusAndRadiiAreExclusive) {
  const std::string both =
      errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"radii\": [0.5, 0.4], \"radius\": 0.3")}));
  EXPECT_NE(both.find("exactly one"), std::string::npos) << both;
  const std::string neither = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", "", "\"name\": \"X\"")}));
  EXPECT_NE(neither.find("exactly one"), std::string::npos) << neither;
}

TEST_F(SceneReaderTest, UnknownSystemListsAllowedValues) {
  std::string v = vesselJson("x_vein");
  v.replace(v.find("\"deep\""), 6, "\"deeep\"");
  const std::string msg = errorOf(sceneJson({v}));
  EXPECT_NE(msg.find("vessels[0] (x_vein).system"), std::string::npos) << msg;
  EXPECT_NE(msg.find("deeep"), std::string::npos) << msg;
  EXPECT_NE(msg.find("deep, superficial, perforator, central, collateral, artery"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, UnknownRegionListsAllowedValues) {
  std::string v = vesselJson("x_vein");
  v.replace(v.find("\"leg\""), 5, "\"arm\"");
  const std::string msg = errorOf(sceneJson({v}));
  EXPECT_NE(msg.find("vessels[0] (x_vein).region"), std::string::npos) << msg;
  EXPECT_NE(msg.find("leg, pelvis, abdomen, liver, neck, thorax"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, UnknownKeyIsRejected) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", ", \"colour\": \"blue\"")}));
  EXPECT_NE(msg.find("vessels[0] (x_vein).colour"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown key"), std::string::npos) << msg;

  const std::string top = errorOf(sceneJson({vesselJson("x_vein")}, "  \"vesels\": [],\n"));
  EXPECT_NE(top.find("vesels"), std::string::npos) << top;
  EXPECT_NE(top.find("unknown key"), std::string::npos) << top;
}

TEST_F(SceneReaderTest, InvalidIdIsRejected) {
  const std::string msg = errorOf(sceneJson({vesselJson("Femoral-Vein")}));
  EXPECT_NE(msg.find("Femoral-Vein"), std::string::npos) << msg;
  EXPECT_NE(msg.find("snake_case"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, DuplicateIdInOneFileIsRejected) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein"), vesselJson("x_vein")}));
  EXPECT_NE(msg.find("duplicate"), std::string::npos) << msg;
  EXPECT_NE(msg.find("x_vein"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, ValidationProblemsAreReported) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein", "nowhere_vein")}));
  EXPECT_TRUE(startsWith(msg, "test.json: ")) << msg;
  EXPECT_NE(msg.find("x_vein"), std::string::npos) << msg;
  EXPECT_NE(msg.find("nowhere_vein"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, DrainsAtOutOfRangeIsRejected) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein", "right_atrium", ", \"drains_at\": 1.5")}));
  EXPECT_NE(msg.find("drains_at"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, NoVesselsIsRejected) {
  const std::string msg = errorOf("{\"name\": \"nothing\"}");
  EXPECT_NE(msg.find("no vessels"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, WrongFormatOrVersionIsRejected) {
  std::string text = sceneJson({vesselJson("x_vein")});
  std::string wrongFormat = text;
  wrongFormat.replace(wrongFormat.find("venaviz-scene"), 13, "other-format");
  EXPECT_NE(errorOf(wrongFormat).find("format"), std::string::npos);
  std::string wrongVersion = text;
  wrongVersion.replace(wrongVersion.find("\"version\": 1"), 12, "\"version\": 2");
  EXPECT_NE(errorOf(wrongVersion).find("version"), std::string::npos);
}

TEST_F(SceneReaderTest, ScalarRadiusExpandsToOnePerPoint) {
  const std::string v = R"({"id": "x_vein", "system": "deep", "region": "leg", "drains_into": "right_atrium",
                            "points": [[0, 0, 0], [0, 0, 5], [1, 0, 10], [2, 0, 15]], "radius": 0.35})";
  const Scene s = parse(sceneJson({v}));
  ASSERT_EQ(s.anatomy.vessels.size(), 1u);
  const Vessel& vessel = s.anatomy.vessels[0];
  ASSERT_EQ(vessel.radii.size(), 4u);
  for (float r : vessel.radii) EXPECT_FLOAT_EQ(r, 0.35f);
}

TEST_F(SceneReaderTest, AllVesselFieldsAreRead) {
  const std::string v = R"({"id": "gsv_left", "name": "Left GSV", "system": "superficial", "region": "pelvis",
      "drains_into": "trunk_vein", "drains_at": 0.25, "points": [[1, 2, 3], [4, 5, 6]], "radius": 0.2,
      "description_student": "For students.", "description_patient": "For patients."})";
  const Scene s = parse(sceneJson({vesselJson("trunk_vein"), v}));
  const Vessel* gsv = s.anatomy.findVessel("gsv_left");
  ASSERT_NE(gsv, nullptr);
  EXPECT_EQ(gsv->name, "Left GSV");
  EXPECT_EQ(gsv->system, VesselSystem::Superficial);
  EXPECT_EQ(gsv->region, Region::Pelvis);
  EXPECT_EQ(gsv->drainsInto, "trunk_vein");
  EXPECT_FLOAT_EQ(gsv->drainsAt, 0.25f);
  EXPECT_EQ(gsv->points[0], Vec3(1.0f, 2.0f, 3.0f));
  EXPECT_EQ(gsv->descriptionStudent, "For students.");
  EXPECT_EQ(gsv->descriptionPatient, "For patients.");
}

TEST_F(SceneReaderTest, LandmarksAreRead) {
  const std::string extra = R"(  "landmarks": [{"id": "l5_body", "name": "L5", "position": [0, -10.7, 103.9]}],
)";
  const Scene s = parse(sceneJson({vesselJson("x_vein")}, extra));
  const Landmark* l = s.anatomy.findLandmark("l5_body");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->name, "L5");
  EXPECT_FLOAT_EQ(l->position.y, -10.7f);
  EXPECT_FLOAT_EQ(l->position.z, 103.9f);
}

TEST_F(SceneReaderTest, IncludeOverrideAndRemoveAcrossFiles) {
  write("base.json", sceneJson({vesselJson("trunk_vein"), vesselJson("branch_vein", "trunk_vein"),
                                vesselJson("extra_vein", "trunk_vein")},
                               "  \"name\": \"Base\",\n"));
  // Overrides branch_vein (new radius, new name), removes extra_vein, adds new_vein.
  const std::string mainText =
      sceneJson({vesselJson("branch_vein", "trunk_vein", ", \"name\": \"Branch (override)\"", "\"radius\": 0.9"),
                 vesselJson("new_vein", "trunk_vein")},
                "  \"include\": [\"base.json\"],\n  \"remove\": [\"extra_vein\"],\n");
  const Scene s = parse(mainText);
  EXPECT_EQ(s.name, "Base");  // inherited from the include
  ASSERT_EQ(s.includes.size(), 1u);
  EXPECT_EQ(s.includes[0].filename(), "base.json");

  ASSERT_EQ(s.anatomy.vessels.size(), 3u);
  EXPECT_EQ(s.anatomy.findVessel("extra_vein"), nullptr);
  ASSERT_NE(s.anatomy.findVessel("trunk_vein"), nullptr);
  ASSERT_NE(s.anatomy.findVessel("new_vein"), nullptr);
  const Vessel* branch = s.anatomy.findVessel("branch_vein");
  ASSERT_NE(branch, nullptr);
  EXPECT_EQ(branch->name, "Branch (override)");
  ASSERT_EQ(branch->radii.size(), 2u);
  EXPECT_FLOAT_EQ(branch->radii[0], 0.9f);
  // An override keeps the vessel's place in the order.
  EXPECT_EQ(s.anatomy.vesselIndex("trunk_vein"), 0);
  EXPECT_EQ(s.anatomy.vesselIndex("branch_vein"), 1);
  EXPECT_EQ(s.anatomy.vesselIndex("new_vein"), 2);
}

TEST_F(SceneReaderTest, IncludeFromSubfolderResolvesRelativeToIncludingFile) {
  fs::create_directories(dir_ / "parts");
  write("parts/trunk.json", sceneJson({vesselJson("trunk_vein")}, "  \"include\": [\"more.json\"],\n"));
  write("parts/more.json", sceneJson({vesselJson("more_vein", "right_atrium")}));
  const Scene s = parse(sceneJson({vesselJson("leaf_vein", "trunk_vein")}, "  \"include\": [\"parts/trunk.json\"],\n"));
  EXPECT_NE(s.anatomy.findVessel("more_vein"), nullptr);
  EXPECT_NE(s.anatomy.findVessel("trunk_vein"), nullptr);
  EXPECT_NE(s.anatomy.findVessel("leaf_vein"), nullptr);
  EXPECT_EQ(s.includes.size(), 2u);
}

TEST_F(SceneReaderTest, RemovingUnknownIdIsAnError) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein")}, "  \"remove\": [\"ghost_vein\"],\n"));
  EXPECT_NE(msg.find("ghost_vein"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, IncludeCycleIsAnError) {
  write("a.json", sceneJson({vesselJson("a_vein")}, "  \"include\": [\"b.json\"],\n"));
  write("b.json", sceneJson({vesselJson("b_vein")}, "  \"include\": [\"a.json\"],\n"));
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein")}, "  \"include\": [\"a.json\"],\n"));
  EXPECT_NE(msg.find("cycle"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, SelfIncludeOnDiskIsAnError) {
  write("self.json", sceneJson({vesselJson("x_vein")}, "  \"include\": [\"self.json\"],\n"));
  try {
    io::loadScene(dir_ / "self.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cycle"), std::string::npos) << e.what();
  }
}

TEST_F(SceneReaderTest, MissingIncludeNamesTheFile) {
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein")}, "  \"include\": [\"missing_part.json\"],\n"));
  EXPECT_NE(msg.find("missing_part.json"), std::string::npos) << msg;
  EXPECT_NE(msg.find("include"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, ErrorInIncludedFileNamesThatFile) {
  write("bad_part.json", "{\n  \"vessels\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
  const std::string msg = errorOf(sceneJson({vesselJson("x_vein")}, "  \"include\": [\"bad_part.json\"],\n"));
  EXPECT_NE(msg.find("bad_part.json:3:"), std::string::npos) << msg;
}

TEST_F(SceneReaderTest, LoadSceneMissingFile) {
  const fs::path missing = dir_ / "does_not_exist.json";
  try {
    io::loadScene(missing);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(missing.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("not found"), std::string::npos) << msg;
  }
}

TEST_F(SceneReaderTest, LoadSceneFromDisk) {
  write("leg.json", sceneJson({vesselJson("x_vein")}));
  const Scene s = io::loadScene(dir_ / "leg.json");
  EXPECT_EQ(s.path, dir_ / "leg.json");
  EXPECT_EQ(s.name, "leg");
  EXPECT_EQ(s.anatomy.vessels.size(), 1u);
}

TEST_F(SceneReaderTest, ViewPresetParsing) {
  const Scene s = parse(sceneJson({vesselJson("x_vein")},
                                  "  \"view\": {\"preset\": \"left\", \"target\": [1, 2, 3], \"distance\": 55.5},\n"));
  EXPECT_EQ(s.view.preset, View::Left);
  ASSERT_TRUE(s.view.target.has_value());
  EXPECT_EQ(*s.view.target, Vec3(1.0f, 2.0f, 3.0f));
  ASSERT_TRUE(s.view.distance.has_value());
  EXPECT_FLOAT_EQ(*s.view.distance, 55.5f);

  for (const char* name : {"anterior", "posterior", "left", "right", "superior", "inferior"}) {
    const Scene t =
        parse(sceneJson({vesselJson("x_vein")}, std::string("  \"view\": {\"preset\": \"") + name + "\"},\n"));
    EXPECT_EQ(viewName(t.view.preset), name);
  }
}

TEST_F(SceneReaderTest, BadViewIsRejected) {
  const std::string unknown = errorOf(sceneJson({vesselJson("x_vein")}, "  \"view\": {\"preset\": \"sideways\"},\n"));
  EXPECT_NE(unknown.find("view.preset"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("sideways"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("anterior, posterior, left, right, superior, inferior"), std::string::npos) << unknown;

  const std::string distance = errorOf(sceneJson({vesselJson("x_vein")}, "  \"view\": {\"distance\": -3},\n"));
  EXPECT_NE(distance.find("view.distance"), std::string::npos) << distance;

  const std::string key = errorOf(sceneJson({vesselJson("x_vein")}, "  \"view\": {\"zoom\": 2},\n"));
  EXPECT_NE(key.find("view.zoom"), std::string::npos) << key;
}

TEST_F(SceneReaderTest, SceneInfoJsonRoundTrip) {
  const std::string extra = R"(  "name": "Info test",
  "landmarks": [{"id": "knee", "position": [1, 2, 45.5]}],
)";
  const std::string v2 = R"({"id": "y_vein", "system": "superficial", "region": "leg", "drains_into": "x_vein",
      "drains_at": 0.5, "points": [[1.5, -2.25, 3], [4, 5, 60.75], [7, 8, 90]], "radii": [0.1, 0.2, 0.3]})";
  const Scene s = parse(sceneJson({vesselJson("x_vein"), v2, R"({"id": "some_artery", "system": "artery",
      "region": "abdomen", "points": [[0, 0, 0], [0, 1, 100]], "radius": 0.9})"},
                                  extra));
  const nlohmann::json j = nlohmann::json::parse(io::sceneInfoJson(s));
  EXPECT_EQ(j.at("name"), "Info test");
  EXPECT_EQ(j.at("units").at("length"), "cm");
  ASSERT_TRUE(j.at("vessels").is_array());
  ASSERT_EQ(j.at("vessels").size(), s.anatomy.vessels.size());
  for (const Vessel& v : s.anatomy.vessels) {
    const nlohmann::json* found = nullptr;
    for (const auto& jv : j.at("vessels"))
      if (jv.at("id") == v.id) found = &jv;
    ASSERT_NE(found, nullptr) << v.id;
    const auto& jv = *found;
    EXPECT_EQ(jv.at("system"), std::string(toString(v.system)));
    EXPECT_EQ(jv.at("region"), std::string(toString(v.region)));
    EXPECT_EQ(jv.at("drains_into"), v.drainsInto);
    EXPECT_NEAR(jv.at("drains_at").get<double>(), static_cast<double>(v.drainsAt), 1e-6);
    ASSERT_EQ(jv.at("points").size(), v.points.size()) << v.id;
    ASSERT_EQ(jv.at("radii").size(), v.radii.size()) << v.id;
    for (std::size_t i = 0; i < v.points.size(); ++i) {
      // Points are written in cm, as read: no unit conversion.
      for (int k = 0; k < 3; ++k)
        EXPECT_NEAR(jv.at("points")[i][static_cast<std::size_t>(k)].get<double>(), static_cast<double>(v.points[i][k]),
                    1e-5)
            << v.id;
      EXPECT_NEAR(jv.at("radii")[i].get<double>(), static_cast<double>(v.radii[i]), 1e-6) << v.id;
    }
  }
  // Spot check against the text of the scene.
  const auto& y = j.at("vessels")[1];
  EXPECT_EQ(y.at("id"), "y_vein");
  EXPECT_NEAR(y.at("points")[1][2].get<double>(), 60.75, 1e-5);
  EXPECT_NEAR(y.at("points")[0][1].get<double>(), -2.25, 1e-5);
  ASSERT_EQ(j.at("landmarks").size(), 1u);
  EXPECT_EQ(j.at("landmarks")[0].at("id"), "knee");
  EXPECT_NEAR(j.at("landmarks")[0].at("position")[2].get<double>(), 45.5, 1e-5);
}

TEST_F(SceneReaderTest, SceneInfoJsonForDefaultScene) {
  const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  const nlohmann::json j = nlohmann::json::parse(io::sceneInfoJson(s));
  ASSERT_EQ(j.at("vessels").size(), s.anatomy.vessels.size());
  for (std::size_t i = 0; i < s.anatomy.vessels.size(); ++i)
    EXPECT_EQ(j.at("vessels")[i].at("id"), s.anatomy.vessels[i].id);
  // The raw file and the info agree on the first point of the first vessel (cm both).
  const nlohmann::json raw = nlohmann::json::parse(io::readFile(VENAVIZ_SOURCE_DIR "/scenes/default.json"));
  EXPECT_NEAR(j.at("vessels")[0].at("points")[0][2].get<double>(),
              raw.at("vessels")[0].at("points")[0][2].get<double>(), 1e-5);
}

}  // namespace
}  // namespace venaviz
