#pragma once
// Video of the 3D view: frames piped to the `ffmpeg` program when it is installed and the
// output names a video file, numbered PNGs in a folder otherwise. Frames come at the app's own
// pace; the writer keeps real time by repeating or skipping frames to its fixed rate.
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/image.h"

namespace venaviz::io {

class VideoWriter {
 public:
  /// `path`: a video file (.mp4, .webm, .mkv, .mov, .gif) encoded by ffmpeg, or a folder for
  /// numbered PNGs (frame_00000.png ...), also used instead of a video file when ffmpeg is
  /// missing (then next to it: "<name>_frames/"). The ffmpeg program is taken from
  /// $VENAVIZ_FFMPEG if set, else "ffmpeg" on the PATH. Throws venaviz::Error naming the path
  /// when the folder cannot be made or ffmpeg cannot be started.
  VideoWriter(const std::filesystem::path& path, int width, int height, double fps);
  ~VideoWriter();
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  /// Offers the frame shown at `seconds` (any clock, increasing): written once per 1/fps that
  /// passed since the last one written (at most 10 copies: a stall does not flood the disk).
  /// A frame of another size ends the recording with an error. Returns the frames written.
  int offer(const Image& frame, double seconds);
  /// Finishes the file (waits for ffmpeg); returns a one-line summary.
  std::string close();

  bool toVideo() const { return pipe_ != nullptr; }
  const std::filesystem::path& output() const { return output_; }
  int framesWritten() const { return frames_; }

  /// Whether the ffmpeg program can be run (runs it with -version).
  static bool ffmpegAvailable();

 private:
  void write(const Image& frame);
  std::filesystem::path output_;
  int width_ = 0, height_ = 0;
  double fps_ = 30.0;
  std::FILE* pipe_ = nullptr;
  double next_ = -1.0;
  int frames_ = 0;
  bool failed_ = false;
};

}  // namespace venaviz::io
