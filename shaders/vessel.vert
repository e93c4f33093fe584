// Vessel walls and valves: one static mesh for all. Per-vessel colour and highlight come from
// a small float texture (one texel per vessel, updated when they change); the live state of
// the blood (lumen radius, colour-map value, clot, valve opening) from a second float texture
// updated every frame: VZ_STATE_SAMPLES samples along each vessel (one row per vessel), then
// two texels per valve.
#include "bindings.glsl"

layout(location = VZ_ATTR_POSITION) in vec3 aPosition;
layout(location = VZ_ATTR_NORMAL) in vec3 aNormal;
layout(location = VZ_ATTR_VESSEL) in float aVessel;
layout(location = VZ_ATTR_FRACTION) in float aFraction;
layout(location = VZ_ATTR_OFFSET) in vec3 aOffset;
layout(location = VZ_ATTR_RADIUS) in float aRadius;

uniform mat4 uViewProj;
uniform sampler2D uStyle;  // RGBA32F: rgb = linear albedo, a = highlight [0,1], or < 0: hidden
uniform sampler2D uState;  // RGBA32F: see above
uniform int uVesselCount;  // tags below are vessels, from it on valves

out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vStyle;
out vec4 vLive;  // vessels: (colour-map value, clot 0..1, live flag, 0); valves: (regurgitant, leaflet, live, 1)

void main() {
  int v = int(aVessel + 0.5);
  vStyle = texelFetch(uStyle, ivec2(v % VZ_STYLE_TEXTURE_WIDTH, v / VZ_STYLE_TEXTURE_WIDTH), 0);
  vec3 p = aPosition;
  if (v < uVesselCount) {
    // Interpolate between the two nearest samples (no float-texture filtering needed).
    float x = clamp(aFraction, 0.0, 1.0) * float(VZ_STATE_SAMPLES - 1);
    int k0 = int(floor(x));
    int k1 = min(k0 + 1, VZ_STATE_SAMPLES - 1);
    vec4 s = mix(texelFetch(uState, ivec2(k0, v), 0), texelFetch(uState, ivec2(k1, v), 0), x - float(k0));
    p += aNormal * (aRadius * (s.r - 1.0));  // the wall follows the lumen
    vLive = vec4(s.g, s.b, s.a, 0.0);
  } else {
    int i = v - uVesselCount;
    ivec2 at = ivec2((i % VZ_VALVES_PER_ROW) * 2, uVesselCount + i / VZ_VALVES_PER_ROW);
    vec4 s0 = texelFetch(uState, at, 0);                // opening, regurgitant fraction, lumen scale, live
    vec3 c = texelFetch(uState, at + ivec2(1, 0), 0).xyz;  // valve centre (cm)
    p = c + (aPosition + aOffset * s0.r - c) * s0.b;
    vLive = vec4(s0.g, aRadius < 0.0 ? 1.0 : 0.0, s0.a, 1.0);
  }
  vWorldPos = p;
  vNormal = aNormal;
  gl_Position = uViewProj * vec4(p, 1.0);
  // Hidden layer: put the vertex outside the clip volume (the whole triangle is dropped).
  if (vStyle.a < 0.0) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
