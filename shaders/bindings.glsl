// Binding numbers shared by C++ (src/render/bindings.h includes this file) and GLSL.
// Only #define lines here: the file must stay valid as both C++ and GLSL.
#define VZ_ATTR_POSITION 0
#define VZ_ATTR_NORMAL 1
#define VZ_ATTR_VESSEL 2
#define VZ_ATTR_FRACTION 3
#define VZ_ATTR_OFFSET 4
#define VZ_ATTR_RADIUS 5
#define VZ_ATTR_PARTICLE_A 6
#define VZ_ATTR_PARTICLE_B 7
#define VZ_TEX_VESSEL_STYLE 0
#define VZ_TEX_FLOW_STATE 1
#define VZ_STYLE_TEXTURE_WIDTH 256
#define VZ_STATE_SAMPLES 64
#define VZ_VALVES_PER_ROW 32
