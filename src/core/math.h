#pragma once
// Math aliases on glm. Body frame (cm): x to the patient's left, y posterior, z superior,
// origin on the floor between the heels.
#include <glm/glm.hpp>

namespace venaviz {

using Vec2 = glm::vec2;
using Vec3 = glm::vec3;
using Vec4 = glm::vec4;
using Mat3 = glm::mat3;
using Mat4 = glm::mat4;
using DVec3 = glm::dvec3;

inline constexpr float kPi = 3.14159265358979323846f;

/// Axes of the body frame.
inline constexpr Vec3 kPatientLeft{1.0f, 0.0f, 0.0f};
inline constexpr Vec3 kPosterior{0.0f, 1.0f, 0.0f};
inline constexpr Vec3 kSuperior{0.0f, 0.0f, 1.0f};

}  // namespace venaviz
