# lsp_bench: diagnostics latency of `hlsv lsp` after a change, measured by a client over stdio,
# next to `hlsv check` on the same file from the command line.
add_executable(lsp_bench ${CMAKE_CURRENT_LIST_DIR}/lsp_bench.cpp)
target_link_libraries(lsp_bench PRIVATE nlohmann_json::nlohmann_json)
target_include_directories(lsp_bench PRIVATE ${PROJECT_SOURCE_DIR}/tests/lsp)
target_compile_definitions(lsp_bench PRIVATE HLSV_BIN="$<TARGET_FILE:hlsv>")
add_dependencies(lsp_bench hlsv)
