# The browser build (emscripten, WebGL 2): the same modules, with Debian's headers staged into
# the build folder (emscripten's sysroot must not see the rest of /usr/include), GLFW and
# OpenGL ES 3 from emscripten's ports, Dear ImGui 1.86 compiled from Debian's source package
# (fetched by tools/web.sh into VENAVIZ_IMGUI_SOURCE; third_party/README.md), no Assimp (the
# context models are read in their baked form, docs/web.md).
set(VENAVIZ_IMGUI_SOURCE "" CACHE PATH "Dear ImGui 1.86 sources (Debian's imgui source package, unpacked)")
if(NOT EXISTS "${VENAVIZ_IMGUI_SOURCE}/imgui.cpp")
  message(FATAL_ERROR "VENAVIZ_IMGUI_SOURCE=${VENAVIZ_IMGUI_SOURCE}: no imgui.cpp there; run ./tools/web.sh")
endif()

set(WEB_INCLUDE ${CMAKE_BINARY_DIR}/debian_include)
file(MAKE_DIRECTORY ${WEB_INCLUDE})
foreach(dir glm nlohmann stb)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: install the Debian -dev package (./tools/web.sh)")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${WEB_INCLUDE}/${dir} SYMBOLIC)
endforeach()
file(CREATE_LINK /usr/include/eigen3/Eigen ${WEB_INCLUDE}/Eigen SYMBOLIC)

function(web_headers name)
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  target_include_directories(${name} SYSTEM INTERFACE ${WEB_INCLUDE} ${ARGN})
endfunction()
web_headers(glm::glm)
web_headers(nlohmann_json::nlohmann_json)
web_headers(PkgConfig::STB ${WEB_INCLUDE}/stb)
web_headers(Eigen3::Eigen)
set(Eigen3_FOUND TRUE)

add_library(glfw INTERFACE IMPORTED GLOBAL)
target_link_options(glfw INTERFACE -sUSE_GLFW=3)
add_library(OpenGL::GL INTERFACE IMPORTED GLOBAL)
target_link_options(OpenGL::GL INTERFACE -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFULL_ES3=1)
add_library(glad::glad INTERFACE IMPORTED GLOBAL)  # no loader: WebGL's functions are linked in
target_compile_definitions(glad::glad INTERFACE VENAVIZ_GLES=1)

set(IMGUI ${VENAVIZ_IMGUI_SOURCE})
add_library(venaviz_imgui STATIC ${IMGUI}/imgui.cpp ${IMGUI}/imgui_draw.cpp ${IMGUI}/imgui_tables.cpp
                                 ${IMGUI}/imgui_widgets.cpp ${IMGUI}/backends/imgui_impl_glfw.cpp
                                 ${IMGUI}/backends/imgui_impl_opengl3.cpp)
target_include_directories(venaviz_imgui SYSTEM PUBLIC ${IMGUI} ${WEB_INCLUDE})
target_compile_definitions(venaviz_imgui PUBLIC GLFW_INCLUDE_NONE IMGUI_IMPL_OPENGL_ES3)
target_compile_options(venaviz_imgui PRIVATE -w)
target_link_libraries(venaviz_imgui PUBLIC glfw OpenGL::GL)
add_library(imgui::imgui ALIAS venaviz_imgui)

# venaviz reports bad input with exceptions: keep them catchable in wasm.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

# stb's implementations (native builds link Debian's libstb): one translation unit of its own.
set(STB_IMPL ${CMAKE_BINARY_DIR}/stb_impl.c)
file(WRITE ${STB_IMPL} "#define STB_IMAGE_IMPLEMENTATION\n#define STB_IMAGE_WRITE_IMPLEMENTATION\n#include <stb_image.h>\n#include <stb_image_write.h>\n")
add_library(venaviz_stb STATIC ${STB_IMPL})
target_include_directories(venaviz_stb SYSTEM PRIVATE ${WEB_INCLUDE}/stb)
target_compile_options(venaviz_stb PRIVATE -w)
target_link_libraries(PkgConfig::STB INTERFACE venaviz_stb)
