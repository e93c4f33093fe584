// The readers' size limits (io/limits.h): an input over a limit is refused with one line naming
// the file, the place and the limit; and every input the fuzzers found a problem with
// (tests/fuzz/regressions/NAME/*) is refused cleanly, with a venaviz::Error, now that it is fixed.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/baked_mesh.h"
#include "io/image.h"
#include "io/lesson.h"
#include "io/limits.h"
#include "io/model_import.h"
#include "io/scene.h"
#include "io/settings.h"
#include "io/simulation_reader.h"
#include "io/strings.h"

namespace fs = std::filesystem;
using namespace venaviz;
namespace limits = venaviz::io::limits;

// Debian's Assimp leaks a few kB inside libassimp.so when it refuses some damaged files (one
// regression input does this; docs/reliability.md): not venaviz's memory, so LeakSanitizer is
// told to ignore it in sanitized builds, as tools/fuzz.sh does with tests/fuzz/lsan.supp.
extern "C" const char* __lsan_default_suppressions() { return "leak:libassimp.so\n"; }

namespace {

const fs::path kSource = VENAVIZ_SOURCE_DIR;

fs::path scratch() {
  const fs::path dir = fs::temp_directory_path() / ("venaviz_limits_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

/// The message of the venaviz::Error `f` throws ("(no error)" when none).
std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

void expectRefused(const std::string& message, const std::string& file, const std::string& what) {
  EXPECT_NE(message.find(file), std::string::npos) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

std::string vessel(const std::string& id, const std::string& drains, const std::string& points = "[[0,0,0],[0,0,1]]") {
  return R"({"id": ")" + id + R"(", "system": "deep", "region": "leg", "drains_into": ")" + drains +
         R"(", "points": )" + points + R"(, "radius": 0.5})";
}

std::string repeated(const std::string& item, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + item;
  return out;
}

}  // namespace

TEST(Limits, SceneWithTooManyVesselsIsRefused) {
  std::string vessels;
  for (std::size_t i = 0; i <= limits::kVessels; ++i)
    vessels += (i ? "," : "") + vessel("v" + std::to_string(i), "right_atrium");
  const std::string m = errorOf([&] { io::parseScene("{\"vessels\": [" + vessels + "]}", "big.json", scratch()); });
  expectRefused(m, "big.json: vessels", "2001 vessels; expected at most 2000");
  // At the limit it is read.
  vessels = vessel("v0", "right_atrium");
  EXPECT_EQ(errorOf([&] { io::parseScene("{\"vessels\": [" + vessels + "]}", "one.json", scratch()); }), "(no error)");
}

TEST(Limits, VesselWithTooManyPointsOrTooFarOrTooLongIsRefused) {
  const std::string points = "[" + repeated("[0,0,1]", limits::kPointsPerVessel + 1) + "]";
  expectRefused(errorOf([&] { io::parseScene("{\"vessels\": [" + vessel("a", "right_atrium", points) + "]}", "p.json", scratch()); }),
                "p.json: vessels[0] (a).points", "2001 points; expected at most 2000");
  expectRefused(errorOf([&] {
                  io::parseScene("{\"vessels\": [" + vessel("a", "right_atrium", "[[0,0,0],[0,0,1e30]]") + "]}", "far.json",
                                 scratch());
                }),
                "far.json: vessels[0] (a).points[1]", "within 1000 cm");
  expectRefused(errorOf([&] {
                  io::parseScene("{\"vessels\": [" + vessel("a", "right_atrium", "[[0,0,-900],[0,0,900],[0,0,-900]]") + "]}",
                                 "long.json", scratch());
                }),
                "long.json: vessels[0] (a).points", "3600 cm long; expected at most 1000 cm");
}

TEST(Limits, TooLargeFilesAndDevicesAreNotRead) {
  const fs::path big = scratch() / "huge.json";
  { std::ofstream(big) << "{}"; }
  fs::resize_file(big, limits::kSceneBytes + 1);  // sparse: takes no disk
  expectRefused(errorOf([&] { io::loadScene(big); }), "huge.json", "bytes; expected at most 16777216 bytes");
  expectRefused(errorOf([&] { io::loadLesson(big); }), "huge.json", "expected at most 2097152 bytes");
  // An include of a device would read without end.
  expectRefused(errorOf([&] { io::parseScene(R"({"include": ["/dev/zero"]})", "dev.json", scratch()); }), "/dev/zero",
                "expected a regular file");
  fs::remove(big);
}

TEST(Limits, SceneIncludesAreCounted) {
  const fs::path dir = scratch() / "inc";
  fs::create_directories(dir);
  { std::ofstream(dir / "leaf.json") << "{\"vessels\": [" << vessel("a", "right_atrium") << "]}"; }
  // 65 includes of the same small file: no cycle, but more files than a scene may read.
  const std::string incs = "[" + repeated("\"leaf.json\"", limits::kSceneFiles + 1) + "]";
  expectRefused(errorOf([&] { io::parseScene("{\"include\": " + incs + "}", "many.json", dir); }), "many.json: include[63]",
                "more than 64 files read for one scene");
}

TEST(Limits, LessonWithTooManyStepsIsRefused) {
  const std::string steps = repeated(R"({"title": "A", "caption": "B."})", limits::kLessonSteps + 1);
  const std::string text = R"({"title": "T", "level": "introductory", "sources": ["S"], "steps": [)" + steps + "]}";
  expectRefused(errorOf([&] { io::parseLesson(text, "lessons/long.json"); }), "lessons/long.json: steps",
                "201 steps; expected at most 200");
}

TEST(Limits, ScenarioAndProtocolOverTheirLimitsAreRefused) {
  const std::string conditions = repeated(R"({"kind": "iliac_stent"})", limits::kConditions + 1);
  expectRefused(errorOf([&] { io::parseScenario("{\"conditions\": [" + conditions + "]}", "s.json"); }),
                "s.json: conditions", "201 conditions; expected at most 200");
  const std::string events = repeated(R"({"time": 1, "action": "squeeze"})", limits::kEvents + 1);
  expectRefused(errorOf([&] { io::parseProtocol("{\"duration\": 10, \"events\": [" + events + "]}", "p.json"); }),
                "p.json: events", "10001 events; expected at most 10000");
}

TEST(Limits, SettingsWithTooManyViewsAreRefusedAndKeptAside) {
  const std::string views = repeated(R"({"name": "v", "target": [0, 0, 0], "distance": 40})", limits::kBookmarks + 1);
  const std::string text = "{\"bookmarks\": [" + views + "]}";
  expectRefused(errorOf([&] { io::parseSettings(text, "settings.json"); }), "settings.json: bookmarks",
                "10001 views; expected at most 10000");
  const fs::path dir = scratch() / "settings_limit";
  fs::remove_all(dir);
  fs::create_directories(dir);
  { std::ofstream(dir / "settings.json") << text; }
  std::string message;
  const io::Settings s = io::loadSettings(dir / "settings.json", message);
  EXPECT_TRUE(s.bookmarks.empty());
  EXPECT_NE(message.find("expected at most 10000"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir / "settings.json"));
  int aside = 0;
  for (const auto& e : fs::directory_iterator(dir)) aside += e.path().filename().string().starts_with("settings.json.damaged-");
  EXPECT_EQ(aside, 1);
}

TEST(Limits, ModelsAndPicturesOverTheirLimitsAreRefused) {
  // A baked header claiming more vertices than allowed is refused before anything is allocated.
  std::string baked("VVMESH1\0", 8);
  const std::uint32_t nv = limits::kModelVertices + 1, ni = 3;
  baked.append(reinterpret_cast<const char*>(&nv), 4).append(reinterpret_cast<const char*>(&ni), 4);
  expectRefused(errorOf([&] { io::parseBakedMesh(baked, "m.obj.vvm"); }), "m.obj.vvm: byte 8",
                "4000001 vertices; expected at most 4000000");
  // A PNG whose header says 10000 pixels wide.
  const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                               0, 0, 0x27, 0x10, 0, 0, 0, 10, 8, 6, 0, 0, 0, 0, 0, 0, 0};
  expectRefused(errorOf([&] { io::decodePng(std::string(reinterpret_cast<const char*>(png), sizeof png), "w.png"); }),
                "w.png", "10000x10 pixels; expected at most 8192 on a side");
  // Formats Assimp reads badly are turned away (its PLY reader hangs on a damaged header).
  const fs::path ply = scratch() / "m.ply";
  { std::ofstream(ply) << "ply\nformat ascii 1.0\nend_header\n"; }
  expectRefused(errorOf([&] { io::readModelFile(ply.string(), "m"); }), "m.ply", "expected .obj, .stl, .gltf or .glb");
}

// Every regression input of the fuzzers, given to its reader as the harness gives it.
TEST(Limits, EveryFuzzRegressionInputIsRefusedCleanly) {
  const fs::path root = kSource / "tests" / "fuzz" / "regressions";
  const fs::path dir = scratch() / "regressions";
  fs::create_directories(dir);
  const std::map<std::string, std::function<void(const std::string&, const std::string&)>> readers = {
      {"scene", [&](const std::string& t, const std::string& n) { io::parseScene(t, n, dir); }},
      {"scenario", [](const std::string& t, const std::string& n) { io::parseScenario(t, n); }},
      {"protocol", [](const std::string& t, const std::string& n) { io::parseProtocol(t, n); }},
      {"lesson", [](const std::string& t, const std::string& n) { io::parseLesson(t, n); }},
      {"settings", [](const std::string& t, const std::string& n) { io::parseSettings(t, n); }},
      {"strings", [](const std::string& t, const std::string& n) { io::parseLanguage(t, n); }},
      {"baked", [](const std::string& t, const std::string& n) { io::parseBakedMesh(t, n); }},
      {"png", [](const std::string& t, const std::string& n) { io::decodePng(t, n); }},
      {"model",
       [&](const std::string& t, const std::string& n) {
         // As tests/fuzz/model_fuzz.cpp: the first byte picks the extension.
         static const char* const kExtensions[] = {".obj", ".stl", ".gltf", ".glb", ".ply"};
         const fs::path file = dir / (n + kExtensions[static_cast<unsigned char>(t.at(0)) % 5]);
         std::ofstream(file, std::ios::binary) << t.substr(1);
         io::readModelFile(file.string(), "fuzzed");
       }},
  };
  int count = 0;
  for (const auto& harness : fs::directory_iterator(root)) {
    const std::string name = harness.path().filename().string();
    ASSERT_TRUE(readers.count(name)) << "no reader for regressions/" << name;
    for (const auto& input : fs::directory_iterator(harness.path())) {
      const std::string bytes = io::readFile(input.path());
      const std::string file = input.path().stem().string();
      const std::string m = errorOf([&] { readers.at(name)(bytes, file); });
      EXPECT_NE(m, "(no error)") << name << "/" << input.path().filename().string() << " was accepted";
      EXPECT_NE(m.find(file), std::string::npos) << m;
      EXPECT_EQ(m.find('\n'), std::string::npos) << m;
      ++count;
    }
  }
  EXPECT_GE(count, 10);  // the inputs kept so far (docs/reliability.md)
}
