#include "io/model_import.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#include <cmath>
#include <filesystem>

#include "core/error.h"

namespace venaviz::io {

Mesh importModel(const ContextModel& model, float tag) {
  const std::string& path = model.resolvedPath;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path + ": model file not found (model \"" + model.id + "\")");
  Assimp::Importer importer;
  // Points and lines are of no use here; drop them so only triangles remain.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene =
      importer.ReadFile(path, aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                                  aiProcess_PreTransformVertices | aiProcess_SortByPType | aiProcess_FindInvalidData);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
    throw Error(path + ": cannot read model \"" + model.id + "\" (" + importer.GetErrorString() + ")");
  Mesh mesh;
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* am = scene->mMeshes[m];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    for (unsigned i = 0; i < am->mNumVertices; ++i) {
      const aiVector3D& p = am->mVertices[i];
      const aiVector3D n = am->mNormals ? am->mNormals[i] : aiVector3D(0, 0, 1);
      mesh.vertices.push_back({Vec3(p.x, p.y, p.z) * model.scale + model.offset, glm::normalize(Vec3(n.x, n.y, n.z)),
                               tag, 0.0f, Vec3(0.0f), 0.0f});
    }
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const aiFace& face = am->mFaces[f];
      if (face.mNumIndices != 3) continue;
      for (unsigned k = 0; k < 3; ++k) mesh.indices.push_back(base + face.mIndices[k]);
    }
  }
  if (mesh.indices.empty()) throw Error(path + ": model \"" + model.id + "\" has no triangles");
  for (auto& v : mesh.vertices)
    if (!std::isfinite(v.normal.x)) v.normal = kSuperior;  // degenerate normal from the file
  return mesh;
}

}  // namespace venaviz::io
