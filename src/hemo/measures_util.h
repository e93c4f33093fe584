#pragma once
// Small helpers shared by the measures (measures.cpp) and the report built from them
// (report.cpp). Private to the hemo module.
#include <cstddef>
#include <string>

namespace venaviz::hemo::detail {

inline std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}

inline bool contains(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

inline std::string sideName(int side) {
  return side > 0 ? "left" : "right";
}

}  // namespace venaviz::hemo::detail
