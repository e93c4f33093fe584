// The headless path: offscreen render, readback, depth picking and actions on a real app.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "anatomy/centerline.h"
#include "app/app.h"
#include "core/error.h"

using namespace venaviz;

namespace {
AppOptions headless() {
  AppOptions o;
  o.headless = true;
  o.scene = std::filesystem::path(VENAVIZ_SOURCE_DIR) / "scenes" / "default.json";
  return o;
}
struct Px {
  int r, g, b;
};
Px at(const Image& img, int x, int y) {
  const std::size_t i =
      (static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]};
}
}  // namespace

class OffscreenGLTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = std::make_unique<App>(headless()); }
  static void TearDownTestSuite() { app_.reset(); }
  void SetUp() override { app_->state().camera.setPose(app_->scenePose(View::Anterior)); }
  static inline std::unique_ptr<App> app_;
};

TEST_F(OffscreenGLTest, RendersVeinsBlueAndArteriesRedOnADarkBackground) {
  const Image img = app_->renderImage(320, 200, false);
  ASSERT_EQ(img.width, 320);
  ASSERT_EQ(img.height, 200);
  const Px corner = at(img, 2, 2);
  EXPECT_LT(corner.r + corner.g + corner.b, 200);  // dark slate background
  int blue = 0, red = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const Px p = at(img, x, y);
      if (p.b > p.r + 40 && p.b > 90) ++blue;
      if (p.r > p.b + 60 && p.r > 120) ++red;
    }
  EXPECT_GT(blue, 200);
  EXPECT_GT(red, 50);
}

TEST_F(OffscreenGLTest, SameInputsGiveIdenticalPixels) {
  const Image a = app_->renderImage(256, 160, true);
  const Image b = app_->renderImage(256, 160, true);
  EXPECT_EQ(a.rgba, b.rgba);
}

TEST_F(OffscreenGLTest, EveryStandardViewFitsTheWholeAnatomy) {
  for (View v : {View::Anterior, View::Posterior, View::Left, View::Right, View::Superior, View::Inferior}) {
    app_->renderImage(640, 400, false);
    app_->state().camera.setPose(app_->scenePose(v));
    for (const Vessel& vessel : app_->state().scene.anatomy.vessels)
      for (const Vec3& p : vessel.points) {
        const Vec3 s = app_->state().camera.project(p, Vec2(640.0f, 400.0f));
        EXPECT_TRUE(s.x >= 0 && s.x <= 640 && s.y >= 0 && s.y <= 400) << viewName(v) << " " << vessel.id;
      }
  }
}

TEST_F(OffscreenGLTest, DepthPickFindsAVesselSurface) {
  // Look straight at the May-Thurner crossing: the pick must land on a wall near there.
  CameraPose pose = OrbitCamera::poseFor(View::Anterior, Vec3(0.0f, -13.0f, 104.0f), 30.0f);
  app_->state().camera.setPose(pose);
  app_->renderImage(400, 400, false);
  auto hit = app_->surfacePointAt(Vec2(200.0f, 200.0f));
  ASSERT_TRUE(hit.has_value());
  float best = 1e9f, radius = 0.0f;
  for (const Vessel& v : app_->state().scene.anatomy.vessels) {
    float d = 0.0f;
    const float f = closestFraction(v.points, *hit, &d);
    if (d < best) {
      best = d;
      (void)f;
      radius = *std::max_element(v.radii.begin(), v.radii.end());
    }
  }
  EXPECT_LT(best, radius + 0.3f);
  // A pixel of plain background has nothing under it.
  EXPECT_FALSE(app_->surfacePointAt(Vec2(2.0f, 2.0f)).has_value());
}

TEST_F(OffscreenGLTest, ActionsDriveTheCameraAndClock) {
  app_->apply("view left");
  app_->state().camera.update(5.0f);
  EXPECT_NEAR(app_->state().camera.pose().yawDeg, 90.0f, 1e-3f);
  app_->apply("pause");
  EXPECT_TRUE(app_->state().clock.paused());
  app_->apply("reset_time");
  app_->apply("step 1");
  EXPECT_NEAR(app_->state().clock.time(), 1.0, 1e-9);
  app_->apply("time_scale 4");
  EXPECT_DOUBLE_EQ(app_->state().clock.timeScale(), 4.0);
  EXPECT_THROW(app_->apply("time_scale 40"), Error);
  EXPECT_THROW(app_->apply("view sideways"), Error);
  app_->apply("ui_scale 2");
  EXPECT_FLOAT_EQ(app_->state().uiScale, 2.0f);
  app_->apply("ui_scale 1");
}

TEST_F(OffscreenGLTest, BadSceneKeepsThePreviousOne) {
  const std::size_t before = app_->state().scene.anatomy.vessels.size();
  EXPECT_THROW(app_->apply("load_scene /nonexistent/scene.json"), Error);
  EXPECT_EQ(app_->state().scene.anatomy.vessels.size(), before);
  EXPECT_FALSE(app_->applyReported("load_scene /nonexistent/scene.json"));
  EXPECT_NE(app_->state().sceneError.find("/nonexistent/scene.json"), std::string::npos);
  app_->apply("dismiss_error");
  EXPECT_TRUE(app_->state().sceneError.empty());
}

TEST_F(OffscreenGLTest, MissingContextModelIsAWarningAndTheSceneStillLoads) {
  const auto dir = std::filesystem::temp_directory_path() / "venaviz_missing_model";
  std::filesystem::create_directories(dir);
  const auto scene = dir / "scene.json";
  std::ofstream(scene) << "{\"include\": [\"" << VENAVIZ_SOURCE_DIR << "/scenes/default.json\"],"
                       << " \"models\": [{\"id\": \"ghost\", \"file\": \"ghost.obj\", \"layer\": \"organs\"}]}";
  app_->loadScene(scene);
  ASSERT_EQ(app_->state().warnings.size(), 1u);
  EXPECT_NE(app_->state().warnings[0].find("ghost.obj"), std::string::npos);
  EXPECT_GT(app_->state().scene.anatomy.vessels.size(), 100u);
  const Image img = app_->renderImage(160, 100, true);
  EXPECT_EQ(img.width, 160);
  app_->loadScene(std::filesystem::path(VENAVIZ_SOURCE_DIR) / "scenes" / "default.json");
  EXPECT_TRUE(app_->state().warnings.empty());
  std::filesystem::remove_all(dir);
}

TEST_F(OffscreenGLTest, LayersHideVesselsAndTheirValves) {
  app_->apply("layer deep off");
  EXPECT_FALSE(app_->state().layers[static_cast<std::size_t>(Layer::Deep)]);
  const int ivc = app_->state().scene.anatomy.vesselIndex("inferior_vena_cava");
  EXPECT_LT(app_->state().styles[static_cast<std::size_t>(ivc)].highlight, 0.0f);
  EXPECT_FALSE(app_->vesselVisible(static_cast<std::size_t>(ivc)));
  EXPECT_THROW(app_->apply("layer spleen off"), Error);
  app_->apply("layer deep on");
  EXPECT_GE(app_->state().styles[static_cast<std::size_t>(ivc)].highlight, 0.0f);
  app_->apply("select inferior_vena_cava");
  EXPECT_EQ(app_->state().selected, ivc);
  EXPECT_FLOAT_EQ(app_->state().styles[static_cast<std::size_t>(ivc)].highlight, 1.0f);
  EXPECT_THROW(app_->apply("select no_such_vein"), Error);
  app_->apply("select none");
  EXPECT_EQ(app_->state().selected, -1);
}

TEST_F(OffscreenGLTest, ClickingThroughTheMiddleOfTheIvcPicksIt) {
  // Hide bones and skin, look at the IVC from the front, pick the centre pixel.
  app_->apply("layer bones off");
  const Vessel* ivc = app_->state().scene.anatomy.findVessel("inferior_vena_cava");
  app_->state().camera.setPose(OrbitCamera::poseFor(View::Anterior, ivc->points[2], 25.0f));
  app_->renderImage(400, 400, false);
  const auto hit = app_->vesselAt(Vec2(200.0f, 200.0f));
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(app_->state().scene.anatomy.vessels[static_cast<std::size_t>(hit->vessel)].id, "inferior_vena_cava");
  app_->apply("layer bones on");
}

TEST_F(OffscreenGLTest, LabelsNameOnlyVisibleVessels) {
  app_->renderImage(1280, 800, false);
  app_->state().camera.setPose(app_->scenePose(View::Anterior));
  app_->renderImage(1280, 800, false);
  const auto labels = app_->labelAnchors(Vec2(1280.0f, 800.0f));
  EXPECT_GE(labels.size(), 6u);
  bool ivc = false;
  for (const auto& [text, anchor] : labels) {
    ivc = ivc || text == "Inferior vena cava";
    EXPECT_TRUE(anchor.x >= 0 && anchor.x <= 1280 && anchor.y >= 0 && anchor.y <= 800);
  }
  EXPECT_TRUE(ivc);
  app_->apply("layer deep off");
  app_->renderImage(1280, 800, false);
  for (const auto& [text, anchor] : app_->labelAnchors(Vec2(1280.0f, 800.0f))) EXPECT_NE(text, "Inferior vena cava");
  app_->apply("layer deep on");
}
