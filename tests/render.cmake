# Tests of the local drill renderer (src/render).
drillstudio_add_test(tst_rendervariants SOURCES tst_rendervariants.cpp LIBRARIES drillstudio_render)
drillstudio_add_test(tst_drillrecognizer SOURCES tst_drillrecognizer.cpp LIBRARIES drillstudio_render)
drillstudio_add_test(tst_renderdrills SOURCES tst_renderdrills.cpp LIBRARIES drillstudio_render
    TIMEOUT 600)
# The video module is loaded on first use; the window at start does without it.
if(WITH_GUI)
    drillstudio_add_test(tst_mediamodule SOURCES tst_mediamodule.cpp testsupport.h
        LIBRARIES drillstudio_gui)
    target_compile_definitions(tst_mediamodule PRIVATE DRILLSTUDIO_TEST_WINDOW)
else()
    drillstudio_add_test(tst_mediamodule SOURCES tst_mediamodule.cpp testsupport.h
        LIBRARIES drillstudio_core)
endif()
add_dependencies(tst_mediamodule drillstudio)
