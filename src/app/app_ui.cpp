// The app's side of the interface: the label anchors (which vessels are named where) and the
// snapshot of state the ImGui panels read each frame (ui::UiModel).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "anatomy/centerline.h"
#include "app/app.h"
#include "app/imgui_layer.h"
#include "hemo/measures.h"
#include "hemo/scenario.h"
#include "platform/window.h"
#include "render/gl.h"
#include "ui/labels.h"

namespace venaviz {

std::vector<std::pair<std::string, Vec2>> App::labelAnchors(Vec2 viewport) const {
  // Label the vessels that are longest on screen right now (so zooming in labels what is in
  // view), one label per vessel, anchored on a stretch of it that is not hidden behind bone or
  // another vessel (checked against the depth buffer of the frame just drawn).
  struct Candidate {
    float score;
    std::size_t vessel;
    std::vector<std::pair<Vec3, float>> inside;  ///< screen position + depth, centerline radius
  };
  std::vector<Candidate> cands;
  const Anatomy& a = state_.scene.anatomy;
  const Vec4 clip = clipPlane();
  for (std::size_t i = 0; i < a.vessels.size(); ++i) {
    if (!vesselVisible(i)) continue;
    const Vessel& v = a.vessels[i];
    Candidate c{0.0f, i, {}};
    Vec3 prev = state_.camera.project(v.points[0], viewport);
    for (std::size_t k = 0; k < v.points.size(); ++k) {
      const Vec3 p = state_.camera.project(v.points[k], viewport);
      const bool in = p.z > -1.0f && p.z < 1.0f && p.x > 0 && p.y > 0 && p.x < viewport.x && p.y < viewport.y &&
                      glm::dot(Vec3(clip), v.points[k]) >= clip.w;  // not cut away
      if (in) {
        c.inside.emplace_back(p, v.radii[k]);
        if (k > 0) c.score += glm::distance(Vec2(prev), Vec2(p));
      }
      prev = p;
    }
    if (c.inside.empty()) continue;
    const float meanRadius = std::accumulate(v.radii.begin(), v.radii.end(), 0.0f) / static_cast<float>(v.radii.size());
    c.score *= 0.5f + meanRadius;
    cands.push_back(std::move(c));
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  const std::size_t maxLabels = std::clamp<std::size_t>(static_cast<std::size_t>(viewport.y / 55.0f), 4, 16);
  // (Side by side the viewport is the left half: the same scale on both axes.)
  const float fbScale = static_cast<float>(target_.height()) / std::max(viewport.y, 1.0f);
  const Vec2 toFb{fbScale, fbScale};
  const Vec3 eye = state_.camera.eye();
  std::vector<bool> shown;
  if (labelsByPicking_) {
    shown.resize(a.vessels.size());
    for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = vesselVisible(i);
  }
  auto visible = [&](Vec3 screen, float radius) {
    if (labelsByPicking_) {
      // WebGL cannot read depth back: the ray through the anchor against the vessels' tubes on
      // the CPU (VesselPicker). Another vessel in front hides the label; bones do not.
      if (!picker_) return true;
      const Vec3 nearP = state_.camera.unproject(Vec2(screen), 0.0f, viewport);
      const Vec3 centre = state_.camera.unproject(Vec2(screen), screen.z * 0.5f + 0.5f, viewport);
      const auto hit = picker_->pick(nearP, glm::normalize(centre - nearP), shown);
      return !hit || hit->distance > glm::distance(nearP, centre) - radius - 0.3f;
    }
    // The wall nearest the eye is `radius` in front of the centerline; allow 0.3 cm slack.
    const Vec2 px = Vec2(screen) * toFb;
    const float depth = target_.readDepth(static_cast<int>(px.x), static_cast<int>(px.y));
    if (depth >= 1.0f) return false;
    const Vec3 surface = state_.camera.unproject(Vec2(screen), depth, viewport);
    const Vec3 centre = state_.camera.unproject(Vec2(screen), screen.z * 0.5f + 0.5f, viewport);
    return glm::distance(eye, surface) > glm::distance(eye, centre) - radius - 0.3f;
  };
  std::vector<std::pair<std::string, Vec2>> out;
  for (const auto& c : cands) {
    if (out.size() >= maxLabels) break;
    const std::string text = ui::labelText(a.vessels[c.vessel].id, a.vessels[c.vessel].name);
    if (text.empty()) continue;
    // Try points from the middle of the on-screen run outwards; skip the vessel if all are hidden.
    const std::size_t n = c.inside.size(), mid = n / 2;
    for (std::size_t k = 0; k < n && k < 9; ++k) {
      const std::size_t idx = k % 2 == 0 ? mid + k / 2 : mid - (k + 1) / 2;
      if (idx >= n) continue;
      if (visible(c.inside[idx].first, c.inside[idx].second)) {
        out.emplace_back(text, Vec2(c.inside[idx].first));
        break;
      }
    }
  }
  return out;
}

ui::UiModel App::uiModel(Vec2 uiSize, bool windowed) {
  ui::UiModel m;
  m.sceneName = state_.scene.name;
  m.scenePath = state_.scene.path.string();
  m.vesselCount = state_.scene.anatomy.vessels.size();
  m.landmarkCount = state_.scene.anatomy.landmarks.size();
  m.triangleCount = renderer_->triangleCount();
  m.simTime = state_.clock.time();
  m.simStep = state_.clock.dt();
  m.paused = state_.clock.paused();
  m.timeScale = state_.clock.timeScale();
  m.uiScale = state_.uiScale;
  m.theme = ui::toString(state_.theme);
  m.fullscreen = windowed && window_->fullscreen();
  m.showHelp = state_.showHelp;
  m.frameMs = frameMs_;
  m.glRenderer = gl_.renderer + " (" + gl_.version + ")";
  m.shaderErrors = shaders_->errors();
  m.sceneError = state_.sceneError;
  m.camera = &state_.camera;
  const Anatomy& an = state_.scene.anatomy;
  for (int l = 0; l < kLayerCount; ++l) {
    ui::LayerToggle t{std::string(toString(static_cast<Layer>(l))), state_.layers[static_cast<std::size_t>(l)], false};
    for (const Vessel& v : an.vessels) t.present = t.present || static_cast<int>(layerOf(v.system)) == l;
    for (const ContextModel& cm : an.models) t.present = t.present || static_cast<int>(cm.layer) == l;
    m.layers.push_back(t);
  }
  m.xray = state_.xray;
  static const char* const kAxes[] = {"off", "sagittal", "coronal", "axial"};
  m.clipAxis = kAxes[std::clamp(state_.clipAxis, 0, 3)];
  m.clipAt = state_.clipAt;
  m.clipFlip = state_.clipFlip;
  {
    Vec3 lo, hi;
    an.bounds(lo, hi);
    for (int k = 0; k < 3; ++k) m.clipRange[k] = {lo[k], hi[k]};
  }
  m.labels = state_.labels;
  if (state_.labels) {
    // Which labels show needs depth reads (a pipeline flush each under a software
    // renderer): in the window, redo it when the view changes or four times a second.
    const CameraPose pose = state_.camera.pose();
    const double now = windowed ? platform::Window::time() : 0.0;
    const bool moved = glm::distance(pose.target, labelPose_.target) > 1e-3f ||
                       std::abs(pose.distance - labelPose_.distance) > 1e-3f ||
                       std::abs(pose.yawDeg - labelPose_.yawDeg) > 1e-3f ||
                       std::abs(pose.pitchDeg - labelPose_.pitchDeg) > 1e-3f || uiSize != labelViewport_;
    if (!windowed || moved || now - labelTime_ > 0.25) {
      labelAnchors_ = labelAnchors(viewSize(uiSize));
      labelPose_ = pose;
      labelViewport_ = uiSize;
      labelTime_ = now;
    }
    m.labelAnchors = labelAnchors_;
  }
  m.warnings = state_.warnings;
  if (const hemo::Engine* e = sim().engine.get()) {
    m.hasEngine = true;
    const auto& d = e->drivers().settings();
    m.posture = std::string(hemo::toString(d.posture));
    m.activity = std::string(hemo::toString(d.activity));
    auto probe = [&](const char* id, float f) -> std::optional<hemo::NodeOutput> {
      const int node = e->network().nodeAt(an.vesselIndex(id), f);
      if (node < 0) return std::nullopt;
      return e->node(node);
    };
    // Normal ranges beside the numbers (docs/validation.md, from physiology.md §13): ankle
    // 4-10 mmHg lying, 76-95 standing still, 20-30 while walking or on tiptoe (AVP); CFV flow
    // 280-350 mL/min lying; mean RA 1-5 mmHg; a left-right iliac gradient above 2 mmHg
    // suggests a significant iliac obstruction (physiology.md §4 thresholds > 2 / > 3 mmHg).
    const bool lying = d.posture == hemo::Posture::Supine || d.posture == hemo::Posture::LegsElevated;
    const bool upright = d.posture == hemo::Posture::Standing;
    const bool moving = d.activity != hemo::Activity::Still;
    const std::string ankleNormal = lying ? "4-10" : upright ? (moving ? "20-30" : "76-95") : "";
    if (auto o = probe("great_saphenous_vein_left", 0.06f))
      m.readouts.push_back({"L ankle", o->pressureMmHg, "mmHg", ankleNormal});
    if (auto o = probe("great_saphenous_vein_right", 0.06f))
      m.readouts.push_back({"R ankle", o->pressureMmHg, "mmHg", ankleNormal});
    if (auto o = probe("common_femoral_vein_left", 0.5f))
      m.readouts.push_back({"L CFV flow", o->flowMlS * 60.0, "mL/min", lying ? "280-350" : ""});
    const auto left = probe("common_iliac_vein_left", 0.1f), right = probe("common_iliac_vein_right", 0.1f);
    if (left && right) m.readouts.push_back({"Iliac L-R", left->pressureMmHg - right->pressureMmHg, "mmHg", "< 2"});
    m.readouts.push_back({"R atrium", e->rightAtrialPressure() / hemo::kMmHg, "mmHg", "1-5"});
    // The AVP test at the left ankle, once a bout of exercise has started while standing.
    const AvpTracker& avp = sim().avp;
    if (avp.phase() != AvpTracker::Phase::Waiting) {
      const double pct = avp.baseline() > 1.0 ? 100.0 * avp.fall() / avp.baseline() : 0.0;
      m.readouts.push_back({"L AVP fall", pct, "%", "> 50"});
      if (avp.rt90() >= 0.0)
        m.readouts.push_back({"L RT90", avp.rt90(), "s", "> 20"});
      else if (avp.phase() == AvpTracker::Phase::Recovering)
        m.readouts.push_back({"L RT90 ...", e->time() - avp.exerciseEnd(), "s", "> 20"});
    }
    {
      const auto valves = hemo::selectValves(an, "left_gsv");
      const auto& rg = e->conditions().valveRegurgitant;
      m.leftGsvFailed = !valves.empty() && std::all_of(valves.begin(), valves.end(), [&](int v) {
        return static_cast<std::size_t>(v) < rg.size() && rg[static_cast<std::size_t>(v)] >= 0.5;
      });
      // May-Thurner: the largest compression on the left common iliac vein.
      const int civ = an.vesselIndex("common_iliac_vein_left");
      const hemo::Network& net = e->network();
      float lost = 0.0f;
      for (std::size_t j = 0; j < net.links.size(); ++j) {
        const hemo::Link& l = net.links[j];
        if (civ < 0 || net.nodes[static_cast<std::size_t>(l.a)].vessel != civ) continue;
        if (e->conditions().linkLesion[j] == hemo::Lesion::Compression)
          lost = std::max(lost, static_cast<float>(1.0 - e->conditions().linkArea[j]));
      }
      m.mayThurner = lost;
    }
    // Probes: live values, the last plotSeconds for the plots, a marker in 3D.
    std::vector<ProbeSample> history;
    for (const LiveProbe& lp : sim().probes.probes()) {
      ui::UiModel::ProbeView v;
      const Vessel* vessel = an.findVessel(lp.probe.vessel);
      v.name = (vessel ? vessel->name : lp.probe.vessel) + " at " +
               std::to_string(static_cast<int>(std::lround(lp.probe.fraction * 100.0))) + "%";
      const ProbeSample& last = lp.latest();
      v.pressure = last.pressure;
      v.flow = last.flow;
      v.velocity = last.velocity;
      v.diameter = last.diameter;
      v.refluxNow = lp.currentReflux(e->time());
      v.lastReflux = lp.lastReflux;
      lp.history(history);
      for (const ProbeSample& p : history)
        if (p.time >= e->time() - m.plotSeconds) {
          v.time.push_back(p.time);
          v.pressureTrace.push_back(p.pressure);
          v.velocityTrace.push_back(p.velocity);
        }
      const Vec3 sp = state_.camera.project(lp.position, viewSize(uiSize));
      v.screen = {sp.x, sp.y};
      v.onScreen = sp.z > -1.0f && sp.z < 1.0f;
      m.probes.push_back(std::move(v));
    }
    for (const io::Bookmark& b : state_.bookmarks) m.bookmarks.push_back(b.name);
    for (const Vessel& v : an.vessels) m.vessels.emplace_back(v.id, v.name);
    fillBodyModel(m);
    fillDoppler(m);
    if (state_.isolated >= 0) m.isolatedName = an.vessels[static_cast<std::size_t>(state_.isolated)].name;
    ui::UiModel::FlowDisplay& f = m.flow;
    f.particles = state_.particles;
    f.glassWalls = state_.glassWalls;
    static const char* const colors[] = {"direction", "speed", "oxygen"};
    static const char* const qualities[] = {"low", "medium", "high"};
    static const char* const maps[] = {"off", "pressure", "transmural", "velocity"};
    f.particleColor = colors[std::clamp(state_.particleColor, 0, 2)];
    f.quality = qualities[std::clamp(state_.quality, 0, 2)];
    f.wallMap = maps[static_cast<int>(state_.wallMap)];
    const WallMapRange range = wallMapRange(state_.wallMap, uprightForMap());
    f.mapLabel = range.label;
    f.mapUnit = range.unit;
    f.mapLo = range.lo;
    f.mapHi = range.hi;
    if (sim().flow) f.particleCount = sim().flow->tracers().counts().alive;
    if (sim().protocol) {
      f.protocol = sim().protocol->name;
      f.protocolTime = e->time() - sim().protocolStart;
      f.protocolDuration = sim().protocol->duration;
    }
  }
  if (state_.hovered >= 0 && state_.hovered != state_.selected)
    m.hoveredName = an.vessels[static_cast<std::size_t>(state_.hovered)].name;
  if (state_.selected >= 0) {
    const Vessel& v = an.vessels[static_cast<std::size_t>(state_.selected)];
    m.hasSelection = true;
    m.selected.id = v.id;
    m.selected.name = v.name;
    m.selected.system = std::string(toString(v.system));
    m.selected.region = std::string(toString(v.region));
    const Vessel* into = an.findVessel(v.drainsInto);
    m.selected.drainsInto = into ? into->name : v.drainsInto == kRightAtrium ? "Right atrium" : v.drainsInto == kLiverSinusoids ? "The liver's sinusoids" : "";
    m.selected.description = v.descriptionStudent;
    fillVesselLive(m.selected, state_.selected);
    m.selected.diameterMm = *std::max_element(v.radii.begin(), v.radii.end()) * 20.0f;
    m.selected.lengthCm = polylineLength(v.points);
    m.selected.valveCount = static_cast<int>(
        std::count_if(an.valves.begin(), an.valves.end(), [&](const Valve& x) { return x.vessel == v.id; }));
  }
  m.viewport = uiSize;
  if (sims_.size() > 1) {
    const Vec2 half = viewSize(uiSize);
    for (std::size_t i = 0; i < sims_.size() && i < 2; ++i) {
      ui::UiModel::View3D v{i == 0 ? 0.0f : half.x, i == 0 ? half.x : uiSize.x - half.x, sims_[i]->label,
                            side_ == 0 || side_ == static_cast<int>(i) + 1, {}};
      const double now = sims_[i]->engine ? sims_[i]->engine->time() : 0.0;
      for (const LiveProbe& lp : sims_[i]->probes.probes())
        v.readings.push_back({lp.latest().pressure, lp.currentReflux(now) > ui::kMarkerRefluxSeconds});
      m.views.push_back(std::move(v));
    }
  }
  fillLesson(m);
  fillPatient(m);
  if (video_) {
    m.recording = video_->output().string();
    m.recordedFrames = video_->framesWritten();
  }
  m.actions = actions_.docs();
  return m;
}

void App::fillLesson(ui::UiModel& m) const {
  m.lessonFiles = lessonFiles_;
  m.blackScreen = state_.blackScreen;
  m.lecture = state_.lecture;
  m.spotlight = state_.spotlight;
  m.pointer = state_.pointer;
  if (!lesson_) return;
  const LessonPlayer& p = *lesson_;
  const io::Lesson& l = p.lesson();
  const io::LessonStep& s = p.step();
  ui::UiModel::LessonView& v = m.lesson;
  v.active = true;
  v.title = l.title;
  v.level = l.level;
  v.step = p.stepIndex();
  v.steps = l.steps.size();
  for (const io::LessonStep& k : l.steps) v.stepTitles.push_back(k.title);
  v.stepTitle = s.title;
  v.patientWords = state_.patientWords;
  v.caption = state_.patientWords && !s.patient.empty() ? lessonPatientText(p.stepIndex()) : s.caption;
  v.waiting = p.waitingText();
  v.reveal = p.revealText();
  v.timedOut = p.timedOut();
  v.showSteps = state_.showLessonSteps;
  using Phase = LessonPlayer::Phase;
  v.phase = p.phase() == Phase::Asking     ? "asking"
            : p.phase() == Phase::Running  ? "running"
            : p.phase() == Phase::Revealed ? "revealed"
                                           : "finished";
  if (s.question) {
    v.ask = s.question->ask;
    v.answers = s.question->answers;
    v.chosen = p.chosen();
    v.correct = s.question->correct;
  }
  if (p.questionsAsked() > 0)
    v.score = std::to_string(p.correctAnswers()) + " of " + std::to_string(p.questionsAsked()) +
              (p.questionsAsked() == 1 ? " prediction" : " predictions") + " right";
}

bool App::overlayShown() const {
  // The ultrasound window too: `doppler N` in a lesson shows it with the panels hidden.
  return lesson_ || sims_.size() > 1 || state_.blackScreen || state_.spotlight || sim().dopplerProbe >= 0;
}

void App::drawUi(Vec2 uiSize, float dt, bool windowed, bool showPanels) {
  imgui_->setScale(pixelScale());
  imgui_->setTheme(state_.theme);
  imgui_->beginFrame(uiSize, dt);
  const bool panels = state_.showUi && showPanels;
  if (state_.patient.on) {
    // Patient mode draws its own calm layout instead of the panels (the black screen still wins).
    const ui::UiModel m = uiModel(uiSize, windowed);
    ui::drawPatient(m, imgui_->fonts(), panel_, pending_);
  } else if (panels || overlayShown()) {
    const ui::UiModel m = uiModel(uiSize, windowed);
    panel_.expandAll = state_.expandPanels;
    if (panels) ui::drawUi(m, imgui_->fonts(), panel_, pending_);
    ui::drawOverlay(m, imgui_->fonts(), panel_, pending_, panels);
  } else {
    panel_.captionTop = 0.0f;
  }
  imgui_->endFrame();
  // Keep the subject in the part of the view the control panel (left) and a lesson's caption
  // bar (bottom) leave free: shift the lens right by the panel's share of the width and up by
  // the bar's share of the height (NDC spans 2, so a bar of h px moves the centre by h/H).
  // Side by side the panel covers only the left view, so nothing moves sideways. On screen
  // it glides there; a headless picture snaps.
  Vec2 goal{0.0f};
  if ((panels || state_.patient.on) && sims_.size() == 1 && uiSize.x > 0.0f)
    goal.x = (panel_.panelRight - (state_.patient.on ? panel_.rightInset : 0.0f)) / uiSize.x;
  if (panel_.captionTop > 0.0f && uiSize.y > 0.0f) goal.y = (uiSize.y - panel_.captionTop) / uiSize.y;
  Vec2 shift = state_.camera.lensShift();
  shift = windowed ? shift + (goal - shift) * std::min(1.0f, dt * 8.0f) : goal;
  if (glm::distance(goal, shift) < 1e-3f) shift = goal;
  state_.camera.setLensShift(shift);
  lensMoving_ = shift != goal;
}

}  // namespace venaviz

namespace venaviz {

void App::fillDoppler(ui::UiModel& m) {
  Simulation& s = sim();
  if (s.dopplerProbe < 0 || static_cast<std::size_t>(s.dopplerProbe) >= s.probes.probes().size() || !s.engine ||
      !s.flow)
    return;
  const LiveProbe& lp = s.probes.probes()[static_cast<std::size_t>(s.dopplerProbe)];
  doppler_.update(lp, *s.engine, state_.scene.anatomy, s.flow->lumen(), s.provocationTime);
  const int cols = DopplerView::kColumns, rows = doppler_.bins();
  if (!dopplerTex_)
    dopplerTex_ = render::makeTexture({.width = cols,
                                       .height = rows,
                                       .filter = GL_LINEAR,
                                       .data = doppler_.pixels().data(),
                                       .label = "doppler.spectrum"});
  glBindTexture(GL_TEXTURE_2D, dopplerTex_.id());
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, cols, rows, GL_RGBA, GL_UNSIGNED_BYTE, doppler_.pixels().data());
  ui::UiModel::DopplerDisplay& d = m.doppler;
  d.shown = true;
  d.probe = s.dopplerProbe;
  d.name = m.probes[static_cast<std::size_t>(s.dopplerProbe)].name;
  d.texture = dopplerTex_.id();
  d.columns = cols;
  d.rows = rows;
  d.rangeCmS = doppler_.rangeCmS();
  d.seconds = static_cast<float>(DopplerView::kSeconds);
  d.refluxUp = doppler_.spectrum().settings().direction == flow::DopplerDirection::RefluxUp;
  d.system = std::string(toString(doppler_.system()));
  d.squeezeSide = lp.probe.vessel.ends_with("_right") ? "right" : "left";
  const flow::RefluxEpisode& r = doppler_.reflux();
  d.measured = doppler_.measured();
  d.found = r.found;
  d.ongoing = r.ongoing;
  d.pathological = r.pathological;
  d.duration = r.durationS;
  d.cutoff = static_cast<float>(hemo::refluxCutoffS(doppler_.system()));
  d.peak = r.peakCmS;
  const auto end = static_cast<float>(doppler_.endTime());
  d.startAgo = end - r.startS;
  d.endAgo = end - r.endS;
  const flow::CrossSection& c = doppler_.section();
  auto copy = [](const flow::SectionPolygon& p, std::vector<Vec2>& out) {
    out.assign(p.points.begin(), p.points.begin() + p.count);
  };
  copy(c.outer, d.outer);
  copy(c.lumen, d.lumen);
  copy(c.clot, d.clot);
  d.artery = c.artery;
  d.arteryCentre = c.arteryCentreMm;
  d.arteryRadius = c.arteryRadiusMm;
  d.freeArea = c.freeAreaMm2;
  d.referenceArea = c.referenceAreaMm2;
  d.width = 2.0f * c.semiMajorMm;
  d.depth = 2.0f * c.semiMinorMm;
}

}  // namespace venaviz
