// Patient mode's rules without a body: the choices, the caption rules over facts, the gauge's
// bands, and a plain name (a string English has) for every vein of the default scene.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "app/patient.h"
#include "io/scene.h"
#include "io/strings.h"

namespace fs = std::filesystem;
using namespace venaviz;
using patient::Choice;
using patient::Facts;
using patient::Problem;
using patient::Situation;

namespace {

const fs::path kSource(VENAVIZ_SOURCE_DIR);

bool has(const std::vector<std::string>& k, const std::string& key) {
  return std::find(k.begin(), k.end(), key) != k.end();
}

TEST(PatientRules, ChoicesKeepWhatThePersonDoes) {
  Choice c;
  c = patient::choose(c, "walking");
  EXPECT_EQ(c.situation, Situation::Walking);
  c = patient::choose(c, "leaky");
  EXPECT_EQ(c, (Choice{Problem::Leaky, Situation::Walking})) << "a problem keeps the activity";
  c = patient::choose(c, "treated");
  EXPECT_EQ(c.situation, Situation::Treated);
  c = patient::choose(c, "clot");
  EXPECT_EQ(c.situation, Situation::Standing) << "the old problem's treatment does not carry over";
  EXPECT_EQ(patient::choose({}, "treated").situation, Situation::Standing) << "a healthy leg has no treatment";
  for (Problem p : patient::kProblems) EXPECT_EQ(patient::parseProblem(patient::toString(p)), p);
  for (Situation s : patient::kSituations) EXPECT_EQ(patient::parseSituation(patient::toString(s)), s);
  EXPECT_FALSE(patient::parseProblem("walking"));
  // Every choice starts from the scene's body, then sets the posture.
  for (Problem p : patient::kProblems)
    for (Situation s : patient::kSituations) {
      const auto a = patient::choiceActions({p, s});
      ASSERT_FALSE(a.empty());
      EXPECT_EQ(a.front(), "reset_body");
      EXPECT_TRUE(std::any_of(a.begin(), a.end(), [](const std::string& x) { return x.rfind("posture ", 0) == 0; }));
    }
}

TEST(PatientRules, TheGaugeHasThreeBandsAndANeedleThatMovesWithThePressure) {
  Facts f;
  auto at = [&](double mmHg) {
    f.ankle[0] = f.ankle[1] = mmHg;
    return patient::gaugeLevel(f);
  };
  EXPECT_EQ(at(5.0), 0);
  EXPECT_EQ(at(14.9), 0);
  EXPECT_EQ(at(15.0), 1);
  EXPECT_EQ(at(34.9), 1);
  EXPECT_EQ(at(35.0), 2);
  EXPECT_EQ(at(90.0), 2);
  f.ankle[1] = 10.0;
  EXPECT_EQ(patient::gaugeLevel(f), 2) << "the higher ankle counts";
  float last = -1.0f;
  for (double p = -5.0; p <= 120.0; p += 1.0) {
    f.ankle[0] = f.ankle[1] = p;
    const float x = patient::gaugePosition(f);
    EXPECT_GE(x, last);
    EXPECT_EQ(static_cast<int>(x * 3.0f), patient::gaugeLevel(f)) << p << " mmHg: the needle in its word's third";
    last = x;
  }
}

TEST(PatientRules, CaptionsFollowTheFacts) {
  Facts f;
  f.posture = hemo::Posture::Standing;
  f.ankle[0] = f.ankle[1] = 90.0;
  auto k = patient::captionKeys(f, {});
  EXPECT_EQ(k, (std::vector<std::string>{"caption.standing", "caption.valves_work", "caption.standing_hours"}));
  // Leaking left valves while walking, the pressure still high after the first strides.
  f.activity = hemo::Activity::Walking;
  f.sinceChange = 20.0;
  f.leaky[0] = f.refluxSeen[0] = true;
  f.ankle[0] = 55.0;
  k = patient::captionKeys(f, {Problem::Leaky, Situation::Walking});
  EXPECT_EQ(k.front(), "caption.leaky_left");
  EXPECT_TRUE(has(k, "caption.walking_weak") && has(k, "caption.reflux_seen"));
  f.sinceChange = 2.0;  // too early to judge walking
  EXPECT_TRUE(has(patient::captionKeys(f, {Problem::Leaky, Situation::Walking}), "caption.walking_pump"));
  // A clot that was there and is gone is "removed", not "healthy".
  Facts g;
  g.posture = hemo::Posture::Standing;
  g.activity = hemo::Activity::Walking;
  k = patient::captionKeys(g, {Problem::Clot, Situation::Treated});
  EXPECT_TRUE(has(k, "caption.clot_gone") && !has(k, "caption.valves_work"));
  // Side veins only around a blockage and only when they carry a share of the blood.
  g.clot[1] = true;
  g.collateralShare = 0.05;
  EXPECT_FALSE(has(patient::captionKeys(g, {Problem::Clot, Situation::Walking}), "caption.side_veins"));
  g.collateralShare = 0.5;
  k = patient::captionKeys(g, {Problem::Clot, Situation::Walking});
  EXPECT_TRUE(has(k, "caption.clot_right") && has(k, "caption.side_veins"));
  g.ankle[1] = 60.0;
  g.sinceChange = 20.0;
  EXPECT_TRUE(has(patient::captionKeys(g, {Problem::Clot, Situation::Walking}), "caption.walking_blocked"));
  // A high walking pressure with no leak, clot or squeeze found: say what the gauge shows, not a cause.
  Facts h;
  h.posture = hemo::Posture::Standing;
  h.activity = hemo::Activity::Walking;
  h.sinceChange = 7.0;  // after a choice's run-in
  h.ankle[0] = h.ankle[1] = 55.0;
  k = patient::captionKeys(h, {Problem::Healthy, Situation::Walking});
  EXPECT_TRUE(has(k, "caption.walking_high") && !has(k, "caption.walking_weak")) << k.front();
  h.squeezed = 0.7f;
  EXPECT_TRUE(has(patient::captionKeys(h, {Problem::Squeezed, Situation::Walking}), "caption.walking_blocked"));
}

TEST(PatientRules, EveryCaptionKeyExistsAndNoneIsLongerThanFourSentences) {
  const io::Language en = io::loadLanguage(kSource / "assets" / "i18n" / "en.json");
  std::set<std::string> seen;
  // Every combination of the boolean facts, in every posture and activity.
  for (int bits = 0; bits < (1 << 10); ++bits)
    for (hemo::Posture p : {hemo::Posture::Supine, hemo::Posture::Standing, hemo::Posture::Sitting,
                            hemo::Posture::LegsElevated})
      for (hemo::Activity a : {hemo::Activity::Still, hemo::Activity::Walking}) {
        Facts f;
        f.posture = p;
        f.activity = a;
        f.sinceChange = 20.0;
        f.leaky[0] = bits & 1;
        f.leaky[1] = bits & 2;
        f.refluxSeen[0] = bits & 4;
        f.clot[0] = bits & 8;
        f.closed[0] = bits & 16;
        f.squeezed = bits & 32 ? 0.7f : 0.0f;
        f.squeezeGradient = bits & 64 ? 2.0 : 0.0;
        f.collateralShare = bits & 128 ? 0.5 : 0.0;
        f.stockings = bits & 256;
        f.ankle[0] = bits & 512 ? 60.0 : 25.0;
        for (Problem pr : patient::kProblems) {
          const auto k = patient::captionKeys(f, {pr, Situation::Standing});
          EXPECT_GE(k.size(), 1u);
          EXPECT_LE(k.size(), patient::kMaxSentences);
          for (const auto& key : k) seen.insert(key);
        }
      }
  for (const auto& key : seen) EXPECT_TRUE(en.strings.count(key)) << key << " is not in en.json";
  EXPECT_GE(seen.size(), 25u) << "the rules reach (nearly) every caption";
}

TEST(PatientRules, EveryVeinOfTheDefaultSceneHasAPlainName) {
  const io::Language en = io::loadLanguage(kSource / "assets" / "i18n" / "en.json");
  const Scene scene = io::loadScene(kSource / "scenes" / "default.json");
  for (const Vessel& v : scene.anatomy.vessels) {
    const std::string key = patient::vesselKey(v.id, v.system);
    EXPECT_TRUE(en.strings.count(key)) << v.id << ": " << key;
    EXPECT_NE(key, "vessel.vein") << v.id << " falls back to the generic name";
  }
  EXPECT_EQ(patient::vesselKey("great_saphenous_vein_left", VesselSystem::Superficial), "vessel.great_saphenous");
  EXPECT_EQ(patient::vesselKey("femoral_artery_left", VesselSystem::Artery), "vessel.artery");
  EXPECT_EQ(patient::vesselKey("perforator_boyd_left", VesselSystem::Perforator), "vessel.perforator");
  EXPECT_EQ(patient::vesselKey("common_iliac_vein_left", VesselSystem::Deep), "vessel.iliac");
}

}  // namespace
