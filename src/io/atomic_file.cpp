#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "core/error.h"

namespace venaviz::io {
namespace fs = std::filesystem;

namespace {

/// Flushes a folder's entries (the rename) to the disk; best effort (some file systems refuse).
void syncFolder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void writeFileAtomic(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw Error(path.string() + ": cannot write (" + std::strerror(errno) + ")");
  const auto fail = [&](const std::string& what) {
    const int err = errno;
    ::close(fd);
    fs::remove(tmp, ec);
    throw Error(path.string() + ": " + what + " (" + std::strerror(err) + ")");
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write failed (disk full?)");
    done += static_cast<std::size_t>(n);
  }
  // The data on the disk before the name points at it: after a power cut the file is the old
  // one or the new one, never an empty or partial new one.
  if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) fail("cannot flush to the disk");
  if (::close(fd) != 0) {
    fs::remove(tmp, ec);
    throw Error(path.string() + ": write failed (" + std::strerror(errno) + ")");
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    throw Error(path.string() + ": cannot replace file (" + why + ")");
  }
  syncFolder(path.parent_path());
}

std::string readFile(const fs::path& path, std::size_t maxBytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(path.string() + ": expected a file, found a folder");
  const fs::file_status st = fs::status(path, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st))
    throw Error(path.string() + ": expected a regular file, found a device, pipe or socket");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
  const auto tooLarge = [&](std::uintmax_t size) {
    return Error(path.string() + ": " + std::to_string(size) + " bytes; expected at most " + std::to_string(maxBytes) +
                 " bytes for this kind of file (docs/reliability.md, Limits)");
  };
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > maxBytes) throw tooLarge(size);
  // Read at most one byte past the limit, in case the file grew since it was measured.
  std::string out;
  out.resize(ec ? std::size_t{0} : static_cast<std::size_t>(size));
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  char buf[65536];
  while (in && out.size() <= maxBytes) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
  if (out.size() > maxBytes) throw tooLarge(out.size());
  return out;
}

}  // namespace venaviz::io
