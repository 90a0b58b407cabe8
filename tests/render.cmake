# Tests of the local drill renderer (src/render).
drillstudio_add_test(tst_rendervariants SOURCES tst_rendervariants.cpp LIBRARIES drillstudio_render)
drillstudio_add_test(tst_drillrecognizer SOURCES tst_drillrecognizer.cpp LIBRARIES drillstudio_render)
drillstudio_add_test(tst_renderdrills SOURCES tst_renderdrills.cpp LIBRARIES drillstudio_render
    TIMEOUT 600)
