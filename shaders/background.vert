// Full-screen triangle without vertex buffers; the gradient's end colours are encoded to sRGB
// here, once per vertex.
#include "common.glsl"

uniform vec3 uTop;     // linear RGB
uniform vec3 uBottom;  // linear RGB
out vec2 vUv;
flat out vec3 vTop;
flat out vec3 vBottom;

void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  vUv = p;
  vTop = linearToSrgb(uTop);
  vBottom = linearToSrgb(uBottom);
  gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
