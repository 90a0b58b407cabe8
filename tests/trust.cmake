# Promises in their corners: resume after a long pause, hard budgets with two processes racing,
# the actual cost from the price list, and a team's shared video folder.
if(TARGET sora-emulator)
    drillstudio_add_test(tst_trust SOURCES tst_trust.cpp storefixture.h testsupport.h
        LIBRARIES drillstudio_core Qt6::Network TIMEOUT 600)
    add_dependencies(tst_trust sora-emulator drillstudio)
    target_compile_definitions(tst_trust PRIVATE SORA_EMULATOR_PATH="$<TARGET_FILE:sora-emulator>")
endif()
