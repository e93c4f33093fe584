#pragma once
// The one place that includes the GL loader. Only the render module includes this file.
#include <glad/gl.h>
