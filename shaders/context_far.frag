// Context shading per vertex (distant views, where a triangle spans a few pixels): the colour
// lit in context.vert. Under a software renderer the pixels of partly covered blocks cost as
// much as covered ones, so small triangles make the per-pixel path the most expensive part of
// the frame (measured with venaviz bench, docs/performance.md).
in vec4 vShade;  // premultiplied sRGB colour and alpha
in float vClip;

layout(location = 0) out vec4 fragColor;

void main() {
  if (vClip < 0.0) discard;  // the clipping plane
  fragColor = vShade;
}
