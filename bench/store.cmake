# Job store with 100,000 videos: open time, status lookup and first library page, SQLite and
# PostgreSQL side by side.
qt_add_executable(bench_store ${CMAKE_CURRENT_LIST_DIR}/bench_store.cpp)
target_include_directories(bench_store PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(bench_store PRIVATE drillstudio_policy drillstudio_core Qt6::Test)
