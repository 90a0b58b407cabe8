# The REST server (src/server): a real server on a loopback port, a real client, the local renderer.
if(TARGET drillstudio_server)
    # The HTTP/1.1 request reader on bytes alone.
    drillstudio_add_test(tst_httpparser SOURCES tst_httpparser.cpp LIBRARIES drillstudio_server)
    drillstudio_add_test(tst_server SOURCES tst_server.cpp testsupport.h
        LIBRARIES drillstudio_server drillstudio_core Qt6::Network TIMEOUT 600)
    # The server against changes made by other processes, a locked store, metrics, idle close.
    drillstudio_add_test(tst_serverstore SOURCES tst_serverstore.cpp storefixture.h
        LIBRARIES drillstudio_server drillstudio_core Qt6::Network Qt6::Sql TIMEOUT 600)
    add_dependencies(tst_serverstore drillstudio)
endif()
