// Particle shape and colour. Direction never rests on hue alone: blood moving towards the
// heart is a light round head with a tapering tail; reflux (moving away from the heart) is a
// larger arrowhead in a saturated warm colour, so it also differs in shape and lightness.

in vec2 vUv;
flat in float vTail;
flat in float vReflux;
flat in vec3 vColor;  // sRGB

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
    shade = mix(0.9, 0.55, t);
  }
  if (coverage < 0.5) discard;
  // Tails darken towards their end (in display space: no per-pixel gamma).
  fragColor = vec4(vColor * shade, 1.0);
}
