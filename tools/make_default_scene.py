#!/usr/bin/env python3
"""Generate scenes/default.json, venaviz's default scene: the veins of both legs, the pelvis, the
abdomen (IVC, renal, gonadal, lumbar and hepatic veins), the azygos system, the superior vena cava
and the neck veins, with their valves and the arteries needed for context.

Standard library only. Run from anywhere:

    python3 tools/make_default_scene.py

Sources (all in the shared reference folder):
  * anatomy.md    - "Venous atlas reference: landmarks and vessel centrelines in one 3D frame".
                    Section numbers below (e.g. "A4.3") point into it; "A7.1" is its valve table.
  * physiology.md - "Venous physiology reference". "P1a" is its section 1a (diameters), "P2" its
                    valve table, "P9" its May-Thurner table.

Frame: body frame in cm. x towards the patient's LEFT, y POSTERIOR, z SUPERIOR; origin on the
floor midway between the heels (A1.1). Bilateral structures are tabulated for the LEFT side
(x > 0) exactly as in anatomy.md and mirrored (x -> -x) for the right (A0.3). Asymmetric
structures (IVC, aorta, common iliac vessels, renal, gonadal, lumbar and ascending lumbar veins,
azygos and hemiazygos, hepatic veins, brachiocephalic veins, SVC) carry their real x.

Vein waypoints run in the direction of flow (periphery -> heart), artery waypoints from the
heart outwards (A4 conventions). Radii are lumen radii = diameter / 2, in cm.

Tags copied from anatomy.md: [S] read in a source, [S*] from physiology.md, [R] recalled
textbook value, [D] derived, [UE] unsourced estimate. "EST" marks a value this script had to
choose itself (interpolation between sourced values, or an assumption); each one says why.

The script validates the scene (unique ids, drainage targets, array sizes, radii against the
reference ranges, junction distances, anatomical relations, artery/vein tube clearance, valve
ids/positions/counts, description lengths) and exits non-zero with a message if anything is
wrong. On success it prints one summary line (vessels, valves, landmarks).
"""

import json
import math
import os
import re
import sys

# ----------------------------------------------------------------------------------------------
# Scene header
# ----------------------------------------------------------------------------------------------

SCENE_NAME = "Venous system from the feet to the neck"
SCENE_DESCRIPTION = (
    "Superficial, deep and perforating veins of both legs with their valves, the pelvic veins and "
    "collaterals, the inferior vena cava with its renal, gonadal, lumbar and hepatic tributaries, "
    "the azygos system, the superior vena cava and the veins of the neck, with the aorta, iliac, "
    "femoral and popliteal arteries for context. Geometry of one standing 175 cm adult man from "
    "the project's anatomy reference (anatomy.md)."
)
VIEW = {"preset": "anterior"}  # target and distance: fitted to the anatomy by the app

SYSTEMS = {"deep", "superficial", "perforator", "central", "collateral", "artery"}
REGIONS = {"leg", "pelvis", "abdomen", "liver", "neck", "thorax", "head"}

# Junction tolerance: a tributary's last point must lie within parent radius + this (cm) of
# the parent's centreline polyline.
JUNCTION_SLACK_CM = 0.5

# Paired venae comitantes: each member is offset this far (cm) from the pair centreline given
# in A4.2. A4.2: "Model each pair as two tubes about 0.5-0.8 cm apart, straddling the artery."
PAIR_HALF_SPACING_CM = 0.35

# ----------------------------------------------------------------------------------------------
# LEFT leg and left pelvic veins (mirrored for the right). Each row: ((x, y, z), radius).
# drains_into uses "{side}" for the same side's vessel.
# ----------------------------------------------------------------------------------------------

# Great saphenous vein, waypoints G0..G11, A4.1 table "Great saphenous vein (GSV)".
# Radii: A4.1 "Suggested radius profile: 3.7 mm at G11, 2.5 mm at G10, 1.9 mm at G7-G9,
# 1.7 mm at G5, 1.4 mm at G3, 1.2 mm at G1" (built on Mendoza 2013 [S*]: SFJ 7.5 mm,
# proximal thigh 3.7 mm diameter; knee/ankle [UE]). G0, G2, G4, G6 are EST (see rows).
GSV = [
    ((1.8, -13.0, 4.0), 0.12),   # G0 medial marginal vein, start; r EST = G1 value
    ((1.9, -9.5, 8.5), 0.12),    # G1 2.5 cm anterior to the medial malleolus; r A4.1 profile
    ((3.6, -8.0, 15.0), 0.13),   # G2 medial surface of distal tibia; r EST interp G1..G3
    ((3.7, -7.0, 28.0), 0.14),   # G3 mid-leg behind medial tibial border; r A4.1 profile
    ((3.0, -7.2, 40.0), 0.16),   # G4 proximal tibia (Boyd region); r EST interp G3..G5
    ((2.8, -6.6, 48.0), 0.17),   # G5 knee, behind medial femoral condyle; r A4.1 profile
    ((2.0, -8.8, 58.0), 0.18),   # G6 distal thigh, medial; r EST interp G5..G7
    ((1.5, -10.3, 66.0), 0.19),  # G7 junction of middle/lower thirds (Dodd); r A4.1 profile
    ((1.9, -13.7, 75.0), 0.19),  # G8 mid-thigh over sartorius; r A4.1 profile
    ((3.2, -16.8, 84.0), 0.19),  # G9 femoral triangle; r A4.1 profile (P1a 3.7 mm prox. thigh)
    ((4.3, -18.8, 88.0), 0.25),  # G10 below the saphenous opening; r A4.1 profile
    ((4.8, -17.0, 90.8), 0.37),  # G11 SFJ on the CFV wall; r A4.1 / P1a 7.5 mm at SFJ
]

# Small saphenous vein, waypoints S0..S8, A4.1 table "Small saphenous vein (SSV)".
# Radii: A4.1 "about 3 mm (2-4) [UE]/[S*]", P1a "~3 (normal) UE". The gentle taper from
# 2.4 mm at the foot to 4 mm at the SPJ is EST, kept inside the 2-4 mm range.
#
# The SSV starts at the LATERAL END of the dorsal venous arch (A4.1 DVA "(8.8, -14.5, 3.5)"): the
# first segment is the lateral marginal vein ("Its lateral end continues as the lateral marginal
# vein -> SSV", A4.1), so the arch and the SSV meet. That point is [D] from A4.1; r EST = S0 value.
SSV = [
    ((8.8, -14.5, 3.5), 0.12),   # lateral end of the dorsal venous arch (A4.1 DVA); r EST
    ((9.2, -10.0, 3.0), 0.12),   # S0 lateral marginal vein; r EST
    ((8.9, -3.5, 6.0), 0.13),    # S1 behind/below lateral malleolus; r EST
    ((7.3, -1.5, 12.0), 0.14),   # S2 lateral border of Achilles tendon; r EST
    ((6.4, -0.2, 20.0), 0.15),   # S3 onto the calf; r A4.1 ~3 mm
    ((6.1, 1.0, 28.0), 0.15),    # S4 midline of the calf; r A4.1 ~3 mm
    ((6.3, 1.2, 36.0), 0.15),    # S5 between gastrocnemius heads; r A4.1 ~3 mm
    ((6.8, -1.3, 44.0), 0.16),   # S6 lower popliteal fossa; r EST
    ((6.9, -3.2, 48.0), 0.18),   # S7 turns deep; r EST
    ((6.9, -4.4, 49.5), 0.20),   # S8 SPJ on posterior wall of popliteal vein (PV3); r EST (4 mm)
]

# Paired venae comitantes: PAIR CENTRELINES from A4.2; the two members are generated by
# offsetting +-0.35 cm (see make_pair). Radii: A4.2 / P1a "2-5 mm [UE]" per vein; the distal ->
# proximal taper inside that range is EST.
PTV_PAIR = [  # A4.2 "Posterior tibial veins (PTV)", T0..T5
    ((2.6, -4.5, 8.0), 0.15),    # T0 behind the medial malleolus
    ((3.9, -4.7, 14.0), 0.16),   # T1
    ((4.6, -5.0, 22.0), 0.17),   # T2
    ((4.8, -5.2, 28.0), 0.18),   # T3 mid-calf (A4.2 cross-section: (4.8, -5.2))
    ((5.3, -5.3, 35.0), 0.19),   # T4
    ((5.8, -5.4, 39.0), 0.20),   # T5 unites with peroneal veins -> tibioperoneal trunk
]
PERONEAL_PAIR = [  # A4.2 "Peroneal (fibular) veins", F0..F3 + junction with the PTV
    ((7.4, -5.0, 10.0), 0.15),   # F0 behind the distal tibiofibular joint
    ((8.2, -5.0, 20.0), 0.16),   # F1
    ((8.5, -5.3, 28.0), 0.17),   # F2 next to the fibula
    ((7.8, -5.5, 35.0), 0.18),   # F3
    ((5.8, -5.4, 39.0), 0.20),   # joins the PTV = start of the tibioperoneal trunk
]
ATV_PAIR = [  # A4.2 "Anterior tibial veins (ATV)", AT0..AT5 (usually the smallest pair: r EST)
    ((5.5, -10.3, 7.0), 0.13),   # AT0 front of the ankle
    ((6.6, -8.6, 15.0), 0.14),   # AT1
    ((7.6, -7.9, 28.0), 0.15),   # AT2 on the interosseous membrane
    ((7.6, -7.3, 38.0), 0.16),   # AT3
    ((7.4, -6.3, 40.5), 0.17),   # AT4 through the gap above the membrane
    ((6.4, -5.1, 41.5), 0.18),   # AT5 = PV0, joins to form the popliteal vein
]

# Tibioperoneal trunk, A4.2 "(5.8, -5.4, 39.0) -> (6.4, -5.1, 41.5) = PV0".
# Radius EST: a single trunk is larger than each paired vein (A4.2), and smaller than the
# popliteal vein (6.4-6.8 mm, P1a Hertzberg 1997).
TIBIOPERONEAL_TRUNK = [
    ((5.8, -5.4, 39.0), 0.30),
    ((6.4, -5.1, 41.5), 0.32),   # = PV0
]

# Popliteal vein PV0..PV6, A4.3 table "Popliteal vein (PopV)".
# Radii: P1a / A4.3 "6.4-6.8 mm" (Hertzberg 1997 [S*]) -> 0.32-0.34; 0.34 around the SPJ is
# EST (A4.3 mentions "about 7-10 mm near the SPJ [UE]"; kept conservative).
POPLITEAL_VEIN = [
    ((6.4, -5.1, 41.5), 0.33),   # PV0 lower border of popliteus
    ((6.5, -4.9, 44.0), 0.33),   # PV1 gastrocnemius veins join ~z 45-47
    ((6.8, -4.6, 47.5), 0.34),   # PV2 joint line, vein directly posterior to artery
    ((6.9, -4.8, 49.5), 0.34),   # PV3 SSV enters (SPJ)
    ((7.0, -5.0, 52.0), 0.34),   # PV4 fossa centre
    ((7.6, -6.4, 58.0), 0.33),   # PV5 vein posterolateral
    ((7.9, -7.6, 62.5), 0.33),   # PV6 adductor hiatus = FV0
]

# Femoral vein FV0..FV4, A4.3 table "Femoral vein (FV)".
# Radii: P1a / A4.3 "6.4-6.8 mm in the mid and distal thigh" (Hertzberg 1997 [S*]).
FEMORAL_VEIN = [
    ((7.9, -7.6, 62.5), 0.33),   # FV0 adductor hiatus
    ((8.0, -10.2, 66.0), 0.33),  # FV1 lower adductor canal
    ((7.6, -12.3, 74.0), 0.33),  # FV2 mid adductor canal
    ((6.8, -13.8, 82.0), 0.34),  # FV3 apex of femoral triangle
    ((5.6, -15.8, 88.5), 0.34),  # FV4 confluence with DFV = CFV0
]

# Deep femoral vein D3..D0, A4.3 "Deep femoral vein". Radii: A4.3 / P1a "about 6-8 mm [UE]";
# the taper towards the confluence is EST.
DEEP_FEMORAL_VEIN = [
    ((9.8, -9.5, 66.0), 0.30),   # D3 near the linea aspera
    ((9.2, -10.5, 74.0), 0.32),  # D2
    ((7.6, -13.0, 82.0), 0.34),  # D1
    ((5.7, -15.3, 88.3), 0.36),  # D0 joins the FV from posterolateral (CFV0)
]

# Common femoral vein CFV0..CFV2, A4.3 "Common femoral vein".
# Radius: P1a / A4.3 "about 10.5 mm (AP, supine)" (Hertzberg 1997 [S*]) -> 0.52.
# CFV2 0.56 is EST: a ramp towards the EIV (12.8 mm) so the tube has no step at the ligament.
COMMON_FEMORAL_VEIN = [
    ((5.6, -15.8, 88.5), 0.52),  # CFV0 FV-DFV confluence
    ((5.2, -16.3, 90.8), 0.52),  # CFV1 GSV enters anteromedially (SFJ)
    ((5.0, -16.2, 94.2), 0.56),  # CFV2 deep to the inguinal ligament -> EIV
]

# External iliac vein E0..E3, A4.4 "External iliac vein (EIV)".
# Radius: A4.4 / P1a "12.8-13.5 mm (IVUS)" [S*] -> 0.64-0.68. E0 0.58 is EST (ramp from CFV).
EXTERNAL_ILIAC_VEIN = [
    ((5.0, -16.2, 94.2), 0.58),  # E0 = CFV2, behind the inguinal ligament
    ((6.0, -14.6, 97.0), 0.62),  # E1 medial to the EIA; r EST (ramp)
    ((5.6, -12.6, 99.5), 0.64),  # E2 posteromedial to the EIA
    ((4.3, -11.0, 101.0), 0.64), # E3 joins the IIV -> CIV (= LC0)
]

# Internal iliac vein I0..I2, A4.4 "Internal iliac vein (IIV)".
# Radius: A4.4 / P1a "about 10-12 mm [UE]" -> 0.5-0.6; taper EST.
INTERNAL_ILIAC_VEIN = [
    ((5.8, -8.5, 96.5), 0.50),   # I0 upper part of greater sciatic foramen
    ((5.3, -9.5, 98.5), 0.52),   # I1
    ((4.3, -11.0, 101.0), 0.55), # I2 = LC0, forms the CIV with the EIV
]

# ----------------------------------------------------------------------------------------------
# More LEFT-side veins (mirrored for the right): foot, superficial tributaries, calf muscle veins,
# perforators, neck. Rows: ((x, y, z), radius), in the direction of flow.
# ----------------------------------------------------------------------------------------------

# Dorsal venous arch, A4.1 "Dorsal venous arch (DVA)": lateral -> medial (8.8, -14.5, 3.5) ->
# apex (5.5, -17.0, 5.0) -> (2.3, -16.0, 4.0); "Diameter 2-3 mm [UE]" -> r 0.12 (EST inside it).
# The arch drains both ways in life (medially to the GSV, laterally to the SSV); a vessel has one
# drains_into, so it is drawn draining MEDIALLY (EST). Its last segment is the medial marginal vein
# down to G0 (A4.1: "Its medial end continues as the medial marginal vein -> GSV"), so it ends on
# the GSV's first point; the SSV begins at its first (lateral) point (see SSV).
DORSAL_VENOUS_ARCH = [
    ((8.8, -14.5, 3.5), 0.12),   # lateral end (= first point of the SSV)
    ((5.5, -17.0, 5.0), 0.12),   # apex, over the metatarsal shafts
    ((2.3, -16.0, 4.0), 0.12),   # medial end
    ((1.8, -13.0, 4.0), 0.12),   # G0: medial marginal vein -> start of the GSV
]

# Anterior accessory saphenous vein A0..A4, A4.1 table "Anterior accessory saphenous vein".
# Radius: A4.1 "Diameter about 3-4 mm [R]" -> 0.15-0.20; the taper is EST.
ANTERIOR_ACCESSORY_SAPHENOUS_VEIN = [
    ((8.5, -15.8, 58.0), 0.15),  # A0 origin (variable)
    ((8.3, -17.4, 68.0), 0.16),  # A1 anterior thigh
    ((7.6, -19.0, 78.0), 0.17),  # A2 directly in front of the femoral artery: alignment sign
    ((5.8, -19.4, 86.5), 0.18),  # A3
    ((4.5, -18.8, 89.3), 0.19),  # A4 joins the GSV 1-2 cm distal to the SFJ
]

# Posterior arch vein (posterior accessory GSV of the leg), A4.1: P0..P4.
# Radius: A4.1 "about 2-3 mm [UE]" -> 0.10-0.13 (taper EST).
# The first row is EST: the superficial end of the Cockett I perforator, (2.0, -4.6, 6.5) in the
# A4.10 table, 2 cm below P0. A4.10 names no superficial vein for Cockett I; extending the arch
# vein down to it gives that perforator a superficial vein to start from.
POSTERIOR_ARCH_VEIN = [
    ((2.0, -4.6, 6.5), 0.10),    # EST: Cockett I superficial end (A4.10)
    ((2.1, -4.6, 8.5), 0.11),    # P0 behind the medial malleolus
    ((2.2, -4.8, 14.0), 0.11),   # P1 (Cockett II superficial end)
    ((2.3, -4.9, 18.0), 0.12),   # P2 (Cockett III superficial end)
    ((1.2, -4.5, 26.0), 0.12),   # P3 over the medial gastrocnemius bulge
    ((2.9, -6.6, 38.0), 0.13),   # P4 joins the GSV below the knee
]

# Junctional tributaries of the GSV near the SFJ (A4.1 "Junctional tributaries near the SFJ [S]
# (Gray 1918)": superficial epigastric, superficial circumflex iliac, superficial external
# pudendal). A4.1 G10: "The AASV and the superficial inguinal tributaries join between z 88 and
# 90.5"; A7: "with the junctional tributaries usually between the two [valves]".
# anatomy.md gives NO waypoints or diameters for them: every upstream point and radius here is
# [UE] (placed 0.3-0.7 cm under the skin of the groin: skin y about -19.8 at the groin, A4.3
# "Artery skin depth about 3 cm at the groin"). Each ends ON the GSV at the height in the tuple
# (the point is computed on the GSV polyline, [D]); the heights are chosen [UE] inside the window
# between the preterminal and terminal valves, at least 1 cm from both.
# Fields: id, name, upstream rows, join height on the GSV (z, cm), radius at the junction.
# P9 lists reversed flow in the superficial epigastric vein as a collateral sign in iliac
# obstruction, but neither reference gives a course up the abdominal wall or a vein it joins, so
# the vein is kept short (brief: "else keep the superficial epigastric veins short").
JUNCTIONAL_TRIBUTARIES = [
    ("superficial_epigastric_vein_{side}", "{Side} superficial epigastric vein",
     [((5.4, -19.6, 96.5), 0.10),    # [UE] lower abdominal wall, above the inguinal ligament
      ((5.0, -19.4, 92.8), 0.11)],   # [UE] in front of the ligament, towards the opening
     89.55, 0.12),
    ("superficial_circumflex_iliac_vein_{side}", "{Side} superficial circumflex iliac vein",
     [((10.0, -19.0, 94.5), 0.10),   # [UE] lateral groin, below the ligament towards the ASIS
      ((7.3, -19.3, 92.0), 0.11)],   # [UE]
     89.2, 0.12),
    ("superficial_external_pudendal_vein_{side}", "{Side} superficial external pudendal vein",
     [((1.0, -19.3, 90.8), 0.10),    # [UE] pubic region, medial
      ((2.8, -19.2, 89.8), 0.11)],   # [UE]
     88.85, 0.12),
]

# Soleal veins (A4.2 "Soleal veins and sinuses"): "Model as 2-3 fusiform sinusoids inside soleus:
# a central one running (6.3, -3.0, 20) -> (6.0, -3.8, 36), and medial and lateral ones about
# +-2 cm in x. Each connects by 1-2 cm stubs to the PTV (medially) and the peroneal veins
# (laterally) at z ~ 22-34." Extramuscular soleal veins are 0.9-2.8 cm long [S] (Aragao).
# Each vessel here = the sinus from z 20 up to `top_z` on that line, then one stub to a deep vein,
# ending ON the named member at height `join_z` ([D], computed on the member's polyline).
# top_z is EST: the sinus is stopped at or below z 34 so that its stub lies in the z 22-34 band
# (the central sinus therefore ends 2 cm below A4.2's z 36). Which member each stub drains to is
# EST (the nearer one). Radii: P1a "central branch 6.3 +- 2.0; medial 4.5 +- 1.5; lateral
# 4.6 +- 1.5 mm" (Ohgi, seated) [S*] -> peak r 0.32 / 0.22 / 0.23; the fusiform taper to half
# of that at both ends of the sinus and along the stub is EST.
# Fields: id, name, sinus start, sinus end (A4.2 line), top_z, target, join_z, peak radius.
SOLEAL_VEINS = [
    ("soleal_vein_1_{side}", "{Side} central soleal vein",
     (6.3, -3.0, 20.0), (6.0, -3.8, 36.0), 34.0, "posterior_tibial_vein_2_{side}", 34.5, 0.32),
    ("soleal_vein_2_{side}", "{Side} medial soleal vein",
     (4.3, -3.0, 20.0), (4.0, -3.8, 36.0), 30.0, "posterior_tibial_vein_1_{side}", 30.5, 0.22),
    ("soleal_vein_3_{side}", "{Side} lateral soleal vein",
     (8.3, -3.0, 20.0), (8.0, -3.8, 36.0), 30.0, "peroneal_vein_1_{side}", 30.5, 0.23),
]

# Gastrocnemius (sural) veins, A4.2: medial (4.5, -0.5, 32.0) -> (5.5, -2.0, 40.0) ->
# (6.3, -4.2, 46.0); lateral (9.0, -1.0, 33.0) -> (8.3, -2.5, 41.0) -> (7.4, -4.3, 46.5), both
# into the popliteal vein. Radius: A4.2 "Diameter 2-5 mm [UE]" -> taper 0.15-0.20 EST.
GASTROCNEMIUS_VEIN_MEDIAL = [
    ((4.5, -0.5, 32.0), 0.15),
    ((5.5, -2.0, 40.0), 0.18),
    ((6.3, -4.2, 46.0), 0.20),
]
GASTROCNEMIUS_VEIN_LATERAL = [
    ((9.0, -1.0, 33.0), 0.15),
    ((8.3, -2.5, 41.0), 0.18),
    ((7.4, -4.3, 46.5), 0.20),
]

# Plantar veins: A4.2 "[PTV] Formed behind the medial malleolus by the medial and lateral plantar
# veins" [S]. anatomy.md has NO plantar waypoints or diameters: all rows below are [UE], placed in
# the sole (z 1.5-2.5, above the plantar skin at z 0) and through the tarsal tunnel below and
# behind the medial malleolus (tip z 6.5, A3 #3). Each ends on the first point of one PTV member
# ([D], computed): medial plantar -> PTV 1 (medial), lateral plantar -> PTV 2 (lateral).
# Radii [UE] 0.12-0.14, just under the PTV's 0.15.
MEDIAL_PLANTAR_VEIN = [
    ((3.2, -15.0, 1.8), 0.12),   # [UE] medial sole, under the first metatarsal base
    ((2.5, -10.0, 2.3), 0.13),   # [UE] medial sole, under the navicular
    ((2.1, -6.2, 4.2), 0.14),    # [UE] tarsal tunnel, below the medial malleolus
]                                # -> first point of posterior_tibial_vein_1
LATERAL_PLANTAR_VEIN = [
    ((7.8, -12.0, 1.5), 0.12),   # [UE] lateral sole, near the fifth metatarsal base
    ((5.2, -8.0, 1.6), 0.13),    # [UE] crossing the sole obliquely towards the heel
    ((3.4, -5.6, 3.6), 0.14),    # [UE] tarsal tunnel
]                                # -> first point of posterior_tibial_vein_2

# Perforating veins, A4.10 table "Perforator | ... | Superficial end -> deep end (x, y, z)".
# Each is a straight tube from its superficial end to its deep end. Both ends are SNAPPED to the
# closest point of the named vein's polyline ([D]; the script fails if a snap moves a point more
# than PERFORATOR_MAX_SNAP_CM), so the tube starts on the superficial vein and ends on the deep
# vein. Radius: A4.10 "Model each perforator as a 2-6 cm tube (1.5-3 mm)" -> r 0.10 (2 mm, EST
# inside the range; P1a "normal < 3 mm").
# Notes on A4.10's own numbers: Cockett I (1.2 cm) and Cockett II (1.8 cm) are shorter than the
# 2-6 cm model range, Dodd (7.2 cm) longer (within its own "4-8 cm long"); they are kept as given.
# Cockett I's deep end (2.6, -4.4, 7.5) lies 0.5 cm BELOW the PTV's first point T0 (z 8.0), so the
# snap moves it to the start of the medial PTV (about 0.7 cm).
# The deep-vein member each perforator drains into is EST: the medial PTV (member 1) for the
# medial-leg perforators, the lateral peroneal vein (member 2) for the para-Achillean one.
# Fields: id, name, superficial vein, superficial end, deep vein, deep end, note.
PERFORATOR_MAX_SNAP_CM = 1.0
PERFORATOR_RADIUS = 0.10
PERFORATORS = [
    ("perforator_posterior_tibial_1_{side}", "{Side} lower posterior tibial perforator (Cockett I)",
     "posterior_arch_vein_{side}", (2.0, -4.6, 6.5),
     "posterior_tibial_vein_1_{side}", (2.6, -4.4, 7.5)),
    ("perforator_posterior_tibial_2_{side}", "{Side} middle posterior tibial perforator (Cockett II)",
     "posterior_arch_vein_{side}", (2.2, -4.8, 14.0),
     "posterior_tibial_vein_1_{side}", (3.9, -4.7, 14.5)),
    ("perforator_posterior_tibial_3_{side}", "{Side} upper posterior tibial perforator (Cockett III)",
     "posterior_arch_vein_{side}", (2.3, -4.9, 18.0),
     "posterior_tibial_vein_1_{side}", (4.3, -4.9, 18.5)),
    ("perforator_paratibial_1_{side}", "{Side} paratibial perforator, lower cluster",
     "great_saphenous_vein_{side}", (3.7, -7.0, 26.0),
     "posterior_tibial_vein_1_{side}", (4.7, -5.2, 26.5)),
    ("perforator_paratibial_2_{side}", "{Side} paratibial perforator, middle cluster",
     "great_saphenous_vein_{side}", (3.6, -7.0, 31.5),
     "posterior_tibial_vein_1_{side}", (5.0, -5.2, 32.0)),
    ("perforator_boyd_{side}", "{Side} Boyd perforator (upper paratibial, below the knee)",
     "great_saphenous_vein_{side}", (3.1, -7.1, 37.5),
     "posterior_tibial_vein_1_{side}", (5.4, -5.3, 38.0)),
    ("perforator_dodd_{side}", "{Side} Dodd perforator (femoral canal, distal thigh)",
     "great_saphenous_vein_{side}", (1.6, -9.8, 63.0),
     "femoral_vein_{side}", (7.6, -10.5, 67.0)),
    ("perforator_hunterian_{side}", "{Side} Hunterian perforator (mid-thigh femoral canal)",
     "great_saphenous_vein_{side}", (1.8, -12.8, 72.0),
     "femoral_vein_{side}", (7.2, -12.0, 74.5)),
    ("perforator_para_achillean_{side}", "{Side} para-Achillean perforator (Bassi)",
     "small_saphenous_vein_{side}", (7.3, -1.6, 12.0),
     "peroneal_vein_2_{side}", (7.6, -4.8, 12.5)),
]

# Subclavian vein SV0..SV2, A4.8 "Subclavian vein (SCV)". Radius: A4.8 "about 10-15 mm [UE]" ->
# 0.50-0.55 (taper EST, lower half of the range so the vein stays below its BCV).
SUBCLAVIAN_VEIN = [
    ((7.0, -11.2, 142.0), 0.50),  # SV0 outer border of the 1st rib (continues the axillary vein)
    ((5.8, -12.6, 143.0), 0.52),  # SV1 over the 1st rib in front of scalenus anterior; EJV enters
    ((3.0, -13.6, 143.5), 0.55),  # SV2 venous angle (= LB0)
]

# Internal jugular vein J0..J6, A4.9 table "Internal jugular vein (IJV)".
# Radii: "The right IJV is usually larger" [S]; CT supine "right 17 +- 5 mm, left 14 +- 5 mm" [S*];
# mean 10 (5-35) mm [S]. Used: left 12 mm (r 0.60), right 14.6 mm (r 0.73) = left x 17/14 (EST:
# inside the CT ranges, keeping the CT right:left ratio, and no larger than the brachiocephalic
# vein each drains into, whose A4.8 range is 10-15 mm [UE]). The inferior bulb (J5) is +0.05 EST.
# The LEFT radii are in the rows; IJV_RIGHT_RADII replaces them on the right side.
INTERNAL_JUGULAR_VEIN = [
    ((3.2, -10.5, 160.8), 0.60),  # J0 jugular foramen, superior bulb
    ((3.6, -10.6, 158.5), 0.60),  # J1 C1, posterolateral to the ICA
    ((4.2, -12.0, 156.5), 0.60),  # J2 carotid bifurcation (C3), lateral
    ((4.3, -12.8, 154.0), 0.60),  # J3 thyroid cartilage, lateral to the CCA
    ((4.0, -13.2, 151.5), 0.60),  # J4 cricoid / C6
    ((3.6, -13.6, 147.0), 0.65),  # J5 lesser supraclavicular fossa: inferior bulb
    ((3.0, -13.6, 143.5), 0.60),  # J6 venous angle -> BCV (= LB0)
]
IJV_RIGHT_RADII = [0.73, 0.73, 0.73, 0.73, 0.73, 0.78, 0.73]

# External jugular vein X0..X3, A4.9 table "External jugular vein (EJV)".
# Radius: A4.9 "about 3-5 mm [UE]/[S]" -> 0.15-0.20 (taper EST).
EXTERNAL_JUGULAR_VEIN = [
    ((5.3, -12.5, 156.5), 0.15),  # X0 behind the angle of the mandible
    ((5.5, -12.8, 151.0), 0.18),  # X1 on the SCM, under platysma
    ((7.0, -11.8, 147.0), 0.20),  # X2 posterior border of the SCM: pierces the deep fascia
    ((6.2, -12.5, 143.2), 0.20),  # X3 ends in the subclavian vein
]

# Vertebral vein V0..V6, A4.9 "Vertebral vein". Radius: A4.9 "about 3-5 mm [UE]" -> 0.15-0.20.
VERTEBRAL_VEIN = [
    ((2.8, -8.5, 160.0), 0.15),   # V0 suboccipital triangle
    ((3.8, -10.3, 159.0), 0.15),  # V1 C1 transverse foramen
    ((2.9, -10.6, 157.5), 0.16),  # V2
    ((2.8, -10.8, 155.0), 0.17),  # V3
    ((3.0, -10.6, 152.0), 0.18),  # V4 leaves the C6 transverse foramen as a single trunk
    ((3.2, -11.8, 147.5), 0.20),  # V5
    ((3.1, -13.0, 143.8), 0.20),  # V6 back of the BCV near its origin
]

# ----------------------------------------------------------------------------------------------
# Dural venous sinuses and the condylar routes (issue 15: the brain's outflow). anatomy.md has no
# head waypoints, so every point here is an estimate [EST] placed inside the skin model of the
# head (tools/make_context_models.py: skin from z 158 to the vertex at 175, half-width 7.8 cm,
# face at y -21.3, back of the head at y -1.5) about 1.2 cm in from the skin (scalp and skull,
# EST), by the standard relations that validate_head_relations checks: the superior sagittal
# sinus (SSS) in the midline under the vertex from the foramen caecum to the confluence of the
# sinuses (torcula) at the internal occipital protuberance; the SSS usually turns into the RIGHT
# transverse sinus and the straight sinus into the LEFT one (Gray's; the usual pattern); each
# transverse sinus runs laterally in the tentorium's attached margin to the back of the petrous
# bone, where the sigmoid sinus curves down and forward to the jugular foramen (A3 #46) and
# becomes the internal jugular vein; a posterior condylar emissary vein leaves the sigmoid sinus
# near its end for the suboccipital plexus and the vertebral vein; the occipital sinus runs from
# the torcula down the internal occipital crest to the margin of the foramen magnum and the
# vertebral venous plexus.
# Radii: transverse sinus "left 5.37 +- 1.35 mm, right 6.65 +- 1.57 mm" (CE-MR venography, 58
# healthy adults; J Transl Neurosci 2024;9(1):15-25, doi 10.3868/j.issn.2096-0689.2024.01.003)
# -> r 0.27 left, 0.33 right. SSS, straight, sigmoid, occipital and condylar diameters: no
# source found (EST): the SSS grows from 0.20 to 0.35, no larger than the right transverse sinus
# it mostly drains into; the sigmoid sinus keeps its transverse sinus's size; the straight sinus
# 0.25, the occipital sinus 0.12, the condylar vein 0.12 (emissary veins are small, EST).
CONFLUENCE_OF_SINUSES = (0.0, -2.9, 163.8)  # torcula [EST]
SUPERIOR_SAGITTAL_SINUS = [
    ((0.0, -18.0, 164.5), 0.20),  # foramen caecum, behind the frontal bone [EST]
    ((0.0, -17.0, 169.0), 0.24),
    ((0.0, -14.6, 172.3), 0.28),
    ((0.0, -10.5, 173.5), 0.31),  # under the vertex (skin 175)
    ((0.0, -6.3, 172.6), 0.33),
    ((0.0, -3.7, 170.2), 0.35),
    ((0.0, -2.7, 166.8), 0.35),
    (CONFLUENCE_OF_SINUSES, 0.35),  # -> right transverse sinus
]
STRAIGHT_SINUS = [
    ((0.0, -9.0, 167.0), 0.25),  # great cerebral vein (of Galen) meets the inferior sagittal sinus
    ((0.0, -6.0, 165.6), 0.25),  # along the junction of the falx and the tentorium
    (CONFLUENCE_OF_SINUSES, 0.25),  # -> left transverse sinus
]
TRANSVERSE_SINUS = [  # LEFT rows; TRANSVERSE_SINUS_RIGHT_RADII on the right
    (CONFLUENCE_OF_SINUSES, 0.27),
    ((2.5, -2.8, 164.0), 0.27),
    ((4.6, -3.8, 163.6), 0.27),
    ((5.8, -5.4, 162.6), 0.27),  # -> sigmoid sinus behind the petrous bone
]
TRANSVERSE_SINUS_RIGHT_RADII = [0.33, 0.33, 0.33, 0.33]
SIGMOID_SINUS = [
    ((5.8, -5.4, 162.6), 0.27),
    ((6.0, -6.8, 161.8), 0.27),
    ((5.2, -8.3, 161.0), 0.27),
    ((4.2, -9.6, 160.6), 0.27),  # the posterior condylar vein leaves here
    ((3.2, -10.5, 160.8), 0.27),  # J0 jugular foramen -> internal jugular vein
]
SIGMOID_SINUS_RIGHT_RADII = [0.33, 0.33, 0.33, 0.33, 0.33]
CONDYLAR_VEIN = [
    ((4.2, -9.6, 160.6), 0.12),  # on the sigmoid sinus, near the jugular bulb
    ((3.6, -8.9, 160.3), 0.12),  # condylar canal, behind the occipital condyle [EST]
    ((2.8, -8.5, 160.0), 0.12),  # V0, start of the vertebral vein (suboccipital triangle)
]
OCCIPITAL_SINUS = [
    (CONFLUENCE_OF_SINUSES, 0.12),
    ((0.0, -4.4, 162.4), 0.12),  # down the internal occipital crest
    ((-0.4, -7.0, 161.4), 0.12),  # margin of the foramen magnum (marginal sinus)
    ((-0.8, -9.0, 161.0), 0.12),  # start of the vertebral venous plexus
]

# ----------------------------------------------------------------------------------------------
# Asymmetric veins (real x)
# ----------------------------------------------------------------------------------------------

# Left common iliac vein LC0..LC3, A4.4 table "Common iliac veins (CIV)".
# Radius: brief/P1a. A4.4 "13-16 mm"; P1a CT (ages 13-20) 12.7 mm, IVUS 15.7 mm -> 0.7 used.
# At the crossing LC2 A4.4 says "flattened to about 8-9 mm AP at the crossing (mean 8.5 mm on
# CT) [S*]", "ellipse about 8.5 x 16 mm". The scene format has circular radii only, so LC2 uses
# the AP half-thickness 0.43 (tube then fits between the RCIA and L5 as in A4.4). LC1 0.62 is
# EST (narrowing towards the crossing).
LEFT_COMMON_ILIAC_VEIN = [
    ((4.3, -11.0, 101.0), 0.70),  # LC0 in front of the left sacroiliac joint
    ((2.4, -12.2, 102.6), 0.62),  # LC1 medial and posterior to the left CIA
    ((0.0, -12.9, 103.8), 0.43),  # LC2 May-Thurner crossing: behind RCIA, in front of L5
    ((-1.5, -13.5, 104.0), 0.70), # LC3 = IVC0
]
# Right common iliac vein RC0..RC2, A4.4 table. Radius: A4.4 "13-14 mm [S*]" -> 0.7.
RIGHT_COMMON_ILIAC_VEIN = [
    ((-4.3, -11.0, 101.0), 0.70), # RC0 in front of the right sacroiliac joint
    ((-3.0, -12.4, 102.7), 0.70), # RC1
    ((-1.5, -13.5, 104.0), 0.70), # RC2 = IVC0
]

# Inferior vena cava IVC0..IVC7, A4.5 table "IVC".
# Radius: A4.5 "about 18-21 mm", P1a "normal < 21 mm", IVUS 18.4 mm -> 0.95 infrarenal;
# "tapers slightly towards the top" (P1a Cheng 2003) -> 0.90 above the renal veins (EST value
# inside the 18-21 mm range).
# IVC0 0.70 is EST: at the confluence the circular tube takes the CIVs' radius. With 0.95 it
# would cut 0.27 cm into the RCIA, which A5 drapes over the IVC origin at about 1.2 cm from
# IVC0 (the real confluence is a transversely wide, AP-flattened ellipse).
INFERIOR_VENA_CAVA = [
    ((-1.5, -13.5, 104.0), 0.70), # IVC0 origin, right side of L5, behind the RCIA
    ((-2.4, -14.1, 108.0), 0.95), # IVC1 L4
    ((-2.8, -14.4, 112.0), 0.95), # IVC2 L3
    ((-3.0, -14.0, 117.0), 0.95), # IVC3 L1/L2 renal veins
    ((-3.0, -13.0, 121.5), 0.92), # IVC4 T12/L1 retrohepatic groove
    ((-2.7, -12.6, 126.5), 0.90), # IVC5 hepatic-vein ostia
    ((-2.5, -12.5, 127.5), 0.90), # IVC6 caval hiatus
    ((-2.8, -13.5, 129.0), 0.90), # IVC7 junction with the right atrium
]

# Renal veins, A4.5 table "Renal veins (L1-L2)".
# Radii: A4.5 "about 8-10 mm at the hilum; about 4-6 mm in the aortomesenteric segment [R]".
# LR1 0.42 and LR3 0.40 (pre-caval segment) are EST.
LEFT_RENAL_VEIN = [
    ((5.5, -10.5, 118.0), 0.45),  # LR0 left hilum, in front of the renal artery
    ((3.8, -12.8, 117.9), 0.42),  # LR1 receives the left gonadal and suprarenal veins
    ((1.0, -14.5, 117.5), 0.25),  # LR2 anterior to the aorta, below the SMA (nutcracker site)
    ((-1.9, -14.3, 117.2), 0.40), # LR3 enters the left wall of the IVC
]
RIGHT_RENAL_VEIN = [
    ((-5.5, -10.5, 116.8), 0.45), # RR0 right hilum
    ((-4.0, -13.5, 116.6), 0.45), # RR1 right wall of the IVC
]

# Gonadal (testicular) veins, A4.5 "Gonadal (testicular) veins": left LG0..LG3 into the left renal
# vein (at LR1, "receives the left gonadal vein from below"), right RG0..RG2 into the anterolateral
# IVC at about z 113. Radius: A4.5 "Diameter about 2-3 mm; above 3 mm is taken as dilated [R]"
# -> 0.12-0.15 (taper EST).
LEFT_GONADAL_VEIN = [
    ((7.2, -16.5, 97.2), 0.12),   # LG0 deep inguinal ring
    ((5.8, -13.0, 104.0), 0.13),  # LG1 on psoas
    ((4.8, -12.2, 111.0), 0.14),  # LG2
    ((3.8, -12.8, 117.8), 0.15),  # LG3 joins the LRV at a right angle
]
RIGHT_GONADAL_VEIN = [
    ((-7.2, -16.5, 97.2), 0.12),  # RG0 deep inguinal ring
    ((-5.5, -13.5, 104.0), 0.13), # RG1
    ((-4.0, -14.6, 113.0), 0.15), # RG2 anterolateral IVC, acute angle, below the RRV
]

# Ascending lumbar veins, A4.5 "Ascending lumbar veins": right (-4.3, -11.0, 101.0) from the CIV
# -> (-3.8, -9.3, 106.0) -> (-3.6, -9.0, 112.0) -> (-3.4, -8.6, 118.0) -> (-2.8, -8.8, 122.0),
# "joining the right subcostal vein -> azygos origin (-1.8, -10.3, 123.0)"; left: mirror x ->
# hemiazygos origin (1.8, -10.2, 123.0). The last row of each is the azygos / hemiazygos origin
# (Z0 / H0), so the vein ends on the vessel it forms ([D]). Radius: A4.5 "about 3-5 mm [UE]"
# -> 0.15-0.22 (taper EST).
RIGHT_ASCENDING_LUMBAR_VEIN = [
    ((-4.3, -11.0, 101.0), 0.15), # on the right CIV (RC0)
    ((-3.8, -9.3, 106.0), 0.17),
    ((-3.6, -9.0, 112.0), 0.18),
    ((-3.4, -8.6, 118.0), 0.20),
    ((-2.8, -8.8, 122.0), 0.20),
    ((-1.8, -10.3, 123.0), 0.22), # azygos origin Z0
]
LEFT_ASCENDING_LUMBAR_VEIN = [
    ((4.3, -11.0, 101.0), 0.15),  # on the left CIV (LC0)
    ((3.8, -9.3, 106.0), 0.17),
    ((3.6, -9.0, 112.0), 0.18),
    ((3.4, -8.6, 118.0), 0.20),
    ((2.8, -8.8, 122.0), 0.20),
    ((1.8, -10.2, 123.0), 0.22),  # hemiazygos origin H0
]

# Lumbar veins L3 and L4 (A4.5: "Lumbar veins (L1-L4) are segmental: they run from the ascending
# lumbar vein to the IVC. On the left they pass behind the aorta"; IVC tributaries "lumbar veins
# L3-L4"). anatomy.md gives no waypoints or size: every row is [UE]. Each starts on the ascending
# lumbar vein at the level of the vertebral body (L3 z 111.9, L4 z 107.9, A2.3; start points at
# z 112 and 108 on the ascending lumbar polyline), runs forward around the side of the body
# (body half-width about 2.5 cm [UE]) and ends on the back wall of the IVC; on the left it
# passes between the aorta and the vertebral body. Radius 0.15 [UE].
LUMBAR_VEINS = [  # (id, name, rows)
    ("lumbar_vein_l3_right", "Right third lumbar vein (L3)", [
        ((-3.6, -9.0, 112.0), 0.15),   # on the right ascending lumbar vein
        ((-3.5, -11.5, 112.0), 0.15),  # [UE] side of the L3 body
        ((-3.0, -13.5, 112.0), 0.15),  # [UE] back wall of the IVC (IVC2)
    ]),
    ("lumbar_vein_l4_right", "Right fourth lumbar vein (L4)", [
        ((-3.73, -9.2, 108.0), 0.15),  # on the right ascending lumbar vein ([D], z 108)
        ((-3.6, -11.8, 108.0), 0.15),  # [UE]
        ((-2.7, -13.3, 108.0), 0.15),  # [UE] back wall of the IVC (IVC1)
    ]),
    ("lumbar_vein_l3_left", "Left third lumbar vein (L3)", [
        ((3.6, -9.0, 112.0), 0.15),    # on the left ascending lumbar vein
        ((2.9, -11.9, 112.0), 0.15),   # [UE] side of the L3 body
        ((1.2, -13.25, 112.0), 0.15),  # [UE] behind the aorta (centre (1.2, -14.4))
        ((-1.9, -13.9, 112.0), 0.15),  # [UE] left-posterior wall of the IVC
    ]),
    ("lumbar_vein_l4_left", "Left fourth lumbar vein (L4)", [
        ((3.73, -9.2, 108.0), 0.15),   # on the left ascending lumbar vein ([D], z 108)
        ((3.0, -12.0, 108.0), 0.15),   # [UE] side of the L4 body
        ((1.1, -13.0, 108.0), 0.15),   # [UE] behind the aorta (centre about (1.07, -14.14))
        ((-1.6, -13.6, 108.0), 0.15),  # [UE] left-posterior wall of the IVC
    ]),
]

# Azygos vein Z0..Z6, A4.6 table. Radius: A4.6 "about 7-10 mm (arch up to about 10 mm supine)
# [R]" -> 0.35-0.45 (taper EST).
AZYGOS_VEIN = [
    ((-1.8, -10.3, 123.0), 0.35), # Z0 origin, T12/L1
    ((-1.6, -8.7, 128.0), 0.37),  # Z1 right front of T10
    ((-1.5, -7.8, 133.0), 0.40),  # Z2 T8; hemiazygos joins at about z 132
    ((-1.5, -7.7, 138.0), 0.40),  # Z3 T6
    ((-1.6, -8.0, 140.5), 0.42),  # Z4 T5: start of the arch
    ((-2.4, -10.5, 141.8), 0.45), # Z5 arch over the right main bronchus / lung root
    ((-2.8, -14.3, 138.8), 0.45), # Z6 posterior wall of the SVC (2nd costal cartilage)
]

# Hemiazygos H0..H3, A4.6. Radius: A4.6 "about 4-6 mm [UE]" -> 0.20-0.24 (taper EST).
HEMIAZYGOS_VEIN = [
    ((1.8, -10.2, 123.0), 0.20),  # H0
    ((1.6, -8.7, 128.0), 0.22),   # H1
    ((0.3, -8.1, 131.5), 0.22),   # H2 in front of the vertebral body, behind the aorta
    ((-1.5, -7.8, 132.0), 0.24),  # H3 at the azygos
]

# Cross-pelvic collateral (P9 "cross-pelvic collaterals (internal iliac <-> contralateral internal
# iliac via pre-sacral/pudendal plexuses)" [M]). No reference geometry: all rows [UE]. It runs
# from the left IIV (between I0 and I1) in front of the sacrum (anterior sacral surface at z 96
# estimated at y about -8.1 from the promontory (0, -11.5, 100.0) and a sacral face about 50 deg
# from horizontal, A2.3 "sacral slope about 40 deg" [UE]) to the right IIV. Flow direction
# left -> right, the May-Thurner collateral direction. Radius 0.20 [UE].
CROSS_PELVIC_COLLATERAL = [
    ((5.55, -9.0, 97.5), 0.20),   # on the left IIV ([D], midway I0-I1)
    ((3.0, -8.6, 96.5), 0.20),    # [UE]
    ((0.0, -8.4, 96.0), 0.20),    # [UE] pre-sacral, midline
    ((-3.0, -8.6, 96.5), 0.20),   # [UE]
    ((-5.55, -9.0, 97.5), 0.20),  # on the right IIV ([D], midway I0-I1, mirrored)
]

# Vertebral venous plexus (A4.9 "Vertebral venous plexus (Batson)"): "Model as two longitudinal
# channels at x = +-0.8, in the epidural space behind the vertebral bodies: y ~ body-centre y + 2.3
# (lumbar), + 2.1 (thoracic), + 1.5 (cervical). Run them from z ~ 95 (sacrum) to 161 (foramen
# magnum). Add segmental links ... to the ascending lumbar veins and the azygos. Diameter about
# 2-4 mm each [UE]." Body centres: A2.3 table. Here ONE channel (the right, x = -0.8; EST, it is
# the side of the azygos) in two vessels, because a vessel has one flow direction:
#  * vertebral_venous_plexus: foramen magnum -> down the cervical and thoracic spine -> T12 ->
#    a segmental link [UE] round the side of T12 to the azygos origin Z0 (downward flow, as when
#    upright the IJVs collapse and brain outflow moves to the vertebral system, P1a/A9.6).
#  * vertebral_venous_plexus_lumbar: S1 -> up the lumbar spine -> L1 -> a segmental link [UE] to
#    the right ascending lumbar vein at (-3.4, -8.6, 118.0). It starts at S1 (z 101.5), not z 95,
#    because A2.3 gives no sacral canal geometry below S1 (EST).
# Radius 0.15 (3 mm, inside 2-4 mm [UE]).
VERTEBRAL_VENOUS_PLEXUS = [
    ((-0.8, -9.0, 161.0), 0.15),  # [UE] foramen magnum (just above C1)
    ((-0.8, -9.1, 159.3), 0.15),  # C1: -10.6 + 1.5
    ((-0.8, -9.5, 156.5), 0.15),  # C3: -11.0 + 1.5
    ((-0.8, -9.5, 153.5), 0.15),  # C5: -11.0 + 1.5
    ((-0.8, -8.6, 150.4), 0.15),  # C7: -10.1 + 1.5
    ((-0.8, -6.3, 146.7), 0.15),  # T2: -8.4 + 2.1
    ((-0.8, -4.9, 142.6), 0.15),  # T4: -7.0 + 2.1
    ((-0.8, -4.1, 138.2), 0.15),  # T6: -6.2 + 2.1
    ((-0.8, -4.1, 133.3), 0.15),  # T8: -6.2 + 2.1
    ((-0.8, -5.0, 128.1), 0.15),  # T10: -7.1 + 2.1
    ((-0.8, -6.6, 122.6), 0.15),  # T12: -8.7 + 2.1
    ((-2.4, -7.0, 122.8), 0.15),  # [UE] segmental link through the intervertebral foramen
    ((-2.7, -8.8, 123.0), 0.15),  # [UE] round the right side of the T12 body
    ((-1.8, -10.3, 123.0), 0.15), # azygos origin Z0
]
VERTEBRAL_VENOUS_PLEXUS_LUMBAR = [
    ((-0.8, -7.3, 101.5), 0.15),  # S1 upper endplate level: -9.6 + 2.3
    ((-0.8, -8.4, 103.9), 0.15),  # L5: -10.7 + 2.3
    ((-0.8, -9.3, 111.9), 0.15),  # L3: -11.6 + 2.3
    ((-0.8, -8.6, 115.7), 0.15),  # L2: -10.9 + 2.3
    ((-0.8, -7.6, 119.3), 0.15),  # L1: -9.9 + 2.3
    ((-2.4, -7.6, 118.6), 0.15),  # [UE] segmental link through the intervertebral foramen
    ((-3.4, -8.6, 118.0), 0.15),  # on the right ascending lumbar vein
]

# Hepatic veins, A4.7 table. "Three main veins ... enter the IVC just below the diaphragm"; "The
# middle and left usually share a short common trunk ... separate in only about 10%" [S]. MH2 and
# LH2 are only 0.22 cm apart on the IVC wall, so the common trunk is modelled (A4.7's option) by
# letting the LEFT hepatic vein join the MIDDLE one at its ostium (EST).
# Radii near the IVC: right "about 15 mm (8-27)" [S] -> 0.75; middle "about 11 mm" [S] -> 0.55;
# left "about 12 mm" [S] -> 0.60. "About 2 cm from the IVC the diameters are smaller (right
# hepatic vein about 6 mm) [S*]" -> RH_2cm (a [D] point 2 cm from RH2 on RH1-RH2) r 0.30. The
# other upstream radii (0.20-0.30) are EST.
RIGHT_HEPATIC_VEIN = [
    ((-12.0, -10.0, 121.0), 0.20),   # RH0 (EST r)
    ((-8.0, -11.0, 124.5), 0.28),    # RH1 (EST r)
    ((-5.49, -11.78, 125.87), 0.30), # [D] 2 cm from the ostium on RH1-RH2: about 6 mm [S*]
    ((-3.8, -12.3, 126.8), 0.75),    # RH2 right wall of the IVC: about 15 mm [S]
]
MIDDLE_HEPATIC_VEIN = [
    ((-4.5, -19.0, 119.0), 0.20),    # MH0 gallbladder-fossa region (EST r)
    ((-2.5, -16.0, 123.5), 0.30),    # MH1 (EST r)
    ((-1.8, -13.4, 126.9), 0.55),    # MH2 left-anterior wall of the IVC: about 11 mm [S]
]
LEFT_HEPATIC_VEIN = [
    ((5.5, -17.0, 124.0), 0.20),     # LH0 (EST r)
    ((1.5, -15.0, 126.0), 0.30),     # LH1 (EST r)
    ((-1.6, -13.3, 127.0), 0.60),    # LH2 common trunk with the MHV: about 12 mm [S]
]

# ----------------------------------------------------------------------------------------------
# The portal system (issue 15). anatomy.md has no waypoints for it: every point here is [UE],
# placed from the standard relations that validate_portal_relations checks (the portal vein forms
# behind the neck of the pancreas at L1/L2 from the superior mesenteric and splenic veins, runs
# up and to the right in front of the IVC to the porta hepatis and divides into right and left
# branches; the splenic vein runs behind the pancreas in front of the left kidney and renal vein;
# the inferior mesenteric vein joins the splenic vein to the left of the aorta; the left gastric
# vein runs up the lesser curve to the gastro-oesophageal junction; the paraumbilical veins run
# in the falciform ligament from the left portal branch to the umbilicus; the caudate lobe drains
# straight into the IVC below the main hepatic veins). Radii: PORTAL_RADII_SOURCES.
# Portal branches drain into "liver_sinusoids": the engine's sinusoidal bed between the portal
# and the hepatic veins (docs/scene-format.md).
# ----------------------------------------------------------------------------------------------
PORTAL_CONFLUENCE = (-1.5, -17.0, 118.5)     # [UE] behind the pancreatic neck, L1/L2
PORTAL_BIFURCATION = (-6.0, -14.5, 121.3)    # [UE] porta hepatis
SUPERIOR_MESENTERIC_VEIN = [
    ((-2.5, -17.5, 105.0), 0.40),   # [UE] root of the mesentery, in front of the third part of the duodenum
    ((-2.2, -17.8, 110.0), 0.45),
    ((-1.8, -17.6, 114.5), 0.48),   # in front of the uncinate process and the left renal vein
    (PORTAL_CONFLUENCE, 0.50),
]
SPLENIC_VEIN = [
    ((8.5, -8.0, 121.5), 0.35),     # [UE] splenic hilum
    ((6.0, -12.5, 120.5), 0.38),    # behind the pancreatic tail, in front of the left kidney
    ((3.0, -15.5, 119.5), 0.40),    # IMV joins here
    ((0.5, -17.0, 118.8), 0.42),    # in front of the SMA and the aorta
    (PORTAL_CONFLUENCE, 0.45),
]
SUPERIOR_RECTAL_VEIN = [
    ((0.5, -11.0, 90.0), 0.15),     # [UE] upper rectum (its submucosal plexus)
    ((1.5, -12.5, 95.0), 0.17),
    ((3.0, -13.8, 99.0), 0.19),     # sigmoid mesocolon, crossing the left common iliac vessels
    ((3.8, -14.0, 101.0), 0.20),    # becomes the inferior mesenteric vein at the pelvic brim
]
INFERIOR_MESENTERIC_VEIN = [
    ((3.8, -14.0, 101.0), 0.20),    # [UE] left of the aorta, on the left psoas
    ((3.8, -14.5, 108.0), 0.22),
    ((3.6, -15.0, 114.0), 0.24),
    ((3.0, -15.5, 119.5), 0.25),    # joins the splenic vein behind the pancreatic body
]
PORTAL_VEIN = [
    (PORTAL_CONFLUENCE, 0.55),
    ((-3.0, -16.0, 119.8), 0.60),   # [UE] in the free edge of the lesser omentum
    ((-4.5, -15.0, 120.8), 0.60),   # in front of the IVC (the epiploic foramen between them)
    (PORTAL_BIFURCATION, 0.58),
]
PORTAL_VEIN_RIGHT_BRANCH = [
    (PORTAL_BIFURCATION, 0.45),
    ((-9.5, -13.0, 121.8), 0.38),   # [UE] into the right lobe
    ((-11.5, -12.0, 122.0), 0.30),
]
PORTAL_VEIN_LEFT_BRANCH = [
    (PORTAL_BIFURCATION, 0.40),
    ((-4.0, -15.3, 121.6), 0.37),   # [UE] transverse part, below the middle hepatic vein
    ((-1.0, -16.8, 121.8), 0.35),
    ((1.0, -18.5, 121.0), 0.33),    # umbilical part (the ligamentum teres reaches it)
]
CAUDATE_VEIN = [
    ((0.0, -14.5, 120.5), 0.15),    # [UE] caudate lobe, between the IVC and the ligamentum venosum
    ((-1.5, -13.6, 121.9), 0.18),
    ((-2.6, -13.1, 122.6), 0.20),   # anterior wall of the retrohepatic IVC, below the main ostia
]
# The portosystemic collaterals, drawn at the size they reach in chronic portal hypertension
# and open at REST_OPEN of that lumen in health (they dilate as the collateral_development
# condition opens them).
LEFT_GASTRIC_VEIN = [
    ((2.8, -12.5, 125.5), 0.18),    # [UE] gastro-oesophageal junction
    ((3.0, -15.0, 123.0), 0.20),    # along the lesser curve
    ((1.0, -17.0, 121.0), 0.22),
    ((-2.2, -16.5, 119.2), 0.24),   # joins the portal vein
]
OESOPHAGEAL_VARICES = [
    ((2.8, -12.5, 125.5), 0.30),    # [UE] from the gastric end of the left gastric vein
    ((1.8, -12.2, 127.8), 0.30),    # up the lower oesophagus, in front of and right of the aorta
    ((-0.3, -11.3, 129.5), 0.28),
    ((-1.55, -8.25, 130.5), 0.25),  # periesophageal veins to the azygos ([D] mid Z1-Z2)
]
PARAUMBILICAL_VEIN = [
    ((1.0, -18.5, 121.0), 0.15),    # [UE] from the umbilical part of the left portal branch
    ((0.8, -20.3, 116.5), 0.30),    # in the falciform ligament, on the front of the liver
    ((0.2, -21.3, 111.5), 0.30),
    ((0.0, -21.5, 108.5), 0.28),    # behind the umbilicus
    ((-3.0, -20.8, 101.5), 0.15),   # abdominal wall veins (the caput medusae route)
    ((-5.2, -19.5, 94.65), 0.12),   # into the right superficial epigastric vein ([D] mid-segment)
]
SPLENORENAL_SHUNT = [
    ((7.5, -9.8, 121.1), 0.40),     # [UE] from the splenic vein near the hilum
    ((6.8, -10.5, 119.5), 0.45),
    ((4.99, -11.19, 117.97), 0.40), # into the left renal vein ([D] on LR0-LR1)
]
RECTAL_PORTOSYSTEMIC_VEINS = [
    ((0.5, -11.0, 90.0), 0.15),     # [UE] from the superior rectal vein's plexus
    ((2.5, -10.0, 92.5), 0.15),     # middle and inferior rectal veins
    ((4.5, -9.0, 95.5), 0.15),
    ((5.7, -8.7, 96.9), 0.15),      # into the left internal iliac vein ([D] on I0-I1)
]
# Radii (PORTAL_RADII_SOURCES): portal vein 11-12 mm (ultrasound mean 10.3 +- 1.8 mm in 1000
# subjects, Zaman et al. J Ultrason 2019, doi 10.15557/JoU.2019.0041; CT mean 15.5 +- 1.9 mm,
# Stamm et al. 2016); splenic and superior mesenteric veins "up to 10 mm" (vascular sonography
# text, M); left gastric vein drawn 3.6-4.8 mm, under the 5.35 mm cut-off for large varices
# (PMC5968022; no healthy value found); paraumbilical vein: lumen up to 3 mm in 6 of 10 healthy
# people, 9.9 +- 4.7 mm (5-26.5) when recanalised (Radiology 1982;145:441; PMC8415999): drawn 6 mm;
# oesophageal varices: "large" above 5 mm (Baveno grading, M): drawn 5-6 mm; splenorenal shunt:
# "advanced" collaterals above 8.7 mm (Kondo et al. WJG 2015;21:8894): drawn 8-9 mm; rectal
# veins, caudate vein: [UE]. TIPS: a 10 mm covered stent (Riggio et al. J Hepatol 2010;53:267:
# 8 vs 10 mm); Palma graft: 8 mm ("a graft of 7-8 mm or more was decisive", Ignatyev et al.
# J Phlebol Lymphol 2017;10:5).
# REST_OPEN: the fraction of the drawn lumen (area) open in health. Paraumbilical 0.1 (a vessel
# of about 2 mm against the drawn 6 mm: "up to 3 mm" in some healthy people); varices,
# splenorenal, rectal: [UE] small values (channels that exist but carry little until the portal
# pressure rises). Devices: 0 (absent until the treatment puts them in).
REST_OPEN = {
    "oesophageal_varices": 0.05,
    "paraumbilical_vein": 0.1,
    "splenorenal_shunt": 0.02,
    "rectal_portosystemic_veins": 0.1,
    "tips_shunt": 0.0,
    "palma_crossover_graft": 0.0,
}
# Devices a treatment puts in (closed, REST_OPEN 0, until then).
TIPS_SHUNT = [
    ((-8.0, -13.7, 121.6), 0.50),   # [UE] from the right portal branch, through the liver
    ((-7.0, -12.6, 123.5), 0.50),
    ((-5.5, -12.0, 125.4), 0.50),   # along the right hepatic vein's last part
    ((-3.6, -12.4, 126.6), 0.50),   # into the IVC at the hepatic vein ostia (the stent reaches the IVC)
]
PALMA_GRAFT = [
    ((5.05, -16.23, 93.3), 0.40),   # [UE] end-to-side on the left common femoral vein
    ((3.0, -19.3, 95.5), 0.40),     # tunnelled under the skin above the pubis
    ((0.0, -20.0, 96.5), 0.40),
    ((-3.0, -19.3, 95.5), 0.40),
    ((-5.05, -16.23, 93.3), 0.40),  # into the right common femoral vein (the saphenous graft's stump)
]

# Superior vena cava, A4.8: (-2.6, -15.0, 141.0) formation -> (-2.9, -15.3, 138.5) azygos enters
# -> (-3.1, -15.4, 134.5) SVC-RA junction. Radius: A4.8 "about 15-20 mm (one source quotes 24 mm)
# [S]/[R]" -> 0.85-0.90 (EST inside).
SUPERIOR_VENA_CAVA = [
    ((-2.6, -15.0, 141.0), 0.85),
    ((-2.9, -15.3, 138.5), 0.90),
    ((-3.1, -15.4, 134.5), 0.90),
]

# Brachiocephalic veins, A4.8 table. Radii: left "about 10-15 mm [UE]", right "about 12-15 mm
# [UE]" -> 0.65-0.75 (upper part of the ranges, EST: each must not be narrower than the IJV that
# drains into it; see INTERNAL_JUGULAR_VEIN).
LEFT_BRACHIOCEPHALIC_VEIN = [
    ((3.0, -13.6, 143.5), 0.65),  # LB0 venous angle behind the left SC joint
    ((1.5, -14.0, 143.0), 0.67),  # LB1
    ((0.0, -14.4, 142.2), 0.69),  # LB2 in front of the arch branches, above the arch
    ((-1.5, -14.8, 141.5), 0.71), # LB3
    ((-2.6, -15.0, 141.0), 0.73), # LB4 forms the SVC
]
RIGHT_BRACHIOCEPHALIC_VEIN = [
    ((-3.0, -13.6, 143.5), 0.73), # RB0 venous angle behind the right SC joint
    ((-2.6, -15.0, 141.0), 0.75), # RB1 forms the SVC
]

# ----------------------------------------------------------------------------------------------
# Arteries (context), heart -> periphery. A5 table "Arteries needed for context" unless noted.
# ----------------------------------------------------------------------------------------------

# Thoracic aorta (root, ascending aorta, arch, descending aorta) down to the aortic hiatus, A5 row
# "Thoracic aorta and arch": root (0.3, -14.5, 133.5) -> ascending (-0.2, -15.8, 138.0) -> arch
# top (0.0, -13.0, 140.3) -> (1.5, -10.5, 140.6) -> descending (2.0, -9.3, 140.0) ->
# (1.5, -9.2, 133.0) -> (1.0, -10.2, 128.0) -> (0.5, -11.4, 122.6). Radius: A5 "30 (ascending)
# -> 25 (arch) -> 23 mm" [R] -> 1.50 / 1.25 / 1.15; the last point takes the abdominal aorta's
# 1.05 so the two tubes meet without a step (EST). Added for context (SVC right of the ascending
# aorta, left BCV above the arch, hemiazygos crossing behind the descending aorta). The arch
# branches are not modelled.
THORACIC_AORTA = [
    ((0.3, -14.5, 133.5), 1.50),  # aortic root
    ((-0.2, -15.8, 138.0), 1.50), # ascending aorta
    ((0.0, -13.0, 140.3), 1.25),  # arch top
    ((1.5, -10.5, 140.6), 1.20),  # arch (EST r, between arch and descending)
    ((2.0, -9.3, 140.0), 1.15),   # descending aorta
    ((1.5, -9.2, 133.0), 1.15),
    ((1.0, -10.2, 128.0), 1.15),
    ((0.5, -11.4, 122.6), 1.05),  # aortic hiatus, T12 (= first point of the abdominal aorta)
]

# Abdominal aorta, A5. Radius: A5 "20-25 mm above the renal arteries, about 16-20 mm below"
# (Ryan [S]); values chosen inside those ranges, diminishing caudally.
ABDOMINAL_AORTA = [
    ((0.5, -11.4, 122.6), 1.05),  # aortic hiatus, T12
    ((0.8, -12.4, 119.3), 1.00),  # L1 (coeliac ~z 121, SMA origin (0.8, -13.6, 119.5))
    ((1.0, -13.0, 117.5), 0.95),  # renal arteries, L1/2 (LRV crosses in front)
    ((1.2, -13.7, 115.7), 0.90),  # L2
    ((1.2, -14.4, 111.9), 0.88),  # L3 (IMA)
    ((1.0, -14.0, 106.0), 0.85),  # bifurcation, lower L4 (A3 #30)
]
# Iliac arterial division (CIA end = EIA start), EST: (+-4.2, -13.0, 102.5) instead of A5's
# (+-4.0, -12.6, 102.5) (CIA end) / (+-4.0, -12.3, 102.5) (EIA start), which disagree by 0.3 cm.
# At A5's point the right CIA/EIA tubes (r 0.5) cut 0.3 cm into the right CIV (r 0.7), whose
# RC1 lies only 0.9 cm from it. Moving the division 0.4 cm forward and 0.2 cm laterally (well
# inside A0.2's +-2 cm for deep pelvic structures) clears it. Same point on both sides.
ILIAC_DIVISION_LEFT = (4.2, -13.0, 102.5)

# Right common iliac artery, A5. Radius: A5 "about 10-12 mm" -> 0.5-0.6; 0.5 at the crossing
# is the value A4.4 uses for the touching relation with the LCIV.
RIGHT_COMMON_ILIAC_ARTERY = [
    ((1.0, -14.0, 106.0), 0.55),  # aortic bifurcation
    ((0.0, -13.9, 104.3), 0.50),  # directly in front of the LCIV crossing (LC2), over L5
    ((-1.6, -15.0, 103.6), 0.50), # in front of the IVC origin
    ((-3.0, -14.2, 103.0), 0.50), # in front of the right CIV
    ((-ILIAC_DIVISION_LEFT[0],) + ILIAC_DIVISION_LEFT[1:], 0.50),  # divides, front of right SI joint
]
LEFT_COMMON_ILIAC_ARTERY = [
    ((1.0, -14.0, 106.0), 0.55),  # aortic bifurcation
    ((2.8, -13.9, 104.3), 0.50),  # lateral to and in front of the upper LCIV
    (ILIAC_DIVISION_LEFT, 0.50),  # divides in front of the left SI joint
]
# External iliac artery (bilateral, left given), A5, starting at the CIA end (see
# ILIAC_DIVISION_LEFT). Radius: A5 "8-10 mm" -> 0.45 -> 0.40.
EXTERNAL_ILIAC_ARTERY = [
    (ILIAC_DIVISION_LEFT, 0.45),  # origin = CIA end (EST, see ILIAC_DIVISION_LEFT)
    ((7.2, -14.5, 98.5), 0.42),
    ((6.3, -16.8, 95.0), 0.40),   # mid-inguinal point (A3 #23) -> common femoral artery
]
# Femoral artery (common femoral + femoral), A5 row "Common femoral artery -> femoral artery",
# with the (6.5, -16.2, 88.5) point from the A4.3 FV table. Radius: A5 "CFA 8-9 mm, FA 6-7 mm".
FEMORAL_ARTERY = [
    ((6.3, -16.8, 95.0), 0.42),   # CFA at the mid-inguinal point
    ((6.4, -16.5, 91.0), 0.42),   # origin of the profunda femoris artery
    ((6.5, -16.2, 88.5), 0.35),   # FA at the FV-DFV confluence (A4.3 FV4 row)
    ((6.6, -15.0, 82.0), 0.34),   # apex of the femoral triangle
    ((7.3, -13.5, 74.0), 0.33),   # mid adductor canal
    ((7.4, -11.0, 66.0), 0.33),   # lower adductor canal
    ((7.3, -8.3, 62.5), 0.32),    # adductor hiatus -> popliteal artery
]
# Popliteal artery, artery column of the A4.3 popliteal table (same points as A5, plus the
# 44.0 and 49.5 rows). Radius: A5 "about 5-6 mm (vein:artery ratio 1.2 [S*])" -> 0.28.
POPLITEAL_ARTERY = [
    ((7.3, -8.3, 62.5), 0.28),    # adductor hiatus
    ((7.1, -7.2, 58.0), 0.28),
    ((6.9, -6.0, 52.0), 0.28),
    ((6.9, -5.8, 49.5), 0.28),
    ((6.9, -5.6, 47.5), 0.28),    # joint line, deepest structure in the fossa
    ((7.0, -5.7, 44.0), 0.28),
    ((7.0, -5.8, 41.5), 0.28),    # divides into ATA and PTA at the lower border of popliteus
]

# Arteries have drains_into "" in the file; this table (not written out) lets the script check
# that each branch starts on its parent.
ARTERY_PARENTS = {
    "abdominal_aorta": "thoracic_aorta",
    "common_iliac_artery_left": "abdominal_aorta",
    "common_iliac_artery_right": "abdominal_aorta",
    "external_iliac_artery_left": "common_iliac_artery_left",
    "external_iliac_artery_right": "common_iliac_artery_right",
    "femoral_artery_left": "external_iliac_artery_left",
    "femoral_artery_right": "external_iliac_artery_right",
    "popliteal_artery_left": "femoral_artery_left",
    "popliteal_artery_right": "femoral_artery_right",
}

# ----------------------------------------------------------------------------------------------
# Landmarks, A3 landmark table (left side for paired ones).
# ----------------------------------------------------------------------------------------------

LANDMARKS_MIDLINE = [
    ("confluence_of_sinuses", "Confluence of the sinuses (torcula)", CONFLUENCE_OF_SINUSES),  # EST
    ("l5_body", "Body of L5 vertebra", (0.0, -10.7, 103.9)),              # A3 #28 (centre)
    ("l4_body", "Body of L4 vertebra", (0.0, -11.4, 107.9)),              # A3 #29 (centre)
    ("sacral_promontory", "Sacral promontory", (0.0, -11.5, 100.0)),      # A3 #27
    ("aortic_bifurcation", "Aortic bifurcation", (1.0, -14.0, 106.0)),    # A3 #30
    ("iliac_confluence", "Iliac venous confluence (IVC origin)", (-1.5, -13.5, 104.0)),  # A3 #31
    ("renal_vein_level", "Renal vein level (left renal vein crossing the aorta, L1/L2)",
     (1.0, -14.5, 117.5)),                                                 # A3 #32 (LRV crossing)
    ("caval_hiatus", "Caval hiatus of the diaphragm", (-2.5, -12.5, 127.5)),   # A3 #34
    ("right_atrium_centre", "Right atrium (centre)", (-2.0, -14.5, 131.5)),    # A3 #36
    ("jugular_notch", "Jugular notch", (0.0, -15.8, 143.0)),                   # A3 #39
    ("pubic_symphysis", "Pubic symphysis (upper border)", (0.0, -17.0, 92.3)), # A3 #21
    # A3 #35 gives only "z ~ 126.5-127.0, just below the hiatus"; the point is IVC5 (A4.5 table
    # "IVC5 (-2.7, -12.6, 126.5) Hepatic-vein ostia").
    ("hepatic_vein_ostia", "Hepatic vein ostia (IVC)", (-2.7, -12.6, 126.5)),     # A3 #35 / A4.5
    ("ivc_atrial_junction", "Junction of the IVC with the right atrium", (-2.8, -13.5, 129.0)),  # A4.5 IVC7
    ("svc_atrial_junction", "Junction of the SVC with the right atrium", (-3.1, -15.4, 134.5)),  # A4.8
    ("umbilicus", "Umbilicus", (0.0, -22.0, 108.5)),                           # A3 #48
    ("sma_origin", "Origin of the superior mesenteric artery", (0.8, -13.6, 119.5)),  # A4.5 / A5
    ("xiphisternal_joint", "Xiphisternal joint", (0.0, -20.5, 127.5)),         # A3 #37
    ("sternal_angle", "Sternal angle", (0.0, -18.0, 138.3)),                   # A3 #38
    ("aortic_arch_top", "Top of the aortic arch", (0.0, -13.0, 140.3)),        # A5
    ("right_diaphragm_dome", "Right dome of the diaphragm", (-9.0, -13.0, 129.5)),  # A3 #53
    ("thyroid_cartilage", "Thyroid cartilage (laryngeal prominence)", (0.0, -17.0, 154.0)),  # A3 #42
    ("cricoid_cartilage", "Cricoid cartilage (lower border)", (0.0, -16.0, 151.5)),  # A3 #43
    ("c7_spinous_process", "C7 spinous process (vertebra prominens)", (0.0, -3.0, 149.8)),  # A3 #50
    # Vertebral body centres, A2.3 table (x = 0). l4_body / l5_body above keep their old ids.
    ("c1_vertebra", "C1 vertebra (anterior arch)", (0.0, -10.6, 159.3)),       # A2.3
    ("c3_vertebra", "C3 vertebral body (carotid bifurcation level)", (0.0, -11.0, 156.5)),  # A2.3
    ("c6_vertebra", "C6 vertebral body (vertebral vein exit)", (0.0, -10.6, 152.0)),  # A2.3
    ("t5_vertebra", "T5 vertebral body (azygos arch)", (0.0, -6.5, 140.5)),    # A2.3
    ("t8_vertebra", "T8 vertebral body (hemiazygos crossing)", (0.0, -6.2, 133.3)),  # A2.3
    ("t10_vertebra", "T10 vertebral body (caval hiatus in this model)", (0.0, -7.1, 128.1)),  # A2.3
    ("t12_vertebra", "T12 vertebral body (aortic hiatus)", (0.0, -8.7, 122.6)),  # A2.3
    ("l1_vertebra", "L1 vertebral body", (0.0, -9.9, 119.3)),                  # A2.3
    ("l3_vertebra", "L3 vertebral body", (0.0, -11.6, 111.9)),                 # A2.3
    # Renal hila are asymmetric (the right about 1.5 cm lower), A3 #33.
    ("renal_hilum_left", "Left renal hilum", (5.5, -10.5, 118.0)),             # A3 #33
    ("renal_hilum_right", "Right renal hilum", (-5.5, -10.5, 116.8)),          # A3 #33
]
LANDMARKS_BILATERAL = [  # left values; "{Side}" is replaced by Left/Right
    ("inguinal_ligament_midpoint", "{Side} inguinal ligament midpoint", (7.2, -17.5, 95.7)),  # A3 #22
    ("saphenofemoral_junction", "{Side} saphenofemoral junction", (4.8, -17.0, 90.8)),       # A3 #25
    # A3 has no SPJ row; this is the SPJ waypoint S8 of A4.1.
    ("saphenopopliteal_junction", "{Side} saphenopopliteal junction", (6.9, -4.4, 49.5)),
    ("medial_malleolus", "{Side} medial malleolus", (1.6, -7.0, 8.0)),                        # A3 #3
    ("knee_centre", "{Side} knee centre (epicondylar axis)", (6.9, -9.0, 49.5)),             # A3 #8
    ("femoral_head_centre", "{Side} femoral head centre (hip joint)", (8.8, -12.0, 92.0)),    # A3 #17
    ("lateral_malleolus", "{Side} lateral malleolus", (8.6, -5.5, 7.0)),                      # A3 #4
    ("ankle_joint_centre", "{Side} ankle joint centre", (5.0, -6.5, 7.5)),                    # A3 #5
    ("first_metatarsal_head", "{Side} first metatarsal head", (2.6, -19.2, 2.0)),             # A3 #6
    ("knee_joint_line_medial", "{Side} knee joint line, medial", (2.2, -11.0, 47.5)),        # A3 #9
    ("knee_joint_line_lateral", "{Side} knee joint line, lateral", (11.6, -10.5, 47.5)),     # A3 #10
    ("patella_centre", "{Side} patella (centre)", (6.9, -14.5, 51.0)),                        # A3 #11
    ("tibial_tuberosity", "{Side} tibial tuberosity", (7.3, -13.5, 44.5)),                    # A3 #12
    ("fibular_head", "{Side} fibular head", (11.0, -7.3, 45.5)),                              # A3 #13
    ("popliteal_fossa_centre", "{Side} popliteal fossa (centre)", (7.0, -4.0, 50.0)),         # A3 #14
    ("adductor_tubercle", "{Side} adductor tubercle", (2.5, -8.5, 52.5)),                     # A3 #15
    ("adductor_hiatus", "{Side} adductor hiatus", (7.4, -8.2, 62.5)),                         # A3 #16
    ("femoral_triangle_apex", "{Side} apex of the femoral triangle", (6.7, -15.2, 82.0)),     # A3 #51
    ("greater_trochanter", "{Side} greater trochanter (lateral prominence)", (15.0, -11.5, 92.5)),  # A3 #18
    ("asis", "{Side} anterior superior iliac spine", (12.2, -17.4, 99.4)),                   # A3 #19
    ("pubic_tubercle", "{Side} pubic tubercle", (2.2, -17.5, 92.0)),                          # A3 #20
    ("mid_inguinal_point", "{Side} mid-inguinal point (femoral pulse)", (6.3, -16.8, 95.0)),  # A3 #23
    ("deep_inguinal_ring", "{Side} deep inguinal ring", (7.2, -16.8, 97.2)),                  # A3 #24
    ("saphenous_opening", "{Side} saphenous opening", (4.8, -18.8, 90.7)),                    # A3 #25
    ("iliac_crest_top", "{Side} iliac crest (top)", (13.5, -10.0, 106.0)),                    # A3 #26
    ("nipple", "{Side} nipple", (10.0, -23.0, 127.0)),                                        # A3 #49
    ("sternoclavicular_joint", "{Side} sternoclavicular joint (medial end of the clavicle)",
     (3.0, -16.0, 143.2)),                                                                    # A3 #40
    ("venous_angle", "{Side} venous angle (jugulo-subclavian confluence)", (3.0, -13.6, 143.5)),  # A4.8 LB0
    ("acromion", "{Side} acromion", (19.5, -10.0, 143.5)),                                    # A3 #41
    ("angle_of_mandible", "{Side} angle of the mandible", (5.0, -13.5, 157.0)),              # A3 #44
    ("mastoid_tip", "{Side} mastoid process tip", (5.3, -9.5, 159.5)),                        # A3 #45
    ("jugular_foramen", "{Side} jugular foramen", (3.2, -10.5, 160.8)),                       # A3 #46
    ("tragion", "{Side} tragion (ear canal)", (7.0, -11.5, 162.0)),                           # A3 #47
]

# ----------------------------------------------------------------------------------------------
# Vessel list. Bilateral entries are written once with "{side}" / "{Side}" and expanded.
# Fields: id, name, system, region, drains_into, rows
# ----------------------------------------------------------------------------------------------

BILATERAL_VEINS = [
    ("great_saphenous_vein_{side}", "{Side} great saphenous vein", "superficial", "leg",
     "common_femoral_vein_{side}", GSV),
    ("small_saphenous_vein_{side}", "{Side} small saphenous vein", "superficial", "leg",
     "popliteal_vein_{side}", SSV),
    ("tibioperoneal_trunk_{side}", "{Side} tibioperoneal trunk", "deep", "leg",
     "popliteal_vein_{side}", TIBIOPERONEAL_TRUNK),
    ("popliteal_vein_{side}", "{Side} popliteal vein", "deep", "leg",
     "femoral_vein_{side}", POPLITEAL_VEIN),
    ("femoral_vein_{side}", "{Side} femoral vein", "deep", "leg",
     "common_femoral_vein_{side}", FEMORAL_VEIN),
    ("deep_femoral_vein_{side}", "{Side} deep femoral vein", "deep", "leg",
     "common_femoral_vein_{side}", DEEP_FEMORAL_VEIN),
    ("common_femoral_vein_{side}", "{Side} common femoral vein", "deep", "leg",
     "external_iliac_vein_{side}", COMMON_FEMORAL_VEIN),
    ("external_iliac_vein_{side}", "{Side} external iliac vein", "deep", "pelvis",
     "common_iliac_vein_{side}", EXTERNAL_ILIAC_VEIN),
    ("internal_iliac_vein_{side}", "{Side} internal iliac vein", "deep", "pelvis",
     "common_iliac_vein_{side}", INTERNAL_ILIAC_VEIN),
    ("dorsal_venous_arch_{side}", "{Side} dorsal venous arch of the foot", "superficial", "leg",
     "great_saphenous_vein_{side}", DORSAL_VENOUS_ARCH),
    ("anterior_accessory_saphenous_vein_{side}", "{Side} anterior accessory saphenous vein",
     "superficial", "leg", "great_saphenous_vein_{side}", ANTERIOR_ACCESSORY_SAPHENOUS_VEIN),
    ("posterior_arch_vein_{side}", "{Side} posterior arch vein (posterior accessory GSV of the leg)",
     "superficial", "leg", "great_saphenous_vein_{side}", POSTERIOR_ARCH_VEIN),
    ("gastrocnemius_vein_medial_{side}", "{Side} medial gastrocnemius vein", "deep", "leg",
     "popliteal_vein_{side}", GASTROCNEMIUS_VEIN_MEDIAL),
    ("gastrocnemius_vein_lateral_{side}", "{Side} lateral gastrocnemius vein", "deep", "leg",
     "popliteal_vein_{side}", GASTROCNEMIUS_VEIN_LATERAL),
    ("subclavian_vein_{side}", "{Side} subclavian vein", "deep", "neck",
     "brachiocephalic_vein_{side}", SUBCLAVIAN_VEIN),
    ("internal_jugular_vein_{side}", "{Side} internal jugular vein", "deep", "neck",
     "brachiocephalic_vein_{side}", INTERNAL_JUGULAR_VEIN),
    ("external_jugular_vein_{side}", "{Side} external jugular vein", "superficial", "neck",
     "subclavian_vein_{side}", EXTERNAL_JUGULAR_VEIN),
    ("vertebral_vein_{side}", "{Side} vertebral vein", "deep", "neck",
     "brachiocephalic_vein_{side}", VERTEBRAL_VEIN),
    ("transverse_sinus_{side}", "{Side} transverse sinus", "deep", "head",
     "sigmoid_sinus_{side}", TRANSVERSE_SINUS),
    ("sigmoid_sinus_{side}", "{Side} sigmoid sinus", "deep", "head",
     "internal_jugular_vein_{side}", SIGMOID_SINUS),
    ("condylar_vein_{side}", "{Side} posterior condylar emissary vein", "deep", "head",
     "vertebral_vein_{side}", CONDYLAR_VEIN),
]

# Per-side radius overrides (the right IJV is larger, A4.9).
SIDE_RADII = {("internal_jugular_vein_{side}", "right"): IJV_RIGHT_RADII,
              ("transverse_sinus_{side}", "right"): TRANSVERSE_SINUS_RIGHT_RADII,
              ("sigmoid_sinus_{side}", "right"): SIGMOID_SINUS_RIGHT_RADII}

# Plantar veins: (id, name, drains_into = the PTV member whose first point is their last point,
# LEFT rows without that last point). See left_vein_specs.
PLANTAR_VEINS = [
    ("medial_plantar_vein_{side}", "{Side} medial plantar vein", "posterior_tibial_vein_1_{side}",
     MEDIAL_PLANTAR_VEIN),
    ("lateral_plantar_vein_{side}", "{Side} lateral plantar vein", "posterior_tibial_vein_2_{side}",
     LATERAL_PLANTAR_VEIN),
]

# Pairs: (id stem, display stem, drains_into, centreline rows). Member 1 is the medial one,
# member 2 the lateral one (medial/lateral keep their meaning after mirroring).
BILATERAL_PAIRS = [
    ("posterior_tibial_vein", "posterior tibial vein", "tibioperoneal_trunk_{side}", PTV_PAIR),
    ("peroneal_vein", "peroneal vein", "tibioperoneal_trunk_{side}", PERONEAL_PAIR),
    ("anterior_tibial_vein", "anterior tibial vein", "popliteal_vein_{side}", ATV_PAIR),
]

CENTRAL_VEINS = [
    ("common_iliac_vein_left", "Left common iliac vein", "deep", "pelvis",
     "inferior_vena_cava", LEFT_COMMON_ILIAC_VEIN),
    ("common_iliac_vein_right", "Right common iliac vein", "deep", "pelvis",
     "inferior_vena_cava", RIGHT_COMMON_ILIAC_VEIN),
    ("inferior_vena_cava", "Inferior vena cava", "central", "abdomen",
     "right_atrium", INFERIOR_VENA_CAVA),
    ("renal_vein_left", "Left renal vein", "central", "abdomen",
     "inferior_vena_cava", LEFT_RENAL_VEIN),
    ("renal_vein_right", "Right renal vein", "central", "abdomen",
     "inferior_vena_cava", RIGHT_RENAL_VEIN),
    ("gonadal_vein_left", "Left gonadal (testicular) vein", "deep", "abdomen",
     "renal_vein_left", LEFT_GONADAL_VEIN),
    ("gonadal_vein_right", "Right gonadal (testicular) vein", "deep", "abdomen",
     "inferior_vena_cava", RIGHT_GONADAL_VEIN),
    ("ascending_lumbar_vein_left", "Left ascending lumbar vein", "deep", "abdomen",
     "hemiazygos_vein", LEFT_ASCENDING_LUMBAR_VEIN),
    ("ascending_lumbar_vein_right", "Right ascending lumbar vein", "deep", "abdomen",
     "azygos_vein", RIGHT_ASCENDING_LUMBAR_VEIN),
] + [(vid, name, "deep", "abdomen", "inferior_vena_cava", rows) for vid, name, rows in LUMBAR_VEINS] + [
    ("azygos_vein", "Azygos vein", "deep", "thorax", "superior_vena_cava", AZYGOS_VEIN),
    ("hemiazygos_vein", "Hemiazygos vein", "deep", "thorax", "azygos_vein", HEMIAZYGOS_VEIN),
    ("cross_pelvic_collateral", "Cross-pelvic collateral (pre-sacral and pudendal plexuses)",
     "collateral", "pelvis", "internal_iliac_vein_right", CROSS_PELVIC_COLLATERAL),
    ("vertebral_venous_plexus", "Vertebral venous plexus (cervical and thoracic channel)",
     "collateral", "thorax", "azygos_vein", VERTEBRAL_VENOUS_PLEXUS),
    ("vertebral_venous_plexus_lumbar", "Vertebral venous plexus (lumbar channel)",
     "collateral", "abdomen", "ascending_lumbar_vein_right", VERTEBRAL_VENOUS_PLEXUS_LUMBAR),
    ("hepatic_vein_right", "Right hepatic vein", "central", "liver",
     "inferior_vena_cava", RIGHT_HEPATIC_VEIN),
    ("hepatic_vein_middle", "Middle hepatic vein", "central", "liver",
     "inferior_vena_cava", MIDDLE_HEPATIC_VEIN),
    ("hepatic_vein_left", "Left hepatic vein (common trunk with the middle hepatic vein)",
     "central", "liver", "hepatic_vein_middle", LEFT_HEPATIC_VEIN),
    ("superior_mesenteric_vein", "Superior mesenteric vein", "central", "abdomen",
     "portal_vein", SUPERIOR_MESENTERIC_VEIN),
    ("splenic_vein", "Splenic vein", "central", "abdomen", "portal_vein", SPLENIC_VEIN),
    ("superior_rectal_vein", "Superior rectal vein", "central", "pelvis",
     "inferior_mesenteric_vein", SUPERIOR_RECTAL_VEIN),
    ("inferior_mesenteric_vein", "Inferior mesenteric vein", "central", "abdomen",
     "splenic_vein", INFERIOR_MESENTERIC_VEIN),
    ("portal_vein", "Portal vein", "central", "liver", "portal_vein_right_branch", PORTAL_VEIN),
    ("portal_vein_right_branch", "Right branch of the portal vein", "central", "liver",
     "liver_sinusoids", PORTAL_VEIN_RIGHT_BRANCH),
    ("portal_vein_left_branch", "Left branch of the portal vein", "central", "liver",
     "liver_sinusoids", PORTAL_VEIN_LEFT_BRANCH),
    ("caudate_lobe_vein", "Caudate lobe vein", "central", "liver", "inferior_vena_cava", CAUDATE_VEIN),
    ("left_gastric_vein", "Left gastric (coronary) vein", "central", "abdomen", "portal_vein",
     LEFT_GASTRIC_VEIN),
    ("oesophageal_varices", "Oesophageal varices (left gastric to azygos)", "collateral", "thorax",
     "azygos_vein", OESOPHAGEAL_VARICES),
    ("paraumbilical_vein", "Paraumbilical vein and abdominal wall veins", "collateral", "abdomen",
     "superficial_epigastric_vein_right", PARAUMBILICAL_VEIN),
    ("splenorenal_shunt", "Splenorenal shunt", "collateral", "abdomen", "renal_vein_left",
     SPLENORENAL_SHUNT),
    ("rectal_portosystemic_veins", "Middle and inferior rectal veins (rectal varices)", "collateral",
     "pelvis", "internal_iliac_vein_left", RECTAL_PORTOSYSTEMIC_VEINS),
    ("tips_shunt", "TIPS (transjugular intrahepatic portosystemic shunt)", "collateral", "liver",
     "inferior_vena_cava", TIPS_SHUNT),
    ("palma_crossover_graft", "Palma crossover graft (right saphenous vein to the left groin)",
     "collateral", "pelvis", "common_femoral_vein_right", PALMA_GRAFT),
    ("superior_sagittal_sinus", "Superior sagittal sinus", "deep", "head",
     "transverse_sinus_right", SUPERIOR_SAGITTAL_SINUS),
    ("straight_sinus", "Straight sinus", "deep", "head", "transverse_sinus_left", STRAIGHT_SINUS),
    ("occipital_sinus", "Occipital and marginal sinus (to the vertebral venous plexus)", "deep", "head",
     "vertebral_venous_plexus", OCCIPITAL_SINUS),
    ("superior_vena_cava", "Superior vena cava", "central", "thorax",
     "right_atrium", SUPERIOR_VENA_CAVA),
    ("brachiocephalic_vein_left", "Left brachiocephalic vein", "central", "thorax",
     "superior_vena_cava", LEFT_BRACHIOCEPHALIC_VEIN),
    ("brachiocephalic_vein_right", "Right brachiocephalic vein", "central", "thorax",
     "superior_vena_cava", RIGHT_BRACHIOCEPHALIC_VEIN),
]

# Veins that drain into the right atrium directly.
ATRIAL_VEINS = {"inferior_vena_cava", "superior_vena_cava"}

ARTERIES_ASYMMETRIC = [
    ("thoracic_aorta", "Thoracic aorta (ascending aorta, arch and descending aorta)", "thorax",
     THORACIC_AORTA),
    ("abdominal_aorta", "Abdominal aorta", "abdomen", ABDOMINAL_AORTA),
    ("common_iliac_artery_left", "Left common iliac artery", "pelvis", LEFT_COMMON_ILIAC_ARTERY),
    ("common_iliac_artery_right", "Right common iliac artery", "pelvis", RIGHT_COMMON_ILIAC_ARTERY),
]
ARTERIES_BILATERAL = [
    ("external_iliac_artery_{side}", "{Side} external iliac artery", "pelvis", EXTERNAL_ILIAC_ARTERY),
    ("femoral_artery_{side}", "{Side} femoral artery", "leg", FEMORAL_ARTERY),
    ("popliteal_artery_{side}", "{Side} popliteal artery", "leg", POPLITEAL_ARTERY),
]

SIDES = (("left", "Left", 1.0), ("right", "Right", -1.0))

# ----------------------------------------------------------------------------------------------
# Geometry helpers
# ----------------------------------------------------------------------------------------------


def sub(a, b):
    return tuple(ai - bi for ai, bi in zip(a, b))


def add(a, b):
    return tuple(ai + bi for ai, bi in zip(a, b))


def scale(a, s):
    return tuple(ai * s for ai in a)


def dot(a, b):
    return sum(ai * bi for ai, bi in zip(a, b))


def norm(a):
    return math.sqrt(dot(a, a))


def unit(a):
    n = norm(a)
    if n < 1e-12:
        raise ValueError("zero-length vector")
    return scale(a, 1.0 / n)


def rnd(v, step):
    """Round to 1 or 2 decimals and avoid -0.0 in the output."""
    r = round(v, step)
    return 0.0 if r == 0 else r


def polyline_closest(points, radii, q):
    """Closest point on the polyline to q. Returns (distance, arc-length fraction, radius there)."""
    seg_lengths = [norm(sub(points[i + 1], points[i])) for i in range(len(points) - 1)]
    total = sum(seg_lengths)
    best = None
    cum = 0.0
    for i, seg_len in enumerate(seg_lengths):
        a, b = points[i], points[i + 1]
        ab = sub(b, a)
        t = 0.0 if seg_len == 0 else max(0.0, min(1.0, dot(sub(q, a), ab) / (seg_len * seg_len)))
        p = add(a, scale(ab, t))
        d = norm(sub(q, p))
        if best is None or d < best[0] - 1e-12:
            r = radii[i] + (radii[i + 1] - radii[i]) * t
            best = (d, (cum + t * seg_len) / total if total > 0 else 0.0, r)
        cum += seg_len
    return best


def sample_polyline(points, radii, step=0.1):
    """Points every `step` cm along the polyline, with interpolated radius."""
    out = []
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        n = max(1, int(math.ceil(norm(sub(b, a)) / step)))
        for k in range(n):
            t = k / n
            out.append((add(a, scale(sub(b, a), t)), radii[i] + (radii[i + 1] - radii[i]) * t))
    out.append((points[-1], radii[-1]))
    return out


def polyline_length(points):
    return sum(norm(sub(points[i + 1], points[i])) for i in range(len(points) - 1))


# ----------------------------------------------------------------------------------------------
# Building
# ----------------------------------------------------------------------------------------------


def mirror_rows(rows, sign):
    return [((sign * p[0], p[1], p[2]), r) for p, r in rows]


def make_pair(rows):
    """Two venae comitantes from a pair centreline (left side).

    Each member is offset PAIR_HALF_SPACING_CM along the direction perpendicular to the local
    tangent that is closest to +x (x minus its tangential component), so the pair straddles the
    artery side by side (medial / lateral) as in A4.2. At the last point the offset is zero:
    the two veins converge where they join their trunk, so the tubes meet at one point.
    Returns (medial_rows, lateral_rows).
    """
    pts = [p for p, _ in rows]
    medial, lateral = [], []
    n = len(pts)
    for i, (p, r) in enumerate(rows):
        if i == 0:
            tangent = unit(sub(pts[1], pts[0]))
        elif i == n - 1:
            tangent = unit(sub(pts[-1], pts[-2]))
        else:
            tangent = unit(sub(pts[i + 1], pts[i - 1]))
        xaxis = (1.0, 0.0, 0.0)
        perp = unit(sub(xaxis, scale(tangent, dot(xaxis, tangent))))
        off = 0.0 if i == n - 1 else PAIR_HALF_SPACING_CM
        medial.append((sub(p, scale(perp, off)), r))   # smaller x on the left = medial
        lateral.append((add(p, scale(perp, off)), r))
    return medial, lateral


def vessel(vid, name, system, region, drains_into, rows):
    return {
        "id": vid,
        "name": name,
        "system": system,
        "region": region,
        "drains_into": drains_into,
        "drains_at": 0.0,
        "points": [[rnd(c, 1) for c in p] for p, _ in rows],
        "radii": [rnd(r, 2) for _, r in rows],
    }


def closest_point(points, q):
    """Closest point to q on the polyline `points`: (point, distance)."""
    best = None
    for a, b in zip(points, points[1:]):
        ab = sub(b, a)
        ll = dot(ab, ab)
        t = 0.0 if ll == 0 else max(0.0, min(1.0, dot(sub(q, a), ab) / ll))
        p = add(a, scale(ab, t))
        d = norm(sub(q, p))
        if best is None or d < best[1]:
            best = (p, d)
    return best


def left_vein_specs():
    """Every bilateral vein as LEFT-side geometry, in output order.

    Returns (specs, snaps): specs = [(id template, name template, system, region, drains_into
    template, rows)], snaps = [(id template, which end, distance moved in cm)] for the perforator
    ends that were snapped onto their veins.
    """
    specs = []
    rows_by_id = {}

    def add_spec(vid, name, system, region, target, rows):
        specs.append((vid, name, system, region, target, rows))
        rows_by_id[vid] = rows

    for vid, name, system, region, target, rows in BILATERAL_VEINS:
        add_spec(vid, name, system, region, target, rows)
    for stem, label, target, rows in BILATERAL_PAIRS:
        medial, lateral = make_pair(rows)
        for idx, (member, where) in enumerate(((medial, "medial"), (lateral, "lateral")), 1):
            add_spec("%s_%d_{side}" % (stem, idx), "{Side} %s %d (%s of the pair)" % (label, idx, where),
                     "deep", "leg", target, member)

    def pts(vid):
        return [p for p, _ in rows_by_id[vid]]

    # Plantar veins end on the first point of their PTV member ([D]).
    for vid, name, target, rows in PLANTAR_VEINS:
        end = rows_by_id[target][0]
        add_spec(vid, name, "deep", "leg", target, rows + [(end[0], end[1])])
    # Soleal sinuses + stub to a deep vein member at join_z ([D] on the member's polyline).
    for vid, name, p0, p1, top_z, target, join_z, rmax in SOLEAL_VEINS:
        def on_line(z):
            t = (z - p0[2]) / (p1[2] - p0[2])
            return add(p0, scale(sub(p1, p0), t))
        start, top = on_line(20.0), on_line(top_z)
        mid = on_line((20.0 + top_z) / 2.0)
        end = point_at_z(pts(target), join_z)
        add_spec(vid, name, "deep", "leg", target,
                 [(start, 0.5 * rmax), (mid, rmax), (top, 0.5 * rmax), (end, 0.5 * rmax)])
    # Junctional tributaries end on the GSV at their join height ([D]).
    gsv = "great_saphenous_vein_{side}"
    for vid, name, rows, join_z, r_end in JUNCTIONAL_TRIBUTARIES:
        add_spec(vid, name, "superficial", "leg", gsv, rows + [(point_at_z(pts(gsv), join_z), r_end)])
    # Perforators: both ends snapped onto their veins.
    snaps = []
    for vid, name, sup_id, sup_pt, deep_id, deep_pt in PERFORATORS:
        start, d_start = closest_point(pts(sup_id), sup_pt)
        end, d_end = closest_point(pts(deep_id), deep_pt)
        snaps.append((vid, "superficial end", d_start))
        snaps.append((vid, "deep end", d_end))
        add_spec(vid, name, "perforator", "leg", deep_id,
                 [(start, PERFORATOR_RADIUS), (end, PERFORATOR_RADIUS)])
        PERFORATOR_ORIGIN[vid] = sup_id
    return specs, snaps


# Perforator id template -> the superficial vein it starts on (filled by left_vein_specs; not
# written out: the scene format has no key for it).
PERFORATOR_ORIGIN = {}


def build_vessels():
    specs, snaps = left_vein_specs()
    for vid, which, dist in snaps:
        if dist > PERFORATOR_MAX_SNAP_CM:
            raise SceneError("perforator %s: its %s from anatomy.md lies %.2f cm from its vein "
                             "(more than %.1f)" % (vid, which, dist, PERFORATOR_MAX_SNAP_CM))
    vessels = []
    for side, Side, sign in SIDES:
        def fmt(s):
            return s.format(side=side, Side=Side)

        for vid, name, system, region, target, rows in specs:
            rows = mirror_rows(rows, sign)
            override = SIDE_RADII.get((vid, side))
            if override is not None:
                if len(override) != len(rows):
                    raise SceneError("%s: %d override radii for %d points"
                                     % (fmt(vid), len(override), len(rows)))
                rows = [(p, r) for (p, _), r in zip(rows, override)]
            vessels.append(vessel(fmt(vid), fmt(name), system, region, fmt(target), rows))
    for vid, name, system, region, target, rows in CENTRAL_VEINS:
        vessels.append(vessel(vid, name, system, region, target, rows))
        if vid in REST_OPEN:
            vessels[-1]["rest_open"] = REST_OPEN[vid]
    for vid, name, region, rows in ARTERIES_ASYMMETRIC:
        vessels.append(vessel(vid, name, "artery", region, "", rows))
    for side, Side, sign in SIDES:
        for vid, name, region, rows in ARTERIES_BILATERAL:
            vessels.append(vessel(vid.format(side=side), name.format(Side=Side), "artery", region,
                                  "", mirror_rows(rows, sign)))
    return vessels, snaps


def build_landmarks():
    out = []
    for lid, name, pos in LANDMARKS_MIDLINE:
        out.append({"id": lid, "name": name, "position": [rnd(c, 1) for c in pos]})
    for side, Side, sign in SIDES:
        for lid, name, pos in LANDMARKS_BILATERAL:
            p = (sign * pos[0], pos[1], pos[2])
            out.append({"id": "%s_%s" % (lid, side), "name": name.format(Side=Side),
                        "position": [rnd(c, 1) for c in p]})
    return out


# ----------------------------------------------------------------------------------------------
# Validation (runs on the rounded data that is written out)
# ----------------------------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


class SceneError(Exception):
    pass


def fail(msg):
    raise SceneError(msg)


def compute_drains_at_and_check_junctions(vessels):
    by_id = {v["id"]: v for v in vessels}
    for v in vessels:
        target = v["drains_into"]
        if target in ("", "right_atrium", "liver_sinusoids"):
            v["drains_at"] = 0.0
            continue
        parent = by_id[target]
        end = tuple(v["points"][-1])
        dist, frac, r_parent = polyline_closest([tuple(p) for p in parent["points"]],
                                                parent["radii"], end)
        limit = r_parent + JUNCTION_SLACK_CM
        if dist > limit:
            fail("junction: %s ends %.2f cm from the centreline of %s (allowed %.2f = radius %.2f"
                 " + %.1f)" % (v["id"], dist, target, limit, r_parent, JUNCTION_SLACK_CM))
        v["drains_at"] = round(frac, 3)
    # Arteries: each branch must start on its parent (internal table, not written out).
    for child, parent_id in ARTERY_PARENTS.items():
        c, p = by_id[child], by_id[parent_id]
        dist, _, r_parent = polyline_closest([tuple(q) for q in p["points"]], p["radii"],
                                             tuple(c["points"][0]))
        if dist > r_parent + JUNCTION_SLACK_CM:
            fail("artery junction: %s starts %.2f cm from %s" % (child, dist, parent_id))


def validate_structure(vessels, landmarks):
    ids = [v["id"] for v in vessels]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        fail("duplicate vessel ids: %s" % ", ".join(dupes))
    known = set(ids)
    for v in vessels:
        vid = v["id"]
        if not ID_RE.match(vid):
            fail("%s: id is not snake_case" % vid)
        if v["system"] not in SYSTEMS:
            fail("%s: unknown system %r" % (vid, v["system"]))
        if v["region"] not in REGIONS:
            fail("%s: unknown region %r" % (vid, v["region"]))
        if not v["name"]:
            fail("%s: empty name" % vid)
        target = v["drains_into"]
        if v["system"] == "artery":
            if target != "":
                fail("%s: arteries must have drains_into \"\"" % vid)
        elif target == "right_atrium":
            if vid not in ATRIAL_VEINS:
                fail("%s: only the IVC and the SVC drain into the right atrium" % vid)
        elif target == "liver_sinusoids":
            if not vid.startswith("portal_vein"):
                fail("%s: only the portal vein's branches drain into the liver sinusoids" % vid)
        elif target not in known:
            fail("%s: drains_into %r is not a vessel in the scene" % (vid, target))
        elif target == vid:
            fail("%s drains into itself" % vid)
        if len(v["points"]) < 2:
            fail("%s: needs at least 2 points" % vid)
        if len(v["radii"]) != len(v["points"]):
            fail("%s: %d points but %d radii" % (vid, len(v["points"]), len(v["radii"])))
        for p in v["points"]:
            if len(p) != 3 or not all(math.isfinite(c) for c in p):
                fail("%s: bad point %r" % (vid, p))
        for a, b in zip(v["points"], v["points"][1:]):
            if norm(sub(b, a)) < 1e-6:
                fail("%s: repeated point %r" % (vid, a))
        for r in v["radii"]:
            if not (math.isfinite(r) and r > 0):
                fail("%s: radius must be > 0, got %r" % (vid, r))
    # Every vein must reach the right atrium without cycles.
    by_id = {v["id"]: v for v in vessels}
    for v in vessels:
        if v["system"] == "artery":
            continue
        seen, cur = set(), v["id"]
        while cur not in ("right_atrium", "liver_sinusoids"):
            if cur in seen:
                fail("drainage cycle through %s" % cur)
            seen.add(cur)
            cur = by_id[cur]["drains_into"]
    lids = [l["id"] for l in landmarks]
    dupes = sorted({i for i in lids if lids.count(i) > 1})
    if dupes:
        fail("duplicate landmark ids: %s" % ", ".join(dupes))
    for l in landmarks:
        if not ID_RE.match(l["id"]) or len(l["position"]) != 3:
            fail("bad landmark %r" % l)


def point_at_z(points, z):
    """Interpolated point of a polyline at height z (first crossing)."""
    for a, b in zip(points, points[1:]):
        if min(a[2], b[2]) <= z <= max(a[2], b[2]) and a[2] != b[2]:
            t = (z - a[2]) / (b[2] - a[2])
            return add(tuple(a), scale(sub(tuple(b), tuple(a)), t))
    fail("polyline does not reach z = %.1f" % z)


def validate_relations(vessels, landmarks):
    """A few of the A6 reviewer relations, checked on the data written out."""
    v = {x["id"]: x for x in vessels}
    lm = {l["id"]: l["position"] for l in landmarks}

    # A4.4 / A6 #21, the May-Thurner relation: the RCIA crosses directly anterior to the left
    # CIV at LC2, and LC2 lies between the artery and the anterior surface of L5 (y = -12.5).
    lciv, rcia = v["common_iliac_vein_left"], v["common_iliac_artery_right"]
    lc2 = tuple(lciv["points"][2])
    if lc2 != (0.0, -12.9, 103.8):
        fail("LC2 moved: %r" % (lc2,))
    d, _, r_art = polyline_closest([tuple(p) for p in rcia["points"]], rcia["radii"], lc2)
    cross = tuple(rcia["points"][1])
    l5_front_y = -12.5  # A2.3 / A3 #28
    if not (cross[1] < lc2[1] < l5_front_y):
        fail("May-Thurner: LC2 y %.1f is not between the RCIA (%.1f) and L5 (%.1f)"
             % (lc2[1], cross[1], l5_front_y))
    if abs(cross[0] - lc2[0]) > 0.5:
        fail("May-Thurner: RCIA is not directly anterior to LC2")
    # A4.4 says the centres are "1.0 cm apart = 0.43 + 0.5, so they touch". In fact the AP offset
    # is 1.0 but the two points also differ by 0.5 cm in z (centre distance 1.12), and
    # 0.43 + 0.5 = 0.93, so with the given coordinates the walls are ~0.19 cm apart. Accept up to
    # 0.3 cm, which still reads as "touching" at the scale of this model (A0.2: +-2 cm).
    gap = d - r_art - lciv["radii"][2]
    if gap < -0.05 or gap > 0.3:
        fail("May-Thurner: RCIA and LCIV walls at the crossing should touch, gap %.2f cm" % gap)
    if lc2[1] + lciv["radii"][2] > l5_front_y + 0.05:
        fail("May-Thurner: LCIV tube at LC2 cuts into the L5 body")

    # A6 #23: IVC to the right of the aorta (at L4, z 108).
    if not point_at_z(v["inferior_vena_cava"]["points"], 108.0)[0] < \
            point_at_z(v["abdominal_aorta"]["points"], 108.0)[0]:
        fail("IVC must lie to the right of the aorta")
    # A6 #27: LRV crosses anterior to the aorta (smaller y) at LR2.
    lr2 = v["renal_vein_left"]["points"][2]
    ao = point_at_z(v["abdominal_aorta"]["points"], lr2[2])
    if not (lr2[1] < ao[1] and abs(lr2[0] - ao[0]) < 1.0):
        fail("left renal vein must cross anterior to the aorta")
    # A6 #20: aortic bifurcation above the iliac venous confluence.
    if not v["abdominal_aorta"]["points"][-1][2] > v["inferior_vena_cava"]["points"][0][2]:
        fail("aortic bifurcation must lie above the iliac venous confluence")
    for side, sign in (("left", 1.0), ("right", -1.0)):
        # A6 #8: popliteal vein posterior (larger y) to the artery at the joint line (z 47.5).
        pv = point_at_z(v["popliteal_vein_" + side]["points"], 47.5)
        pa = point_at_z(v["popliteal_artery_" + side]["points"], 47.5)
        if not pv[1] > pa[1]:
            fail("%s popliteal vein must be posterior to the artery at the knee" % side)
        # A6 #13: CFV medial to the CFA at the ligament (z 94.2).
        cfv = point_at_z(v["common_femoral_vein_" + side]["points"], 94.0)
        cfa = point_at_z(v["femoral_artery_" + side]["points"], 94.0)
        if not abs(cfv[0]) < abs(cfa[0]):
            fail("%s common femoral vein must be medial to the artery" % side)
        # A6 #1: GSV anterior to the medial malleolus (GSV at the malleolus height vs malleolus).
        mm = lm["medial_malleolus_" + side]
        g1 = point_at_z(v["great_saphenous_vein_" + side]["points"], mm[2])
        if not g1[1] < mm[1]:
            fail("%s GSV must pass anterior to the medial malleolus" % side)
        # Mirror sanity: left structures at x > 0, right at x < 0 (by the first point).
        if sign * v["femoral_vein_" + side]["points"][0][0] <= 0:
            fail("%s femoral vein on the wrong side" % side)


def validate_portal_relations(vessels, landmarks):
    """Relations of the portal system and its collaterals (issue 15), on the data written out."""
    v = {x["id"]: x for x in vessels}
    lm = {l["id"]: l["position"] for l in landmarks}

    def pts(vid):
        return [tuple(p) for p in v[vid]["points"]]

    def on_vein(q, vid, slack=0.5):
        d, _, r = polyline_closest(pts(vid), v[vid]["radii"], tuple(q))
        return d <= r + slack

    # The portal vein forms where the superior mesenteric and splenic veins end, behind the
    # pancreatic neck at about L1/L2 (z between the L2 body, 115.7, and T12/L1, 121.5).
    pv0 = pts("portal_vein")[0]
    for vid in ("superior_mesenteric_vein", "splenic_vein"):
        if v[vid]["drains_into"] != "portal_vein" or norm(sub(pts(vid)[-1], pv0)) > 0.3:
            fail("%s must end where the portal vein begins" % vid)
    if not 115.7 <= pv0[2] <= 121.5:
        fail("the portal vein must form at about L1/L2, not z %.1f" % pv0[2])
    # The portal vein runs up and to the right in front of the IVC (epiploic foramen between).
    mid = polyline_closest(pts("portal_vein"), v["portal_vein"]["radii"], pts("portal_vein")[2])
    pv2 = pts("portal_vein")[2]
    ivc = point_at_z(v["inferior_vena_cava"]["points"], pv2[2])
    if not (pv2[1] < ivc[1] - 1.0 and pts("portal_vein")[-1][0] < pv0[0] and pts("portal_vein")[-1][2] > pv0[2]):
        fail("the portal vein must run up and to the right in front of the IVC")
    # The superior mesenteric vein passes in front of the left renal vein; the splenic vein runs
    # in front of the left kidney's hilum and the left renal vein.
    lr = v["renal_vein_left"]["points"]
    smv = point_at_z(v["superior_mesenteric_vein"]["points"], lr[3][2])
    if not smv[1] < lr[3][1] - 1.0:
        fail("the superior mesenteric vein must pass in front of the left renal vein")
    sv_at = polyline_closest(pts("splenic_vein"), v["splenic_vein"]["radii"], tuple(lr[0]))
    if not sv_at[0] > 1.0 or not min(p[1] for p in pts("splenic_vein")) < lr[1][1]:
        fail("the splenic vein must run in front of the left renal vein")
    # The inferior mesenteric vein joins the splenic vein to the left of the aorta.
    imv_end = pts("inferior_mesenteric_vein")[-1]
    ao = point_at_z(v["abdominal_aorta"]["points"], imv_end[2])
    if v["inferior_mesenteric_vein"]["drains_into"] != "splenic_vein" or not imv_end[0] > ao[0]:
        fail("the inferior mesenteric vein must join the splenic vein to the left of the aorta")
    if v["superior_rectal_vein"]["drains_into"] != "inferior_mesenteric_vein":
        fail("the superior rectal vein must continue as the inferior mesenteric vein")
    # Both portal branches start at the bifurcation and end in the liver's sinusoids.
    for vid in ("portal_vein_right_branch", "portal_vein_left_branch"):
        if v[vid]["drains_into"] != "liver_sinusoids" or norm(sub(pts(vid)[0], pts("portal_vein")[-1])) > 0.3:
            fail("%s must start at the portal bifurcation and drain into the liver sinusoids" % vid)
    # The caudate lobe drains straight into the IVC, below the main hepatic veins' ostia.
    cv = v["caudate_lobe_vein"]
    if cv["drains_into"] != "inferior_vena_cava" or not pts("caudate_lobe_vein")[-1][2] < min(
            pts(h)[-1][2] for h in ("hepatic_vein_right", "hepatic_vein_middle")) - 2.0:
        fail("the caudate lobe vein must enter the IVC below the main hepatic veins")
    # Portosystemic routes: each joins a portal vein to a systemic one.
    portal = {"portal_vein", "portal_vein_left_branch", "portal_vein_right_branch", "splenic_vein",
              "left_gastric_vein", "superior_rectal_vein", "superior_mesenteric_vein",
              "inferior_mesenteric_vein"}
    for vid, start_on, target in (
            ("oesophageal_varices", "left_gastric_vein", "azygos_vein"),
            ("paraumbilical_vein", "portal_vein_left_branch", "superficial_epigastric_vein_right"),
            ("splenorenal_shunt", "splenic_vein", "renal_vein_left"),
            ("rectal_portosystemic_veins", "superior_rectal_vein", "internal_iliac_vein_left"),
            ("tips_shunt", "portal_vein_right_branch", "inferior_vena_cava")):
        if start_on not in portal or v[vid]["drains_into"] != target or not on_vein(pts(vid)[0], start_on):
            fail("%s must run from the %s to the %s" % (vid, start_on, target))
    # The left gastric vein reaches the gastro-oesophageal junction, in front of and left of the
    # aorta at the hiatus; the varices climb the oesophagus to the azygos.
    goj = pts("left_gastric_vein")[0]
    ao = point_at_z(v["thoracic_aorta"]["points"], goj[2])
    if not (goj[0] > ao[0] and goj[1] < ao[1]) or v["left_gastric_vein"]["drains_into"] != "portal_vein":
        fail("the left gastric vein must run from the gastro-oesophageal junction to the portal vein")
    # The paraumbilical vein passes the umbilicus.
    d, _, _ = polyline_closest(pts("paraumbilical_vein"), v["paraumbilical_vein"]["radii"], tuple(lm["umbilicus"]))
    if d > 1.0:
        fail("the paraumbilical vein must pass within 1 cm of the umbilicus (%.1f)" % d)
    # The Palma graft crosses from the left common femoral vein to the right one above the pubis.
    pg = pts("palma_crossover_graft")
    if not (on_vein(pg[0], "common_femoral_vein_left") and v["palma_crossover_graft"]["drains_into"] ==
            "common_femoral_vein_right" and max(p[2] for p in pg) > pg[0][2]):
        fail("the Palma graft must cross from the left to the right common femoral vein above the pubis")
    for vid, share in REST_OPEN.items():
        if not 0.0 <= share <= 1.0:
            fail("%s: rest_open %r outside 0..1" % (vid, share))


def validate_head_relations(vessels, landmarks):
    """Relations of the dural sinuses (standard anatomy; the points are estimates, A has none)."""
    v = {x["id"]: x for x in vessels}
    lm = {x["id"]: x["position"] for x in landmarks}
    sss = v["superior_sagittal_sinus"]["points"]
    if any(abs(p[0]) > 1e-6 for p in sss):
        fail("the superior sagittal sinus must run in the midline (x = 0)")
    if max(p[2] for p in sss) < 172.0:
        fail("the superior sagittal sinus must pass under the vertex (z >= 172)")
    torcula = lm["confluence_of_sinuses"]
    for vid in ("superior_sagittal_sinus", "straight_sinus"):
        if norm(sub(v[vid]["points"][-1], torcula)) > 0.05:
            fail("%s must end at the confluence of the sinuses" % vid)
    if v["superior_sagittal_sinus"]["drains_into"] != "transverse_sinus_right":
        fail("the superior sagittal sinus must continue as the right transverse sinus (usual pattern)")
    if v["straight_sinus"]["drains_into"] != "transverse_sinus_left":
        fail("the straight sinus must continue as the left transverse sinus (usual pattern)")
    for side, sign in (("left", 1), ("right", -1)):
        ts, sig = v["transverse_sinus_" + side], v["sigmoid_sinus_" + side]
        jf = lm["jugular_foramen_" + side]
        if norm(sub(ts["points"][0], torcula)) > 0.05:
            fail("the %s transverse sinus must start at the confluence" % side)
        if not sign * ts["points"][-1][0] > 5.0:
            fail("the %s transverse sinus must reach the side of the skull (|x| > 5)" % side)
        if norm(sub(sig["points"][-1], jf)) > 0.05:
            fail("the %s sigmoid sinus must end at the jugular foramen" % side)
        if not sig["points"][-1][1] < ts["points"][0][1] - 5.0:
            fail("the %s jugular foramen must lie well in front of the torcula" % side)
        ijv = v["internal_jugular_vein_" + side]
        if norm(sub(ijv["points"][0], jf)) > 0.05:
            fail("the %s internal jugular vein must begin at the jugular foramen" % side)
        cv = v["condylar_vein_" + side]
        if norm(sub(cv["points"][-1], v["vertebral_vein_" + side]["points"][0])) > 0.05:
            fail("the %s condylar vein must end at the start of the vertebral vein" % side)
        d = min(norm(sub(cv["points"][0], p)) for p in sig["points"])
        if d > 0.05:
            fail("the %s condylar vein must leave the sigmoid sinus" % side)
        for vid in ("transverse_sinus_", "sigmoid_sinus_", "condylar_vein_"):
            for p in v[vid + side]["points"]:
                if not (158.0 <= p[2] <= 174.0 and abs(p[0]) <= 6.6 and -20.0 <= p[1] <= -2.5):
                    fail("%s%s: point %s lies outside the skull (EST inner table)" % (vid, side, p))
    if not max(v["transverse_sinus_right"]["radii"]) > max(v["transverse_sinus_left"]["radii"]):
        fail("the right transverse sinus must be the larger (CE-MRV 6.65 vs 5.37 mm)")
    occ = v["occipital_sinus"]["points"]
    if norm(sub(occ[-1], v["vertebral_venous_plexus"]["points"][0])) > 0.05:
        fail("the occipital sinus must end at the start of the vertebral venous plexus")


def validate_clearance(vessels):
    """Artery and vein tubes must not cut into each other (beyond a 0.05 cm tolerance)."""
    tol = 0.05
    arteries = [x for x in vessels if x["system"] == "artery"]
    veins = [x for x in vessels if x["system"] != "artery"]
    samples = {x["id"]: sample_polyline([tuple(p) for p in x["points"]], x["radii"])
               for x in arteries}
    problems = []
    def bbox(x):
        r = max(x["radii"])
        return ([min(p[i] for p in x["points"]) - r for i in range(3)],
                [max(p[i] for p in x["points"]) + r for i in range(3)])

    boxes = {x["id"]: bbox(x) for x in vessels}
    for a in arteries:
        for vn in veins:
            (alo, ahi), (vlo, vhi) = boxes[a["id"]], boxes[vn["id"]]
            if any(alo[i] > vhi[i] + tol or vlo[i] > ahi[i] + tol for i in range(3)):
                continue  # the bounding boxes (inflated by the radii) do not meet
            vpts = [tuple(p) for p in vn["points"]]
            worst = None
            for q, ra in samples[a["id"]]:
                d, _, rv = polyline_closest(vpts, vn["radii"], q)
                overlap = ra + rv - d
                if worst is None or overlap > worst[0]:
                    worst = (overlap, q)
            if worst[0] > tol:
                problems.append("%s and %s overlap by %.2f cm near (%.1f, %.1f, %.1f)"
                                % (a["id"], vn["id"], worst[0], *worst[1]))
    if problems:
        fail("tube clearance:\n  " + "\n  ".join(problems))


# ----------------------------------------------------------------------------------------------
# Valves. Sources: A7 (valve table), A7.1 (valve sites in model coordinates, LEFT side), P2.
# ----------------------------------------------------------------------------------------------

# A valve must lie at least this far (along its vein) from where a tributary joins that vein or a
# perforator leaves it (brief; terminal valves sit at the vein's own end, which is not a
# tributary junction).
VALVE_MIN_JUNCTION_GAP_CM = 1.0

# Paired calf veins: A7 "All contain valves (100% of limbs); valves dense. Model spacing about
# every 2-3 cm" ([S] presence, spacing [UE]); P2 "spacing roughly every 2 cm" (UE). 3.0 cm (the
# upper end of A7.1's range, EST) keeps the count manageable. The first valve sits 1.5 cm below
# the pair's upper end (EST); a valve that would fall within VALVE_MIN_JUNCTION_GAP_CM of a
# junction is moved to the nearest free place (see paired_valve_arcs).
PAIRED_VALVE_STEMS = ("posterior_tibial_vein", "peroneal_vein", "anterior_tibial_vein")
PAIRED_VALVE_SPACING_CM = 3.0
PAIRED_VALVE_FIRST_CM = 1.5
PAIRED_VALVE_MIN_SEPARATION_CM = 1.5
PAIRED_VALVE_MAX_GAP_CM = 5.0   # "every few cm": no stretch without a valve longer than this

# GSV terminal valve: P2 "terminal valve within ~1-2 mm of the SFJ" (Caggiati, M) and A7
# "Textbook: terminal 1-2 mm"; A7's ultrasound series gives mean 0.4 cm (0-1.2) and A7.1's site
# (4.8, -17.4, 90.4) is 0.4 cm from the SFJ. 0.15 cm is used (brief: "within ~1-2 mm").
GSV_TERMINAL_VALVE_CM = 0.15

# Perforator valve: A7.1 "0.5 cm deep to the fascial piercing point, on the deep side"; A4.10
# "The valve sits in the subfascial part". The piercing point is taken at the wall of the
# superficial vein (EST: the GSV lies on the muscular fascia in its saphenous compartment, A4.1),
# i.e. at (radius of the superficial vein + 0.5 cm) from the perforator's superficial end.
PERFORATOR_VALVE_DEPTH_CM = 0.5

# Named valve sites, LEFT side (mirrored): (vein template, locator, name). Locators:
#   ("point", (x, y, z)): an A7.1 site, projected onto the vein (must lie within 1 cm of it);
#   ("z", z): the vein's centreline at that height (A7.1 "on the G-waypoint spline");
#   ("from_end", cm): that far from the vein's end along the vein.
VALVE_SITE_MAX_OFFSET_CM = 1.0
VALVE_SITES = [
    # GSV, A7/A7.1: 9 valves (A7 "8.7 on average: 6.3 above the knee, 2.4 below"; brief 6-10):
    # terminal, preterminal (A7.1 site, 3.7 cm from the SFJ along this polyline; A7 mean 3.1,
    # range 0.4-8.7), then A7.1's trunk sites z 82, 77, 66, 56 (thigh) and 45, 34, 20 (leg).
    # A7.1's z 72 is left out (it is the Hunterian perforator's origin on the GSV), as are z 61
    # and z 27 (to stay at 6 above / 3 below the knee; z 27 is also 1 cm from the lower
    # paratibial perforator's origin).
    ("great_saphenous_vein_{side}", ("from_end", GSV_TERMINAL_VALVE_CM), "Terminal valve"),
    ("great_saphenous_vein_{side}", ("point", (4.5, -18.6, 87.7)), "Preterminal valve"),
    ("great_saphenous_vein_{side}", ("z", 82.0), ""),
    ("great_saphenous_vein_{side}", ("z", 77.0), ""),
    ("great_saphenous_vein_{side}", ("z", 66.0), ""),
    ("great_saphenous_vein_{side}", ("z", 56.0), ""),
    ("great_saphenous_vein_{side}", ("z", 45.0), ""),
    ("great_saphenous_vein_{side}", ("z", 34.0), ""),
    ("great_saphenous_vein_{side}", ("z", 20.0), ""),
    # SSV, A7.1: "1.2 cm from the SPJ along the vein (6.9, -3.6, 48.6); about 5 cm (6.8, -1.6,
    # 44.8); then about every 6-8 cm (z ~ 38, 31, 24, 16)" (Schweighofer 2010, P2).
    ("small_saphenous_vein_{side}", ("point", (6.9, -3.6, 48.6)), "Terminal valve"),
    ("small_saphenous_vein_{side}", ("point", (6.8, -1.6, 44.8)), ""),
    ("small_saphenous_vein_{side}", ("z", 38.0), ""),
    ("small_saphenous_vein_{side}", ("z", 31.0), ""),
    ("small_saphenous_vein_{side}", ("z", 24.0), ""),
    ("small_saphenous_vein_{side}", ("z", 16.0), ""),
    # CFV, A7.1 (5.1, -16.3, 92.0): "a valve within 5 cm of the inguinal ligament" (Moore 2011);
    # present in 51% (Sun & Zhang) - included (A7.1 default set).
    ("common_femoral_vein_{side}", ("point", (5.1, -16.3, 92.0)), ""),
    # FV, A7.1: (5.9, -15.4, 86.5) "about 2 cm below the DFV confluence (< 3 cm)"; optional
    # z 80, 74, 67: z 80 used; z 74 and 67 left out (within 1 cm of the Hunterian and Dodd
    # perforators' junctions with the FV). 2 valves (brief 1-3; A7 1-6).
    ("femoral_vein_{side}", ("point", (5.9, -15.4, 86.5)), ""),
    ("femoral_vein_{side}", ("z", 80.0), ""),
    # DFV, A7.1 (6.3, -14.5, 86.0) "near its termination" (valve in 88%).
    ("deep_femoral_vein_{side}", ("point", (6.3, -14.5, 86.0)), ""),
    # Popliteal vein, A7.1: (7.8, -7.3, 61.0) near the hiatus; (6.5, -4.9, 43.5) low in the fossa.
    ("popliteal_vein_{side}", ("point", (7.8, -7.3, 61.0)), ""),
    ("popliteal_vein_{side}", ("point", (6.5, -4.9, 43.5)), ""),
    # IJV, A7.1 "(3.0, -13.6, 143.8) to (3.3, -13.6, 146.0): 0.3 cm (Harmon) to 2.5 cm (Gray)
    # above the junction, in the inferior bulb". Harmon's 0.3 cm (P2, confidence H) is used.
    ("internal_jugular_vein_{side}", ("point", (3.0, -13.6, 143.8)), "Jugular valve"),
    # Subclavian vein, A7.1 (4.6, -13.1, 143.3): 1.7 cm from the venous angle (Harmon).
    ("subclavian_vein_{side}", ("point", (4.6, -13.1, 143.3)), ""),
    # EJV, A7.1: terminal (6.2, -12.5, 143.4); upper "pair" at the sinus (7.0, -11.8, 147.2).
    # A "pair of valves" in A7's sources is read as one bicuspid valve (two cusps), here and
    # for the vertebral vein (EST reading).
    ("external_jugular_vein_{side}", ("point", (6.2, -12.5, 143.4)), "Terminal valve"),
    ("external_jugular_vein_{side}", ("point", (7.0, -11.8, 147.2)), "Sinus valve"),
    # Vertebral vein, A7.1 "at its mouth (3.1, -13.0, 143.9)".
    ("vertebral_vein_{side}", ("point", (3.1, -13.0, 143.9)), "Ostial valve"),
]

# Veins that must have no valve: A4.4/A7 "Both CIVs are valveless (0/100 limbs)"; A4.5/P2 IVC
# valveless; A4.7/P2 hepatic veins valveless; A7 "SVC, BCVs, hepatic veins, portal vein, vertebral
# venous plexus: Valveless".
VALVELESS_VEINS = {
    "inferior_vena_cava", "common_iliac_vein_left", "common_iliac_vein_right",
    "hepatic_vein_right", "hepatic_vein_middle", "hepatic_vein_left",
    "superior_vena_cava", "brachiocephalic_vein_left", "brachiocephalic_vein_right",
    "vertebral_venous_plexus", "vertebral_venous_plexus_lumbar",
}

# Valve counts per vein (regular expression on the id -> (min, max)). Any vein not matched must
# have no valves. Paired calf veins are checked by spacing (PAIRED_VALVE_MAX_GAP_CM) and by a
# count of at least length / 4 cm.
VALVE_COUNT_RULES = [
    (r"great_saphenous_vein_(left|right)", 6, 10),        # brief; A7 8.7 (5.5-20)
    (r"small_saphenous_vein_(left|right)", 2, 8),         # A7.1 / brief "near its termination + a few"
    (r"common_femoral_vein_(left|right)", 0, 1),          # A7 present in 51%
    (r"femoral_vein_(left|right)", 1, 3),                 # brief 1-3 (A7 1-6, always >= 1)
    (r"deep_femoral_vein_(left|right)", 0, 1),            # A7 88%
    (r"popliteal_vein_(left|right)", 1, 2),               # brief 1-2 (A7 0-4)
    (r"(posterior_tibial|peroneal|anterior_tibial)_vein_[12]_(left|right)", 1, 99),
    (r"perforator_.*_(left|right)", 1, 1),                # brief: one per perforator (A7 1-3)
    (r"internal_jugular_vein_(left|right)", 1, 1),        # A7 one valve
    (r"subclavian_vein_(left|right)", 1, 1),              # A7 one valve
    (r"external_jugular_vein_(left|right)", 2, 2),        # A7 two
    (r"vertebral_vein_(left|right)", 1, 1),               # A7 pair at its mouth
]


def arc_length_at(points, q):
    """Arc length along the polyline to the point closest to q, and the distance to it."""
    best = None
    cum = 0.0
    for a, b in zip(points, points[1:]):
        ab = sub(b, a)
        seg = norm(ab)
        t = 0.0 if seg == 0 else max(0.0, min(1.0, dot(sub(q, a), ab) / (seg * seg)))
        d = norm(sub(q, add(a, scale(ab, t))))
        if best is None or d < best[1] - 1e-12:
            best = (cum + t * seg, d)
        cum += seg
    return best


def radius_at_arc(v, s):
    pts = [tuple(p) for p in v["points"]]
    cum = 0.0
    for i, (a, b) in enumerate(zip(pts, pts[1:])):
        seg = norm(sub(b, a))
        if s <= cum + seg or i == len(pts) - 2:
            t = 0.0 if seg == 0 else max(0.0, min(1.0, (s - cum) / seg))
            return v["radii"][i] + (v["radii"][i + 1] - v["radii"][i]) * t
        cum += seg
    return v["radii"][-1]


def junction_arcs(vessels):
    """vein id -> [(arc length in cm along it, what)] of tributary junctions and perforator origins."""
    by_id = {v["id"]: v for v in vessels}
    out = {v["id"]: [] for v in vessels}
    for v in vessels:
        t = v["drains_into"]
        if t in by_id:
            L = polyline_length([tuple(p) for p in by_id[t]["points"]])
            out[t].append((v["drains_at"] * L, "junction of " + v["id"]))
    for side, _, _ in SIDES:
        for perf, origin in PERFORATOR_ORIGIN.items():
            perf_id, origin_id = perf.format(side=side), origin.format(side=side)
            s, _ = arc_length_at([tuple(p) for p in by_id[origin_id]["points"]],
                                 tuple(by_id[perf_id]["points"][0]))
            out[origin_id].append((s, "origin of " + perf_id))
    return out


def paired_valve_arcs(L, junctions):
    """Valve positions (arc length from the start) along one paired calf vein of length L.

    Walks down from the heart end: each valve goes as near as possible (0.1 cm steps) to its
    target (the previous valve - PAIRED_VALVE_SPACING_CM; the first at L - PAIRED_VALVE_FIRST_CM)
    while staying VALVE_MIN_JUNCTION_GAP_CM from every junction and from the vein's ends, and at
    least PAIRED_VALVE_MIN_SEPARATION_CM below the previous valve.
    """
    placed = []
    target, upper = L - PAIRED_VALVE_FIRST_CM, L - VALVE_MIN_JUNCTION_GAP_CM
    while target >= VALVE_MIN_JUNCTION_GAP_CM:
        best = None
        for i in range(0, 100):
            for d in ((0.0,) if i == 0 else (-0.1 * i, 0.1 * i)):
                s = target + d
                if not VALVE_MIN_JUNCTION_GAP_CM <= s <= upper:
                    continue
                if any(abs(s - sj) < VALVE_MIN_JUNCTION_GAP_CM for sj in junctions):
                    continue
                best = s
                break
            if best is not None:
                break
        if best is None:
            break
        placed.append(best)
        upper = best - PAIRED_VALVE_MIN_SEPARATION_CM
        target = best - PAIRED_VALVE_SPACING_CM
    return placed


def build_valves(vessels):
    """Valve list in the file format, N = 1 nearest the heart on each vein."""
    by_id = {v["id"]: v for v in vessels}
    junctions = junction_arcs(vessels)
    sites = []  # (vein id, arc length from its start, name)
    for side, _, sign in SIDES:
        for tmpl, (kind, val), name in VALVE_SITES:
            vid = tmpl.format(side=side)
            v = by_id[vid]
            pts = [tuple(p) for p in v["points"]]
            L = polyline_length(pts)
            if kind == "from_end":
                s = L - val
            elif kind == "z":
                s, d = arc_length_at(pts, point_at_z(pts, val))
            else:
                q = (sign * val[0], val[1], val[2])
                s, d = arc_length_at(pts, q)
                if d > VALVE_SITE_MAX_OFFSET_CM:
                    raise SceneError("valve site %r on %s lies %.2f cm from the vein" % (q, vid, d))
            sites.append((vid, s, name))
        for stem in PAIRED_VALVE_STEMS:
            for idx in (1, 2):
                vid = "%s_%d_%s" % (stem, idx, side)
                L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
                for s in paired_valve_arcs(L, [sj for sj, _ in junctions[vid]]):
                    sites.append((vid, s, ""))
        for perf in PERFORATOR_ORIGIN:
            vid = perf.format(side=side)
            v = by_id[vid]
            origin = by_id[PERFORATOR_ORIGIN[perf].format(side=side)]
            s_o, _ = arc_length_at([tuple(p) for p in origin["points"]], tuple(v["points"][0]))
            depth = radius_at_arc(origin, s_o) + PERFORATOR_VALVE_DEPTH_CM
            sites.append((vid, depth, ""))
    valves = []
    per_vein = {}
    for vid, s, name in sites:
        L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
        per_vein.setdefault(vid, []).append((round(s / L, 4), name))
    order = [v["id"] for v in vessels]
    for vid in sorted(per_vein, key=order.index):
        for n, (at, name) in enumerate(sorted(per_vein[vid], key=lambda x: -x[0]), 1):
            valve = {"id": "%s.v%d" % (vid, n), "vessel": vid, "at": at}
            if name:
                valve["name"] = name
            valves.append(valve)
    return valves


def validate_valves(vessels, valves):
    by_id = {v["id"]: v for v in vessels}
    ids = [x["id"] for x in valves]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        fail("duplicate valve ids: %s" % ", ".join(dupes))
    per_vein = {}
    for x in valves:
        vid = x.get("vessel")
        if vid not in by_id:
            fail("valve %s: vessel %r is not in the scene" % (x["id"], vid))
        if by_id[vid]["system"] == "artery":
            fail("valve %s: %s is an artery" % (x["id"], vid))
        at = x["at"]
        if not (isinstance(at, float) and math.isfinite(at) and 0.0 < at < 1.0):
            fail("valve %s: at %r must be strictly inside (0, 1)" % (x["id"], at))
        m = re.match(r"^(.+)\.v([1-9][0-9]*)$", x["id"])
        if not m or m.group(1) != vid:
            fail("valve %s: id must be <vessel id>.v<N> with vessel %s" % (x["id"], vid))
        per_vein.setdefault(vid, []).append((int(m.group(2)), at, x))
    for vid, lst in per_vein.items():
        ns = sorted(n for n, _, _ in lst)
        if ns != list(range(1, len(lst) + 1)):
            fail("%s: valve numbers %s are not 1..%d" % (vid, ns, len(lst)))
        by_n = sorted(lst)
        for (n1, a1, _), (n2, a2, _) in zip(by_n, by_n[1:]):
            if not a1 > a2:
                fail("%s: valve v%d (at %.4f) must be nearer the heart than v%d (at %.4f)"
                     % (vid, n1, a1, n2, a2))
    # Valveless veins, counts.
    for vid in VALVELESS_VEINS:
        if vid not in by_id:
            fail("valveless vein %s is missing" % vid)
        if per_vein.get(vid):
            fail("%s must have no valves (anatomy.md A4.4/A4.5/A4.7/A7)" % vid)
    for v in vessels:
        if v["system"] == "artery":
            continue
        n = len(per_vein.get(v["id"], []))
        rule = next(((lo, hi) for pat, lo, hi in VALVE_COUNT_RULES if re.fullmatch(pat, v["id"])), None)
        lo, hi = rule if rule else (0, 0)
        if not lo <= n <= hi:
            fail("%s has %d valves; expected %d-%d" % (v["id"], n, lo, hi))
    # Distance from junctions.
    junctions = junction_arcs(vessels)
    for vid, lst in per_vein.items():
        L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
        for _, at, x in lst:
            for sj, what in junctions[vid]:
                if abs(at * L - sj) < VALVE_MIN_JUNCTION_GAP_CM - 0.005:
                    fail("valve %s is %.2f cm from the %s (minimum %.1f)"
                         % (x["id"], abs(at * L - sj), what, VALVE_MIN_JUNCTION_GAP_CM))
    # Positions that the references fix.
    def dist_from_end(vid, n):
        L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
        at = next(a for k, a, _ in per_vein[vid] if k == n)
        return (1.0 - at) * L

    def named(vid, n):
        return next(x.get("name", "") for k, _, x in per_vein[vid] if k == n)

    for side, _, _ in SIDES:
        gsv = "great_saphenous_vein_" + side
        if named(gsv, 1) != "Terminal valve" or dist_from_end(gsv, 1) > 0.21:
            fail("%s.v1 must be the terminal valve within about 1-2 mm of the SFJ (P2/A7)" % gsv)
        if named(gsv, 2) != "Preterminal valve" or not 2.0 <= dist_from_end(gsv, 2) <= 5.0:
            fail("%s.v2 must be the preterminal valve a few cm (2-5) below the SFJ (P2/A7)" % gsv)
        L = polyline_length([tuple(p) for p in by_id[gsv]["points"]])
        lo, hi = L - dist_from_end(gsv, 2), L - dist_from_end(gsv, 1)
        for t in ("superficial_epigastric_vein_", "superficial_circumflex_iliac_vein_",
                  "superficial_external_pudendal_vein_", "anterior_accessory_saphenous_vein_"):
            s = by_id[t + side]["drains_at"] * L
            if not lo < s < hi:
                fail("%s must join the GSV between its preterminal and terminal valves (A7)" % (t + side))
        if not dist_from_end("femoral_vein_" + side, 1) <= 3.0:
            fail("femoral_vein_%s needs a valve within 3 cm below the DFV confluence (A7)" % side)
        if not dist_from_end("popliteal_vein_" + side, 1) <= 3.0:
            fail("popliteal_vein_%s needs a valve near the adductor hiatus (A7)" % side)
        if not dist_from_end("common_femoral_vein_" + side, 1) <= 5.0:
            fail("the common femoral valve must lie within 5 cm of the inguinal ligament (A7)")
        if not 0.5 <= dist_from_end("small_saphenous_vein_" + side, 1) <= 2.6:
            fail("small_saphenous_vein_%s.v1 must lie 1.2 +- 1.4 cm from the SPJ (P2)" % side)
        ijv = "internal_jugular_vein_" + side
        if named(ijv, 1) != "Jugular valve" or not 0.2 <= dist_from_end(ijv, 1) <= 2.6:
            fail("%s.v1 must be the jugular valve 0.3-2.5 cm above the junction (A7)" % ijv)
        if abs(dist_from_end("subclavian_vein_" + side, 1) - 1.7) > 0.5:
            fail("subclavian_vein_%s.v1 must lie about 1.7 cm from the junction (A7)" % side)
        for stem in PAIRED_VALVE_STEMS:
            for idx in (1, 2):
                vid = "%s_%d_%s" % (stem, idx, side)
                L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
                s = sorted(at * L for _, at, _ in per_vein.get(vid, []))
                gaps = [s[0]] + [b - a for a, b in zip(s, s[1:])] + [L - s[-1]]
                if max(gaps) > PAIRED_VALVE_MAX_GAP_CM or len(s) < int(L / 4.0):
                    fail("%s: %d valves over %.1f cm, largest gap %.1f cm; expected one every "
                         "few cm (A7)" % (vid, len(s), L, max(gaps)))
        for perf, origin in PERFORATOR_ORIGIN.items():
            vid, oid = perf.format(side=side), origin.format(side=side)
            L = polyline_length([tuple(p) for p in by_id[vid]["points"]])
            s_o, _ = arc_length_at([tuple(p) for p in by_id[oid]["points"]],
                                   tuple(by_id[vid]["points"][0]))
            depth = per_vein[vid][0][1] * L
            if depth < radius_at_arc(by_id[oid], s_o) + 0.3:
                fail("%s: its valve must lie deep to the fascia (A7.1)" % vid)


# Radius checks against the reference ranges, in cm (radius = diameter / 2). Each row: (vein id
# pattern, point indices (None = all), min, max, source). EST points that fall outside a range on
# purpose (documented at their tables) are left out by index.
RADIUS_RULES = [
    (r"great_saphenous_vein_(left|right)", [-1], 0.285, 0.465, "A4.1/P1a SFJ 7.5 +- 1.8 mm"),
    (r"great_saphenous_vein_(left|right)", [9], 0.14, 0.23, "P1a proximal thigh 3.7 +- 0.9 mm"),
    (r"great_saphenous_vein_(left|right)", [5], 0.15, 0.20, "A4.1 knee 3-4 mm"),
    (r"great_saphenous_vein_(left|right)", [1], 0.10, 0.15, "A4.1 ankle 2-3 mm"),
    (r"small_saphenous_vein_(left|right)", None, 0.10, 0.20, "A4.1 2-4 mm"),
    (r"(posterior_tibial|peroneal|anterior_tibial)_vein_[12]_(left|right)", None, 0.10, 0.25,
     "A4.2/P1a 2-5 mm"),
    (r"popliteal_vein_(left|right)", None, 0.32, 0.50, "P1a 6.4-6.8 mm; A4.3 7-10 near the SPJ"),
    (r"femoral_vein_(left|right)", None, 0.32, 0.34, "P1a 6.4-6.8 mm"),
    (r"deep_femoral_vein_(left|right)", None, 0.30, 0.40, "A4.3/P1a 6-8 mm"),
    (r"common_femoral_vein_(left|right)", [0, 1], 0.50, 0.55, "P1a about 10.5 mm"),
    (r"external_iliac_vein_(left|right)", [2, 3], 0.64, 0.675, "P1a 12.8-13.5 mm"),
    (r"internal_iliac_vein_(left|right)", None, 0.50, 0.60, "A4.4/P1a 10-12 mm"),
    (r"common_iliac_vein_left", [0, 3], 0.65, 0.80, "A4.4 13-16 mm"),
    (r"common_iliac_vein_left", [2], 0.40, 0.45, "A4.4 8-9 mm AP at the crossing"),
    (r"common_iliac_vein_right", None, 0.65, 0.70, "A4.4 13-14 mm"),
    (r"inferior_vena_cava", [1, 2, 3, 4, 5, 6, 7], 0.90, 1.05, "A4.5 18-21 mm"),
    (r"renal_vein_(left|right)", [0], 0.40, 0.50, "A4.5 8-10 mm at the hilum"),
    (r"renal_vein_left", [2], 0.20, 0.30, "A4.5 4-6 mm aortomesenteric"),
    (r"dorsal_venous_arch_(left|right)", None, 0.10, 0.15, "A4.1 2-3 mm"),
    (r"anterior_accessory_saphenous_vein_(left|right)", None, 0.15, 0.20, "A4.1 3-4 mm"),
    (r"posterior_arch_vein_(left|right)", None, 0.10, 0.15, "A4.1 2-3 mm"),
    (r"soleal_vein_1_(left|right)", [1], 0.215, 0.415, "P1a central 6.3 +- 2.0 mm"),
    (r"soleal_vein_2_(left|right)", [1], 0.15, 0.30, "P1a medial 4.5 +- 1.5 mm"),
    (r"soleal_vein_3_(left|right)", [1], 0.155, 0.305, "P1a lateral 4.6 +- 1.5 mm"),
    (r"gastrocnemius_vein_(medial|lateral)_(left|right)", None, 0.10, 0.25, "A4.2 2-5 mm"),
    (r"perforator_.*", None, 0.075, 0.15, "A4.10 1.5-3 mm"),
    (r"gonadal_vein_(left|right)", None, 0.10, 0.15, "A4.5 2-3 mm"),
    (r"ascending_lumbar_vein_(left|right)", None, 0.15, 0.25, "A4.5 3-5 mm"),
    (r"azygos_vein", None, 0.35, 0.50, "A4.6 7-10 mm"),
    (r"hemiazygos_vein", None, 0.20, 0.30, "A4.6 4-6 mm"),
    (r"hepatic_vein_right", [-1], 0.40, 1.35, "A4.7 15 mm (8-27) near the IVC"),
    (r"hepatic_vein_right", [2], 0.25, 0.35, "A4.7/P1a about 6 mm 2 cm from the IVC"),
    (r"hepatic_vein_middle", [-1], 0.50, 0.60, "A4.7 about 11 mm"),
    (r"hepatic_vein_left", [-1], 0.55, 0.65, "A4.7 about 12 mm"),
    (r"transverse_sinus_left", None, 0.20, 0.34, "CE-MRV left 5.37 +- 1.35 mm"),
    (r"transverse_sinus_right", None, 0.25, 0.41, "CE-MRV right 6.65 +- 1.57 mm"),
    (r"sigmoid_sinus_(left|right)", None, 0.20, 0.41, "EST: its transverse sinus's size"),
    (r"superior_sagittal_sinus", None, 0.15, 0.41, "EST: no larger than the right transverse sinus"),
    (r"(straight|occipital)_sinus", None, 0.10, 0.30, "EST"),
    (r"condylar_vein_(left|right)", None, 0.08, 0.15, "EST emissary vein"),
    (r"superior_vena_cava", None, 0.75, 1.00, "A4.8 15-20 mm"),
    (r"brachiocephalic_vein_left", None, 0.50, 0.75, "A4.8 10-15 mm"),
    (r"brachiocephalic_vein_right", None, 0.60, 0.75, "A4.8 12-15 mm"),
    (r"subclavian_vein_(left|right)", None, 0.50, 0.75, "A4.8 10-15 mm"),
    (r"internal_jugular_vein_(left|right)", None, 0.25, 1.75, "A4.9 5-35 mm"),
    (r"internal_jugular_vein_left", None, 0.45, 0.95, "P1a CT left 14 +- 5 mm"),
    (r"internal_jugular_vein_right", None, 0.60, 1.10, "P1a CT right 17 +- 5 mm"),
    (r"external_jugular_vein_(left|right)", None, 0.15, 0.25, "A4.9 3-5 mm"),
    (r"vertebral_vein_(left|right)", None, 0.15, 0.25, "A4.9 3-5 mm"),
    (r"vertebral_venous_plexus(_lumbar)?", None, 0.10, 0.20, "A4.9 2-4 mm"),
    (r"thoracic_aorta", [0, 1, 2, 3, 4, 5, 6], 1.15, 1.50, "A5 30 -> 25 -> 23 mm"),
    (r"abdominal_aorta", [0, 1], 1.00, 1.25, "A5 20-25 mm above the renal arteries"),
    (r"abdominal_aorta", [3, 4, 5], 0.80, 1.00, "A5 16-20 mm below"),
    (r"common_iliac_artery_(left|right)", None, 0.50, 0.60, "A5 10-12 mm"),
    (r"external_iliac_artery_(left|right)", None, 0.40, 0.50, "A5 8-10 mm"),
    (r"femoral_artery_(left|right)", [0, 1], 0.40, 0.45, "A5 CFA 8-9 mm"),
    (r"femoral_artery_(left|right)", [2, 3, 4, 5, 6], 0.30, 0.35, "A5 FA 6-7 mm"),
    (r"popliteal_artery_(left|right)", None, 0.25, 0.30, "A5 5-6 mm"),
]


def validate_radii(vessels):
    for pat, idxs, lo, hi, src in RADIUS_RULES:
        matched = [v for v in vessels if re.fullmatch(pat, v["id"])]
        if not matched:
            fail("radius rule %r matches no vessel" % pat)
        for v in matched:
            for i in (range(len(v["radii"])) if idxs is None else idxs):
                r = v["radii"][i]
                if not lo - 1e-9 <= r <= hi + 1e-9:
                    fail("%s: radius %.2f cm at point %d is outside %.3f-%.3f (%s)"
                         % (v["id"], r, i, lo, hi, src))


def validate_more_relations(vessels, landmarks):
    """Relations of the vessels added with the valves and the central veins."""
    v = {x["id"]: x for x in vessels}
    lm = {l["id"]: l["position"] for l in landmarks}

    def length(vid):
        return polyline_length([tuple(p) for p in v[vid]["points"]])

    def mean_r(vid):
        return sum(v[vid]["radii"]) / len(v[vid]["radii"])

    # Drainage targets the references fix.
    for vid, target, src in (
            ("inferior_vena_cava", "right_atrium", "A4.5"),
            ("superior_vena_cava", "right_atrium", "A4.8"),
            ("small_saphenous_vein_left", "popliteal_vein_left", "A4.1"),
            ("small_saphenous_vein_right", "popliteal_vein_right", "A4.1"),
            ("gonadal_vein_left", "renal_vein_left", "A4.5 / A6 #28"),
            ("gonadal_vein_right", "inferior_vena_cava", "A4.5 / A6 #28"),
            ("azygos_vein", "superior_vena_cava", "A4.6 / A6 #29"),
            ("hemiazygos_vein", "azygos_vein", "A4.6 / A6 #30"),
            ("ascending_lumbar_vein_right", "azygos_vein", "A4.5"),
            ("ascending_lumbar_vein_left", "hemiazygos_vein", "A4.5"),
            ("brachiocephalic_vein_left", "superior_vena_cava", "A4.8"),
            ("brachiocephalic_vein_right", "superior_vena_cava", "A4.8"),
            ("cross_pelvic_collateral", "internal_iliac_vein_right", "P9")):
        if v[vid]["drains_into"] != target:
            fail("%s must drain into %s (%s)" % (vid, target, src))
    for side in ("left", "right"):
        for vid, target in (("internal_jugular_vein_", "brachiocephalic_vein_"),
                            ("subclavian_vein_", "brachiocephalic_vein_"),
                            ("vertebral_vein_", "brachiocephalic_vein_"),
                            ("external_jugular_vein_", "subclavian_vein_"),
                            ("gastrocnemius_vein_medial_", "popliteal_vein_"),
                            ("gastrocnemius_vein_lateral_", "popliteal_vein_")):
            if v[vid + side]["drains_into"] != target + side:
                fail("%s must drain into %s" % (vid + side, target + side))
        if v["great_saphenous_vein_" + side]["drains_into"] != "common_femoral_vein_" + side:
            fail("the GSV must drain into the common femoral vein")
    # A6 #36: the right IJV is larger than the left.
    if not mean_r("internal_jugular_vein_right") > mean_r("internal_jugular_vein_left"):
        fail("the right internal jugular vein must be larger than the left (A6 #36)")
    # A6 #25 / A4.7: hepatic veins enter the IVC just below the diaphragm, below the right atrium.
    ivc = v["inferior_vena_cava"]
    for hv in ("hepatic_vein_right", "hepatic_vein_middle"):
        z = v[hv]["points"][-1][2]
        if v[hv]["drains_into"] != "inferior_vena_cava" or \
                not z <= lm["caval_hiatus"][2] < ivc["points"][-1][2]:
            fail("%s must join the IVC below the caval hiatus and the right atrium (A4.7)" % hv)
    lhv = v["hepatic_vein_left"]
    if lhv["drains_into"] != "hepatic_vein_middle" or lhv["drains_at"] < 0.9 or \
            lhv["points"][-1][2] > lm["caval_hiatus"][2]:
        fail("the left hepatic vein must join the middle one at its ostium (common trunk, A4.7)")
    # A6 #22: the left CIV is longer and more oblique (more horizontal) than the right.
    def obliquity(vid):
        a, b = v[vid]["points"][0], v[vid]["points"][-1]
        d = sub(tuple(b), tuple(a))
        return math.degrees(math.atan2(math.hypot(d[0], d[1]), abs(d[2])))  # angle from vertical
    if not (length("common_iliac_vein_left") > length("common_iliac_vein_right") and
            obliquity("common_iliac_vein_left") > obliquity("common_iliac_vein_right")):
        fail("the left CIV must be longer and more oblique than the right (A6 #22)")
    for side, sign in (("left", 1.0), ("right", -1.0)):
        # A6 #4/#5: the SFJ lies a few cm below the inguinal ligament (Ellis: one inch; A8: 3.1 cm
        # below) and medial to the femoral pulse. The ligament runs from the ASIS to the pubic
        # tubercle; its height is taken at the SFJ's x.
        sfj = v["great_saphenous_vein_" + side]["points"][-1]
        asis, tub = lm["asis_" + side], lm["pubic_tubercle_" + side]
        t = (sfj[0] - tub[0]) / (asis[0] - tub[0])
        lig_z = tub[2] + t * (asis[2] - tub[2])
        if not 1.5 <= lig_z - sfj[2] <= 4.5:
            fail("%s SFJ is %.1f cm below the inguinal ligament; expected a few cm (A6 #5)"
                 % (side, lig_z - sfj[2]))
        fa = point_at_z(v["femoral_artery_" + side]["points"], sfj[2])
        if not abs(sfj[0]) < abs(fa[0]):
            fail("%s SFJ must lie medial to the femoral artery (A6 #5)" % side)
        # The dorsal venous arch meets both saphenous veins.
        dva = v["dorsal_venous_arch_" + side]["points"]
        if dva[-1] != v["great_saphenous_vein_" + side]["points"][0] or \
                dva[0] != v["small_saphenous_vein_" + side]["points"][0]:
            fail("%s dorsal venous arch must end at the GSV start and begin at the SSV start" % side)
        # A4.2: the plantar veins form the PTVs behind the medial malleolus.
        for pv, ptv in (("medial_plantar_vein_", "posterior_tibial_vein_1_"),
                        ("lateral_plantar_vein_", "posterior_tibial_vein_2_")):
            if v[pv + side]["points"][-1] != v[ptv + side]["points"][0]:
                fail("%s must end at the start of %s" % (pv + side, ptv + side))
        # A4.2: soleal stubs 0.9-2.8 cm (extramuscular soleal veins, Aragao) into PTV / peroneal.
        for i in (1, 2, 3):
            sv = v["soleal_vein_%d_%s" % (i, side)]
            stub = norm(sub(tuple(sv["points"][-1]), tuple(sv["points"][-2])))
            if not 0.9 <= stub <= 2.8 or \
                    not re.match(r"(posterior_tibial|peroneal)_vein_", sv["drains_into"]):
                fail("%s: its stub (%.2f cm) must be 0.9-2.8 cm long into a PTV or peroneal vein"
                     % (sv["id"], stub))
        # A4.10: each perforator starts on a superficial vein and ends on a deep vein.
        for perf, origin in PERFORATOR_ORIGIN.items():
            pid, oid = perf.format(side=side), origin.format(side=side)
            p, o, d = v[pid], v[oid], v[v[pid]["drains_into"]]
            if p["system"] != "perforator" or o["system"] != "superficial" or d["system"] != "deep":
                fail("%s must run from a superficial vein (%s) to a deep vein (%s)" % (pid, oid, d["id"]))
            dist, _, r = polyline_closest([tuple(q) for q in o["points"]], o["radii"], tuple(p["points"][0]))
            if dist > r + JUNCTION_SLACK_CM:
                fail("%s does not start on %s (%.2f cm away)" % (pid, oid, dist))
        # A6 #37: the EJV ends lateral to the IJV-subclavian junction.
        if not abs(v["external_jugular_vein_" + side]["points"][-1][0]) > \
                abs(v["internal_jugular_vein_" + side]["points"][-1][0]):
            fail("%s EJV must end lateral to the venous angle (A6 #37)" % side)
    # A6 #29: the azygos lies right of the aorta, arches forward and ends on the SVC.
    az = v["azygos_vein"]["points"]
    if not point_at_z(az, 128.0)[0] < point_at_z(v["thoracic_aorta"]["points"][4:], 128.0)[0]:
        fail("the azygos vein must lie to the right of the aorta (A6 #29)")
    if not (max(p[2] for p in az) > az[-1][2] and az[-1][1] < az[-3][1]):
        fail("the azygos vein must arch forward over the lung root into the SVC (A6 #29)")
    # A6 #30: the hemiazygos crosses the midline behind the aorta.
    hz = v["hemiazygos_vein"]["points"]
    cross = point_at_z(hz[1:], hz[2][2])
    ao = point_at_z(v["thoracic_aorta"]["points"][4:], cross[2])
    if not (hz[0][0] > 0 > hz[-1][0] and cross[1] > ao[1]):
        fail("the hemiazygos must cross the midline behind the aorta (A6 #30)")
    # A4.5: on the left the lumbar veins pass behind the aorta.
    for lv in ("lumbar_vein_l3_left", "lumbar_vein_l4_left"):
        pts = v[lv]["points"]
        z = pts[0][2]
        ao = point_at_z(v["abdominal_aorta"]["points"], z)
        behind = [p for p in pts if abs(p[0] - ao[0]) < 0.5]
        if not behind or not all(p[1] > ao[1] for p in behind):
            fail("%s must pass behind the aorta (A4.5)" % lv)
    # A5 / A6 #31-32: the SVC lies right of the ascending aorta; the left BCV runs above the arch.
    if not point_at_z(v["superior_vena_cava"]["points"], 138.0)[0] < \
            point_at_z(v["thoracic_aorta"]["points"][:3], 138.0)[0]:
        fail("the SVC must lie to the right of the ascending aorta (A5)")
    if not v["brachiocephalic_vein_left"]["points"][2][2] > lm["aortic_arch_top"][2]:
        fail("the left brachiocephalic vein must cross above the aortic arch (A6 #32)")
    if not length("brachiocephalic_vein_left") > length("brachiocephalic_vein_right"):
        fail("the left brachiocephalic vein must be longer than the right (A6 #32)")
    # P9: the cross-pelvic collateral links the two internal iliac veins.
    cp = v["cross_pelvic_collateral"]
    iil = v["internal_iliac_vein_left"]
    dist, _, r = polyline_closest([tuple(q) for q in iil["points"]], iil["radii"], tuple(cp["points"][0]))
    if dist > r + JUNCTION_SLACK_CM:
        fail("the cross-pelvic collateral must start on the left internal iliac vein")


# Descriptions: every vessel needs a student text of 3-5 sentences and a patient text of 1-2
# plain sentences (audiences.md: at or below a 6th-grade reading level, no numbers, every term
# explained). The reading-level check is the Flesch-Kincaid grade with a simple syllable count.
PATIENT_MAX_GRADE = 6.5
PATIENT_BANNED = ("anterior", "posterior", "proximal", "distal", "superficial", "perforat",
                  "tributar", "saphenous", "junction", "thrombo", "reflux", "inferior", "superior",
                  "venous", "lumen", "fascia", "plexus", "collateral", "medial", "lateral")


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'])", text.strip()) if s]


def syllables(word):
    w = word.lower()
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(1, n)


def fk_grade(text):
    words = re.findall(r"[A-Za-z]+", text)
    n_s = len(sentences(text))
    return 0.39 * len(words) / n_s + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59


def validate_descriptions(vessels):
    for v in vessels:
        st, pt = v.get("description_student", ""), v.get("description_patient", "")
        if not 3 <= len(sentences(st)) <= 5:
            fail("%s: description_student has %d sentences; expected 3-5" % (v["id"], len(sentences(st))))
        if not 1 <= len(sentences(pt)) <= 2:
            fail("%s: description_patient has %d sentences; expected 1-2" % (v["id"], len(sentences(pt))))
        if re.search(r"[0-9]", pt) or any(b in pt.lower() for b in PATIENT_BANNED):
            fail("%s: description_patient must be plain words (no numbers or jargon): %r" % (v["id"], pt))
        if fk_grade(pt) > PATIENT_MAX_GRADE:
            fail("%s: description_patient reads at grade %.1f (max %.1f): %r"
                 % (v["id"], fk_grade(pt), PATIENT_MAX_GRADE, pt))


# ----------------------------------------------------------------------------------------------
# Descriptions. Keys: exact vessel id, or a template with {side} ("left"/"right"), {Side},
# {n} and {where} (paired veins: member number and medial/lateral). Facts and numbers come from
# anatomy.md (A) and physiology.md (P) or are standard anatomy; the patient texts carry no numbers.
# ----------------------------------------------------------------------------------------------

def _perforator_texts(name, where, course):
    student = (
        "The {side} %s %s. Like other perforating veins it pierces the deep fascia, and its "
        "valves normally let blood pass only from the superficial to the deep veins. %s When its "
        "valves fail, the high pressure of the calf or thigh muscle pump is driven outwards into "
        "the superficial veins; a perforator counts as pathological when the outward flow lasts "
        "500 ms or more and it is 3.5 mm or wider beneath a healed or open venous ulcer."
        % (name, where, course))
    patient = ("This is a short vein that links a vein under the skin to a deep vein in your leg. "
               "Its tiny one-way valve lets blood flow only inward, toward the deep vein.")
    return {"student": student, "patient": patient}


DESCRIPTIONS = {
    # ---- existing superficial and deep leg veins
    "great_saphenous_vein_{side}": {
        "student": (
            "The {side} great saphenous vein (GSV), the longest vein in the body, continues the "
            "medial marginal vein from the medial end of the dorsal venous arch, passes about "
            "2.5 cm in front of the medial malleolus and ascends the medial leg with the saphenous "
            "nerve. It passes behind the "
            "medial condyles of the tibia and femur, runs up the medial then anteromedial thigh in "
            "its own saphenous compartment, and goes through the saphenous opening to join the "
            "common femoral vein at the saphenofemoral junction (SFJ), about an inch below the "
            "inguinal ligament and just medial to the femoral pulse. Near the SFJ it receives the "
            "superficial epigastric, superficial circumflex iliac and superficial external "
            "pudendal veins and the anterior accessory saphenous vein, between its terminal and "
            "preterminal valves. Incompetence of these valves, with reflux down the trunk, is the "
            "commonest cause of varicose veins, and the vein is mapped by duplex ultrasound before "
            "ablation or before it is harvested as a bypass graft."),
        "patient": (
            "This is the long main vein just under the skin on the inside of your leg. It carries "
            "blood from your foot up to your groin, and small one-way valves inside it stop blood "
            "from falling back down."),
    },
    "small_saphenous_vein_{side}": {
        "student": (
            "The {side} small saphenous vein (SSV) continues the lateral marginal vein of the foot "
            "behind the lateral malleolus, runs up along the lateral border of the Achilles tendon "
            "with the sural nerve and then up the midline of the calf. It passes between the two "
            "heads of gastrocnemius to end in the popliteal vein at the saphenopopliteal junction "
            "(SPJ), usually within about 2 cm above or below the knee crease. The junction is "
            "variable: a thigh extension or Giacomini vein is common, and the SSV often shares a "
            "trunk with the gastrocnemius veins. Its most proximal valve lies about 1.2 cm from the "
            "junction, and SSV reflux, assessed by duplex ultrasound in the popliteal fossa, causes "
            "varicose veins at the back of the calf."),
        "patient": (
            "This vein runs just under the skin up the back of your calf. It carries blood from the "
            "outer side of your foot to a deep vein behind your knee."),
    },
    "tibioperoneal_trunk_{side}": {
        "student": (
            "The {side} tibioperoneal trunk is the short single vein formed high in the calf where "
            "the paired posterior tibial and peroneal veins unite. It runs about 2.5 cm up to the "
            "lower border of popliteus, where it joins the anterior tibial veins to form the "
            "popliteal vein. Being a single channel it is larger than each of the paired calf "
            "veins, and it contains a valve in only about a quarter of limbs. Thrombus from the calf "
            "veins can extend through it into the popliteal vein, turning a distal deep vein "
            "thrombosis (DVT) into a proximal one."),
        "patient": (
            "This is a short deep vein high in your calf. Two pairs of deep calf veins join here "
            "before their blood flows into the big vein behind your knee."),
    },
    "popliteal_vein_{side}": {
        "student": (
            "The {side} popliteal vein is formed at the lower border of popliteus by the anterior "
            "tibial veins and the tibioperoneal trunk, and ascends through the popliteal fossa to "
            "the adductor hiatus, where it becomes the femoral vein. It lies between the popliteal "
            "artery, the deepest structure, and the tibial nerve, which is most superficial: medial "
            "to the artery low in the fossa, directly behind it at the joint line and "
            "posterolateral above. It receives the small saphenous vein at the saphenopopliteal "
            "junction and the gastrocnemius veins at about the same level. It has up to four "
            "valves, most constantly one near the adductor hiatus, and it is a key segment in the "
            "compression ultrasound examination for DVT."),
        "patient": (
            "This is the main deep vein behind your knee. It collects blood from your lower leg "
            "and sends it up into your thigh."),
    },
    "femoral_vein_{side}": {
        "student": (
            "The {side} femoral vein (formerly called the superficial femoral vein, although it is "
            "a deep vein) continues the popliteal vein from the adductor hiatus up through the "
            "adductor canal and the femoral triangle. It lies lateral to the lower part of the "
            "femoral artery and behind its upper part, and comes to lie medial to the artery near "
            "the groin. It receives the Dodd and Hunterian perforators from the great saphenous "
            "vein and joins the deep femoral vein a few centimetres below the inguinal ligament to "
            "form the common femoral vein. It always contains valves, most constantly one within "
            "3 cm below the deep femoral confluence, and a clot here is a deep vein thrombosis "
            "despite the old name."),
        "patient": (
            "This is the main deep vein running up the middle of your thigh, next to the main "
            "artery. It carries blood from your knee up to your groin."),
    },
    "deep_femoral_vein_{side}": {
        "student": (
            "The {side} deep femoral (profunda femoris) vein runs behind the femoral vessels on the "
            "adductor muscles, close to the femur, with the deep femoral artery. It receives the "
            "perforating veins and the medial and lateral circumflex femoral veins, which drain "
            "the thigh muscles. It joins the femoral vein from posterolateral about 1.5-5 cm below "
            "the inguinal ligament to form the common femoral vein. It has a valve in most limbs "
            "(88% in one series), and through its connections with the popliteal vein it can carry "
            "blood around a blocked femoral vein."),
        "patient": (
            "This is a deep vein that drains the muscles of your thigh. It joins the main thigh "
            "vein near your groin."),
    },
    "common_femoral_vein_{side}": {
        "student": (
            "The {side} common femoral vein is formed by the union of the femoral and deep femoral "
            "veins and runs up to the inguinal ligament, behind which it becomes the external iliac "
            "vein. In the femoral sheath it lies medial to the common femoral artery and lateral to "
            "the femoral canal, with the femoral nerve lateral to the artery. It receives the great "
            "saphenous vein at the saphenofemoral junction on its anteromedial wall, and it has a "
            "valve in about half of limbs (51% in one series), typically within 5 cm of the "
            "ligament. It is the standard groin "
            "site for compression ultrasound and venous access, and thrombosis involving it "
            "(iliofemoral DVT) is one of the most common patterns of leg DVT."),
        "patient": (
            "This is the large deep vein in your groin. The main veins of your leg join here before "
            "the blood flows up into your belly."),
    },
    "external_iliac_vein_{side}": {
        "student": (
            "The {side} external iliac vein continues the common femoral vein behind the inguinal "
            "ligament. It runs along the pelvic brim on the medial side of psoas, first medial and "
            "then posteromedial to the external iliac artery, and joins the internal iliac vein in "
            "front of the sacroiliac joint to form the common iliac vein. It has a valve in a "
            "minority of limbs (about 42%), usually near the inguinal ligament. It can be narrowed "
            "or blocked in iliac vein compression and iliofemoral DVT, and duplex ultrasound "
            "undersizes it compared with intravascular ultrasound (IVUS), which is used to size it "
            "before stenting."),
        "patient": (
            "This vein carries blood from your leg into your lower belly. It runs along the inside "
            "of your hip bone."),
    },
    "internal_iliac_vein_{side}": {
        "student": (
            "The {side} internal iliac vein begins near the upper part of the greater sciatic "
            "foramen and ascends behind and slightly medial to the internal iliac artery to the "
            "pelvic brim. It joins the external iliac vein in front of the sacroiliac joint to form "
            "the common iliac vein. Its tributaries are the gluteal, internal pudendal, obturator "
            "and lateral sacral veins and the visceral pelvic plexuses. The pre-sacral and pudendal "
            "plexuses connect the two internal iliac veins, so that when the left common iliac "
            "vein is compressed (May-Thurner syndrome) blood can cross the pelvis to the right."),
        "patient": (
            "This vein drains blood from the organs and muscles inside your pelvis. It joins the "
            "vein from your leg low in your belly."),
    },
    "posterior_tibial_vein_{n}_{side}": {
        "student": (
            "{Side} posterior tibial vein {n} is the {where} member of the pair of venae comitantes "
            "that accompany the posterior tibial artery. The pair is formed behind the medial "
            "malleolus by the medial and lateral plantar veins, passes through the tarsal tunnel "
            "and ascends in the deep posterior compartment between flexor digitorum longus and "
            "tibialis posterior, under soleus. It receives the Cockett and paratibial perforators "
            "and many soleal veins, and it unites with the peroneal veins to form the "
            "tibioperoneal trunk. Its valves are numerous, and the calf veins are a common "
            "starting site of DVT, which ultrasound detects less reliably in the calf (sensitivity "
            "about 57%) than in the proximal veins (about 97%)."),
        "patient": (
            "This is one of two deep veins that run side by side inside the back of your calf. "
            "Your calf muscles squeeze them when you walk, which pushes blood up toward your heart."),
    },
    "peroneal_vein_{n}_{side}": {
        "student": (
            "{Side} peroneal (fibular) vein {n} is the {where} member of the pair that accompanies "
            "the peroneal artery. The pair begins behind the distal tibiofibular joint and ascends "
            "deep in the calf next to the fibula, in or under flexor hallucis longus, deeper than "
            "the posterior tibial veins. It receives soleal veins and the para-Achillean "
            "perforator, and it joins the posterior tibial veins to form the tibioperoneal trunk. "
            "Like the other calf veins it has many valves, and isolated calf DVT often involves "
            "the peroneal and soleal veins."),
        "patient": (
            "This is one of two deep veins that run side by side next to the thin outer bone of "
            "your calf. They carry blood up from your ankle."),
    },
    "anterior_tibial_vein_{n}_{side}": {
        "student": (
            "{Side} anterior tibial vein {n} is the {where} member of the pair that accompanies the "
            "anterior tibial artery. The pair continues the venae comitantes of the dorsalis pedis "
            "artery in front of the ankle, ascends on the front of the interosseous membrane and "
            "passes backwards above the upper border of the membrane. It joins the tibioperoneal "
            "trunk at the lower border of popliteus to form the popliteal vein. These veins are "
            "usually the smallest of the paired calf veins, and thrombosis confined to them is "
            "uncommon."),
        "patient": (
            "This is one of two deep veins that run side by side in the front of your lower leg. "
            "They carry blood from the top of your foot up to the back of your knee."),
    },
    # ---- existing pelvic and abdominal veins
    "common_iliac_vein_left": {
        "student": (
            "The left common iliac vein is formed in front of the left sacroiliac joint by the "
            "external and internal iliac veins and runs obliquely to the right to join the right "
            "common iliac vein at the right side of L5, forming the inferior vena cava (IVC). It "
            "is longer (about 7 cm) and more transverse than the right, and on its way it passes "
            "behind the right common iliac artery and in front of the body of L5. At this crossing "
            "it is often flattened (mean about 8.5 mm front to back on CT), and marked compression, "
            "May-Thurner (Cockett) syndrome, can cause left leg swelling and left-sided "
            "iliofemoral DVT. Like the right common iliac vein it has no valves."),
        "patient": (
            "This large vein carries blood from your left leg toward your heart. An artery crosses "
            "over it low in your belly, and if it presses too hard the left leg can swell."),
    },
    "common_iliac_vein_right": {
        "student": (
            "The right common iliac vein is formed in front of the right sacroiliac joint by the "
            "external and internal iliac veins. It is shorter (about 5 cm) and more vertical than "
            "the left, and it unites with the left common iliac vein at the right side of L5, "
            "behind the right common iliac artery, to form the IVC. It has no valves. It is not "
            "pinned against the spine the way the left vein is, so it is less narrowed (median IVUS "
            "'stenosis' 36% against 62% on the left), and in May-Thurner syndrome it receives the "
            "cross-pelvic collateral flow through the right internal iliac vein."),
        "patient": (
            "This large vein carries blood from your right leg toward your heart. It joins the "
            "matching vein from your left leg low in your belly."),
    },
    "inferior_vena_cava": {
        "student": (
            "The inferior vena cava (IVC) is formed at L5, right of the midline and behind the "
            "right common iliac artery, by the two common iliac veins. It ascends to the right of "
            "the aorta on the lumbar vertebral bodies, grooves the bare area of the liver, pierces "
            "the central tendon of the diaphragm and enters the right atrium almost at once. Its "
            "tributaries include the lumbar, right gonadal, renal, right suprarenal, inferior "
            "phrenic and hepatic veins. It is valveless and about 18-21 mm wide; its width and "
            "its collapse with breathing are measured on ultrasound to estimate right atrial "
            "pressure, and it carries emboli from leg DVT to the lungs."),
        "patient": (
            "This is the biggest vein in your body. It carries blood from your legs and belly up to "
            "your heart."),
    },
    "renal_vein_left": {
        "student": (
            "The left renal vein leaves the left renal hilum in front of the renal artery and runs "
            "to the right, receiving the left gonadal vein from below and the left suprarenal vein "
            "from above. It crosses in front of the aorta just below the origin of the superior "
            "mesenteric artery (SMA), in the aortomesenteric angle, and enters the left side of the "
            "IVC at about L1-L2. It is much longer than the right renal vein (6-10 cm against 2-4 "
            "cm), and a retro-aortic or circumaortic variant occurs in a few per cent. Compression "
            "between the SMA and the aorta (the nutcracker phenomenon) can raise the pressure in "
            "the left renal and left gonadal veins."),
        "patient": (
            "This vein carries blood from your left kidney to the big vein in your belly. On the "
            "way it passes between two large arteries."),
    },
    "renal_vein_right": {
        "student": (
            "The right renal vein is short (2-4 cm) and runs from the right renal hilum, in front "
            "of the right renal artery, straight into the right side of the IVC at about L1-L2. "
            "Unlike the left, it receives no gonadal vein: the right gonadal vein drains into the "
            "IVC itself, just below it. Because it is so short, surgeons taking a kidney from a "
            "living donor usually prefer the left kidney, with its longer vein."),
        "patient": (
            "This short vein carries blood from your right kidney into the big vein in your belly."),
    },
    # ---- arteries (context)
    "thoracic_aorta": {
        "student": (
            "The thoracic aorta is shown from the aortic root through the ascending aorta, the arch "
            "and the descending aorta to the aortic hiatus at T12, where it continues as the "
            "abdominal aorta. The superior vena cava lies to the right of the ascending aorta, and "
            "the left brachiocephalic vein crosses above the arch, in front of its branches. The "
            "azygos vein ascends to the right of the descending aorta, and the hemiazygos vein "
            "crosses the midline behind it at about T8. It is included as a landmark for the "
            "central veins; the arch branches are not modelled."),
        "patient": (
            "This is the body's main artery as it leaves your heart and curves down through your "
            "chest. It is shown only to help you find the veins nearby."),
    },
    "abdominal_aorta": {
        "student": (
            "The abdominal aorta enters the abdomen through the aortic hiatus at T12 and descends "
            "on the lumbar vertebral bodies, to the left of the IVC, giving off the coeliac trunk, "
            "the superior mesenteric, renal and inferior mesenteric arteries. It divides into the "
            "common iliac arteries at lower L4, a little left of the midline and just above the "
            "iliac venous confluence. It is shown for context: the left renal vein crosses in front "
            "of it below the superior mesenteric artery, and the left lumbar veins pass behind it. "
            "It is about 20-25 mm wide above the renal arteries and narrows towards its end."),
        "patient": (
            "This is the body's main artery in your belly. It is shown only to help you find the "
            "big vein that runs beside it."),
    },
    "common_iliac_artery_right": {
        "student": (
            "The right common iliac artery arises at the aortic bifurcation at lower L4 and runs "
            "down and to the right to divide in front of the right sacroiliac joint. On its way it "
            "crosses directly in front of the left common iliac vein over the body of L5, and then "
            "in front of the start of the IVC and the right common iliac vein. This crossing is "
            "the May-Thurner site: the artery can press the left vein against the spine (the gap "
            "between the artery and L5 averages 7.2 mm and is under 5 mm in a quarter of people "
            "without symptoms). It is shown for context."),
        "patient": (
            "This artery carries blood to your right leg. Low in your belly it crosses over the "
            "vein from your left leg and can press on it."),
    },
    "common_iliac_artery_left": {
        "student": (
            "The left common iliac artery arises at the aortic bifurcation and runs down and to the "
            "left, lateral to and in front of the upper left common iliac vein, to divide in front "
            "of the left sacroiliac joint. In this model it is shorter than the right common iliac "
            "artery, which drapes over the venous confluence. It does not cross the left common "
            "iliac vein, which is compressed instead by the right common iliac artery, and it is "
            "shown for context."),
        "patient": (
            "This artery carries blood to your left leg. It is shown to help you find the veins "
            "next to it."),
    },
    "external_iliac_artery_{side}": {
        "student": (
            "The {side} external iliac artery continues the common iliac artery from its division "
            "in front of the sacroiliac joint along the pelvic brim to the mid-inguinal point, "
            "where it becomes the common femoral artery. The external iliac vein lies medial and "
            "then posteromedial to it. It is shown for context: the femoral pulse just below the "
            "mid-inguinal point is the landmark for the common femoral vein, which lies just "
            "medial to it."),
        "patient": (
            "This artery carries blood down into your {side} leg. It is shown to help you find the "
            "vein beside it."),
    },
    "femoral_artery_{side}": {
        "student": (
            "The {side} femoral artery (the common femoral artery, then the femoral artery below "
            "the origin of the deep femoral artery) runs from the mid-inguinal point through the "
            "femoral triangle and the adductor canal to the adductor hiatus, where it becomes the "
            "popliteal artery. At the groin the common femoral vein lies immediately medial to it; "
            "in the adductor canal the femoral vein lies behind its upper part and lateral to its "
            "lower part. Its pulse is the landmark for the saphenofemoral junction, about one inch "
            "below the inguinal ligament and immediately medial to the pulse."),
        "patient": (
            "This is the main artery of your {side} thigh. Its pulse in the groin helps doctors "
            "find the big vein right next to it."),
    },
    "popliteal_artery_{side}": {
        "student": (
            "The {side} popliteal artery continues the femoral artery from the adductor hiatus "
            "through the popliteal fossa and divides at the lower border of popliteus into the "
            "anterior and posterior tibial arteries. It is the deepest structure in the fossa: the "
            "popliteal vein lies superficial to it and the tibial nerve more superficial still. It "
            "is shown for context, and on ultrasound the vein is found lying right against it."),
        "patient": (
            "This is the main artery behind your {side} knee. The deep vein behind the knee runs "
            "right next to it."),
    },
    # ---- new superficial veins of the leg
    "dorsal_venous_arch_{side}": {
        "student": (
            "The {side} dorsal venous arch lies across the back of the foot over the metatarsal "
            "shafts, about 3 cm behind the metatarsal heads, convex towards the toes. It collects "
            "the dorsal digital and metatarsal veins. Its medial end continues as the medial "
            "marginal vein into the great saphenous vein and its lateral end as the lateral "
            "marginal vein into the small saphenous vein; here it is drawn draining medially, and "
            "the small saphenous vein begins at its lateral end. It is easy to see under the skin "
            "and is often used for venous access."),
        "patient": (
            "This is a curved vein on the top of your foot that you can often see under the skin. "
            "It collects blood from your toes and sends it into the two long veins of your leg."),
    },
    "anterior_accessory_saphenous_vein_{side}": {
        "student": (
            "The {side} anterior accessory saphenous vein (AASV) runs up the front of the thigh in "
            "its own fascial compartment, lateral and anterior to the great saphenous vein, "
            "directly over the femoral vessels: the 'alignment sign' that identifies it on "
            "ultrasound. It joins the great saphenous vein 1-2 cm below the saphenofemoral "
            "junction, or sometimes the common femoral vein. It is present in about half of limbs. "
            "Reflux in it causes varicose veins on the front of the thigh and is a frequent source "
            "of recurrence after the great saphenous vein has been treated."),
        "patient": (
            "This is a vein just under the skin on the front of your thigh. It joins the long leg "
            "vein near your groin."),
    },
    "posterior_arch_vein_{side}": {
        "student": (
            "The {side} posterior arch vein (the posterior accessory great saphenous vein of the "
            "leg, 'Leonardo's vein') begins behind the medial malleolus and ascends on the "
            "posteromedial calf to join the great saphenous vein below the knee. The Cockett "
            "(posterior tibial) perforators connect it with the posterior tibial veins along "
            "Linton's line, about a finger-breadth behind the medial border of the tibia. When "
            "these perforators become incompetent, calf-pump pressure reaches the skin above the "
            "medial ankle, the area where venous ulcers most often form."),
        "patient": (
            "This vein runs under the skin on the inner back part of your calf. Small veins link it "
            "to the deep veins, and if they leak, the skin near your ankle can become sore."),
    },
    "superficial_epigastric_vein_{side}": {
        "student": (
            "The {side} superficial epigastric vein drains the skin and fat of the lower abdominal "
            "wall and runs down across the inguinal ligament to join the great saphenous vein just "
            "below the saphenofemoral junction, between its terminal and preterminal valves. It "
            "is one of the junctional tributaries, which are tied in junction surgery and can feed "
            "recurrent varicose veins if left. In iliac vein obstruction, reversed flow in it on "
            "duplex ultrasound is a sign that blood is bypassing the block through the abdominal "
            "wall. Its short course here is a schematic estimate."),
        "patient": (
            "This small vein drains the skin of your lower belly into the long leg vein at your "
            "groin."),
    },
    "superficial_circumflex_iliac_vein_{side}": {
        "student": (
            "The {side} superficial circumflex iliac vein drains the skin of the lateral groin and "
            "flank, running below and parallel to the inguinal ligament from the region of the "
            "anterior superior iliac spine to the great saphenous vein near the saphenofemoral "
            "junction. It is one of the junctional tributaries that join between the terminal and "
            "preterminal valves. These tributaries can carry reflux, or feed recurrent varicose "
            "veins after the junction has been treated. Its short course here is a schematic "
            "estimate."),
        "patient": (
            "This small vein drains the skin near the front of your hip into the long leg vein at "
            "your groin."),
    },
    "superficial_external_pudendal_vein_{side}": {
        "student": (
            "The {side} superficial external pudendal vein drains the skin of the lower abdomen and "
            "the external genitalia and runs laterally to join the great saphenous vein near the "
            "saphenofemoral junction, from its medial side. It is one of the junctional "
            "tributaries that join between the terminal and preterminal valves. Pelvic venous "
            "reflux can reach the leg through the pudendal veins, giving varicose veins on the "
            "inner thigh. Its short course here is a schematic estimate."),
        "patient": (
            "This small vein drains the skin low on the front of your body into the long leg vein "
            "at your groin."),
    },
    # ---- calf muscle veins and plantar veins
    "soleal_vein_1_{side}": {
        "student": (
            "The {side} central soleal vein represents the central one of the large venous "
            "sinuses inside the soleus muscle (about 6.3 mm wide when seated). These thin-walled "
            "sinuses fill at rest and are emptied when the calf muscles contract, which makes the "
            "soleus a main engine of the calf muscle pump. They drain by short extramuscular veins, "
            "0.9-2.8 cm long, mostly into the posterior tibial and peroneal veins; this one drains "
            "into a posterior tibial vein. Blood pools in these sinuses during immobility, and "
            "they are a common starting point of calf DVT."),
        "patient": (
            "This is a vein deep inside your calf muscle. When you walk, the muscle squeezes it and "
            "pushes blood up toward your heart."),
    },
    "soleal_vein_2_{side}": {
        "student": (
            "The {side} medial soleal vein represents the medial one of the large venous sinuses "
            "inside the soleus muscle (about 4.5 mm wide when seated). These thin-walled sinuses "
            "fill at rest and are emptied when the calf muscles contract, which makes the soleus a "
            "main engine of the calf muscle pump. This one drains by a short stub into the medial "
            "posterior tibial vein. Blood pools in these sinuses during immobility, and they are a "
            "common starting point of calf DVT."),
        "patient": (
            "This is a vein deep inside your calf muscle. When you walk, the muscle squeezes it and "
            "pushes blood up toward your heart."),
    },
    "soleal_vein_3_{side}": {
        "student": (
            "The {side} lateral soleal vein represents the lateral one of the large venous sinuses "
            "inside the soleus muscle (about 4.6 mm wide when seated). These thin-walled sinuses "
            "fill at rest and are emptied when the calf muscles contract, which makes the soleus a "
            "main engine of the calf muscle pump. This one drains by a short stub into a peroneal "
            "vein. Blood pools in these sinuses during immobility, and they are a common starting "
            "point of calf DVT."),
        "patient": (
            "This is a vein deep inside your calf muscle. When you walk, the muscle squeezes it and "
            "pushes blood up toward your heart."),
    },
    "gastrocnemius_vein_medial_{side}": {
        "student": (
            "The {side} medial gastrocnemius vein drains the medial head of gastrocnemius, whose "
            "paired intramuscular veins usually merge into one trunk. It drains into the popliteal "
            "vein at about the level of the saphenopopliteal junction, as 87% of main gastrocnemius "
            "trunks do, and it often shares a trunk with the small saphenous vein. It is part of "
            "the calf muscle pump and a recognised site of isolated muscular calf vein thrombosis."),
        "patient": (
            "This vein drains the inner part of your calf muscle. It flows into the deep vein "
            "behind your knee."),
    },
    "gastrocnemius_vein_lateral_{side}": {
        "student": (
            "The {side} lateral gastrocnemius vein drains the lateral head of gastrocnemius, whose "
            "paired intramuscular veins usually merge into one trunk. It drains into the popliteal "
            "vein at about the level of the saphenopopliteal junction, as 87% of main gastrocnemius "
            "trunks do. It is part of the calf muscle pump and a recognised site of isolated "
            "muscular calf vein thrombosis."),
        "patient": (
            "This vein drains the outer part of your calf muscle. It flows into the deep vein "
            "behind your knee."),
    },
    "medial_plantar_vein_{side}": {
        "student": (
            "The {side} medial plantar vein accompanies the medial plantar artery along the medial "
            "side of the sole. Behind the medial malleolus it unites with the lateral plantar vein "
            "to form the posterior tibial veins, which pass up through the tarsal tunnel; here it "
            "ends on the medial posterior tibial vein. The plantar veins are squeezed by weight "
            "bearing with every step (the foot pump), which starts blood moving up the leg before "
            "the calf pump acts. Its course here is an estimate, as the atlas gives no waypoints "
            "for the plantar veins."),
        "patient": (
            "This is a deep vein in the sole of your foot. Each step squeezes it and pushes blood "
            "up into the deep veins of your leg."),
    },
    "lateral_plantar_vein_{side}": {
        "student": (
            "The {side} lateral plantar vein accompanies the lateral plantar artery, running "
            "obliquely across the sole from its lateral side towards the heel. Behind the medial "
            "malleolus it unites with the medial plantar vein to form the posterior tibial veins; "
            "here it ends on the lateral posterior tibial vein. The plantar veins are squeezed by "
            "weight bearing with every step (the foot pump), which starts blood moving up the leg "
            "before the calf pump acts. Its course here is an estimate, as the atlas gives no "
            "waypoints for the plantar veins."),
        "patient": (
            "This is a deep vein in the sole of your foot. Each step squeezes it and pushes blood "
            "up into the deep veins of your leg."),
    },
    # ---- perforators
    "perforator_posterior_tibial_1_{side}": _perforator_texts(
        "lower posterior tibial perforator (Cockett I)",
        "joins the posterior arch vein to the posterior tibial veins just behind the ankle, on "
        "Linton's line about a finger-breadth behind the medial border of the tibia",
        "Together with Cockett II and III it drains the skin of the lower medial leg, where venous "
        "ulcers most often form."),
    "perforator_posterior_tibial_2_{side}": _perforator_texts(
        "middle posterior tibial perforator (Cockett II)",
        "joins the posterior arch vein to the posterior tibial veins about 7-9 cm above the ankle "
        "(Mozes), on Linton's line",
        "Incompetent Cockett perforators beneath the skin of the lower medial leg are a classic "
        "target of subfascial endoscopic perforator surgery and ultrasound-guided ablation."),
    "perforator_posterior_tibial_3_{side}": _perforator_texts(
        "upper posterior tibial perforator (Cockett III)",
        "joins the posterior arch vein to the posterior tibial veins about 10-12 cm above the "
        "ankle (Mozes), on Linton's line",
        "Incompetent Cockett perforators beneath the skin of the lower medial leg are a classic "
        "target of subfascial endoscopic perforator surgery and ultrasound-guided ablation."),
    "perforator_paratibial_1_{side}": _perforator_texts(
        "paratibial perforator of the lower cluster",
        "joins the great saphenous vein to the posterior tibial veins close to the medial "
        "border of the tibia, about 18-22 cm above the ankle (the '24 cm perforator' measured "
        "from the sole)",
        "The medial leg has on average about 14 perforators (7-22) in one dissection series, and "
        "a quarter of them were wider than 2 mm."),
    "perforator_paratibial_2_{side}": _perforator_texts(
        "paratibial perforator of the middle cluster",
        "joins the great saphenous vein to the posterior tibial veins close to the medial "
        "border of the tibia, about 23-27 cm above the ankle",
        "The medial leg has on average about 14 perforators (7-22) in one dissection series, and "
        "a quarter of them were wider than 2 mm."),
    "perforator_boyd_{side}": _perforator_texts(
        "Boyd perforator (upper paratibial cluster)",
        "joins the great saphenous vein just below the knee, about 28-32 cm above the ankle, to "
        "the posterior tibial veins (in some limbs to the tibioperoneal trunk or the "
        "gastrocnemius veins)",
        "An incompetent Boyd perforator can feed varicose veins of the upper calf."),
    "perforator_dodd_{side}": _perforator_texts(
        "Dodd (femoral canal) perforator",
        "runs 4-8 cm obliquely upward from the great saphenous vein at the junction of the "
        "middle and lower thirds of the thigh, through the adductor canal, to the medial surface "
        "of the femoral vein",
        "An incompetent Dodd perforator can feed reflux into the great saphenous vein below it "
        "even when the saphenofemoral junction is competent."),
    "perforator_hunterian_{side}": _perforator_texts(
        "Hunterian (mid-thigh femoral canal) perforator",
        "joins the great saphenous vein in the middle of the thigh to the femoral vein in the "
        "adductor canal (its exact position here is an estimate)",
        "There are fewer perforators in the thigh than in the leg."),
    "perforator_para_achillean_{side}": _perforator_texts(
        "para-Achillean (Bassi) perforator",
        "joins the small saphenous vein beside the Achilles tendon, low in the leg, to the "
        "peroneal veins (its height here is an estimate)",
        "It is one of the perforators of the posterior leg, where incompetent perforators can "
        "also feed varicose veins and skin changes."),
    # ---- new abdominal and pelvic veins
    "gonadal_vein_left": {
        "student": (
            "The left gonadal (testicular) vein ascends retroperitoneally on psoas from the deep "
            "inguinal ring, below which it forms the pampiniform plexus in the spermatic cord. It "
            "drains into the left renal vein at a right angle, while the right gonadal vein joins "
            "the IVC. Its long vertical course into a renal vein that can itself be compressed "
            "between the aorta and the SMA helps explain why varicoceles are much more common on "
            "the left; in women, reflux in the left ovarian vein is a cause of pelvic venous "
            "congestion. It is about 2-3 mm wide, and more than 3 mm is taken as dilated."),
        "patient": (
            "This thin vein drains the left testicle (or the left ovary in a woman). It carries "
            "the blood up to the vein of your left kidney."),
    },
    "gonadal_vein_right": {
        "student": (
            "The right gonadal (testicular) vein ascends retroperitoneally on psoas from the deep "
            "inguinal ring, below which it forms the pampiniform plexus in the spermatic cord. It "
            "drains directly into the anterolateral IVC at an acute angle, just below the right "
            "renal vein, unlike the left gonadal vein, which ends in the left renal vein. It is "
            "about 2-3 mm wide, and more than 3 mm is taken as dilated."),
        "patient": (
            "This thin vein drains the right testicle (or the right ovary in a woman). It carries "
            "the blood up to the big vein in your belly."),
    },
    "ascending_lumbar_vein_right": {
        "student": (
            "The right ascending lumbar vein is a longitudinal channel in front of the roots of the "
            "lumbar transverse processes and behind psoas, joining the right common iliac vein "
            "below with the lumbar veins. At T12 it joins the right subcostal vein to form the "
            "azygos vein. It is a major collateral path from the pelvis to the azygos system and "
            "the superior vena cava when the iliac veins or the IVC are blocked."),
        "patient": (
            "This vein runs up the back wall of your belly, next to your spine. If the big belly "
            "vein is blocked, blood can take this path up to your chest instead."),
    },
    "ascending_lumbar_vein_left": {
        "student": (
            "The left ascending lumbar vein is a longitudinal channel in front of the roots of the "
            "lumbar transverse processes and behind psoas, joining the left common iliac vein below "
            "with the lumbar veins. At T12 it joins the left subcostal vein to form the hemiazygos "
            "vein. It is a major collateral path from the left leg and pelvis to the azygos system "
            "when the left common iliac vein is compressed (May-Thurner) or the iliac veins or IVC "
            "are blocked."),
        "patient": (
            "This vein runs up the back wall of your belly, next to your spine. If the big belly "
            "vein is blocked, blood can take this path up to your chest instead."),
    },
    "lumbar_vein_l3_right": {
        "student": (
            "The right third lumbar vein is a segmental vein that drains the back muscles and the "
            "body wall at the level of L3. It runs forward round the side of the L3 vertebral body "
            "from the right ascending lumbar vein to the back of the IVC. The lumbar veins link the "
            "IVC with the ascending lumbar veins and the vertebral venous plexus, forming collateral "
            "routes when the IVC or iliac veins are blocked. Its course and size here are "
            "estimates."),
        "patient": (
            "This small vein drains the muscles of your lower back into the big vein in your belly."),
    },
    "lumbar_vein_l4_right": {
        "student": (
            "The right fourth lumbar vein is a segmental vein that drains the back muscles and the "
            "body wall at the level of L4. It runs forward round the side of the L4 vertebral body "
            "from the right ascending lumbar vein to the back of the IVC. The lumbar veins link the "
            "IVC with the ascending lumbar veins and the vertebral venous plexus, forming collateral "
            "routes when the IVC or iliac veins are blocked. Its course and size here are "
            "estimates."),
        "patient": (
            "This small vein drains the muscles of your lower back into the big vein in your belly."),
    },
    "lumbar_vein_l3_left": {
        "student": (
            "The left third lumbar vein is a segmental vein that drains the back muscles and the "
            "body wall at the level of L3. It runs forward round the side of the L3 vertebral body "
            "from the left ascending lumbar vein and passes behind the aorta to reach the back of "
            "the IVC. The lumbar veins link the IVC with the ascending lumbar veins and the "
            "vertebral venous plexus, forming collateral routes when the IVC or iliac veins are "
            "blocked. Its course and size here are estimates."),
        "patient": (
            "This small vein drains the muscles of your lower back. It passes behind the main "
            "artery to reach the big vein in your belly."),
    },
    "lumbar_vein_l4_left": {
        "student": (
            "The left fourth lumbar vein is a segmental vein that drains the back muscles and the "
            "body wall at the level of L4. It runs forward round the side of the L4 vertebral body "
            "from the left ascending lumbar vein and passes behind the aorta to reach the back of "
            "the IVC. The lumbar veins link the IVC with the ascending lumbar veins and the "
            "vertebral venous plexus, forming collateral routes when the IVC or iliac veins are "
            "blocked. Its course and size here are estimates."),
        "patient": (
            "This small vein drains the muscles of your lower back. It passes behind the main "
            "artery to reach the big vein in your belly."),
    },
    "azygos_vein": {
        "student": (
            "The azygos vein is formed at T12-L1 by the right ascending lumbar and right subcostal "
            "veins. It ascends on the right front of the thoracic vertebral bodies, to the right of "
            "the aorta and the thoracic duct, and receives the hemiazygos vein at about T8. At "
            "about T4 (T5-T6 on CT of living subjects) it arches forward over the root of the "
            "right lung to enter the back of the superior vena cava. It also drains the right "
            "posterior intercostal veins, the accessory hemiazygos and oesophageal and bronchial "
            "veins, and because it links the IVC and SVC territories it is a major collateral "
            "route when either cava is blocked."),
        "patient": (
            "This vein runs up the right side of your spine in your chest. It collects blood from "
            "your chest wall and can act as a back road to your heart if a big vein is blocked."),
    },
    "hemiazygos_vein": {
        "student": (
            "The hemiazygos vein begins from the left ascending lumbar and left subcostal veins, "
            "passes through the left crus of the diaphragm and ascends on the left of the lower "
            "thoracic vertebrae. At about T8-T9 it crosses the midline behind the aorta, the "
            "oesophagus and the thoracic duct to join the azygos vein. It drains the lower left "
            "intercostal veins, and with the accessory hemiazygos vein it carries collateral flow "
            "from the left abdomen and pelvis to the azygos system."),
        "patient": (
            "This vein runs up the left side of your spine in your lower chest. It crosses behind "
            "the main artery to join a matching vein on the right."),
    },
    "cross_pelvic_collateral": {
        "student": (
            "The cross-pelvic collateral represents the pre-sacral and pudendal venous plexuses "
            "that connect the left and right internal iliac veins in front of the sacrum. Normally "
            "it carries little flow; when the left common iliac vein is compressed (May-Thurner) or "
            "blocked by thrombus, blood from the left leg crosses the pelvis through it to the "
            "right internal iliac vein and on to the IVC. Pelvic collaterals seen at rest, without "
            "a Valsalva manoeuvre, mark a significant iliac vein obstruction. Its course and size "
            "here are schematic estimates."),
        "patient": (
            "This is a small side road for blood inside your pelvis that links the left and right "
            "sides. If the main vein from your left leg is squeezed, blood can cross over to the "
            "right side this way."),
    },
    "vertebral_venous_plexus": {
        "student": (
            "The vertebral venous plexus (Batson's plexus) is a valveless network of veins inside "
            "the spinal canal and around the vertebrae along the whole spine. It connects the dural "
            "sinuses and the vertebral veins with the intercostal, azygos, hemiazygos, ascending "
            "lumbar, sacral and pelvic veins. Here its cervical and thoracic part is shown as one "
            "channel from the foramen magnum down the spine, joining the azygos vein at T12. When "
            "you sit or stand the internal jugular veins collapse and the vertebral veins and this "
            "plexus take over much of the brain's venous outflow."),
        "patient": (
            "This is a web of small veins that runs along your spine. It gives blood from your "
            "head another way back to your heart, especially when you sit or stand."),
    },
    "vertebral_venous_plexus_lumbar": {
        "student": (
            "This is the lumbar part of the valveless vertebral venous plexus (Batson's plexus), "
            "shown as one channel in the spinal canal from S1 up to L1, where a segmental link "
            "joins the right ascending lumbar vein. It connects the sacral and pelvic veins with "
            "the ascending lumbar veins, the azygos system and the rest of the spinal plexus. "
            "Being valveless it can carry blood either way, forming a collateral route around a "
            "blocked IVC or iliac vein, and it also explains how pelvic infection or cancer can "
            "spread to the spine."),
        "patient": (
            "This is a web of small veins inside your lower back. It gives blood from your pelvis "
            "another way back to your heart."),
    },
    # ---- liver
    "superior_mesenteric_vein": {
        "student": (
            "The superior mesenteric vein drains the small intestine, the caecum and the right and "
            "transverse colon. It runs up in the root of the mesentery to the right of the superior "
            "mesenteric artery, in front of the third part of the duodenum, the uncinate process and "
            "the left renal vein. Behind the neck of the pancreas it joins the splenic vein to form "
            "the portal vein, carrying about 42% of portal flow at rest (Burkart 1993, MRI). Its "
            "upper course here is schematic."),
        "patient": (
            "This vein collects blood from your gut after a meal. It carries it up to the big vein "
            "that feeds your liver."),
    },
    "splenic_vein": {
        "student": (
            "The splenic vein leaves the hilum of the spleen and runs to the right behind the "
            "pancreas, in front of the left kidney and the left renal vein. It receives short gastric "
            "veins and, usually, the inferior mesenteric vein, and joins the superior mesenteric vein "
            "behind the pancreatic neck to form the portal vein. In portal hypertension it can drain "
            "into the left renal vein through a splenorenal shunt. Its course here is schematic."),
        "patient": (
            "This vein carries blood from your spleen to the big vein that feeds your liver."),
    },
    "superior_rectal_vein": {
        "student": (
            "The superior rectal vein drains the upper rectum and continues up in the sigmoid "
            "mesocolon as the inferior mesenteric vein, so it belongs to the portal system. Its "
            "submucosal plexus communicates with the middle and inferior rectal veins, which drain "
            "to the internal iliac veins, a systemic route. When portal pressure is high this is one "
            "of the portosystemic anastomoses, and rectal varices can form. Its course here is "
            "schematic."),
        "patient": (
            "This small vein drains the lowest part of your bowel toward your liver."),
    },
    "inferior_mesenteric_vein": {
        "student": (
            "The inferior mesenteric vein drains the descending and sigmoid colon and the upper "
            "rectum. It runs up to the left of the aorta on the psoas, passes to the left of the "
            "duodenojejunal flexure and usually joins the splenic vein behind the pancreas, though "
            "it can join the superior mesenteric vein instead. Its course here is schematic."),
        "patient": (
            "This vein drains the left side of your large bowel toward your liver."),
    },
    "portal_vein": {
        "student": (
            "The portal vein carries blood from the gut, spleen and pancreas to the liver, about "
            "three quarters of the liver's blood supply. It forms behind the neck of the pancreas, "
            "runs up in the free edge of the lesser omentum in front of the IVC, with the epiploic "
            "foramen between them, and divides at the porta hepatis. It is about 8 cm long and "
            "valveless, and its normal pressure is 5 to 10 mmHg. A blocked outflow from the liver "
            "(Budd-Chiari syndrome) raises it, and its flow can slow or reverse."),
        "patient": (
            "This big vein brings blood from your gut to your liver. The liver cleans it before it "
            "goes back to your heart."),
    },
    "portal_vein_right_branch": {
        "student": (
            "The right branch of the portal vein is short and wide and supplies the right lobe of "
            "the liver. Its branches end in the sinusoids, the liver's capillaries, where portal "
            "and hepatic arterial blood mix before leaving through the hepatic veins. A TIPS shunt is "
            "usually made from this branch to the right hepatic vein."),
        "patient": (
            "This vein takes blood into the right part of your liver."),
    },
    "portal_vein_left_branch": {
        "student": (
            "The left branch of the portal vein runs to the left in the porta hepatis, then turns "
            "forward as its umbilical part, where the ligamentum teres reaches it. It supplies the "
            "left lobe and part of the caudate lobe. The paraumbilical veins start near its umbilical "
            "part, so in portal hypertension blood can leave here for the abdominal wall."),
        "patient": (
            "This vein takes blood into the left part of your liver."),
    },
    "caudate_lobe_vein": {
        "student": (
            "Small veins of the caudate lobe open straight into the retrohepatic IVC, below the "
            "three main hepatic veins. When the main hepatic veins are blocked (Budd-Chiari "
            "syndrome) the caudate lobe keeps draining, so it is spared and grows, often wider than "
            "0.6 of the right lobe. One vessel stands for them here; its course is schematic."),
        "patient": (
            "These small veins drain a small part of your liver straight into the big vein behind "
            "it."),
    },
    "left_gastric_vein": {
        "student": (
            "The left gastric (coronary) vein drains the lesser curve of the stomach and the lower "
            "oesophagus and joins the portal vein or the splenic vein. At the gastro-oesophageal "
            "junction its oesophageal branches meet veins that drain to the azygos system. When "
            "portal pressure rises its flow reverses, away from the liver, and it feeds "
            "oesophageal varices; a width over about 5 mm goes with large varices."),
        "patient": (
            "This vein drains your stomach into the vein that feeds your liver."),
    },
    "oesophageal_varices": {
        "student": (
            "Oesophageal varices are dilated submucosal veins of the lower oesophagus. They link "
            "the left gastric vein (portal) with oesophageal veins that drain to the azygos vein "
            "(systemic), and they enlarge when the hepatic venous pressure gradient reaches 10 mmHg "
            "or more. Above about 12 mmHg they can bleed. In health the channel is tiny; here it is "
            "drawn at the size of large varices and opened by the collateral_development condition."),
        "patient": (
            "When blood cannot flow through the liver, it can push into small veins in the food "
            "pipe. They can swell and may bleed."),
    },
    "paraumbilical_vein": {
        "student": (
            "The paraumbilical veins run in the falciform ligament from the left portal branch to "
            "the umbilicus, where they meet the veins of the abdominal wall. In portal hypertension "
            "an enlarged paraumbilical vein (the umbilical vein itself stays closed) carries portal "
            "blood to the epigastric veins, and dilated veins round the umbilicus form the caput "
            "medusae. One vessel stands here for the vein and its route through the abdominal wall "
            "to the right superficial epigastric vein."),
        "patient": (
            "This tiny vein can open up when the liver is blocked. Then blood flows to veins in the "
            "skin of your belly."),
    },
    "splenorenal_shunt": {
        "student": (
            "A spontaneous splenorenal shunt joins the splenic vein to the left renal vein behind "
            "the pancreas. It forms in portal hypertension and can carry a large flow, and it goes "
            "with non-forward flow in the portal vein. Surgeons once made such a shunt on purpose "
            "(the distal splenorenal shunt). Its course here is schematic."),
        "patient": (
            "When the liver is blocked, a new path can open here. Blood then flows from the spleen "
            "to the kidney vein."),
    },
    "rectal_portosystemic_veins": {
        "student": (
            "The middle and inferior rectal veins drain the lower rectum and anal canal to the "
            "internal iliac veins, a systemic route. Their plexus joins the superior rectal vein, a "
            "portal vein, so portal hypertension can open this route and form rectal varices. These "
            "are not the same as ordinary haemorrhoids. One vessel stands for this route here."),
        "patient": (
            "These small veins at the bottom of your bowel can swell when the liver is blocked."),
    },
    "tips_shunt": {
        "student": (
            "A transjugular intrahepatic portosystemic shunt (TIPS) is a covered stent placed "
            "through the jugular vein, from a portal branch through the liver and along the right "
            "hepatic vein into the IVC. "
            "It lowers portal pressure by letting portal blood bypass the sinusoids; a gradient "
            "under 12 mmHg is the usual target. A randomised trial found gradients of about 8.9 "
            "mmHg with 8 mm and 6.5 mmHg with 10 mm stents (Riggio 2010). It is closed until the "
            "tips treatment puts it in."),
        "patient": (
            "Doctors can place a small tube inside the liver. It lets blood go around the blocked "
            "part and back to the heart."),
    },
    "palma_crossover_graft": {
        "student": (
            "The Palma operation treats a blocked left iliac vein: the right great saphenous vein is "
            "freed, tunnelled under the skin above the pubis and joined to the left common femoral "
            "vein. Blood from the left leg then crosses to the right iliac veins. Grafts of 7 to 8 mm "
            "or more do best, and many widen over the years (Ignatyev 2017). It is closed until the "
            "palma_bypass treatment puts it in."),
        "patient": (
            "Surgeons can move a vein to make a new path across your lower belly. Blood from a "
            "blocked leg vein can then reach the other side."),
    },
    "hepatic_vein_right": {
        "student": (
            "The right hepatic vein runs in the right hepatic fissure and drains liver segments V "
            "to VIII. It enters the right wall of the IVC just below the diaphragm, in the IVC's "
            "groove at the back of the liver, about 15 mm wide at its opening but normally under "
            "about 6 mm 2 cm from it. Like all hepatic veins it is valveless, so right atrial "
            "pressure waves pass into it and its Doppler waveform reflects the right heart. It "
            "widens when the liver is congested by heart failure, and blockage of the hepatic "
            "veins is the Budd-Chiari syndrome."),
        "patient": (
            "This vein drains blood from the right part of your liver. It empties into the big "
            "vein just below your heart."),
    },
    "hepatic_vein_middle": {
        "student": (
            "The middle hepatic vein runs in the main portal fissure (the Cantlie line) between "
            "the right and left lobes and drains segments IV, V and VIII. It usually shares a short "
            "common trunk with the left hepatic vein (in 60-96% of livers) and enters the IVC just "
            "below the diaphragm. It is valveless and, like the other hepatic veins, shows the "
            "right atrial pressure waves on Doppler. It marks the plane between the two halves of "
            "the liver, which makes it a key landmark in liver surgery."),
        "patient": (
            "This vein drains blood from the middle of your liver. It empties into the big vein "
            "just below your heart."),
    },
    "hepatic_vein_left": {
        "student": (
            "The left hepatic vein drains segments II, III and IV of the liver. Here it joins the "
            "middle hepatic vein at its opening, as the short common trunk found in most livers; "
            "the two enter the IVC separately in only about 10%. It is valveless and reaches the "
            "IVC just below the diaphragm, in the groove at the back of the liver. Like the other "
            "hepatic veins it shows the right atrial pressure waves on Doppler, and blockage of "
            "the hepatic veins is the Budd-Chiari syndrome."),
        "patient": (
            "This vein drains blood from the left part of your liver. It joins the middle liver "
            "vein just before both empty into the big vein below your heart."),
    },
    # ---- chest and neck
    "superior_vena_cava": {
        "student": (
            "The superior vena cava (SVC) is formed behind the lower border of the right first "
            "costal cartilage by the two brachiocephalic veins. It descends vertically to the right "
            "of the ascending aorta, with the trachea behind it, receives the azygos vein at the "
            "level of the second costal cartilage and enters the right atrium at the third costal "
            "cartilage. It is about 6.25-7.5 cm long, 15-20 mm wide and valveless. Central venous "
            "catheters are placed with their tip in the lower SVC, and SVC obstruction causes "
            "swelling of the face and arms, with collateral flow through the azygos system."),
        "patient": (
            "This large vein carries blood from your head, neck and arms into the top of your "
            "heart."),
    },
    "brachiocephalic_vein_left": {
        "student": (
            "The left brachiocephalic vein is formed behind the left sternoclavicular joint by the "
            "left internal jugular and left subclavian veins; the thoracic duct enters at this "
            "venous angle. It is about 6 cm long and runs obliquely to the right behind the "
            "manubrium, in front of the branches of the aortic arch and above the arch, to join the "
            "right brachiocephalic vein and form the SVC. It receives the left vertebral, inferior "
            "thyroid, internal thoracic and left superior intercostal veins, and it is valveless. "
            "Central venous catheters and pacing leads placed from the left side pass through it."),
        "patient": (
            "This vein carries blood from the left side of your head, neck and arm. It crosses "
            "your upper chest on its way to your heart."),
    },
    "brachiocephalic_vein_right": {
        "student": (
            "The right brachiocephalic vein is formed behind the right sternoclavicular joint by "
            "the right internal jugular and right subclavian veins; the right lymphatic duct enters "
            "at this venous angle. It is short (about 2.5 cm) and runs almost vertically down, in "
            "front of the brachiocephalic trunk, to join the left brachiocephalic vein and form the "
            "SVC. It receives the right vertebral vein and is valveless. Its short, straight path "
            "to the heart is one reason the right internal jugular vein is preferred for central "
            "venous access."),
        "patient": (
            "This short vein carries blood from the right side of your head, neck and arm. It "
            "flows down into the big vein above your heart."),
    },
    "subclavian_vein_{side}": {
        "student": (
            "The {side} subclavian vein continues the axillary vein at the outer border of the first "
            "rib, arches over the rib in front of scalenus anterior (the subclavian artery lies "
            "behind the muscle) and passes behind the medial third of the clavicle. It joins the "
            "internal jugular vein behind the sternoclavicular joint to form the brachiocephalic "
            "vein, and it receives the external jugular vein. It has one valve, on average 1.7 cm "
            "from its junction with the internal jugular vein. It is a common route for central "
            "venous catheters, and compression between the clavicle and the first rib can cause "
            "effort thrombosis (Paget-Schroetter syndrome)."),
        "patient": (
            "This vein carries blood from your arm, under your collarbone, toward your heart."),
    },
    "superior_sagittal_sinus": {
        "student": (
            "The superior sagittal sinus runs in the midline in the attached upper margin of the "
            "falx cerebri, from the foramen caecum over the vertex to the confluence of the "
            "sinuses at the internal occipital protuberance. Cortical veins and arachnoid "
            "granulations open into it, and it carries a little over half of the brain's venous "
            "outflow (443 mL/min on phase-contrast MRI, Gideon 1996). Its walls are dura held by "
            "bone, so it does not collapse, and it usually continues as the right transverse "
            "sinus."),
        "patient": (
            "This channel runs along the top of your head, inside the skull. It collects blood "
            "from the surface of the brain."),
    },
    "straight_sinus": {
        "student": (
            "The straight sinus runs along the line where the falx cerebri meets the tentorium "
            "cerebelli. It begins where the great cerebral vein (of Galen) joins the inferior "
            "sagittal sinus, so it carries the blood of the deep brain, and it ends at the "
            "confluence of the sinuses. It usually turns into the left transverse sinus."),
        "patient": (
            "This short channel inside the back of the skull carries blood from deep inside the "
            "brain."),
    },
    "occipital_sinus": {
        "student": (
            "The occipital sinus is a small sinus in the attached margin of the falx cerebelli. "
            "It runs from the confluence of the sinuses down the internal occipital crest to the "
            "marginal sinus round the foramen magnum, which opens into the internal vertebral "
            "venous plexus. It is one of the routes that let the brain's blood bypass the "
            "internal jugular veins when they collapse upright."),
        "patient": (
            "This small channel links the back of the skull with veins along the spine. It gives "
            "blood another way out of the head."),
    },
    "transverse_sinus_{side}": {
        "student": (
            "The {side} transverse sinus runs laterally from the confluence of the sinuses in the "
            "attached margin of the tentorium cerebelli, grooving the occipital bone, to the back "
            "of the petrous temporal bone, where it becomes the sigmoid sinus. The right one is "
            "usually larger (about 6.7 against 5.4 mm on MR venography) because it takes the "
            "superior sagittal sinus. A narrowing here is a recognised cause of raised "
            "intracranial pressure."),
        "patient": (
            "This channel runs sideways across the back of the skull. It carries blood from the "
            "brain towards the neck."),
    },
    "sigmoid_sinus_{side}": {
        "student": (
            "The {side} sigmoid sinus continues the transverse sinus in an S-shaped groove on the "
            "mastoid part of the temporal bone and ends at the jugular foramen as the superior "
            "bulb of the internal jugular vein. Emissary veins join it to the veins outside the "
            "skull: the mastoid emissary and the posterior condylar vein. It lies close behind "
            "the middle ear, so ear infections can spread to it."),
        "patient": (
            "This curved channel sits inside the skull, just behind the ear. It leads blood from "
            "the brain into the big vein in your neck."),
    },
    "condylar_vein_{side}": {
        "student": (
            "The {side} posterior condylar emissary vein runs through the condylar canal behind "
            "the occipital condyle, from the sigmoid sinus near the jugular bulb to the "
            "suboccipital venous plexus and the vertebral vein. It is valveless and can carry "
            "blood either way. With the anterior condylar vein it forms the craniocervical "
            "junction's route from the sinuses to the vertebral system, used when the internal "
            "jugular veins are collapsed or narrowed."),
        "patient": (
            "This small vein links a channel in the skull with veins along the spine. It helps "
            "blood leave the head when you sit up."),
    },
    "internal_jugular_vein_{side}": {
        "student": (
            "The {side} internal jugular vein begins at the jugular foramen as the continuation of "
            "the sigmoid sinus, dilated as the superior bulb, and descends in the carotid sheath, "
            "first behind and then lateral to the internal carotid artery and lateral to the "
            "common carotid artery, with the vagus nerve between and behind them. It ends behind "
            "the sternal end of the clavicle by joining the subclavian vein to form the "
            "brachiocephalic vein; just above its end, in the inferior bulb, lies the jugular "
            "valve. The right vein is usually the larger (about 17 against 14 mm on CT), and the "
            "valve is absent more often on the left. The vein collapses when you stand, its "
            "pulsations reflect right atrial pressure, and the right vein is the preferred site "
            "for ultrasound-guided central venous access."),
        "patient": (
            "This is the large vein on the side of your neck. It carries blood from your brain and "
            "face down to your heart."),
    },
    "external_jugular_vein_{side}": {
        "student": (
            "The {side} external jugular vein forms in or just below the parotid gland at the "
            "angle of the mandible, from the posterior division of the retromandibular vein and the "
            "posterior auricular vein. It runs down across the sternocleidomastoid, superficial to "
            "it under platysma, pierces the deep fascia in the posterior triangle and ends in the "
            "subclavian vein lateral to or in front of scalenus anterior. It has two valves, at its "
            "entry into the subclavian vein and about 4 cm above the clavicle, and they are not "
            "fully competent. Its filling is a visible clue to central venous pressure, and it can "
            "be used for venous access."),
        "patient": (
            "This is a vein you can sometimes see under the skin on the side of your neck. It "
            "carries blood from your face and scalp down to a vein under your collarbone."),
    },
    "vertebral_vein_{side}": {
        "student": (
            "The {side} vertebral vein is formed in the suboccipital triangle, forms a plexus "
            "around the vertebral artery in the transverse foramina of C1 to C6 and leaves the C6 "
            "transverse foramen as a single trunk. It opens into the back of the brachiocephalic "
            "vein near its origin, where a pair of valves guards its mouth; on the right it crosses "
            "the first part of the subclavian artery. Its cross-section increases when sitting "
            "while the internal jugular veins collapse, so together with the vertebral venous "
            "plexus it carries much of the brain's outflow when upright."),
        "patient": (
            "This small vein runs down through the bones of your neck. It helps carry blood from "
            "your head to your heart, mostly when you sit or stand."),
    },
}


def describe(vessels):
    """Attach description_student / description_patient to every vessel (fails if one is missing)."""
    for v in vessels:
        vid = v["id"]
        m_side = re.match(r"^(.*)_(left|right)$", vid)
        keys = [(vid, {})]
        if m_side:
            side = m_side.group(2)
            fields = {"side": side, "Side": side.capitalize()}
            keys.append((m_side.group(1) + "_{side}", fields))
            m_pair = re.match(r"^(.*)_([12])$", m_side.group(1))
            if m_pair:
                n = m_pair.group(2)
                keys.append((m_pair.group(1) + "_{n}_{side}",
                             dict(fields, n=n, where="medial" if n == "1" else "lateral")))
        for key, fields in keys:
            if key in DESCRIPTIONS:
                d = DESCRIPTIONS[key]
                v["description_student"] = d["student"].format(**fields) if fields else d["student"]
                v["description_patient"] = d["patient"].format(**fields) if fields else d["patient"]
                break
        else:
            fail("%s has no description (DESCRIPTIONS)" % vid)
        # A text that starts with the side must start with a capital letter.
        for k in ("description_student", "description_patient"):
            s = v[k]
            v[k] = s[:1].upper() + s[1:]


# ----------------------------------------------------------------------------------------------
# Output: indent 2, but every list of numbers (a point, a radii list) on one line.
# ----------------------------------------------------------------------------------------------


def emit(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ["%s  %s: %s" % (pad, json.dumps(k), emit(val, indent + 1))
                 for k, val in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value):
            return "[" + ", ".join(json.dumps(x) for x in value) + "]"
        items = ["%s  %s" % (pad, emit(x, indent + 1)) for x in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


# Context structures, generated by tools/make_context_models.py into assets/models/ (paths are
# relative to this scene file). Colours and opacities come from the app's per-layer defaults.
CONTEXT_MODELS = [
    ("skin", "Skin", "skin.obj", "skin"),
    ("spine", "Spine (C1-L5)", "spine.obj", "bones"),
    ("sacrum_pelvis", "Sacrum and pelvis", "sacrum_pelvis.obj", "bones"),
] + [
    ("%s_%s" % (stem, side), "%s %s" % (side.capitalize(), name), "%s_%s.obj" % (stem, side), layer)
    for side in ("left", "right")
    for stem, name, layer in (("femur", "femur and patella", "bones"), ("tibia", "tibia", "bones"),
                              ("fibula", "fibula", "bones"), ("foot", "foot bones", "bones"),
                              ("calf_muscles", "calf muscles (soleus, gastrocnemius)", "muscles"))
] + [
    ("liver", "Liver", "liver.obj", "organs"),
    ("heart", "Heart", "heart.obj", "organs"),
]


def build_models(repo_root):
    models = []
    for mid, name, file_name, layer in CONTEXT_MODELS:
        if not os.path.exists(os.path.join(repo_root, "assets", "models", file_name)):
            raise SceneError("context model %s is missing: run tools/make_context_models.py" % file_name)
        models.append({"id": mid, "name": name, "file": "../assets/models/" + file_name, "layer": layer})
    return models


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(repo_root, "scenes", "default.json")

    try:
        vessels, _ = build_vessels()
        landmarks = build_landmarks()
        validate_structure(vessels, landmarks)
        compute_drains_at_and_check_junctions(vessels)
        validate_relations(vessels, landmarks)
        validate_more_relations(vessels, landmarks)
        validate_portal_relations(vessels, landmarks)
        validate_head_relations(vessels, landmarks)
        validate_radii(vessels)
        validate_clearance(vessels)
        valves = build_valves(vessels)
        validate_valves(vessels, valves)
        describe(vessels)
        validate_descriptions(vessels)
        models = build_models(repo_root)
    except SceneError as e:
        print("make_default_scene: INVALID SCENE: %s" % e, file=sys.stderr)
        return 1

    scene = {
        "format": "venaviz-scene",
        "version": 1,
        "name": SCENE_NAME,
        "description": SCENE_DESCRIPTION,
        "view": VIEW,
        "vessels": vessels,
        "landmarks": landmarks,
        "valves": valves,
        "models": models,
    }
    text = emit(scene) + "\n"
    json.loads(text)  # the emitter must produce valid JSON
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, out_path)

    n_art = sum(1 for v in vessels if v["system"] == "artery")
    print("wrote %s: %d vessels (%d veins, %d arteries), %d valves, %d landmarks, %d context models"
          % (os.path.relpath(out_path, repo_root), len(vessels), len(vessels) - n_art, n_art,
             len(valves), len(landmarks), len(models)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
