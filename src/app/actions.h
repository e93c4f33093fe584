#pragma once
// One command vocabulary: every user-visible operation is a named action with arguments and
// a one-line doc. Keys, the UI, the command line, lessons and tests all trigger actions.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ui/ui_model.h"

namespace venaviz {

/// Splits "load_scene \"my file.json\"" into words, honouring double quotes.
std::vector<std::string> splitCommand(const std::string& text);
/// Parses a number argument; throws venaviz::Error naming the action and the argument.
double parseNumberArg(const std::string& action, const std::string& text, double lo, double hi);
/// Parses on/off/true/false/1/0; empty means toggle (returns !current).
bool parseSwitchArg(const std::string& action, const std::vector<std::string>& args, bool current);

class ActionRegistry {
 public:
  using Handler = std::function<void(const std::vector<std::string>& args)>;

  /// usage: "view NAME"; minArgs/maxArgs bound the argument count.
  void add(const std::string& name, const std::string& usage, const std::string& doc, int minArgs, int maxArgs,
           Handler handler);
  /// A deeper check of an action's arguments that changes nothing (a condition's kind and
  /// target, a file that must load, a vessel that must exist): run by check().
  void addValidator(const std::string& name, Handler validator);
  /// Documents a key for an action (shown in the help overlay).
  void bindKeyDoc(const std::string& name, const std::string& key);

  /// Runs one command line; throws venaviz::Error (one line) for unknown actions or bad args.
  void run(const std::string& text) const;
  /// Checks a command without running it: its name, argument count and validator (if any);
  /// throws venaviz::Error.
  void check(const std::string& text) const;
  bool has(const std::string& name) const { return actions_.count(name) != 0; }
  std::vector<ui::ActionDoc> docs() const;

 private:
  struct Entry {
    std::string usage, doc, keys;
    int minArgs = 0, maxArgs = 0;
    Handler handler;
    Handler validator;
  };
  std::map<std::string, Entry> actions_;
};

}  // namespace venaviz
