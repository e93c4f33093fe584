#pragma once
// Context models (skin, bones, muscles, organs) from any file Assimp reads.
#include <string>

#include "anatomy/anatomy.h"
#include "anatomy/mesh.h"
#include "io/baked_mesh.h"

namespace venaviz::io {

/// Reads every triangle of a model into one mesh in the body frame (position * model.scale +
/// model.offset): from its baked form (io/baked_mesh.h) when one lies beside the file, else from
/// the file through Assimp (node transforms applied, smooth normals generated when missing;
/// native builds only). Vertices are tagged with `tag` (their model index). Throws
/// venaviz::Error naming the file.
Mesh importModel(const ContextModel& model, float tag);
/// A model file's triangles as Assimp reads them, in the file's frame (what `bake_models` writes).
RawMesh readModelFile(const std::string& path, const std::string& id);

}  // namespace venaviz::io
