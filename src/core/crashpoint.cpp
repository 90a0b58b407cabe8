#include "crashpoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

struct Target
{
    QByteArray name;
    int count = 1;
};

const Target &target()
{
    static const Target parsed = [] {
        Target t;
        const QByteArray value = qgetenv("DRILLSTUDIO_CRASH_POINT");
        const qsizetype colon = value.indexOf(':');
        t.name = colon < 0 ? value : value.left(colon);
        if (colon >= 0)
            t.count = qMax(1, value.mid(colon + 1).toInt());
        return t;
    }();
    return parsed;
}

std::atomic_int hits {0};

} // namespace

namespace CrashPoint {

void hit(const char *name)
{
    const Target &t = target();
    if (t.name.isEmpty() || t.name != name)
        return;
    if (++hits < t.count)
        return;
    fprintf(stderr, "crash point %s reached: killing the process\n", name);
    fflush(stderr);
    ::kill(::getpid(), SIGKILL);
}

} // namespace CrashPoint
