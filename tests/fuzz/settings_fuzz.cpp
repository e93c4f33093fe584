// The user's settings and saved views (src/io/settings.cpp). An accepted file must survive a
// save and a load unchanged (what the app writes at exit it reads at the next start), and
// loadSettings itself never throws whatever the file holds.
#include <cstring>

#include "fuzz_common.h"
#include "io/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "settings.json";
  const std::string input = fuzz::text(data, size);
  try {
    const venaviz::io::Settings s = venaviz::io::parseSettings(input, name);
    const std::string saved = venaviz::io::settingsText(s);
    const std::string again = venaviz::io::settingsText(venaviz::io::parseSettings(saved, name));
    if (saved != again) {
      std::fprintf(stderr, "settings do not survive a save and load:\n%s\n---\n%s\n", saved.c_str(), again.c_str());
      std::abort();
    }
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  // The file path as the app takes it, on one input in 64 (it renames damaged files aside).
  if (size > 0 && data[0] % 64 == 0) {
    const std::filesystem::path file = fuzz::scratch() / "settings.json";
    fuzz::writeBytes(file, input);
    std::string message;
    (void)venaviz::io::loadSettings(file, message);
    if (message.find('\n') != std::string::npos) std::abort();
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(fuzz::scratch(), ec)) std::filesystem::remove(e.path(), ec);
  }
  return 0;
}
