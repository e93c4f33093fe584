#pragma once
// Compiled programs by name, with safe hot reload: a program is swapped only when the new
// source compiled and linked; otherwise the old one stays and the error is kept for the UI.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "render/gl_handles.h"
#include "render/shader_source.h"

namespace venaviz::render {

/// Compiles one stage; returns the shader or throws venaviz::Error with the driver's log.
Shader compileStage(GLenum stage, const std::string& source, const std::string& label);
/// Links two stages; throws venaviz::Error with the driver's log.
Program linkProgram(const Shader& vs, const Shader& fs, const std::string& label);

class ShaderLibrary {
 public:
  explicit ShaderLibrary(ShaderSources sources) : sources_(std::move(sources)) {}

  /// Registers and builds a program from shaders/<vert> and shaders/<frag>. Throws on
  /// failure (there is no old program to fall back on at start).
  void add(const std::string& name, const std::string& vert, const std::string& frag);
  /// GL name of a program (0 if unknown).
  GLuint program(const std::string& name) const;

  /// Rebuilds programs whose files changed on disk. Returns how many were swapped.
  int reloadChanged();
  /// Rebuilds every program now (keeping old ones on failure). Returns how many failed.
  int reloadAll();

  /// Current compile errors, one per failing program ("vessel: shaders/vessel.frag: 0:12(3): ...").
  std::vector<std::string> errors() const;
  const ShaderSources& sources() const { return sources_; }

 private:
  struct Entry {
    std::string vert, frag;
    Program program;
    std::vector<std::string> files;
    std::map<std::string, std::filesystem::file_time_type> stamps;
    std::string error;
  };
  bool build(const std::string& name, Entry& e);
  ShaderSources sources_;
  std::map<std::string, Entry> entries_;
};

}  // namespace venaviz::render
