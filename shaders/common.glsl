// Shared shading helpers. Lighting is computed in linear RGB; the output is encoded to sRGB
// explicitly (gamma-correct shading that works the same on GL 3.3 and GLES 3.0 targets).
vec3 srgbToLinear(vec3 c) { return pow(c, vec3(2.2)); }
vec3 linearToSrgb(vec3 c) { return pow(clamp(c, 0.0, 1.0), vec3(1.0 / 2.2)); }

// Filmic-ish soft shoulder so bright highlights do not clip harshly on a projector.
vec3 toneMap(vec3 c) { return c / (1.0 + 0.15 * c); }
