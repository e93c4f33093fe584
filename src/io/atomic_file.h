#pragma once
// Writing files so that a crash or full disk never leaves a half-written user file, and reading
// files with a size limit so that no file (or device such as /dev/zero) is read without bound.
#include <cstddef>
#include <filesystem>
#include <string>

#include "io/limits.h"

namespace venaviz::io {

/// Writes `bytes` to `path` so that `path` holds either its old content or the new one, whole,
/// whenever the writer is killed or the machine stops: the bytes go to a temporary file in the
/// same folder (NAME.tmp-PID), which is flushed to the disk (fsync), renamed over `path` (an
/// atomic replace), and the folder is flushed. Creates parent folders. Throws venaviz::Error
/// naming the file on failure (the old file is then untouched and the temporary removed).
void writeFileAtomic(const std::filesystem::path& path, const std::string& bytes);

/// Reads a whole regular file of at most `maxBytes`; throws venaviz::Error naming the file
/// ("file: cannot read (reason)", "expected a file, found a folder", "N bytes; expected at
/// most M ...") otherwise.
std::string readFile(const std::filesystem::path& path, std::size_t maxBytes = limits::kModelBytes);

}  // namespace venaviz::io
