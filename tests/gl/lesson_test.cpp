// Lessons and side by side in a live app (headless): every shipped lesson played to its end
// with every condition met; two bodies on one clock whose states differ as their conditions
// say, probes in both; the presenter's keys; a malformed lesson refused with nothing broken.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/lesson_run.h"
#include "core/error.h"
#include "platform/input.h"
#include "render/scene_renderer.h"

namespace venaviz {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = VENAVIZ_SOURCE_DIR;

AppOptions headless() {
  AppOptions o;
  o.headless = true;
  o.scene = kSource / "scenes" / "default.json";
  return o;
}

std::vector<std::string> shippedLessons() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kSource / "scenes" / "lessons"))
    if (e.path().extension() == ".json") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class ShippedLesson : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedLesson, PlaysToItsEndWithEveryConditionMet) {
  App app(headless());
  app.openLesson(kSource / "scenes" / "lessons" / GetParam());
  const LessonRun run = playLesson(app);
  ASSERT_FALSE(run.steps.empty());
  for (const LessonStepResult& s : run.steps) {
    EXPECT_TRUE(s.ok()) << "step " << s.step + 1 << " " << s.title << ": " << s.how << " " << s.waitedFor << " "
                        << s.error;
    if (app.lesson()->lesson().steps[s.step].question) {
      EXPECT_TRUE(s.measured.has_value()) << "step " << s.step + 1 << ": the question's number was never measured";
    }
  }
  EXPECT_EQ(run.correct, run.questions) << "the right answers were given";
  EXPECT_GE(run.questions, 1);
  EXPECT_TRUE(run.ok());
  EXPECT_EQ(app.lesson()->phase(), LessonPlayer::Phase::Finished);
}

INSTANTIATE_TEST_SUITE_P(Lessons, ShippedLesson, ::testing::ValuesIn(shippedLessons()),
                         [](const auto& test) { return test.param.substr(0, test.param.find('.')); });

TEST(SideBySide, TwoBodiesOneClockEachItsOwnState) {
  App app(headless());
  app.runScript(
      "posture standing; compare on Healthy \"GSV valves failed\"; side 2; condition valve_incompetence left_gsv 1; "
      "side both; probe great_saphenous_vein_left@0.06; activity tiptoe; wait 12");
  ASSERT_EQ(app.simCount(), 2u);
  EXPECT_EQ(app.sim(0).label, "Healthy");
  EXPECT_EQ(app.sim(1).label, "GSV valves failed");
  EXPECT_DOUBLE_EQ(app.sim(0).engine->time(), app.sim(1).engine->time()) << "one clock";
  ASSERT_EQ(app.sim(0).probes.probes().size(), 1u) << "a probe goes into both bodies";
  ASSERT_EQ(app.sim(1).probes.probes().size(), 1u);
  EXPECT_EQ(app.sim(0).contractions, app.sim(1).contractions) << "the same tiptoes";
  EXPECT_GE(app.sim(0).contractions, 10);
  app.runScript("activity still; wait 3");
  // The same measure on each body: the leaking veins refill at once, the healthy stay low.
  const auto healthy = app.lessonMeasure(io::parseLessonMeasure("ankle left"));
  const auto failed = app.lessonMeasure(io::parseLessonMeasure("right: ankle left"));
  ASSERT_TRUE(healthy && failed);
  EXPECT_GT(*failed, *healthy + 15.0) << "healthy " << *healthy << " mmHg, failed " << *failed << " mmHg";
  // The UI model's two views: labels, and each body's own reading at the probe.
  const ui::UiModel m = app.uiModel({1920.0f, 1080.0f}, false);
  ASSERT_EQ(m.views.size(), 2u);
  EXPECT_EQ(m.views[1].label, "GSV valves failed");
  ASSERT_EQ(m.views[0].readings.size(), 1u);
  EXPECT_GT(m.views[1].readings[0].pressure, m.views[0].readings[0].pressure + 15.0f);
  EXPECT_NEAR(m.views[0].width + m.views[1].width, 1920.0f, 1.0f);
  // Side 1 acts on the left body alone.
  app.apply("side 1");
  app.apply("condition valve_incompetence deep_left 1");
  EXPECT_NE(app.uiModel({1920.0f, 1080.0f}, false).activeConditions.size(), 0u);
  app.apply("compare off");
  EXPECT_EQ(app.simCount(), 1u);
  EXPECT_THROW(app.apply("side 2"), Error) << "one body: nothing to pick";
}

TEST(SideBySide, RendersTwoViews) {
  App app(headless());
  app.runScript("compare on Healthy \"GSV valves failed\"; wait 0.5");
  const Image img = app.renderImage(1600, 400, true);  // wide enough that the panel leaves the middle free
  ASSERT_EQ(img.width, 1600);
  // The divider: a light vertical line down the middle column.
  int light = 0;
  for (int y = 0; y < img.height; ++y) {
    const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + 800) * 4];
    if (p[0] > 150 && p[1] > 150 && p[2] > 150) ++light;
  }
  EXPECT_GT(light, img.height / 2) << "a divider between the two views";
}

TEST(SideBySide, TheRightHalfCopiesTheBonesAndLooksTheSameAsDrawingThem) {
  App app(headless());
  app.runScript("compare on Healthy \"GSV valves failed\"; side 2; condition valve_incompetence left_gsv 1; "
                "side both; wait 0.5");
  ASSERT_NE(app.sceneRenderer(), nullptr);
  const Image copied = app.renderImage(1280, 720, false);
  app.sceneRenderer()->setPairCopy(false);
  const Image drawn = app.renderImage(1280, 720, false);
  app.sceneRenderer()->setPairCopy(true);
  ASSERT_EQ(copied.rgba.size(), drawn.rgba.size());
  // The bones are drawn in the right half too: a copy that failed would leave them out.
  std::size_t differ = 0;
  for (std::size_t i = 0; i < copied.rgba.size(); ++i)
    if (std::abs(int(copied.rgba[i]) - int(drawn.rgba[i])) > 2) ++differ;
  EXPECT_LT(differ, copied.rgba.size() / 2000) << "copying the left half's bones changes the right half";
}

TEST(LessonKeys, ClickerKeysDriveThePlayer) {
  App app(headless());
  using platform::Key;
  EXPECT_FALSE(app.lessonKeyAction(Key::Right, false)) << "no lesson: the keys keep their usual meaning";
  app.openLesson(kSource / "scenes" / "lessons" / "02_reflux.json");
  EXPECT_EQ(app.lessonKeyAction(Key::Right, false).value_or(""), "lesson_next");
  EXPECT_EQ(app.lessonKeyAction(Key::PageDown, false).value_or(""), "lesson_next");
  EXPECT_EQ(app.lessonKeyAction(Key::Space, false).value_or(""), "lesson_next");
  EXPECT_EQ(app.lessonKeyAction(Key::Left, false).value_or(""), "lesson_prev");
  EXPECT_EQ(app.lessonKeyAction(Key::PageUp, false).value_or(""), "lesson_prev");
  EXPECT_EQ(app.lessonKeyAction(Key::T, false).value_or(""), "lesson_steps");
  EXPECT_EQ(app.lessonKeyAction(Key::Home, false).value_or(""), "lesson_restart");
  EXPECT_FALSE(app.lessonKeyAction(Key::Right, true)) << "a held clicker button steps once";
  EXPECT_FALSE(app.lessonKeyAction(Key::Num1, false)) << "no question asked on step 1";
  app.apply("lesson_next");  // step 2 asks
  ASSERT_EQ(app.lesson()->phase(), LessonPlayer::Phase::Asking);
  EXPECT_EQ(app.lessonKeyAction(Key::Num1, false).value_or(""), "lesson_answer 1");
  EXPECT_EQ(app.lessonKeyAction(Key::Num3, false).value_or(""), "lesson_answer 3");
  EXPECT_FALSE(app.lessonKeyAction(Key::Num4, false)) << "three answers only";
  app.apply("lesson_answer 1");
  EXPECT_EQ(app.lesson()->phase(), LessonPlayer::Phase::Running);
  app.apply("lesson_goto 8");
  EXPECT_EQ(app.lesson()->stepIndex(), 7u);
  EXPECT_EQ(app.simCount(), 2u) << "the side-by-side step's actions ran";
  app.apply("lesson_prev");
  EXPECT_EQ(app.simCount(), 1u) << "back: replayed from the start, one body again";
  app.apply("black_screen");
  EXPECT_TRUE(app.state().blackScreen);
  app.apply("lesson off");
  EXPECT_EQ(app.lesson(), nullptr);
  EXPECT_FALSE(app.state().blackScreen);
}

TEST(LessonErrors, MalformedLessonIsRefusedAndTheLessonPlayingGoesOn) {
  App app(headless());
  app.openLesson(kSource / "scenes" / "lessons" / "02_reflux.json");
  app.apply("lesson_goto 3");
  const fs::path dir = fs::temp_directory_path() / "venaviz_lesson_test";
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.json";
  std::ofstream(bad) << R"({"title": "T", "level": "introductory", "sources": ["S"], "steps": [
      {"title": "A", "caption": "B"},
      {"title": "C", "caption": "D", "do": ["condition varicose"]}]})";
  try {
    app.apply("lesson \"" + bad.string() + "\"");
    FAIL() << "accepted";
  } catch (const Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("bad.json: step 2.do[0]: condition"), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
  const fs::path unknownVessel = dir / "vessel.json";
  std::ofstream(unknownVessel) << R"({"title": "T", "level": "introductory", "sources": ["S"], "steps": [
      {"title": "A", "caption": "B", "advance": {"when": "pressure no_such_vein@0.5 > 3"}}]})";
  EXPECT_THROW(app.apply("lesson \"" + unknownVessel.string() + "\""), Error);
  ASSERT_NE(app.lesson(), nullptr);
  EXPECT_EQ(app.lesson()->lesson().title, "Venous reflux and varicose veins");
  EXPECT_EQ(app.lesson()->stepIndex(), 2u) << "the lesson that was playing is where it was";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace venaviz
