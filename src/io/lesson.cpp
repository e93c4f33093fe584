#include "io/lesson.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/camera.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/limits.h"

namespace venaviz::io {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

constexpr const char* kMeasureHelp =
    "expected contractions, time, ankle left|right, pressure VESSEL@F, flow VESSEL@F, "
    "probe N pressure|velocity|flow|reflux|last_reflux, avp_fall, rt90, calf_ef, iliac_gradient, right_atrium, portal, hvpg, portal_flow or jugular_share "
    "(\"right:\" before it for the right body side by side)";

/// A string array ("sources", "do", "answers").
std::vector<std::string> stringList(const JsonReader& r, std::string_view key, bool required, std::size_t limit) {
  std::vector<std::string> out;
  if (!r.has(key)) {
    if (required) r.failKey(key, "missing; expected an array of strings");
    return out;
  }
  const Json& v = r.value()[std::string(key)];
  if (!v.is_array()) r.failKey(key, "expected an array of strings, got " + describe(v));
  if (v.size() > limit)
    r.failKey(key, std::to_string(v.size()) + " entries; expected at most " + std::to_string(limit) +
                       " (docs/reliability.md, Limits)");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      r.failKey(std::string(key) + "[" + std::to_string(i) + "]", "expected a string, got " + describe(v[i]));
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

LessonMeasure measureAt(const JsonReader& r, std::string_view key, const std::string& text) {
  try {
    return parseLessonMeasure(text);
  } catch (const Error& e) {
    r.failKey(key, e.what());
  }
}

LessonCamera readCamera(const JsonReader& r) {
  r.allowKeys({"view", "bookmark", "vessel", "target", "distance", "yaw", "pitch", "duration"});
  LessonCamera c;
  c.view = r.string("view", "");
  if (!c.view.empty() && !parseView(c.view))
    r.failKey("view", "unknown view \"" + c.view + "\"; expected anterior, posterior, left, right, superior or inferior");
  c.bookmark = r.string("bookmark", "");
  c.vessel = r.string("vessel", "");
  if (r.has("target")) {
    const Json& t = r.value()["target"];
    if (!t.is_array() || t.size() != 3 || !std::all_of(t.begin(), t.end(), [](const Json& x) { return x.is_number(); }))
      r.failKey("target", "expected [x, y, z] in cm (body frame), got " + describe(t));
    c.target = Vec3(t[0].get<float>(), t[1].get<float>(), t[2].get<float>());
  }
  auto optNumber = [&](std::string_view key, double lo, double hi) -> std::optional<float> {
    if (!r.has(key)) return std::nullopt;
    const double v = r.number(key);
    if (!(v >= lo && v <= hi))
      r.failKey(key, "expected a number from " + std::to_string(static_cast<int>(lo)) + " to " +
                         std::to_string(static_cast<int>(hi)));
    return static_cast<float>(v);
  };
  c.distance = optNumber("distance", 5.0, 1000.0);
  c.yaw = optNumber("yaw", -360.0, 360.0);
  c.pitch = optNumber("pitch", -89.0, 89.0);
  c.duration = optNumber("duration", 0.0, 30.0).value_or(1.5f);
  const int goals = !c.bookmark.empty() + !c.vessel.empty() + (c.target.has_value() || !c.view.empty() ? 1 : 0);
  if (goals == 0) r.fail("expected one of view, bookmark, vessel or target");
  if (goals > 1) r.fail("expected one goal: a view and/or target, a bookmark, or a vessel, not several");
  return c;
}

LessonAdvance readAdvance(const JsonReader& step) {
  LessonAdvance a;
  if (!step.has("advance")) return a;
  const Json& v = step.value()["advance"];
  if (v.is_string()) {
    if (v.get<std::string>() != "key") step.failKey("advance", "expected \"key\" or an object {after} / {when}");
    return a;
  }
  const JsonReader r = step.child("advance");
  r.allowKeys({"after", "when", "timeout"});
  if (r.has("after") == r.has("when")) r.fail("expected exactly one of after (seconds) or when (a condition)");
  if (r.has("after")) {
    a.kind = LessonAdvance::Kind::After;
    a.seconds = r.number("after");
    if (!(a.seconds > 0.0 && a.seconds <= 600.0)) r.failKey("after", "expected seconds from 0 to 600");
    if (r.has("timeout")) r.failKey("timeout", "only with when");
    return a;
  }
  a.kind = LessonAdvance::Kind::When;
  const std::string text = r.string("when");
  const std::vector<std::string> w = words(text);
  static const char* const kOps[] = {"<=", ">=", "<", ">"};
  auto op = std::find_if(w.begin(), w.end(), [](const std::string& x) {
    return std::any_of(std::begin(kOps), std::end(kOps), [&](const char* o) { return x == o; });
  });
  if (op == w.end() || op == w.begin() || op + 2 != w.end())
    r.failKey("when", "expected MEASURE OP NUMBER (OP one of < <= > >=), e.g. \"ankle left < 40\"; got \"" + text + "\"");
  std::string measure;
  for (auto it = w.begin(); it != op; ++it) measure += (measure.empty() ? "" : " ") + *it;
  a.measure = measureAt(r, "when", measure);
  a.op = *op;
  char* end = nullptr;
  a.value = std::strtod(op[1].c_str(), &end);
  if (!end || *end != '\0' || !std::isfinite(a.value)) r.failKey("when", "\"" + op[1] + "\" is not a number");
  a.timeout = r.number("timeout", 120.0);
  if (!(a.timeout > 0.0 && a.timeout <= 1800.0)) r.failKey("timeout", "expected seconds from 0 to 1800");
  return a;
}

LessonQuestion readQuestion(const JsonReader& r) {
  r.allowKeys({"ask", "answers", "correct", "measure", "unit", "reveal"});
  LessonQuestion q;
  q.ask = r.string("ask");
  if (q.ask.empty()) r.failKey("ask", "expected the question");
  q.answers = stringList(r, "answers", true, limits::kStepActions);
  if (q.answers.size() < 2 || q.answers.size() > 4) r.failKey("answers", "expected 2 to 4 answers");
  const double c = r.number("correct");
  if (c != std::floor(c) || c < 1 || c > static_cast<double>(q.answers.size()))
    r.failKey("correct", "expected the number (1-" + std::to_string(q.answers.size()) + ") of the right answer");
  q.correct = static_cast<int>(c) - 1;
  std::string m = r.string("measure");
  const auto w = words(m);
  if (!w.empty() && (w[0] == "min" || w[0] == "max" || w[0] == "last")) {
    q.aggregate = w[0];
    m = m.substr(m.find(w[0]) + w[0].size());
  }
  q.measure = measureAt(r, "measure", m);
  q.unit = r.string("unit", "");
  q.reveal = r.string("reveal");
  if (q.reveal.find("{value}") == std::string::npos)
    r.failKey("reveal", "expected the measured number's place, {value}, in the text");
  return q;
}

void checkText(const JsonReader& r, std::string_view key, const std::string& text) {
  if (text.size() > kMaxCaptionChars)
    r.failKey(key, "too long (" + std::to_string(text.size()) + " characters); 1-3 sentences, at most " +
                       std::to_string(kMaxCaptionChars));
}

}  // namespace

LessonMeasure parseLessonMeasure(const std::string& textIn) {
  LessonMeasure m;
  m.text = textIn;
  std::string text = textIn;
  auto w = words(text);
  if (!w.empty() && (w[0] == "right:" || w[0] == "left:")) {
    m.body = w[0] == "right:" ? 2 : 1;
    w.erase(w.begin());
  }
  if (w.empty()) throw Error("empty measure; " + std::string(kMeasureHelp));
  m.name = w[0];
  auto need = [&](std::size_t n) {
    if (w.size() != n) throw Error("\"" + textIn + "\": " + kMeasureHelp);
  };
  static const char* const kPlain[] = {"contractions", "time",          "avp_fall",    "rt90",
                                       "calf_ef",      "iliac_gradient", "right_atrium", "portal",
                                       "hvpg",         "portal_flow",    "jugular_share"};
  if (std::any_of(std::begin(kPlain), std::end(kPlain), [&](const char* n) { return m.name == n; })) {
    need(1);
  } else if (m.name == "ankle") {
    need(2);
    m.argument = w[1];
    if (m.argument != "left" && m.argument != "right") throw Error("\"" + textIn + "\": expected ankle left or ankle right");
  } else if (m.name == "pressure" || m.name == "flow") {
    need(2);
    m.argument = w[1];
    if (m.argument.find('@') == std::string::npos)
      throw Error("\"" + textIn + "\": expected VESSEL_ID@FRACTION after " + m.name);
  } else if (m.name == "probe") {
    need(3);
    m.argument = w[1];
    if (m.argument.size() != 1 || m.argument[0] < '1' || m.argument[0] > '4')
      throw Error("\"" + textIn + "\": expected probe 1 to 4");
    m.quantity = w[2];
    static const char* const kQ[] = {"pressure", "velocity", "flow", "reflux", "last_reflux"};
    if (std::none_of(std::begin(kQ), std::end(kQ), [&](const char* q) { return m.quantity == q; }))
      throw Error("\"" + textIn + "\": expected probe N pressure, velocity, flow, reflux or last_reflux");
  } else {
    throw Error("unknown measure \"" + m.name + "\"; " + kMeasureHelp);
  }
  return m;
}

Lesson parseLesson(const std::string& text, const fs::path& name) {
  const Json root = parseJsonText(text, name.string());
  const std::string file = name.string();
  const JsonReader r(root, file, "");
  r.allowKeys({"format", "title", "level", "summary", "sources", "scene", "views", "steps"});
  Lesson l;
  l.file = name;
  const std::string format = r.string("format", "venaviz-lesson/1");
  if (format != "venaviz-lesson/1") r.failKey("format", "expected \"venaviz-lesson/1\", got \"" + format + "\"");
  l.title = r.string("title");
  if (l.title.empty()) r.failKey("title", "expected the lesson's title");
  l.level = r.string("level");
  if (l.level != "introductory" && l.level != "intermediate" && l.level != "advanced")
    r.failKey("level", "expected introductory, intermediate or advanced, got \"" + l.level + "\"");
  l.summary = r.string("summary", "");
  l.sources = stringList(r, "sources", true, limits::kLessonSources);
  if (l.sources.empty()) r.failKey("sources", "expected at least one source for the lesson's medical content");
  if (r.has("scene")) l.scene = name.parent_path() / r.string("scene");
  if (r.has("views")) {
    const JsonReader views = r.child("views");
    views.requireObject();
    if (views.value().size() > limits::kLessonViews)
      views.fail(std::to_string(views.value().size()) + " views; expected at most " +
                 std::to_string(limits::kLessonViews) + " (docs/reliability.md, Limits)");
    for (const auto& [key, value] : views.value().items()) l.views[key] = readCamera(views.child(key));
  }
  if (!r.has("steps") || !root["steps"].is_array() || root["steps"].empty())
    r.failKey("steps", "expected a non-empty array of steps");
  const Json& steps = root["steps"];
  r.child("steps").requireArrayAtMost(limits::kLessonSteps, "steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const JsonReader s(steps[i], file, "step " + std::to_string(i + 1));
    s.allowKeys({"title", "caption", "patient", "camera", "do", "advance", "question"});
    LessonStep st;
    st.title = s.string("title");
    if (st.title.empty()) s.failKey("title", "expected the step's title");
    st.caption = s.string("caption");
    if (st.caption.empty()) s.failKey("caption", "expected 1-3 sentences");
    checkText(s, "caption", st.caption);
    st.patient = s.string("patient", "");
    checkText(s, "patient", st.patient);
    if (s.has("camera")) {
      const Json& c = steps[i]["camera"];
      if (c.is_string()) {
        const std::string n = c.get<std::string>();
        auto it = l.views.find(n);
        if (it != l.views.end()) {
          st.camera = it->second;
        } else if (parseView(n)) {
          LessonCamera cam;
          cam.view = n;
          st.camera = cam;
        } else {
          std::string known;
          for (const auto& [k, _] : l.views) known += (known.empty() ? "" : ", ") + k;
          s.failKey("camera", "no view \"" + n + "\" in this lesson's views (" + (known.empty() ? "none" : known) +
                                  ") nor a standard view (anterior, posterior, left, right, superior, inferior)");
        }
      } else {
        st.camera = readCamera(s.child("camera"));
      }
    }
    st.actions = stringList(s, "do", false, limits::kStepActions);
    for (std::size_t k = 0; k < st.actions.size(); ++k)
      if (st.actions[k].find(';') != std::string::npos)
        s.failKey("do[" + std::to_string(k) + "]", "one action per string (no ';')");
    st.advance = readAdvance(s);
    if (s.has("question")) {
      st.question = readQuestion(s.child("question"));
      if (st.advance.kind == LessonAdvance::Kind::Key)
        s.failKey("question", "a question needs a run to observe: advance after a time or when a condition is met");
    }
    l.steps.push_back(std::move(st));
  }
  return l;
}

Lesson loadLesson(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(path.string() + ": no such lesson file");
  return parseLesson(readFile(path, limits::kLessonBytes), path);  // syntax errors with line and column
}

}  // namespace venaviz::io
