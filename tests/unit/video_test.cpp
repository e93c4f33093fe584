// VideoWriter: numbered PNGs when there is no ffmpeg (or a folder is given), frames piped to the
// program when there is one (a stand-in script that stores what it receives), real-time pacing.
#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/video.h"

namespace venaviz {
namespace {

namespace fs = std::filesystem;

Image solid(int w, int h, std::uint8_t v) {
  Image im;
  im.width = w;
  im.height = h;
  im.rgba.assign(static_cast<std::size_t>(w * h * 4), v);
  return im;
}

fs::path scratch(const char* name) {
  const fs::path d = fs::temp_directory_path() / ("venaviz_video_" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d.parent_path());
  return d;
}

TEST(VideoWriter, AFolderGetsNumberedPngsPacedToTheFrameRate) {
  const fs::path dir = scratch("frames");
  io::VideoWriter w(dir, 8, 6, 10.0);
  EXPECT_FALSE(w.toVideo());
  // Offered at 0, 0.05, 0.1 ... 0.5 s (20 Hz) into a 10 fps recording: 6 frames (0, 0.1 .. 0.5).
  int written = 0;
  for (int k = 0; k <= 10; ++k) written += w.offer(solid(8, 6, static_cast<std::uint8_t>(k)), k * 0.05);
  EXPECT_EQ(written, 6);
  EXPECT_EQ(w.framesWritten(), 6);
  EXPECT_TRUE(fs::exists(dir / "frame_00000.png"));
  EXPECT_TRUE(fs::exists(dir / "frame_00005.png"));
  EXPECT_FALSE(fs::exists(dir / "frame_00006.png"));
  // A slow frame (0.35 s later) is repeated to keep real time (0.6, 0.7, 0.8 s); a size change ends
  // the recording.
  EXPECT_EQ(w.offer(solid(8, 6, 1), 0.85), 3);
  EXPECT_THROW(w.offer(solid(9, 6, 1), 0.9), Error);
  EXPECT_NE(w.close().find("PNG"), std::string::npos);
}

TEST(VideoWriter, AVideoFileIsPipedToTheFfmpegProgram) {
  // A stand-in for ffmpeg: answers -version, otherwise stores stdin in the output (last argument).
  const fs::path dir = scratch("pipe");
  fs::create_directories(dir);
  const fs::path fake = dir / "ffmpeg";
  std::ofstream(fake) << "#!/bin/sh\nif [ \"$1\" = -version ]; then exit 0; fi\n"
                         "for a; do out=$a; done\ncat > \"$out\"\n";
  fs::permissions(fake, fs::perms::owner_all);
  ::setenv("VENAVIZ_FFMPEG", fake.c_str(), 1);
  ASSERT_TRUE(io::VideoWriter::ffmpegAvailable());
  const fs::path movie = dir / "demo.mp4";
  {
    io::VideoWriter w(movie, 4, 2, 30.0);
    ASSERT_TRUE(w.toVideo());
    for (int k = 0; k < 3; ++k) w.offer(solid(4, 2, 7), k / 30.0);
    EXPECT_NE(w.close().find("saved"), std::string::npos);
  }
  EXPECT_EQ(fs::file_size(movie), 3u * 4u * 2u * 4u);  // three raw RGBA frames
}

TEST(VideoWriter, AFolderThatCannotBeMadeIsAClearError) {
  const fs::path file = scratch("blocker");
  std::ofstream(file) << "x";
  try {
    io::VideoWriter w(file / "sub", 4, 4, 30.0);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("blocker"), std::string::npos);
  }
}

}  // namespace
}  // namespace venaviz
