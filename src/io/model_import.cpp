#include "io/model_import.h"

#if VENAVIZ_HAVE_ASSIMP
#include <assimp/BaseImporter.h>
#include <assimp/importerdesc.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#endif
#include <cctype>
#include <cmath>
#include <filesystem>
#include <vector>

#include "core/error.h"
#include "io/baked_mesh.h"
#include "io/limits.h"

namespace venaviz::io {

RawMesh readModelFile(const std::string& path, const std::string& id) {
#if VENAVIZ_HAVE_ASSIMP
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(path + ": model \"" + id + "\": expected a model file" +
                (std::filesystem::exists(path, ec) ? " (a folder, device or pipe is not one)" : ", found none"));
  // Only the formats whose Assimp readers stood up to fuzzing (docs/reliability.md): Debian's
  // Assimp 5.2 hangs in its PLY reader and aborts on damaged OFF files, which no scene uses.
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".obj" && ext != ".stl" && ext != ".gltf" && ext != ".glb")
    throw Error(path + ": model \"" + id + "\": format \"" + ext + "\" is not read; expected .obj, .stl, .gltf or .glb");
  if (const auto bytes = std::filesystem::file_size(path, ec); !ec && bytes > limits::kModelBytes)
    throw Error(path + ": model \"" + id + "\": " + std::to_string(bytes) + " bytes; expected at most " +
                std::to_string(limits::kModelBytes) + " (docs/reliability.md, Limits)");
  Assimp::Importer importer;
  // Assimp tries every reader on a file its own reader refuses: leave only the accepted ones.
  std::vector<Assimp::BaseImporter*> others;
  for (std::size_t k = 0; k < importer.GetImporterCount(); ++k) {
    const aiImporterDesc* d = importer.GetImporterInfo(k);
    const std::string exts = d && d->mFileExtensions ? std::string(" ") + d->mFileExtensions + " " : "";
    if (exts.find(" obj ") == std::string::npos && exts.find(" stl ") == std::string::npos &&
        exts.find(" gltf ") == std::string::npos && exts.find(" glb ") == std::string::npos)
      others.push_back(importer.GetImporter(k));
  }
  for (Assimp::BaseImporter* imp : others) {
    importer.UnregisterLoader(imp);
    delete imp;  // unregistered, it is the caller's to delete
  }
  // Points and lines are of no use here; drop them so only triangles remain.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene =
      importer.ReadFile(path, aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                                  aiProcess_PreTransformVertices | aiProcess_SortByPType | aiProcess_FindInvalidData);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
    throw Error(path + ": cannot read model \"" + id + "\" (" + importer.GetErrorString() + ")");
  RawMesh mesh;
  std::size_t vertices = 0, triangles = 0;
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* am = scene->mMeshes[m];
    if (!am || !(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !am->mVertices) continue;
    vertices += am->mNumVertices;
    triangles += am->mNumFaces;
  }
  if (vertices > limits::kModelVertices || triangles > limits::kModelTriangles)
    throw Error(path + ": model \"" + id + "\": " + std::to_string(vertices) + " vertices and " +
                std::to_string(triangles) + " triangles; expected at most " + std::to_string(limits::kModelVertices) +
                " and " + std::to_string(limits::kModelTriangles) + " (docs/reliability.md, Limits)");
  mesh.vertices.reserve(vertices * 6);
  mesh.indices.reserve(triangles * 3);
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* am = scene->mMeshes[m];
    if (!am || !(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !am->mVertices) continue;
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size() / 6);
    for (unsigned i = 0; i < am->mNumVertices; ++i) {
      const aiVector3D& p = am->mVertices[i];
      const aiVector3D n = am->mNormals ? am->mNormals[i] : aiVector3D(0, 0, 1);
      mesh.vertices.insert(mesh.vertices.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
    }
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const aiFace& face = am->mFaces[f];
      if (face.mNumIndices != 3 || !face.mIndices) continue;
      // An index past the mesh's vertices would read outside it when drawn: reject the file.
      for (unsigned k = 0; k < 3; ++k)
        if (face.mIndices[k] >= am->mNumVertices)
          throw Error(path + ": model \"" + id + "\": a triangle's vertex index " + std::to_string(face.mIndices[k]) +
                      " is past the mesh's " + std::to_string(am->mNumVertices) + " vertices");
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
