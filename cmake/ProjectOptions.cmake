# Warning and sanitizer flags for project code only (never for third-party targets).
add_library(venaviz_options INTERFACE)
target_compile_options(venaviz_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                 -Wno-sign-conversion)
if(VENAVIZ_WERROR)
  target_compile_options(venaviz_options INTERFACE -Werror)
endif()
if(VENAVIZ_SANITIZE)
  target_compile_options(venaviz_options INTERFACE -fsanitize=address,undefined
                                                   -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(venaviz_options INTERFACE -fsanitize=address,undefined)
endif()
if(VENAVIZ_FUZZ)
  # Coverage for libFuzzer in the libraries, ASan + UBSan everywhere; the harnesses link -fsanitize=fuzzer.
  target_compile_options(venaviz_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                   -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(venaviz_options INTERFACE -fsanitize=address,undefined)
endif()

# venaviz_module(NAME SOURCES... LINKS ...): one static library per architecture module.
function(venaviz_module name)
  cmake_parse_arguments(M "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(venaviz_${name} STATIC ${M_SOURCES})
  add_library(venaviz::${name} ALIAS venaviz_${name})
  target_include_directories(venaviz_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(venaviz_${name} PUBLIC ${M_PUBLIC} PRIVATE venaviz_options ${M_PRIVATE})
endfunction()
