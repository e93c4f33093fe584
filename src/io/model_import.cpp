#include "io/model_import.h"

#if VENAVIZ_HAVE_ASSIMP
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#endif
#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "io/baked_mesh.h"

namespace venaviz::io {

RawMesh readModelFile(const std::string& path, const std::string& id) {
#if VENAVIZ_HAVE_ASSIMP
  Assimp::Importer importer;
  // Points and lines are of no use here; drop them so only triangles remain.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene =
      importer.ReadFile(path, aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                                  aiProcess_PreTransformVertices | aiProcess_SortByPType | aiProcess_FindInvalidData);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
    throw Error(path + ": cannot read model \"" + id + "\" (" + importer.GetErrorString() + ")");
  RawMesh mesh;
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* am = scene->mMeshes[m];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size() / 6);
    for (unsigned i = 0; i < am->mNumVertices; ++i) {
      const aiVector3D& p = am->mVertices[i];
      const aiVector3D n = am->mNormals ? am->mNormals[i] : aiVector3D(0, 0, 1);
      mesh.vertices.insert(mesh.vertices.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
    }
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const aiFace& face = am->mFaces[f];
      if (face.mNumIndices != 3) continue;
      for (unsigned k = 0; k < 3; ++k) mesh.indices.push_back(base + face.mIndices[k]);
    }
  }
  return mesh;
#else
  throw Error(path + ": model \"" + id + "\" has no baked form (" + bakedPath(path).string() +
              "), and this build reads no other (venaviz bake_models makes them)");
#endif
}

Mesh importModel(const ContextModel& model, float tag) {
  const std::string& path = model.resolvedPath;
  std::error_code ec;
  // One path for both builds: the baked form when it is there, else the model file itself.
  const std::filesystem::path baked = bakedPath(path);
  const bool haveBaked = std::filesystem::exists(baked, ec);
  if (!haveBaked && !std::filesystem::exists(path, ec))
    throw Error(path + ": model file not found (model \"" + model.id + "\")");
  const RawMesh raw = haveBaked ? loadBakedMesh(baked) : readModelFile(path, model.id);
  Mesh mesh;
  mesh.vertices.reserve(raw.vertices.size() / 6);
  for (std::size_t i = 0; i + 5 < raw.vertices.size(); i += 6) {
    const float* v = raw.vertices.data() + i;
    mesh.vertices.push_back({Vec3(v[0], v[1], v[2]) * model.scale + model.offset,
                             glm::normalize(Vec3(v[3], v[4], v[5])), tag, 0.0f, Vec3(0.0f), 0.0f});
  }
  mesh.indices = raw.indices;
  if (mesh.indices.empty()) throw Error(path + ": model \"" + model.id + "\" has no triangles");
  for (auto& v : mesh.vertices)
    if (!std::isfinite(v.normal.x)) v.normal = kSuperior;  // degenerate normal from the file
  return mesh;
}

}  // namespace venaviz::io
