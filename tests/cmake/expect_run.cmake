# expect_run.cmake - run a command, check its exit status and output.
#
#   cmake -DEXPECT_RC=<n> [-DSTDOUT_REGEX=<re>] [-DSTDERR_REGEX=<re>]
#         -P expect_run.cmake -- <command> [<arg>...]
#
# Fails (exit status 1) unless the command exits with EXPECT_RC and its
# stdout/stderr match the given regular expressions.
cmake_minimum_required(VERSION 3.20)

set(cmd "")
set(seen_dashes FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
  if(seen_dashes)
    list(APPEND cmd "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(seen_dashes TRUE)
  endif()
endforeach()
if(NOT cmd)
  message(FATAL_ERROR "expect_run.cmake: no command after --")
endif()

execute_process(COMMAND ${cmd}
  INPUT_FILE /dev/null
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  TIMEOUT 50)

set(failures "")
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
  string(APPEND failures "  exit status: expected ${EXPECT_RC}, got '${rc}'\n")
endif()
if(DEFINED STDOUT_REGEX AND NOT STDOUT_REGEX STREQUAL "")
  if(NOT out MATCHES "${STDOUT_REGEX}")
    string(APPEND failures "  stdout does not match /${STDOUT_REGEX}/\n")
  endif()
endif()
if(DEFINED STDERR_REGEX AND NOT STDERR_REGEX STREQUAL "")
  if(NOT err MATCHES "${STDERR_REGEX}")
    string(APPEND failures "  stderr does not match /${STDERR_REGEX}/\n")
  endif()
endif()

if(failures)
  string(REPLACE ";" " " cmd_text "${cmd}")
  message("command: ${cmd_text}\n${failures}--- stdout ---\n${out}"
          "--- stderr ---\n${err}")
  message(FATAL_ERROR "FAILED")
endif()
