# sora-emulator: the library over loopback, the executable, and the official SDK against it.
drillstudio_add_test(tst_emulator SOURCES tst_emulator.cpp
    LIBRARIES drillstudio_emulator drillstudio_render Qt6::Network Qt6::HttpServer
    LABELS emulator)

drillstudio_add_test(tst_emulator_cli SOURCES tst_emulator_cli.cpp
    LIBRARIES drillstudio_emulator Qt6::Network
    LABELS emulator)
add_dependencies(tst_emulator_cli sora-emulator)
target_compile_definitions(tst_emulator_cli PRIVATE
    SORA_EMULATOR_PATH="$<TARGET_FILE:sora-emulator>"
    DRILLSTUDIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
