// Scenarios (src/io/simulation_reader.cpp, docs/simulation-format.md); an accepted one is also
// checked against a small anatomy, as `venaviz simulate` and the app do before running it.
#include "fuzz_common.h"
#include "io/simulation_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "scenario.json";
  try {
    const venaviz::hemo::Scenario s = venaviz::io::parseScenario(fuzz::text(data, size), name);
    venaviz::Anatomy empty;
    try {
      venaviz::io::validateScenario(s, empty, name);
    } catch (const venaviz::Error& e) {
      fuzz::checkRejection(e, name);
    }
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
