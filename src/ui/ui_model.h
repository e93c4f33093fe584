#pragma once
// What the UI reads each frame: a plain snapshot of app state. The UI never mutates state;
// it returns action strings ("view anterior", "time_scale 2") that the app applies.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/camera.h"

namespace venaviz::ui {

struct ActionDoc {
  std::string usage;  ///< e.g. "view NAME"
  std::string doc;    ///< one line
  std::string keys;   ///< key binding(s), may be empty
};

/// The vessel the user picked, as the info card shows it.
struct VesselCard {
  std::string id, name, system, region, drainsInto;
  std::string description;  ///< student level
  std::string patientText;  ///< patient level
  int valveCount = 0;
  int failedValves = 0;
  float diameterMm = 0.0f;  ///< largest lumen diameter along it
  float lengthCm = 0.0f;
  /// Live numbers at its middle (hasLive: it is a simulated vein).
  bool hasLive = false;
  float pressure = 0.0f, flow = 0.0f, velocity = 0.0f, liveDiameter = 0.0f;  ///< mmHg, mL/min, cm/s, mm
  std::string lesion;  ///< e.g. "90% thrombus", "70% compressed", "closed"; empty if none
};

struct LayerToggle {
  std::string name;  ///< "deep", "bones", ...
  bool visible = true;
  bool present = false;  ///< the scene has something on this layer
};

struct UiModel {
  std::string sceneName;
  std::string scenePath;
  std::size_t vesselCount = 0;
  std::size_t landmarkCount = 0;
  std::size_t triangleCount = 0;

  double simTime = 0.0;  ///< s
  double simStep = 0.0;  ///< s per fixed step
  bool paused = false;
  double timeScale = 1.0;

  float uiScale = 1.0f;  ///< 1..3
  std::string theme = "dark";
  bool fullscreen = false;
  bool showHelp = false;
  float frameMs = 0.0f;  ///< smoothed frame time

  std::string glRenderer;
  std::vector<std::string> shaderErrors;
  std::string sceneError;  ///< last failed scene load (previous scene kept)

  std::vector<LayerToggle> layers;
  bool xray = true;
  bool labels = true;
  std::string clipAxis = "off";  ///< off, sagittal, coronal, axial
  float clipAt = 0.0f;           ///< cm
  bool clipFlip = false;
  Vec2 clipRange[3];                                       ///< the body's extent along x, y, z (cm), for the slider
  std::vector<std::pair<std::string, Vec2>> labelAnchors;  ///< vessel name, screen position
  std::string hoveredName;                                 ///< vessel under the cursor, if any
  bool hasSelection = false;
  VesselCard selected;
  std::vector<std::string> warnings;  ///< e.g. a context model that could not be read

  struct Readout {
    std::string label;
    double value = 0.0;
    std::string unit;
    std::string normal;  ///< normal range for the current posture and activity, "" if none
  };
  bool hasEngine = false;
  std::string posture, activity;
  std::vector<Readout> readouts;  ///< live numbers from the engine
  /// A day of swelling playing or played ("day PLAN"): the left and right lower legs' extra
  /// fluid (mL) at each sample up to the time-lapse's clock, the plan's length and leg volume.
  struct DayPlot {
    std::string name;
    std::vector<float> left, right;
    float hours = 8.0f, limbMl = 2348.0f;
  };
  std::optional<DayPlot> day;
  bool leftGsvFailed = false;     ///< every valve of the left great saphenous vein incompetent
  float mayThurner = 0.0f;        ///< lumen lost where the right common iliac artery crosses (0..0.95)

  /// A live probe as the Probes window shows it.
  struct ProbeView {
    std::string name;                                                      ///< "Left great saphenous vein at 6%"
    float pressure = 0.0f, flow = 0.0f, velocity = 0.0f, diameter = 0.0f;  ///< mmHg, mL/s, cm/s, mm
    double refluxNow = 0.0;                                 ///< s of backward flow in the current episode (0: forwards)
    double lastReflux = 0.0;                                ///< s, the last completed episode
    std::vector<float> time, pressureTrace, velocityTrace;  ///< last seconds, oldest first
    Vec2 screen{0.0f};                                      ///< marker position, logical pixels
    bool onScreen = false;
  };
  std::vector<std::pair<std::string, std::string>> vessels;  ///< (id, display name), for search
  std::string isolatedName;                                  ///< vessel shown alone, "" if none
  std::vector<std::string> bookmarks;                        ///< saved view names
  std::vector<ProbeView> probes;
  std::string clickMode = "select";  ///< select, probe, valve, thrombus
  float clotLengthCm = 6.0f, clotOcclusion = 0.9f;

  /// The body's settings as the Body and Conditions sections show them.
  struct BodySettings {
    float tiltDeg = 0.0f;
    float cadence = 100.0f;  ///< steps/min
    bool breathing = true;
    float breathingRate = 12.0f, breathingDepth = 1.0f;
    std::string tourniquet = "off";  ///< left, right, off
    float stockingsMmHg = 0.0f;      ///< at the left ankle
    float abdominalMmHg = 0.0f;      ///< raised abdominal pressure
    float jugularStenosis = 0.0f;    ///< lumen lost, right internal jugular
    int fistulas = 0;
  };
  BodySettings body;
  /// What is wrong (or treated) in the body now, one plain line each.
  std::vector<std::string> activeConditions;
  std::string undoLabel, redoLabel;  ///< the commands undo and redo would revert, "" if none
  double plotSeconds = 20.0;         ///< time span of the probe plots

  /// The simulated duplex ultrasound of one probe: spectral Doppler and cross-section.
  struct DopplerDisplay {
    bool shown = false;
    int probe = 0;  ///< 0-based
    std::string name;
    std::uintptr_t texture = 0;  ///< GL texture of the spectrum (columns x rows, RGBA8)
    int columns = 0, rows = 0;
    float rangeCmS = 10.0f;  ///< the image spans +-range
    float seconds = 8.0f;    ///< time across the image
    bool refluxUp = true;    ///< reflux drawn above the baseline
    std::string system;      ///< "superficial", "deep", "perforator"
    std::string squeezeSide = "left";
    // The reflux after the last provocation (Valsalva, squeeze, cuff) within the image.
    bool measured = false, found = false, ongoing = false, pathological = false;
    float duration = 0.0f, cutoff = 0.5f, peak = 0.0f;  ///< s, s, cm/s
    float startAgo = 0.0f, endAgo = 0.0f;               ///< s before the right edge
    // Cross-section at the probe, mm (x: patient's left, y: posterior).
    std::vector<Vec2> outer, lumen, clot;
    bool artery = false;
    Vec2 arteryCentre{0.0f};
    float arteryRadius = 0.0f;
    float freeArea = 0.0f, referenceArea = 1.0f;  ///< mm^2
    float width = 0.0f, depth = 0.0f;             ///< lumen across x and y, mm
  };
  DopplerDisplay doppler;
  std::string recording;  ///< where a video is being recorded, "" if none
  int recordedFrames = 0;

  /// How the blood is shown (the "Blood" section and the legend).
  struct FlowDisplay {
    bool particles = true;
    bool glassWalls = true;
    std::string particleColor = "direction";  ///< direction, speed, oxygen
    std::string quality = "medium";           ///< low, medium, high
    std::string wallMap = "off";              ///< off, pressure, transmural, velocity
    std::string mapLabel, mapUnit;
    float mapLo = 0.0f, mapHi = 1.0f;
    std::size_t particleCount = 0;
    std::string protocol;  ///< name of the protocol playing, empty if none
    double protocolTime = 0.0, protocolDuration = 0.0;
  };
  FlowDisplay flow;

  const OrbitCamera* camera = nullptr;
  Vec2 viewport{1280.0f, 800.0f};  ///< logical pixels
  /// Side by side: the 3D views (left edge and width, logical pixels), the label above each,
  /// and whether the body's actions act on it. Empty: one view over the whole viewport.
  struct View3D {
    float x = 0.0f, width = 0.0f;
    std::string label;
    bool acting = true;
    /// This body's reading at each probe (the markers are at the same place in both views).
    /// A marker says "reflux" once the backward flow has lasted longer than kMarkerRefluxSeconds:
    /// 0.5 s separates a valve's normal closing flow from reflux in a superficial vein (the
    /// probe window's criterion).
    struct Reading {
      float pressure = 0.0f;  ///< mmHg
      bool reflux = false;    ///< flowing backwards now
    };
    std::vector<Reading> readings;
  };
  std::vector<View3D> views;
  /// The lesson playing (docs/lesson-format.md): what the caption bar, the question and the
  /// step list show.
  struct LessonView {
    bool active = false;
    std::string title, level, stepTitle, caption, waiting, reveal, score;
    std::size_t step = 0, steps = 0;
    std::vector<std::string> stepTitles;
    std::string phase;  ///< asking, running, revealed, finished
    std::string ask;
    std::vector<std::string> answers;
    int chosen = -1, correct = -1;
    bool timedOut = false;
    bool showSteps = false;     ///< the list of steps to jump to
    bool patientWords = false;  ///< captions in plain words
  };
  LessonView lesson;
  /// Lessons found in scenes/lessons: title and file.
  std::vector<std::pair<std::string, std::string>> lessonFiles;
  bool blackScreen = false;  ///< presenter's B: the projector shows black
  bool lecture = false;      ///< lecture mode: large captions, high contrast
  bool spotlight = false;    ///< a soft light circle follows the pointer
  Vec2 pointer{-1.0f};       ///< logical pixels
  std::vector<ActionDoc> actions;  ///< for the help overlay

  /// Patient mode (docs/patient-mode.md): every text already in the chosen language.
  struct PatientView {
    bool active = false;
    bool kiosk = false;  ///< no way out: the exit button is not drawn
    std::string title, problemHeading, situationHeading;
    struct Button {
      std::string action, label;
      bool selected = false;
    };
    std::vector<Button> problems, situations;
    std::string back, restart, zoomIn, zoomOut, resetView, exit, tapHint;
    bool canGoBack = false;
    std::vector<std::pair<std::string, std::string>> languages;  ///< (code, name in its language)
    std::string language;                                        ///< current code
    std::vector<std::string> captions;                           ///< sentences
    std::string gaugeTitle;
    std::string gaugeWords[3];  ///< low, normal, high
    int gaugeLevel = 1;
    float gaugePosition = 0.5f;  ///< 0..1 along the bar
    std::string tapped;          ///< plain name of the vein tapped, "" if none
  };
  PatientView patient;
};

using Actions = std::vector<std::string>;

inline constexpr double kMarkerRefluxSeconds = 0.5;

}  // namespace venaviz::ui
