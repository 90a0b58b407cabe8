# Tests of the drill library: import, tags and synonyms, matching, the library step of submission.
drillstudio_add_test(tst_videoimporter SOURCES tst_videoimporter.cpp LIBRARIES drillstudio_render
    TIMEOUT 600)
