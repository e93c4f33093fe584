// The user's settings file: round trip, defaults when missing, defaults and one message when damaged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/settings.h"

using namespace venaviz;
namespace fs = std::filesystem;

namespace {
fs::path scratch(const char* name) {
  const fs::path dir = fs::temp_directory_path() / "venaviz_settings_test";
  fs::create_directories(dir);
  return dir / name;
}
void write(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}
}  // namespace

TEST(Settings, RoundTripKeepsEveryValue) {
  const fs::path p = scratch("round/settings.json");  // the folder is created on save
  fs::remove_all(p.parent_path());
  io::Settings s;
  s.uiScale = 2.5f;
  s.quality = "high";
  s.particleColor = "oxygen";
  s.labels = false;
  s.lastScene = "/tmp/some scene.json";
  s.bookmarks.push_back({"Pelvis", {1.0f, -10.0f, 100.0f}, 40.0f, 90.0f, -10.0f});
  io::saveSettings(p, s);
  std::string message;
  const io::Settings r = io::loadSettings(p, message);
  EXPECT_TRUE(message.empty()) << message;
  EXPECT_FLOAT_EQ(r.uiScale, 2.5f);
  EXPECT_EQ(r.quality, "high");
  EXPECT_EQ(r.particleColor, "oxygen");
  EXPECT_FALSE(r.labels);
  EXPECT_EQ(r.lastScene, "/tmp/some scene.json");
  ASSERT_EQ(r.bookmarks.size(), 1u);
  EXPECT_EQ(r.bookmarks[0].name, "Pelvis");
  EXPECT_FLOAT_EQ(r.bookmarks[0].target[2], 100.0f);
  EXPECT_FLOAT_EQ(r.bookmarks[0].distance, 40.0f);
  EXPECT_FLOAT_EQ(r.bookmarks[0].yawDeg, 90.0f);
  EXPECT_FLOAT_EQ(r.bookmarks[0].pitchDeg, -10.0f);
}

TEST(Settings, MissingFileMeansDefaultsWithoutAMessage) {
  std::string message = "stale";
  const io::Settings r = io::loadSettings(scratch("does_not_exist.json"), message);
  EXPECT_TRUE(message.empty());
  EXPECT_FLOAT_EQ(r.uiScale, 1.0f);
  EXPECT_TRUE(r.quality.empty());
  EXPECT_TRUE(r.labels);
}

TEST(Settings, DamagedOrInvalidFileMeansDefaultsAndOneLine) {
  const fs::path p = scratch("bad.json");
  for (const char* text : {"{ \"ui_scale\": 2, ", "[1, 2]", "{\"ui_scale\": 7}", "{\"quality\": \"ultra\"}",
                           "{\"colour\": \"red\"}", "{\"format\": \"venaviz-scene\"}",
                           "{\"bookmarks\": [{\"name\": \"a\", \"target\": [1, 2], \"distance\": 40}]}"}) {
    write(p, text);
    std::string message;
    const io::Settings r = io::loadSettings(p, message);
    EXPECT_NE(message.find("bad.json"), std::string::npos) << text << " -> " << message;
    EXPECT_NE(message.find("using the default settings"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_FLOAT_EQ(r.uiScale, 1.0f) << text;
    EXPECT_TRUE(r.quality.empty()) << text;
  }
}
