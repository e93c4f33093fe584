// Blood tracer particles: one draw of camera-facing quads, four vertices per particle carrying
// the same record (position + signed velocity, direction + saturation); gl_VertexID & 3 is the
// corner. Each quad is a short streak behind a head, fitted tightly around it (software
// renderers pay per covered pixel): the streak's length shows speed, its orientation the
// direction of motion.
#include "bindings.glsl"
#include "common.glsl"

layout(location = VZ_ATTR_PARTICLE_A) in vec4 aPosVel;  // cm; cm/s (> 0 towards the heart)
layout(location = VZ_ATTR_PARTICLE_B) in vec4 aDirSat;  // unit direction; saturation 0..1

uniform mat4 uView;
uniform vec4 uClip;  // keep where dot(uClip.xyz, p) >= uClip.w (off: 0,0,0,-1)
uniform mat4 uProj;
uniform float uPixelWorld;  // world size of one pixel at unit view depth
uniform float uSize;        // head diameter, cm
uniform float uStreak;      // seconds of motion one streak shows
uniform float uMinPixels;   // smallest head on screen, pixels
uniform float uRefluxMin;   // cm/s backwards shown as reflux
uniform int uColorMode;     // 0 direction, 1 speed, 2 oxygen saturation
uniform float uSpeedMax;    // cm/s at the top of the speed ramp
uniform vec2 uDepthCue;     // eye distances (cm) where the depth cue starts and is full

out vec2 vUv;  // x: along the streak in head diameters (head centre 0, tail < 0); y: across, -0.5..0.5
flat out float vTail;       // tail length in head diameters
flat out float vReflux;     // 1: moving away from the heart faster than uRefluxMin
flat out vec3 vColor;       // display (sRGB) colour of the head; computed once per particle

void main() {
  // Corner of the strip: (0,0) (1,0) (0,1) (1,1): x = tail/head end, y = side.
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  vec4 viewPos = uView * vec4(aPosVel.xyz, 1.0);
  float pixel = uPixelWorld * max(-viewPos.z, 1.0);  // cm per pixel at this depth
  vReflux = aPosVel.w < -uRefluxMin ? 1.0 : 0.0;
  float head = max(uSize, uMinPixels * pixel) * (1.0 + 0.4 * vReflux);  // reflux: larger arrowheads
  vec3 dirView = mat3(uView) * aDirSat.xyz;
  float onScreen = length(dirView.xy);
  vec2 along = onScreen > 1e-3 ? dirView.xy / onScreen : vec2(0.0, 1.0);
  vec2 side = vec2(-along.y, along.x);
  float trail = min(abs(aPosVel.w) * uStreak * onScreen, 6.0 * head);
  vTail = trail / head;
  float a = mix(-vTail - 0.5, 0.5, corner.x);  // along, in head diameters
  float s = corner.y - 0.5;
  vUv = vec2(a, s);
  // Colour per particle here, not per pixel (software renderers pay for every pow()).
  vec3 c;
  if (uColorMode == 1) {
    c = colorRamp(abs(aPosVel.w) / max(uSpeedMax, 1e-3));
  } else if (uColorMode == 2) {
    // 55% (dark violet) .. 85% (bright red-orange): deoxygenated to well saturated.
    float x = clamp((aDirSat.w - 0.55) / 0.30, 0.0, 1.0);
    c = srgbToLinear(mix(vec3(0.35, 0.15, 0.45), vec3(1.0, 0.45, 0.35), x));
  } else {
    c = vReflux > 0.5 ? srgbToLinear(vec3(1.0, 0.50, 0.10)) : srgbToLinear(vec3(0.74, 0.90, 1.0));
  }
  float far = smoothstep(uDepthCue.x, uDepthCue.y, length(viewPos.xyz));
  vColor = linearToSrgb(toneMap(c * 1.15 * (1.0 - 0.45 * far)));
  viewPos.xy += along * (a * head) + side * (s * head);
  gl_Position = uProj * viewPos;
  if (dot(uClip.xyz, aPosVel.xyz) < uClip.w) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // clipped away
}
