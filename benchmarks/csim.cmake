# csim_bench: variants/second, naive (one full compile+run per variant) vs hlsv's batched path.
add_executable(csim_bench ${CMAKE_CURRENT_LIST_DIR}/csim_bench.cpp)
target_link_libraries(csim_bench PRIVATE hlsv_csim)
target_include_directories(csim_bench PRIVATE ${PROJECT_SOURCE_DIR}/src/csim)
target_compile_definitions(csim_bench PRIVATE
  HLSV_DESIGNS_DIR="${PROJECT_SOURCE_DIR}/benchmarks/designs")
