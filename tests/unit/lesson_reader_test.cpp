// Lesson files (io/lesson): every key read with its default, and a malformed lesson refused
// with one line naming the file, the step number and the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/error.h"
#include "io/lesson.h"

namespace fs = std::filesystem;
using namespace venaviz;

namespace {

const fs::path kSource = VENAVIZ_SOURCE_DIR;

/// A valid lesson with `step` as its only step (a JSON object's inside).
std::string lessonWith(const std::string& step, const std::string& extra = "") {
  return R"({"title": "T", "level": "introductory", "sources": ["S"], )" + extra + R"("steps": [{)" + step + "}]}";
}

std::string errorOf(const std::string& text) {
  try {
    io::parseLesson(text, "lessons/x.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

constexpr const char* kStep = R"("title": "A", "caption": "B.")";

TEST(LessonReader, DefaultsOfAMinimalLesson) {
  const io::Lesson l = io::parseLesson(lessonWith(kStep), "lessons/x.json");
  EXPECT_EQ(l.title, "T");
  EXPECT_EQ(l.level, "introductory");
  ASSERT_EQ(l.steps.size(), 1u);
  const io::LessonStep& s = l.steps[0];
  EXPECT_EQ(s.title, "A");
  EXPECT_EQ(s.caption, "B.");
  EXPECT_TRUE(s.patient.empty());
  EXPECT_FALSE(s.camera.has_value());
  EXPECT_TRUE(s.actions.empty());
  EXPECT_EQ(s.advance.kind, io::LessonAdvance::Kind::Key);
  EXPECT_FALSE(s.question.has_value());
  EXPECT_FALSE(l.scene.has_value());
}

TEST(LessonReader, ReadsCameraAdvanceAndQuestion) {
  const std::string step = std::string(kStep) + R"(, "camera": "legs", "do": ["posture standing", "activity tiptoe"],
    "advance": {"when": "right: ankle left < 40.5", "timeout": 30},
    "question": {"ask": "Q?", "answers": ["a", "b", "c"], "correct": 2, "measure": "min ankle left",
                 "unit": "mmHg", "reveal": "It fell to {value}."})";
  const io::Lesson l = io::parseLesson(
      lessonWith(step, R"("views": {"legs": {"view": "posterior", "target": [1, 2, 3], "distance": 200, "duration": 0}}, )"),
      "lessons/x.json");
  const io::LessonStep& s = l.steps[0];
  ASSERT_TRUE(s.camera.has_value());
  EXPECT_EQ(s.camera->view, "posterior");
  ASSERT_TRUE(s.camera->target.has_value());
  EXPECT_FLOAT_EQ(s.camera->target->z, 3.0f);
  EXPECT_FLOAT_EQ(*s.camera->distance, 200.0f);
  EXPECT_FLOAT_EQ(s.camera->duration, 0.0f);
  ASSERT_EQ(s.actions.size(), 2u);
  EXPECT_EQ(s.actions[1], "activity tiptoe");
  EXPECT_EQ(s.advance.kind, io::LessonAdvance::Kind::When);
  EXPECT_EQ(s.advance.op, "<");
  EXPECT_DOUBLE_EQ(s.advance.value, 40.5);
  EXPECT_DOUBLE_EQ(s.advance.timeout, 30.0);
  EXPECT_EQ(s.advance.measure.name, "ankle");
  EXPECT_EQ(s.advance.measure.argument, "left");
  EXPECT_EQ(s.advance.measure.body, 2);
  ASSERT_TRUE(s.question.has_value());
  EXPECT_EQ(s.question->correct, 1);  // 1-based in the file
  EXPECT_EQ(s.question->aggregate, "min");
  EXPECT_EQ(s.question->measure.name, "ankle");
  EXPECT_EQ(s.question->unit, "mmHg");
}

TEST(LessonReader, MeasuresParseOrSayWhatIsExpected) {
  EXPECT_EQ(io::parseLessonMeasure("probe 2 last_reflux").quantity, "last_reflux");
  EXPECT_EQ(io::parseLessonMeasure("pressure femoral_vein_left@0.5").argument, "femoral_vein_left@0.5");
  EXPECT_EQ(io::parseLessonMeasure("iliac_gradient").name, "iliac_gradient");
  for (const char* bad : {"", "ankle middle", "probe 5 pressure", "probe 1 colour", "pressure femoral_vein_left",
                          "heart_rate", "contractions 3"}) {
    try {
      io::parseLessonMeasure(bad);
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << e.what();
    }
  }
}

TEST(LessonReader, ErrorsNameTheFileTheStepAndTheKey) {
  struct Case {
    std::string text, expected;
  };
  const std::string q = R"("question": {"ask": "Q", "answers": ["a", "b"], "correct": 1, "measure": "time", "reveal": "{value}"})";
  const Case cases[] = {
      {lessonWith(std::string(kStep) + R"(, "advance": {"when": "ankle left 40"})"),
       "lessons/x.json: step 1.advance.when: expected MEASURE OP NUMBER"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"when": "ankle left < forty"})"), "step 1.advance.when: \"forty\" is not a number"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 5, "when": "time > 1"})"), "step 1.advance: expected exactly one of"},
      {lessonWith(std::string(kStep) + R"(, "advance": "soon")"), "step 1.advance: expected \"key\""},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 5, "timeout": 3})"), "step 1.advance.timeout: only with when"},
      {lessonWith(std::string(kStep) + R"(, "camera": "nowhere")"), "step 1.camera: no view \"nowhere\""},
      {lessonWith(std::string(kStep) + R"(, "camera": {"distance": 100})"), "step 1.camera: expected one of view, bookmark"},
      {lessonWith(std::string(kStep) + R"(, "camera": {"view": "sideways"})"), "step 1.camera.view: unknown view"},
      {lessonWith(std::string(kStep) + R"(, "camera": {"view": "left", "vessel": "x"})"), "expected one goal"},
      {lessonWith(std::string(kStep) + R"(, "do": ["play; pause"])"), "step 1.do[0]: one action per string"},
      {lessonWith(std::string(kStep) + R"(, "do": "play")"), "step 1.do: expected an array of strings"},
      {lessonWith(std::string(kStep) + ", " + q), "step 1.question: a question needs a run to observe"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 2}, "question": {"ask": "Q", "answers": ["a"], "correct": 1, "measure": "time", "reveal": "{value}"})"),
       "step 1.question.answers: expected 2 to 4 answers"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 2}, "question": {"ask": "Q", "answers": ["a", "b"], "correct": 3, "measure": "time", "reveal": "{value}"})"),
       "step 1.question.correct: expected the number (1-2)"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 2}, "question": {"ask": "Q", "answers": ["a", "b"], "correct": 1, "measure": "time", "reveal": "no number"})"),
       "step 1.question.reveal: expected the measured number's place"},
      {lessonWith(std::string(kStep) + R"(, "advance": {"after": 2}, "question": {"ask": "Q", "answers": ["a", "b"], "correct": 1, "measure": "max speed", "reveal": "{value}"})"),
       "step 1.question.measure: unknown measure \"speed\""},
      {lessonWith(R"("title": "A")"), "step 1.caption"},
      {lessonWith(R"("title": "A", "caption": ")" + std::string(400, 'x') + "\""), "step 1.caption: too long (400 characters)"},
      {lessonWith(std::string(kStep) + R"(, "colour": "red")"), "step 1.colour"},
      {R"({"title": "T", "level": "expert", "sources": ["S"], "steps": [{"title": "A", "caption": "B"}]})",
       "lessons/x.json: level: expected introductory, intermediate or advanced"},
      {R"({"title": "T", "level": "introductory", "sources": [], "steps": [{"title": "A", "caption": "B"}]})",
       "lessons/x.json: sources: expected at least one source"},
      {R"({"title": "T", "level": "introductory", "sources": ["S"], "steps": []})", "lessons/x.json: steps: expected a non-empty"},
      {R"({"format": "venaviz-lesson/2", "title": "T", "level": "introductory", "sources": ["S"], "steps": [{"title": "A", "caption": "B"}]})",
       "format: expected \"venaviz-lesson/1\""},
      {"{\"title\": \"T\",\n  \"steps\": [,]}", "lessons/x.json"},
  };
  for (const Case& c : cases) {
    const std::string e = errorOf(c.text);
    EXPECT_NE(e.find(c.expected), std::string::npos) << "got: " << e << "\nexpected: " << c.expected;
    EXPECT_EQ(e.find('\n'), std::string::npos) << "not one line: " << e;
  }
  // The step number counts from 1 and names the step that is wrong.
  const std::string two = R"({"title": "T", "level": "introductory", "sources": ["S"], "steps": [{"title": "A", "caption": "B"},
      {"title": "C", "caption": "D", "advance": {"after": -1}}]})";
  EXPECT_NE(errorOf(two).find("step 2.advance.after"), std::string::npos) << errorOf(two);
}

TEST(LessonReader, MissingFileSaysSo) {
  try {
    io::loadLesson(kSource / "scenes" / "lessons" / "nope.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nope.json: no such lesson file"), std::string::npos) << e.what();
  }
}

TEST(LessonReader, EveryShippedLessonReadsAndCitesItsSources) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "scenes" / "lessons")) {
    if (e.path().extension() != ".json") continue;
    SCOPED_TRACE(e.path().string());
    const io::Lesson l = io::loadLesson(e.path());
    EXPECT_FALSE(l.sources.empty());
    EXPECT_GE(l.steps.size(), 4u);
    int questions = 0;
    for (const io::LessonStep& s : l.steps) {
      questions += s.question ? 1 : 0;
      EXPECT_LE(s.caption.size(), io::kMaxCaptionChars);
      EXPECT_FALSE(s.patient.empty()) << s.title << ": every step has plain words for patients";
    }
    EXPECT_GE(questions, 1) << "predict, then observe";
    ++n;
  }
  EXPECT_GE(n, 7) << "the seven lessons of issue 11";
}

}  // namespace
