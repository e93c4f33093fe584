#pragma once
// What the command-line subcommands share: the argument reader and its one-line errors
// (exit code 2), and the subcommands that live in files of their own.
#include <cstdio>
#include <string>
#include <vector>

#include "app/actions.h"
#include "core/error.h"

namespace venaviz::cli {

class UsageError : public Error {
 public:
  using Error::Error;
};

/// Simple "--key value" / "--flag" parser with clear messages.
struct Args {
  std::vector<std::string> words;
  std::size_t i = 0;
  bool done() const { return i >= words.size(); }
  const std::string& next() { return words[i++]; }
  std::string value(const std::string& flag) {
    if (done()) throw UsageError(flag + ": expected a value after it");
    return next();
  }
};

inline void parseSize(const std::string& text, int& w, int& h) {
  if (std::sscanf(text.c_str(), "%dx%d", &w, &h) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192)
    throw UsageError("--size: expected WIDTHxHEIGHT between 16 and 8192 pixels, got \"" + text + "\"");
}

/// A number argument in [lo, hi]; anything else is a bad command line (exit code 2).
inline double parseNumber(const std::string& flag, const std::string& text, double lo, double hi) {
  try {
    return parseNumberArg(flag, text, lo, hi);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

inline double parseSeconds(const std::string& flag, const std::string& text) {
  try {
    return parseNumberArg(flag, text, 0.0, 86400.0);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

/// `venaviz simulate` and `venaviz day` (cli_engine.cpp): the engine without a window.
int cmdSimulate(Args& a);
int cmdDay(Args& a);

}  // namespace venaviz::cli
