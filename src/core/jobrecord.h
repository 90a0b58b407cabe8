#pragma once
// One generation as the job store keeps it.
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

enum class JobStatus {
    Queued, // recorded, not yet handed to a provider
    Creating, // a create request may be on its way to a remote provider (no id known yet)
    Submitted, // the provider accepted it (remote id known for remote providers)
    Running, // rendering or being rendered remotely
    Downloading, // finished remotely; fetching the file
    Completed, // the file is verified and in the video store
    Failed,
    Cancelled,
    Expired, // finished remotely but the content expired before it was fetched
};

QString jobStatusToString(JobStatus status);
JobStatus jobStatusFromString(const QString &text);
bool isTerminal(JobStatus status);
// For people: "completed" -> "完了" and so on.
QString jobStatusDisplayName(JobStatus status);

struct JobRecord
{
    QString id;
    qint64 runId = 0; // the run that first asked for it
    QString drillText;
    QString specHash;
    QString provider;
    QString model;
    QString size;
    int seconds = 0;
    QString prompt;
    JobStatus status = JobStatus::Queued;
    int progress = 0;
    QString remoteId;
    QString requestId;
    QString errorCode;
    QString errorMessage;
    double estimatedCost = 0;
    double actualCost = 0;
    qint64 createdAt = 0; // ms since the epoch, UTC
    qint64 startedAt = 0;
    qint64 completedAt = 0;
    qint64 expiresAt = 0;
    qint64 lastAccessedAt = 0;
    QString filePath; // relative to the video folder
    qint64 bytes = 0;
    QString sha256;
    qint64 durationMs = 0;
    int priority = 0; // higher runs first
    QString claimedBy; // "host:pid:token" of the process working on it
    qint64 claimedUntil = 0; // its claim holds until then (ms since the epoch)
    QString thumbnailPath; // relative to the video folder

    bool isValid() const { return !id.isEmpty(); }
};

Q_DECLARE_METATYPE(JobRecord)
