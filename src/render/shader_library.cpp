#include "render/shader_library.h"

#include <algorithm>

#include "core/error.h"
#include "core/log.h"

namespace venaviz::render {
namespace {
// The dialect this build's context compiles: WebGL 2 takes GLSL ES 3.00.
#if VENAVIZ_GLES
constexpr GlslDialect kDialect = GlslDialect::Es300;
#else
constexpr GlslDialect kDialect = GlslDialect::Core330;
#endif
}  // namespace


Shader compileStage(GLenum stage, const std::string& source, const std::string& label) {
  Shader s(glCreateShader(stage), label);
  const char* text = source.c_str();
  glShaderSource(s.id(), 1, &text, nullptr);
  glCompileShader(s.id());
  GLint ok = 0;
  glGetShaderiv(s.id(), GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetShaderiv(s.id(), GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
    glGetShaderInfoLog(s.id(), len, nullptr, log.data());
    throw Error(oneLine("shaders/" + label + ": compile error: " + log.c_str()));
  }
  return s;
}

Program linkProgram(const Shader& vs, const Shader& fs, const std::string& label) {
  Program p(glCreateProgram(), label);
  glAttachShader(p.id(), vs.id());
  glAttachShader(p.id(), fs.id());
  glLinkProgram(p.id());
  GLint ok = 0;
  glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetProgramiv(p.id(), GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
    glGetProgramInfoLog(p.id(), len, nullptr, log.data());
    throw Error(oneLine("program " + label + ": link error: " + log.c_str()));
  }
  return p;
}

bool ShaderLibrary::build(const std::string& name, Entry& e) {
  try {
    std::vector<std::string> usedV, usedF;
    const std::string vsrc = sources_.assemble(e.vert, kDialect, &usedV);
    const std::string fsrc = sources_.assemble(e.frag, kDialect, &usedF);
    e.files = usedV;
    for (auto& f : usedF)
      if (std::find(e.files.begin(), e.files.end(), f) == e.files.end()) e.files.push_back(f);
    e.stamps.clear();
    for (auto& f : e.files)
      if (auto t = sources_.modified(f)) e.stamps[f] = *t;
    Shader vs = compileStage(GL_VERTEX_SHADER, vsrc, e.vert);
    Shader fs = compileStage(GL_FRAGMENT_SHADER, fsrc, e.frag);
    e.program = linkProgram(vs, fs, name);
    e.error.clear();
    return true;
  } catch (const Error& err) {
    e.error = err.what();
    return false;
  }
}

void ShaderLibrary::add(const std::string& name, const std::string& vert, const std::string& frag) {
  Entry& e = entries_[name];
  e.vert = vert;
  e.frag = frag;
  if (!build(name, e)) throw Error(e.error);
}

GLuint ShaderLibrary::program(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? 0 : it->second.program.id();
}

int ShaderLibrary::reloadChanged() {
  int swapped = 0;
  for (auto& [name, e] : entries_) {
    bool changed = false;
    for (auto& f : e.files) {
      auto t = sources_.modified(f);
      auto it = e.stamps.find(f);
      if (t && (it == e.stamps.end() || it->second != *t)) changed = true;
    }
    if (!changed) continue;
    // Keep the old program alive until the new one is known good.
    Entry fresh;
    fresh.vert = e.vert;
    fresh.frag = e.frag;
    if (build(name, fresh)) {
      e = std::move(fresh);
      ++swapped;
      log::info("reloaded shader program " + name);
    } else {
      e.stamps = fresh.stamps;  // do not retry until the files change again
      e.files = fresh.files;
      e.error = fresh.error;
      log::error(e.error);
    }
  }
  return swapped;
}

int ShaderLibrary::reloadAll() {
  int failed = 0;
  for (auto& [name, e] : entries_) {
    Entry fresh;
    fresh.vert = e.vert;
    fresh.frag = e.frag;
    if (build(name, fresh)) {
      e = std::move(fresh);
    } else {
      e.error = fresh.error;
      ++failed;
    }
  }
  return failed;
}

std::vector<std::string> ShaderLibrary::errors() const {
  std::vector<std::string> out;
  for (const auto& [name, e] : entries_)
    if (!e.error.empty()) out.push_back(e.error);
  return out;
}

}  // namespace venaviz::render
