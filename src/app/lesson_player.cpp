#include "app/lesson_player.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace venaviz {

std::string cameraAction(const io::LessonCamera& c) {
  if (!c.bookmark.empty()) return "bookmark " + c.bookmark;
  if (!c.vessel.empty()) return "focus " + c.vessel;
  char buf[64];
  std::string cmd = "camera_to";
  if (!c.view.empty()) cmd += " view=" + c.view;
  if (c.target) {
    std::snprintf(buf, sizeof buf, " target=%g,%g,%g", static_cast<double>(c.target->x),
                  static_cast<double>(c.target->y), static_cast<double>(c.target->z));
    cmd += buf;
  }
  auto add = [&](const char* key, std::optional<float> v) {
    if (!v) return;
    std::snprintf(buf, sizeof buf, " %s=%g", key, static_cast<double>(*v));
    cmd += buf;
  };
  add("distance", c.distance);
  add("yaw", c.yaw);
  add("pitch", c.pitch);
  add("duration", c.duration);
  return cmd;
}

LessonPlayer::LessonPlayer(io::Lesson lesson) : lesson_(std::move(lesson)) {
  answers_.assign(lesson_.steps.size(), -1);
  outcomes_.assign(lesson_.steps.size(), -1);
  reset_ = true;
  enter(0);
}

std::vector<std::string> LessonPlayer::takeActions() { return std::exchange(pending_, {}); }

bool LessonPlayer::takeReset() { return std::exchange(reset_, false); }

void LessonPlayer::enter(std::size_t step) {
  step_ = step;
  run_ = 0.0;
  timedOut_ = false;
  aggregate_.reset();
  measured_.reset();
  lastCondition_.reset();
  if (lesson_.steps[step_].question) {
    phase_ = Phase::Asking;
    // The camera goes at once: the question is asked over the view it is about.
    if (const auto& cam = lesson_.steps[step_].camera) pending_.push_back(cameraAction(*cam));
    pending_.emplace_back("pause");
  } else {
    run();
  }
}

void LessonPlayer::run() {
  const io::LessonStep& s = lesson_.steps[step_];
  phase_ = Phase::Running;
  pending_.emplace_back("play");
  for (const std::string& a : s.actions) pending_.push_back(a);
  // The camera after the step's actions, so that the step's view wins over what they set
  // (compare on, a scenario or a focus fits the body again).
  if (s.camera && !s.question) pending_.push_back(cameraAction(*s.camera));
}

void LessonPlayer::goTo(std::size_t step) {
  if (step >= lesson_.steps.size()) step = lesson_.steps.size() - 1;
  // The steps before it replayed (their actions, no waiting) from the lesson's start.
  pending_.clear();
  reset_ = true;
  const io::LessonCamera* view = nullptr;  // the view the steps before left the camera in
  for (std::size_t k = 0; k < step; ++k) {
    for (const std::string& a : lesson_.steps[k].actions) pending_.push_back(a);
    if (lesson_.steps[k].camera) view = &*lesson_.steps[k].camera;
  }
  if (view && !lesson_.steps[step].camera) pending_.push_back(cameraAction(*view));
  for (std::size_t k = step; k < answers_.size(); ++k) {
    answers_[k] = -1;
    outcomes_[k] = -1;
  }
  enter(step);
}

void LessonPlayer::next() {
  switch (phase_) {
    case Phase::Asking:
      run();  // skipped: no answer counted
      return;
    case Phase::Running:
    case Phase::Revealed:
      if (step_ + 1 < lesson_.steps.size())
        enter(step_ + 1);
      else
        phase_ = Phase::Finished;
      return;
    case Phase::Finished:
      return;
  }
}

void LessonPlayer::previous() {
  if (phase_ == Phase::Finished) {
    goTo(step_);
    return;
  }
  if (step_ > 0) goTo(step_ - 1);
}

void LessonPlayer::answer(int choice) {
  if (phase_ != Phase::Asking) return;
  const auto& q = *lesson_.steps[step_].question;
  if (choice < 0 || choice >= static_cast<int>(q.answers.size())) return;
  answers_[step_] = choice;
  run();
}

void LessonPlayer::complete(bool timedOut) {
  timedOut_ = timedOut;
  outcomes_[step_] = timedOut ? 0 : 1;
  if (lesson_.steps[step_].question) {
    measured_ = aggregate_;
    phase_ = Phase::Revealed;
    pending_.emplace_back("pause");  // the class reads the answer; the presenter goes on
    return;
  }
  if (lesson_.steps[step_].advance.kind == io::LessonAdvance::Kind::Key || hold_) return;
  next();
}

void LessonPlayer::update(double seconds, const Measure& measure) {
  // Nothing counts until the step's actions have run (the app runs them at the tick's end).
  if (phase_ != Phase::Running || !pending_.empty() || reset_) return;
  if (hold_ && outcomes_[step_] != -1) return;  // met and held: nothing more to wait for
  const io::LessonStep& s = lesson_.steps[step_];
  run_ += seconds;
  if (s.question) {
    if (auto v = measure(s.question->measure)) {
      const std::string& agg = s.question->aggregate;
      if (!aggregate_ || agg == "last")
        aggregate_ = *v;
      else if (agg == "min")
        aggregate_ = std::min(*aggregate_, *v);
      else
        aggregate_ = std::max(*aggregate_, *v);
    }
  }
  const io::LessonAdvance& a = s.advance;
  switch (a.kind) {
    case io::LessonAdvance::Kind::Key:
      return;
    case io::LessonAdvance::Kind::After:
      if (run_ >= a.seconds - 1e-9) complete(false);
      return;
    case io::LessonAdvance::Kind::When: {
      lastCondition_ = measure(a.measure);
      if (lastCondition_) {
        const double v = *lastCondition_;
        const bool met = a.op == "<" ? v < a.value : a.op == "<=" ? v <= a.value : a.op == ">" ? v > a.value : v >= a.value;
        if (met) {
          complete(false);
          return;
        }
      }
      if (run_ >= a.timeout) complete(true);
      return;
    }
  }
}

std::string LessonPlayer::formatValue(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::abs(v) >= 10.0 ? "%.0f" : "%.1f", v);
  return buf;
}

std::string LessonPlayer::waitingText() const {
  if (phase_ != Phase::Running) return {};
  const io::LessonAdvance& a = step().advance;
  switch (a.kind) {
    case io::LessonAdvance::Kind::Key:
      return {};
    case io::LessonAdvance::Kind::After:
      return "Next in " + formatValue(std::max(0.0, a.seconds - run_)) + " s";
    case io::LessonAdvance::Kind::When: {
      if (outcomes_[step_] == 1)  // met (and held on this step)
        return "Reached: " + a.measure.text + " " + a.op + " " + formatValue(a.value) +
               (lastCondition_ ? " (now " + formatValue(*lastCondition_) + ")" : "");
      std::string t = "Waiting for " + a.measure.text + " " + a.op + " " + formatValue(a.value);
      if (lastCondition_) t += " (now " + formatValue(*lastCondition_) + ")";
      return t;
    }
  }
  return {};
}

std::string LessonPlayer::revealText() const {
  const auto& q = step().question;
  if (!q || phase_ != Phase::Revealed) return {};
  std::string text = q->reveal;
  const std::string value = measured_ ? formatValue(*measured_) + (q->unit.empty() ? "" : " " + q->unit) : "(not measured)";
  for (std::size_t at; (at = text.find("{value}")) != std::string::npos;) text.replace(at, 7, value);
  return text;
}

int LessonPlayer::questionsAsked() const {
  int n = 0;
  for (const auto& s : lesson_.steps) n += s.question ? 1 : 0;
  return n;
}

int LessonPlayer::correctAnswers() const {
  int n = 0;
  for (std::size_t k = 0; k < lesson_.steps.size(); ++k)
    if (lesson_.steps[k].question && answers_[k] == lesson_.steps[k].question->correct) ++n;
  return n;
}

}  // namespace venaviz
