// Error messages (one line, "file:line:col: msg") and unit conversions.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/error.h"
#include "core/units.h"

namespace venaviz {
namespace {

TEST(Error, AtFormatsFileLineColumn) {
  EXPECT_STREQ(Error::at("scenes/leg.json", 12, 5, "bad value").what(), "scenes/leg.json:12:5: bad value");
}

TEST(Error, AtOmitsZeroLineAndColumn) {
  EXPECT_STREQ(Error::at("a.json", 7, 0, "msg").what(), "a.json:7: msg");
  EXPECT_STREQ(Error::at("a.json", 0, 0, "msg").what(), "a.json: msg");
  // A column without a line means nothing: both omitted.
  EXPECT_STREQ(Error::at("a.json", 0, 9, "msg").what(), "a.json: msg");
}

TEST(Error, AtKeyFormatsFileKeyMessage) {
  EXPECT_STREQ(Error::atKey("a.json", "vessels[2].radii", "expected a number").what(),
               "a.json: vessels[2].radii: expected a number");
}

TEST(Error, MessagesAreOneLine) {
  const Error e = Error::at("f.json", 1, 2, "first\nsecond\r\n\tthird");
  EXPECT_STREQ(e.what(), "f.json:1:2: first second third");
  EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
}

TEST(Error, OneLineCollapsesWhitespace) {
  EXPECT_EQ(oneLine("a\nb"), "a b");
  EXPECT_EQ(oneLine("a \n\t  b\r\nc"), "a b c");
  EXPECT_EQ(oneLine("  leading and trailing \n"), "leading and trailing");
  EXPECT_EQ(oneLine("tab\there"), "tab here");
  EXPECT_EQ(oneLine(""), "");
  EXPECT_EQ(oneLine("\n\n"), "");
  EXPECT_EQ(oneLine("already one line"), "already one line");
}

TEST(Error, IsRuntimeErrorAndGraphicsUnavailableIsError) {
  static_assert(std::is_base_of_v<std::runtime_error, Error>);
  static_assert(std::is_base_of_v<Error, GraphicsUnavailable>);
  try {
    throw GraphicsUnavailable("no OpenGL 3.3 context");
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "no OpenGL 3.3 context");
    EXPECT_NE(dynamic_cast<const GraphicsUnavailable*>(&e), nullptr);
    return;
  }
  FAIL() << "GraphicsUnavailable was not caught as Error";
}

TEST(Units, MmHgAndPascal) {
  EXPECT_NEAR(units::mmHgToPa(1.0), 133.322, 1e-3);
  EXPECT_NEAR(units::mmHgToPa(100.0), 13332.2387415, 1e-6);
  EXPECT_NEAR(units::paToMmHg(133.322387415), 1.0, 1e-12);
  for (double v : {-20.0, 0.0, 0.5, 7.0, 90.0, 120.0}) EXPECT_NEAR(units::paToMmHg(units::mmHgToPa(v)), v, 1e-9);
}

TEST(Units, LengthsAndFlows) {
  EXPECT_DOUBLE_EQ(units::cmToM(175.0), 1.75);
  EXPECT_DOUBLE_EQ(units::mToCm(1.75), 175.0);
  EXPECT_DOUBLE_EQ(units::mmToM(4.0), 0.004);
  EXPECT_DOUBLE_EQ(units::mToMm(0.004), 4.0);
  EXPECT_NEAR(units::mlPerSToM3PerS(5.0), 5e-6, 1e-18);
  EXPECT_NEAR(units::m3PerSToMlPerS(5e-6), 5.0, 1e-12);
  EXPECT_NEAR(units::mlPerMinToM3PerS(60.0), 1e-6, 1e-18);
  EXPECT_NEAR(units::m3PerSToMlPerMin(1e-6), 60.0, 1e-9);
  EXPECT_DOUBLE_EQ(units::mPerSToCmPerS(0.25), 25.0);
  // Hydrostatic column: 1 m of blood is about 77.9 mmHg.
  EXPECT_NEAR(units::paToMmHg(units::kBloodDensity * units::kGravity * 1.0), 77.97, 0.01);
}

}  // namespace
}  // namespace venaviz
