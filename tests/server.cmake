# The REST server (src/server): a real server on a loopback port, a real client, the local renderer.
if(TARGET drillstudio_server)
    drillstudio_add_test(tst_server SOURCES tst_server.cpp testsupport.h
        LIBRARIES drillstudio_server drillstudio_core Qt6::Network TIMEOUT 600)
endif()
