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

struct Hold
{
    QByteArray name;
    QByteArray file;
};

const Hold &hold()
{
    static const Hold parsed = [] {
        Hold h;
        const QByteArray value = qgetenv("DRILLSTUDIO_HOLD_POINT");
        const qsizetype colon = value.indexOf(':');
        if (colon > 0) {
            h.name = value.left(colon);
            h.file = value.mid(colon + 1);
        }
        return h;
    }();
    return parsed;
}

void waitAtHold(const Hold &h)
{
    QByteArray reached = h.file;
    reached.append(".reached");
    if (FILE *f = std::fopen(reached.constData(), "w"))
        std::fclose(f);
    for (int i = 0; i < 12000 && ::access(h.file.constData(), F_OK) != 0; ++i)
        ::usleep(10000);
}

} // namespace

namespace CrashPoint {

void hit(const char *name)
{
    if (const Hold &h = hold(); !h.name.isEmpty() && h.name == name)
        waitAtHold(h);
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
