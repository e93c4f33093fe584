#include "io/baked_mesh.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/limits.h"

namespace venaviz::io {
namespace {

constexpr char kMagic[8] = {'V', 'V', 'M', 'E', 'S', 'H', '1', '\0'};

}  // namespace

std::filesystem::path bakedPath(const std::filesystem::path& model) {
  std::filesystem::path p = model;
  p += ".vvm";
  return p;
}

void saveBakedMesh(const std::filesystem::path& file, const RawMesh& mesh) {
  std::string bytes(kMagic, sizeof kMagic);
  auto put = [&](const void* data, std::size_t n) { bytes.append(static_cast<const char*>(data), n); };
  const auto nv = static_cast<std::uint32_t>(mesh.vertices.size() / 6);
  const auto ni = static_cast<std::uint32_t>(mesh.indices.size());
  put(&nv, 4);
  put(&ni, 4);
  put(mesh.vertices.data(), mesh.vertices.size() * sizeof(float));
  put(mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t));
  writeFileAtomic(file, bytes);
}

RawMesh loadBakedMesh(const std::filesystem::path& file) {
  return parseBakedMesh(readFile(file, limits::kBakedBytes), file.string());
}

RawMesh parseBakedMesh(const std::string& bytes, const std::string& name) {
  auto fail = [&](const std::string& what) { throw Error(name + ": " + what); };
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    fail("not a baked model (expected \"VVMESH1\" at byte 0)");
  std::uint32_t nv = 0, ni = 0;
  std::memcpy(&nv, bytes.data() + 8, 4);
  std::memcpy(&ni, bytes.data() + 12, 4);
  if (nv > limits::kModelVertices)
    fail("byte 8: " + std::to_string(nv) + " vertices; expected at most " + std::to_string(limits::kModelVertices));
  if (ni == 0) fail("byte 12: no triangles; expected a model with at least one");
  if (ni % 3 != 0) fail("byte 12: " + std::to_string(ni) + " indices; expected a multiple of 3 (triangles)");
  if (ni / 3 > limits::kModelTriangles)
    fail("byte 12: " + std::to_string(ni / 3) + " triangles; expected at most " + std::to_string(limits::kModelTriangles));
  const std::size_t need = 16 + std::size_t(nv) * 6 * sizeof(float) + std::size_t(ni) * sizeof(std::uint32_t);
  if (bytes.size() != need)
    fail("expected " + std::to_string(need) + " bytes for " + std::to_string(nv) + " vertices and " +
         std::to_string(ni) + " indices, got " + std::to_string(bytes.size()));
  RawMesh m;
  m.vertices.resize(std::size_t(nv) * 6);
  m.indices.resize(ni);
  // (memcpy with an empty vector's null data() is undefined even for 0 bytes)
  if (!m.vertices.empty()) std::memcpy(m.vertices.data(), bytes.data() + 16, m.vertices.size() * sizeof(float));
  if (!m.indices.empty())
    std::memcpy(m.indices.data(), bytes.data() + 16 + m.vertices.size() * sizeof(float), ni * sizeof(std::uint32_t));
  for (float v : m.vertices)
    if (!std::isfinite(v)) fail("a vertex value is not a finite number");
  for (std::uint32_t i : m.indices)
    if (i >= nv) fail("index " + std::to_string(i) + " is past the " + std::to_string(nv) + " vertices");
  return m;
}

}  // namespace venaviz::io
