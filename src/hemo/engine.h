#pragma once
// The hemodynamic engine: a lumped-parameter model of the venous circulation built from the
// anatomy (engine.md §3.3). State: compartment volumes V, link flows Q, valve states zeta.
// Step: backward Euler (L-stable), Newton on pressures with a sparse SPD system
// diag(C/dt) + G (Eigen SimplicialLDLT, pattern analysed once), exact mass bookkeeping
// (V^{n+1} = V^n + dt * sum of the final link flows), exponential valve-state update.
#include <memory>
#include <string>
#include <vector>

#include "anatomy/anatomy.h"
#include "hemo/drivers.h"
#include "hemo/network.h"
#include "hemo/params.h"
#include "hemo/tube_law.h"

namespace venaviz::hemo {

/// What narrowed a link (for display: a compressed vein is drawn pinched, a thrombus fills the
/// lumen inside a normal wall, a closed (ablated, ligated) vein shrinks). The flow uses linkArea.
enum class Lesion : std::uint8_t { None, Compression, Thrombus, Closure };

/// What the user changes: valve competence, narrowings, external pressures. Plain data.
struct Conditions {
  std::vector<double> valveRegurgitant;  ///< per anatomy valve: 0 competent .. 1 absent (M_rg)
  std::vector<double> linkArea;          ///< per link: lumen fraction left (1 open .. 0 occluded)
  std::vector<Lesion> linkLesion;        ///< per link: the cause of linkArea < 1 (None when open)
  std::vector<double> nodeExternal;      ///< per compartment: extra external pressure, Pa (stockings, clothing)
  std::vector<double> bedScale;          ///< per bed: inflow multiplier (1 normal)
  /// Arteriovenous fistulas: (compartment, conductance m^3/(s Pa)) from arterial pressure.
  std::vector<std::pair<int, double>> fistulas;
};

/// Per-compartment outputs in clinical units.
struct NodeOutput {
  double pressureMmHg = 0.0, transmuralMmHg = 0.0, areaCm2 = 0.0, diameterMm = 0.0, volumeMl = 0.0, flowMlS = 0.0,
         velocityCmS = 0.0;
};

struct StepStats {
  int newtonIterations = 0;
  /// Newton steps: largest |mass residual| * dt when the iteration stopped. Linearly implicit
  /// steps solve one linear system and book its flows, so mass is exact and there is no
  /// residual to report (0); their accuracy is checked by the physics and validation tests.
  double massResidualMl = 0.0;
  bool linearlyImplicit = false;
};

class Engine {
 public:
  /// Builds the network from the anatomy's veins and settles a supine steady state.
  Engine(const Anatomy& anatomy, const Params& params = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const Network& network() const { return net_; }
  const Params& params() const { return params_; }
  Drivers& drivers() { return drivers_; }
  const Drivers& drivers() const { return drivers_; }
  Conditions& conditions() { return cond_; }
  const Conditions& conditions() const { return cond_; }

  /// Advances by dt seconds (the app uses 1/240 s). Returns convergence statistics.
  StepStats step(double dt);
  /// Runs with large implicit steps to a steady state (for initialisation), without advancing
  /// the drivers' clock beyond `seconds` of averaged forcing.
  void settle(double seconds, double dt = 0.02);
  double time() const { return t_; }

  // --- outputs ---
  NodeOutput node(int i) const;
  double pressure(int i) const { return p_[static_cast<std::size_t>(i)]; }  ///< Pa
  double volume(int i) const { return V_[static_cast<std::size_t>(i)]; }    ///< m^3
  double areaRatio(int i) const;                                            ///< A / A0
  double linkFlow(int j) const { return Q_[static_cast<std::size_t>(j)]; }  ///< m^3/s, a -> b
  double valveOpening(int valve) const { return zeta_[static_cast<std::size_t>(valve)]; }
  /// Duration (s) of the last completed reverse-flow episode through a valve, and of the current one.
  double valveLastReflux(int valve) const { return lastReflux_[static_cast<std::size_t>(valve)]; }
  double valveCurrentReflux(int valve) const { return currentReflux_[static_cast<std::size_t>(valve)]; }
  double rightAtrialPressure() const { return pRA_; }  ///< Pa
  /// Blood in the network (m^3), total inflow from beds and outflow to the atrium so far (m^3).
  double totalVolume() const;
  double cumulativeInflow() const { return inflowTotal_; }
  double cumulativeOutflow() const { return outflowTotal_; }
  double bedFlow(int bed) const { return bedQ_[static_cast<std::size_t>(bed)]; }  ///< m^3/s
  /// Fluid that leaves or joins the veins outside the links and beds, per compartment, m^3/s
  /// (> 0 in): capillary filtration into the tissues (< 0) and lymph coming back (> 0), set
  /// by the tissue model (hemo/tissue.h) before each step and held until changed.
  std::vector<double>& nodeSources() { return source_; }
  /// What the sources have added so far, m^3 (a filtering body: negative).
  double cumulativeSource() const { return sourceTotal_; }

 private:
  void updateDrivers();
  void updateValves(double dt);
  void linkCoefficients(std::size_t j, double dt, double& g, double& offset) const;
  void assemblePattern();

  Params params_;
  Network net_;
  Drivers drivers_;
  Conditions cond_;
  std::vector<TubeLaw> law_;
  double t_ = 0.0;
  // state
  std::vector<double> V_, Q_, zeta_;
  // derived per step
  std::vector<double> p_, C_, pext_, h_, Qk_;
  std::vector<double> V0_, alpha_, area_;  ///< per node: unstressed volume; this iterate's a and A
  double hRA_ = 0.0;
  Posture heightsPosture_ = Posture::Supine;
  double heightsTilt_ = 0.0;
  bool heightsValid_ = false;
  std::vector<double> lastDp_, lastReflux_, currentReflux_, bedQ_;
  double pRA_ = 0.0, inflowTotal_ = 0.0, outflowTotal_ = 0.0, sourceTotal_ = 0.0;
  std::vector<double> source_;
  struct Solver;
  std::unique_ptr<Solver> solver_;
};

}  // namespace venaviz::hemo
