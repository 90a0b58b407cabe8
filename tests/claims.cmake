# Promises of the README checked through the real drillstudio program: the log's rotation, the
# Japanese interface, and one video per run when cache/shareVideos is false.
foreach(name tst_logfile tst_i18n tst_sharevideos)
    drillstudio_add_test(${name} SOURCES ${name}.cpp testsupport.h LIBRARIES drillstudio_core)
    add_dependencies(${name} drillstudio)
endforeach()
