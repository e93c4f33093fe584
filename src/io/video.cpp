#include "io/video.h"

#include <algorithm>
#include <cstdlib>

#include "core/error.h"
#include "io/image.h"

namespace venaviz::io {
namespace {

std::string ffmpegProgram() {
  const char* env = std::getenv("VENAVIZ_FFMPEG");
  return env && *env ? env : "ffmpeg";
}

bool isVideoFile(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".mp4" || ext == ".webm" || ext == ".mkv" || ext == ".mov" || ext == ".gif";
}

/// Single-quotes a word for /bin/sh.
std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

bool VideoWriter::ffmpegAvailable() {
  const std::string cmd = shellQuote(ffmpegProgram()) + " -version >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

VideoWriter::VideoWriter(const std::filesystem::path& path, int width, int height, double fps)
    : output_(path), width_(width), height_(height), fps_(std::clamp(fps, 1.0, 120.0)) {
  if (width <= 0 || height <= 0) throw Error("record: " + path.string() + ": empty frame size");
  if (isVideoFile(path) && ffmpegAvailable()) {
    // Even sizes for yuv420p; rows arrive top first, as ffmpeg expects.
    const std::string cmd = shellQuote(ffmpegProgram()) + " -y -loglevel error -f rawvideo -pix_fmt rgba -s " +
                            std::to_string(width) + "x" + std::to_string(height) + " -r " + std::to_string(fps_) +
                            " -i - -vf \"scale=trunc(iw/2)*2:trunc(ih/2)*2\" -pix_fmt yuv420p " +
                            shellQuote(path.string());
    pipe_ = popen(cmd.c_str(), "w");
    if (!pipe_) throw Error("record: " + path.string() + ": could not start " + ffmpegProgram());
    return;
  }
  if (isVideoFile(path)) output_ = path.parent_path() / (path.stem().string() + "_frames");
  std::error_code ec;
  std::filesystem::create_directories(output_, ec);
  if (ec || !std::filesystem::is_directory(output_))
    throw Error("record: " + output_.string() + ": cannot make the folder for the frames (" + ec.message() + ")");
}

VideoWriter::~VideoWriter() {
  if (pipe_) pclose(pipe_);
}

void VideoWriter::write(const Image& frame) {
  if (pipe_) {
    if (std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe_) != frame.rgba.size()) {
      failed_ = true;
      throw Error("record: " + output_.string() + ": ffmpeg stopped taking frames");
    }
  } else {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", frames_);
    writePng(output_ / name, frame);
  }
  ++frames_;
}

int VideoWriter::offer(const Image& frame, double seconds) {
  if (failed_) return 0;
  if (frame.width != width_ || frame.height != height_) {
    failed_ = true;
    throw Error("record: the view changed size (" + std::to_string(width_) + "x" + std::to_string(height_) + " -> " +
                std::to_string(frame.width) + "x" + std::to_string(frame.height) + "); recording stopped");
  }
  if (next_ < 0.0) next_ = seconds;
  int written = 0;
  while (seconds >= next_ && written < 10) {
    write(frame);
    ++written;
    next_ += 1.0 / fps_;
  }
  if (seconds >= next_) next_ = seconds + 1.0 / fps_;  // a long stall: start again from now
  return written;
}

std::string VideoWriter::close() {
  std::string what = std::to_string(frames_) + " frames at " + std::to_string(static_cast<int>(fps_)) + " fps";
  if (pipe_) {
    const int rc = pclose(pipe_);
    pipe_ = nullptr;
    if (rc != 0) return "record: ffmpeg failed writing " + output_.string() + " (" + what + ")";
    return "saved " + output_.string() + " (" + what + ")";
  }
  return "saved " + what + " as PNGs in " + output_.string();
}

}  // namespace venaviz::io
