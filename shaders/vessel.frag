// Vessel wall shading: soft key + fill light, a sky/ground ambient, a wet specular
// highlight and a rim that keeps each tube's outline readable from the back of a lecture hall.
#include "common.glsl"

in vec3 vWorldPos;
in vec3 vNormal;
in vec4 vStyle;
in float vFraction;

uniform vec3 uEye;
uniform vec3 uKeyDir;   // unit, towards the key light
uniform vec3 uFillDir;  // unit, towards the fill light
uniform vec3 uUp;       // unit, screen up (for the ambient gradient)

layout(location = 0) out vec4 fragColor;

void main() {
  vec3 n = normalize(vNormal);
  vec3 v = normalize(uEye - vWorldPos);
  if (dot(n, v) < 0.0) n = -n;  // inside of a cut tube: light it like the outside
  vec3 albedo = vStyle.rgb;

  float key = max(dot(n, uKeyDir), 0.0);
  float fill = max(dot(n, uFillDir), 0.0);
  float sky = 0.5 + 0.5 * dot(n, uUp);
  vec3 ambient = mix(vec3(0.10, 0.09, 0.10), vec3(0.26, 0.28, 0.33), sky);

  vec3 h = normalize(uKeyDir + v);
  float spec = pow(max(dot(n, h), 0.0), 48.0) * 0.45;
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);

  vec3 color = albedo * (ambient + 1.05 * key + 0.30 * fill) + vec3(spec) + rim * 0.35 * (albedo + 0.25);
  // Selection/hover highlight: a warm glow that survives colour-blind vision (lightness).
  color = mix(color, vec3(1.0, 0.85, 0.35) * (0.55 + 0.6 * key), max(vStyle.a, 0.0) * 0.55);
  fragColor = vec4(linearToSrgb(toneMap(color)), 1.0);
}
