#pragma once
// PNG files (stb from libstb-dev).
#include <filesystem>

#include "core/image.h"

namespace venaviz {
namespace io {
/// Writes a PNG atomically; throws venaviz::Error naming the file on failure.
void writePng(const std::filesystem::path& path, const Image& image);
/// Reads a PNG as RGBA8; throws venaviz::Error naming the file on failure (also for a picture
/// larger than limits::kImageSide on a side).
Image readPng(const std::filesystem::path& path);
/// Same from the file's bytes; `name` is used in messages.
Image decodePng(const std::string& bytes, const std::string& name);
}  // namespace io

}  // namespace venaviz
