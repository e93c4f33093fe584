// Calm vertical gradient with a soft vignette: dark enough for bright vessels on a projector.
// Mixed in display (sRGB) space from colours converted once per vertex: no per-pixel pow(),
// which matters for software renderers (this pass covers every pixel).
in vec2 vUv;
flat in vec3 vTop;     // sRGB
flat in vec3 vBottom;  // sRGB
layout(location = 0) out vec4 fragColor;

void main() {
  vec3 c = mix(vBottom, vTop, smoothstep(0.0, 1.0, vUv.y));
  vec2 d = vUv - 0.5;
  fragColor = vec4(c * (1.0 - 0.2 * dot(d, d)), 1.0);
}
