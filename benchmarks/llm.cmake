# llm_bench: the LLM client's per-request overhead, throughput by requests in flight, and
# cache-hit latency against the loopback test server (tests/llm/loopback_server.cpp).
add_executable(llm_bench ${PROJECT_SOURCE_DIR}/benchmarks/llm_bench.cpp
                         ${PROJECT_SOURCE_DIR}/tests/llm/loopback_server.cpp)
target_include_directories(llm_bench PRIVATE ${PROJECT_SOURCE_DIR}/tests/llm)
target_link_libraries(llm_bench PRIVATE hlsv_llm nlohmann_json::nlohmann_json Threads::Threads)
