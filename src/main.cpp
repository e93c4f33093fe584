// venaviz entry point: builds the app through the command line and maps errors to exit codes.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) {
  try {
    return venaviz::runCli(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "venaviz: internal error: %s\n", e.what());
    return 1;
  }
}
