#pragma once
// Plays a lesson from start to end without a window or a presenter: each question answered,
// each step's simulation run until its key, time or condition, the outcome of every step.
// Used by `venaviz lesson check` and by the tests that play every shipped lesson.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace venaviz {

class App;

struct LessonStepResult {
  std::size_t step = 0;  ///< 0-based
  std::string title;
  /// "key" (went on by itself after a short run), "after", "met", "timed out" or "stuck"
  /// (the player never left the step: a bug).
  std::string how;
  double seconds = 0.0;  ///< simulated time the step ran
  std::string waitedFor;  ///< the condition as written ("ankle left < 40"), "" if none
  std::optional<double> measured;  ///< the question's measured number, once revealed
  std::string unit;
  std::string error;  ///< an action of the step that failed, "" if none
  bool ok() const { return error.empty() && how != "timed out" && how != "stuck"; }
};

struct LessonRun {
  std::vector<LessonStepResult> steps;
  int questions = 0, correct = 0;
  bool ok() const;
};

/// Plays the lesson open in `app` (App::openLesson) to its end. `answer`: the answer given to
/// every question (1-based; 0: the right one). `keySeconds`: simulated time a key step runs
/// before the next is pressed.
/// `stopAt`: stop when the player reaches this step (0-based), before it runs (render --step).
LessonRun playLesson(App& app, int answer = 0, double keySeconds = 1.0, std::size_t stopAt = SIZE_MAX);

}  // namespace venaviz
