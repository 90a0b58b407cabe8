# Tests of the application shell: responsiveness, settings, the server tab, opening a file.
if(WITH_GUI)
    drillstudio_add_test(tst_responsiveness SOURCES tst_responsiveness.cpp storefixture.h
        LIBRARIES drillstudio_gui TIMEOUT 600)
endif()
if(WITH_GUI)
    drillstudio_add_test(tst_appshell SOURCES tst_appshell.cpp testsupport.h
        LIBRARIES drillstudio_gui Qt6::Network)
    target_include_directories(tst_appshell PRIVATE ${PROJECT_SOURCE_DIR}/src/app)
    add_dependencies(tst_appshell drillstudio)
endif()
