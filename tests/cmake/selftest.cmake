# selftest.cmake - tests of the test runner scripts on hand-made inputs.
#
#   cmake -DCASES=<selftest dir> -DSCRIPTS=<tests/cmake> -DWORK=<dir>
#         -P selftest.cmake
cmake_minimum_required(VERSION 3.20)
include("${SCRIPTS}/diag_match.cmake")

set(failures "")
# expect_match(<text> <regex> <what>): fail with <what> unless text matches.
function(expect_match text regex what)
  if(NOT text MATCHES "${regex}")
    set(failures "${failures}  ${what}\n" PARENT_SCOPE)
  endif()
endfunction()
# expect_rc(<rc> <zero: TRUE|FALSE> <what>)
function(expect_rc rc zero what)
  if((zero AND NOT rc EQUAL 0) OR (NOT zero AND rc EQUAL 0))
    set(failures "${failures}  ${what}\n" PARENT_SCOPE)
  endif()
endfunction()

file(READ "${CASES}/diag_ok.c" src)

# All annotations matched, in any order, brackets and ';' kept.
file(READ "${CASES}/diag_ok.stderr" err)
diag_match("${src}" "diag_ok.c" "${err}" r)
expect_match("${r}" "^$" "diag_ok: unexpected mismatches:\n${r}")

# Wrong line, duplicate error, error in another file.
file(READ "${CASES}/diag_bad.stderr" err)
diag_match("${src}" "diag_ok.c" "${err}" r)
expect_match("${r}" "expected but not seen: diag_ok.c:8: error containing 'not a call" "diag_bad: missing line-8 error not reported:\n${r}")
expect_match("${r}" "expected but not seen: diag_ok.c:9: error containing 'second. with .brackets.'" "diag_bad: missing 'second' not reported:\n${r}")
expect_match("${r}" "seen but not expected: /abs/path/diag_ok.c:7:11" "diag_bad: stray line-7 error not reported:\n${r}")
expect_match("${r}" "seen but not expected: /abs/path/other.h:8:3" "diag_bad: error in other file not reported:\n${r}")

# No errors at all, and a source without annotations.
diag_match("${src}" "diag_ok.c" "" r)
expect_match("${r}" "expected but not seen" "empty stderr accepted")
diag_match("int main(void) { return 0; }\n" "x.c" "" r)
expect_match("${r}" "no expected-error annotation" "unannotated source accepted")

# run_case.cmake: equal programs pass, different exit status fails.
find_program(TRUE_EXE true)
find_program(FALSE_EXE false)
execute_process(COMMAND "${CMAKE_COMMAND}" -DASYNC_EXE=${TRUE_EXE}
  -DSYNC_EXE=${TRUE_EXE} -P "${SCRIPTS}/run_case.cmake"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" TRUE "run_case: true vs true failed")
execute_process(COMMAND "${CMAKE_COMMAND}" -DASYNC_EXE=${TRUE_EXE}
  -DSYNC_EXE=${FALSE_EXE} -P "${SCRIPTS}/run_case.cmake"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" FALSE "run_case: true vs false passed")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/nonempty.out" "x\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -DASYNC_EXE=${TRUE_EXE}
  -DSYNC_EXE=${TRUE_EXE} -DEXPECTED=${WORK}/nonempty.out
  -P "${SCRIPTS}/run_case.cmake"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" FALSE "run_case: wrong expected stdout passed")

# expect_run.cmake: exit status and regexes.
execute_process(COMMAND "${CMAKE_COMMAND}" -DEXPECT_RC=1
  -P "${SCRIPTS}/expect_run.cmake" -- ${FALSE_EXE}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" TRUE "expect_run: false with EXPECT_RC=1 failed")
execute_process(COMMAND "${CMAKE_COMMAND}" -DEXPECT_RC=0 -DSTDOUT_REGEX=hello
  -P "${SCRIPTS}/expect_run.cmake" -- "${CMAKE_COMMAND}" -E echo hello
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" TRUE "expect_run: echo hello failed")
execute_process(COMMAND "${CMAKE_COMMAND}" -DEXPECT_RC=0 -DSTDOUT_REGEX=bye
  -P "${SCRIPTS}/expect_run.cmake" -- "${CMAKE_COMMAND}" -E echo hello
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
expect_rc("${rc}" FALSE "expect_run: stdout regex not enforced")

if(failures)
  message("${failures}")
  message(FATAL_ERROR "FAILED")
endif()
message("runner scripts: all self-tests passed")
