// Particle shape and colour. Direction never rests on hue alone: blood moving towards the
// heart is a light round head with a tapering tail; reflux (moving away from the heart) is a
// larger arrowhead in a saturated warm colour, so it also differs in shape and lightness.
#include "common.glsl"

in vec2 vUv;
flat in float vTail;
flat in float vVelocity;
flat in float vReflux;
flat in float vSaturation;

uniform int uColorMode;    // 0 direction, 1 speed, 2 oxygen saturation
uniform float uSpeedMax;   // cm/s at the top of the speed ramp

layout(location = 0) out vec4 fragColor;

void main() {
  float a = vUv.x, s = abs(vUv.y);
  bool reflux = vReflux > 0.5;
  float coverage, shade = 1.0;
  if (a > -0.5) {
    // Head: a disc, or a forward-pointing triangle for reflux.
    coverage = reflux ? step(s, 0.55 * (0.5 - a)) : step(a * a + s * s, 0.25);
  } else {
    // Tail: narrows and darkens towards its end.
    float t = clamp((-a - 0.5) / max(vTail, 1e-3), 0.0, 1.0);
    coverage = step(s, 0.22 * (1.0 - t) + 0.03);
    shade = mix(0.8, 0.3, t);
  }
  if (coverage < 0.5) discard;
  vec3 c;
  if (uColorMode == 1) {
    c = colorRamp(abs(vVelocity) / max(uSpeedMax, 1e-3));
  } else if (uColorMode == 2) {
    // 55% (dark violet) .. 85% (bright red-orange): deoxygenated to well saturated.
    float x = clamp((vSaturation - 0.55) / 0.30, 0.0, 1.0);
    c = srgbToLinear(mix(vec3(0.35, 0.15, 0.45), vec3(1.0, 0.45, 0.35), x));
  } else {
    c = reflux ? srgbToLinear(vec3(1.0, 0.50, 0.10)) : srgbToLinear(vec3(0.74, 0.90, 1.0));
  }
  c *= shade;
  fragColor = vec4(linearToSrgb(toneMap(c * 1.15)), 1.0);
}
