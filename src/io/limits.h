#pragma once
// Size limits of the files venaviz reads, so that no file, however written, makes a reader
// allocate without bound or run for minutes. Each is far above what the shipped files use (in
// brackets) and is documented with its format (docs/scene-format.md, docs/lesson-format.md,
// docs/simulation-format.md; docs/reliability.md lists them all). A file over a limit is
// rejected with one line naming the file, the place, the limit and what was found.
#include <cstddef>
#include <cstdint>

namespace venaviz::io::limits {

inline constexpr std::size_t kMiB = 1024 * 1024;

// --- scenes (docs/scene-format.md) [default.json: 193 kB, 140 vessels, 194 valves, 100 landmarks,
//     15 models, at most 83 points per vessel]
inline constexpr std::size_t kSceneBytes = 16 * kMiB;  ///< each scene file, included ones too
inline constexpr std::size_t kSceneFiles = 64;         ///< files read for one scene, includes counted
inline constexpr std::size_t kVessels = 2000;          ///< vessels in a scene (after includes)
inline constexpr std::size_t kPointsPerVessel = 2000;  ///< centerline points (and radii) of one vessel
inline constexpr std::size_t kValves = 10000;          ///< valves in a scene
inline constexpr std::size_t kLandmarks = 2000;        ///< landmarks in a scene
inline constexpr std::size_t kModels = 200;            ///< context models in a scene
inline constexpr std::size_t kRemovals = 10000;        ///< entries of one file's "remove"
// [default.json: coordinates within 174 cm, radii up to 1.5 cm, longest vessel 91 cm, 21.7 m in all]
inline constexpr double kCoordinateCm = 1000.0;      ///< |x|, |y|, |z| of any point, cm
inline constexpr double kRadiusCm = 20.0;            ///< a vessel's radius, cm
inline constexpr double kVesselLengthCm = 1000.0;    ///< one vessel's centerline, cm
inline constexpr double kSceneLengthCm = 20000.0;    ///< all vessels' centerlines together, cm (200 m)
inline constexpr double kModelScale = 1000.0;        ///< a context model's scale

// --- scenarios and protocols (docs/simulation-format.md) [under 2 kB, at most 4 conditions, 3 events]
inline constexpr std::size_t kSimulationBytes = 2 * kMiB;  ///< a scenario or protocol file
inline constexpr std::size_t kConditions = 200;            ///< conditions of a scenario
inline constexpr std::size_t kEvents = 10000;              ///< events of a protocol

// --- lessons (docs/lesson-format.md) [under 13 kB, at most 11 steps]
inline constexpr std::size_t kLessonBytes = 2 * kMiB;  ///< a lesson file
inline constexpr std::size_t kLessonSteps = 200;       ///< steps of a lesson
inline constexpr std::size_t kLessonViews = 200;       ///< named views of a lesson
inline constexpr std::size_t kStepActions = 200;       ///< actions ("do") of one step
inline constexpr std::size_t kLessonSources = 200;     ///< sources of a lesson

// --- the user's settings and saved views [under 10 kB]
inline constexpr std::size_t kSettingsBytes = 8 * kMiB;  ///< settings.json
inline constexpr std::size_t kBookmarks = 10000;         ///< saved views

// --- translations (assets/i18n/*.json) [under 7 kB, 83 strings]
inline constexpr std::size_t kLanguageBytes = 4 * kMiB;  ///< a language file
inline constexpr std::size_t kStrings = 20000;           ///< strings in a language file

// --- context models, through Assimp or baked (.vvm) [largest: spine.obj 1.9 MB]
inline constexpr std::size_t kModelBytes = 64 * kMiB;          ///< a model file Assimp reads
inline constexpr std::uint32_t kModelVertices = 4'000'000;     ///< vertices of one model
inline constexpr std::uint32_t kModelTriangles = 4'000'000;    ///< triangles of one model
/// A baked file of the largest model allowed: header, 6 floats per vertex, 3 indices per triangle.
inline constexpr std::size_t kBakedBytes = 16 + std::size_t{kModelVertices} * 24 + std::size_t{kModelTriangles} * 12;

// --- pictures (PNG: `venaviz image_diff`) [renders up to 8192 x 8192, the --size limit]
inline constexpr std::size_t kImageBytes = 512 * kMiB;  ///< a PNG file
inline constexpr int kImageSide = 8192;                 ///< width and height, pixels

}  // namespace venaviz::io::limits
