#pragma once
// Reads a batch file as "drillstudio batch" does (JSON lines: run_id, drill_text, and optional
// size and seconds), but keeps going past bad lines so that every problem can be reported.
#include <QCoreApplication>
#include <QList>
#include <QSize>
#include <QString>

class QIODevice;

struct BatchLine
{
    int number = 0; // 1-based line number in the file
    qint64 runId = 0;
    QString drillText;
    QSize size; // invalid: from the settings
    int seconds = 0; // 0: from the settings
};

struct BatchProblem
{
    int number = 0;
    QString message; // in words a coach understands
};

class BatchFile
{
    Q_DECLARE_TR_FUNCTIONS(BatchFile)

public:
    // Reads every line; good lines go to lines, bad ones to problems. False when the file
    // itself cannot be read (error says why).
    static bool read(QIODevice *device, QList<BatchLine> *lines, QList<BatchProblem> *problems,
                     QString *error = nullptr);
    static bool read(const QString &path, QList<BatchLine> *lines, QList<BatchProblem> *problems,
                     QString *error = nullptr);
};
