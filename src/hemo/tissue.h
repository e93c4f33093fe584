#pragma once
// Swelling: fluid that leaves the capillaries of each lower leg by Starling's law, waits in the
// interstitium and goes back to the veins as lymph. One lumped tissue per lower leg (below the
// knee), a slow state (interstitial fluid volume) beside the engine's fast one:
//   Jv = Kf [(Pc - Pt) - sigma (pi_p - pi_i)]          filtration, m^3/s
//   Pt = Pi(dVi) + P_ext                                 tissue pressure: the interstitium's own
//                                                        plus what a stocking presses on the skin
//   Pc = Pc_supine + s (Pv - Pv_supine)                  capillary pressure follows the venous
//                                                        pressure (measured slope, foot)
//   Kf x (1 - (1 - k_var) v(Pv))                         the venoarteriolar reflex closes
//                                                        capillaries when the veins are full
//   JL = JL0 (1 + g max(Pt - Pt0, 0)) x pump, <= JLmax   lymph
//   d(dVi)/dt = Jv - JL
// Pv is the engine's venous pressure at the leg's capillary beds (with its hydrostatic head);
// the calf muscles' pressure while they pump adds to the tissue pressure. Resting lymph is the
// supine steady state's filtration (a consequence, checked against the published estimate). The filtered fluid leaves the
// veins at those beds and the lymph joins them at the left venous angle (Engine::nodeSources),
// so blood + interstitial fluid is conserved. Every number is in TissueParams with its source.
#include <array>
#include <vector>

#include "hemo/engine.h"

namespace venaviz::hemo {

struct TissueParams {
  double tissueVolume = 0.0;         ///< m^3, one lower leg
  double kf = 0.0;                   ///< m^3/(s Pa), one lower leg, supine
  double varFactor = 0.0;            ///< Kf x this once the venoarteriolar reflex is full
  double varStart = 0.0;             ///< Pa of venous pressure where the reflex begins
  double varFull = 0.0;              ///< Pa of venous pressure where it is full
  double capillarySupine = 0.0;      ///< Pa, capillary pressure of the supine foot
  double capillarySlope = 0.0;       ///< dPc/dPv
  double sigma = 0.0;                ///< reflection coefficient for plasma proteins
  double plasmaOncotic = 0.0;        ///< Pa
  double interstitialOncotic0 = 0.0; ///< Pa, at normal hydration (supine)
  double interstitialVolume0 = 0.0;  ///< m^3, normal interstitial fluid of one lower leg
  double pt0 = 0.0;                  ///< Pa, interstitial pressure at normal hydration
  double complianceNormal = 0.0;     ///< m^3/Pa near normal hydration (stiff)
  double complianceOedema = 0.0;     ///< m^3/Pa once oedematous (the gel gives way)
  double kneeVolume = 0.0;           ///< m^3 of extra fluid where the compliance changes
  double lymphGain = 0.0;            ///< per Pa of tissue pressure above pt0
  double lymphMaxFactor = 0.0;       ///< the most lymph can carry, x resting lymph
  double lymphPumpWalking = 0.0;     ///< x lymph while the calf muscle pumps
  double skinTransmission = 0.0;     ///< share of a stocking's pressure that reaches the tissue
  double kneeHeightCm = 0.0;         ///< beds below it drain the lower leg
};

/// The default parameters, each with its source beside it (tissue.cpp).
TissueParams defaultTissueParams();

/// The time-averaged drive of one lower leg's capillaries (a day's protocol holds one per
/// posture and activity).
struct TissueDrive {
  double capillaryPressure = 0.0;  ///< Pa
  double kf = 0.0;                 ///< m^3/(s Pa), after the venoarteriolar reflex
  double externalPressure = 0.0;   ///< Pa on the tissue from the skin (a stocking's share)
  double musclePressure = 0.0;     ///< Pa of the calf muscles while they pump (time-averaged)
  double lymphPump = 1.0;          ///< x lymph
};

struct LegTissueState {
  double extraVolume = 0.0;           ///< m^3 of interstitial fluid above normal
  double filtration = 0.0;            ///< m^3/s, last step
  double lymph = 0.0;                 ///< m^3/s, last step
  double tissuePressure = 0.0;        ///< Pa, last step (interstitium + external)
  double capillaryPressure = 0.0;     ///< Pa, last step
  double interstitialOncotic = 0.0;   ///< Pa, last step
  double filteredTotal = 0.0;         ///< m^3 filtered since the start
  double lymphTotal = 0.0;            ///< m^3 returned as lymph since the start
};

class Tissue {
 public:
  /// Finds each lower leg's capillary beds in the engine's network and the lymph's way back
  /// (the start of the left brachiocephalic vein, else the superior vena cava). The engine must
  /// be at its supine rest (as built): its venous pressure there is the capillary pressure's
  /// reference, and the filtration there is the resting lymph (restingLymph()).
  Tissue(const Anatomy& anatomy, const Engine& engine, const TissueParams& params = defaultTissueParams());

  /// The drive of leg `leg` (0 left, 1 right) from the engine's state now.
  TissueDrive drive(const Engine& engine, int leg) const;
  /// One step coupled to the engine: drives from its state, integrates the tissue, and sets
  /// the filtration and lymph as the engine's node sources for its next step.
  void step(Engine& engine, double dt);
  /// Advances the tissue alone by `seconds` under fixed drives (a time-compressed day: the
  /// engine's fast dynamics averaged); the engine is not touched.
  void advance(const std::array<TissueDrive, 2>& drives, double seconds, double maxStep = 10.0);

  const LegTissueState& leg(int i) const { return legs_[static_cast<std::size_t>(i)]; }
  LegTissueState& leg(int i) { return legs_[static_cast<std::size_t>(i)]; }
  const TissueParams& params() const { return p_; }
  /// m^3/s per lower leg: the supine filtration, which lymph carries away at normal hydration.
  double restingLymph() const { return lymph0_; }
  /// Tissue pressure (interstitium alone, Pa) at `extraVolume` m^3 above normal.
  double interstitialPressure(double extraVolume) const;
  /// Lower-leg volume change, m^3: the interstitial fluid (the venous volume is the engine's).
  double swelling(int legIndex) const { return leg(legIndex).extraVolume; }
  /// Lymph return node, the beds of each leg (engine bed indices).
  int lymphNode() const { return lymphNode_; }
  const std::vector<int>& beds(int legIndex) const { return beds_[static_cast<std::size_t>(legIndex)]; }

 private:
  void integrate(LegTissueState& s, const TissueDrive& d, double dt) const;
  double venousPressure(const Engine& engine, int leg) const;  ///< Pa at the leg's beds, flow-weighted
  TissueParams p_;
  std::array<LegTissueState, 2> legs_{};
  std::array<std::vector<int>, 2> beds_;
  int lymphNode_ = -1;
  std::array<double, 2> pvSupine_{};
  /// Per bed of beds_: the named vein compartment nearest its small veins (whose external
  /// pressure is what a stocking puts on the skin there).
  std::array<std::vector<int>, 2> skinNode_;
  std::array<std::vector<int>, 2> calfNodes_;  ///< deep calf compartments (the pump's pressure)
  double lymph0_ = 0.0;
};

}  // namespace venaviz::hemo
