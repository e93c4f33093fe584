#pragma once
// Writing files so that a crash or full disk never leaves a half-written user file.
#include <filesystem>
#include <string>

namespace venaviz::io {

/// Writes `bytes` to `path` via a temporary file in the same folder and a rename.
/// Creates parent folders. Throws venaviz::Error naming the file on failure.
void writeFileAtomic(const std::filesystem::path& path, const std::string& bytes);

/// Reads a whole file; throws venaviz::Error "file: cannot read (reason)" on failure.
std::string readFile(const std::filesystem::path& path);

}  // namespace venaviz::io
