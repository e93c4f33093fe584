// Patient mode on a live body: the captions and the gauge follow what the engine measures for
// each choice (not one text per button), Back / Start again / languages / kiosk behave, and every
// button and control is reached by clicks alone (touches), each changing the state as its label
// says, with touch targets at least 48 px high, at the two tablet sizes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/error.h"
#include "ui_driver.h"

namespace venaviz {
namespace {

using Keys = std::vector<std::string>;

AppOptions headless() {
  AppOptions o;
  o.headless = true;
  o.scene = std::filesystem::path(VENAVIZ_SOURCE_DIR) / "scenes" / "default.json";
  return o;
}

patient::Facts facts(const App& app) {
  return patient::measure(*app.sim().engine, app.state().scene.anatomy, app.sim().patient);
}

Keys captions(const App& app) { return patient::captionKeys(facts(app), app.state().patient.choice); }

bool has(const Keys& k, const std::string& key) { return std::find(k.begin(), k.end(), key) != k.end(); }

std::string join(const Keys& k) {
  std::string s;
  for (const auto& x : k) s += " " + x;
  return s;
}

class PatientMode : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = std::make_unique<App>(headless()); }
  static void TearDownTestSuite() { app_.reset(); }
  /// Taps a problem then a situation (as a patient would) and lets 2 s pass.
  static Keys show(const char* problem, const char* situation) {
    app_->apply(std::string("patient_scene ") + problem);
    app_->apply(std::string("patient_scene ") + situation);
    app_->simulate(2.0);
    return captions(*app_);
  }
  static int gauge() { return patient::gaugeLevel(facts(*app_)); }
  static inline std::unique_ptr<App> app_;
};

TEST_F(PatientMode, CaptionsAndGaugeFollowTheMeasuredBody) {
  App& app = *app_;
  app.apply("patient on");
  // Healthy: standing still the column of blood makes the ankle pressure high (about 90 mmHg,
  // physiology.md section 4); walking's calf pump brings it into the normal band; legs up, low.
  Keys k = show("healthy", "standing");
  EXPECT_EQ(gauge(), 2) << join(k);
  EXPECT_TRUE(has(k, "caption.standing") && has(k, "caption.valves_work")) << join(k);
  EXPECT_FALSE(has(k, "caption.reflux_seen")) << "healthy valves show no reflux:" << join(k);
  k = show("healthy", "walking");
  EXPECT_EQ(gauge(), 1) << join(k);
  EXPECT_TRUE(has(k, "caption.walking_pump")) << join(k);
  k = show("healthy", "legs_up");
  EXPECT_EQ(gauge(), 0) << join(k);
  EXPECT_EQ(k.front(), "caption.legs_up");
  // Leaky valves: walking no longer brings the pressure down, and reflux is measured in the vein.
  k = show("leaky", "walking");
  EXPECT_EQ(gauge(), 2) << facts(app).ankle[0] << " mmHg:" << join(k);
  EXPECT_EQ(k.front(), "caption.leaky_left") << "what is wrong comes first:" << join(k);
  EXPECT_TRUE(has(k, "caption.walking_weak") && has(k, "caption.reflux_seen")) << join(k);
  EXPECT_TRUE(facts(app).refluxSeen[0] && !facts(app).refluxSeen[1]);
  k = show("leaky", "standing");
  EXPECT_TRUE(has(k, "caption.leaky_falls_back")) << join(k);
  k = show("leaky", "legs_up");
  EXPECT_TRUE(has(k, "caption.leaky_lying")) << join(k);
  // After treatment (ablation of the leaking vein): walking works again.
  k = show("leaky", "treated");
  EXPECT_EQ(gauge(), 1) << join(k);
  EXPECT_TRUE(has(k, "caption.ablation") && !has(k, "caption.reflux_seen")) << join(k);
  // A clot: the ankle of that leg is higher than the other, side veins carry the blood round.
  k = show("clot", "standing");
  const patient::Facts clot = facts(app);
  EXPECT_GT(clot.ankle[0] - clot.ankle[1], 2.0);
  EXPECT_GT(clot.collateralShare, patient::kCollateralShare);
  EXPECT_TRUE(has(k, "caption.clot_left") && has(k, "caption.clot_pressure") && has(k, "caption.side_veins"))
      << join(k);
  k = show("clot", "walking");
  EXPECT_TRUE(has(k, "caption.walking_blocked")) << join(k);
  k = show("clot", "treated");
  EXPECT_TRUE(has(k, "caption.clot_gone") && !has(k, "caption.clot_left")) << join(k);
  EXPECT_LT(facts(app).collateralShare, patient::kCollateralShare);
  // The squeezed iliac vein: a measured drop across the squeeze; the stent takes it away.
  k = show("squeezed", "standing");
  EXPECT_GT(facts(app).squeezeGradient, patient::kSqueezeGradient);
  EXPECT_TRUE(has(k, "caption.squeezed") && has(k, "caption.squeezed_effect")) << join(k);
  k = show("squeezed", "treated");
  EXPECT_TRUE(has(k, "caption.stent") && !has(k, "caption.squeezed")) << join(k);
  EXPECT_EQ(facts(app).squeezed, 0.0f);
  // Stockings press from outside (the vein's own pressure standing still stays high).
  k = show("healthy", "stockings");
  EXPECT_TRUE(facts(app).stockings && has(k, "caption.stockings")) << join(k);
  // Never more than four sentences, and every one a string English has.
  const ui::UiModel m = app.uiModel({1280.0f, 800.0f}, false);
  EXPECT_LE(m.patient.captions.size(), patient::kMaxSentences);
  for (const std::string& c : m.patient.captions) EXPECT_EQ(c.rfind("caption.", 0), std::string::npos) << c;
}

TEST_F(PatientMode, BackStartAgainLanguagesAndErrors) {
  App& app = *app_;
  app.apply("patient on");
  app.apply("patient_restart");
  EXPECT_TRUE(app.state().patient.history.empty());
  app.apply("patient_scene leaky");
  app.apply("patient_scene walking");
  EXPECT_EQ(app.state().patient.choice, (patient::Choice{patient::Problem::Leaky, patient::Situation::Walking}));
  app.apply("patient_back");
  EXPECT_EQ(app.state().patient.choice, (patient::Choice{patient::Problem::Leaky, patient::Situation::Standing}));
  EXPECT_EQ(app.sim().engine->drivers().settings().activity, hemo::Activity::Still);
  app.apply("patient_back");
  EXPECT_EQ(app.state().patient.choice, patient::Choice{});
  app.apply("patient_back");  // nothing left: stays
  EXPECT_EQ(app.state().patient.choice, patient::Choice{});
  // A problem keeps what the person is doing; "treated" needs a problem.
  app.apply("patient_scene legs_up");
  app.apply("patient_scene clot");
  EXPECT_EQ(app.state().patient.choice.situation, patient::Situation::LegsUp);
  app.apply("patient_restart");
  EXPECT_THROW(app.apply("patient_scene treated"), Error);
  try {
    app.apply("patient_scene flying");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("expected healthy, leaky"), std::string::npos) << e.what();
  }
  // Languages switch at run time; an unknown one is one line naming those there.
  app.apply("language es");
  ui::UiModel m = app.uiModel({1024.0f, 768.0f}, false);
  EXPECT_EQ(m.patient.title, "Sus venas");
  ASSERT_FALSE(m.patient.captions.empty());
  EXPECT_NE(m.patient.captions.front().find("pie"), std::string::npos) << m.patient.captions.front();
  try {
    app.apply("language xx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("en, es, fr"), std::string::npos) << e.what();
  }
  EXPECT_EQ(app.state().patient.language, "es") << "a bad code changes nothing";
  app.apply("language en");
  // A tapped vein gets its plain name.
  app.apply("select great_saphenous_vein_left");
  EXPECT_EQ(app.uiModel({1024.0f, 768.0f}, false).patient.tapped, "The long vein under the skin of your leg");
  app.apply("patient off");
  EXPECT_FALSE(app.state().patient.on);
}

TEST(PatientKiosk, LockedInPatientMode) {
  AppOptions o = headless();
  o.kiosk = true;
  o.language = "fr";
  App app(o);
  EXPECT_TRUE(app.state().patient.on && app.state().patient.kiosk);
  EXPECT_THROW(app.apply("patient off"), Error);
  EXPECT_TRUE(app.state().patient.on);
  EXPECT_TRUE(app.uiModel({1280.0f, 800.0f}, false).patient.kiosk) << "no exit button";
  EXPECT_EQ(app.uiModel({1280.0f, 800.0f}, false).patient.title, "Vos veines");
}

/// Every control's action from clicks over the patient screen, with the height (px) of the
/// column of click points that emitted it (a touch target's height, to 4 px).
std::map<std::string, float> clickEverything(const ui::UiModel& model, Vec2 display) {
  test::UiDriver ui(display);
  ui.setDraw(&ui::drawPatient);
  std::vector<test::Rect> windows;
  EXPECT_TRUE(ui.run(model, nullptr, &windows).empty()) << "no action without a touch";
  for (const test::Rect& r : windows)
    EXPECT_TRUE(r.pos.x >= 0.0f && r.pos.y >= 0.0f && r.pos.x + r.size.x <= display.x + 0.5f &&
                r.pos.y + r.size.y <= display.y + 0.5f)
        << display.x << "x" << display.y << ": " << r.name << " goes off the screen";
  std::map<std::string, std::pair<float, float>> spans;  // action: first and last y
  for (const test::Rect& r : windows)
    for (float fx : {0.15f, 0.35f, 0.5f, 0.65f, 0.85f})
      for (float y = r.pos.y + 1.0f; y < r.pos.y + r.size.y; y += 4.0f) {
        const ImVec2 p(r.pos.x + r.size.x * fx, y);
        for (const std::string& a : ui.run(model, &p)) {
          auto [it, fresh] = spans.try_emplace(a, y, y);
          it->second.first = std::min(it->second.first, y);
          it->second.second = std::max(it->second.second, y);
        }
      }
  std::map<std::string, float> out;
  for (const auto& [a, s] : spans) out[a] = s.second - s.first + 4.0f;
  return out;
}

TEST_F(PatientMode, EveryButtonIsReachedByTouchesAndDoesWhatItSays) {
  App& app = *app_;
  app.apply("language en");
  app.apply("patient on");
  app.apply("patient_scene leaky");  // a problem: "After treatment" shows, Back is live
  // Landscape tablets, and an upright one (the languages then take two rows).
  for (const Vec2 display : {Vec2(1024.0f, 768.0f), Vec2(1280.0f, 800.0f), Vec2(600.0f, 960.0f)}) {
    const ui::UiModel model = app.uiModel(display, false);
    const auto found = clickEverything(model, display);
    const char* expected[] = {"patient_scene healthy", "patient_scene leaky", "patient_scene clot",
                              "patient_scene squeezed", "patient_scene standing", "patient_scene walking",
                              "patient_scene legs_up", "patient_scene stockings", "patient_scene treated",
                              "patient_back", "patient_restart", "language en", "language es", "language fr",
                              "zoom 3", "zoom -3", "camera_to view=anterior", "patient off"};
    for (const char* e : expected) {
      const auto it = found.find(e);
      ASSERT_NE(it, found.end()) << display.x << "x" << display.y << ": no touch reaches \"" << e << "\"";
      EXPECT_GE(it->second, 48.0f) << e << ": a touch target " << it->second << " px high";
    }
    EXPECT_EQ(found.size(), std::size(expected)) << "an unexpected action";
  }
  // Each action does what its label says.
  const AppState& st = app.state();
  const hemo::DriverSettings& d = app.sim().engine->drivers().settings();
  auto lost = [&] { return facts(app); };
  app.apply("patient_scene healthy");
  EXPECT_FALSE(lost().leaky[0] || lost().clot[0] || lost().squeezed > 0.0f);
  app.apply("patient_scene leaky");
  EXPECT_TRUE(lost().leaky[0]);
  app.apply("patient_scene clot");
  EXPECT_TRUE(lost().clot[0] && !lost().leaky[0]);
  app.apply("patient_scene squeezed");
  EXPECT_GT(lost().squeezed, 0.5f);
  app.apply("patient_scene walking");
  EXPECT_TRUE(d.posture == hemo::Posture::Standing && d.activity == hemo::Activity::Walking);
  app.apply("patient_scene standing");
  EXPECT_TRUE(d.posture == hemo::Posture::Standing && d.activity == hemo::Activity::Still);
  app.apply("patient_scene legs_up");
  EXPECT_EQ(d.posture, hemo::Posture::LegsElevated);
  app.apply("patient_scene stockings");
  EXPECT_TRUE(lost().stockings);
  app.apply("patient_scene treated");
  EXPECT_EQ(lost().squeezed, 0.0f) << "the stent opened the squeezed vein";
  app.apply("patient_back");
  EXPECT_EQ(st.patient.choice.situation, patient::Situation::Stockings);
  const float before = st.camera.pose().distance;
  app.apply("zoom 3");
  app.state().camera.update(10.0f);
  EXPECT_LT(st.camera.pose().distance, before) << "Closer";
  const float closer = st.camera.pose().distance;
  app.apply("zoom -3");
  app.state().camera.update(10.0f);
  EXPECT_GT(st.camera.pose().distance, closer) << "Further";
  app.apply("camera_to view=anterior");
  app.state().camera.update(10.0f);
  EXPECT_NEAR(st.camera.pose().distance, app.scenePose(View::Anterior).distance, 1.0f) << "Whole body";
  app.apply("language fr");
  EXPECT_EQ(st.patient.language, "fr");
  app.apply("patient_restart");
  EXPECT_EQ(st.patient.choice, patient::Choice{});
  EXPECT_TRUE(st.patient.history.empty());
  app.apply("patient off");
  EXPECT_FALSE(st.patient.on);
  app.apply("language en");
}

}  // namespace
}  // namespace venaviz
