#pragma once
// Attribute locations and texture units shared with the shaders (one source of truth).
#include "../../shaders/bindings.glsl"
