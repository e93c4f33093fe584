#pragma once
// Enums named by a table of strings (index = enum value): parse, print, list for messages.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace venaviz {

template <class E, std::size_t N>
std::optional<E> parseEnum(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

/// "a, b, c" for error messages listing the allowed values.
template <std::size_t N>
std::string joinNames(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) out.append(out.empty() ? "" : ", ").append(n);
  return out;
}

}  // namespace venaviz
