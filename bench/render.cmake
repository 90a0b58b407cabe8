# bench_render: the local renderer (4 s at 1280x720) against the ffmpeg command line.
qt_add_executable(bench_render ${CMAKE_CURRENT_LIST_DIR}/bench_render.cpp)
target_link_libraries(bench_render PRIVATE drillstudio_render)
