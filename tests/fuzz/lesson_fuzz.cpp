// Lessons (src/io/lesson.cpp, docs/lesson-format.md), user lessons included.
#include "fuzz_common.h"
#include "io/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "lesson.json";
  try {
    (void)venaviz::io::parseLesson(fuzz::text(data, size), name);
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
