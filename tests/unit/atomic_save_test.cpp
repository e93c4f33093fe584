// The user's files survive a crash at any moment: a writer killed with SIGKILL in the middle of
// saving leaves the settings file (and the saved views in it) either as they were or as they
// were being saved, whole, never damaged; and a damaged file is kept aside, never overwritten.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/settings.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("venaviz_atomic_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Version `v` of a large settings file: 3000 saved views (about 0.4 MB) that all name `v`.
io::Settings version(int v) {
  io::Settings s;
  s.uiScale = 1.0f + static_cast<float>(v % 3) * 0.5f;
  s.lastScene = "/scenes/version_" + std::to_string(v) + ".json";
  for (int k = 0; k < 3000; ++k)
    s.bookmarks.push_back({"view " + std::to_string(k) + " of version " + std::to_string(v),
                           {static_cast<float>(k), static_cast<float>(v), 100.0f}, 40.0f + static_cast<float>(k % 50),
                           static_cast<float>(k % 360), -10.0f});
  return s;
}

/// Which version the file holds, whole; -1 when it is damaged (unreadable, partial, mixed).
int versionOnDisk(const fs::path& file) {
  try {
    const io::Settings s = io::parseSettings(io::readFile(file), file.string());
    const std::string prefix = "/scenes/version_";
    if (!s.lastScene.starts_with(prefix)) return -1;
    const int v = std::stoi(s.lastScene.substr(prefix.size()));
    return io::settingsText(s) == io::settingsText(version(v)) ? v : -1;
  } catch (const std::exception&) {
    return -1;
  }
}

/// Forks a child that saves versions base + 1, base + 2... of the file without end through
/// `save`, kills it with SIGKILL after a random delay of 1 to 5 times `saveUs` (how long one save
/// takes here, so that the kills fall among the saves on a fast or a slow, sanitized build), and
/// returns the version found on disk (-1: damaged).
template <class Save>
int killMidSave(const fs::path& file, std::mt19937& rng, int base, long saveUs, Save save) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    for (int v = base + 1;; ++v) save(file, v);  // killed in here
  }
  EXPECT_GT(pid, 0);
  std::uniform_int_distribution<long> delayUs(saveUs, 5 * saveUs);
  std::this_thread::sleep_for(std::chrono::microseconds(delayUs(rng)));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer was not killed mid-save";
  return versionOnDisk(file);
}

}  // namespace

TEST(AtomicSave, SettingsKilledMidSaveAreTheOldOrTheNewFileNeverDamaged) {
  const fs::path file = freshDir("kill") / "settings.json";
  const auto t0 = std::chrono::steady_clock::now();
  io::saveSettings(file, version(0));
  const long saveUs = std::max<long>(
      500, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
  ASSERT_EQ(versionOnDisk(file), 0);
  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  std::mt19937 rng(seed);
  int last = 0, replaced = 0;
  for (int round = 0; round < 12; ++round) {
    const int base = 1000 * (round + 1);  // each round's versions differ from every other round's
    const int v = killMidSave(file, rng, base, saveUs, [](const fs::path& f, int k) { io::saveSettings(f, version(k)); });
    ASSERT_GE(v, 0) << "round " << round << " (seed " << seed << "): the settings file is damaged";
    EXPECT_TRUE(v == last || v > base) << "round " << round << ": version " << v << " was never saved";
    replaced += v != last;
    last = v;
  }
  // In most rounds the child had replaced the file at least once before it was killed in a
  // later save: the kills fell among the saves, not before the first.
  EXPECT_GE(replaced, 6) << "seed " << seed << ", one save " << saveUs << " us";
}

// The same check catches a writer that is not atomic (truncate and write in place), so the test
// above can fail: with it, some kill leaves a partial file.
TEST(AtomicSave, TheKillTestCatchesAWriterThatIsNotAtomic) {
  const fs::path file = freshDir("naive") / "settings.json";
  io::saveSettings(file, version(0));
  std::mt19937 rng(1234);
  const auto t0 = std::chrono::steady_clock::now();
  io::saveSettings(file, version(0));
  const long saveUs = std::max<long>(
      500, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
  int damaged = 0;
  for (int round = 0; round < 30 && damaged == 0; ++round)
    damaged += killMidSave(file, rng, 1000 * (round + 1), saveUs, [](const fs::path& f, int k) {
                 std::ofstream out(f, std::ios::trunc);
                 out << io::settingsText(version(k));
               }) < 0;
  EXPECT_GT(damaged, 0) << "30 kills of a writer that writes in place never caught it mid-write";
}

TEST(AtomicSave, ADamagedSettingsFileIsKeptAsideAndNeverOverwritten) {
  const fs::path dir = freshDir("damaged");
  const fs::path file = dir / "settings.json";
  const std::string damaged = "{\"ui_scale\": 2, \"bookmarks\": [{\"name\": \"Pel";  // cut short
  { std::ofstream(file) << damaged; }
  std::string message;
  const io::Settings s = io::loadSettings(file, message);  // never throws: the app starts
  EXPECT_TRUE(s.bookmarks.empty());
  EXPECT_FLOAT_EQ(s.uiScale, 1.0f);
  EXPECT_NE(message.find("settings.json:1:"), std::string::npos) << message;
  EXPECT_NE(message.find("the damaged file is kept as " + file.string() + ".damaged-"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  fs::path aside;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().starts_with("settings.json.damaged-")) aside = e.path();
  ASSERT_FALSE(aside.empty()) << message;
  EXPECT_EQ(io::readFile(aside), damaged);
  // The app saves at exit: a new file, the damaged one untouched beside it.
  io::saveSettings(file, version(7));
  EXPECT_EQ(versionOnDisk(file), 7);
  EXPECT_EQ(io::readFile(aside), damaged);
  // A second damaged file in the same second gets a name of its own.
  { std::ofstream(file) << "[1, 2"; }
  io::loadSettings(file, message);
  int kept = 0;
  for (const auto& e : fs::directory_iterator(dir)) kept += e.path().filename().string().starts_with("settings.json.damaged-");
  EXPECT_EQ(kept, 2);
  EXPECT_EQ(io::readFile(aside), damaged);
}

TEST(AtomicSave, AFailedSaveLeavesTheOldFileAndNoTemporary) {
  const fs::path dir = freshDir("fail");
  const fs::path file = dir / "settings.json";
  io::saveSettings(file, version(3));
  fs::create_directories(dir / "blocked");
  // Renaming over a folder fails: the error names the file, the old content stays.
  const std::string m = [&] {
    try {
      io::writeFileAtomic(dir / "blocked", "x");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  }();
  EXPECT_NE(m.find("blocked: cannot replace file"), std::string::npos) << m;
  EXPECT_EQ(versionOnDisk(file), 3);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}
