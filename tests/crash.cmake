# Crash safety: drillstudio killed with SIGKILL at named places and at random moments while it
# works against sora-emulator; every drill is created once and ends as a verified video.
if(TARGET sora-emulator)
    drillstudio_add_test(tst_crash SOURCES tst_crash.cpp testsupport.h
        LIBRARIES drillstudio_core Qt6::Network TIMEOUT 900 LABELS crash)
    add_dependencies(tst_crash sora-emulator drillstudio)
    target_compile_definitions(tst_crash PRIVATE SORA_EMULATOR_PATH="$<TARGET_FILE:sora-emulator>")
endif()
