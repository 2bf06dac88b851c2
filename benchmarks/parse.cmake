# parse_bench: design-fact extraction speed (tree-sitter path, libclang path, walk overhead).
add_executable(parse_bench ${CMAKE_CURRENT_LIST_DIR}/parse_bench.cpp)
target_link_libraries(parse_bench PRIVATE hlsv_parse libclang_c PkgConfig::TREESITTER ts_grammar_cpp)
