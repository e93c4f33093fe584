#include "core/paths.h"

#include <cstdlib>
#include <system_error>

namespace venaviz::paths {
namespace fs = std::filesystem;

namespace {
bool hasScenes(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "scenes", ec);
}
}  // namespace

std::optional<fs::path> dataDir() {
  if (const char* env = std::getenv("VENAVIZ_DATA_DIR"); env && *env && hasScenes(env)) return fs::path(env);
  for (const fs::path& candidate : {fs::path(VENAVIZ_INSTALL_DATA_DIR), fs::path(VENAVIZ_SOURCE_DIR)}) {
    if (hasScenes(candidate)) return candidate;
  }
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec && hasScenes(cwd)) return cwd;
  return std::nullopt;
}

std::optional<fs::path> defaultScene() {
  auto dir = dataDir();
  if (!dir) return std::nullopt;
  return *dir / "scenes" / "default.json";
}

fs::path dataFile(const fs::path& path) {
  std::error_code ec;
  if (path.is_absolute() || fs::exists(path, ec)) return path;
  if (auto dir = dataDir(); dir && fs::exists(*dir / path, ec)) return *dir / path;
  return path;  // the error names the file as written
}

fs::path configDir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "venaviz";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "venaviz";
  return fs::path(".venaviz");
}

std::optional<fs::path> sourceShaderDir() {
  fs::path dir = fs::path(VENAVIZ_SOURCE_DIR) / "shaders";
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return dir;
  return std::nullopt;
}

}  // namespace venaviz::paths
