# Tests of the drill library: import, tags and synonyms, matching, the library step of submission.
drillstudio_add_test(tst_videoimporter SOURCES tst_videoimporter.cpp LIBRARIES drillstudio_render
    TIMEOUT 600)
drillstudio_add_test(tst_drillmatcher SOURCES tst_drillmatcher.cpp LIBRARIES drillstudio_core)
drillstudio_add_test(tst_library SOURCES tst_library.cpp storefixture.h LIBRARIES drillstudio_core
    TIMEOUT 600)
drillstudio_add_test(tst_librarycli SOURCES tst_librarycli.cpp testsupport.h LIBRARIES Qt6::Core)
add_dependencies(tst_librarycli drillstudio)
drillstudio_add_test(tst_libraryteam SOURCES tst_libraryteam.cpp storefixture.h testsupport.h
    LIBRARIES drillstudio_core TIMEOUT 600)
add_dependencies(tst_libraryteam drillstudio)
if(TARGET drillstudio_server)
    drillstudio_add_test(tst_libraryserver SOURCES tst_libraryserver.cpp testsupport.h
        LIBRARIES drillstudio_server drillstudio_core Qt6::Network TIMEOUT 600)
    drillstudio_add_test(tst_libraryupload SOURCES tst_libraryupload.cpp
        LIBRARIES drillstudio_server drillstudio_core Qt6::Network TIMEOUT 600)
endif()
if(WITH_GUI)
    drillstudio_add_test(tst_drilllibrarypanel SOURCES tst_drilllibrarypanel.cpp
        LIBRARIES drillstudio_gui TIMEOUT 600)
endif()
