#pragma once
// What is to be generated, as the GUI, the CLI and the REST server ask for it.
#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <optional>

struct JobSpec
{
    Q_DECLARE_TR_FUNCTIONS(JobSpec)

public:
    static constexpr int MaxDrillCharacters = 2000;

    qint64 runId = 0;
    QString drillText;
    QString provider = QStringLiteral("local");
    QString model = QStringLiteral("sora-2");
    QSize size {1280, 720};
    int seconds = 4;
    QString promptTemplate;
    bool force = false; // generate again even when a video for the same drill exists
    int priority = 0; // higher runs first (a coach waiting in the window beats a batch)

    // Unicode NFKC, each line trimmed, inner white space folded, empty lines dropped.
    static QString normalizeDrillText(const QString &text);
    QString normalizedDrillText() const { return normalizeDrillText(drillText); }

    // The drill as a person reads it in a list: without the advice card's 【…】 header line, on
    // one line.
    static QString displayText(const QString &drillText);

    // The prompt sent to a provider: the template with {drill} replaced.
    QString prompt() const;

    // Identifies the video: depends on what is generated, never on the run.
    QString specHash() const;

    // An error message a coach understands, or empty when the spec can be generated.
    QString validate() const;

    // Parses a run ID typed by a person: a positive whole number.
    static std::optional<qint64> parseRunId(const QString &text, QString *error = nullptr);
    static QString validateDrillText(const QString &text);
};
