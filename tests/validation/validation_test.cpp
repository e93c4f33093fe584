// Validation of the hemodynamic engine against published physiology (physiology.md §13, cases
// 1-9). Each case runs SHIPPED scenario and protocol files (scenes/scenarios, scenes/protocols)
// through the same steps as `venaviz simulate` (load and validate the files, build the engine with
// its default parameters, apply the scenario, settle 30 s, plan the probes, run the protocol at
// 1/240 s, analyse the run) and checks the published range from tests/validation/expected.json.
// Parameters are never tuned per case. A check the engine does not reproduce yet is listed in
// expected.json's known_misses with the value measured when it was listed and the reason: it
// prints instead of failing, and a listed check that passes prints a note to remove it.
//
// With VENAVIZ_VALIDATION_TABLE=FILE the binary also writes the markdown table of every check it
// ran to FILE once all tests are done (tools/make_validation_table.sh -> docs/validation.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "hemo/drivers.h"
#include "hemo/engine.h"
#include "hemo/liver.h"
#include "hemo/measures.h"
#include "hemo/params.h"
#include "hemo/scenario.h"
#include "hemo/simulation.h"
#include "io/scene.h"
#include "io/simulation_reader.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace venaviz;

namespace {

const fs::path kSource = VENAVIZ_SOURCE_DIR;
constexpr const char* kScene = "scenes/default.json";
constexpr double kDt = 1.0 / 240.0;                       // venaviz simulate's default --dt
constexpr double kSettle = hemo::kSimulateSettleSeconds;  // venaviz simulate settles the scenario's state

// Extra probes (venaviz simulate --probe): infrarenal IVC (between the gonadal/lumbar L3 and the
// renal inflows), a hepatic vein near its ostium, the right internal jugular low in the neck.
constexpr const char* kIvcProbe = "inferior_vena_cava@0.42";
constexpr const char* kHepaticProbe = "hepatic_vein_middle@0.9";
constexpr const char* kJugularProbe = "internal_jugular_vein_right@0.8";

const Scene& scene() {
  static const Scene s = io::loadScene(kSource / kScene);
  return s;
}

// --- expected.json ------------------------------------------------------------------------------

const json& expected() {
  static const json j = [] {
    std::ifstream in(kSource / "tests/validation/expected.json");
    if (!in) throw Error("cannot read tests/validation/expected.json");
    return json::parse(in);
  }();
  return j;
}

const json* findById(const json& list, const std::string& id) {
  for (const json& e : list)
    if (e.at("id").get<std::string>() == id) return &e;
  return nullptr;
}

// --- one run, exactly as venaviz simulate does it --------------------------------------------------

struct SimRun {
  std::string scenarioFile, protocolFile;
  std::vector<std::string> extraProbes;
  hemo::Scenario scenario;
  hemo::Protocol protocol;
  std::unique_ptr<hemo::Engine> engine;
  hemo::MeasurementPlan plan;
  std::unique_ptr<hemo::Recorder> recorder;
  hemo::SimulationReport report;
  double t0 = 0.0;  ///< engine time of recorder time 0
  double seconds = 0.0;

  /// "healthy.json + tiptoe_10.json (+ probe ...)": the machine-independent inputs.
  std::string inputs() const {
    std::string s = "`" + scenarioFile + "` + `" + protocolFile + "`";
    for (const std::string& p : extraProbes) s += " + probe `" + p + "`";
    return s;
  }
  const std::vector<double>& time() const { return recorder->time(); }
  const hemo::ProbeSeries& series(const std::string& label) const {
    const int k = recorder->findProbe(label);
    if (k < 0) throw Error("no probe " + label + " in the run " + inputs());
    return recorder->series(static_cast<std::size_t>(k));
  }
};

std::unique_ptr<SimRun> simulate(const std::string& scenarioFile, const std::string& protocolFile,
                                 const std::vector<std::string>& extraProbes) {
  const auto start = std::chrono::steady_clock::now();
  const Anatomy& anatomy = scene().anatomy;
  auto r = std::make_unique<SimRun>();
  r->scenarioFile = scenarioFile;
  r->protocolFile = protocolFile;
  r->extraProbes = extraProbes;
  const fs::path scenarioPath = kSource / "scenes/scenarios" / scenarioFile;
  const fs::path protocolPath = kSource / "scenes/protocols" / protocolFile;
  r->scenario = io::loadScenario(scenarioPath);
  io::validateScenario(r->scenario, anatomy, scenarioPath.string());
  r->protocol = io::loadProtocol(protocolPath);
  io::validateProtocol(r->protocol, anatomy, protocolPath.string());

  // Exactly what `venaviz simulate` runs (hemo::simulate): default parameters, scenario,
  // settle, planned probes, protocol, analysis.
  std::vector<hemo::Probe> probes;
  for (const std::string& p : extraProbes) probes.push_back(hemo::parseProbe(p));
  hemo::Simulation sim =
      hemo::simulate(anatomy, r->scenario, r->protocol, probes, kDt, scenarioPath.string(), protocolPath.string());
  r->engine = std::move(sim.engine);
  r->recorder = std::move(sim.recorder);
  r->plan = std::move(sim.plan);
  r->report = std::move(sim.report);
  r->t0 = sim.startTime;
  r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[run] %s: %.0f s simulated in %.1f s\n", r->inputs().c_str(), r->protocol.duration, r->seconds);
  return r;
}

/// Runs are shared between the cases of one process (the table mode runs every case in one).
const SimRun& run(const std::string& scenarioFile, const std::string& protocolFile,
                  const std::vector<std::string>& extraProbes = {}) {
  static std::map<std::string, std::unique_ptr<SimRun>> cache;
  std::string key = scenarioFile + "|" + protocolFile;
  for (const std::string& p : extraProbes) key += "|" + p;
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, simulate(scenarioFile, protocolFile, extraProbes)).first;
  return *it->second;
}

// --- the checks and the table -----------------------------------------------------------------------

struct Row {
  std::string id, inputs, model, status, reason;
  int caseNo = 0;
};
std::vector<Row>& rows() {
  static std::vector<Row> r;
  return r;
}

std::string number(double v, int digits) {
  if (std::isnan(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  if (s.starts_with("-")) s = "−" + s.substr(1);
  return s;
}

/// Checks `value` against the expected range of `id`; a miss fails unless it is a known miss.
/// `display` replaces the number in reports (e.g. "not recovered"); `detail` follows it.
void check(const std::string& id, double value, const std::string& inputs, const std::string& detail = "",
           const std::string& display = "") {
  const json* c = findById(expected().at("checks"), id);
  ASSERT_NE(c, nullptr) << "check " << id << " is not in tests/validation/expected.json";
  const json* miss = findById(expected().at("known_misses"), id);
  const std::string unit = c->value("unit", "");
  const int digits = c->value("digits", 2);
  const bool hasMin = c->contains("min"), hasMax = c->contains("max");
  const double lo = hasMin ? c->at("min").get<double>() : -INFINITY;
  const double hi = hasMax ? c->at("max").get<double>() : INFINITY;
  const bool inside = !std::isnan(value) && value >= lo && value <= hi;

  Row row;
  row.id = id;
  row.caseNo = c->at("case").get<int>();
  row.inputs = inputs;
  row.model = (display.empty() ? number(value, digits) : display) + (unit.empty() ? "" : " " + unit);
  if (!detail.empty()) row.model += " (" + detail + ")";
  std::string range = hasMin && hasMax ? "[" + number(lo, 2) + ", " + number(hi, 2) + "]"
                      : hasMin         ? ">= " + number(lo, 2)
                                       : "<= " + number(hi, 2);
  if (inside) {
    row.status = miss ? "pass (listed as a known miss: remove it)" : "pass";
    if (miss)
      std::printf("[NOTE] %s now passes (%s, published %s): remove it from known_misses in expected.json\n", id.c_str(),
                  row.model.c_str(), range.c_str());
    else
      std::printf("[pass] %s: %s in %s\n", id.c_str(), row.model.c_str(), range.c_str());
  } else if (miss) {
    row.status = "known miss";
    row.reason = miss->value("reason", "");
    const std::string then =
        miss->contains("measured") ? number(miss->at("measured").get<double>(), digits) + " " + unit : "?";
    std::printf("[KNOWN MISS] %s: %s, published %s (measured %s when listed): %s\n", id.c_str(), row.model.c_str(),
                range.c_str(), then.c_str(), row.reason.c_str());
  } else {
    row.status = "FAIL";
    ADD_FAILURE() << id << " (" << c->value("quantity", "") << "): model " << row.model << " outside the published "
                  << range << " " << unit << " [" << c->value("published", "") << ", " << c->value("source", "")
                  << "] from " << inputs
                  << ". Fix the physics, or list it in known_misses in tests/validation/expected.json with the reason.";
  }
  rows().push_back(row);
}

std::string escapeCell(std::string s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

void writeTable(const fs::path& path) {
  const json& ex = expected();
  std::vector<Row> all = rows();
  // Order as in expected.json.
  const json& checks = ex.at("checks");
  const auto order = [&](const std::string& id) {
    for (std::size_t i = 0; i < checks.size(); ++i)
      if (checks[i].at("id").get<std::string>() == id) return i;
    return checks.size();
  };
  std::stable_sort(all.begin(), all.end(), [&](const Row& a, const Row& b) { return order(a.id) < order(b.id); });
  int pass = 0, known = 0, fail = 0;
  for (const Row& r : all) {
    if (r.status.starts_with("pass")) ++pass;
    if (r.status == "known miss") ++known;
    if (r.status == "FAIL") ++fail;
  }
  std::ostringstream o;
  o << "# Validation against published physiology\n\n"
    << "Generated by `tools/make_validation_table.sh` (the `venaviz_validation_tests` binary with\n"
    << "`VENAVIZ_VALIDATION_TABLE`); do not edit by hand. The cases are physiology.md §13; the ranges,\n"
    << "sources and known misses are in `tests/validation/expected.json`.\n\n"
    << "Every row runs shipped files through the same steps as `venaviz simulate --scene " << kScene << "`:\n"
    << "load and validate the scenario and protocol, build the engine with its **default parameters**\n"
    << "(`src/hemo/params.h`, never tuned per case), apply the scenario, settle 30 s, run the protocol at\n"
    << "dt = 1/240 s and analyse it with `hemo::analyzeRun`. Scenarios are in `scenes/scenarios/`,\n"
    << "protocols in `scenes/protocols/`; `probe` is an extra `--probe`. Where a source gives a single\n"
    << "approximate value the suite accepts ±⅓ of it (marked ±⅓).\n\n"
    << "**" << all.size() << " checks: " << pass << " pass, " << known << " known misses"
    << (fail ? ", " + std::to_string(fail) + " FAIL" : std::string()) << ".** A known miss does not fail\n"
    << "`ctest -L validation`; a listed miss that starts passing prints a note to remove it from the list.\n\n"
    << "| Case | Check | Quantity | Inputs | Published (source) | Model | Result | Why it misses |\n"
    << "|---|---|---|---|---|---|---|---|\n";
  for (const Row& r : all) {
    const json* c = findById(checks, r.id);
    const std::string title = ex.at("cases").value(std::to_string(r.caseNo), "");
    const std::string unit = c ? c->value("unit", "") : "";
    const std::string published =
        c ? c->value("published", "") + (unit.empty() ? "" : " " + unit) + " (" + c->value("source", "") + ")" : "";
    const std::string result = r.status == "pass" ? "pass" : r.status == "known miss" ? "**miss**" : r.status;
    o << "| " << r.caseNo << ". " << escapeCell(title) << " | `" << r.id << "` | "
      << escapeCell(c ? c->value("quantity", "") : "") << " | " << escapeCell(r.inputs) << " | "
      << escapeCell(published) << " | " << escapeCell(r.model) << " | " << result << " | " << escapeCell(r.reason)
      << " |\n";
  }
  std::ofstream out(path);
  out << o.str();
  if (!out) throw Error("cannot write " + path.string());
  std::printf("[table] wrote %s (%zu checks: %d pass, %d known misses, %d fail)\n", path.string().c_str(), all.size(),
              pass, known, fail);
}

class TableEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    const char* path = std::getenv("VENAVIZ_VALIDATION_TABLE");
    if (path && *path) writeTable(path);
  }
};
[[maybe_unused]] ::testing::Environment* const kTable = ::testing::AddGlobalTestEnvironment(new TableEnvironment);

// --- measures on the recorded series ------------------------------------------------------------

double mean(const std::vector<double>& t, const std::vector<double>& v, double from, double to) {
  return hemo::meanOver(t, v, from, to);
}

/// Trapezoidal integral of v over [from, to].
double integral(const std::vector<double>& t, const std::vector<double>& v, double from, double to) {
  double s = 0.0;
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t[i - 1] >= from && t[i] <= to) s += 0.5 * (v[i] + v[i - 1]) * (t[i] - t[i - 1]);
  return s;
}

/// One cardiac cycle, beat-averaged: v over [from, to] folded on the heart period (engine time
/// t + t0, so the phase is the driver's), in `bins` bins.
std::vector<double> fold(const std::vector<double>& t, const std::vector<double>& v, double t0, double period,
                         double from, double to, int bins) {
  std::vector<double> sum(static_cast<std::size_t>(bins), 0.0), count(static_cast<std::size_t>(bins), 0.0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] < from || t[i] > to) continue;
    const double phase = std::fmod(t[i] + t0, period) / period;
    const auto b = static_cast<std::size_t>(std::clamp(static_cast<int>(phase * bins), 0, bins - 1));
    sum[b] += v[i];
    count[b] += 1.0;
  }
  for (std::size_t b = 0; b < sum.size(); ++b) sum[b] = count[b] > 0.0 ? sum[b] / count[b] : hemo::kNoValue;
  return sum;
}

int bins(const std::vector<double>& f) {
  return static_cast<int>(f.size());
}
double at(const std::vector<double>& f, int i) {
  const int n = bins(f);
  return f[static_cast<std::size_t>(((i % n) + n) % n)];
}
/// Signed circular distance from a to b in bins (-n/2, n/2].
int circular(int a, int b, int n) {
  int d = ((b - a) % n + n) % n;
  return d > n / 2 ? d - n : d;
}
std::vector<int> localMaxima(const std::vector<double>& f) {
  std::vector<int> out;
  for (int i = 0; i < bins(f); ++i)
    if (at(f, i) >= at(f, i - 1) && at(f, i) > at(f, i + 1)) out.push_back(i);
  return out;
}
int argmax(const std::vector<double>& f) {
  return static_cast<int>(std::max_element(f.begin(), f.end()) - f.begin());
}
/// The a peak (highest) and v peak (highest other local maximum at least a quarter beat away).
std::pair<int, int> avPeaks(const std::vector<double>& f) {
  const int a = argmax(f);
  int v = -1;
  for (int i : localMaxima(f))
    if (std::abs(circular(a, i, bins(f))) >= bins(f) / 4 && (v < 0 || at(f, i) > at(f, v))) v = i;
  return {a, v};
}
/// Extreme of f over the circular bins from a to b (inclusive), `sign` +1 max, -1 min.
double extremeBetween(const std::vector<double>& f, int a, int b, int sign) {
  const int n = bins(f), len = ((b - a) % n + n) % n;
  double best = sign > 0 ? -INFINITY : INFINITY;
  for (int k = 0; k <= len; ++k) best = sign > 0 ? std::max(best, at(f, a + k)) : std::min(best, at(f, a + k));
  return best;
}

/// Pearson correlation of two equally long series.
double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : hemo::kNoValue;
}

/// Right-atrial pressure (mmHg) at each recorded sample: the engine's boundary condition, a pure
/// function of the drivers and the time (Engine::rightAtrialPressure() is set from it each step).
std::vector<double> rightAtrialMmHg(const SimRun& r) {
  std::vector<double> out;
  out.reserve(r.time().size());
  for (double t : r.time()) out.push_back(r.engine->drivers().at(t + r.t0).rightAtrium / hemo::kMmHg);
  return out;
}

double heartPeriod(const SimRun& r) {
  return 60.0 / r.engine->drivers().settings().heartRate;
}

const hemo::RefluxProbeReport* refluxAt(const SimRun& r, const std::string& label) {
  for (const hemo::RefluxReport& rr : r.report.reflux)
    for (const hemo::RefluxProbeReport& p : rr.probes)
      if (p.probe == label) return &p;
  return nullptr;
}

std::string shortName(const std::string& probe) {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"common_femoral_vein_left@0.5", "CFV"},   {"great_saphenous_vein_left@0.97", "SFJ"},
      {"great_saphenous_vein_left@0.75", "GSV"}, {"femoral_vein_left@0.5", "FV"},
      {"popliteal_vein_left@0.5", "pop"},        {"small_saphenous_vein_left@0.85", "SSV"}};
  for (const auto& [p, n] : names)
    if (p == probe) return n;
  return probe;
}

/// Longest (sign +1) or shortest (-1) reflux among `labels` (all reflux probes when empty),
/// with each probe's value as detail.
std::pair<double, std::string> reflux(const SimRun& r, std::vector<std::string> labels, int sign) {
  if (labels.empty())
    for (const hemo::RefluxReport& rr : r.report.reflux)
      for (const hemo::RefluxProbeReport& p : rr.probes) labels.push_back(p.probe);
  double v = hemo::kNoValue;
  std::string detail;
  for (const std::string& label : labels) {
    const hemo::RefluxProbeReport* p = refluxAt(r, label);
    const double d = p ? p->result.durationS : hemo::kNoValue;
    if (!std::isnan(d)) v = std::isnan(v) ? d : sign > 0 ? std::max(v, d) : std::min(v, d);
    detail += (detail.empty() ? "" : ", ") + shortName(label) + " " + number(d, 2) + " s";
    if (p && p->result.peakReverseVelocityCmS > 0.0)
      detail += " (peak " + number(-p->result.peakReverseVelocityCmS, 0) + " cm/s)";
  }
  return {v, detail};
}

std::string left(const std::string& vessel, double f) {
  return hemo::Probe{vessel + "_left", f}.label();
}

// --- the cases ------------------------------------------------------------------------------------

TEST(Validation, ExpectedTableIsConsistent) {
  const json& ex = expected();
  for (const json& m : ex.at("known_misses")) {
    const std::string id = m.at("id").get<std::string>();
    EXPECT_NE(findById(ex.at("checks"), id), nullptr) << "known miss " << id << " names no check";
    EXPECT_TRUE(m.contains("reason") && m.contains("measured")) << "known miss " << id << " needs measured and reason";
  }
  for (const json& c : ex.at("checks")) {
    const int k = c.at("case").get<int>();
    EXPECT_TRUE(k >= 1 && k <= 11) << c.at("id");
    EXPECT_TRUE(c.contains("min") || c.contains("max")) << c.at("id");
    EXPECT_TRUE(ex.at("cases").contains(std::to_string(k))) << c.at("id");
  }
}

// 1. Supine rest: ankle pressure, femoral and infrarenal caval flow, right-atrial pressure and waves.
TEST(Validation, Case1SupineRest) {
  const SimRun& r = run("healthy_supine.json", "quiet_breathing_supine.json", {kIvcProbe});
  const auto& t = r.time();
  const double to = t.back(), from = to - 20.0;
  check("1.ankle", mean(t, r.series(r.plan.anklePressure).pressureMmHg, from, to), r.inputs());
  check("1.cfv", 60.0 * mean(t, r.series(r.plan.femoralFlow).flowMlS, from, to), r.inputs());
  check("1.ivc", 0.06 * mean(t, r.series(kIvcProbe).flowMlS, from, to), r.inputs());
  const std::vector<double> ra = rightAtrialMmHg(r);
  check("1.rap_mean", mean(t, ra, from, to), r.inputs());
  const std::vector<double> beat = fold(t, ra, r.t0, heartPeriod(r), from, to, 90);
  const auto [a, v] = avPeaks(beat);
  check("1.rap_a", at(beat, a), r.inputs());
  check("1.rap_v", v >= 0 ? at(beat, v) : hemo::kNoValue, r.inputs());
}

// 2. Quiet standing: ankle pressure at steady state and the lower-leg volume gained on standing up.
TEST(Validation, Case2QuietStanding) {
  const SimRun& r = run("healthy_supine.json", "supine_to_standing.json");
  const auto& t = r.time();
  check("2.ankle", mean(t, r.series(r.plan.anklePressure).pressureMmHg, t.back() - 5.0, t.back()), r.inputs());
  const hemo::FillingResult& f = r.report.filling[0];
  check("2.leg_volume", f.valid ? f.venousVolumeMl : hemo::kNoValue, r.inputs(),
        f.valid ? "from " + number(f.startVolumeMl, 0) + " mL supine; VFI " + number(f.vfiMlS, 2) + " mL/s" : "");
}

std::string rt90Display(const hemo::AvpResult& avp) {
  return avp.recovered ? "" : "not recovered";
}

// 3. 10 tiptoes with competent valves: AVP, fall, RT90.
TEST(Validation, Case3TiptoeNormal) {
  const SimRun& r = run("healthy.json", "tiptoe_10.json");
  const hemo::AvpResult& avp = r.report.avp;
  ASSERT_TRUE(avp.valid) << r.inputs();
  const std::string base = "baseline " + number(avp.baselineMmHg, 1) + " mmHg";
  check("3.avp", avp.minMmHg, r.inputs(), base);
  check("3.fall", avp.fallMmHg, r.inputs(), base);
  check("3.fall_pct", avp.fallPercent, r.inputs());
  const auto& t = r.time();
  const std::vector<double>& leg = r.recorder->lowerLegVolumeMl(1);
  const double emptied = mean(t, leg, avp.exerciseStart - 5.0, avp.exerciseStart) -
                         hemo::statsOver(t, leg, avp.exerciseStart, avp.exerciseEnd).min;
  check("3.rt90", avp.rt90S, r.inputs(), "the bout emptied the lower leg by " + number(emptied, 0) + " mL",
        rt90Display(avp));
}

// 4. Great saphenous reflux: smaller fall, short RT90.
TEST(Validation, Case4GsvReflux) {
  const SimRun& r = run("gsv_reflux.json", "tiptoe_10.json");
  const hemo::AvpResult& avp = r.report.avp;
  ASSERT_TRUE(avp.valid) << r.inputs();
  check("4.fall", avp.fallMmHg, r.inputs(),
        "baseline " + number(avp.baselineMmHg, 1) + ", AVP " + number(avp.minMmHg, 1) + " mmHg");
  check("4.rt90", avp.rt90S, r.inputs(), "", rt90Display(avp));
}

// 5. Deep reflux and the post-thrombotic limb: almost no fall, recovery within a second.
TEST(Validation, Case5DeepRefluxPostThrombotic) {
  for (const std::string name : {"deep_reflux", "post_thrombotic"}) {
    const SimRun& r = run(name + ".json", "tiptoe_10.json");
    const hemo::AvpResult& avp = r.report.avp;
    ASSERT_TRUE(avp.valid) << r.inputs();
    check("5.fall." + name, avp.fallMmHg, r.inputs(),
          "baseline " + number(avp.baselineMmHg, 1) + ", AVP " + number(avp.minMmHg, 1) + " mmHg");
    check("5.rt90." + name, avp.rt90S, r.inputs(), "", rt90Display(avp));
  }
}

// 6. Reflux time after each provocation, standing: competent valves stop reflux within 0.5 s;
// incompetent superficial veins reflux > 0.5 s, incompetent deep veins > 1 s. Valsalva tests the
// groin (CFV, saphenofemoral junction); distal compression (squeeze, cuff) the veins below it.
TEST(Validation, Case6RefluxTiming) {
  const std::vector<std::pair<std::string, std::string>> provocations = {{"valsalva", "valsalva_standing.json"},
                                                                         {"squeeze", "calf_squeeze_standing.json"},
                                                                         {"cuff", "cuff_release_standing.json"}};
  for (const auto& [name, protocol] : provocations) {
    const bool groin = name == "valsalva";
    {
      const SimRun& r = run("healthy.json", protocol);
      const auto [v, detail] = reflux(r, {}, +1);
      check("6.competent." + name, v, r.inputs(), detail);
    }
    {
      const SimRun& r = run("gsv_reflux.json", protocol);
      const auto [v, detail] =
          reflux(r, {groin ? left("great_saphenous_vein", 0.97) : left("great_saphenous_vein", 0.75)}, -1);
      check("6.gsv." + name, v, r.inputs(), detail);
    }
    {
      const SimRun& r = run("deep_reflux.json", protocol);
      const auto [v, detail] = groin ? reflux(r, {left("common_femoral_vein", 0.5)}, -1)
                                     : reflux(r, {left("femoral_vein", 0.5), left("popliteal_vein", 0.5)}, -1);
      check("6.deep." + name, v, r.inputs(), detail);
    }
  }
}

// 7. Respiratory phasicity of the supine common femoral flow.
TEST(Validation, Case7FemoralPhasicity) {
  const SimRun& r = run("healthy_supine.json", "quiet_breathing_supine.json", {kIvcProbe});
  const hemo::PhasicityResult& p = r.report.phasicity;
  check("7.phasicity", p.valid ? 100.0 * p.ratio : hemo::kNoValue, r.inputs(),
        p.valid ? number(p.endInspirationMlS, 2) + " / " + number(p.endExpirationMlS, 2) + " mL/s, " +
                      std::to_string(p.breaths) + " breaths"
                : "");
}

// 8. Right-atrial waves reach the hepatic and internal jugular veins.
TEST(Validation, Case8CentralVeinWaves) {
  const SimRun& r = run("hepatic_waveforms.json", "quiet_breathing_supine.json", {kHepaticProbe, kJugularProbe});
  const auto& t = r.time();
  const double to = t.back(), from = 10.0, period = heartPeriod(r);
  constexpr int kBins = 90;
  const std::vector<double> ra = fold(t, rightAtrialMmHg(r), r.t0, period, from, to, kBins);
  const auto [a, v] = avPeaks(ra);
  ASSERT_GE(v, 0) << "no v wave in the right-atrial pressure";
  const std::vector<double> hv = fold(t, r.series(kHepaticProbe).velocityCmS, r.t0, period, from, to, kBins);
  const double s = extremeBetween(hv, a, v, +1), d = extremeBetween(hv, v, a, +1);
  const double aVel = extremeBetween(hv, a - kBins / 10, a + kBins / 10, -1);
  const std::string waves = "S " + number(s, 1) + ", D " + number(d, 1) + ", a " + number(aVel, 1) + " cm/s";
  check("8.hv_s", s, r.inputs());
  check("8.hv_d", d, r.inputs());
  check("8.hv_s_over_d", d > 0.0 ? s / d : hemo::kNoValue, r.inputs(), waves);
  check("8.hv_a", aVel, r.inputs());

  // The internal jugular pressure over a beat against the RA pressure delayed by the lag (0 to a
  // quarter beat: the waves travel up from the atrium) that matches it best.
  const std::vector<double> ij = fold(t, r.series(kJugularProbe).pressureMmHg, r.t0, period, from, to, kBins);
  double bestR = -1.0;
  int bestLag = 0;
  for (int lag = 0; lag <= kBins / 4; ++lag) {
    std::vector<double> shifted(ra.size());
    for (int i = 0; i < kBins; ++i) shifted[static_cast<std::size_t>(i)] = at(ra, i - lag);
    const double c = correlation(shifted, ij);
    if (c > bestR) {
      bestR = c;
      bestLag = lag;
    }
  }
  const double swing = *std::max_element(ij.begin(), ij.end()) - *std::min_element(ij.begin(), ij.end());
  check("8.ijv_pattern", bestR, r.inputs(),
        "at a lag of " + number(1000.0 * period * bestLag / kBins, 0) + " ms; beat-averaged swing " + number(swing, 2) +
            " mmHg");
}

/// Effective venous return of a tiptoe bout: the flow up the common femoral vein during the bout
/// above its resting value (mean of the 5 s before), integrated over the bout, mL.
double effectiveReturnMl(const SimRun& r) {
  if (!r.plan.bout) return hemo::kNoValue;
  const auto& t = r.time();
  const auto& q = r.series(r.plan.femoralFlow).flowMlS;
  const double start = r.plan.bout->start, end = r.plan.bout->end;
  const double rest = mean(t, q, start - 5.0, start);
  return integral(t, q, start, end) - rest * (end - start);
}

// 9. Calf-pump ejection, measured as air plethysmography does (EF = EV / VV: the volume one raise
// ejects from the lower leg over the venous volume it gained on standing up from leg elevation),
// and the venous return the valves are worth.
TEST(Validation, Case9CalfPump) {
  const SimRun& apg = run("healthy_supine.json", "apg_tiptoe.json");
  ASSERT_TRUE(apg.plan.bout) << apg.inputs();
  const auto& t = apg.time();
  const std::vector<double>& leg = apg.recorder->lowerLegVolumeMl(1);
  const double raise = apg.plan.bout->start;
  const double ev = mean(t, leg, raise - 2.0, raise) - hemo::statsOver(t, leg, raise, raise + 1.0).min;
  const hemo::FillingResult& f = apg.report.filling[0];
  const hemo::EjectionResult& pump = apg.report.calfEjection[0];
  check("9.ef", f.valid && f.venousVolumeMl > 0.0 ? 100.0 * ev / f.venousVolumeMl : hemo::kNoValue, apg.inputs(),
        "EV " + number(ev, 1) + " mL / VV " + number(f.venousVolumeMl, 1) + " mL; the calf-pump compartments eject " +
            number(pump.ejectedMl, 1) + " of their " + number(pump.volumeBeforeMl, 1) + " mL");

  const SimRun& healthy = run("healthy.json", "tiptoe_10.json");
  const SimRun& valveless = run("absent_valves.json", "tiptoe_10.json");
  const double with = effectiveReturnMl(healthy), without = effectiveReturnMl(valveless);
  check("9.return_cut", with > 0.0 ? 100.0 * (1.0 - without / with) : hemo::kNoValue,
        healthy.inputs() + " vs " + valveless.inputs(),
        "CFV return above rest during the bout: " + number(with, 1) + " mL with valves, " + number(without, 1) +
            " mL without");
}

// 10. The liver: the readout (hemo/liver.h) averaged over 5 s after each run, as `venaviz
// simulate` prints it.
TEST(Validation, Case10Liver) {
  auto liver = [](const std::string& scenario) {
    const SimRun& r = run(scenario, "quiet_breathing_supine.json");
    return std::pair{hemo::averageLiver(*r.engine, scene().anatomy, 5.0, kDt), r.inputs()};
  };
  const auto [healthy, hIn] = liver("healthy_supine.json");
  check("10.portal", healthy.portalMmHg, hIn);
  check("10.hvpg", healthy.hvpgMmHg, hIn,
        "wedged " + number(healthy.wedgedMmHg, 1) + ", free " + number(healthy.freeHepaticMmHg, 1) + " mmHg");
  check("10.portal_flow", healthy.portalFlowMlMin, hIn,
        "hepatic artery " + number(healthy.hepaticArteryMlMin, 0) + " mL/min");
  check("10.azygos", healthy.azygosMlMin, hIn);
  const auto up = [] {
    const SimRun& r = run("healthy_supine.json", "supine_to_standing.json");
    return std::pair{hemo::averageLiver(*r.engine, scene().anatomy, 5.0, kDt), r.inputs()};
  }();
  check("10.portal_flow_standing", up.first.portalFlowMlMin, up.second,
        "portal pressure " + number(up.first.portalMmHg, 1) + " mmHg");
  const auto [bc, bIn] = liver("budd_chiari_chronic.json");
  check("10.bc_hv_pressure", bc.upstreamHepaticMmHg, bIn,
        "portal " + number(bc.portalMmHg, 1) + " mmHg; collaterals carry " + number(100.0 * bc.collateralShare, 0) +
            "% of the splanchnic inflow, the caudate veins " + number(bc.caudateMlMin, 0) + " mL/min");
  check("10.bc_hvpg", bc.hvpgMmHg, bIn, "ascites " + number(bc.ascitesMlDay, 0) + " mL/day");
  check("10.bc_azygos", bc.azygosMlMin, bIn);
  const auto [tips, tIn] = liver("budd_chiari_tips.json");
  check("10.tips10", tips.portosystemicMmHg, tIn,
        "shunt " + number(tips.tipsMlMin, 0) + " mL/min; portal flow " + number(tips.portalFlowMlMin, 0) + " mL/min");
  check("10.tips_target", tips.portosystemicMmHg, tIn);
  const auto [tips8, t8In] = liver("budd_chiari_tips_8mm.json");
  check("10.tips8", tips8.portosystemicMmHg, t8In, "shunt " + number(tips8.tipsMlMin, 0) + " mL/min");
}

// 11. The brain's venous outflow by posture (physiology.md §12): the route (jugular or vertebral),
// the jugular vein's collapse sitting, and the flow in the four veins Doppler measures. Quiet
// rest in the scenario's posture; values over the report's last 5 s.
TEST(Validation, Case11BrainOutflow) {
  const std::vector<std::string> probes = {"internal_jugular_vein_right@0.5", "internal_jugular_vein_left@0.5",
                                           "vertebral_vein_right@0.5", "vertebral_vein_left@0.5",
                                           "internal_jugular_vein_right@0.9"};
  const auto last5 = [](const SimRun& r, const std::string& probe, auto member) {
    const auto& t = r.time();
    return mean(t, r.series(probe).*member, t.back() - 5.0, t.back());
  };
  const auto areaMm2 = [&](const SimRun& r, const std::string& probe) {
    const double d = last5(r, probe, &hemo::ProbeSeries::diameterMm);
    return 0.25 * 3.14159265358979 * d * d;
  };
  const auto share = [](const SimRun& r) {
    return r.report.phases.empty() ? hemo::kNoValue : 100.0 * r.report.phases.back().jugularShare;
  };
  const SimRun& lying = run("healthy_supine.json", "quiet_rest.json", probes);
  const SimRun& sitting = run("jugular_posture.json", "quiet_rest.json", probes);
  check("11.share_supine", share(lying), lying.inputs());
  check("11.share_sitting", share(sitting), sitting.inputs());
  check("11.ijv_area_sitting", areaMm2(sitting, probes[0]), sitting.inputs());
  check("11.ijv_area_supine", areaMm2(lying, probes[0]), lying.inputs());
  check("11.ijv_pressure_sitting", last5(sitting, probes[4], &hemo::ProbeSeries::pressureMmHg), sitting.inputs());
  double four = 0.0;
  for (std::size_t k = 0; k < 4; ++k) four += last5(sitting, probes[k], &hemo::ProbeSeries::flowMlS) * 60.0;
  check("11.outflow_sitting", four, sitting.inputs(),
        "supine " + number(share(lying), 0) + "% jugular; sitting the vertebral veins carry " +
            number(60.0 * (last5(sitting, probes[2], &hemo::ProbeSeries::flowMlS) +
                           last5(sitting, probes[3], &hemo::ProbeSeries::flowMlS)),
                   0) +
            " mL/min");
}

}  // namespace
