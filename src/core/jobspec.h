#pragma once
// What is to be generated, as the GUI, the CLI and the REST server ask for it.
#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <optional>

class QJsonValue;
class Settings;

// The outcome of checking a run ID against the one rule that every entry point shares.
struct RunIdCheck
{
    enum class Problem {
        None,
        Missing, // empty text or no value
        NotANumber, // letters, signs, exponents, control characters, a JSON true/false/object
        NotWhole, // a JSON number with a fraction (42.7)
        NotPositive, // 0 (or a negative JSON number)
        TooLarge, // above JobSpec::MaxRunId
    };
    std::optional<qint64> value;
    Problem problem = Problem::None;
    QString message; // for people, translated; empty when valid

    bool isValid() const { return value.has_value(); }
};

struct JobSpec
{
    Q_DECLARE_TR_FUNCTIONS(JobSpec)

public:
    static constexpr int MaxDrillCharacters = 2000;
    // The largest run ID: 2^53 - 1, the largest whole number a JSON number (a JavaScript number
    // in the frontend) holds exactly.
    static constexpr qint64 MaxRunId = (qint64(1) << 53) - 1;

    qint64 runId = 0;
    QString drillText;
    QString provider = QStringLiteral("local");
    QString model = QStringLiteral("sora-2");
    QSize size {1280, 720};
    int seconds = 4;
    QString promptTemplate;
    bool force = false; // generate again even when a video for the same drill exists
    int priority = 0; // higher runs first (a coach waiting in the window beats a batch)
    // Ask the drill library first when generation/providerOrder names it. False when a provider
    // was chosen for this request (--provider); provider "library" asks only the library.
    bool useLibrary = true;

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

    // The one rule for run IDs, used by the window, the command line, batch files and the REST
    // server (body and path): a positive whole number up to MaxRunId, written with ASCII or
    // full-width digits (leading and trailing white space ignored) and nothing else: no sign,
    // no fraction, no exponent, no control character.
    static RunIdCheck checkRunId(const QString &text);
    // The same rule for a JSON value: a number without a fraction, or a string as above.
    static RunIdCheck checkRunId(const QJsonValue &value);
    // The same rule for a member of a JSON object as it was written: a number must be written
    // as a plain integer (9e15 and 42.0 are refused although they parse to whole numbers).
    // rawJson is the whole object's text; key the member's name.
    static RunIdCheck checkRunId(const QJsonValue &value, QByteArrayView rawJson,
                                 QLatin1StringView key);
    // The text of a top-level member's value in a JSON object as written (the last one when the
    // key repeats, as the parser keeps); empty when absent or the text is not an object.
    static QByteArray rawJsonMember(QByteArrayView json, QLatin1StringView key);
    static std::optional<qint64> parseRunId(const QString &text, QString *error = nullptr);
    static std::optional<qint64> parseRunId(const QJsonValue &value, QString *error = nullptr);
    static bool isValidRunId(qint64 runId) { return runId > 0 && runId <= MaxRunId; }

    static QString validateDrillText(const QString &text);

    // A spec with the provider, model, size, length and prompt template of the settings; the
    // one place every entry point starts from before applying its own overrides.
    static JobSpec fromSettings(const Settings &settings, qint64 runId = 0,
                                const QString &drillText = {});
};
