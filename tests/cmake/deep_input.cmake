# deep_input.cmake - asyncc transpiles deeply nested ordinary C: a sum of
# 6,000 terms and an else-if chain of 6,000 arms in async functions (each
# overflowed the 8 MiB main stack of an asyncc that recursed on it), and a
# sum of 200,000 literals (overflowed the driver's 256 MiB stack while one
# walk of lowering kept 2 KiB of operands on the stack per level).
#
#   cmake -DASYNCC=<asyncc> -DWORK=<dir> -DINCLUDE=<include dir>
#         -P deep_input.cmake

file(MAKE_DIRECTORY "${WORK}")
set(head "#include <asyncc.h>\nstatic async int id(int x) {\n  await(asyncc_yield());\n  return x;\n}\n")

string(REPEAT "x + " 5999 terms)
file(WRITE "${WORK}/deep_sum.c" "${head}async int amain(void) {\n  int x = await(id(1));\n  long s = ${terms}x;\n  return (int)(s % 100);\n}\n")

string(REPEAT "  if (k == 7) s += await(id(k)); else\n" 6000 arms)
file(WRITE "${WORK}/deep_else_if.c" "${head}async int amain(void) {\n  long s = 0;\n  int k = 3;\n${arms}  s = -1;\n  return (int)s;\n}\n")

# literals: clang itself is quadratic in a long sum of one variable
string(REPEAT "1 + " 200000 terms)
file(WRITE "${WORK}/deeper_sum.c" "${head}async int amain(void) {\n  int x = await(id(1));\n  long s = ${terms}x;\n  return (int)(s % 100);\n}\n")

foreach(name deep_sum deep_else_if deeper_sum)
  file(REMOVE "${WORK}/${name}.out.c")
  execute_process(
    COMMAND "${ASYNCC}" "${WORK}/${name}.c" -o "${WORK}/${name}.out.c"
            -- -I "${INCLUDE}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: asyncc exited with '${rc}': ${err}")
  endif()
  file(READ "${WORK}/${name}.out.c" out)
  if(NOT out MATCHES "asyncc__amain_resume")
    message(FATAL_ERROR "${name}: no state machine in the output")
  endif()
endforeach()
