#include "app/actions.h"

#include <cmath>
#include <cstdlib>

#include "core/error.h"

namespace venaviz {

std::vector<std::string> splitCommand(const std::string& text) {
  std::vector<std::string> words;
  std::string cur;
  bool quoted = false, have = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      have = true;
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (have) words.push_back(cur);
      cur.clear();
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (quoted) throw Error("command \"" + text + "\": unterminated quote");
  if (have) words.push_back(cur);
  return words;
}

double parseNumberArg(const std::string& action, const std::string& text, double lo, double hi) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || !end || *end != '\0' || !std::isfinite(v))
    throw Error(action + ": expected a number, got \"" + text + "\"");
  if (v < lo || v > hi)
    throw Error(action + ": " + text + " is out of range; expected " + std::to_string(lo).substr(0, 6) + " to " +
                std::to_string(hi).substr(0, 6));
  return v;
}

bool parseSwitchArg(const std::string& action, const std::vector<std::string>& args, bool current) {
  if (args.empty() || args[0] == "toggle") return !current;
  const std::string& a = args[0];
  if (a == "on" || a == "true" || a == "1") return true;
  if (a == "off" || a == "false" || a == "0") return false;
  throw Error(action + ": expected on, off or toggle, got \"" + a + "\"");
}

void ActionRegistry::add(const std::string& name, const std::string& usage, const std::string& doc, int minArgs,
                         int maxArgs, Handler handler) {
  actions_[name] = Entry{usage, doc, "", minArgs, maxArgs, std::move(handler), {}};
}

void ActionRegistry::addValidator(const std::string& name, Handler validator) {
  auto it = actions_.find(name);
  if (it != actions_.end()) it->second.validator = std::move(validator);
}

void ActionRegistry::bindKeyDoc(const std::string& name, const std::string& key) {
  auto it = actions_.find(name);
  if (it == actions_.end()) return;
  it->second.keys += (it->second.keys.empty() ? "" : ", ") + key;
}

void ActionRegistry::check(const std::string& text) const {
  const std::vector<std::string> words = splitCommand(text);
  if (words.empty()) throw Error("empty command");
  auto it = actions_.find(words[0]);
  if (it == actions_.end()) throw Error("unknown action \"" + words[0] + "\"");
  const int n = static_cast<int>(words.size()) - 1;
  if (n < it->second.minArgs || n > it->second.maxArgs)
    throw Error(words[0] + ": wrong number of arguments; usage: " + it->second.usage);
  if (it->second.validator) it->second.validator(std::vector<std::string>(words.begin() + 1, words.end()));
}

void ActionRegistry::run(const std::string& text) const {
  std::vector<std::string> words = splitCommand(text);
  if (words.empty()) throw Error("empty command");
  auto it = actions_.find(words[0]);
  if (it == actions_.end()) throw Error("unknown command \"" + words[0] + "\"; press F1 or run \"help\" for the list");
  const Entry& e = it->second;
  const int n = static_cast<int>(words.size()) - 1;
  if (n < e.minArgs || n > e.maxArgs) throw Error(words[0] + ": wrong number of arguments; usage: " + e.usage);
  e.handler(std::vector<std::string>(words.begin() + 1, words.end()));
}

std::vector<ui::ActionDoc> ActionRegistry::docs() const {
  std::vector<ui::ActionDoc> out;
  for (const auto& [name, e] : actions_) out.push_back({e.usage, e.doc, e.keys});
  return out;
}

}  // namespace venaviz
