#include "io/baked_mesh.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.h"
#include "io/atomic_file.h"

namespace venaviz::io {
namespace {

constexpr char kMagic[8] = {'V', 'V', 'M', 'E', 'S', 'H', '1', '\0'};
constexpr std::uint32_t kMaxCount = 50'000'000;

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
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot open the baked model");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto fail = [&](const std::string& what) { throw Error(file.string() + ": " + what); };
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    fail("not a baked model (expected \"VVMESH1\" at byte 0)");
  std::uint32_t nv = 0, ni = 0;
  std::memcpy(&nv, bytes.data() + 8, 4);
  std::memcpy(&ni, bytes.data() + 12, 4);
  if (nv > kMaxCount || ni > kMaxCount || ni % 3 != 0) fail("byte 8: implausible vertex or index count");
  const std::size_t need = 16 + std::size_t(nv) * 6 * sizeof(float) + std::size_t(ni) * sizeof(std::uint32_t);
  if (bytes.size() != need)
    fail("expected " + std::to_string(need) + " bytes for " + std::to_string(nv) + " vertices and " +
         std::to_string(ni) + " indices, got " + std::to_string(bytes.size()));
  RawMesh m;
  m.vertices.resize(std::size_t(nv) * 6);
  m.indices.resize(ni);
  std::memcpy(m.vertices.data(), bytes.data() + 16, m.vertices.size() * sizeof(float));
  std::memcpy(m.indices.data(), bytes.data() + 16 + m.vertices.size() * sizeof(float), ni * sizeof(std::uint32_t));
  for (float v : m.vertices)
    if (!std::isfinite(v)) fail("a vertex value is not a finite number");
  for (std::uint32_t i : m.indices)
    if (i >= nv) fail("index " + std::to_string(i) + " is past the " + std::to_string(nv) + " vertices");
  return m;
}

}  // namespace venaviz::io
