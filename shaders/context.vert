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

out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vShade;  // premultiplied sRGB colour and alpha
out float vClip;  // < 0: on the side the clipping plane cuts away

void main() {
  vWorldPos = aPosition;
  vClip = dot(uClip.xyz, aPosition) - uClip.w;
  vNormal = aNormal;
  vShade = contextShade(normalize(aNormal), normalize(uEye - aPosition));
  gl_Position = uViewProj * vec4(aPosition, 1.0);
}
