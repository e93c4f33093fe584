// The lesson player on its own (no app, no engine): the actions it hands out, next / back /
// jump with the replay of earlier steps, a question asked, answered and revealed with the
// measured number, waits on time and on a measure (met, and given up after the timeout), the
// held mode of render --lesson, and the score.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/lesson_player.h"
#include "io/lesson.h"

using namespace venaviz;

namespace {

io::Lesson makeLesson() {
  return io::parseLesson(R"({
    "title": "Test lesson", "level": "introductory", "sources": ["S"],
    "views": {"legs": {"view": "anterior", "target": [0, 0, 50], "distance": 300}},
    "steps": [
      {"title": "One", "caption": "c1", "camera": "legs", "do": ["posture standing"], "advance": "key"},
      {"title": "Two", "caption": "c2", "do": ["activity tiptoe"],
       "question": {"ask": "Q?", "answers": ["falls", "same", "rises"], "correct": 1,
                    "measure": "min ankle left", "unit": "mmHg", "reveal": "It fell to {value}."},
       "advance": {"when": "contractions >= 10", "timeout": 60}},
      {"title": "Three", "caption": "c3", "do": ["activity still"], "advance": {"after": 5}},
      {"title": "Four", "caption": "c4", "do": ["valsalva"], "advance": {"when": "ankle left < 10", "timeout": 3}}
    ]})",
                         "t.json");
}

/// The simulation as the player sees it: a value per measure name.
struct FakeSim {
  std::map<std::string, double> values;
  LessonPlayer::Measure measure() {
    return [this](const io::LessonMeasure& m) -> std::optional<double> {
      auto it = values.find(m.name);
      if (it == values.end()) return std::nullopt;
      return it->second;
    };
  }
};

TEST(LessonPlayer, FirstStepRunsItsActionsThenTheCamera) {
  LessonPlayer p(makeLesson());
  EXPECT_TRUE(p.takeReset()) << "a lesson starts from its clean state";
  const auto a = p.takeActions();
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0], "play");
  EXPECT_EQ(a[1], "posture standing");
  EXPECT_EQ(a[2].rfind("camera_to view=anterior target=0,0,50 distance=300", 0), 0u) << a[2];
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Running);
  EXPECT_EQ(p.waitingText(), "") << "a key step waits for nobody's number";
}

TEST(LessonPlayer, QuestionAnsweredRevealedWithTheMeasuredMinimum) {
  LessonPlayer p(makeLesson());
  p.takeReset();
  p.takeActions();
  FakeSim sim;
  p.next();
  EXPECT_EQ(p.stepIndex(), 1u);
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Asking);
  EXPECT_EQ(p.takeActions(), std::vector<std::string>{"pause"}) << "asked before anything runs";
  p.update(1.0, sim.measure());  // nothing counts while asking
  EXPECT_DOUBLE_EQ(p.runSeconds(), 0.0);
  p.answer(5);  // out of range: ignored
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Asking);
  p.answer(0);
  EXPECT_EQ(p.chosen(), 0);
  EXPECT_EQ(p.takeActions(), (std::vector<std::string>{"play", "activity tiptoe"}));
  sim.values["ankle"] = 80.0;
  sim.values["contractions"] = 0.0;
  p.update(0.5, sim.measure());
  EXPECT_EQ(p.waitingText(), "Waiting for contractions >= 10 (now 0.0)");
  sim.values["ankle"] = 25.0;
  sim.values["contractions"] = 6.0;
  p.update(0.5, sim.measure());
  sim.values["ankle"] = 31.0;  // the minimum, 25, is what the question asked for
  sim.values["contractions"] = 10.0;
  p.update(0.5, sim.measure());
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Revealed);
  ASSERT_TRUE(p.measured().has_value());
  EXPECT_DOUBLE_EQ(*p.measured(), 25.0);
  EXPECT_EQ(p.revealText(), "It fell to 25 mmHg.");
  EXPECT_EQ(p.takeActions(), std::vector<std::string>{"pause"}) << "the class reads the answer";
  EXPECT_EQ(p.outcomes()[1], 1);
  p.next();
  EXPECT_EQ(p.stepIndex(), 2u);
}

TEST(LessonPlayer, TimedStepsAndGivingUpAfterTheTimeout) {
  LessonPlayer p(makeLesson());
  FakeSim sim;
  p.goTo(2);
  EXPECT_TRUE(p.takeReset());
  // A jump replays the earlier steps' actions (without waiting) and flies to the view they
  // left the camera in, then runs the step.
  EXPECT_EQ(p.takeActions(),
            (std::vector<std::string>{"posture standing", "activity tiptoe",
                                      "camera_to view=anterior target=0,0,50 distance=300 duration=1.5", "play",
                                      "activity still"}));
  p.update(2.0, sim.measure());
  EXPECT_EQ(p.waitingText(), "Next in 3.0 s");
  p.update(3.0, sim.measure());
  EXPECT_EQ(p.stepIndex(), 3u) << "after 5 s it went on by itself";
  p.takeActions();
  sim.values["ankle"] = 40.0;  // never below 10
  p.update(2.0, sim.measure());
  EXPECT_EQ(p.stepIndex(), 3u);
  EXPECT_EQ(p.waitingText(), "Waiting for ankle left < 10 (now 40)");
  p.update(1.5, sim.measure());
  EXPECT_TRUE(p.timedOut());
  EXPECT_EQ(p.outcomes()[3], 0);
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Finished);
}

TEST(LessonPlayer, HeldStepStaysAndSaysReached) {
  LessonPlayer p(makeLesson());
  p.setHold(true);
  FakeSim sim;
  p.goTo(3);
  p.takeReset();
  p.takeActions();
  sim.values["ankle"] = 8.0;
  p.update(0.5, sim.measure());
  EXPECT_EQ(p.stepIndex(), 3u);
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Running);
  EXPECT_EQ(p.waitingText(), "Reached: ankle left < 10 (now 8.0)");
  p.update(10.0, sim.measure());
  EXPECT_FALSE(p.timedOut()) << "met and held: the timeout no longer counts";
}

TEST(LessonPlayer, BackReplaysFromTheStartAndForgetsLaterAnswers) {
  LessonPlayer p(makeLesson());
  FakeSim sim;
  p.takeReset();
  p.takeActions();
  p.next();
  p.answer(2);  // wrong
  p.takeActions();
  sim.values["contractions"] = 10.0;
  sim.values["ankle"] = 30.0;
  p.update(0.1, sim.measure());
  p.next();
  EXPECT_EQ(p.stepIndex(), 2u);
  EXPECT_EQ(p.questionsAsked(), 1);
  EXPECT_EQ(p.correctAnswers(), 0);
  p.previous();
  EXPECT_EQ(p.stepIndex(), 1u);
  EXPECT_TRUE(p.takeReset());
  EXPECT_EQ(p.takeActions(), (std::vector<std::string>{"posture standing", "camera_to view=anterior target=0,0,50 "
                                                                           "distance=300 duration=1.5",
                                                       "pause"}));
  EXPECT_EQ(p.chosen(), -1) << "the answer to a step gone back to is asked again";
  p.answer(0);
  p.takeActions();
  p.update(0.1, sim.measure());
  EXPECT_EQ(p.correctAnswers(), 1);
  // Next over a question skips it without counting an answer.
  p.restart();
  p.takeReset();
  p.takeActions();
  p.next();
  p.next();
  EXPECT_EQ(p.phase(), LessonPlayer::Phase::Running);
  EXPECT_EQ(p.chosen(), -1);
  EXPECT_EQ(p.correctAnswers(), 0);
}

TEST(LessonPlayer, NothingCountsUntilTheStepsActionsHaveRun) {
  LessonPlayer p(makeLesson());
  FakeSim sim;
  p.goTo(2);
  p.update(10.0, sim.measure());  // actions not yet taken by the app
  EXPECT_EQ(p.stepIndex(), 2u);
  EXPECT_DOUBLE_EQ(p.runSeconds(), 0.0);
}

TEST(LessonPlayer, FormatsNumbersAsTheCaptionShowsThem) {
  EXPECT_EQ(LessonPlayer::formatValue(84.4), "84");
  EXPECT_EQ(LessonPlayer::formatValue(2.84), "2.8");
  EXPECT_EQ(LessonPlayer::formatValue(-11.6), "-12");
}

}  // namespace
