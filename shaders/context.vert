// Context structures (skin, bones, muscles, organs): plain lit meshes in the body frame.
// Paired with context.frag (lit per pixel: vWorldPos, vNormal) or context_far.frag (lit per
// vertex here: vShade); the linker drops the outputs the fragment stage does not read.
#include "bindings.glsl"
#include "common.glsl"
#include "context_light.glsl"

layout(location = VZ_ATTR_POSITION) in vec3 aPosition;
layout(location = VZ_ATTR_NORMAL) in vec3 aNormal;

uniform mat4 uViewProj;
uniform vec3 uEye;
uniform vec4 uClip;  // keep where dot(uClip.xyz, p) >= uClip.w (off: 0,0,0,-1)
// Swelling of the lower legs (skin only): outward offset in cm of the patient's left (x > 0)
// and right leg, full below 20 cm above the floor, fading to nothing at the knee (z cm).
uniform vec3 uSwell;

out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vShade;  // premultiplied sRGB colour and alpha
out float vClip;  // < 0: on the side the clipping plane cuts away

void main() {
  vec3 p = aPosition;
  if (uSwell.z > 0.0) {
    float w = 1.0 - smoothstep(20.0, uSwell.z, p.z);
    p += aNormal * (w * (p.x > 0.0 ? uSwell.x : uSwell.y));
  }
  vWorldPos = p;
  vClip = dot(uClip.xyz, p) - uClip.w;
  vNormal = aNormal;
  vShade = contextShade(normalize(aNormal), normalize(uEye - p), p);
  gl_Position = uViewProj * vec4(p, 1.0);
}
