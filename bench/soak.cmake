# Soak: 100 connections for 60 s of mixed status, download (with and without Range), thumbnail and
# cached generate against a real `drillstudio serve`; errors, RSS growth and open descriptors.
if(TARGET drillstudio_server)
    qt_add_executable(bench_soak ${CMAKE_CURRENT_LIST_DIR}/bench_soak.cpp)
    target_link_libraries(bench_soak PRIVATE drillstudio_policy Qt6::Core Qt6::Network)
    target_compile_definitions(bench_soak PRIVATE DRILLSTUDIO_CLI_PATH="$<TARGET_FILE:drillstudio>")
    add_dependencies(bench_soak drillstudio)
endif()
