// Calm vertical gradient with a soft vignette: dark enough for bright vessels on a projector.
#include "common.glsl"

in vec2 vUv;
uniform vec3 uTop;     // linear RGB
uniform vec3 uBottom;  // linear RGB
layout(location = 0) out vec4 fragColor;

void main() {
  vec3 c = mix(uBottom, uTop, smoothstep(0.0, 1.0, vUv.y));
  vec2 d = vUv - 0.5;
  c *= 1.0 - 0.35 * dot(d, d);
  fragColor = vec4(linearToSrgb(c), 1.0);
}
