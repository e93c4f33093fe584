#include "platform/storage.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace venaviz::platform {

#ifdef __EMSCRIPTEN__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdollar-in-identifier-extension"
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
bool restoreStoredFile(const std::filesystem::path& path, const std::string& key) {
  return EM_ASM_INT(
             {
               try {
                 const text = localStorage.getItem(UTF8ToString($2));
                 if (text === null) return 0;
                 FS.mkdirTree(UTF8ToString($1));
                 FS.writeFile(UTF8ToString($0), text);
                 return 1;
               } catch (e) {
                 console.log('venaviz: warning: could not read ' + UTF8ToString($2) + ' from the browser storage: ' + e);
                 return 0;
               }
             },
             path.string().c_str(), path.parent_path().string().c_str(), key.c_str()) != 0;
}

void storeFile(const std::filesystem::path& path, const std::string& key) {
  EM_ASM(
      {
        try {
          localStorage.setItem(UTF8ToString($1), FS.readFile(UTF8ToString($0), {encoding : 'utf8'}));
        } catch (e) {
          console.log('venaviz: warning: could not keep ' + UTF8ToString($0) + ' in the browser storage: ' + e);
        }
      },
      path.string().c_str(), key.c_str());
}
#pragma clang diagnostic pop
#else
bool restoreStoredFile(const std::filesystem::path&, const std::string&) {
  return false;
}
void storeFile(const std::filesystem::path&, const std::string&) {}
#endif

}  // namespace venaviz::platform
