# Tests of the application shell: responsiveness, settings, the server tab, opening a file.
if(WITH_GUI)
    drillstudio_add_test(tst_responsiveness SOURCES tst_responsiveness.cpp storefixture.h
        LIBRARIES drillstudio_gui TIMEOUT 600)
endif()
