// Context shading per pixel (close views): see context_light.glsl.
#include "common.glsl"
#include "context_light.glsl"

in vec3 vWorldPos;
in vec3 vNormal;
in float vClip;

uniform vec3 uEye;

layout(location = 0) out vec4 fragColor;

void main() {
  if (vClip < 0.0) discard;  // the clipping plane
  fragColor = contextShade(normalize(vNormal), normalize(uEye - vWorldPos), vWorldPos);
}
