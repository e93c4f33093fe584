// Anatomy checks on the default atlas: the relations a reviewing anatomist would look for
// (../shared/reference/anatomy.md §6 and §7; physiology.md §1-2). Body frame: x to the
// patient's left, y posterior, z superior, cm.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "anatomy/centerline.h"
#include "anatomy/validate.h"
#include "io/scene.h"

using namespace venaviz;

namespace {
const Scene& atlas() {
  static const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  return s;
}
const Vessel& vessel(const std::string& id) {
  const Vessel* v = atlas().anatomy.findVessel(id);
  if (!v) throw std::runtime_error("the atlas has no vessel " + id);
  return *v;
}
Vec3 landmark(const std::string& id) {
  const Landmark* l = atlas().anatomy.findLandmark(id);
  if (!l) throw std::runtime_error("the atlas has no landmark " + id);
  return l->position;
}
/// Closest approach between two polylines: the points on each.
void closest(const Vessel& a, const Vessel& b, Vec3& pa, Vec3& pb) {
  float best = 1e9f;
  const auto sa = sampleCenterline(a.points, a.radii, 0.1f);
  for (const auto& s : sa) {
    float d = 0.0f;
    const float f = closestFraction(b.points, s.position, &d);
    if (d < best) {
      best = d;
      pa = s.position;
      pb = polylinePoint(b.points, f);
    }
  }
}
/// Point of a vessel's centerline at a height z (first crossing, linear between points).
Vec3 atHeight(const Vessel& v, float z) {
  for (std::size_t i = 1; i < v.points.size(); ++i) {
    const Vec3 a = v.points[i - 1], b = v.points[i];
    if ((a.z - z) * (b.z - z) <= 0.0f && a.z != b.z) return glm::mix(a, b, (z - a.z) / (b.z - a.z));
  }
  throw std::runtime_error(v.id + " does not reach z = " + std::to_string(z));
}
float maxDiameterMm(const Vessel& v) {
  return *std::max_element(v.radii.begin(), v.radii.end()) * 20.0f;
}
int valveCount(const std::string& vesselId) {
  const auto& vs = atlas().anatomy.valves;
  return static_cast<int>(std::count_if(vs.begin(), vs.end(), [&](const Valve& x) { return x.vessel == vesselId; }));
}
float obliquity(const Vessel& v) {  // vertical rise over horizontal run, end to end
  const Vec3 d = v.points.back() - v.points.front();
  return std::abs(d.z) / glm::length(Vec2(d.x, d.y));
}
const char* kSides[] = {"left", "right"};
}  // namespace

TEST(Atlas, LoadsAndValidates) {
  EXPECT_TRUE(validateAnatomy(atlas().anatomy).empty());
  EXPECT_GE(atlas().anatomy.vessels.size(), 60u);
}

TEST(Atlas, LeftCommonIliacVeinPassesBehindTheRightCommonIliacArteryInFrontOfL5) {
  Vec3 vein, artery;
  closest(vessel("common_iliac_vein_left"), vessel("common_iliac_artery_right"), vein, artery);
  EXPECT_GT(vein.y, artery.y) << "vein must be posterior to the artery at the crossing";
  EXPECT_LT(std::abs(vein.x), 2.5f) << "the crossing is near the midline";
  // Anterior to the body of L5: the body's anterior surface is about 1.8 cm in front of its centre.
  const Vec3 l5 = landmark("l5_body");
  EXPECT_LT(vein.y, l5.y - 1.5f);
  EXPECT_NEAR(vein.z, l5.z, 2.5f);
}

TEST(Atlas, LeftCommonIliacVeinIsLongerAndMoreObliqueThanTheRight) {
  const Vessel& l = vessel("common_iliac_vein_left");
  const Vessel& r = vessel("common_iliac_vein_right");
  EXPECT_GT(polylineLength(l.points), polylineLength(r.points) + 1.0f);
  EXPECT_LT(obliquity(l), obliquity(r));
}

TEST(Atlas, InferiorVenaCavaLiesRightOfTheAorta) {
  const Vessel& ivc = vessel("inferior_vena_cava");
  const Vessel& ao = vessel("abdominal_aorta");
  for (float z : {108.0f, 112.0f, 116.0f}) EXPECT_LT(atHeight(ivc, z).x, atHeight(ao, z).x) << "z " << z;
  EXPECT_LT(ivc.points.front().x, 0.0f) << "the IVC begins right of the midline";
}

TEST(Atlas, IvcBeginsAtL5AndReachesTheRightAtrium) {
  const Vessel& ivc = vessel("inferior_vena_cava");
  EXPECT_NEAR(ivc.points.front().z, landmark("l5_body").z, 2.0f);
  EXPECT_EQ(ivc.drainsInto, "right_atrium");
  EXPECT_NEAR(glm::distance(ivc.points.back(), landmark("right_atrium_centre")), 0.0f, 4.0f);
}

TEST(Atlas, AorticBifurcationAboveTheIliacVeinConfluenceLeftOfTheMidline) {
  const Vec3 bif = vessel("abdominal_aorta").points.back();
  EXPECT_GT(bif.z, vessel("inferior_vena_cava").points.front().z);
  EXPECT_GT(bif.x, -0.5f);
}

TEST(Atlas, GreatSaphenousVeinIsMedialInTheThighAndJoinsBelowTheInguinalLigament) {
  for (const char* side : kSides) {
    const std::string s = side;
    const float sign = s == "left" ? 1.0f : -1.0f;
    const Vessel& gsv = vessel("great_saphenous_vein_" + s);
    const Vessel& fv = vessel("femoral_vein_" + s);
    EXPECT_LT(atHeight(gsv, 70.0f).x * sign, atHeight(fv, 70.0f).x * sign) << s << ": GSV medial at mid-thigh";
    EXPECT_EQ(gsv.drainsInto, "common_femoral_vein_" + s);
    const float below = landmark("inguinal_ligament_midpoint_" + s).z - gsv.points.back().z;
    EXPECT_GT(below, 1.0f) << s;
    EXPECT_LT(below, 6.0f) << s;
  }
}

TEST(Atlas, GreatSaphenousVeinPassesInFrontOfTheMedialMalleolus) {
  const Vessel& gsv = vessel("great_saphenous_vein_left");
  const Vec3 mm = landmark("medial_malleolus_left");
  EXPECT_LT(atHeight(gsv, mm.z).y, mm.y) << "anterior = more negative y";
}

TEST(Atlas, SmallSaphenousVeinJoinsThePoplitealVein) {
  for (const char* side : kSides)
    EXPECT_EQ(vessel(std::string("small_saphenous_vein_") + side).drainsInto, std::string("popliteal_vein_") + side);
}

TEST(Atlas, PoplitealVeinIsSuperficialToItsArteryAtTheKnee) {
  const Vessel& v = vessel("popliteal_vein_left");
  const Vessel& a = vessel("popliteal_artery_left");
  EXPECT_GT(atHeight(v, 47.5f).y, atHeight(a, 47.5f).y) << "posterior (superficial) at the joint line";
}

TEST(Atlas, CommonFemoralVeinIsMedialToTheFemoralArteryAtTheGroin) {
  EXPECT_LT(atHeight(vessel("common_femoral_vein_left"), 92.0f).x, atHeight(vessel("femoral_artery_left"), 92.0f).x);
  EXPECT_GT(atHeight(vessel("common_femoral_vein_right"), 92.0f).x, atHeight(vessel("femoral_artery_right"), 92.0f).x);
}

TEST(Atlas, LeftRenalVeinCrossesInFrontOfTheAorta) {
  Vec3 vein, aorta;
  closest(vessel("renal_vein_left"), vessel("abdominal_aorta"), vein, aorta);
  EXPECT_LT(vein.y, aorta.y);
  EXPECT_EQ(vessel("renal_vein_left").drainsInto, "inferior_vena_cava");
}

TEST(Atlas, HepaticVeinsJoinTheIvcJustBelowTheRightAtrium) {
  const float ra = landmark("right_atrium_centre").z;
  for (const char* id : {"hepatic_vein_right", "hepatic_vein_middle", "hepatic_vein_left"}) {
    const Vessel& v = vessel(id);
    // Follow the chain to the IVC (the middle and left may share a trunk).
    const Vessel* cur = &v;
    while (cur->drainsInto != "inferior_vena_cava" && cur->drainsInto != "right_atrium") cur = &vessel(cur->drainsInto);
    EXPECT_EQ(cur->drainsInto, "inferior_vena_cava") << id;
    EXPECT_LT(cur->points.back().z, ra) << id << " must join below the right atrium";
    EXPECT_GT(cur->points.back().z, ra - 8.0f) << id << " joins just below it";
    EXPECT_EQ(v.region, Region::Liver);
  }
}

TEST(Atlas, RightInternalJugularVeinIsLargerThanTheLeft) {
  EXPECT_GT(maxDiameterMm(vessel("internal_jugular_vein_right")), maxDiameterMm(vessel("internal_jugular_vein_left")));
}

TEST(Atlas, EveryVeinReachesTheRightAtrium) {
  const Anatomy& a = atlas().anatomy;
  for (const Vessel& v : a.vessels) {
    if (v.isArtery()) continue;
    const Vessel* cur = &v;
    int hops = 0;
    while (cur->drainsInto != "right_atrium" && cur->drainsInto != "liver_sinusoids" && hops++ < 50)
      cur = a.findVessel(cur->drainsInto);
    if (cur->drainsInto == "liver_sinusoids") {
      // The portal tree ends in the sinusoids; the hepatic veins leave the liver for the IVC.
      EXPECT_EQ(vessel("hepatic_vein_right").drainsInto, "inferior_vena_cava") << v.id;
      EXPECT_EQ(cur->region, Region::Liver) << v.id;
    } else {
      EXPECT_EQ(cur->drainsInto, "right_atrium") << v.id;
    }
  }
}

TEST(Atlas, TributariesMeetTheirParent) {
  const Anatomy& a = atlas().anatomy;
  for (const Vessel& v : a.vessels) {
    if (v.isArtery() || v.drainsInto == "right_atrium" || v.drainsInto == "liver_sinusoids") continue;
    const Vessel& parent = vessel(v.drainsInto);
    float d = 0.0f;
    closestFraction(parent.points, v.points.back(), &d);
    EXPECT_LT(d, *std::max_element(parent.radii.begin(), parent.radii.end()) + 1.0f) << v.id << " -> " << parent.id;
  }
}

TEST(Atlas, ValveCountsFollowTheAnatomy) {
  for (const char* side : kSides) {
    const std::string s = side;
    const int gsv = valveCount("great_saphenous_vein_" + s);
    EXPECT_GE(gsv, 6) << s;
    EXPECT_LE(gsv, 10) << s;
    EXPECT_GE(valveCount("femoral_vein_" + s), 1) << s;
    EXPECT_LE(valveCount("femoral_vein_" + s), 3) << s;
    EXPECT_GE(valveCount("popliteal_vein_" + s), 1) << s;
    EXPECT_LE(valveCount("popliteal_vein_" + s), 2) << s;
    EXPECT_GE(valveCount("small_saphenous_vein_" + s), 1) << s;
    EXPECT_GE(valveCount("posterior_tibial_vein_1_" + s), 2) << s;
    EXPECT_GE(valveCount("internal_jugular_vein_" + s), 1) << s << ": the jugular valve";
    EXPECT_EQ(valveCount("common_iliac_vein_" + s), 0) << s;
  }
  for (const char* id : {"inferior_vena_cava", "hepatic_vein_right", "hepatic_vein_middle", "hepatic_vein_left"})
    EXPECT_EQ(valveCount(id), 0) << id;
}

TEST(Atlas, TerminalValveSitsAtTheSaphenofemoralJunction) {
  const Valve* v = atlas().anatomy.findValve("great_saphenous_vein_left.v1");
  ASSERT_NE(v, nullptr);
  const Vessel& gsv = vessel("great_saphenous_vein_left");
  EXPECT_LT((1.0f - v->at) * polylineLength(gsv.points), 1.5f) << "within about a centimetre of the junction";
}

TEST(Atlas, EveryPerforatorJoinsSuperficialToDeep) {
  int count = 0;
  for (const Vessel& v : atlas().anatomy.vessels) {
    if (v.system != VesselSystem::Perforator) continue;
    ++count;
    const Vessel& deep = vessel(v.drainsInto);
    EXPECT_TRUE(deep.system == VesselSystem::Deep) << v.id << " drains into " << deep.id;
    // Its start lies on a superficial vein.
    float best = 1e9f;
    for (const Vessel& s : atlas().anatomy.vessels) {
      if (s.system != VesselSystem::Superficial) continue;
      float d = 0.0f;
      closestFraction(s.points, v.points.front(), &d);
      best = std::min(best, d);
    }
    EXPECT_LT(best, 1.0f) << v.id;
    EXPECT_EQ(valveCount(v.id), 1) << v.id;
  }
  EXPECT_GE(count, 8) << "paratibial, posterior tibial, knee and thigh perforators on both legs";
}

TEST(Atlas, DiametersWithinReferenceRanges) {
  // physiology.md §1a: IVC about 18-21 mm (normal < 21-25), CFV about 10.5 mm, GSV at the SFJ
  // 7.5 +- 1.8 mm, popliteal 6.4-6.8 (up to ~10 near the SPJ), CIV 13-16 mm, EIV 12.8-13.5 mm.
  auto within = [](const std::string& id, float lo, float hi) {
    const float d = maxDiameterMm(vessel(id));
    EXPECT_GE(d, lo) << id;
    EXPECT_LE(d, hi) << id;
  };
  within("inferior_vena_cava", 16.0f, 25.0f);
  within("common_femoral_vein_left", 9.0f, 13.0f);
  within("great_saphenous_vein_left", 5.0f, 9.5f);
  within("popliteal_vein_left", 5.5f, 10.5f);
  within("common_iliac_vein_left", 11.0f, 17.0f);
  within("external_iliac_vein_left", 10.0f, 14.5f);
  for (const Vessel& v : atlas().anatomy.vessels) {
    EXPECT_GT(maxDiameterMm(v), 0.8f) << v.id;
    EXPECT_LT(maxDiameterMm(v), 32.0f) << v.id;
  }
}

TEST(Atlas, EveryVesselHasStudentAndPatientText) {
  for (const Vessel& v : atlas().anatomy.vessels) {
    EXPECT_GE(v.descriptionStudent.size(), 80u) << v.id;
    EXPECT_GE(v.descriptionPatient.size(), 20u) << v.id;
    EXPECT_FALSE(v.name.empty()) << v.id;
  }
}

TEST(Atlas, BothSidesAreMirrorImagesInTheLegs) {
  for (const std::string stem : {"great_saphenous_vein", "femoral_vein", "popliteal_vein", "small_saphenous_vein"}) {
    const Vessel& l = vessel(stem + "_left");
    const Vessel& r = vessel(stem + "_right");
    ASSERT_EQ(l.points.size(), r.points.size()) << stem;
    for (std::size_t i = 0; i < l.points.size(); ++i) EXPECT_NEAR(l.points[i].x, -r.points[i].x, 1e-3f) << stem;
  }
}

TEST(Atlas, NeckVeinsDrainTheRightWay) {
  for (const char* side : kSides) {
    const std::string s = side;
    const Vessel& ijv = vessel("internal_jugular_vein_" + s);
    EXPECT_EQ(ijv.region, Region::Neck);
    EXPECT_TRUE(ijv.drainsInto == "brachiocephalic_vein_" + s || ijv.drainsInto == "subclavian_vein_" + s)
        << ijv.drainsInto;
    EXPECT_EQ(vessel("brachiocephalic_vein_" + s).drainsInto, "superior_vena_cava");
  }
  EXPECT_EQ(vessel("superior_vena_cava").drainsInto, "right_atrium");
}
