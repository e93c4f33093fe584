#pragma once
// Model parameters in SI (Pa, m, m^3, s), each with its source. One set for every scenario:
// conditions change the anatomy's state (valves, narrowings, pressures), never these numbers.
#include "core/units.h"

namespace venaviz::hemo {

inline constexpr double kMmHg = units::kPaPerMmHg;

struct Params {
  // --- blood (engine.md §2.1) ---
  double rho = 1060.0;  ///< kg/m^3 (Whittle ModelParameters.jl)
  double mu = 0.0035;   ///< Pa s (Mueller-Toro-style repo; Whittle uses 0.004)
  double gravity = 9.80665;

  // --- tube law (engine.md §1.2, §2.2): P_tm = Kp (a^m - a^n), a = A/A0 ---
  double tubeM = 10.0;          ///< distension exponent (Shapiro; physiology.md §6)
  double tubeN = -1.5;          ///< collapse exponent
  double kpVein = 1.0 * kMmHg;  ///< Pa; engine.md §2.2 "single segment 0.5-3 mmHg (calibrate)"
  /// Wall viscosity (Voigt): p = P_tm(a) + eta da/dt, Pa s. Veins are viscoelastic; the term damps
  /// the sloshing between large compliant veins that a purely elastic lumped model overstates.
  /// Engineering value (no source in the references): 2 mmHg s per unit area ratio.
  double wallViscosity = 2.0 * kMmHg;
  /// Wall stiffness multiplier of veins in bony canals (vertebral veins in the transverse
  /// foramina, the vertebral venous plexus in the spinal canal). Engineering value, chosen by a
  /// criterion, not fitted: it keeps them at least 75% open at -15 mmHg transmural pressure (the
  /// upright neck), where ordinary veins collapse. The upright vertebral share of cerebral
  /// outflow is sensitive to it: 34% at 10x, 53% at 30x (published 80-90%, docs/validation.md).
  double boneCanalStiffness = 10.0;
  double alphaMin = 0.03;  ///< below: C1 linear extension (engine.md §1.2 handling, 0.02-0.05)
  double alphaMax = 3.0;   ///< above: C1 linear extension

  // --- discretisation ---
  /// true: one linearised (Rosenbrock-Euler) solve per step; false: Newton to 1e-6 mL.
  bool linearlyImplicit = true;
  double segmentLength = 0.04;  ///< m; "a few cm" per compartment (issue 4; engine.md §3.5: 3-5 cm)

  // --- valves: Mynard et al. 2012 (engine.md §1.5, §2.3) ---
  /// K_vo, K_vc in 1/(Pa s): 0.005 cm^2/(dyn s) x 10, inside the venous range 0.002-0.015
  /// cm^2/(dyn s) derived from Lurie 2003 opening/closing times (engine.md §1.5).
  double valveKvo = 0.05;
  double valveKvc = 0.05;
  /// Reverse flow sweeps the cusps shut: extra closing rate = valveReverseClose x reverse
  /// velocity (1/m). 250/m closes a valve in ~0.2 s at 2 cm/s of reflux, so competent valves
  /// stop reflux well inside the 0.5 s normal limit (physiology.md §5). Engineering choice: the
  /// Mynard pressure term alone closes too slowly when reverse pressure differences are tiny.
  double valveReverseClose = 250.0;
  double valveMrgHealthy = 1e-4;   ///< engine.md §1.5 numerical note: M_rg >= 1e-4
  double valveLengthFactor = 1.5;  ///< l_eff = factor x diameter (engine.md §2.3: 1-2 x d)

  // --- capillary inflow (engine.md §1.9, §2.5) ---
  double map = 93.0 * kMmHg;             ///< mean arterial pressure at heart level (engine.md §2.5)
  double bedVenousTarget = 8.0 * kMmHg;  ///< supine venous pressure used to size R_micro (physiology.md §4: 4-7 ankle)

  // --- central pressures (engine.md §2.6, §1.8 option B; physiology.md §3) ---
  double thoracicBaseline = -4.0 * kMmHg;      ///< CVSim
  double thoracicUprightShift = -3.5 * kMmHg;  ///< x sin(tilt) (Whittle/Heldt)
  double abdominalBaseline = 5.0 * kMmHg;      ///< ~5 mmHg in healthy people (physiology.md §8)
  double abdominalBreathingGain = 0.7;         ///< P_abd rises 0.5-1 x the thoracic fall (engine.md §1.7)
  double raMean = 3.0 * kMmHg;                 ///< mean RAP 3 (1-5) mmHg (Miller's Anesthesia)
  double raWaveA = 3.0 * kMmHg;                ///< a wave ~6 mmHg peak above a 3 mmHg mean
  double raWaveC = 1.0 * kMmHg;                ///< small c wave (engine.md §1.8)
  double raWaveV = 2.0 * kMmHg;                ///< v wave ~5 mmHg
  double heartRate = 67.0;                     ///< beats/min (Whittle)
  double breathingRate = 12.0;                 ///< breaths/min (Whittle; issue: 12-16)
  double breathingSwing = 2.2 * kMmHg;         ///< pleural -5 -> -7.5/-8 cmH2O (physiology.md §8)
  double icp = 10.0 * kMmHg;                   ///< intracranial pressure (Whittle p_icp = 10)

  // --- the liver (issue 15; physiology-liver-swelling.md §1, docs/liver.md) ---
  /// Share of the liver's inflow that comes by the portal vein: 70-80% (physiology.md §3;
  /// "75% to 80%", Lautt via abdominalkey "Liver blood flow"); the hepatic artery brings the rest.
  double portalShare = 0.75;
  /// Share of portal flow from the superior mesenteric vein: 5.7 of 13.7 mL/min/kg (Burkart,
  /// Johnson, Ehman, AJR 1993, cine phase-contrast MRI); the splenic vein's tree brings the rest.
  double smvShare = 0.42;
  /// Pressure drop across the sinusoids at the resting liver flow: the HVPG (wedged - free
  /// hepatic venous pressure), normal 1-5 mmHg (Berzigotti et al. 2013; Suk 2014). The model's HVPG
  /// adds the hepatic veins' own drop between the sinusoids and a free catheter (about 2 mmHg at
  /// rest), so 1.5 here gives an HVPG of about 3.5, the middle of the range.
  double sinusoidalDrop = 1.5 * kMmHg;
  /// Drop from the portal vein into the sinusoids at rest. In a normal liver the wedged pressure
  /// approximates the portal pressure (Lautt: portal and deep lobar venous pressures "not
  /// significantly different"), so most of the resistance is sinusoidal: 0.5 mmHg (engineering).
  double presinusoidalDrop = 0.5 * kMmHg;
  /// Blood in the sinusoids: hepatic blood volume is 10-15% of the blood volume, 60% of it in
  /// the sinusoids (Lautt 1977; Greenway & Stark 1971, via abdominalkey "Liver blood flow");
  /// with 5 L of blood: 300-450 mL.
  double sinusoidVolumeMl = 375.0;
  /// Tube-law stiffness of the dural venous sinuses: dura held open by bone and the falx, they do
  /// not collapse when the jugular veins do (an engineering value, stiff like the lumped sinus the
  /// engine used before the sinuses were drawn).
  double duralSinusKp = 20.0 * kMmHg;
  /// Tube-law stiffness of the internal jugular veins. Upright, the collapsed IJV keeps a near-zero
  /// transmural pressure along its length (Holmlund P et al., Fluids Barriers CNS 2017;14:17: area
  /// 94.5 -> 6.5 +- 5.1 mm^2 supine -> sitting, as a hydrostatic-viscous balance at zero
  /// transmural pressure predicts). With the veins' 1 mmHg the model's IJV only collapsed to 14% of
  /// its area at -15 mmHg; a thin wall on a 7 mm radius (Kp ~ E h^3 / 12 R^3) is far more
  /// compliant. 0.25 mmHg (engineering): the seated area falls in Holmlund's range (13.9 mm^2) and
  /// the IJV still shows the RA's a/v pattern (validation 8.ijv_pattern, 0.80; at 0.1 mmHg the
  /// collapse is closer to Holmlund's mean but the softer vein damps the pattern to 0.78).
  /// Validation case 11 reports the seated area, the outflow route by posture, and the seated IJV
  /// pressure, which stays negative here (a known miss).
  double kpJugular = 0.25 * kMmHg;
  /// Share of the brain's venous outflow that leaves by the superior sagittal sinus: 443 mL/min
  /// on phase-contrast MRI in 14 healthy volunteers (Gideon P et al., Acta Radiol 1996;37:171)
  /// of the 740 mL/min total outflow (Ciuti 2013, physiology.md §12): 0.6. The straight sinus
  /// (the deep veins) takes the rest.
  double sagittalShare = 0.6;
  /// Portosystemic collaterals are networks of tortuous channels, not the straight tube drawn:
  /// Poiseuille's law for their drawn width would make them nearly free. Each instead gets a
  /// lumped resistance, so that fully developed it carries the flow of an "advanced" collateral,
  /// over 310 mL/min (with a width over 8.7 mm: Kondo et al. WJG 2015;21:8894), at a gradient of
  /// 12 mmHg, the HVPG above which varices bleed (Suk 2014). Opening it less (condition
  /// collateral_development) scales the resistance by 1/open^2.
  double collateralDevelopedFlowMlMin = 310.0;
  double collateralDevelopedGradient = 12.0 * kMmHg;

  // --- muscle pumps (engine.md §1.6, §2.6) ---
  double calfPumpPeak = 180.0 * kMmHg;  ///< soleus intramuscular peak walking 181 +- 69 (Ballard 1998)
  double thighPumpFraction = 0.25;      ///< thigh EF ~15% vs calf ~65% (thoracickey): smaller squeeze
  double footPumpFraction = 0.5;        ///< plantar veins emptied on weight bearing (engineering)
  double valsalva = 35.0 * kMmHg;       ///< +30-40 mmHg (physiology.md §8)
};

}  // namespace venaviz::hemo
