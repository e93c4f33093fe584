// Shared shading helpers. Lighting is computed in linear RGB; the output is encoded to sRGB
// explicitly (gamma-correct shading that works the same on GL 3.3 and GLES 3.0 targets).
vec3 srgbToLinear(vec3 c) { return pow(c, vec3(2.2)); }
// Encoding to display gamma (1/2.2) as 0.82 c^(1/2) + 0.18 c^(1/4): within 0.015 of pow(c, 1/2.2)
// over [0.01, 1] and far cheaper per pixel on software renderers (two square roots, no pow).
vec3 linearToSrgb(vec3 c) {
  vec3 r = sqrt(clamp(c, 0.0, 1.0));
  return 0.82 * r + 0.18 * sqrt(r);
}

// Filmic-ish soft shoulder so bright highlights do not clip harshly on a projector.
vec3 toneMap(vec3 c) { return c / (1.0 + 0.15 * c); }

// Sequential colour map for values in [0,1] (linear RGB): dark blue-violet -> teal -> green
// -> yellow. Lightness rises monotonically, so it reads in grey scale and for colour-blind
// viewers (a viridis-like ramp; our own five stops, in sRGB).
vec3 colorRamp(float x) {
  x = clamp(x, 0.0, 1.0) * 4.0;
  vec3 c0 = vec3(0.26, 0.04, 0.33), c1 = vec3(0.23, 0.32, 0.55), c2 = vec3(0.13, 0.57, 0.55),
       c3 = vec3(0.37, 0.79, 0.38), c4 = vec3(0.99, 0.91, 0.15);
  vec3 c = x < 1.0 ? mix(c0, c1, x) : x < 2.0 ? mix(c1, c2, x - 1.0) : x < 3.0 ? mix(c2, c3, x - 2.0) : mix(c3, c4, x - 3.0);
  return srgbToLinear(c);
}
