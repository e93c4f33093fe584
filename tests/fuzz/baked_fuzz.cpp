// Baked context models (.vvm, src/io/baked_mesh.cpp): the browser build's only model format.
#include "fuzz_common.h"
#include "io/baked_mesh.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "model.obj.vvm";
  try {
    const venaviz::io::RawMesh m = venaviz::io::parseBakedMesh(fuzz::text(data, size), name);
    const std::size_t vertices = m.vertices.size() / 6;
    for (std::uint32_t i : m.indices)
      if (i >= vertices) std::abort();
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
