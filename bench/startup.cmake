# bench_startup: start-up of the window with 100,000 videos against a minimal Qt window with a
# QMediaPlayer and a QVideoWidget (startup_minimal). Needs the GUI build.
if(WITH_GUI)
    qt_add_executable(startup_minimal ${CMAKE_CURRENT_LIST_DIR}/startup_minimal.cpp
        ${PROJECT_SOURCE_DIR}/src/gui/startupprobe.h)
    target_include_directories(startup_minimal PRIVATE ${PROJECT_SOURCE_DIR}/src/gui)
    target_link_libraries(startup_minimal PRIVATE
        Qt6::Widgets Qt6::Multimedia Qt6::MultimediaWidgets)
    qt_add_executable(bench_startup ${CMAKE_CURRENT_LIST_DIR}/bench_startup.cpp)
    target_include_directories(bench_startup PRIVATE ${CMAKE_CURRENT_LIST_DIR})
    target_link_libraries(bench_startup PRIVATE drillstudio_core)
    add_dependencies(bench_startup startup_minimal drillstudio)
endif()
