#include "renderfonts.h"

#include "renderlog.h"

#include <QFile>
#include <QFontDatabase>
#include <QStringList>

#include <mutex>

namespace {

struct LoadedFont
{
    QString family;
    QString file;
};

LoadedFont load()
{
    static const QStringList candidates = {
            QStringLiteral("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            QStringLiteral("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    };
    for (const QString &file : candidates) {
        if (!QFile::exists(file))
            continue;
        const int id = QFontDatabase::addApplicationFont(file);
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        if (id >= 0 && !families.isEmpty())
            return {families.constFirst(), file};
    }
    const QStringList families = QFontDatabase::families(QFontDatabase::Japanese);
    if (!families.isEmpty()) {
        qCWarning(lcRender) << "no known Japanese font file; using the system's"
                            << families.first();
        return {families.constFirst(), {}};
    }
    qCWarning(lcRender)
            << "no font with Japanese glyphs is installed; install fonts-ipafont-gothic";
    return {};
}

const LoadedFont &loaded()
{
    static std::once_flag once;
    static LoadedFont font;
    std::call_once(once, [] { font = load(); });
    return font;
}

} // namespace

namespace RenderFonts {

QString japaneseFamily()
{
    return loaded().family;
}

QString japaneseFontFile()
{
    return loaded().file;
}

} // namespace RenderFonts
