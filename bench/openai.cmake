# 1,000 jobs against sora-emulator (a separate process): DrillStudio's openai client beside the
# official openai npm SDK (tests/node/sdk_jobs.mjs) on the same emulator, in the same run.
if(TARGET sora-emulator)
    qt_add_executable(bench_openai_jobs bench_openai_jobs.cpp)
    target_link_libraries(bench_openai_jobs PRIVATE drillstudio_policy drillstudio_core)
    target_compile_definitions(bench_openai_jobs PRIVATE
        SORA_EMULATOR_PATH="$<TARGET_FILE:sora-emulator>"
        DRILLSTUDIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_dependencies(bench_openai_jobs sora-emulator)
endif()
