# bench_render: the whole `drillstudio generate` process (local renderer, 4 s at 1280x720)
# against the ffmpeg program encoding the same pixels with the same settings.
if(TARGET drillstudio)
    qt_add_executable(bench_render ${CMAKE_CURRENT_LIST_DIR}/bench_render.cpp)
    target_link_libraries(bench_render PRIVATE drillstudio_policy drillstudio_render)
    target_compile_definitions(bench_render PRIVATE DRILLSTUDIO_CLI_PATH="$<TARGET_FILE:drillstudio>")
    add_dependencies(bench_render drillstudio)
endif()
