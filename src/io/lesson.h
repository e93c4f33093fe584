#pragma once
// Lessons (scenes/lessons/*.json): a title, a level, the sources, and steps. A step flies the
// camera, runs actions of the app's own vocabulary, shows a caption (student and patient
// words), may ask a question before it runs, and advances on a key, after a time or when a
// measure of the simulation reaches a value. Plain data; docs/lesson-format.md.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/math.h"

namespace venaviz::io {

/// A camera goal: a standard view, a saved (bookmark) view, a vessel to look at, or a target
/// and distance; yaw and pitch (degrees) turn a standard view. Flown to over `duration` s.
struct LessonCamera {
  std::string view;      ///< anterior, posterior, left, right, superior, inferior ("": keep)
  std::string bookmark;  ///< a view the user saved ("": none)
  std::string vessel;    ///< look at this vessel ("": none)
  std::optional<Vec3> target;
  std::optional<float> distance, yaw, pitch;
  float duration = 1.5f;
};

/// A number the simulation gives: "contractions", "ankle left", "pressure VESSEL@F",
/// "flow VESSEL@F", "probe N pressure|velocity|flow|reflux|last_reflux", "avp_fall", "rt90",
/// "calf_ef", "iliac_gradient", "right_atrium", "portal", "hvpg", "portal_flow", "time". Resolved against the scene by the app.
struct LessonMeasure {
  std::string name;       ///< first word ("probe", "ankle", "pressure", ...)
  std::string argument;   ///< "left", "VESSEL@F", "1"
  std::string quantity;   ///< probe quantity
  int body = 1;           ///< side by side: 1 left, 2 right ("right: ankle left")
  std::string text;       ///< as written
};

/// Parses a measure ("[right:] ankle left"); throws venaviz::Error naming what was expected.
LessonMeasure parseLessonMeasure(const std::string& text);

/// When a step advances.
struct LessonAdvance {
  enum class Kind { Key, After, When } kind = Kind::Key;
  double seconds = 0.0;  ///< After: simulated seconds since the step's run began
  LessonMeasure measure;  ///< When: MEASURE OP VALUE
  std::string op;         ///< "<", "<=", ">", ">="
  double value = 0.0;
  /// When: the simulated seconds after which the step gives up waiting and goes on (a lecture
  /// never sticks); the player says so on screen.
  double timeout = 120.0;
};

/// Predict, then observe: asked before the step's actions run; the measured number is shown
/// with the answer once the step's condition is met.
struct LessonQuestion {
  std::string ask;
  std::vector<std::string> answers;  ///< 2-4
  int correct = 0;                   ///< 0-based
  std::string aggregate = "last";    ///< min, max or last value of `measure` during the run
  LessonMeasure measure;
  std::string unit;    ///< shown after the number
  std::string reveal;  ///< the explanation; "{value}" is replaced by the measured number
};

struct LessonStep {
  std::string title;
  std::string caption;  ///< student words, 1-3 sentences
  std::string patient;  ///< plain words ("": the caption)
  std::optional<LessonCamera> camera;
  std::vector<std::string> actions;  ///< the app's action vocabulary, in order
  LessonAdvance advance;
  std::optional<LessonQuestion> question;
};

struct Lesson {
  std::filesystem::path file;
  std::string title;
  std::string level;  ///< introductory, intermediate or advanced
  std::string summary;
  std::vector<std::string> sources;
  std::optional<std::filesystem::path> scene;  ///< relative to the lesson file; none: the app's scene
  std::map<std::string, LessonCamera> views;   ///< named views the steps fly to
  std::vector<LessonStep> steps;
};

/// Reads and validates a lesson; a problem throws one line naming the file, the step number
/// and the key ("lessons/a.json: step 3.advance.when: ...").
Lesson loadLesson(const std::filesystem::path& path);
Lesson parseLesson(const std::string& text, const std::filesystem::path& name);

/// Longest caption (characters): 1-3 sentences that fit the caption bar at UI scale 2.
inline constexpr std::size_t kMaxCaptionChars = 360;

}  // namespace venaviz::io
