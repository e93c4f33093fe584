// Context structures (skin, bones, muscles, organs): plain lit meshes in the body frame.
#include "bindings.glsl"

layout(location = VZ_ATTR_POSITION) in vec3 aPosition;
layout(location = VZ_ATTR_NORMAL) in vec3 aNormal;

uniform mat4 uViewProj;

out vec3 vWorldPos;
out vec3 vNormal;

void main() {
  vWorldPos = aPosition;
  vNormal = aNormal;
  gl_Position = uViewProj * vec4(aPosition, 1.0);
}
