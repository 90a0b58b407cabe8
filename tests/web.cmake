# The /demo page in Debian's headless Chromium, driven by playwright-core (tests/web), against a
# real `drillstudio serve`. Skipped (77) without node, Chromium or tests/web/node_modules, unless
# DRILLSTUDIO_REQUIRE_WEB is set: packaging/quickstart.sh test sets it, so CI never skips it.
if(TARGET drillstudio)
    find_program(DRILLSTUDIO_NODE NAMES node nodejs)
    if(DRILLSTUDIO_NODE)
        add_test(NAME tst_demo_page
                 COMMAND ${DRILLSTUDIO_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/web/demo_page.mjs)
    else()
        add_test(NAME tst_demo_page
                 COMMAND sh -c "echo 'node is not installed'; [ -z \"$DRILLSTUDIO_REQUIRE_WEB\" ] && exit 77; exit 1")
    endif()
    set_tests_properties(tst_demo_page PROPERTIES
        ENVIRONMENT "LANG=C.UTF-8;LC_ALL=C.UTF-8;DRILLSTUDIO_CLI=$<TARGET_FILE:drillstudio>"
        SKIP_RETURN_CODE 77
        TIMEOUT 300)
endif()
