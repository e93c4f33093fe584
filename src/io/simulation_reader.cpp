#include "io/simulation_reader.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/limits.h"

namespace venaviz::io {
namespace fs = std::filesystem;

namespace {

/// What a condition kind reads besides "kind" (mirrors hemo::applyCondition).
enum class TargetRule {
  None,         ///< no target
  Valves,       ///< valve id, vein id or valve group (hemo::selectValves)
  Vein,         ///< a vein id (required)
  JugularVein,  ///< a vein id, default internal_jugular_vein_right
  Band,         ///< "waist" or "groin"
  Side,         ///< "left", "right" or "both" (default)
  Optional,     ///< a free target with a default (the engine checks it and names what it expects)
  Perforators,  ///< "perforators" or a perforator id
};

struct KindSpec {
  std::string_view kind = {};
  TargetRule target = TargetRule::None;
  double severityMax = -1.0;  ///< < 0: no severity
  bool severityRequired = false;
  std::string_view severityMeaning = {};
  bool range = false;         ///< from, to
  bool at = false;            ///< "at" (stored in Condition::from)
  double pressureMax = -1.0;  ///< < 0: no pressure_mmhg (else required)
  bool days = false;          ///< "days" since onset (thrombus)
  std::string_view daysMeaning = "days since the thrombus formed";
};

constexpr KindSpec kKindSpecs[] = {
    {.kind = "valve_incompetence",
     .target = TargetRule::Valves,
     .severityMax = 1.0,
     .severityMeaning = "the regurgitant fraction"},
    {.kind = "absent_valves", .target = TargetRule::Valves},
    {.kind = "valve_repair", .target = TargetRule::Valves},
    {.kind = "thrombus",
     .target = TargetRule::Vein,
     .severityMax = 1.0,
     .severityMeaning = "the lumen lost",
     .range = true,
     .days = true},
    {.kind = "post_thrombotic",
     .target = TargetRule::Vein,
     .severityMax = 1.0,
     .severityMeaning = "the lumen lost",
     .range = true},
    {.kind = "thrombus_removal", .target = TargetRule::Vein},
    {.kind = "may_thurner", .severityMax = 0.95, .severityRequired = true, .severityMeaning = "the area lost"},
    {.kind = "compression",
     .target = TargetRule::Vein,
     .severityMax = 1.0,
     .severityMeaning = "the area lost",
     .range = true},
    {.kind = "iliac_stent"},
    {.kind = "jugular_stenosis",
     .target = TargetRule::JugularVein,
     .severityMax = 1.0,
     .severityMeaning = "the area lost"},
    {.kind = "azygos_stenosis", .severityMax = 1.0, .severityRequired = true, .severityMeaning = "the area lost"},
    {.kind = "collateral_development",
     .target = TargetRule::Optional,
     .severityMax = 1.0,
     .severityMeaning = "the fraction of the full lumen"},
    {.kind = "budd_chiari",
     .target = TargetRule::Optional,
     .severityMax = 1.0,
     .severityMeaning = "the lumen lost",
     .days = true},
    {.kind = "anticoagulation",
     .target = TargetRule::Optional,
     .days = true,
     .daysMeaning = "days of treatment"},
    {.kind = "venoplasty", .target = TargetRule::Vein},
    {.kind = "tips",
     .severityMax = 1.0,
     .severityMeaning = "the stent lumen as a fraction of 10 mm; 0.64 for an 8 mm stent"},
    {.kind = "palma_bypass"},
    {.kind = "raised_abdominal_pressure", .pressureMax = 40.0},
    {.kind = "tight_clothing", .target = TargetRule::Band, .pressureMax = 80.0},
    {.kind = "stockings", .target = TargetRule::Side, .pressureMax = 60.0},
    {.kind = "ablation", .target = TargetRule::Vein, .range = true},
    {.kind = "perforator_ligation", .target = TargetRule::Perforators},
    {.kind = "av_fistula",
     .target = TargetRule::Vein,
     .severityMax = 1.0,
     .severityMeaning = "the size (1 = about 500 mL/min)",
     .at = true},
};

const KindSpec* findSpec(std::string_view kind) {
  for (const KindSpec& s : kKindSpecs)
    if (s.kind == kind) return &s;
  return nullptr;
}

std::vector<std::string_view> allowedKeys(const KindSpec& s) {
  std::vector<std::string_view> keys{"kind"};
  if (s.target != TargetRule::None) keys.push_back("target");
  if (s.severityMax >= 0.0) keys.push_back("severity");
  if (s.range) {
    keys.push_back("from");
    keys.push_back("to");
  }
  if (s.at) keys.push_back("at");
  if (s.pressureMax >= 0.0) keys.push_back("pressure_mmhg");
  if (s.days) keys.push_back("days");
  keys.push_back("note");
  return keys;
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (auto i : items) out += (out.empty() ? "" : ", ") + std::string(i);
  return out;
}

std::string kindNames() {
  std::string out;
  for (const auto& [name, _] : hemo::conditionKinds()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

using hemo::activityNames;  // the engine's own tables, so the message cannot drift from them
using hemo::postureNames;

void allowKeys(const JsonReader& r, const std::vector<std::string_view>& allowed, const std::string& what) {
  r.requireObject();
  for (const auto& [key, _] : r.value().items()) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) r.failKey(key, "unknown key" + what + "; expected one of: " + join(allowed));
  }
}

/// A number in [lo, hi] (or the fallback when absent).
double numberIn(const JsonReader& r, std::string_view key, double fallback, double lo, double hi,
                const std::string& unit) {
  const double v = r.number(key, fallback);
  if (!(v >= lo && v <= hi))
    r.failKey(key,
              fmt(v) + " is out of range; expected " + fmt(lo) + " to " + fmt(hi) + (unit.empty() ? "" : " " + unit));
  return v;
}

void checkFormat(const JsonReader& r, const std::string& format) {
  if (r.has("format") && r.string("format") != format) r.failKey("format", "expected \"" + format + "\"");
  if (r.has("version") && r.number("version") != 1.0) r.failKey("version", "unsupported version; expected 1");
}

hemo::Condition readCondition(const JsonReader& r) {
  r.requireObject();
  hemo::Condition c;
  c.kind = r.string("kind");
  bool known = false;
  for (const auto& [name, _] : hemo::conditionKinds()) known = known || name == c.kind;
  if (!known) r.failKey("kind", "unknown condition kind \"" + c.kind + "\"; expected one of: " + kindNames());
  const KindSpec* spec = findSpec(c.kind);
  if (!spec) {  // a kind the engine knows but this reader does not describe yet: take every field
    allowKeys(r, {"kind", "target", "severity", "from", "to", "at", "pressure_mmhg", "note"}, "");
    c.target = r.string("target", "");
    c.severity = r.number("severity", 1.0);
    c.from = r.number("from", r.number("at", 0.0));
    c.to = r.number("to", 1.0);
    c.pressureMmHg = r.number("pressure_mmhg", 0.0);
    return c;
  }
  allowKeys(r, allowedKeys(*spec), " for a " + c.kind + " condition");
  r.string("note", "");
  switch (spec->target) {
    case TargetRule::None:
      break;
    case TargetRule::Valves:
    case TargetRule::Vein:
    case TargetRule::Perforators:
      if (!r.has("target"))
        r.failKey("target", std::string("missing required key; expected ") +
                                (spec->target == TargetRule::Valves ? "a valve id, a vein id or a valve group"
                                 : spec->target == TargetRule::Vein ? "a vein id"
                                                                    : "\"perforators\" or a perforator id"));
      c.target = r.string("target");
      break;
    case TargetRule::JugularVein:
      c.target = r.string("target", "internal_jugular_vein_right");
      break;
    case TargetRule::Band:
      if (!r.has("target")) r.failKey("target", "missing required key; expected waist or groin");
      c.target = r.string("target");
      if (c.target != "waist" && c.target != "groin")
        r.failKey("target", "unknown band \"" + c.target + "\"; expected waist or groin");
      break;
    case TargetRule::Optional:
      c.target = r.string("target", "");
      break;
    case TargetRule::Side:
      c.target = r.string("target", "both");
      if (c.target != "left" && c.target != "right" && c.target != "both")
        r.failKey("target", "unknown side \"" + c.target + "\"; expected left, right or both");
      break;
  }
  if (spec->severityMax >= 0.0) {
    if (spec->severityRequired && !r.has("severity"))
      r.failKey("severity", "missing required key; expected 0 to " + fmt(spec->severityMax) + " (" +
                                std::string(spec->severityMeaning) + ")");
    c.severity = numberIn(r, "severity", 1.0, 0.0, spec->severityMax, "(" + std::string(spec->severityMeaning) + ")");
  } else if (c.kind == "iliac_stent") {
    c.severity = 0.0;  // applyCondition range-checks severity (max 0.95) even for the stent
  }
  if (spec->range) {
    c.from = numberIn(r, "from", 0.0, 0.0, 1.0, "(fraction along the vein)");
    c.to = numberIn(r, "to", 1.0, 0.0, 1.0, "(fraction along the vein)");
    if (c.from > c.to) r.failKey("to", fmt(c.to) + " is before from (" + fmt(c.from) + "); expected from <= to");
  }
  if (spec->at) c.from = numberIn(r, "at", 0.0, 0.0, 1.0, "(fraction along the vein)");
  if (spec->days) c.days = numberIn(r, "days", 0.0, 0.0, 3650.0, std::string(spec->daysMeaning));
  if (spec->pressureMax >= 0.0) {
    if (!r.has("pressure_mmhg"))
      r.failKey("pressure_mmhg", "missing required key; expected 0 to " + fmt(spec->pressureMax) + " mmHg");
    c.pressureMmHg = numberIn(r, "pressure_mmhg", 0.0, 0.0, spec->pressureMax, "mmHg");
  }
  return c;
}

std::string labelOf(const Json& e, const char* key) {
  return e.is_object() && e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : "";
}

std::vector<hemo::Condition> readConditions(const JsonReader& r) {
  std::vector<hemo::Condition> out;
  if (!r.has("conditions")) return out;
  JsonReader list = r.child("conditions");
  if (!list.value().is_array()) list.fail("expected an array of conditions, got " + describe(list.value()));
  list.requireArrayAtMost(limits::kConditions, "conditions");
  for (std::size_t i = 0; i < list.value().size(); ++i)
    out.push_back(readCondition(list.element(i, labelOf(list.value()[i], "kind"))));
  return out;
}

hemo::Event readEvent(const JsonReader& r, double duration, double previous) {
  r.requireObject();
  hemo::Event ev;
  ev.action = r.string("action");
  const std::string& a = ev.action;
  std::vector<std::string_view> keys{"time", "action"};
  if (a == "posture")
    keys.insert(keys.end(), {"posture", "tilt_deg"});
  else if (a == "activity")
    keys.insert(keys.end(), {"activity", "cadence", "count"});
  else if (a == "valsalva")
    keys.insert(keys.end(), {"duration"});
  else if (a == "squeeze" || a == "cuff")
    keys.insert(keys.end(), {"side"});
  else if (a == "tourniquet")
    keys.insert(keys.end(), {"side", "pressure_mmhg"});
  else if (a == "breathing")
    keys.insert(keys.end(), {"enabled", "rate"});
  else if (a == "condition")
    keys.insert(keys.end(), {"condition"});
  else
    r.failKey("action",
              "unknown action \"" + a +
                  "\"; expected one of: posture, activity, valsalva, squeeze, cuff, tourniquet, breathing, condition");
  keys.push_back("note");
  allowKeys(r, keys, " for a " + a + " event");
  r.string("note", "");
  ev.time = r.number("time");
  if (!(ev.time >= 0.0 && ev.time <= duration))
    r.failKey("time",
              fmt(ev.time) + " s is outside the protocol; expected 0 to its duration (" + fmt(duration) + " s)");
  if (ev.time < previous)
    r.failKey("time", fmt(ev.time) + " s is before the previous event (" + fmt(previous) +
                          " s); expected events in time order");
  if (a == "posture") {
    ev.value = r.string("posture");
    const auto p = hemo::parsePosture(ev.value);
    if (!p) r.failKey("posture", "unknown posture \"" + ev.value + "\"; expected one of: " + postureNames());
    if (r.has("tilt_deg") && *p != hemo::Posture::Tilt && *p != hemo::Posture::LegsElevated)
      r.failKey("tilt_deg", "only used with posture \"tilt\" or \"legs_elevated\"");
    ev.number = *p == hemo::Posture::LegsElevated ? numberIn(r, "tilt_deg", 0.0, 0.0, 60.0, "degrees the legs are raised")
                                                  : numberIn(r, "tilt_deg", 0.0, -90.0, 90.0, "degrees (+ head up)");
  } else if (a == "activity") {
    ev.value = r.string("activity");
    const auto act = hemo::parseActivity(ev.value);
    if (!act) r.failKey("activity", "unknown activity \"" + ev.value + "\"; expected one of: " + activityNames());
    if (r.has("cadence")) {
      if (*act != hemo::Activity::Walking) r.failKey("cadence", "only used with activity \"walking\"");
      ev.number = numberIn(r, "cadence", 100.0, 30.0, 200.0, "steps/min");
    }
    if (r.has("count")) {
      if (*act != hemo::Activity::Tiptoe && *act != hemo::Activity::AnklePumps)
        r.failKey("count", "only used with activity \"tiptoe\" or \"ankle_pumps\"");
      ev.number = numberIn(r, "count", 10.0, 1.0, 100.0, "raises");
      if (ev.number != std::floor(ev.number))
        r.failKey("count", "expected a whole number of raises, got " + fmt(ev.number));
    }
  } else if (a == "valsalva") {
    ev.number = numberIn(r, "duration", 10.0, 1.0, 60.0, "s");
  } else if (a == "squeeze" || a == "cuff") {
    ev.value = r.string("side", "left");
    if (ev.value != "left" && ev.value != "right")
      r.failKey("side", "unknown side \"" + ev.value + "\"; expected left or right");
  } else if (a == "tourniquet") {
    ev.value = r.string("side", "left");
    if (ev.value != "left" && ev.value != "right" && ev.value != "off")
      r.failKey("side", "unknown side \"" + ev.value + "\"; expected left, right or off");
    ev.number = numberIn(r, "pressure_mmhg", 60.0, 10.0, 120.0, "mmHg");
  } else if (a == "breathing") {
    ev.value = r.boolean("enabled", true) ? "on" : "off";
    if (r.has("rate")) ev.number = numberIn(r, "rate", 12.0, 4.0, 40.0, "breaths/min");
  } else if (a == "condition") {
    JsonReader c = r.child("condition");
    ev.condition = readCondition(c);
  }
  return ev;
}

// --- validation against an anatomy ---

}  // namespace

void validateCondition(const hemo::Condition& c, const Anatomy& a, const std::string& file, const std::string& path) {
  const KindSpec* spec = findSpec(c.kind);
  bool known = false;
  for (const auto& [name, _] : hemo::conditionKinds()) known = known || name == c.kind;
  if (!known)
    throw Error::atKey(file, path + ".kind",
                       "unknown condition kind \"" + c.kind + "\"; expected one of: " + kindNames());
  if (!spec) return;
  const std::string where = path + ".target";
  const auto vein = [&](const std::string& id) {
    const Vessel* v = a.findVessel(id);
    if (!v || v->isArtery())
      throw Error::atKey(file, where,
                         "no vein \"" + id + "\" in this scene; expected a vein id (see venaviz info --scene FILE)");
  };
  switch (spec->target) {
    case TargetRule::Valves: {
      std::vector<int> valves;
      try {
        valves = hemo::selectValves(a, c.target);
      } catch (const Error& e) {
        throw Error::atKey(file, where, e.what());
      }
      if (valves.empty()) throw Error::atKey(file, where, "\"" + c.target + "\" has no valves in this scene");
      break;
    }
    case TargetRule::Vein:
    case TargetRule::JugularVein:
      vein(c.target);
      break;
    case TargetRule::Perforators: {
      if (c.target == "perforators") break;
      const Vessel* v = a.findVessel(c.target);
      if (!v || v->system != VesselSystem::Perforator)
        throw Error::atKey(
            file, where,
            "no perforator \"" + c.target + "\" in this scene; expected \"perforators\" or a perforator id");
      break;
    }
    default:
      break;
  }
  if ((c.kind == "may_thurner" || c.kind == "iliac_stent") && !a.findVessel("common_iliac_vein_left"))
    throw Error::atKey(file, path + ".kind", "this scene has no common_iliac_vein_left");
}

namespace {

std::string conditionPath(const std::string& prefix, std::size_t i, const hemo::Condition& c) {
  return prefix + "[" + std::to_string(i) + "] (" + c.kind + ")";
}

}  // namespace

std::string conditionFields(const std::string& kind) {
  const KindSpec* s = findSpec(kind);
  if (!s) return "target, severity, from, to, at, pressure_mmhg";
  auto keys = allowedKeys(*s);
  keys.erase(keys.begin());  // "kind"
  keys.pop_back();           // "note"
  return join(keys);
}

hemo::Scenario parseScenario(const std::string& text, const std::string& name) {
  const Json root = parseJsonText(text, name);
  JsonReader r(root, name, "");
  r.allowKeys({"format", "version", "name", "description", "posture", "tilt_deg", "activity", "cadence", "breathing",
               "breathing_rate", "conditions"});
  checkFormat(r, "venaviz-scenario");
  hemo::Scenario s;
  s.name = r.string("name", fs::path(name).stem().string());
  s.description = r.string("description", "");
  const std::string posture = r.string("posture", "supine");
  const auto p = hemo::parsePosture(posture);
  if (!p) r.failKey("posture", "unknown posture \"" + posture + "\"; expected one of: " + postureNames());
  s.posture = *p;
  if (r.has("tilt_deg") && s.posture != hemo::Posture::Tilt && s.posture != hemo::Posture::LegsElevated)
    r.failKey("tilt_deg", "only used with posture \"tilt\" or \"legs_elevated\"");
  s.tiltDeg = s.posture == hemo::Posture::LegsElevated
                  ? numberIn(r, "tilt_deg", 0.0, 0.0, 60.0, "degrees the legs are raised")
                  : numberIn(r, "tilt_deg", 0.0, -90.0, 90.0, "degrees (+ head up)");
  const std::string activity = r.string("activity", "still");
  const auto a = hemo::parseActivity(activity);
  if (!a) r.failKey("activity", "unknown activity \"" + activity + "\"; expected one of: " + activityNames());
  s.activity = *a;
  s.cadence = numberIn(r, "cadence", 100.0, 30.0, 200.0, "steps/min");
  s.breathing = r.boolean("breathing", true);
  s.breathingRate = numberIn(r, "breathing_rate", 12.0, 4.0, 40.0, "breaths/min");
  s.conditions = readConditions(r);
  return s;
}

hemo::Scenario loadScenario(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path.string() + ": file not found; expected a venaviz scenario (.json)");
  return parseScenario(readFile(path, limits::kSimulationBytes), path.string());
}

hemo::Protocol parseProtocol(const std::string& text, const std::string& name) {
  const Json root = parseJsonText(text, name);
  JsonReader r(root, name, "");
  r.allowKeys({"format", "version", "name", "description", "duration", "measure", "exercise_end", "events"});
  checkFormat(r, "venaviz-protocol");
  hemo::Protocol p;
  p.name = r.string("name", fs::path(name).stem().string());
  p.description = r.string("description", "");
  p.duration = numberIn(r, "duration", 60.0, 0.01, 3600.0, "s");
  p.measure = r.string("measure", "none");
  if (p.measure != "none" && p.measure != "avp" && p.measure != "reflux" && p.measure != "vfi" &&
      p.measure != "phasicity" && p.measure != "pathways")
    r.failKey("measure",
              "unknown measure \"" + p.measure + "\"; expected one of: none, avp, reflux, vfi, phasicity, pathways");
  if (r.has("exercise_end"))
    p.exerciseEnd = numberIn(r, "exercise_end", -1.0, 0.0, p.duration, "s (within the duration)");
  if (r.has("events")) {
    JsonReader list = r.child("events");
    if (!list.value().is_array()) list.fail("expected an array of events, got " + describe(list.value()));
    list.requireArrayAtMost(limits::kEvents, "events");
    double previous = 0.0;
    for (std::size_t i = 0; i < list.value().size(); ++i) {
      p.events.push_back(readEvent(list.element(i, labelOf(list.value()[i], "action")), p.duration, previous));
      previous = p.events.back().time;
    }
  }
  return p;
}

hemo::Protocol loadProtocol(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path.string() + ": file not found; expected a venaviz protocol (.json)");
  return parseProtocol(readFile(path, limits::kSimulationBytes), path.string());
}

void validateScenario(const hemo::Scenario& s, const Anatomy& a, const std::string& file) {
  for (std::size_t i = 0; i < s.conditions.size(); ++i)
    validateCondition(s.conditions[i], a, file, conditionPath("conditions", i, s.conditions[i]));
}

void validateProtocol(const hemo::Protocol& p, const Anatomy& a, const std::string& file) {
  for (std::size_t i = 0; i < p.events.size(); ++i)
    if (p.events[i].condition)
      validateCondition(*p.events[i].condition, a, file, "events[" + std::to_string(i) + "] (condition).condition");
}

// --- outputs ----------------------------------------------------------------------------------

std::string traceCsv(const hemo::Recorder& rec) {
  std::string out = "time_s";
  for (const hemo::Probe& p : rec.probes()) {
    const std::string l = p.label();
    out += "," + l + " pressure (mmHg)," + l + " flow (mL/s)," + l + " velocity (cm/s)," + l + " diameter (mm)";
  }
  out += "\n";
  char buf[64];
  for (std::size_t i = 0; i < rec.time().size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.5f", rec.time()[i]);
    out += buf;
    for (std::size_t k = 0; k < rec.probes().size(); ++k) {
      const hemo::ProbeSeries& s = rec.series(k);
      std::snprintf(buf, sizeof buf, ",%.4f,%.5f,%.4f,%.4f", s.pressureMmHg[i], s.flowMlS[i], s.velocityCmS[i],
                    s.diameterMm[i]);
      out += buf;
    }
    out += "\n";
  }
  return out;
}

namespace {

using OJson = nlohmann::ordered_json;

/// Rounded to 4 decimals; NaN becomes null.
OJson num(double x) {
  if (!std::isfinite(x)) return nullptr;
  return std::round(x * 1e4) / 1e4;
}

OJson stats(const hemo::Stats& s) {
  return {{"min", num(s.min)}, {"max", num(s.max)}, {"mean", num(s.mean)}};
}

std::string side(int s) {
  return s > 0 ? "left" : "right";
}

}  // namespace

std::string reportJson(const hemo::SimulationReport& r) {
  OJson j;
  j["scenario"] = r.scenario;
  j["protocol"] = r.protocol;
  j["measure"] = r.measure;
  j["duration_s"] = num(r.duration);
  j["dt_s"] = r.dt;
  j["steps"] = r.steps;

  if (r.avp.valid)
    j["avp"] = {{"probe", r.avpProbe},
                {"exercise_start_s", num(r.avp.exerciseStart)},
                {"exercise_end_s", num(r.avp.exerciseEnd)},
                {"baseline_mmhg", num(r.avp.baselineMmHg)},
                {"min_mmhg", num(r.avp.minMmHg)},
                {"mean_exercise_mmhg", num(r.avp.meanExerciseMmHg)},
                {"fall_mmhg", num(r.avp.fallMmHg)},
                {"fall_percent", num(r.avp.fallPercent)},
                {"rt90_s", num(r.avp.rt90S)},
                {"recovered", r.avp.recovered}};
  else
    j["avp"] = nullptr;

  if (r.calfEjection[0].valid || r.calfEjection[1].valid) {
    OJson c = OJson::object();
    for (int k = 0; k < 2; ++k) {
      const hemo::EjectionResult& e = r.calfEjection[k];
      c[k == 0 ? "left" : "right"] = {{"volume_before_ml", num(e.volumeBeforeMl)},
                                      {"min_volume_ml", num(e.minVolumeMl)},
                                      {"ejected_ml", num(e.ejectedMl)},
                                      {"ejection_fraction", num(e.ejectionFraction)}};
    }
    j["calf_ejection"] = c;
  } else {
    j["calf_ejection"] = nullptr;
  }

  OJson reflux = OJson::array();
  for (const hemo::RefluxReport& rr : r.reflux) {
    OJson probes = OJson::array(), valves = OJson::array();
    for (const auto& p : rr.probes)
      probes.push_back({{"probe", p.probe},
                        {"duration_s", num(p.result.durationS)},
                        {"start_s", num(p.result.startS)},
                        {"peak_reverse_velocity_cm_s", num(p.result.peakReverseVelocityCmS)},
                        {"ongoing", p.result.ongoing},
                        {"cutoff_s", num(p.cutoffS)},
                        {"pathological", p.pathological}});
    for (const auto& v : rr.valves)
      valves.push_back({{"valve", v.valve}, {"longest_s", num(v.longestS)}, {"engine_last_s", num(v.engineLastS)}});
    reflux.push_back({{"provocation", rr.provocation.action},
                      {"side", side(rr.provocation.side)},
                      {"time_s", num(rr.provocation.time)},
                      {"until_s", num(rr.provocation.until)},
                      {"probes", probes},
                      {"valves", valves}});
  }
  j["reflux"] = reflux;

  if (r.filling[0].valid || r.filling[1].valid) {
    OJson f = {{"start_s", num(r.fillingStart)}};
    for (int k = 0; k < 2; ++k) {
      const hemo::FillingResult& e = r.filling[k];
      f[k == 0 ? "left" : "right"] = {{"start_volume_ml", num(e.startVolumeMl)},
                                      {"venous_volume_ml", num(e.venousVolumeMl)},
                                      {"vft90_s", num(e.vft90S)},
                                      {"vfi_ml_s", num(e.vfiMlS)}};
    }
    j["venous_filling"] = f;
  } else {
    j["venous_filling"] = nullptr;
  }

  if (r.phasicity.valid)
    j["phasicity"] = {{"probe", r.phasicityProbe},
                      {"breaths", r.phasicity.breaths},
                      {"end_inspiration_ml_s", num(r.phasicity.endInspirationMlS)},
                      {"end_expiration_ml_s", num(r.phasicity.endExpirationMlS)},
                      {"ratio", num(r.phasicity.ratio)}};
  else
    j["phasicity"] = nullptr;

  OJson phases = OJson::array();
  for (const hemo::PhaseReport& ph : r.phases) {
    OJson pr = OJson::object(), fl = OJson::object(), gr = OJson::object();
    for (const auto& [k, v] : ph.pressureMmHg) pr[k] = num(v);
    for (const auto& [k, v] : ph.flowMlS) fl[k] = num(v);
    for (const auto& [k, v] : ph.gradientsMmHg) gr[k] = num(v);
    phases.push_back({{"label", ph.label},
                      {"start_s", num(ph.start)},
                      {"end_s", num(ph.end)},
                      {"window_s", num(ph.window)},
                      {"pressure_mmhg", pr},
                      {"flow_ml_s", fl},
                      {"gradients_mmhg", gr},
                      {"cerebral_outflow",
                       {{"jugular_ml_s", num(ph.jugularMlS)},
                        {"vertebral_ml_s", num(ph.vertebralMlS)},
                        {"jugular_share", num(ph.jugularShare)}}},
                      {"collaterals",
                       {{"collateral_ml_s", num(ph.collateralMlS)},
                        {"main_path_ml_s", num(ph.mainPathMlS)},
                        {"collateral_share", num(ph.collateralShare)}}},
                      {"calf_volume_ml", {{"left", num(ph.calfVolumeMl[0])}, {"right", num(ph.calfVolumeMl[1])}}}});
  }
  j["phases"] = phases;
  if (r.liver.present) {
    const hemo::LiverReadout& l = r.liver;
    OJson cols = OJson::array();
    for (const hemo::CollateralFlow& c : l.collaterals) cols.push_back({{"id", c.id}, {"flow_ml_min", num(c.flowMlMin)}});
    j["liver"] = {{"portal_mmhg", num(l.portalMmHg)},
                  {"wedged_mmhg", num(l.wedgedMmHg)},
                  {"free_hepatic_mmhg", num(l.freeHepaticMmHg)},
                  {"hepatic_vein_in_liver_mmhg", num(l.upstreamHepaticMmHg)},
                  {"hvpg_mmhg", num(l.hvpgMmHg)},
                  {"portosystemic_gradient_mmhg", num(l.portosystemicMmHg)},
                  {"portal_flow_ml_min", num(l.portalFlowMlMin)},
                  {"splanchnic_inflow_ml_min", num(l.splanchnicInflowMlMin)},
                  {"hepatic_artery_ml_min", num(l.hepaticArteryMlMin)},
                  {"hepatic_veins_ml_min", num(l.hepaticVeinsMlMin)},
                  {"caudate_ml_min", num(l.caudateMlMin)},
                  {"tips_ml_min", num(l.tipsMlMin)},
                  {"azygos_ml_min", num(l.azygosMlMin)},
                  {"collaterals", cols},
                  {"collateral_share", num(l.collateralShare)},
                  {"hepatic_lymph_ml_h", num(l.lymphMlH)},
                  {"ascites_ml_day", num(l.ascitesMlDay)}};
  }

  OJson probes = OJson::array();
  for (const hemo::ProbeReport& p : r.probes)
    probes.push_back({{"probe", p.probe},
                      {"pressure_mmhg", stats(p.pressureMmHg)},
                      {"flow_ml_s", stats(p.flowMlS)},
                      {"velocity_cm_s", stats(p.velocityCmS)},
                      {"diameter_mm", stats(p.diameterMm)}});
  j["probes"] = probes;
  return j.dump(2) + "\n";
}

}  // namespace venaviz::io
