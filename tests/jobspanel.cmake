# The Jobs panel of the window: the shared queue read off the GUI thread, cancel, retry and the
# import of batch files, against a real store and the local renderer.
if(WITH_GUI)
    drillstudio_add_test(tst_jobspanel SOURCES tst_jobspanel.cpp LIBRARIES drillstudio_gui)
endif()
