// Golden images: render each case of tests/golden/cases.json at a fixed time and view and
// compare with tests/golden/baselines/<name>.png under a per-channel tolerance. On failure the
// actual image and a diff image go to the build tree. VENAVIZ_UPDATE_GOLDEN=1 rewrites the
// baselines (cmake --build build --target update_golden); review them before committing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "io/image.h"

using namespace venaviz;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
const fs::path kSource = VENAVIZ_SOURCE_DIR;
const fs::path kOut = VENAVIZ_GOLDEN_OUT;

json loadCases() {
  std::ifstream in(kSource / "tests/golden/cases.json");
  return json::parse(in);
}

struct Diff {
  double badFraction = 0.0;
  int maxChannel = 0;
  Image image;
};

Diff compare(const Image& a, const Image& b, int tolerance) {
  Diff d;
  d.image.width = a.width;
  d.image.height = a.height;
  d.image.rgba.assign(a.rgba.size(), 0);
  std::size_t bad = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int m = 0;
    for (int c = 0; c < 3; ++c)
      m = std::max(
          m, std::abs(int(a.rgba[i + static_cast<std::size_t>(c)]) - int(b.rgba[i + static_cast<std::size_t>(c)])));
    d.maxChannel = std::max(d.maxChannel, m);
    if (m > tolerance) ++bad;
    // Diff image: grey copy of the expected image, differences in magenta.
    const auto grey = static_cast<std::uint8_t>((b.rgba[i] + b.rgba[i + 1] + b.rgba[i + 2]) / 9);
    const bool hot = m > tolerance;
    d.image.rgba[i] = hot ? 255 : grey;
    d.image.rgba[i + 1] = hot ? 0 : grey;
    d.image.rgba[i + 2] = hot ? 255 : grey;
    d.image.rgba[i + 3] = 255;
  }
  d.badFraction = static_cast<double>(bad) / static_cast<double>(a.rgba.size() / 4);
  return d;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  // A fresh app per case: actions (layers, particles, conditions) must not leak into the next.
  void SetUp() override {
    AppOptions o;
    o.headless = true;
    o.scene = kSource / "scenes/default.json";
    app_ = std::make_unique<App>(o);
  }
  void TearDown() override { app_.reset(); }
  std::unique_ptr<App> app_;
};

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  const json all = loadCases();  // keep it alive: ranging over loadCases()["cases"] would dangle
  for (const auto& c : all["cases"]) names.push_back(c["name"].get<std::string>());
  return names;
}
}  // namespace

TEST_P(GoldenTest, MatchesBaseline) {
  const json all = loadCases();
  json c;
  for (const auto& x : all["cases"])
    if (x["name"] == GetParam()) c = x;
  const json tol = c.contains("tolerance") ? c["tolerance"] : all["tolerance"];
  const int w = c["size"][0], h = c["size"][1];

  App& app = *app_;
  app.loadScene(kSource / c["scene"].get<std::string>());
  app.state().clock.setPaused(true);
  app.simulate(c.value("time", 0.0));
  app.state().uiScale = static_cast<float>(c.value("ui_scale", 1.0));
  app.renderImage(w, h, false);  // sets the aspect ratio used to fit the view
  CameraPose pose = app.scenePose(parseView(c.value("view", "anterior")));
  if (c.contains("target"))
    pose.target = {c["target"][0].get<float>(), c["target"][1].get<float>(), c["target"][2].get<float>()};
  if (c.contains("distance")) pose.distance = c["distance"].get<float>();
  app.state().camera.setPose(pose);
  // Optional actions ("posture standing; wait 20; valsalva 10; wait 0.8"): "wait S" lets S
  // seconds of simulated time pass.
  app.runScript(c.value("do", ""));
  const Image actual = app.renderImage(w, h, c.value("ui", false));

  const fs::path baseline = kSource / "tests/golden/baselines" / (GetParam() + ".png");
  if (const char* u = std::getenv("VENAVIZ_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    io::writePng(baseline, actual);
    std::printf("updated %s\n", baseline.c_str());
    return;
  }
  ASSERT_TRUE(fs::exists(baseline)) << "no baseline " << baseline
                                    << "; create it with: cmake --build build --target update_golden";
  const Image expected = io::readPng(baseline);
  ASSERT_EQ(expected.width, actual.width);
  ASSERT_EQ(expected.height, actual.height);
  const Diff d = compare(actual, expected, tol["channel"].get<int>());
  const double allowed = tol["max_bad_fraction"].get<double>();
  if (d.badFraction > allowed) {
    fs::create_directories(kOut);
    io::writePng(kOut / (GetParam() + ".actual.png"), actual);
    io::writePng(kOut / (GetParam() + ".diff.png"), d.image);
  }
  EXPECT_LE(d.badFraction, allowed) << GetParam() << ": " << d.badFraction * 100.0 << "% of pixels differ by more than "
                                    << tol["channel"] << " (max " << d.maxChannel << "); see " << kOut.string();
}

INSTANTIATE_TEST_SUITE_P(Baselines, GoldenTest, ::testing::ValuesIn(caseNames()),
                         [](const auto& param) { return param.param; });
