#pragma once
// Named places where the crash-safety tests kill the process (SIGKILL, no clean-up), chosen by
// DRILLSTUDIO_CRASH_POINT=name[:n] (die at the n-th time the place is reached; default 1).
// Without the variable a crash point costs one comparison.
namespace CrashPoint {

void hit(const char *name);

} // namespace CrashPoint
