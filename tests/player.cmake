# The player: frame-accurate steps, seeking, speed, loops, its own window, snapshots and the
# side-by-side comparison, on real MP4s from the local renderer.
if(WITH_GUI)
    drillstudio_add_test(tst_player SOURCES tst_player.cpp LIBRARIES drillstudio_gui)
endif()
