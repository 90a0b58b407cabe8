// DrillStudio: the desktop application and its command line.
#include "catalogue.h"
#include "cli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#ifdef DRILLSTUDIO_WITH_GUI
#include "appcontext.h"
#include "language.h"
#include "mainwindow.h"
#include "settings.h"
#include "startupprobe.h"

#include <QApplication>
#include <QMessageBox>
#endif

#include <memory>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace {

void installTranslators(QCoreApplication *app)
{
    const QLocale locale = catalogueLocale(QLocale());
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("drillstudio"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("drillstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DRILLSTUDIO_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("DrillStudio"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = Cli::subcommand(arguments);

#ifdef DRILLSTUDIO_WITH_GUI
    const bool wantsInfo = arguments.contains(QLatin1String("--help"))
            || arguments.contains(QLatin1String("-h"))
            || arguments.contains(QLatin1String("--version"))
            || arguments.contains(QLatin1String("-v"));
    const QString file = Cli::fileToOpen(arguments);
    if ((command.isEmpty() || !file.isEmpty()) && !wantsInfo) {
        QApplication app(argc, argv);
        installTranslators(&app);
        if (const int exitCode = Cli::checkGuiArguments(arguments); exitCode >= 0)
            return exitCode;
        const QString dataDir = Cli::dataDirOption(arguments);
        AppContext context;
        AppContext::Options options;
        options.dataDir = dataDir;
        if (!context.open(options)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "DrillStudio"),
                                  context.errorString());
            return Cli::Failed;
        }
        // A language chosen in the settings dialog instead of the system's.
        if (const QString language = Language::stored(context.settings()->filePath());
            language != QLatin1String("system"))
            Language::apply(language);
        MainWindow window(&context);
        window.show();
        StartupProbe::watch(&window);
        if (!file.isEmpty())
            window.openVideoFile(file.trimmed());
        return app.exec();
    }
#endif
    // Sub-commands draw text into video frames, which needs fonts but no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Headless machines (ssh, cron, CI) often have no runtime folder; give the one Qt would pick,
    // so that every command does not start with Qt's warning about it.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QFile::encodeName(QDir::tempPath()) + "/runtime-"
                + QByteArray::number(::getuid());
        if (::mkdir(runtime.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", runtime);
    }
    QGuiApplication app(argc, argv);
    installTranslators(&app);
    return Cli::run(arguments);
}
