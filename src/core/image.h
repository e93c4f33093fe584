#pragma once
// A plain RGBA8 image (row-major, top row first). Reading/writing files lives in io.
#include <cstdint>
#include <vector>

namespace venaviz {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  ///< 4 bytes per pixel

  bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace venaviz
