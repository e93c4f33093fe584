// Translations (assets/i18n/*.json, src/io/strings.cpp).
#include "fuzz_common.h"
#include "io/strings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "fr.json";
  try {
    const venaviz::io::Language l = venaviz::io::parseLanguage(fuzz::text(data, size), name);
    const venaviz::io::StringTable table(l, l);
    for (const auto& [key, value] : l.strings) (void)venaviz::io::fillIn(table.get(key), "value", "12.5");
  } catch (const venaviz::Error& e) {
    fuzz::checkRejection(e, name);
  }
  return 0;
}
