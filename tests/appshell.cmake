# Tests of the application shell: responsiveness, settings, the server tab, opening a file.
if(WITH_GUI)
    drillstudio_add_test(tst_responsiveness SOURCES tst_responsiveness.cpp storefixture.h
        LIBRARIES drillstudio_gui TIMEOUT 600)
    # It measures the window's event loop: alone on the machine's cores, not beside another test.
    set_tests_properties(tst_responsiveness PROPERTIES RUN_SERIAL TRUE)
endif()
if(WITH_GUI)
    drillstudio_add_test(tst_appshell SOURCES tst_appshell.cpp testsupport.h
        LIBRARIES drillstudio_gui Qt6::Network)
    target_include_directories(tst_appshell PRIVATE ${PROJECT_SOURCE_DIR}/src/app)
    add_dependencies(tst_appshell drillstudio)
endif()
