#pragma once
// Which catalogue the interface loads for a locale. The C and POSIX locales (C.UTF-8 in
// containers, cron and ssh sessions) speak English, so they get the English catalogue and its
// plural forms rather than the untranslated source text ("1 video(s)").
#include <QLocale>

inline QLocale catalogueLocale(const QLocale &locale)
{
    if (locale.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}
