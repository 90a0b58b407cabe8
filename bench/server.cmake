# The REST server under wrk: GET /status/{run_id} over 10,000 distinct runs and the MP4 download,
# beside a minimal QHttpServer route, FastAPI + uvicorn at its best and nginx, in the same run.
if(TARGET drillstudio_server)
    # The framework's ceiling; not named bench_* so that bench/run does not run it alone.
    qt_add_executable(qhttpserver_ceiling ${CMAKE_CURRENT_LIST_DIR}/qhttpserver_ceiling.cpp)
    target_link_libraries(qhttpserver_ceiling PRIVATE drillstudio_policy Qt6::Core Qt6::Network
                                                      Qt6::HttpServer)
    qt_add_executable(bench_server ${CMAKE_CURRENT_LIST_DIR}/bench_server.cpp)
    target_link_libraries(bench_server PRIVATE drillstudio_policy Qt6::Core Qt6::Network Qt6::Sql)
    target_compile_definitions(bench_server PRIVATE
        DRILLSTUDIO_CLI_PATH="$<TARGET_FILE:drillstudio>"
        QHTTPSERVER_CEILING_PATH="$<TARGET_FILE:qhttpserver_ceiling>")
    add_dependencies(bench_server drillstudio qhttpserver_ceiling)
endif()
