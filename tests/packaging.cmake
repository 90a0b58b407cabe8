# Packaging: what the .deb installs (launcher, metainfo, icons, man page, version, systemd unit)
# and the nginx example in front of a real server. Label "packaging".
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
find_program(SYSTEMD_ANALYZE systemd-analyze)
find_program(NGINX nginx PATHS /usr/sbin)
find_package(Python3 COMPONENTS Interpreter)

if(DESKTOP_FILE_VALIDATE AND APPSTREAMCLI AND SYSTEMD_ANALYZE AND Python3_FOUND
        AND TARGET drillstudio_server)
    add_test(NAME packaging_install
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/packaging/install_checks.sh
            ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${PROJECT_VERSION})
    set_tests_properties(packaging_install PROPERTIES LABELS packaging TIMEOUT 300)
else()
    message(STATUS "packaging_install test skipped: desktop-file-validate, appstreamcli, "
                   "systemd-analyze or the server is missing (packaging/setup-debian.sh)")
endif()

if(NGINX AND Python3_FOUND AND TARGET drillstudio_server)
    add_test(NAME packaging_nginx
        COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/packaging/nginx_gateway.py
            $<TARGET_FILE:drillstudio> ${PROJECT_SOURCE_DIR}/packaging/nginx/drillstudio.conf
            ${NGINX})
    set_tests_properties(packaging_nginx PROPERTIES LABELS packaging TIMEOUT 300)
endif()

# The Dockerfile, linted and checked against the deployment rules (no Docker engine needed).
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
    add_test(NAME packaging_dockerfile
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/packaging/dockerfile_checks.sh ${PROJECT_SOURCE_DIR})
    set_tests_properties(packaging_dockerfile PROPERTIES LABELS packaging TIMEOUT 120)
else()
    message(STATUS "packaging_dockerfile test skipped: no node (packaging/setup-debian.sh)")
endif()

# The .deb of this build in a clean Debian 12 root (debootstrap + chroot): installed with the
# Dockerfile's steps, run (CLI, server, window, the container's entry point behind nginx) and
# purged. Needs root and Debian's archive; skipped (77) otherwise. The root is cached outside the
# repository (~/.cache/drillstudio-debroot): about 7 minutes the first time, 2-4 later.
if(WITH_GUI AND TARGET drillstudio_server)
    add_test(NAME packaging_clean_root
        COMMAND ${PROJECT_SOURCE_DIR}/packaging/check-deb.sh ${PROJECT_BINARY_DIR})
    set_tests_properties(packaging_clean_root PROPERTIES
        LABELS packaging TIMEOUT 1800 SKIP_RETURN_CODE 77 COST 10000
        ENVIRONMENT CHECK_DEB_OUT=${PROJECT_BINARY_DIR})
endif()
