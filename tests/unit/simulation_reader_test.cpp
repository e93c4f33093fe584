// Scenario and protocol files (io/simulation_reader) and the clinical measures (hemo/measures):
// one-line errors naming the file, key path and allowed values; every shipped file loads and
// validates against the default scene; measures on synthetic time series with known answers.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "hemo/engine.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"
#include "io/scene.h"
#include "io/simulation_reader.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

const fs::path kSource = VENAVIZ_SOURCE_DIR;

std::string scenarioError(const std::string& text) {
  try {
    io::parseScenario(text, "s.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

std::string protocolError(const std::string& text) {
  try {
    io::parseProtocol(text, "p.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

const Anatomy& defaultAnatomy() {
  static const Scene scene = io::loadScene(kSource / "scenes/default.json");
  return scene.anatomy;
}

std::string validateError(const std::string& text) {
  try {
    io::validateScenario(io::parseScenario(text, "s.json"), defaultAnatomy(), "s.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<fs::path> jsonFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Samples from 0 to `end` every `dt`.
std::vector<double> times(double end, double dt) {
  std::vector<double> t;
  for (int i = 0; static_cast<double>(i) * dt <= end + 1e-9; ++i) t.push_back(static_cast<double>(i) * dt);
  return t;
}

}  // namespace

// --- reader ----------------------------------------------------------------------------------

TEST(SimulationReader, ReadsAScenario) {
  const hemo::Scenario s = io::parseScenario(R"({
    "format": "venaviz-scenario", "version": 1, "name": "x", "description": "d",
    "posture": "tilt", "tilt_deg": 60, "activity": "walking", "cadence": 110,
    "breathing": false, "breathing_rate": 15,
    "conditions": [
      {"kind": "thrombus", "target": "femoral_vein_left", "severity": 0.8, "from": 0.2, "to": 0.6},
      {"kind": "stockings", "pressure_mmhg": 25},
      {"kind": "av_fistula", "target": "great_saphenous_vein_left", "at": 0.3, "severity": 0.5},
      {"kind": "iliac_stent"}
    ]})",
                                             "s.json");
  EXPECT_EQ(s.name, "x");
  EXPECT_EQ(s.posture, hemo::Posture::Tilt);
  EXPECT_DOUBLE_EQ(s.tiltDeg, 60.0);
  EXPECT_EQ(s.activity, hemo::Activity::Walking);
  EXPECT_DOUBLE_EQ(s.cadence, 110.0);
  EXPECT_FALSE(s.breathing);
  ASSERT_EQ(s.conditions.size(), 4u);
  EXPECT_EQ(s.conditions[0].target, "femoral_vein_left");
  EXPECT_DOUBLE_EQ(s.conditions[0].severity, 0.8);
  EXPECT_DOUBLE_EQ(s.conditions[0].from, 0.2);
  EXPECT_DOUBLE_EQ(s.conditions[0].to, 0.6);
  EXPECT_EQ(s.conditions[1].target, "both");
  EXPECT_DOUBLE_EQ(s.conditions[1].pressureMmHg, 25.0);
  EXPECT_DOUBLE_EQ(s.conditions[2].from, 0.3);
  // The stent takes no severity; the reader leaves one the engine accepts.
  EXPECT_LE(s.conditions[3].severity, 0.95);
}

TEST(SimulationReader, DefaultsAndNameFromFile) {
  const hemo::Scenario s = io::parseScenario("{}", "dir/my_case.json");
  EXPECT_EQ(s.name, "my_case");
  EXPECT_EQ(s.posture, hemo::Posture::Supine);
  EXPECT_TRUE(s.breathing);
  EXPECT_TRUE(s.conditions.empty());
  const hemo::Protocol p = io::parseProtocol("{}", "dir/p.json");
  EXPECT_EQ(p.name, "p");
  EXPECT_DOUBLE_EQ(p.duration, 60.0);
  EXPECT_EQ(p.measure, "none");
  EXPECT_LT(p.exerciseEnd, 0.0);
}

TEST(SimulationReader, MalformedJsonNamesLineAndColumn) {
  const std::string e = scenarioError("{\n  \"posture\": \"supine\",,\n}");
  EXPECT_NE(e.find("s.json:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid JSON"), std::string::npos) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos);
}

TEST(SimulationReader, UnknownKeyListsAllowedKeys) {
  const std::string e = scenarioError(R"({"postur": "supine"})");
  EXPECT_NE(e.find("s.json: postur: unknown key; expected one of: format, version, name"), std::string::npos) << e;
  EXPECT_NE(e.find("conditions"), std::string::npos) << e;
}

TEST(SimulationReader, UnknownPostureAndActivityListAllowedValues) {
  std::string e = scenarioError(R"({"posture": "standig"})");
  EXPECT_NE(e.find("s.json: posture: unknown posture \"standig\"; expected one of: supine, standing, sitting, "
                   "legs_elevated, tilt"),
            std::string::npos)
      << e;
  e = scenarioError(R"({"activity": "running"})");
  EXPECT_NE(e.find("activity: unknown activity \"running\"; expected one of: still, walking, tiptoe, ankle_pumps"),
            std::string::npos)
      << e;
  e = scenarioError(R"({"posture": "standing", "tilt_deg": 30})");
  EXPECT_NE(e.find("tilt_deg: only used with posture \"tilt\""), std::string::npos) << e;
}

TEST(SimulationReader, UnknownConditionKindListsEveryKind) {
  const std::string e = scenarioError(R"({"conditions": [{"kind": "varicose"}]})");
  EXPECT_NE(e.find("s.json: conditions[0] (varicose).kind: unknown condition kind \"varicose\"; expected one of: "),
            std::string::npos)
      << e;
  for (const auto& [kind, _] : hemo::conditionKinds()) EXPECT_NE(e.find(kind), std::string::npos) << kind;
}

TEST(SimulationReader, SeverityOutOfRange) {
  std::string e =
      scenarioError(R"({"conditions": [{"kind": "valve_incompetence", "target": "left_gsv", "severity": 1.5}]})");
  EXPECT_NE(e.find("conditions[0] (valve_incompetence).severity: 1.5 is out of range; expected 0 to 1"),
            std::string::npos)
      << e;
  e = scenarioError(R"({"conditions": [{"kind": "may_thurner", "severity": 0.99}]})");
  EXPECT_NE(e.find("(may_thurner).severity: 0.99 is out of range; expected 0 to 0.95"), std::string::npos) << e;
  e = scenarioError(R"({"conditions": [{"kind": "may_thurner"}]})");
  EXPECT_NE(e.find("(may_thurner).severity: missing required key"), std::string::npos) << e;
  e = scenarioError(R"({"conditions": [{"kind": "thrombus", "target": "femoral_vein_left", "from": 0.7, "to": 0.2}]})");
  EXPECT_NE(e.find("(thrombus).to: 0.2 is before from (0.7)"), std::string::npos) << e;
  e = scenarioError(R"({"conditions": [{"kind": "stockings", "pressure_mmhg": 70}]})");
  EXPECT_NE(e.find("(stockings).pressure_mmhg: 70 is out of range; expected 0 to 60 mmHg"), std::string::npos) << e;
}

TEST(SimulationReader, KeysAreCheckedPerConditionKind) {
  std::string e = scenarioError(R"({"conditions": [{"kind": "stockings", "pressure_mmhg": 20, "severity": 1}]})");
  EXPECT_NE(e.find("conditions[0] (stockings).severity: unknown key for a stockings condition; expected one of: "
                   "kind, target, pressure_mmhg, note"),
            std::string::npos)
      << e;
  e = scenarioError(R"({"conditions": [{"kind": "thrombus"}]})");
  EXPECT_NE(e.find("(thrombus).target: missing required key; expected a vein id"), std::string::npos) << e;
  e = scenarioError(R"({"conditions": [{"kind": "tight_clothing", "target": "neck", "pressure_mmhg": 20}]})");
  EXPECT_NE(e.find("(tight_clothing).target: unknown band \"neck\"; expected waist or groin"), std::string::npos) << e;
  e = scenarioError(R"({"conditions": [{"kind": "raised_abdominal_pressure"}]})");
  EXPECT_NE(e.find("pressure_mmhg: missing required key"), std::string::npos) << e;
}

TEST(SimulationReader, EveryConditionKindHasItsFieldsDescribed) {
  for (const auto& [kind, _] : hemo::conditionKinds())
    EXPECT_NE(io::conditionFields(kind), "target, severity, from, to, at, pressure_mmhg")
        << kind << " is missing from the reader's table of condition fields";
}

TEST(SimulationReader, ValidatesTargetsAgainstTheScene) {
  std::string e = validateError(R"({"conditions": [{"kind": "thrombus", "target": "femoral_vien_left"}]})");
  EXPECT_NE(e.find("s.json: conditions[0] (thrombus).target: no vein \"femoral_vien_left\" in this scene"),
            std::string::npos)
      << e;
  e = validateError(R"({"conditions": [{"kind": "thrombus", "target": "femoral_artery_left"}]})");
  EXPECT_NE(e.find("no vein \"femoral_artery_left\""), std::string::npos) << e;
  e = validateError(R"({"conditions": [{"kind": "valve_incompetence", "target": "left_gsvv"}]})");
  EXPECT_NE(e.find("conditions[0] (valve_incompetence).target: no valve, vein or valve group \"left_gsvv\""),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("deep_left"), std::string::npos) << e;
  e = validateError(R"({"conditions": [{"kind": "perforator_ligation", "target": "great_saphenous_vein_left"}]})");
  EXPECT_NE(e.find("no perforator \"great_saphenous_vein_left\""), std::string::npos) << e;
  EXPECT_EQ(validateError(R"({"conditions": [{"kind": "valve_incompetence", "target": "great_saphenous_vein_left.v1"},
                                              {"kind": "perforator_ligation", "target": "perforators"},
                                              {"kind": "jugular_stenosis", "severity": 0.5}]})"),
            "(no error)");
}

TEST(SimulationReader, ReadsAProtocol) {
  const hemo::Protocol p = io::parseProtocol(R"({
    "format": "venaviz-protocol", "name": "t", "duration": 30, "measure": "avp", "exercise_end": 20,
    "events": [
      {"time": 0, "action": "posture", "posture": "standing", "note": "up"},
      {"time": 5, "action": "activity", "activity": "tiptoe", "count": 8},
      {"time": 6, "action": "valsalva", "duration": 5},
      {"time": 7, "action": "squeeze", "side": "right"},
      {"time": 8, "action": "breathing", "enabled": false},
      {"time": 9, "action": "condition", "condition": {"kind": "valve_incompetence", "target": "left_gsv"}}
    ]})",
                                             "p.json");
  ASSERT_EQ(p.events.size(), 6u);
  EXPECT_EQ(p.events[0].value, "standing");
  EXPECT_EQ(p.events[1].value, "tiptoe");
  EXPECT_DOUBLE_EQ(p.events[1].number, 8.0);
  EXPECT_DOUBLE_EQ(p.events[2].number, 5.0);
  EXPECT_EQ(p.events[3].value, "right");
  EXPECT_EQ(p.events[4].value, "off");
  ASSERT_TRUE(p.events[5].condition);
  EXPECT_EQ(p.events[5].condition->target, "left_gsv");
  EXPECT_DOUBLE_EQ(p.exerciseEnd, 20.0);
}

TEST(SimulationReader, ProtocolErrors) {
  std::string e = protocolError(R"({"events": [{"time": 0, "action": "jump"}]})");
  EXPECT_NE(e.find("p.json: events[0] (jump).action: unknown action \"jump\"; expected one of: posture, activity"),
            std::string::npos)
      << e;
  e = protocolError(R"({"duration": 20, "events": [{"time": 30, "action": "valsalva"}]})");
  EXPECT_NE(e.find("events[0] (valsalva).time: 30 s is outside the protocol"), std::string::npos) << e;
  e = protocolError(R"({"events": [{"time": 10, "action": "valsalva"}, {"time": 5, "action": "valsalva"}]})");
  EXPECT_NE(e.find("events[1] (valsalva).time: 5 s is before the previous event (10 s)"), std::string::npos) << e;
  e = protocolError(R"({"measure": "speed"})");
  EXPECT_NE(e.find("measure: unknown measure \"speed\"; expected one of: none, avp, reflux"), std::string::npos) << e;
  e = protocolError(R"({"events": [{"time": 0, "action": "activity", "activity": "tiptoe", "count": 2.5}]})");
  EXPECT_NE(e.find("count: expected a whole number"), std::string::npos) << e;
  e = protocolError(R"({"events": [{"time": 0, "action": "activity", "activity": "tiptoe", "cadence": 90}]})");
  EXPECT_NE(e.find("cadence: only used with activity \"walking\""), std::string::npos) << e;
  e = protocolError(R"({"events": [{"time": 0, "action": "squeeze", "side": "both"}]})");
  EXPECT_NE(e.find("side: unknown side \"both\"; expected left or right"), std::string::npos) << e;
  e = protocolError(R"({"events": [{"time": 0, "action": "valsalva", "side": "left"}]})");
  EXPECT_NE(e.find("events[0] (valsalva).side: unknown key for a valsalva event; expected one of: time, action, "
                   "duration, note"),
            std::string::npos)
      << e;
  e = protocolError(R"({"events": [{"time": 0, "action": "condition", "condition": {"kind": "nope"}}]})");
  EXPECT_NE(e.find("events[0] (condition).condition.kind: unknown condition kind \"nope\""), std::string::npos) << e;
}

TEST(SimulationReader, ValidatesProtocolConditions) {
  const hemo::Protocol p = io::parseProtocol(
      R"({"events": [{"time": 1, "action": "condition", "condition": {"kind": "ablation", "target": "gsv"}}]})",
      "p.json");
  try {
    io::validateProtocol(p, defaultAnatomy(), "p.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("p.json: events[0] (condition).condition.target: no vein \"gsv\""),
              std::string::npos)
        << e.what();
  }
}

TEST(SimulationReader, MissingFileIsOneLine) {
  try {
    io::loadProtocol(kSource / "scenes/protocols/nope.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nope.json: file not found"), std::string::npos) << e.what();
  }
}

TEST(SimulationReader, EveryShippedScenarioLoadsAndValidates) {
  const auto files = jsonFiles(kSource / "scenes/scenarios");
  EXPECT_GE(files.size(), 10u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.string());
    hemo::Scenario s;
    ASSERT_NO_THROW(s = io::loadScenario(f));
    EXPECT_FALSE(s.description.empty());
    EXPECT_NO_THROW(io::validateScenario(s, defaultAnatomy(), f.string()));
  }
}

TEST(SimulationReader, EveryShippedProtocolLoadsAndValidates) {
  const auto files = jsonFiles(kSource / "scenes/protocols");
  EXPECT_GE(files.size(), 5u);
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.string());
    hemo::Protocol p;
    ASSERT_NO_THROW(p = io::loadProtocol(f));
    EXPECT_FALSE(p.description.empty());
    EXPECT_NE(p.measure, "none");
    EXPECT_NO_THROW(io::validateProtocol(p, defaultAnatomy(), f.string()));
  }
}

// --- measures on synthetic series --------------------------------------------------------------

TEST(Measures, ParsesProbes) {
  const hemo::Probe p = hemo::parseProbe("great_saphenous_vein_left@0.06");
  EXPECT_EQ(p.vessel, "great_saphenous_vein_left");
  EXPECT_DOUBLE_EQ(p.fraction, 0.06);
  EXPECT_EQ(p.label(), "great_saphenous_vein_left@0.06");
  EXPECT_EQ(hemo::parseProbe("femoral_vein_left").label(), "femoral_vein_left@0.5");
  EXPECT_EQ(hemo::parseProbe("a@1").label(), "a@1");
  EXPECT_THROW(hemo::parseProbe("a@2"), Error);
  EXPECT_THROW(hemo::parseProbe("a@x"), Error);
  EXPECT_THROW(hemo::parseProbe("@0.5"), Error);
  try {
    hemo::parseProbe("a@1.5");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("expected VESSEL_ID@FRACTION"), std::string::npos) << e.what();
  }
}

TEST(Measures, Rt90OnAnExponentialRecovery) {
  // Baseline 90 mmHg; linear fall to 30 during exercise 40-50 s; recovery 90 - 60 exp(-(t-50)/10).
  const double tau = 10.0;
  const auto t = times(100.0, 0.01);
  std::vector<double> p;
  for (double x : t)
    p.push_back(x < 40.0 ? 90.0 : x <= 50.0 ? 90.0 - 6.0 * (x - 40.0) : 90.0 - 60.0 * std::exp(-(x - 50.0) / tau));
  for (double smoothing : {0.0, 1.0}) {
    const hemo::AvpResult r = hemo::ambulatoryVenousPressure(t, p, 40.0, 50.0, 5.0, smoothing);
    ASSERT_TRUE(r.valid);
    EXPECT_NEAR(r.baselineMmHg, 90.0, 1e-9);
    EXPECT_NEAR(r.minMmHg, 30.0, 1e-9);
    EXPECT_NEAR(r.fallMmHg, 60.0, 1e-9);
    EXPECT_NEAR(r.fallPercent, 100.0 * 60.0 / 90.0, 1e-9);
    EXPECT_NEAR(r.meanExerciseMmHg, 60.0, 0.1);
    EXPECT_TRUE(r.recovered);
    EXPECT_NEAR(r.rt90S, tau * std::log(10.0), 0.05) << "smoothing " << smoothing;
  }
  // Recovery that never reaches 90% within the record.
  const hemo::AvpResult slow = hemo::ambulatoryVenousPressure(t, p, 40.0, 50.0, 5.0);
  const auto t2 = times(60.0, 0.01);
  const hemo::AvpResult cut = hemo::ambulatoryVenousPressure(
      t2, std::vector<double>(p.begin(), p.begin() + static_cast<long>(t2.size())), 40.0, 50.0);
  EXPECT_TRUE(slow.recovered);
  EXPECT_FALSE(cut.recovered);
  EXPECT_TRUE(std::isnan(cut.rt90S));
  // No exercise window inside the record: not valid.
  EXPECT_FALSE(hemo::ambulatoryVenousPressure(t, p, 95.0, 120.0).valid);
}

TEST(Measures, RefluxDurationOnAKnownTrace) {
  const auto t = times(20.0, 0.005);
  std::vector<double> flow, vel;
  for (double x : t) {
    double v = 5.0;                       // forward
    if (x >= 2.0 && x < 5.0) v = -4.0;    // before the provocation: ignored
    if (x >= 10.2 && x < 11.0) v = -3.0;  // 0.8 s of reflux
    if (x >= 11.0 && x < 13.0) v = -0.5;  // slow reverse drift below the 1 cm/s threshold
    if (x >= 14.0 && x < 14.3) v = -8.0;  // 0.3 s of faster reflux
    vel.push_back(v);
    flow.push_back(v * 0.5);
  }
  hemo::RefluxResult r = hemo::refluxDuration(t, flow, vel, 10.0);
  EXPECT_NEAR(r.durationS, 0.8, 0.006);
  EXPECT_NEAR(r.startS, 10.2, 0.006);
  EXPECT_NEAR(r.peakReverseVelocityCmS, 8.0, 1e-9);
  EXPECT_FALSE(r.ongoing);
  r = hemo::refluxDuration(t, flow, vel, 12.0);
  EXPECT_NEAR(r.durationS, 0.3, 0.006);
  r = hemo::refluxDuration(t, flow, vel, 10.0, 10.5);  // window ends mid-run
  EXPECT_NEAR(r.durationS, 0.3, 0.006);
  EXPECT_TRUE(r.ongoing);
  r = hemo::refluxDuration(t, flow, vel, 15.0);
  EXPECT_EQ(r.durationS, 0.0);
  EXPECT_TRUE(std::isnan(r.startS));
  EXPECT_DOUBLE_EQ(hemo::refluxCutoffS(VesselSystem::Superficial), 0.5);
  EXPECT_DOUBLE_EQ(hemo::refluxCutoffS(VesselSystem::Deep), 1.0);
}

TEST(Measures, EjectionAndVenousFilling) {
  const auto t = times(80.0, 0.01);
  std::vector<double> calf, leg;
  for (double x : t) {
    calf.push_back(x < 1.0 || x > 2.0 ? 100.0 : 100.0 - 60.0 * std::sin(3.14159265358979 * (x - 1.0)));
    leg.push_back(x < 20.0 ? 50.0 : 50.0 + 100.0 * (1.0 - std::exp(-(x - 20.0) / 5.0)));
  }
  const hemo::EjectionResult e = hemo::ejection(t, calf, 1.0, 2.0);
  ASSERT_TRUE(e.valid);
  EXPECT_NEAR(e.volumeBeforeMl, 100.0, 1e-9);
  EXPECT_NEAR(e.ejectedMl, 60.0, 0.01);
  EXPECT_NEAR(e.ejectionFraction, 0.6, 1e-4);
  const hemo::FillingResult f = hemo::venousFilling(t, leg, 20.0, 80.0);
  ASSERT_TRUE(f.valid);
  EXPECT_NEAR(f.startVolumeMl, 50.0, 1e-9);
  EXPECT_NEAR(f.venousVolumeMl, 100.0, 0.01);
  EXPECT_NEAR(f.vft90S, 5.0 * std::log(10.0), 0.02);
  EXPECT_NEAR(f.vfiMlS, 90.0 / (5.0 * std::log(10.0)), 0.02);
}

TEST(Measures, RespiratoryPhasicity) {
  // Breathing every 5 s: thoracic pressure lowest at 2.5 s (end inspiration), highest at 0 s.
  const auto t = times(40.0, 0.005);
  std::vector<double> thoracic, flow;
  for (double x : t) {
    const double th = -4.0 - 1.1 * (1.0 - std::cos(2.0 * 3.14159265358979 * x / 5.0));
    thoracic.push_back(th);
    flow.push_back(10.0 + 2.0 * (th + 4.0));  // 10 mL/s at end expiration, 5.6 at end inspiration
  }
  const hemo::PhasicityResult r = hemo::respiratoryPhasicity(t, flow, thoracic, 0.0, 40.0);
  ASSERT_TRUE(r.valid);
  EXPECT_GE(r.breaths, 6);
  EXPECT_NEAR(r.endInspirationMlS, 5.6, 0.02);
  EXPECT_NEAR(r.endExpirationMlS, 10.0, 0.02);
  EXPECT_NEAR(r.ratio, 0.56, 0.005);
  // No breathing: not valid.
  EXPECT_FALSE(hemo::respiratoryPhasicity(t, flow, std::vector<double>(t.size(), -4.0), 0.0, 40.0).valid);
}

TEST(Measures, ExerciseBoutFromAProtocol) {
  hemo::Protocol p;
  p.duration = 90.0;
  hemo::Event stand{0.0, "posture", "standing", 0.0, {}};
  hemo::Event tiptoe{40.0, "activity", "tiptoe", 10.0, {}};
  p.events = {stand, tiptoe};
  auto b = hemo::exerciseBout(p);
  ASSERT_TRUE(b);
  EXPECT_DOUBLE_EQ(b->start, 40.0);
  EXPECT_DOUBLE_EQ(b->end, 50.0);
  p.exerciseEnd = 55.0;
  EXPECT_DOUBLE_EQ(hemo::exerciseBout(p)->end, 55.0);
  p.events = {stand};
  EXPECT_FALSE(hemo::exerciseBout(p));
}

TEST(Measures, StatsAndSmoothing) {
  const std::vector<double> t{0, 1, 2, 3, 4}, v{1, 5, 3, 2, 4};
  const hemo::Stats s = hemo::statsOver(t, v, 1.0, 3.0);
  EXPECT_DOUBLE_EQ(s.min, 2.0);
  EXPECT_DOUBLE_EQ(s.max, 5.0);
  EXPECT_DOUBLE_EQ(s.mean, 10.0 / 3.0);
  EXPECT_TRUE(std::isnan(hemo::meanOver(t, v, 10.0, 11.0)));
  const auto sm = hemo::smooth(t, v, 2.0);
  EXPECT_DOUBLE_EQ(sm[2], (5.0 + 3.0 + 2.0) / 3.0);
  EXPECT_DOUBLE_EQ(sm[0], (1.0 + 5.0) / 2.0);
}

// --- a short run on the engine (recorder, runner, outputs) --------------------------------------

TEST(Measures, RecordsAShortProtocolRun) {
  const Anatomy& a = defaultAnatomy();
  hemo::Engine engine(a);
  hemo::Protocol p = io::parseProtocol(R"({"duration": 1, "events": [
      {"time": 0, "action": "posture", "posture": "standing"},
      {"time": 0.5, "action": "squeeze", "side": "left"}]})",
                                       "p.json");
  hemo::Scenario s;
  const hemo::MeasurementPlan plan = hemo::planMeasurements(p, s, a, engine.network());
  EXPECT_EQ(plan.anklePressure, "great_saphenous_vein_left@0.06");
  EXPECT_FALSE(plan.reflux.empty());
  std::vector<hemo::Probe> probes;
  for (const std::string& l : plan.probes()) probes.push_back(hemo::parseProbe(l));
  hemo::Recorder rec(engine, a, probes);
  rec.trackValve(0);
  const double dt = 1.0 / 240.0;
  hemo::runProtocol(engine, a, p, dt, p.duration, &rec);
  ASSERT_EQ(rec.time().size(), 241u);
  EXPECT_NEAR(rec.time().back(), 1.0, 1e-9);
  EXPECT_EQ(rec.series(0).pressureMmHg.size(), 241u);
  EXPECT_EQ(rec.valveReflux(0).size(), 241u);
  EXPECT_GT(rec.calfVolumeMl(1).front(), 0.0);
  EXPECT_GT(rec.lowerLegVolumeMl(-1).front(), rec.calfVolumeMl(-1).front() * 0.5);
  for (double d : rec.series(0).diameterMm) EXPECT_TRUE(std::isfinite(d));

  const std::string csv = io::traceCsv(rec);
  EXPECT_EQ(csv.rfind("time_s,great_saphenous_vein_left@0.06 pressure (mmHg),great_saphenous_vein_left@0.06 flow "
                      "(mL/s),great_saphenous_vein_left@0.06 velocity (cm/s),great_saphenous_vein_left@0.06 diameter "
                      "(mm),",
                      0),
            0u);
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), 242u);

  const hemo::SimulationReport r = hemo::analyzeRun(rec, engine, a, p, s, plan);
  ASSERT_EQ(r.reflux.size(), 1u);
  EXPECT_EQ(r.reflux[0].provocation.action, "squeeze");
  EXPECT_EQ(r.probes.size(), probes.size());
  const std::string json = io::reportJson(r);
  for (const char* key : {"\"avp\": null", "\"reflux\": [", "\"phases\": [", "\"probes\": ["})
    EXPECT_NE(json.find(key), std::string::npos) << key;

  // A failing event names itself.
  hemo::Protocol bad;
  bad.events.push_back({0.0, "condition", "", 0.0, hemo::Condition{"thrombus", "no_such_vein"}});
  try {
    hemo::runProtocol(engine, a, bad, dt, 0.1, nullptr);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("events[0] (condition): thrombus: no vein \"no_such_vein\""),
              std::string::npos)
        << e.what();
  }
  // A probe on an unknown vein names it.
  EXPECT_THROW(hemo::Recorder(engine, a, {hemo::parseProbe("no_such_vein@0.5")}), Error);
}
