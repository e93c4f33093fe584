#include "io/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/limits.h"

namespace venaviz::io {

namespace {
/// stb's reason for a failure, on one line (it can be empty or hold line breaks).
std::string stbReason() {
  const char* r = stbi_failure_reason();
  std::string text = oneLine(r ? r : "");
  return text.empty() ? "a damaged or unsupported PNG" : text;
}
}  // namespace

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
  return decodePng(readFile(path, limits::kImageBytes), path.string());
}

Image decodePng(const std::string& bytes, const std::string& name) {
  if (bytes.size() > limits::kImageBytes)
    throw Error(name + ": " + std::to_string(bytes.size()) + " bytes; expected at most " +
                std::to_string(limits::kImageBytes));
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  const int size = static_cast<int>(bytes.size());
  int w = 0, h = 0, n = 0;
  // The header first: a picture's size is checked before its pixels are allocated.
  if (!stbi_info_from_memory(in, size, &w, &h, &n)) throw Error(name + ": not a readable image (" + stbReason() + ")");
  if (w <= 0 || h <= 0 || w > limits::kImageSide || h > limits::kImageSide)
    throw Error(name + ": " + std::to_string(w) + "x" + std::to_string(h) + " pixels; expected at most " +
                std::to_string(limits::kImageSide) + " on a side");
  unsigned char* data = stbi_load_from_memory(in, size, &w, &h, &n, 4);
  if (!data) throw Error(name + ": not a readable image (" + stbReason() + ")");
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace venaviz::io
