# AsynccTargetSources.cmake - asyncc_target_sources(): transpile async C as a
# build step.
#
#   asyncc_target_sources(<target> [<file>...])
#
# For each <file> (relative to the current source directory, or absolute)
# adds a build rule that runs the asyncc transpiler on it, writing
#   ${CMAKE_CURRENT_BINARY_DIR}/asyncc_gen/<target>/<file>.c
# and adds that generated C to <target>'s sources. asyncc gets the target's
# include directories and compile definitions (read at generation time
# through generator expressions, so properties set after this call still
# count), the -D/-U/-I/-isystem/-std= options among its compile options
# and in CMAKE_C_FLAGS (joined or as two words), and the rule re-runs when <file>, a header it includes (from the
# depfile asyncc writes with -MF) or the asyncc executable changes.
#
# The transpiler is the imported executable asyncc::asyncc (from
# find_package(asyncc)) or, inside the asyncc source tree, the alias of the
# 'asyncc' target. Call this from the directory that created <target>.
#
# Extra clang arguments for asyncc (e.g. -std=c17) can be given per target
# in the property ASYNCC_CLANG_ARGS (a list).

cmake_minimum_required(VERSION 3.20)

# Appends to list <out> the options of the compiler flags string <flags>
# that change what asyncc's parse sees: -D/-U, -I/-isystem/-include and
# -std=, joined ('-DX', '-Idir') or as two words ('-D X', '-I dir'); only
# for configuration <config> when it is not empty.
function(_asyncc_flag_defs flags out config)
  separate_arguments(_args UNIX_COMMAND "${flags}")
  set(_list ${${out}})
  set(_pending "")
  foreach(_a IN LISTS _args)
    if(_pending)
      set(_opt "${_pending};${_a}")
      set(_pending "")
    elseif(_a MATCHES "^-(D|U|I|isystem|include)$")
      set(_pending "${_a}")
      continue()
    elseif(_a MATCHES "^-([DUI].|isystem.|std=)")
      set(_opt "${_a}")
    else()
      continue()
    endif()
    foreach(_o IN LISTS _opt)
      if(config)
        list(APPEND _list "$<$<CONFIG:${config}>:${_o}>")
      else()
        list(APPEND _list "${_o}")
      endif()
    endforeach()
  endforeach()
  set(${out} "${_list}" PARENT_SCOPE)
endfunction()

function(asyncc_target_sources target)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "asyncc_target_sources: '${target}' is not a target")
  endif()
  if(NOT TARGET asyncc::asyncc)
    message(FATAL_ERROR
      "asyncc_target_sources: the asyncc transpiler (target asyncc::asyncc) "
      "is not available; use find_package(asyncc) first")
  endif()
  get_target_property(_tgt_dir "${target}" SOURCE_DIR)
  if(NOT _tgt_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(FATAL_ERROR
      "asyncc_target_sources: call it from the directory that created "
      "'${target}' (${_tgt_dir}), not from ${CMAKE_CURRENT_SOURCE_DIR}")
  endif()

  set(_incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(_defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(_extra "$<TARGET_PROPERTY:${target},ASYNCC_CLANG_ARGS>")
  # add_compile_options() and target_compile_options(): the joined forms
  # that change the parse (others, such as -O2 or -W..., do not, and a
  # compiler-specific -f option could stop libclang).
  set(_opts "$<FILTER:$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>,INCLUDE,^-([DUI].|isystem.|std=)>")
  set(_inc_args "$<$<BOOL:${_incs}>:-I$<JOIN:${_incs},;-I>>")
  set(_def_args "$<$<BOOL:${_defs}>:-D$<JOIN:${_defs},;-D>>")
  # -D/-U/-I... from CMAKE_C_FLAGS and the configuration's flags (NDEBUG
  # in Release): macros such as assert() must expand as they will compile.
  set(_flag_defs "")
  _asyncc_flag_defs("${CMAKE_C_FLAGS}" _flag_defs "")
  if(CMAKE_CONFIGURATION_TYPES)
    set(_configs ${CMAKE_CONFIGURATION_TYPES})
  else()
    set(_configs "${CMAKE_BUILD_TYPE}")
  endif()
  foreach(_cfg IN LISTS _configs)
    if(_cfg)
      string(TOUPPER "${_cfg}" _ucfg)
      _asyncc_flag_defs("${CMAKE_C_FLAGS_${_ucfg}}" _flag_defs "${_cfg}")
    endif()
  endforeach()

  foreach(_file IN LISTS ARGN)
    get_filename_component(_in "${_file}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    file(RELATIVE_PATH _rel "${CMAKE_CURRENT_SOURCE_DIR}" "${_in}")
    # Files outside the source dir must still land inside asyncc_gen/.
    string(REPLACE "../" "__/" _rel "${_rel}")
    set(_out "${CMAKE_CURRENT_BINARY_DIR}/asyncc_gen/${target}/${_rel}.c")
    get_filename_component(_out_dir "${_out}" DIRECTORY)
    get_filename_component(_in_dir "${_in}" DIRECTORY)
    file(MAKE_DIRECTORY "${_out_dir}")

    add_custom_command(
      OUTPUT "${_out}"
      COMMAND asyncc::asyncc "${_in}" -o "${_out}" -MF "${_out}.d"
              -- "${_inc_args}" "${_def_args}" ${_flag_defs} "${_opts}"
                 "${_extra}"
      DEPENDS "${_in}" asyncc::asyncc
      DEPFILE "${_out}.d"
      COMMENT "asyncc ${_file}"
      COMMAND_EXPAND_LISTS
      VERBATIM)

    # The generated file lives in the build tree, so #include "x.h" must
    # still find headers next to the source file.
    set_property(SOURCE "${_out}" APPEND PROPERTY
                 COMPILE_OPTIONS "-iquote" "${_in_dir}")
    target_sources("${target}" PRIVATE "${_out}")
  endforeach()
endfunction()
