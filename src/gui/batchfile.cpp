#include "batchfile.h"

#include "jobspec.h"
#include "settings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

bool BatchFile::read(const QString &path, QList<BatchLine> *lines, QList<BatchProblem> *problems,
                     QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 cannot be read: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return read(&file, lines, problems, error);
}

bool BatchFile::read(QIODevice *device, QList<BatchLine> *lines, QList<BatchProblem> *problems,
                     QString *error)
{
    int number = 0;
    while (!device->atEnd()) {
        ++number;
        const QByteArray raw = device->readLine(1024 * 1024).trimmed();
        if (raw.isEmpty())
            continue;
        const auto problem = [&](const QString &message) {
            problems->append({number, message});
        };
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(raw, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || object.isEmpty()) {
            problem(tr("This line is not a JSON object such as {\"run_id\": 42, \"drill_text\": "
                       "\"…\"}."));
            continue;
        }
        BatchLine line;
        line.number = number;
        const RunIdCheck id = JobSpec::checkRunId(object.value(QStringLiteral("run_id")), raw,
                                                  QLatin1String("run_id"));
        if (!id.isValid()) {
            problem(id.message);
            continue;
        }
        line.runId = *id.value;
        line.drillText = object.value(QStringLiteral("drill_text")).toString();
        QString message = JobSpec::validateDrillText(line.drillText);
        if (!message.isEmpty()) {
            problem(message);
            continue;
        }
        if (object.contains(QStringLiteral("size"))) {
            const QString size = object.value(QStringLiteral("size")).toString();
            message = Settings::validate("generation/size", size);
            if (!message.isEmpty()) {
                problem(message);
                continue;
            }
            line.size = parseVideoSize(size);
        }
        if (object.contains(QStringLiteral("seconds"))) {
            const QJsonValue seconds = object.value(QStringLiteral("seconds"));
            const QString text
                    = seconds.isDouble() ? QString::number(seconds.toInt()) : seconds.toString();
            message = Settings::validate("generation/seconds", text);
            if (!message.isEmpty()) {
                problem(message);
                continue;
            }
            line.seconds = text.toInt();
        }
        lines->append(line);
    }
    if (lines->isEmpty() && problems->isEmpty()) {
        if (error)
            *error = tr("The file has no drills.");
        return false;
    }
    return true;
}
