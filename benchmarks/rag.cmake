# rag_bench: import + embed rate on a synthetic Chrysalis tree, and MMR query latency at 20,000
# and 1,000,000 examples next to a plain scan of the same vectors.
add_executable(rag_bench ${CMAKE_CURRENT_LIST_DIR}/rag_bench.cpp)
target_include_directories(rag_bench PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rag_bench PRIVATE hlsv_rag)

# import_bench: issue #23's entries applied on a Chrysalis-layout tree of ours with elided
# quotes, next to the previous substring check, and the import rate next to read+parse.
add_executable(import_bench ${CMAKE_CURRENT_LIST_DIR}/import_bench.cpp)
target_include_directories(import_bench PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(import_bench PRIVATE hlsv_rag)
