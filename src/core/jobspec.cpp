#include "jobspec.h"

#include "settings.h"

#include <QCryptographicHash>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

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

namespace {

// A run ID as a person may have written it, safe to show: control characters made visible and
// the length capped.
QString quoted(const QString &text)
{
    QString shown;
    for (const QChar c : text.left(40)) {
        if (c.isPrint())
            shown += c;
        else
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    if (text.size() > 40)
        shown += QChar(0x2026); // …
    return shown;
}

RunIdCheck refuse(RunIdCheck::Problem problem, const QString &message)
{
    RunIdCheck check;
    check.problem = problem;
    check.message = message;
    return check;
}

RunIdCheck tooLarge(const QString &shown)
{
    return refuse(RunIdCheck::Problem::TooLarge,
                  JobSpec::tr("The run ID %1 is too large; run IDs go up to %2.")
                          .arg(shown)
                          .arg(JobSpec::MaxRunId));
}

RunIdCheck notPositive(const QString &shown)
{
    return refuse(RunIdCheck::Problem::NotPositive,
                  JobSpec::tr("The run ID must be 1 or more (got %1).").arg(shown));
}

RunIdCheck accept(qint64 value)
{
    RunIdCheck check;
    check.value = value;
    return check;
}

} // namespace

RunIdCheck JobSpec::checkRunId(const QString &text)
{
    // NFKC turns full-width digits typed with a Japanese input method into ASCII ones.
    const QString trimmed = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (trimmed.isEmpty())
        return refuse(RunIdCheck::Problem::Missing, tr("Enter a run ID."));
    for (const QChar c : trimmed) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return refuse(RunIdCheck::Problem::NotANumber,
                          tr("The run ID must be a positive whole number, like 42 (got \"%1\").")
                                  .arg(quoted(trimmed)));
    }
    qsizetype first = 0;
    while (first + 1 < trimmed.size() && trimmed.at(first) == QLatin1Char('0'))
        ++first;
    const QStringView digits = QStringView(trimmed).mid(first);
    if (digits.size() > 16)
        return tooLarge(quoted(trimmed));
    const qint64 value = digits.toLongLong();
    if (value == 0)
        return notPositive(quoted(trimmed));
    if (value > MaxRunId)
        return tooLarge(quoted(trimmed));
    return accept(value);
}

RunIdCheck JobSpec::checkRunId(const QJsonValue &value)
{
    if (value.isString())
        return checkRunId(value.toString());
    if (value.isUndefined() || value.isNull())
        return refuse(RunIdCheck::Problem::Missing, tr("Enter a run ID."));
    if (!value.isDouble())
        return refuse(RunIdCheck::Problem::NotANumber,
                      tr("The run ID must be a positive whole number, like 42."));
    const double number = value.toDouble();
    const QString shown = QString::number(number, 'g', 17);
    if (!std::isfinite(number))
        return refuse(RunIdCheck::Problem::NotANumber,
                      tr("The run ID must be a positive whole number, like 42."));
    if (std::trunc(number) != number)
        return refuse(
                RunIdCheck::Problem::NotWhole,
                tr("The run ID must be a whole number, without a fraction (got %1).").arg(shown));
    if (number < 1)
        return notPositive(shown);
    if (number > double(MaxRunId))
        return tooLarge(shown);
    return accept(qint64(number));
}

namespace {

qsizetype skipSpace(QByteArrayView json, qsizetype i)
{
    while (i < json.size()
           && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r'))
        ++i;
    return i;
}

// The end of the JSON string starting at i (its opening quote), or -1.
qsizetype skipString(QByteArrayView json, qsizetype i)
{
    for (++i; i < json.size(); ++i) {
        if (json[i] == '\\')
            ++i;
        else if (json[i] == '"')
            return i + 1;
    }
    return -1;
}

// The end of the JSON value starting at i, or -1.
qsizetype skipValue(QByteArrayView json, qsizetype i)
{
    if (i >= json.size())
        return -1;
    if (json[i] == '"')
        return skipString(json, i);
    if (json[i] == '{' || json[i] == '[') {
        int depth = 0;
        while (i < json.size()) {
            const char c = json[i];
            if (c == '"') {
                i = skipString(json, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return -1;
    }
    while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ']' && json[i] != ' '
           && json[i] != '\t' && json[i] != '\n' && json[i] != '\r')
        ++i;
    return i;
}

} // namespace

QByteArray JobSpec::rawJsonMember(QByteArrayView json, QLatin1StringView key)
{
    QByteArray found;
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return {};
    i = skipSpace(json, i + 1);
    while (i < json.size() && json[i] == '"') {
        const qsizetype keyEnd = skipString(json, i);
        if (keyEnd < 0)
            return {};
        const QByteArrayView name = json.sliced(i + 1, keyEnd - i - 2);
        i = skipSpace(json, keyEnd);
        if (i >= json.size() || json[i] != ':')
            return {};
        i = skipSpace(json, i + 1);
        const qsizetype valueEnd = skipValue(json, i);
        if (valueEnd < 0)
            return {};
        if (name == QByteArrayView(key.data(), key.size()))
            found = json.sliced(i, valueEnd - i).toByteArray();
        i = skipSpace(json, valueEnd);
        if (i < json.size() && json[i] == ',')
            i = skipSpace(json, i + 1);
        else
            break;
    }
    return found;
}

RunIdCheck JobSpec::checkRunId(const QJsonValue &value, QByteArrayView rawJson,
                               QLatin1StringView key)
{
    if (value.isDouble()) {
        const QByteArray raw = rawJsonMember(rawJson, key);
        for (const char c : raw) {
            if (c == '.' || c == 'e' || c == 'E')
                return refuse(RunIdCheck::Problem::NotWhole,
                              tr("The run ID must be written as a whole number, without a "
                                 "fraction or exponent (got %1).")
                                      .arg(QString::fromLatin1(raw.left(40))));
        }
    }
    return checkRunId(value);
}

std::optional<qint64> JobSpec::parseRunId(const QString &text, QString *error)
{
    const RunIdCheck check = checkRunId(text);
    if (error)
        *error = check.message;
    return check.value;
}

std::optional<qint64> JobSpec::parseRunId(const QJsonValue &value, QString *error)
{
    const RunIdCheck check = checkRunId(value);
    if (error)
        *error = check.message;
    return check.value;
}

JobSpec JobSpec::fromSettings(const Settings &settings, qint64 runId, const QString &drillText)
{
    JobSpec spec;
    spec.runId = runId;
    spec.drillText = drillText;
    spec.provider = settings.provider();
    spec.model = settings.model();
    spec.size = settings.videoSize();
    spec.seconds = settings.seconds();
    spec.promptTemplate = settings.promptTemplate();
    return spec;
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
    if (!isValidRunId(runId))
        return tr("The run ID must be a whole number from 1 to %1.").arg(MaxRunId);
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
