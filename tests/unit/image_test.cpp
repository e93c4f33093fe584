// PNG files and atomic writes.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/image.h"

namespace venaviz {
namespace {
namespace fs = std::filesystem;

class ImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("venaviz_image_test_" + std::to_string(::getpid()) + "_" + info->name() + "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  /// Files under dir_ (recursively) whose name ends in ".tmp".
  int tmpFiles() const {
    int n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      if (e.path().extension() == ".tmp" || e.path().filename().string().find(".tmp") != std::string::npos) ++n;
    return n;
  }

  fs::path dir_;
};

/// A test pattern where every pixel differs and alpha varies.
Image pattern(int w, int h) {
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i =
          (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
      img.rgba[i + 0] = static_cast<std::uint8_t>(x * 7 + y);
      img.rgba[i + 1] = static_cast<std::uint8_t>(y * 13 + x * 3);
      img.rgba[i + 2] = static_cast<std::uint8_t>((x ^ y) * 5);
      img.rgba[i + 3] = static_cast<std::uint8_t>(255 - ((x + y) % 200));
    }
  return img;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(ImageTest, PngRoundTripIsExact) {
  const Image img = pattern(37, 23);  // odd sizes: no row-padding assumptions
  const fs::path file = dir_ / "pattern.png";
  io::writePng(file, img);
  ASSERT_TRUE(fs::exists(file));
  const std::string bytes = slurp(file);
  ASSERT_GE(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  const Image back = io::readPng(file);
  EXPECT_EQ(back.width, img.width);
  EXPECT_EQ(back.height, img.height);
  EXPECT_EQ(back.rgba, img.rgba);
}

TEST_F(ImageTest, TopRowIsFirst) {
  Image img;
  img.width = 1;
  img.height = 2;
  img.rgba = {255, 0, 0, 255, 0, 0, 255, 255};  // red on top, blue below
  io::writePng(dir_ / "two.png", img);
  const Image back = io::readPng(dir_ / "two.png");
  ASSERT_EQ(back.rgba.size(), 8u);
  EXPECT_EQ(back.rgba[0], 255);
  EXPECT_EQ(back.rgba[2], 0);
  EXPECT_EQ(back.rgba[6], 255);
}

TEST_F(ImageTest, WritingCreatesMissingFolders) {
  const fs::path file = dir_ / "a" / "b" / "c" / "shot.png";
  ASSERT_FALSE(fs::exists(dir_ / "a"));
  io::writePng(file, pattern(4, 4));
  EXPECT_TRUE(fs::is_regular_file(file));
  EXPECT_EQ(io::readPng(file).rgba, pattern(4, 4).rgba);
}

TEST_F(ImageTest, NoTemporaryFileIsLeftBehind) {
  io::writePng(dir_ / "shot.png", pattern(8, 8));
  io::writePng(dir_ / "sub" / "shot.png", pattern(8, 8));
  io::writeFileAtomic(dir_ / "notes.txt", "hello");
  EXPECT_EQ(tmpFiles(), 0);
  EXPECT_FALSE(fs::exists(dir_ / "shot.png.tmp"));
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_))
    if (e.is_regular_file()) ++files;
  EXPECT_EQ(files, 3);
}

TEST_F(ImageTest, ReadPngOfTextFileNamesTheFile) {
  const fs::path file = dir_ / "not_an_image.png";
  {
    std::ofstream out(file);
    out << "this is plain text, not a PNG\n";
  }
  try {
    io::readPng(file);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
}

TEST_F(ImageTest, ReadPngOfMissingFileNamesTheFile) {
  const fs::path file = dir_ / "missing.png";
  try {
    io::readPng(file);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
}

TEST_F(ImageTest, WritingEmptyImageFails) {
  const fs::path file = dir_ / "empty.png";
  try {
    io::writePng(file, Image{});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(file));
}

TEST_F(ImageTest, WriteFileAtomicReplacesContent) {
  const fs::path file = dir_ / "data.txt";
  io::writeFileAtomic(file, "first version, rather long content\n");
  EXPECT_EQ(slurp(file), "first version, rather long content\n");
  io::writeFileAtomic(file, "second");
  EXPECT_EQ(slurp(file), "second");  // fully replaced, no leftovers of the longer first version
  EXPECT_EQ(io::readFile(file), "second");
  EXPECT_EQ(tmpFiles(), 0);
  // Binary content with NULs survives.
  const std::string binary("a\0b\r\n\xff", 6);
  io::writeFileAtomic(file, binary);
  EXPECT_EQ(io::readFile(file), binary);
}

TEST_F(ImageTest, WriteFileAtomicOverExistingPng) {
  const fs::path file = dir_ / "shot.png";
  io::writePng(file, pattern(5, 5));
  io::writePng(file, pattern(9, 3));
  const Image back = io::readPng(file);
  EXPECT_EQ(back.width, 9);
  EXPECT_EQ(back.height, 3);
  EXPECT_EQ(back.rgba, pattern(9, 3).rgba);
}

TEST_F(ImageTest, WriteIntoAFileInsteadOfAFolderFails) {
  // The parent "folder" is a regular file: the write must fail with the path in the message.
  {
    std::ofstream out(dir_ / "blocker");
    out << "x";
  }
  const fs::path file = dir_ / "blocker" / "out.txt";
  try {
    io::writeFileAtomic(file, "data");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
}

TEST_F(ImageTest, ReadFileOfFolderFails) {
  try {
    io::readFile(dir_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("folder"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace venaviz
