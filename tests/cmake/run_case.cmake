# run_case.cmake - one end-to-end case: the async build against its
# synchronous reading.
#
#   cmake -DASYNC_EXE=<exe> -DSYNC_EXE=<exe> [-DEXPECTED=<file.out>]
#         -P run_case.cmake
#
# Runs both programs (stdin from /dev/null) and passes iff their stdout and
# exit status are identical, the async program's stderr shows no sanitizer
# report, and, when EXPECTED names a file, stdout equals its contents.
cmake_minimum_required(VERSION 3.20)

function(run_program exe prefix)
  execute_process(COMMAND "${exe}"
    INPUT_FILE /dev/null
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    TIMEOUT 50)
  set(${prefix}_rc "${rc}" PARENT_SCOPE)
  set(${prefix}_out "${out}" PARENT_SCOPE)
  set(${prefix}_err "${err}" PARENT_SCOPE)
endfunction()

run_program("${ASYNC_EXE}" async)
run_program("${SYNC_EXE}" sync)

set(failures "")
if(NOT "${async_rc}" STREQUAL "${sync_rc}")
  string(APPEND failures
    "  exit status differs: async '${async_rc}', sync '${sync_rc}'\n")
endif()
if(NOT "${async_out}" STREQUAL "${sync_out}")
  string(APPEND failures "  stdout differs between async and sync builds\n")
endif()
if(async_err MATCHES "(Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer|runtime error:")
  string(APPEND failures "  sanitizer report in the async build's stderr\n")
endif()
if(sync_err MATCHES "(Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer|runtime error:")
  string(APPEND failures "  sanitizer report in the sync build's stderr\n")
endif()
if(EXPECTED)
  file(READ "${EXPECTED}" expected_out)
  if(NOT "${async_out}" STREQUAL "${expected_out}")
    string(APPEND failures "  stdout differs from ${EXPECTED}\n")
  endif()
endif()

if(failures)
  set(report "${failures}")
  string(APPEND report "--- async (${ASYNC_EXE}) exit ${async_rc}, stdout ---\n"
         "${async_out}--- async stderr ---\n${async_err}"
         "--- sync (${SYNC_EXE}) exit ${sync_rc}, stdout ---\n"
         "${sync_out}--- sync stderr ---\n${sync_err}")
  if(EXPECTED)
    string(APPEND report "--- expected stdout (${EXPECTED}) ---\n"
           "${expected_out}")
  endif()
  message("${report}")
  message(FATAL_ERROR "FAILED")
endif()
