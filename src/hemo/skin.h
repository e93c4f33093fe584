#pragma once
// Skin changes and ulcer risk from the walking venous pressure: what published series associate
// with a leg's ambulatory venous pressure and years of untreated reflux, as a CEAP clinical
// class to draw on the gaiter area. An association drawn from groups of patients, never a
// diagnosis of one leg; every number and every threshold is named in skin.cpp.
#include <string>

#include "anatomy/anatomy.h"
#include "hemo/engine.h"

namespace venaviz::hemo {

/// CEAP clinical classes drawn (Eklof 2004, Lurie 2020; physiology.md §11). C1 is not drawn.
enum class Ceap { C0, C2, C3, C4a, C4b, C6 };
std::string_view toString(Ceap c);        ///< "C0", "C2", "C3", "C4a", "C4b", "C6"
std::string_view describe(Ceap c);        ///< plain words: "varicose veins", "swelling", ...

struct SkinEstimate {
  double avpMmHg = 0.0;           ///< walking venous pressure at the ankle used
  bool reflux = false;            ///< valves of this leg fail (superficial or deep)
  double years = 0.0;             ///< of untreated reflux
  double ulcerPct = 0.0;          ///< ulcers among limbs at this AVP (Nicolaides 1993 bands)
  double skinChangePct = 0.0;     ///< chance of swelling or skin changes (C3-C6) by now
  Ceap ceap = Ceap::C0;           ///< the class drawn
};

/// Ulcer prevalence (%) among limbs with an ambulatory venous pressure of `avpMmHg`.
double ulcerAssociationPct(double avpMmHg);
/// The estimate for a leg with this walking pressure, reflux and years of it.
SkinEstimate estimateSkin(double avpMmHg, bool reflux, double years);

/// The walking venous pressure at a leg's ankle (great saphenous vein 6 % from its start, where
/// the AVP test measures): an engine of `anatomy` with `conditions`, standing, settled, then 40 s
/// of walking; the mean of the last 20 s (mmHg). side: +1 left, -1 right.
double walkingAnklePressure(const Anatomy& anatomy, const Conditions& conditions, int side);
/// Whether the leg's valves fail: any valve of a vein on that side at least half regurgitant.
bool legReflux(const Anatomy& anatomy, const Conditions& conditions, int side);

}  // namespace venaviz::hemo
