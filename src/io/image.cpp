#include "io/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/error.h"
#include "io/atomic_file.h"

namespace venaviz::io {

void writePng(const std::filesystem::path& path, const Image& image) {
  if (image.empty()) throw Error(path.string() + ": cannot write an empty image");
  std::string bytes;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4))
    throw Error(path.string() + ": PNG encoding failed");
  writeFileAtomic(path, bytes);
}

Image readPng(const std::filesystem::path& path) {
  const std::string bytes = readFile(path);
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                              static_cast<int>(bytes.size()), &w, &h, &n, 4);
  if (!data) throw Error(path.string() + ": not a readable image (" + stbi_failure_reason() + ")");
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace venaviz::io
