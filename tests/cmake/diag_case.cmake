# diag_case.cmake - one diagnostics case.
#
#   cmake -DASYNCC=<asyncc> -DSRC=<case.c> -DWORK=<scratch dir>
#         -P diag_case.cmake
#
# Runs 'asyncc SRC -o WORK/out.c' and passes iff it exits 1, WORK/out.c was
# not created, and its errors match SRC's expected-error annotations
# exactly (see diag_match.cmake).
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/diag_match.cmake")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${ASYNCC}" "${SRC}" -o "${WORK}/out.c"
  INPUT_FILE /dev/null
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  TIMEOUT 50)

set(failures "")
if(NOT "${rc}" STREQUAL "1")
  string(APPEND failures "  exit status: expected 1, got '${rc}'\n")
endif()
if(EXISTS "${WORK}/out.c")
  string(APPEND failures "  ${WORK}/out.c was written despite errors\n")
endif()
file(READ "${SRC}" src_text)
get_filename_component(src_name "${SRC}" NAME)
diag_match("${src_text}" "${src_name}" "${err}" mismatches)
string(APPEND failures "${mismatches}")

if(failures)
  message("asyncc ${SRC} -o ${WORK}/out.c\n${failures}"
          "--- stderr ---\n${err}--- stdout ---\n${out}")
  message(FATAL_ERROR "FAILED")
endif()
