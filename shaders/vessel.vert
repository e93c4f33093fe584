// Vessel walls: one static mesh for all vessels; per-vessel colour and highlight come from
// a small float texture (one texel per vessel) updated when they change.
#include "bindings.glsl"

layout(location = VZ_ATTR_POSITION) in vec3 aPosition;
layout(location = VZ_ATTR_NORMAL) in vec3 aNormal;
layout(location = VZ_ATTR_VESSEL) in float aVessel;
layout(location = VZ_ATTR_FRACTION) in float aFraction;

uniform mat4 uViewProj;
uniform sampler2D uStyle;  // RGBA32F: rgb = linear albedo, a = highlight [0,1], or < 0: hidden

out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vStyle;
out float vFraction;

void main() {
  int v = int(aVessel + 0.5);
  vStyle = texelFetch(uStyle, ivec2(v % VZ_STYLE_TEXTURE_WIDTH, v / VZ_STYLE_TEXTURE_WIDTH), 0);
  vWorldPos = aPosition;
  vNormal = aNormal;
  vFraction = aFraction;
  gl_Position = uViewProj * vec4(aPosition, 1.0);
  // Hidden layer: put the vertex outside the clip volume (the whole triangle is dropped).
  if (vStyle.a < 0.0) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
