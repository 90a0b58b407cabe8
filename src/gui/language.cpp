#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

constexpr char kKey[] = "window/language";
QString g_catalogueDir;

QLocale localeFor(const QString &code)
{
    if (code == QLatin1String("ja"))
        return QLocale(QLocale::Japanese, QLocale::Japan);
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    const QLocale system = QLocale::system();
    // C and POSIX locales read the English catalogue (its plural forms).
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : system;
}

} // namespace

namespace Language {

QString stored(const QString &settingsFile)
{
    const QString code = QSettings(settingsFile, QSettings::IniFormat)
                                 .value(QLatin1String(kKey), QStringLiteral("system"))
                                 .toString();
    return code == QLatin1String("en") || code == QLatin1String("ja") ? code
                                                                      : QStringLiteral("system");
}

void store(const QString &settingsFile, const QString &code)
{
    QSettings(settingsFile, QSettings::IniFormat).setValue(QLatin1String(kKey), code);
}

void setCatalogueDir(const QString &dir)
{
    g_catalogueDir = dir;
}

bool apply(const QString &code)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    const QLocale locale = localeFor(code);
    auto *own = new QTranslator(app);
    bool loaded = false;
    for (const QString &dir : {g_catalogueDir, QStringLiteral(":/i18n")}) {
        if (!dir.isEmpty()
            && own->load(locale, QStringLiteral("drillstudio"), QStringLiteral("_"), dir)) {
            loaded = true;
            break;
        }
    }
    auto *qt = new QTranslator(app);
    const bool qtLoaded = qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // Out with the old catalogues (those main() installed too), then in with the new ones: each
    // change sends LanguageChange to every widget.
    const QList<QTranslator *> old = app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : old) {
        if (translator == own || translator == qt)
            continue;
        QCoreApplication::removeTranslator(translator);
        translator->deleteLater();
    }
    QLocale::setDefault(locale);
    if (qtLoaded)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    if (loaded)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // English is the source text: with no catalogue the strings are still right.
    return loaded || locale.language() == QLocale::English;
}

} // namespace Language
