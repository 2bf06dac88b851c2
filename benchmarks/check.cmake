# check_bench: recall on rule-engine injections, false positives on the golden designs, speed,
# side by side with cppcheck and clang-tidy run on the same files.
add_executable(check_bench ${CMAKE_CURRENT_LIST_DIR}/check_bench.cpp)
target_link_libraries(check_bench PRIVATE hlsv_check hlsv_core PkgConfig::TREESITTER ts_grammar_cpp
                      $<TARGET_NAME_IF_EXISTS:hlsv_inject> $<TARGET_NAME_IF_EXISTS:hlsv_parse>)
target_compile_definitions(check_bench PRIVATE
  HLSV_BENCH_ROOT="${PROJECT_SOURCE_DIR}"
  $<$<AND:$<TARGET_EXISTS:hlsv_inject>,$<TARGET_EXISTS:hlsv_parse>>:HLSV_HAVE_INJECT=1>)
