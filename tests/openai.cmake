# The openai provider and its client, against sora-emulator over loopback.
if(TARGET drillstudio_emulator)
    drillstudio_add_test(tst_openai
        SOURCES tst_openai.cpp testsupport.h
        LIBRARIES drillstudio_core drillstudio_emulator
        TIMEOUT 600
        LABELS openai)
endif()
