#pragma once
// Context models in a compact binary form ("baked"), so that a build without Assimp (the
// browser build) reads them too: MODEL_FILE.vvm beside the model file, made by
// `venaviz bake_models`. Little-endian: "VVMESH1\0", uint32 vertex count, uint32 index count,
// float32 x,y,z,nx,ny,nz per vertex (the file's own frame, before the scene's scale and offset),
// uint32 indices (triangles).
#include <cstdint>
#include <filesystem>
#include <vector>

namespace venaviz::io {

struct RawMesh {
  std::vector<float> vertices;  ///< x, y, z, nx, ny, nz per vertex
  std::vector<std::uint32_t> indices;
};

/// The baked file of a model file: its path with ".vvm" added.
std::filesystem::path bakedPath(const std::filesystem::path& model);
/// Writes atomically; throws venaviz::Error naming the file.
void saveBakedMesh(const std::filesystem::path& file, const RawMesh& mesh);
/// Reads and checks (sizes, indices in range, finite numbers, the limits of io/limits.h);
/// throws one line naming the file.
RawMesh loadBakedMesh(const std::filesystem::path& file);
/// Same from the file's bytes; `name` is used in messages.
RawMesh parseBakedMesh(const std::string& bytes, const std::string& name);

}  // namespace venaviz::io
