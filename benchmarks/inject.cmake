# inject_bench: rule-engine coverage and validity on benchmarks/designs, and apply() success on
# a synthetic corpus of Chrysalis-style bug files (full matcher vs naive exact/whitespace).
add_executable(inject_bench ${CMAKE_CURRENT_LIST_DIR}/inject_bench.cpp)
target_link_libraries(inject_bench PRIVATE hlsv_inject fmt::fmt)
target_compile_definitions(inject_bench PRIVATE HLSV_DESIGNS="${PROJECT_SOURCE_DIR}/benchmarks/designs")
