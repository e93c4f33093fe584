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
// Skin changes of the gaiter area (the skin only; hemo/skin.h): x left, y right leg's CEAP level
// (0 C0, 1 C2, 2 C3, 3 C4a pigmentation, 4 C4b lipodermatosclerosis, 5 C6 ulcer); z 1 while
// drawing the skin. The medial malleoli (cm) place them.
uniform vec4 uSkin;
uniform vec3 uMalleolusL;
uniform vec3 uMalleolusR;

// The skin's colour at p (cm) and how much of it must show through the x-ray look (0..1).
vec3 skinAlbedo(vec3 p, out float show) {
  show = 0.0;
  if (uSkin.z < 0.5) return uColor;
  bool left = p.x > 0.0;
  float level = left ? uSkin.x : uSkin.y;
  if (level < 2.5) return uColor;
  vec3 m = left ? uMalleolusL : uMalleolusR;
  // The gaiter area: from the malleolus to about 18 cm above it, densest on the inner side.
  float h = p.z - m.z;
  float band = smoothstep(-3.0, 1.0, h) * (1.0 - smoothstep(12.0, 20.0, h));
  float inner = 1.0 - smoothstep(3.0, 9.0, length(p.xy - m.xy));
  float amount = band * mix(0.45, 1.0, inner);
  // Haemosiderin: brown (C4a); harder, darker skin (C4b).
  vec3 brown = level < 3.5 ? vec3(0.16, 0.07, 0.025) : vec3(0.09, 0.035, 0.012);
  vec3 c = mix(uColor, brown, amount * (level < 3.5 ? 0.75 : 0.9));
  show = amount * (level < 3.5 ? 0.85 : 0.95);
  if (level > 4.5) {
    // An ulcer just above the medial malleolus: a red wound bed with a yellow rim.
    float d = length(p - (m + vec3(0.0, 0.0, 4.0)));
    float wound = 1.0 - smoothstep(1.8, 2.4, d);
    float rim = wound * smoothstep(1.0, 1.8, d);
    c = mix(c, mix(vec3(0.55, 0.06, 0.05), vec3(0.75, 0.62, 0.25), rim), wound);
    show = max(show, wound);
  }
  return c;
}

// Premultiplied display colour and alpha (blend: ONE, ONE_MINUS_SRC_ALPHA) of a surface at p
// (cm) with unit normal n seen from the unit direction v (surface to eye). Either side may face
// the eye.
vec4 contextShade(vec3 n, vec3 v, vec3 p) {
  float show = 0.0;
  vec3 albedo = skinAlbedo(p, show);
  float facing = dot(n, v);
  if (facing < 0.0) n = -n;
  float key = max(dot(n, uKeyDir), 0.0);
  float fill = max(dot(n, uFillDir), 0.0);
  float sky = 0.5 + 0.5 * dot(n, uUp);
  vec3 ambient = mix(vec3(0.12, 0.11, 0.11), vec3(0.30, 0.30, 0.32), sky);
  vec3 color = albedo * (ambient + 0.85 * key + 0.25 * fill);
  float alpha = uOpacity;
  if (uXray == 1) {
    float rim = 1.0 - abs(facing);
    alpha = uOpacity * (0.12 + 0.88 * rim * rim);
  }
  alpha = max(alpha, show);  // skin changes show through the x-ray look
  return vec4(linearToSrgb(toneMap(color)) * alpha, alpha);
}
