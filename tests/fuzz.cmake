# Hostile requests (tests/fuzz): the fuzz target's harness replayed over the seed corpus in this
# build (any compiler), and the libFuzzer run itself: tests/fuzz/run.sh builds it with clang
# (the "fuzz" preset) and fuzzes for 60 s. Skipped (77) without clang or libFuzzer, unless
# DRILLSTUDIO_REQUIRE_FUZZ is set (packaging/quickstart.sh test sets it).
if(TARGET drillstudio_server)
    qt_add_executable(fuzz_requests_replay fuzz/fuzz_requests.cpp fuzz/replay_main.cpp)
    target_link_libraries(fuzz_requests_replay PRIVATE drillstudio_policy drillstudio_server
                                                       drillstudio_core)
    add_test(NAME tst_fuzz_corpus
             COMMAND fuzz_requests_replay ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus)
    set_tests_properties(tst_fuzz_corpus PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8"
        TIMEOUT 300)
    add_test(NAME tst_fuzz_requests COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run.sh 60)
    set_tests_properties(tst_fuzz_requests PROPERTIES
        SKIP_RETURN_CODE 77
        TIMEOUT 2400
        LABELS fuzz)
endif()
