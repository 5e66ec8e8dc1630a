# FindLibClang.cmake - find the libclang C API of one pinned LLVM version.
#
# The machine's 'clang' and 'llvm-config' may belong to another LLVM version
# than the libclang we link, so everything (headers, library and clang's
# builtin-header resource directory) is taken from ASYNCC_LLVM_ROOT only.
#
# Input:
#   ASYNCC_LLVM_ROOT       LLVM install root (default /usr/lib/llvm-19).
# Output:
#   LibClang_FOUND, LibClang_INCLUDE_DIR, LibClang_LIBRARY,
#   LibClang_LIBRARY_DIR   directory holding the shared library (for RPATH),
#   LibClang_RESOURCE_DIR  clang's resource dir (contains include/stddef.h),
#   LibClang::LibClang     imported target.

set(ASYNCC_LLVM_ROOT "/usr/lib/llvm-19" CACHE PATH
    "Root of the LLVM installation whose libclang asyncc uses")

string(CONCAT _libclang_hint
    "libclang 19 was not found under ASYNCC_LLVM_ROOT='${ASYNCC_LLVM_ROOT}'. "
    "On Debian install the package libclang-19-dev "
    "(run: bash scripts/setup.sh), or point -DASYNCC_LLVM_ROOT=<dir> at an "
    "LLVM 19 installation.")

# A changed root invalidates what earlier runs found and cached.
if(DEFINED _LibClang_ROOT_USED AND
   NOT _LibClang_ROOT_USED STREQUAL ASYNCC_LLVM_ROOT)
  unset(LibClang_INCLUDE_DIR CACHE)
  unset(LibClang_LIBRARY CACHE)
endif()
set(_LibClang_ROOT_USED "${ASYNCC_LLVM_ROOT}" CACHE INTERNAL "")

find_path(LibClang_INCLUDE_DIR
  NAMES clang-c/Index.h
  PATHS "${ASYNCC_LLVM_ROOT}/include"
  NO_DEFAULT_PATH)

find_library(LibClang_LIBRARY
  NAMES clang libclang clang-19 libclang-19
  PATHS "${ASYNCC_LLVM_ROOT}/lib"
  NO_DEFAULT_PATH)

# The resource dir is <root>/lib/clang/<version>; take the one that has the
# builtin headers.
set(LibClang_RESOURCE_DIR "")
file(GLOB _libclang_resource_candidates
     LIST_DIRECTORIES true "${ASYNCC_LLVM_ROOT}/lib/clang/*")
list(SORT _libclang_resource_candidates)
list(REVERSE _libclang_resource_candidates)
foreach(_dir IN LISTS _libclang_resource_candidates)
  if(EXISTS "${_dir}/include/stddef.h")
    set(LibClang_RESOURCE_DIR "${_dir}")
    break()
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LibClang_LIBRARY LibClang_INCLUDE_DIR LibClang_RESOURCE_DIR
  REASON_FAILURE_MESSAGE "${_libclang_hint}")

if(LibClang_FOUND)
  get_filename_component(LibClang_LIBRARY_DIR "${LibClang_LIBRARY}" DIRECTORY)
  if(NOT TARGET LibClang::LibClang)
    add_library(LibClang::LibClang UNKNOWN IMPORTED)
    set_target_properties(LibClang::LibClang PROPERTIES
      IMPORTED_LOCATION "${LibClang_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${LibClang_INCLUDE_DIR}")
  endif()
elseif(LibClang_FIND_REQUIRED)
  message(FATAL_ERROR "${_libclang_hint}")
endif()

mark_as_advanced(LibClang_INCLUDE_DIR LibClang_LIBRARY)
