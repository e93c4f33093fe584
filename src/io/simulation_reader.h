#pragma once
// Scenario and protocol files (docs/simulation-format.md), and the outputs of `venaviz
// simulate`: the probe trace as CSV and the report as JSON. Every problem throws
// venaviz::Error with one line naming the file and the key path (or line and column for JSON
// syntax errors) and the allowed values.
#include <filesystem>
#include <string>

#include "anatomy/anatomy.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"

namespace venaviz::io {

/// Reads a scenario file (`venaviz-scenario`). Checks keys, names and ranges; the targets of
/// conditions need an anatomy: see validateScenario().
hemo::Scenario loadScenario(const std::filesystem::path& path);
/// Same from text in memory; `name` is used in messages and as the default name.
hemo::Scenario parseScenario(const std::string& text, const std::string& name);

/// Reads a protocol file (`venaviz-protocol`).
hemo::Protocol loadProtocol(const std::filesystem::path& path);
hemo::Protocol parseProtocol(const std::string& text, const std::string& name);

/// Checks the targets of a scenario's conditions against a scene (vein, valve and group ids)
/// without running an engine; throws "file: conditions[2] (thrombus).target: ...".
/// One condition against an anatomy (its kind, target veins or valves); errors name `file`
/// and the key `path`.
void validateCondition(const hemo::Condition& c, const Anatomy& anatomy, const std::string& file,
                       const std::string& path);
void validateScenario(const hemo::Scenario& scenario, const Anatomy& anatomy, const std::string& file);
/// Same for the conditions a protocol applies ("file: events[3].condition.target: ...").
void validateProtocol(const hemo::Protocol& protocol, const Anatomy& anatomy, const std::string& file);

/// The fields a condition kind reads, for messages and docs: e.g. "target, severity, from, to".
std::string conditionFields(const std::string& kind);

/// The recorded probes as CSV: `time_s`, then per probe its pressure (mmHg), flow (mL/s),
/// velocity (cm/s) and diameter (mm), one row per sample.
std::string traceCsv(const hemo::Recorder& recorder);

/// The report of a run as a JSON object (docs/simulation-format.md, "JSON summary").
std::string reportJson(const hemo::SimulationReport& report);

}  // namespace venaviz::io
