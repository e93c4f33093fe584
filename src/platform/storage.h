#pragma once
// Keeps a user file between visits in the browser build: the page's files live in memory and
// vanish with it, so a file the app saves is also copied into the page's localStorage under a
// key, and copied back before the app starts. Natively both calls do nothing (the file is on
// disk already).
#include <filesystem>
#include <string>

namespace venaviz::platform {

/// Browser: writes the text stored under `key` (if any) to `path`, creating its folder.
/// Returns whether a stored copy was found. Natively: false.
bool restoreStoredFile(const std::filesystem::path& path, const std::string& key);
/// Browser: stores the text of `path` under `key` (a full or blocked storage is logged, never
/// thrown). Natively: nothing.
void storeFile(const std::filesystem::path& path, const std::string& key);

}  // namespace venaviz::platform
