# The REST server under wrk: GET /status/{run_id} and the MP4 download, beside nginx serving the
# same bytes and the old FastAPI service's shape, in the same run (loopback only, 5 s per run).
if(TARGET drillstudio_server)
    qt_add_executable(bench_server ${CMAKE_CURRENT_LIST_DIR}/bench_server.cpp)
    target_link_libraries(bench_server PRIVATE drillstudio_policy Qt6::Core Qt6::Network)
    target_compile_definitions(bench_server PRIVATE
        DRILLSTUDIO_CLI_PATH="$<TARGET_FILE:drillstudio>")
    add_dependencies(bench_server drillstudio)
endif()
