#include "jobrecord.h"

namespace {

struct StatusName
{
    JobStatus status;
    const char *name;
};

constexpr StatusName kNames[] = {
        {JobStatus::Queued, "queued"},           {JobStatus::Creating, "creating"},
        {JobStatus::Submitted, "submitted"},     {JobStatus::Running, "running"},
        {JobStatus::Downloading, "downloading"}, {JobStatus::Completed, "completed"},
        {JobStatus::Failed, "failed"},           {JobStatus::Cancelled, "cancelled"},
        {JobStatus::Expired, "expired"},
};

} // namespace

QString jobStatusToString(JobStatus status)
{
    for (const auto &entry : kNames) {
        if (entry.status == status)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("failed");
}

JobStatus jobStatusFromString(const QString &text)
{
    for (const auto &entry : kNames) {
        if (text == QLatin1String(entry.name))
            return entry.status;
    }
    return JobStatus::Failed;
}

bool isTerminal(JobStatus status)
{
    return status == JobStatus::Completed || status == JobStatus::Failed
            || status == JobStatus::Cancelled || status == JobStatus::Expired;
}

QString jobStatusDisplayName(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QCoreApplication::translate("JobStatus", "Queued");
    case JobStatus::Creating:
    case JobStatus::Submitted:
        return QCoreApplication::translate("JobStatus", "Submitted");
    case JobStatus::Running:
        return QCoreApplication::translate("JobStatus", "Generating");
    case JobStatus::Downloading:
        return QCoreApplication::translate("JobStatus", "Downloading");
    case JobStatus::Completed:
        return QCoreApplication::translate("JobStatus", "Ready");
    case JobStatus::Failed:
        return QCoreApplication::translate("JobStatus", "Failed");
    case JobStatus::Cancelled:
        return QCoreApplication::translate("JobStatus", "Cancelled");
    case JobStatus::Expired:
        return QCoreApplication::translate("JobStatus", "Expired");
    }
    return {};
}
