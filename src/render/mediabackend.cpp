#include "mediabackend.h"

#include "renderlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <atomic>
#include <mutex>

namespace {

std::once_flag g_once;
std::atomic<const MediaBackend *> g_backend {nullptr};
QString g_error; // written once, inside call_once

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(MediaBackend)
};

// Where the module may be, most specific first: beside a program that runs from the build tree,
// then where an installed program finds it (relative to the program, so an unpacked archive works
// too), then the configured installation folder.
QStringList candidates()
{
    // For tests of a missing or foreign module: this path only.
    if (const QString forced = qEnvironmentVariable("DRILLSTUDIO_MEDIA_MODULE"); !forced.isEmpty())
        return {forced};
    QStringList paths;
    const QString program = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    const QString buildDir = QStringLiteral(DRILLSTUDIO_BUILD_DIR);
    if (!program.isEmpty() && program.startsWith(buildDir + QLatin1Char('/')))
        paths << QStringLiteral(DRILLSTUDIO_MEDIA_BUILD_PATH);
    if (!program.isEmpty())
        paths << QDir::cleanPath(QFileInfo(program).absolutePath() + QLatin1Char('/')
                                 + QStringLiteral(DRILLSTUDIO_MEDIA_RELATIVE_PATH));
    paths << QStringLiteral(DRILLSTUDIO_MEDIA_INSTALL_PATH);
    paths.removeDuplicates();
    return paths;
}

void load()
{
    QStringList tried;
    for (const QString &path : candidates()) {
        if (!QFileInfo::exists(path))
            continue;
        // Not QLibrary::ExportExternalSymbolsHint: FFmpeg's symbols stay inside the module.
        auto *library = new QLibrary(path);
        const auto entry = reinterpret_cast<DrillStudioMediaEntry>(
                library->resolve(DRILLSTUDIO_MEDIA_ENTRY));
        if (!entry) {
            tried << QStringLiteral("%1 (%2)").arg(path, library->errorString());
            delete library;
            continue;
        }
        if (const MediaBackend *backend = entry(DRILLSTUDIO_MEDIA_ABI)) {
            qCDebug(lcRender) << "video module loaded from" << path;
            g_backend = backend; // stays loaded for the life of the process
            return;
        }
        tried << QStringLiteral("%1 (%2)").arg(path, Text::tr("made for another version"));
        library->unload();
        delete library;
    }
    g_error = tried.isEmpty()
            ? Text::tr("The video module of DrillStudio (FFmpeg) was not found (looked for %1). "
                       "Reinstall DrillStudio.")
                      .arg(candidates().join(QStringLiteral(", ")))
            : Text::tr("The video module of DrillStudio (FFmpeg) cannot be loaded: %1. "
                       "Reinstall DrillStudio.")
                      .arg(tried.join(QStringLiteral("; ")));
    qCWarning(lcRender).noquote() << g_error;
}

} // namespace

const MediaBackend *MediaBackend::get(QString *error)
{
    std::call_once(g_once, load);
    const MediaBackend *backend = g_backend;
    if (!backend && error)
        *error = g_error;
    return backend;
}

bool MediaBackend::isLoaded()
{
    return g_backend != nullptr;
}
