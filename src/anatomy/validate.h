#pragma once
// Consistency checks on a loaded anatomy, independent of where it came from.
#include <string>
#include <vector>

#include "anatomy/anatomy.h"

namespace venaviz {

/// Problems that make an anatomy unusable, each one line naming the vessel: duplicate ids,
/// fewer than 2 points, radii count or sign, drains_into naming an unknown vessel, drains_at
/// outside [0,1], a drainage cycle, a vein whose chain never reaches the right atrium.
std::vector<std::string> validateAnatomy(const Anatomy& anatomy);

/// True for lower-case snake_case ids: [a-z][a-z0-9_]*.
bool isValidId(const std::string& id);

}  // namespace venaviz
