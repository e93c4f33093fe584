#pragma once
// Plays a lesson: which step is on, what it waits for, the question asked and answered, the
// measured number, the score. Pure logic; the app runs the actions it hands out and feeds it
// the simulation's measures after every tick.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/lesson.h"

namespace venaviz {

class LessonPlayer {
 public:
  enum class Phase {
    Asking,    ///< a question is shown; the step's actions wait for an answer
    Running,   ///< the step's actions ran; waiting for its key, time or condition
    Revealed,  ///< the condition was met: the answer and the measured number are shown
    Finished,  ///< past the last step: the score
  };
  using Measure = std::function<std::optional<double>(const io::LessonMeasure&)>;

  explicit LessonPlayer(io::Lesson lesson);

  const io::Lesson& lesson() const { return lesson_; }
  std::size_t stepIndex() const { return step_; }
  const io::LessonStep& step() const { return lesson_.steps[step_]; }
  Phase phase() const { return phase_; }

  /// Actions to run now (the step's camera and "do" list once it runs), oldest first.
  std::vector<std::string> takeActions();
  /// Whether the app must rebuild the lesson's starting state before the next actions (a jump
  /// back or to another step replays the steps before it).
  bool takeReset();

  /// The presenter's "next": skips an unanswered question, ends a wait, leaves a reveal.
  void next();
  /// Back one step (replayed from the lesson's start).
  void previous();
  /// Jumps to a step (0-based), replaying the steps before it.
  void goTo(std::size_t step);
  void restart() { goTo(0); }
  /// Chooses an answer (0-based) to the question being asked.
  void answer(int choice);

  /// After `seconds` of simulated time: tracks the question's measure and checks the step's
  /// condition; a met condition reveals (with a question) or goes on to the next step.
  void update(double seconds, const Measure& measure);

  /// Held (for `render --lesson`): a met condition is recorded but the player stays on the
  /// step, so its state can be drawn.
  void setHold(bool on) { hold_ = on; }

  /// What the step waits for, in words ("Waiting: ankle left < 40 (now 62)").
  std::string waitingText() const;
  double runSeconds() const { return run_; }
  bool timedOut() const { return timedOut_; }
  /// The answer given to this step's question (-1: none yet or skipped).
  int chosen() const { return answers_[step_]; }
  /// The measured number for this step's question (once revealed).
  std::optional<double> measured() const { return measured_; }
  /// The reveal text with {value} filled in.
  std::string revealText() const;
  int questionsAsked() const;
  int correctAnswers() const;
  /// Each step's condition: met (1), gave up after its timeout (0), not reached yet (-1).
  const std::vector<int>& outcomes() const { return outcomes_; }
  /// Formats a measured number as the caption shows it (whole numbers from 10, else one decimal).
  static std::string formatValue(double v);

 private:
  void enter(std::size_t step);
  void run();
  void complete(bool timedOut);
  io::Lesson lesson_;
  std::size_t step_ = 0;
  Phase phase_ = Phase::Running;
  std::vector<std::string> pending_;
  bool reset_ = false;
  double run_ = 0.0;
  bool timedOut_ = false;
  bool hold_ = false;
  std::optional<double> aggregate_, measured_, lastCondition_;
  std::vector<int> answers_;
  std::vector<int> outcomes_;
};

/// The action that flies the camera to a lesson's view ("" when it has no goal).
std::string cameraAction(const io::LessonCamera& camera);

}  // namespace venaviz
