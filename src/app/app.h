#pragma once
// The application: owns the window, GL objects, the scene and the clock; applies actions;
// runs the interactive loop or renders headless frames through the same code.
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "anatomy/pick.h"
#include "app/actions.h"
#include "app/doppler_view.h"
#include "app/flow_view.h"
#include "app/lesson_player.h"
#include "app/patient.h"
#include "app/probes.h"
#include "app/simulation.h"
#include "core/camera.h"
#include "core/fixed_step.h"
#include "core/image.h"
#include "hemo/engine.h"
#include "hemo/scenario.h"
#include "io/scene.h"
#include "io/settings.h"
#include "io/strings.h"
#include "io/video.h"
#include "platform/input.h"
#include "render/gl_context.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace venaviz {

/// The browser build keeps the settings file in the page's localStorage under this key.
inline constexpr const char* kSettingsStorageKey = "venaviz.settings";
/// The skin's outward offset per mL of a lower leg's extra tissue fluid (app.cpp says why), and
/// how many times the swelling is drawn larger than it is (the panel's readout says so).
inline constexpr double kSwellCmPerMl = 1.0 / (2.0 * 3.14159265 * 4.5 * 34.0);
inline constexpr double kSwellShownTimes = 10.0;

namespace platform {
class Window;
}
namespace render {
class ShaderLibrary;
}
class ImGuiLayer;

struct AppOptions {
  std::optional<std::filesystem::path> scene;  ///< default: scenes/default.json
  bool headless = false;                       ///< hidden window: a GL context for offscreen renders only
  int width = 1280;                            ///< window size, logical pixels (default: 1280x800)
  int height = 800;
  bool fullscreen = false;
  float uiScale = 0.0f;  ///< 1..3; 0 (default): from the settings file, else 1
  /// MSAA samples; -1 (default) picks 4 on a GPU and 0 on a software renderer (llvmpipe),
  /// where multisampling would cost about half the frame (docs/performance.md).
  int samples = -1;
  bool vsync = true;
  /// The user's settings file (UI scale, particle quality and colours, labels, last scene): read
  /// at start, written when the window closes. Unset (tests, headless renders): none.
  std::optional<std::filesystem::path> settingsFile;
  /// Actions to run once the first frames are on screen, separated by ';' (for scripts and
  /// tests of the real window path), e.g. "view left; screenshot a.png; quit".
  std::string startupActions;
  int monitor = 0;  ///< full screen on this monitor (1-based; 0: the primary)
  bool lecture = false;  ///< start in lecture mode (full screen, UI scale 2, high contrast, panels hidden)
  std::optional<std::filesystem::path> lesson;  ///< a lesson to open at start
  bool patient = false;  ///< start in patient mode (--patient)
  /// Patient mode locked (--kiosk): full screen, no way out of it, the settings file untouched.
  bool kiosk = false;
  std::string language;  ///< patient mode's language ("en", "es", "fr"); "": the settings file's, else English
};

/// What a click on a vein does.
enum class ClickMode { Select, Probe, Valve, Thrombus };

/// Everything the app knows that is not a GL object nor a simulation. Plain data.
struct AppState {
  Scene scene;
  bool hasScene = false;
  OrbitCamera camera;
  FixedStepClock clock;
  float uiScale = 1.0f;
  ui::Theme theme = ui::Theme::Dark;
  bool showHelp = false;
  bool showUi = true;
  bool expandPanels = false;  ///< every section of the control panel open
  /// Clipping plane through the body: axis 0 off, 1 sagittal (cuts at x), 2 coronal (y),
  /// 3 axial (z); what lies on the near side of `clipAt` (cm) is cut away, the other side when
  /// flipped.
  int clipAxis = 0;
  float clipAt = 0.0f;
  bool clipFlip = false;
  bool quit = false;
  std::string sceneError;
  std::vector<std::string> warnings;  ///< non-fatal scene problems (a missing model file)
  std::array<bool, kLayerCount> layers{true, true, true, true, true, true, true, true, true};
  bool xray = true;
  bool labels = true;
  int selected = -1;                        ///< vessel index
  int hovered = -1;                         ///< vessel index under the cursor
  std::vector<render::VesselStyle> styles;  ///< vessels, then valves
  bool stylesDirty = true;
  // How the blood is shown.
  bool particles = true;
  bool glassWalls = true;
  int particleColor = 0;  ///< 0 direction, 1 speed, 2 oxygen saturation
  int quality = 1;        ///< particle budget: 0 low (16k), 1 medium (50k), 2 high (200k); low on llvmpipe
  WallMap wallMap = WallMap::Off;
  /// Whether a click places a probe (or a clot, or toggles a valve) instead of selecting.
  ClickMode clickMode = ClickMode::Select;
  float clotLengthCm = 6.0f;   ///< clots placed by a click
  float clotOcclusion = 0.9f;  ///< lumen fraction they fill
  /// Vessel shown alone with its direct neighbours (-1: all).
  int isolated = -1;
  bool blackScreen = false;      ///< the presenter's B key
  bool lecture = false;          ///< lecture mode (--lecture)
  bool spotlight = false;        ///< a light circle follows the pointer
  bool patientWords = false;     ///< lesson captions in plain words
  bool showLessonSteps = false;  ///< the lesson's list of steps
  Vec2 pointer{-1.0f};
  /// Named camera views (kept in the settings file).
  std::vector<io::Bookmark> bookmarks;
  /// Patient mode: big buttons, plain words, captions from the body's state (docs/patient-mode.md).
  struct Patient {
    bool on = false;
    bool kiosk = false;  ///< locked in patient mode
    patient::Choice choice;
    std::vector<patient::Choice> history;  ///< earlier choices, for Back
    std::string language = "en";
  } patient;
};

/// A lesson's action that failed when it ran: its step (0-based) and "ACTION: why".
struct LessonFailure {
  std::size_t step = 0;
  std::string message;
};

class App {
 public:
  explicit App(const AppOptions& options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Interactive loop until the window closes. Returns an exit code. In the browser it hands
  /// the frames to the page and returns at once (the app must then outlive the call).
  int run();
  /// One frame of the interactive loop (false: the window closed or `quit` ran).
  bool runFrame();
  /// After the last frame: settings saved, the frame-rate line. Returns the exit code.
  int endRun();

  /// Loads a scene, replacing the current one only on success; throws venaviz::Error.
  void loadScene(const std::filesystem::path& path);
  /// Runs one action command; throws venaviz::Error on bad input.
  void apply(const std::string& command);
  /// Runs an action and reports a failure in the log and on screen instead of throwing.
  bool applyReported(const std::string& command);
  /// Advances simulated time by whole fixed steps covering `seconds`.
  void simulate(double seconds);
  /// Runs "ACTION; wait S; ACTION ..." without a window: actions apply at once and "wait S"
  /// lets S seconds of simulated time pass (the window's --do script waits real time instead).
  /// Throws venaviz::Error on a bad action.
  void runScript(const std::string& script);
  /// Renders one frame offscreen at width x height pixels (optionally with the UI).
  Image renderImage(int width, int height, bool withUi);
  /// One timed headless frame for `venaviz bench`: the engine advanced by `frameSeconds` of
  /// simulated time, the particles moved, the per-frame data uploaded, the scene drawn
  /// offscreen (glFinish included). Milliseconds per part.
  struct FrameTiming {
    double engineMs = 0.0, particlesMs = 0.0, uploadMs = 0.0, drawMs = 0.0;
  };
  FrameTiming benchFrame(int width, int height, double frameSeconds);
  /// Depth-buffer pick: the surface point under a pixel of the last frame, if any.
  std::optional<Vec3> surfacePointAt(Vec2 pixel) const;
  /// The visible vessel under a window position (logical pixels), by ray casting.
  std::optional<PickHit> vesselAt(Vec2 windowPos) const;
  /// Vessels whose labels the label layer shows, with their screen anchors.
  std::vector<std::pair<std::string, Vec2>> labelAnchors(Vec2 viewport) const;
  bool vesselVisible(std::size_t index) const;
  /// The clipping plane as the renderer takes it (dot(xyz, p) < w is cut away).
  Vec4 clipPlane() const;
  /// Whether the wall colour map uses the upright (0-100 mmHg) or lying (0-20 mmHg) range.
  bool uprightForMap() const;

  /// The simulation the body's actions act on (the first, or the one `side` picked).
  Simulation& sim() { return *sims_[active_]; }
  const Simulation& sim() const { return *sims_[active_]; }
  /// One simulation, or two side by side.
  std::size_t simCount() const { return sims_.size(); }
  /// The 3D renderer (null before the GL context exists); tests reach its switches here.
  render::SceneRenderer* sceneRenderer() { return renderer_.get(); }
  /// Labels hidden behind other vessels found by rays against the tubes on the CPU instead of
  /// depth reads (the browser build, where depth cannot be read back; settable for tests).
  void setLabelsByPicking(bool on) { labelsByPicking_ = on; }
  Simulation& sim(std::size_t i) { return *sims_.at(i); }
  const Simulation& sim(std::size_t i) const { return *sims_.at(i); }
  /// Which simulations the body's actions act on side by side: 0 both, 1 left, 2 right.
  int side() const { return side_; }

  /// Opens a lesson (its scene too, if it names one) and starts it; throws venaviz::Error
  /// naming the file, the step and the key. Checked against the scene and the actions first.
  void openLesson(const std::filesystem::path& file);
  /// Checks a lesson's actions, measures and views against this app and its scene.
  void checkLesson(const io::Lesson& lesson) const;
  /// The lesson playing (null: none).
  const LessonPlayer* lesson() const { return lesson_.get(); }
  LessonPlayer* lesson() { return lesson_.get(); }
  /// Runs the lesson's pending actions (and its reset before a jump).
  void runLessonActions();
  /// The lesson's actions that failed since the last call, each with its step.
  std::vector<LessonFailure> takeLessonFailures() { return std::exchange(lessonFailures_, {}); }
  /// A lesson measure now (nullopt where it is not defined yet, e.g. RT90 before exercise).
  std::optional<double> lessonMeasure(const io::LessonMeasure& m) const;
  /// The presenter's key while a lesson plays (next, back, steps, restart, an answer), if it
  /// is one: the action it runs (what clickers send: Right/PageDown/Space, Left/PageUp).
  std::optional<std::string> lessonKeyAction(platform::Key key, bool repeat) const;

  AppState& state() { return state_; }
  const AppState& state() const { return state_; }
  const ActionRegistry& actions() const { return actions_; }
  /// The snapshot of app state the panels draw from (fills the duplex display's texture).
  ui::UiModel uiModel(Vec2 uiSize, bool windowed);
  /// The duplex display as last drawn (valid after a frame with the UI and a probe open).
  const DopplerView& dopplerView() const { return doppler_; }
  const render::GlInfo& glInfo() const { return gl_; }
  /// MSAA samples in use (after the automatic choice).
  int samples() const { return options_.samples; }
  /// The camera pose a scene asks for at the current aspect ratio.
  CameraPose scenePose(std::optional<View> view = std::nullopt) const;

 private:
  void registerActions();
  void registerBodyActions();
  void registerCompareActions();
  void registerLessonActions();
  void registerPatientActions();
  /// Sets a patient-mode choice up on the body (its camera too when the problem changed).
  void applyPatientChoice(const patient::Choice& choice, bool camera);
  /// Patient mode's buttons, captions, gauge and tapped vessel for the UI.
  void fillPatient(ui::UiModel& m) const;
  /// What patient mode changed, put back when it ends.
  struct PatientRestore {
    bool labels = true, showUi = true;
  } patientRestore_;
  io::StringTable strings_;                                   ///< patient mode's language over English
  std::vector<std::pair<std::string, std::string>> languages_;  ///< (code, name) in assets/i18n
  void findLanguages();
  /// A lesson step's patient caption in the current language (its English text when untranslated).
  std::string lessonPatientText(std::size_t step) const;
  /// Each body's particle pool: the quality's budget shared between the bodies shown (side
  /// by side each gets half, so a frame costs what one body costs and density stays even).
  std::size_t bodyParticleBudget(std::size_t bodies) const;
  /// Argument checks that change nothing, for checking lessons before they play.
  void registerValidators();
  /// Back to the scene's starting state before a lesson (or a jump in it).
  void resetForLesson();
  /// The lesson's tick: measures after each engine step (actions wait for the frame's end).
  void lessonStep(double seconds);
  std::unique_ptr<LessonPlayer> lesson_;
  std::vector<LessonFailure> lessonFailures_;
  bool runningLessonActions_ = false;  ///< the lesson's actions are running (their time is not the step's)  ///< actions of the lesson that failed, not yet taken
  /// What lecture mode changed, put back when it ends (and saved instead of it).
  struct LectureRestore {
    float uiScale = 1.0f;
    ui::Theme theme = ui::Theme::Dark;
    bool showUi = true;
  } lectureRestore_;
  std::vector<std::pair<std::string, std::string>> lessonFiles_;  ///< found in scenes/lessons
  void findLessons();
  /// Starts the side-by-side view: a second simulation with the first one's body, probes and
  /// time; labels above each.
  void compareOn(const std::string& leftLabel, const std::string& rightLabel);
  void compareOff();
  /// The size of one 3D view (half the width side by side), logical pixels.
  Vec2 viewSize(Vec2 viewport) const;
  using BodyParams = venaviz::BodyParams;
  BodyParams bodyParams() const { return sim().bodyParams(); }
  void restoreBody(const BodyParams& params) { sim().restoreBody(params); }
  /// Runs an action, keeping an undo step when it changes the body; side by side, on the
  /// simulations it concerns.
  void applyTracked(const std::string& command);
  void applyOne(const std::string& command, const std::vector<std::string>& words);
  /// The action a click on a vein runs in the current click mode ("" in select mode).
  std::string clickCommand(const PickHit& hit) const;
  /// Resets what follows one engine (AVP and calf trackers, undo history, defaults).
  void resetBodyTracking();
  static constexpr std::size_t kUndoDepth = 100;
  /// The body's settings, active conditions, undo labels and click mode for the panels.
  void fillBodyModel(ui::UiModel& m) const;
  /// The picked vein's live numbers and lesions for its card.
  void fillVesselLive(ui::VesselCard& card, int vessel) const;
  /// Applies the settings file (if any); returns the scene it asks for, if any.
  std::optional<std::filesystem::path> applySettings();
  io::Settings settingsNow() const;
  /// The look's per-body swelling and skin changes (each frame, from the bodies' tissues).
  void fillBodyLook();
  void saveSettings();
  void registerKeyDocs();
  void handleInput(const std::vector<platform::InputEvent>& events);
  void stepSimulation(int steps);
  /// Replaces the engine (settled supine) and the flow view built on it.
  void rebuildEngine();
  /// Fires the playing protocol's events that are due at the engine's current time.
  void applyDueEvents();
  void renderScene(int fbWidth, int fbHeight);
  void uploadFrameData(int fbHeight);
  /// The live state and particles of one simulation into the renderer.
  void uploadSimulation(Simulation& sim);
  void drawScene(int fbWidth, int fbHeight);
  /// One frame of UI: the panels when shown (and `showPanels`), the overlay when it has
  /// something to show (a lesson, two bodies, the black screen or the spotlight).
  void drawUi(Vec2 uiSize, float dt, bool windowed, bool showPanels = true);
  bool overlayShown() const;
  /// The lesson, side-by-side and presenter fields of the UI model.
  void fillLesson(ui::UiModel& m) const;
  void uploadScene();
  void refreshStyles();
  float pixelScale() const;

  struct RunLoop;
  std::unique_ptr<RunLoop> loop_;
  AppOptions options_;
  AppState state_;
  std::vector<std::unique_ptr<Simulation>> sims_;  ///< one, or two side by side
  std::size_t active_ = 0;                         ///< the one sim() returns
  int side_ = 0;                                   ///< body actions side by side: 0 both, 1, 2
  std::unique_ptr<platform::Window> window_;
  render::GlInfo gl_;
  std::unique_ptr<render::ShaderLibrary> shaders_;
  std::unique_ptr<render::SceneRenderer> renderer_;
  bool labelsByPicking_ = !render::RenderTarget::depthReadable();
  render::RenderTarget target_;
  std::unique_ptr<ImGuiLayer> imgui_;
  ActionRegistry actions_;
  ui::PanelState panel_;
  std::unique_ptr<VesselPicker> picker_;
  render::SceneLook look_;
  Vec2 pressPos_{0.0f};
  bool movedSincePress_ = false;
  std::vector<std::string> pending_;
  float frameMs_ = 0.0f;
  Vec2 lastViewport_{1280.0f, 800.0f};
  bool lensMoving_ = false;  ///< the lens shift is still gliding to the caption bar's goal
  bool dragging_ = false;
  double startTime_ = 0.0;          ///< platform time when the app began (for the first-frame figure)
  std::vector<float> stateTexels_;  ///< reused each frame
  DopplerView doppler_;
  std::unique_ptr<io::VideoWriter> video_;  ///< recording the 3D view (window only)
  double videoFps_ = 30.0;
  render::Texture dopplerTex_;
  /// Builds the duplex display of the open probe (texture upload included) into the UI model.
  void fillDoppler(ui::UiModel& m);
  double lastEngineMs_ = 0.0, lastParticlesMs_ = 0.0;     ///< the last stepSimulation, for bench
  std::vector<flow::Tracers::State> particleStates_;      ///< reused: particles' vessels
  std::vector<flow::ParticleInstance> visibleParticles_;  ///< reused: those in shown vessels
  // Label anchors of the last update (the window refreshes them on camera moves and at 4 Hz).
  std::vector<std::pair<std::string, Vec2>> labelAnchors_;
  CameraPose labelPose_;
  Vec2 labelViewport_{0.0f};
  double labelTime_ = -1.0;
};

}  // namespace venaviz
