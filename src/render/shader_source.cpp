#include "render/shader_source.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <fstream>
#include "core/error.h"

namespace venaviz::render {
namespace fs = std::filesystem;

std::string dialectHeader(GlslDialect d) {
  if (d == GlslDialect::Core330) return "#version 330 core\n#define VZ_GLES 0\n";
  return "#version 300 es\nprecision highp float;\nprecision highp int;\nprecision highp sampler2D;\n#define VZ_GLES "
         "1\n";
}

std::string ShaderSources::text(const std::string& name) const {
  if (dir_) {
    std::error_code ec;
    if (fs::exists(*dir_ / name, ec)) {
      std::ifstream in(*dir_ / name, std::ios::binary);
      if (!in) throw Error((*dir_ / name).string() + ": cannot read shader file");
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  for (const auto& e : embeddedShaders())
    if (name == e.name) return e.text;
  throw Error("shaders/" + name + ": shader file not found (neither on disk nor embedded)");
}

std::optional<fs::file_time_type> ShaderSources::modified(const std::string& name) const {
  if (!dir_) return std::nullopt;
  std::error_code ec;
  auto t = fs::last_write_time(*dir_ / name, ec);
  if (ec) return std::nullopt;
  return t;
}

std::string ShaderSources::expand(const std::string& name, std::vector<std::string>& used, int depth) const {
  if (depth > 8) throw Error("shaders/" + name + ": #include nested too deeply (cycle?)");
  if (std::find(used.begin(), used.end(), name) == used.end()) used.push_back(name);
  std::istringstream in(text(name));
  std::string line, out;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, 8, "#include") == 0) {
      const auto a = line.find('"'), b = line.rfind('"');
      if (a == std::string::npos || b <= a)
        throw Error("shaders/" + name + ":" + std::to_string(lineNo) + ": expected #include \"file.glsl\"");
      out += expand(line.substr(a + 1, b - a - 1), used, depth + 1);
      continue;
    }
    out += line;
    out += '\n';
  }
  return out;
}

std::string ShaderSources::assemble(const std::string& name, GlslDialect dialect,
                                    std::vector<std::string>* used) const {
  std::vector<std::string> files;
  std::string body = expand(name, files, 0);
  if (used) *used = files;
  return dialectHeader(dialect) + body;
}

std::vector<std::string> ShaderSources::stageNames() const {
  std::set<std::string> names;
  auto isStage = [](const std::string& n) { return n.ends_with(".vert") || n.ends_with(".frag"); };
  for (const auto& e : embeddedShaders())
    if (isStage(e.name)) names.insert(e.name);
  if (dir_) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(*dir_, ec))
      if (isStage(entry.path().filename().string())) names.insert(entry.path().filename().string());
  }
  return {names.begin(), names.end()};
}

}  // namespace venaviz::render
