# bench_library: drill-text matching against 10,000 tagged library videos, and import speed
# against the ffmpeg command line transcoding the same file with the same settings.
qt_add_executable(bench_library ${CMAKE_CURRENT_LIST_DIR}/bench_library.cpp)
target_link_libraries(bench_library PRIVATE drillstudio_core)
