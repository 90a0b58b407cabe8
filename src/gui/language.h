#pragma once
// The window's language: Japanese, English or the system's, switched at once. Installing the new
// catalogues makes Qt send QEvent::LanguageChange to every widget, which retranslates itself.
#include <QString>

namespace Language {

// "system", "en" or "ja"; kept in settings.ini as window/language (only the window reads it).
QString stored(const QString &settingsFile);
void store(const QString &settingsFile, const QString &code);
// Replaces the installed catalogues with those of the language. False when its catalogue is
// missing (English then stays as the source text).
bool apply(const QString &code);
// Where the catalogues are looked for before the built-in ":/i18n" (tests: the build folder).
void setCatalogueDir(const QString &dir);

} // namespace Language
