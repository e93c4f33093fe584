#pragma once
// Context models (skin, bones, muscles, organs) from any file Assimp reads.
#include <string>

#include "anatomy/anatomy.h"
#include "anatomy/mesh.h"

namespace venaviz::io {

/// Reads every triangle of a model file into one mesh in the body frame (node transforms
/// applied, position * model.scale + model.offset, smooth normals generated when missing).
/// Vertices are tagged with `tag` (their model index). Throws venaviz::Error naming the file.
Mesh importModel(const ContextModel& model, float tag);

}  // namespace venaviz::io
