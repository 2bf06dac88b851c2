# Fetches the tree-sitter C++ grammar (generated parser, ~17 MB) from its npm package into the
# build tree and compiles it. Pinned: the Debian tree-sitter runtime 0.20 accepts grammar ABI 13-14
# only, and 0.23.4 is ABI 14. We compile against the package's own tree_sitter/parser.h.
set(HLSV_TS_CPP_VERSION 0.23.4)
set(_ts_dir ${CMAKE_BINARY_DIR}/_deps/tree-sitter-cpp-${HLSV_TS_CPP_VERSION})
if(NOT EXISTS ${_ts_dir}/package/src/parser.c)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  file(MAKE_DIRECTORY ${_ts_dir})
  message(STATUS "Fetching tree-sitter-cpp@${HLSV_TS_CPP_VERSION} with npm pack")
  execute_process(
    COMMAND ${NPM_EXECUTABLE} pack tree-sitter-cpp@${HLSV_TS_CPP_VERSION} --silent
    WORKING_DIRECTORY ${_ts_dir}
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "npm pack tree-sitter-cpp@${HLSV_TS_CPP_VERSION} failed: ${_err}")
  endif()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E tar xzf tree-sitter-cpp-${HLSV_TS_CPP_VERSION}.tgz
    WORKING_DIRECTORY ${_ts_dir} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0 OR NOT EXISTS ${_ts_dir}/package/src/parser.c)
    message(FATAL_ERROR "could not unpack tree-sitter-cpp into ${_ts_dir}")
  endif()
endif()

add_library(ts_grammar_cpp STATIC ${_ts_dir}/package/src/parser.c ${_ts_dir}/package/src/scanner.c)
target_include_directories(ts_grammar_cpp PRIVATE ${_ts_dir}/package/src)
set_target_properties(ts_grammar_cpp PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Generated code: not ours to warn about, and -O1 keeps the 17 MB parser's compile time sane.
target_compile_options(ts_grammar_cpp PRIVATE -w -O1)
