# The command line as a user meets it: exit codes and one-line errors that name the file.
# cmake -DVENAVIZ=path -DSRC=repo -DOUT=dir -P cli_test.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(failures 0)

function(expect name expected_rc pattern)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(all "${out}${err}")
  if(NOT rc EQUAL expected_rc)
    message(SEND_ERROR "${name}: exit code ${rc}, expected ${expected_rc}\n${all}")
  elseif(NOT "${pattern}" STREQUAL "" AND NOT all MATCHES "${pattern}")
    message(SEND_ERROR "${name}: output does not match '${pattern}':\n${all}")
  else()
    message(STATUS "ok: ${name}")
  endif()
  set(last_stderr "${err}" PARENT_SCOPE)
endfunction()

function(expect_one_error_line name)
  string(REGEX REPLACE "venaviz: info:[^\n]*\n" "" rest "${last_stderr}")
  string(STRIP "${rest}" rest)
  if(rest MATCHES "\n")
    message(SEND_ERROR "${name}: error is not one line:\n${rest}")
  endif()
endfunction()

set(SCENE ${SRC}/scenes/default.json)
expect("help" 0 "usage:" ${VENAVIZ} --help)
expect("version" 0 "venaviz [0-9]+\\.[0-9]+" ${VENAVIZ} --version)
# Every subcommand answers --help with its own usage (exit 0), wherever the flag is.
foreach(cmd render info simulate day bench lesson image_diff bake_models)
  expect("${cmd} --help" 0 "usage:\n  venaviz ${cmd} " ${VENAVIZ} ${cmd} --help)
endforeach()
expect("help after other options" 0 "venaviz simulate" ${VENAVIZ} simulate --scene ${SCENE} --help)
expect("day: unknown plan" 2 "unknown plan \"marathon\"; expected one of" ${VENAVIZ} day --plan marathon)
expect_one_error_line("day: unknown plan")
expect("day: a day of swelling" 0 "swelling mL.*left leg: filtered" ${VENAVIZ} day --plan standing_hour --scene ${SCENE})
expect("render writes a PNG" 0 "wrote" ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/a.png --size 320x200 --time 0.5 --view posterior)
if(NOT EXISTS ${OUT}/a.png)
  message(SEND_ERROR "render: ${OUT}/a.png was not written")
endif()
expect("info json" 0 "\"id\": \"great_saphenous_vein_left\"" ${VENAVIZ} info --scene ${SCENE} --json)
expect("info text" 0 "vessels" ${VENAVIZ} info --scene ${SCENE})

expect("missing scene" 1 "nope\\.json: file not found" ${VENAVIZ} render --scene ${OUT}/nope.json -o ${OUT}/b.png)
expect_one_error_line("missing scene")
file(WRITE ${OUT}/bad.json "{\n  \"vessels\": [,]\n}\n")
expect("malformed scene" 1 "bad\\.json:2:[0-9]+: invalid JSON" ${VENAVIZ} info --scene ${OUT}/bad.json)
expect_one_error_line("malformed scene")
file(WRITE ${OUT}/neg.json "{\"vessels\":[{\"id\":\"a_vein\",\"system\":\"deep\",\"region\":\"leg\",\"drains_into\":\"right_atrium\",\"points\":[[0,0,0],[0,0,1]],\"radii\":[0.3,-1]}]}")
expect("negative radius" 1 "neg\\.json: vessels\\[0\\] \\(a_vein\\)\\.radii\\[1\\]: expected a positive radius" ${VENAVIZ} render --scene ${OUT}/neg.json -o ${OUT}/c.png)
if(EXISTS ${OUT}/c.png)
  message(SEND_ERROR "a failed render must not leave an output file")
endif()
expect("bad size" 2 "--size" ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/d.png --size 10x10)
expect("bad view" 2 "unknown view \"sideways\"" ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/d.png --view sideways)
expect("unknown option" 2 "unknown option" ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/d.png --frobnicate)
expect("missing output" 2 "missing -o" ${VENAVIZ} render --scene ${SCENE})
expect("no display" 3 "no DISPLAY is set" ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
       ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/e.png)
expect("no OpenGL 3.3" 3 "driver offers OpenGL \"3\\.0.*needs OpenGL 3\\.3" ${CMAKE_COMMAND} -E env MESA_GL_VERSION_OVERRIDE=3.0
       ${VENAVIZ} render --scene ${SCENE} -o ${OUT}/f.png)

# simulate: the hemodynamic engine headless (needs no display)
set(SIMDIR ${SRC}/scenes)
expect("simulate tiptoe json" 0 "\"avp\": {[^}]*\"rt90_s\"" ${VENAVIZ} simulate --scene ${SCENE}
       --scenario ${SIMDIR}/scenarios/healthy.json --protocol ${SIMDIR}/protocols/tiptoe_10.json --json)
expect("simulate writes a trace" 0 "wrote" ${VENAVIZ} simulate --scene ${SCENE} --duration 0.5
       --probe femoral_vein_left@0.5 --out ${OUT}/trace.csv)
if(NOT EXISTS ${OUT}/trace.csv)
  message(SEND_ERROR "simulate: ${OUT}/trace.csv was not written")
endif()
file(WRITE ${OUT}/bad_kind.json "{\"conditions\": [{\"kind\": \"varicose\", \"target\": \"left_gsv\"}]}")
expect("simulate unknown condition kind" 1
       "bad_kind\\.json: conditions\\[0\\] \\(varicose\\)\\.kind: unknown condition kind \"varicose\"; expected one of: valve_incompetence, .*may_thurner"
       ${VENAVIZ} simulate --scene ${SCENE} --scenario ${OUT}/bad_kind.json)
expect_one_error_line("simulate unknown condition kind")
expect("simulate missing protocol" 1 "nope_protocol\\.json: file not found" ${VENAVIZ} simulate --scene ${SCENE}
       --protocol ${OUT}/nope_protocol.json)
expect_one_error_line("simulate missing protocol")
expect("simulate unknown probe vein" 1 "no vein \"no_such_vein\"" ${VENAVIZ} simulate --scene ${SCENE} --duration 0.1
       --probe no_such_vein@0.5)
expect("simulate bad probe" 2 "--probe: probe \"femoral_vein_left@2\": fraction 2 is out of range" ${VENAVIZ} simulate
       --scene ${SCENE} --probe femoral_vein_left@2)
expect("simulate without scene" 2 "simulate: missing --scene" ${VENAVIZ} simulate)

# --- lessons: checked without a window, rendered for slides --------------------------------
set(LESSON ${SRC}/scenes/lessons/02_reflux.json)
expect("lesson check plays a lesson to its end" 0 "ok: every step reached, every condition met"
       ${VENAVIZ} lesson check ${LESSON} --quiet)
file(WRITE ${OUT}/bad_lesson.json "{\"title\": \"T\", \"level\": \"introductory\", \"sources\": [\"S\"], \"steps\": [
  {\"title\": \"A\", \"caption\": \"B\"},
  {\"title\": \"C\", \"caption\": \"D\", \"advance\": {\"when\": \"ankle left 40\"}}]}")
expect("lesson check: a malformed lesson names the file, the step and the key" 1
       "bad_lesson\\.json: step 2\\.advance\\.when: expected MEASURE OP NUMBER" ${VENAVIZ} lesson check ${OUT}/bad_lesson.json)
expect_one_error_line("lesson check: a malformed lesson names the file, the step and the key")
file(WRITE ${OUT}/bad_action.json "{\"title\": \"T\", \"level\": \"introductory\", \"sources\": [\"S\"], \"steps\": [
  {\"title\": \"A\", \"caption\": \"B\", \"do\": [\"probe no_such_vein@0.5\"]}]}")
expect("lesson check: an action's vessel is checked before the lesson plays" 1
       "bad_action\\.json: step 1\\.do\\[0\\]: probe: no vessel \"no_such_vein\"" ${VENAVIZ} lesson check ${OUT}/bad_action.json)
file(WRITE ${OUT}/stuck.json "{\"title\": \"T\", \"level\": \"introductory\", \"sources\": [\"S\"], \"steps\": [
  {\"title\": \"A\", \"caption\": \"B\", \"do\": [\"posture supine\"], \"advance\": {\"when\": \"ankle left > 200\", \"timeout\": 5}}]}")
expect("lesson check: a condition never met is reported and fails" 1 "timed out" ${VENAVIZ} lesson check ${OUT}/stuck.json)
expect("lesson check: a missing file" 1 "nope_lesson\\.json: no such lesson file" ${VENAVIZ} lesson check ${OUT}/nope_lesson.json)
expect("render --lesson writes a step" 0 "wrote" ${VENAVIZ} render --lesson ${LESSON} --step 2 --answer 1 --lecture
       --size 480x270 -o ${OUT}/lesson_step.png)
if(NOT EXISTS ${OUT}/lesson_step.png)
  message(SEND_ERROR "render --lesson: ${OUT}/lesson_step.png was not written")
endif()
expect("render --lesson: a step that does not exist" 2 "--step" ${VENAVIZ} render --lesson ${LESSON} --step 99
       -o ${OUT}/none.png)

# --- settings: kept between runs in $XDG_CONFIG_HOME/venaviz/settings.json -----------------
set(XDG ${OUT}/xdg)
set(GUI ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${XDG} ${VENAVIZ} --size 320x200)
expect("settings are written when the window closes" 0 "" ${GUI} --do "ui_scale 2\; quality high\; labels off\; quit")
if(NOT EXISTS ${XDG}/venaviz/settings.json)
  message(SEND_ERROR "settings: ${XDG}/venaviz/settings.json was not written")
else()
  file(READ ${XDG}/venaviz/settings.json saved)
  if(NOT saved MATCHES "\"ui_scale\": 2" OR NOT saved MATCHES "\"quality\": \"high\"" OR NOT saved MATCHES "\"labels\": false"
     OR NOT saved MATCHES "\"last_scene\": \".*default\\.json\"")
    message(SEND_ERROR "settings: unexpected content:\n${saved}")
  endif()
endif()
file(WRITE ${XDG}/venaviz/settings.json "{ \"ui_scale\": 2, broken")
expect("a damaged settings file means defaults and a message" 0 "settings\\.json:1:[0-9]+: invalid JSON.*using the default settings"
       ${GUI} --do "quit")
# Kept aside as settings.json.damaged-YYYYMMDD-HHMMSS (io::keepAside), never overwritten by the save at exit.
file(GLOB kept_files ${XDG}/venaviz/settings.json.damaged-*)
list(LENGTH kept_files kept_count)
if(NOT kept_count EQUAL 1)
  message(SEND_ERROR "settings: the damaged file was not kept aside once as settings.json.damaged-DATE: ${kept_files}")
else()
  file(READ ${kept_files} kept)
  if(NOT kept MATCHES "broken")
    message(SEND_ERROR "settings: ${kept_files} does not hold the damaged text:\n${kept}")
  endif()
endif()
if(NOT last_stderr MATCHES "the damaged file is kept as [^\n]*settings\\.json\\.damaged-")
  message(SEND_ERROR "settings: the message does not say where the damaged file is kept:\n${last_stderr}")
endif()
file(WRITE ${XDG}/venaviz/settings.json "{\"format\": \"venaviz-settings\", \"last_scene\": \"${OUT}/gone.json\"}")
expect("a missing last scene means the default scene and a message" 0 "last scene could not be opened" ${GUI} --do "quit")
