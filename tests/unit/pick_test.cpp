#include <gtest/gtest.h>

#include "anatomy/pick.h"

using namespace venaviz;

TEST(RayCapsule, HitsTheSideTheCapAndMisses) {
  // Capsule along z from 0 to 10, radius 1; rays along +y from y = -5.
  EXPECT_NEAR(rayCapsule({0, -5, 5}, {0, 1, 0}, {0, 0, 0}, {0, 0, 10}, 1.0f), 4.0f, 1e-4f);
  EXPECT_NEAR(rayCapsule({0, 0, -5}, {0, 0, 1}, {0, 0, 0}, {0, 0, 10}, 1.0f), 4.0f, 1e-4f);  // end sphere
  EXPECT_LT(rayCapsule({3, -5, 5}, {0, 1, 0}, {0, 0, 0}, {0, 0, 10}, 1.0f), 0.0f);
  EXPECT_LT(rayCapsule({0, -5, 15}, {0, 1, 0}, {0, 0, 0}, {0, 0, 10}, 1.0f), 0.0f);
  EXPECT_LT(rayCapsule({0, 5, 5}, {0, 1, 0}, {0, 0, 0}, {0, 0, 10}, 1.0f), 0.0f);  // behind the ray
}

TEST(VesselPicker, PicksTheNearestVisibleVesselAndItsFraction) {
  Anatomy a;
  Vessel front, back;
  front.id = "front_vein";
  front.points = {{0, -3, 0}, {0, -3, 20}};
  front.radii = {0.5f, 0.5f};
  back.id = "back_vein";
  back.points = {{0, 3, 0}, {0, 3, 20}};
  back.radii = {0.5f, 0.5f};
  a.vessels = {front, back};
  VesselPicker picker(a);
  const auto hit = picker.pick({0, -50, 15}, {0, 1, 0});
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->vessel, 0);
  EXPECT_NEAR(hit->fraction, 0.75f, 0.02f);
  EXPECT_NEAR(hit->point.y, -3.5f, 1e-3f);
  // Hide the front one: the ray goes through to the back one.
  const auto behind = picker.pick({0, -50, 15}, {0, 1, 0}, {false, true});
  ASSERT_TRUE(behind.has_value());
  EXPECT_EQ(behind->vessel, 1);
  EXPECT_FALSE(picker.pick({5, -50, 15}, {0, 1, 0}).has_value());
}
