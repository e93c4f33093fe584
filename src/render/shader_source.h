#pragma once
// Shader text: read from shaders/ files (development) or the copies embedded at build time,
// with #include "x.glsl" resolved and the version line for the target dialect prepended.
// No GL here, so tests can check assembly without a context.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace venaviz::render {

struct EmbeddedShader {
  const char* name;
  const char* text;
};
/// Every file of shaders/ as it was at build time.
const std::vector<EmbeddedShader>& embeddedShaders();

enum class GlslDialect { Core330, Es300 };

/// The lines the loader puts before every shader: the version, ES precision, VZ_GLES.
std::string dialectHeader(GlslDialect dialect);

class ShaderSources {
 public:
  /// Reads from `dir` when set and the file exists there; else from the embedded copies.
  void setDirectory(std::optional<std::filesystem::path> dir) { dir_ = std::move(dir); }
  const std::optional<std::filesystem::path>& directory() const { return dir_; }

  /// Raw text of one file; throws venaviz::Error naming it when it exists nowhere.
  std::string text(const std::string& name) const;
  /// Full source for a dialect: header, then the file with includes expanded. `used`
  /// receives every file name that contributed (for change detection).
  std::string assemble(const std::string& name, GlslDialect dialect, std::vector<std::string>* used = nullptr) const;
  /// Last-modified time of a file in the directory (nullopt for embedded-only).
  std::optional<std::filesystem::file_time_type> modified(const std::string& name) const;
  /// Names of all shader stages (.vert/.frag) known, from the directory and embedded copies.
  std::vector<std::string> stageNames() const;

 private:
  std::string expand(const std::string& name, std::vector<std::string>& used, int depth) const;
  std::optional<std::filesystem::path> dir_;
};

}  // namespace venaviz::render
