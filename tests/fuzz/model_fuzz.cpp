// Context models through Assimp (src/io/model_import.cpp): the first byte picks the file's
// extension (the formats the reader accepts), the rest is
// the file, written to the scratch folder and read as the app reads it.
#include "fuzz_common.h"
#include "io/model_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 256 * 1024) return 0;  // small files: the import runs many times a second
  // The formats the reader accepts, and one it turns away (Assimp's PLY reader hangs: see model_import.cpp).
  static const char* const kExtensions[] = {".obj", ".stl", ".gltf", ".glb", ".ply"};
  const std::string ext = kExtensions[data[0] % (sizeof kExtensions / sizeof *kExtensions)];
  const std::filesystem::path file = fuzz::scratch() / ("model" + ext);
  fuzz::writeBytes(file, fuzz::text(data + 1, size - 1));
  try {
    const venaviz::io::RawMesh m = venaviz::io::readModelFile(file.string(), "fuzzed");
    const std::size_t vertices = m.vertices.size() / 6;
    for (std::uint32_t i : m.indices)
      if (i >= vertices) std::abort();
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, file.string());
  }
  return 0;
}
