#pragma once
// Named places where the crash-safety tests kill the process (SIGKILL, no clean-up), chosen by
// DRILLSTUDIO_CRASH_POINT=name[:n] (die at the n-th time the place is reached; default 1).
// DRILLSTUDIO_HOLD_POINT=name:FILE makes the process stop at the place instead: it creates
// FILE.reached and goes on once FILE exists (at most 120 s), so that a test can line up two
// processes at a race. Without the variables a place costs one comparison.
namespace CrashPoint {

void hit(const char *name);

} // namespace CrashPoint
