# Job store with 100,000 videos, SQLite and PostgreSQL side by side: a start in a new process
# (store_start: open the data folder and read the first library page), `cache list --json`, and
# status lookups over distinct runs.
qt_add_executable(store_start ${CMAKE_CURRENT_LIST_DIR}/store_start.cpp)
target_link_libraries(store_start PRIVATE drillstudio_policy drillstudio_core)
qt_add_executable(bench_store ${CMAKE_CURRENT_LIST_DIR}/bench_store.cpp)
target_include_directories(bench_store PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(bench_store PRIVATE drillstudio_policy drillstudio_core Qt6::Test)
target_compile_definitions(bench_store PRIVATE STORE_START_PATH="$<TARGET_FILE:store_start>")
add_dependencies(bench_store store_start)
if(TARGET drillstudio)
    target_compile_definitions(bench_store PRIVATE DRILLSTUDIO_CLI_PATH="$<TARGET_FILE:drillstudio>")
    add_dependencies(bench_store drillstudio)
endif()
