#include "jobspec.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

QString JobSpec::normalizeDrillText(const QString &text)
{
    const QString nfkc = text.normalized(QString::NormalizationForm_KC);
    QStringList lines;
    for (const QString &line : nfkc.split(QLatin1Char('\n'))) {
        const QString folded = line.simplified();
        if (!folded.isEmpty())
            lines << folded;
    }
    return lines.join(QLatin1Char('\n'));
}

QString JobSpec::displayText(const QString &drillText)
{
    QStringList lines = drillText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (lines.size() > 1 && lines.first().trimmed().startsWith(QChar(0x3010))) // 【
        lines.removeFirst();
    return lines.join(QLatin1Char(' ')).simplified();
}

QString JobSpec::prompt() const
{
    QString tpl = promptTemplate;
    if (!tpl.contains(QLatin1String("{drill}")))
        tpl = QStringLiteral("{drill}");
    return tpl.replace(QLatin1String("{drill}"), drillText.trimmed());
}

QString JobSpec::specHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString material = QStringLiteral("drillstudio-spec-v1\n") + normalizedDrillText()
            + QLatin1Char('\x1f') + provider + QLatin1Char('\x1f') + model + QLatin1Char('\x1f')
            + QString::number(size.width()) + QLatin1Char('x') + QString::number(size.height())
            + QLatin1Char('\x1f') + QString::number(seconds) + QLatin1Char('\x1f') + promptTemplate;
    hash.addData(material.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(32));
}

std::optional<qint64> JobSpec::parseRunId(const QString &text, QString *error)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,15}$"));
    // NFKC turns full-width digits typed with a Japanese input method into ASCII ones.
    const QString trimmed = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("Enter a run ID.");
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!digits.match(trimmed).hasMatch() || !ok || value <= 0) {
        if (error)
            *error = tr("The run ID must be a positive whole number, like 42 (got \"%1\").")
                             .arg(trimmed.left(40));
        return std::nullopt;
    }
    return value;
}

QString JobSpec::validateDrillText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the drill text.");
    const qsizetype characters = trimmed.toUcs4().size();
    if (characters > MaxDrillCharacters)
        return tr("The drill text is too long: %1 characters, at most %2.")
                .arg(characters)
                .arg(MaxDrillCharacters);
    return {};
}

QString JobSpec::validate() const
{
    if (runId <= 0)
        return tr("The run ID must be a positive whole number.");
    const QString drillError = validateDrillText(drillText);
    if (!drillError.isEmpty())
        return drillError;
    if (size.width() <= 0 || size.height() <= 0 || size.width() % 2 || size.height() % 2)
        return tr("The video size %1x%2 is not supported.").arg(size.width()).arg(size.height());
    if (seconds < 1 || seconds > 60)
        return tr("The video length must be between 1 and 60 seconds.");
    if (provider.isEmpty())
        return tr("No video provider is chosen.");
    return {};
}
