// Lighting of the context models (needs common.glsl), shared by the per-pixel path
// (context.frag, close views) and the per-vertex path (context.vert + context_far.frag,
// distant views). Opaque structures (bones) get soft matte lighting. Translucent ones use an
// x-ray look: nearly clear where the surface faces the viewer, denser at the silhouette, so
// the vessels inside stay visible while the outline of the body part still reads.
uniform vec3 uKeyDir;
uniform vec3 uFillDir;
uniform vec3 uUp;
uniform vec3 uColor;     // linear RGB
uniform float uOpacity;  // 0..1
uniform int uXray;       // 1: silhouette-weighted opacity

// Premultiplied display colour and alpha (blend: ONE, ONE_MINUS_SRC_ALPHA) of a surface with
// unit normal n seen from the unit direction v (surface to eye). Either side may face the eye.
vec4 contextShade(vec3 n, vec3 v) {
  float facing = dot(n, v);
  if (facing < 0.0) n = -n;
  float key = max(dot(n, uKeyDir), 0.0);
  float fill = max(dot(n, uFillDir), 0.0);
  float sky = 0.5 + 0.5 * dot(n, uUp);
  vec3 ambient = mix(vec3(0.12, 0.11, 0.11), vec3(0.30, 0.30, 0.32), sky);
  vec3 color = uColor * (ambient + 0.85 * key + 0.25 * fill);
  float alpha = uOpacity;
  if (uXray == 1) {
    float rim = 1.0 - abs(facing);
    alpha = uOpacity * (0.12 + 0.88 * rim * rim);
  }
  return vec4(linearToSrgb(toneMap(color)) * alpha, alpha);
}
