#pragma once
// Colours that carry meaning in patient mode, from the Okabe-Ito palette (Okabe & Ito 2008,
// "Color Universal Design"), chosen to stay apart for protan, deutan and tritan eyes (a unit test
// checks them under the Machado 2009 simulation). None is red: nothing should look alarming.
#include <cstdint>

namespace venaviz::ui::palette {

struct Rgb {
  std::uint8_t r, g, b;
};

/// The ankle gauge's bands: low (pale blue), normal (bluish green), high (orange). Okabe-Ito's
/// sky blue came within 16 delta E of the green for tritan eyes (the test found it): a paler blue
/// keeps every pair at least 26 apart.
inline constexpr Rgb kGauge[3] = {{160, 200, 240}, {0, 158, 115}, {230, 159, 0}};
/// A chosen button (blue, white text and a white outline: the outline tells it apart without colour).
inline constexpr Rgb kSelected = {0, 114, 178};
/// The particles: towards the heart (pale blue) and reflux (orange), as particle.vert draws them.
inline constexpr Rgb kForward = {189, 230, 255};
inline constexpr Rgb kReflux = {255, 128, 26};

}  // namespace venaviz::ui::palette
