// Pictures: PNG files as `venaviz image_diff` reads them (src/io/image.cpp, stb_image).
#include "fuzz_common.h"
#include "io/image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "picture.png";
  try {
    const venaviz::Image img = venaviz::io::decodePng(fuzz::text(data, size), name);
    if (img.rgba.size() != static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4) std::abort();
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
