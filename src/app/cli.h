#pragma once
// The command line: `venaviz` (GUI), `venaviz render`, `venaviz info`.
#include <string>
#include <vector>

namespace venaviz {

/// Exit codes.
enum ExitCode : int { kExitOk = 0, kExitError = 1, kExitUsage = 2, kExitNoGraphics = 3 };

/// Runs the command line; returns an exit code. Errors are printed as one line to stderr.
int runCli(const std::vector<std::string>& args);

/// The --help text.
std::string usageText();
/// The usage text's blocks for one subcommand ("render", "lesson", ...), or "" if it has none.
std::string usageOf(const std::string& command);

}  // namespace venaviz
