#pragma once
// The one place that includes the GL loader. Only the render module includes this file.
#if VENAVIZ_GLES
// The browser build: WebGL 2 is OpenGL ES 3.0, its functions linked in (no loader).
#include <GLES3/gl3.h>
#else
#include <glad/gl.h>
#endif
