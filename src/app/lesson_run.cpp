#include "app/lesson_run.h"

#include <algorithm>

#include "app/app.h"
#include "core/error.h"

namespace venaviz {

bool LessonRun::ok() const {
  return !steps.empty() && std::all_of(steps.begin(), steps.end(), [](const LessonStepResult& s) { return s.ok(); });
}

LessonRun playLesson(App& app, int answer, double keySeconds, std::size_t stopAt) {
  LessonPlayer* p = app.lesson();
  if (!p) throw Error("no lesson is open");
  LessonRun run;
  constexpr double kChunk = 1.0 / 60.0;  // one window frame of simulated time
  // Each pass handles one step; a lesson never has more passes than steps (plus the guard).
  for (std::size_t guard = 0; p->phase() != LessonPlayer::Phase::Finished && guard < p->lesson().steps.size() + 1;
       ++guard) {
    const std::size_t k = p->stepIndex();
    if (k >= stopAt) break;
    const io::LessonStep step = p->step();  // a copy: the player moves on
    LessonStepResult r;
    r.step = k;
    r.title = step.title;
    if (p->phase() == LessonPlayer::Phase::Asking) {
      const int n = answer > 0 ? std::min<int>(answer, static_cast<int>(step.question->answers.size()))
                               : step.question->correct + 1;
      app.apply("lesson_answer " + std::to_string(n));
    }
    const io::LessonAdvance& adv = step.advance;
    if (adv.kind == io::LessonAdvance::Kind::When) r.waitedFor = adv.measure.text + " " + adv.op + " " +
                                                                LessonPlayer::formatValue(adv.value);
    if (adv.kind == io::LessonAdvance::Kind::Key) {
      app.simulate(keySeconds);
      r.seconds = keySeconds;
      r.how = "key";
    } else {
      const double limit = (adv.kind == io::LessonAdvance::Kind::After ? adv.seconds : adv.timeout) + 2.0;
      while (p->stepIndex() == k && p->phase() == LessonPlayer::Phase::Running && r.seconds < limit) {
        app.simulate(kChunk);
        r.seconds += kChunk;
      }
      const int outcome = p->outcomes()[k];
      r.how = outcome == 0   ? "timed out"
              : outcome < 0  ? "stuck"
              : adv.kind == io::LessonAdvance::Kind::After ? "after"
                                                           : "met";
      if (p->phase() == LessonPlayer::Phase::Revealed) {
        r.measured = p->measured();
        r.unit = step.question->unit;
      }
    }
    run.steps.push_back(r);
    if (p->stepIndex() == k && p->phase() != LessonPlayer::Phase::Finished) app.apply("lesson_next");
  }
  // Failed actions, each on its own step's line (a step that ends by itself runs the next
  // step's actions within its own wait).
  for (const LessonFailure& f : app.takeLessonFailures())
    for (LessonStepResult& r : run.steps)
      if (r.step == f.step) r.error += (r.error.empty() ? "" : "; ") + f.message;
  run.questions = p->questionsAsked();
  run.correct = p->correctAnswers();
  return run;
}

}  // namespace venaviz
