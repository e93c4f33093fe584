#pragma once
// Where the app finds its data (scenes/, shaders/, assets/) and the user's files.
#include <filesystem>
#include <optional>

namespace venaviz::paths {

/// The folder holding scenes/, shaders/ and assets/: $VENAVIZ_DATA_DIR if set, else the
/// installed share/venaviz, else the source tree the binary was built from, else the
/// current directory. Returns nullopt when none of them has a scenes/ folder.
std::optional<std::filesystem::path> dataDir();

/// The default scene file (dataDir()/scenes/default.json), or nullopt.
std::optional<std::filesystem::path> defaultScene();

/// A data file named in an action or a lesson ("scenes/scenarios/x.json"): as given when it
/// exists or is absolute, else under dataDir(), so lessons work from any current directory.
std::filesystem::path dataFile(const std::filesystem::path& path);

/// The user's config folder for venaviz ($XDG_CONFIG_HOME/venaviz or ~/.config/venaviz).
std::filesystem::path configDir();

/// The source tree's shaders/ folder when it exists (development: enables hot reload).
std::optional<std::filesystem::path> sourceShaderDir();

}  // namespace venaviz::paths
