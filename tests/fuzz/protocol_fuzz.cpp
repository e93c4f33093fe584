// Protocols (src/io/simulation_reader.cpp, docs/simulation-format.md).
#include "fuzz_common.h"
#include "io/simulation_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "protocol.json";
  try {
    const venaviz::hemo::Protocol p = venaviz::io::parseProtocol(fuzz::text(data, size), name);
    venaviz::Anatomy empty;
    try {
      venaviz::io::validateProtocol(p, empty, name);
    } catch (const venaviz::Error& e) {
      fuzz::checkRejection(e, name);
    }
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
