// Scenes (src/io/scene_reader.cpp, docs/scene-format.md): the reader, its includes (relative to
// an empty folder, so only absolute paths reach real files), the anatomy's validation and what
// the app does next with a scene it accepted: the info writer and the vessel tube mesh.
#include "anatomy/tube_mesh.h"
#include "fuzz_common.h"
#include "io/scene.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = (fuzz::scratch() / "scene.json").string();
  try {
    const venaviz::Scene s = venaviz::io::parseScene(fuzz::text(data, size), name, fuzz::scratch());
    (void)venaviz::io::sceneInfoJson(s);
    (void)venaviz::buildVesselMesh(s.anatomy);
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, "");  // an included file may be the one named
  }
  return 0;
}
