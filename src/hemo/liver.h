#pragma once
// The liver's readouts (issue 15; docs/liver.md): portal, sinusoidal (wedged) and free hepatic
// venous pressures, the hepatic venous pressure gradient, the flows in and out of the liver,
// what the portosystemic collaterals and a TIPS carry, and the ascites that forms when the
// sinusoids' filtrate outruns the liver's lymph:
//   J  = J0 + Kf (Ps - Ps0)                 hepatic lymph formation (the sinusoids let protein
//                                           through, so oncotic pressure does not oppose it)
//   J0 = 37.5 mL/h                          25-50% of the ~100 mL/h of the thoracic duct
//   Jmax = 3 J0                             thoracic-duct conductance 3x normal in cirrhosis
//                                           without ascites
//   Kf from the threshold: J = Jmax when the HVPG reaches 12 mmHg, where ascites appears
//   ascites = max(0, J - Jmax)
// Every number is in LiverParams with its source (liver.cpp). Pure functions of an engine.
#include <string>
#include <vector>

#include "hemo/engine.h"

namespace venaviz::hemo {

struct LiverParams {
  double thoracicDuctMlH = 0.0;  ///< resting thoracic-duct lymph flow
  double hepaticLymphShare = 0.0;  ///< share of it the liver makes
  double lymphMaxFactor = 0.0;     ///< the most the liver's lymph can carry, x resting
  double ascitesHvpgMmHg = 0.0;    ///< HVPG at which ascites appears
};
LiverParams defaultLiverParams();

struct CollateralFlow {
  std::string id, name;
  double flowMlMin = 0.0;  ///< > 0: away from the portal system (portosystemic)
};

struct LiverReadout {
  bool present = false;  ///< the scene has a portal system
  double portalMmHg = 0.0;        ///< main portal vein
  double wedgedMmHg = 0.0;        ///< sinusoidal pressure (what a wedged catheter reads)
  double freeHepaticMmHg = 0.0;   ///< right hepatic vein near the IVC
  double upstreamHepaticMmHg = 0.0;  ///< right hepatic vein in the liver (above a block at its end)
  double hvpgMmHg = 0.0;          ///< wedged - free, at one height
  double portosystemicMmHg = 0.0; ///< portal vein - IVC at the hepatic veins, at one height
  double portalFlowMlMin = 0.0;   ///< into the liver by the portal branches (< 0: hepatofugal)
  double splanchnicInflowMlMin = 0.0;  ///< gut and spleen capillaries into the portal veins
  double hepaticArteryMlMin = 0.0;
  double hepaticVeinsMlMin = 0.0;      ///< sinusoids out by the three main hepatic veins
  double caudateMlMin = 0.0;           ///< sinusoids out by the caudate lobe veins
  double tipsMlMin = 0.0;
  double azygosMlMin = 0.0;            ///< azygos into the SVC
  std::vector<CollateralFlow> collaterals;  ///< portosystemic routes
  double collateralMlMin = 0.0;        ///< their sum
  double collateralShare = 0.0;        ///< of the splanchnic inflow
  double lymphMlH = 0.0;               ///< hepatic lymph formed
  double ascitesMlDay = 0.0;           ///< what the lymph cannot carry away
};

/// The readout of the engine's state now (instantaneous: beats and breaths move it).
LiverReadout readLiver(const Engine& engine, const Anatomy& anatomy, const LiverParams& p = defaultLiverParams());
/// Steps the engine for `seconds` and averages the readout over them.
LiverReadout averageLiver(Engine& engine, const Anatomy& anatomy, double seconds, double dt = 1.0 / 240.0);
/// Blends `next` into `avg` (weight w of next), for the app's smoothed readouts.
void blendLiver(LiverReadout& avg, const LiverReadout& next, double w);

/// One line for reports: "portal 7.1 mmHg, wedged 6.6, free 3.5, HVPG 3.1 mmHg; ...".
std::string describeLiver(const LiverReadout& r);

}  // namespace venaviz::hemo
