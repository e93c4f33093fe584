// The panels driven as a user drives them: clicks over every window of the UI in headless ImGui
// frames (a context of the test's own, one per click, so no click changes the next), the
// actions they emit collected, the controls of the teaching issue all found, and every action
// applied to a live app without an error.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/error.h"
#include "ui/fonts.h"
#include "ui/panels.h"
#include "ui_driver.h"

namespace venaviz {
namespace {

using test::Rect;
using test::UiDriver;

TEST(UiDrive, EveryPanelControlEmitsAValidActionAndTheIssuesControlsAreAllThere) {
  AppOptions o;
  o.headless = true;
  o.scene = std::filesystem::path(VENAVIZ_SOURCE_DIR) / "scenes" / "default.json";
  App app(o);
  // A state with something in every window: a probe with its ultrasound, a vein picked, a
  // change to undo and one to redo.
  app.runScript(
      "probe great_saphenous_vein_left@0.7; doppler 1; select great_saphenous_vein_left; "
      "condition valve_incompetence left_gsv 1; posture standing; undo; wait 1");
  const Vec2 display(1280.0f, 3400.0f);  // tall: the control panel needs no scrolling
  const ui::UiModel model = app.uiModel(display, false);

  UiDriver ui(display);
  std::vector<Rect> windows;
  EXPECT_TRUE(ui.run(model, nullptr, &windows).empty()) << "no action without a click";
  std::set<std::string> names;
  for (const Rect& r : windows) names.insert(r.name.substr(0, r.name.find("###")));
  for (const char* w : {"venaviz", "Vessel", "Probes"}) EXPECT_TRUE(names.count(w)) << w;
  EXPECT_TRUE(std::any_of(windows.begin(), windows.end(),
                          [](const Rect& r) { return r.name.find("###duplex") != std::string::npos; }));

  // Click down every window: five columns, every 5 px (controls are at least ~25 px tall).
  std::set<std::string> emitted;
  for (const Rect& r : windows) {
    for (float fx : {0.12f, 0.3f, 0.5f, 0.7f, 0.88f})
      for (float y = r.pos.y + 2.0f; y < r.pos.y + r.size.y; y += 5.0f) {
        const ImVec2 p(r.pos.x + r.size.x * fx, y);
        for (const std::string& a : ui.run(model, &p)) emitted.insert(a);
      }
    // The title bar's right end (a window's close button).
    for (float dx = 4.0f; dx < 44.0f; dx += 6.0f) {
      const ImVec2 p(r.pos.x + r.size.x - dx, r.pos.y + 10.0f);
      for (const std::string& a : ui.run(model, &p)) emitted.insert(a);
    }
  }
  auto has = [&](const std::string& prefix) {
    return std::any_of(emitted.begin(), emitted.end(), [&](const std::string& a) { return a.rfind(prefix, 0) == 0; });
  };
  const char* expected[] = {
      // Time
      "reset_time", "time_scale ", "fast_forward 30",
      // Body
      "posture supine", "posture standing", "posture sitting", "posture legs_elevated", "posture tilt ",
      "activity still", "activity walking", "activity tiptoe", "activity ankle_pumps", "breathing off", "breathing ",
      "valsalva", "squeeze left", "squeeze right", "cuff left", "cuff right", "tourniquet left", "tourniquet right",
      // Conditions
      "undo", "redo", "reset_body", "click_mode probe", "click_mode valve", "click_mode thrombus",
      "condition valve_incompetence left_gsv 1", "condition valve_incompetence right_gsv 1",
      "condition valve_incompetence deep_left 1", "condition valve_incompetence deep_right 1",
      "condition valve_incompetence perforators 1", "condition valve_incompetence all 1",
      "condition may_thurner common_iliac_vein_left ", "thrombosis calf left", "thrombosis femoropopliteal left",
      "thrombosis iliofemoral left", "condition jugular_stenosis ", "condition raised_abdominal_pressure ",
      "condition tight_clothing waist", "condition tight_clothing groin", "condition av_fistula ",
      // Treatments
      "condition stockings both pressure=18", "condition stockings both pressure=25",
      "condition stockings both pressure=40", "condition valve_repair all",
      "condition ablation great_saphenous_vein_left", "condition perforator_ligation perforators",
      "condition iliac_stent", "thrombus_clear",
      // Blood
      "particles off", "walls solid", "particle_color speed", "particle_color oxygen", "wall_map pressure",
      "wall_map transmural", "wall_map velocity", "quality low", "quality high",
      // Probes and the ultrasound
      "probe_remove 1", "doppler off",
      // View, layers, display
      "view anterior", "view left", "reset_view", "layer ", "xray off", "labels off", "ui_scale ", "theme light",
      "theme contrast", "help",
      // The vessel card
      "patient on", "focus great_saphenous_vein_left", "probe great_saphenous_vein_left@0.5",
      "valve_toggle great_saphenous_vein_left", "select none", "isolate great_saphenous_vein_left"};
  for (const char* e : expected) EXPECT_TRUE(has(e)) << "no control emits \"" << e << "\"";
  EXPECT_TRUE(has(model.paused ? "play" : "pause"));


  // Every action the panels emit runs on the app (undo/redo may find nothing left to undo).
  int ran = 0;
  for (const std::string& a : emitted) {
    const std::string name = a.substr(0, a.find(' '));
    ASSERT_TRUE(app.actions().has(name)) << a;
    if (name == "quit" || name == "load_scene" || name == "fullscreen" || name == "reload_shaders") continue;
    try {
      // The actions arrive sorted, not in the order one click emits them: "side N" needs the
      // two bodies its button's "compare on" made (a lesson or "compare off" since may have closed them).
      if (name == "side" && app.simCount() < 2) app.apply("compare on");
      app.apply(a);
      ++ran;
    } catch (const Error& e) {
      EXPECT_TRUE(name == "undo" || name == "redo") << a << ": " << e.what();
    }
  }
  EXPECT_GT(ran, 60);
  // And what a few of them do, each applied alone.
  const AppState& st = app.state();
  app.apply("theme contrast");
  EXPECT_EQ(st.theme, ui::Theme::Contrast);
  app.apply("click_mode thrombus");
  EXPECT_EQ(st.clickMode, ClickMode::Thrombus);
  app.apply("posture standing");
  EXPECT_EQ(app.sim().engine->drivers().settings().posture, hemo::Posture::Standing);
  app.apply("condition stockings both pressure=40");
  EXPECT_NE(app.uiModel(display, false).activeConditions.size(), 0u);
  app.apply("reset_body");
  EXPECT_TRUE(app.uiModel(display, false).activeConditions.empty());
  std::printf("%zu distinct actions emitted by clicks over %zu windows; %d applied\n", emitted.size(), windows.size(),
              ran);
}

}  // namespace
}  // namespace venaviz
