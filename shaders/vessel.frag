// Vessel wall and valve shading: soft key + fill light, a sky/ground ambient, a wet specular
// highlight and a rim that keeps each tube's outline readable from the back of a lecture hall.
// Glass mode (uGlass = 1): walls are translucent (premultiplied alpha, denser at the
// silhouette) so the particles and valves inside stay visible; a clot fills the lumen.
#include "common.glsl"

in vec3 vWorldPos;
in vec3 vNormal;
in vec4 vStyle;
in vec4 vLive;

uniform vec3 uEye;
uniform vec3 uKeyDir;   // unit, towards the key light
uniform vec3 uFillDir;  // unit, towards the fill light
uniform vec3 uUp;       // unit, screen up (for the ambient gradient)
uniform int uGlass;     // 1: translucent walls
uniform int uColorMap;  // 1: colour walls by the live value (vLive.x) over uMapRange
uniform vec2 uMapRange;
uniform vec4 uClip;  // keep where dot(uClip.xyz, p) >= uClip.w (off: 0,0,0,-1)
uniform vec2 uDepthCue;  // eye distances (cm) where the depth cue starts and is full

layout(location = 0) out vec4 fragColor;

void main() {
  if (dot(uClip.xyz, vWorldPos) < uClip.w) discard;  // the clipping plane
  bool valve = vLive.w > 0.5;
  vec3 n = valve && vLive.y > 0.5 ? cross(dFdx(vWorldPos), dFdy(vWorldPos)) : vNormal;
  n = length(n) > 1e-12 ? normalize(n) : vec3(0.0, 0.0, 1.0);
  vec3 v = normalize(uEye - vWorldPos);
  float facing = dot(n, v);
  if (facing < 0.0) n = -n;  // inside of a cut tube, back of a leaflet: light it like the front
  vec3 albedo = vStyle.rgb;
  bool live = vLive.z > 0.5;
  float clot = valve ? 0.0 : vLive.y;
  if (!valve && live && uColorMap == 1) albedo = colorRamp((vLive.x - uMapRange.x) / max(uMapRange.y - uMapRange.x, 1e-6));
  // A failed valve: leaflets tinted warm (and, from the geometry, they do not meet).
  if (valve && live) albedo = mix(albedo, vec3(0.95, 0.42, 0.10), smoothstep(0.2, 0.8, vLive.x));
  // Thrombus: a dark maroon-brown, mottled clot filling the lumen (darker and browner than
  // any artery, and textured, so it never reads as arterial blood).
  if (clot > 0.0) {
    vec3 cell = floor(vWorldPos * 2.5);
    float mottle = fract(sin(dot(cell, vec3(12.9898, 78.233, 37.719))) * 43758.5453);
    albedo = mix(albedo, vec3(0.11, 0.025, 0.035) * (0.6 + 0.8 * mottle), smoothstep(0.0, 0.3, clot));
  }

  float key = max(dot(n, uKeyDir), 0.0);
  float fill = max(dot(n, uFillDir), 0.0);
  float sky = 0.5 + 0.5 * dot(n, uUp);
  vec3 ambient = mix(vec3(0.10, 0.09, 0.10), vec3(0.26, 0.28, 0.33), sky);

  vec3 h = normalize(uKeyDir + v);
  float spec = pow(max(dot(n, h), 0.0), 48.0) * 0.45;
  float rim = pow(1.0 - abs(facing), 3.0);

  vec3 color = albedo * (ambient + 1.05 * key + 0.30 * fill) + vec3(spec) + rim * 0.35 * (albedo + 0.25);
  // Selection/hover highlight: a warm glow that survives colour-blind vision (lightness).
  color = mix(color, vec3(1.0, 0.85, 0.35) * (0.55 + 0.6 * key), max(vStyle.a, 0.0) * 0.55);
  // Depth cue: farther structures darker and a little greyer, so crossing veins read in depth.
  float far = smoothstep(uDepthCue.x, uDepthCue.y, length(uEye - vWorldPos));
  color = mix(color, vec3(dot(color, vec3(0.3, 0.5, 0.2))), 0.35 * far) * (1.0 - 0.45 * far);
  float alpha = 1.0;
  if (uGlass == 1 && !valve) {
    // Clear where the wall faces the viewer, dense at the outline; arteries (no live data)
    // and clots stay nearly solid so the compression and the thrombus read at a glance.
    float base = live ? 0.30 : 0.70;
    float edge = 1.0 - abs(facing);
    alpha = clamp(base + (1.0 - base) * edge * edge * 1.1 + spec, 0.0, 1.0);
    alpha = max(alpha, smoothstep(0.0, 0.3, clot) * 0.96);
    alpha = max(alpha, max(vStyle.a, 0.0) * 0.6);
  }
  fragColor = vec4(linearToSrgb(toneMap(color)) * alpha, alpha);
}
