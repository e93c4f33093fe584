#pragma once
// What the harnesses share: a scratch folder of their own, and the check every rejected input
// must pass: a venaviz::Error whose message is one line that names the file. Anything else
// (another exception, a crash, a sanitizer report, a hang, unbounded memory) is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"

namespace fuzz {

/// A fresh folder under $TMPDIR for this process, removed when it exits.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "venaviz_fuzz_XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    static std::filesystem::path made = pattern;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(made, ec);
    });
    return made;
  }();
  return dir;
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

inline void writeBytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) std::abort();
}

/// A rejection must be one non-empty line that names `name` (the file).
inline void checkRejection(const venaviz::Error& e, const std::string& name) {
  const std::string m = e.what();
  if (m.empty() || m.find('\n') != std::string::npos || m.find('\r') != std::string::npos ||
      (!name.empty() && m.find(name) == std::string::npos)) {
    std::fprintf(stderr, "bad rejection message (expected one line naming %s): [%s]\n", name.c_str(), m.c_str());
    std::abort();
  }
}

}  // namespace fuzz
