#include "openaikeychain.h"

#include "openailog.h"

#include <QCoreApplication>
#include <QMetaObject>

#ifdef DRILLSTUDIO_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

OpenAIKeychain::OpenAIKeychain(QObject *parent)
    : QObject(parent)
{ }

OpenAIKeychain::~OpenAIKeychain() = default;

bool OpenAIKeychain::isAvailable()
{
#ifdef DRILLSTUDIO_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void OpenAIKeychain::read()
{
#ifdef DRILLSTUDIO_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(account());
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finishedJob) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finishedJob);
        // No key stored yet is an answer, not a failure of the keychain.
        if (readJob->error() == QKeychain::EntryNotFound) {
            Q_EMIT keyRead({}, {});
            return;
        }
        if (readJob->error() != QKeychain::NoError) {
            qCInfo(lcOpenAI).noquote() << "no API key from the keychain:" << readJob->errorString();
            Q_EMIT keyRead({}, readJob->errorString());
            return;
        }
        Q_EMIT keyRead(readJob->textData().trimmed(), {});
    });
    job->start();
#else
    QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT keyRead({},
                               QCoreApplication::translate("OpenAIKeychain",
                                                           "This build has no keychain support."));
            },
            Qt::QueuedConnection);
#endif
}

void OpenAIKeychain::store(const QString &key)
{
#ifdef DRILLSTUDIO_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(account());
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finishedJob) {
        Q_EMIT keyStored(finishedJob->error() == QKeychain::NoError, finishedJob->errorString());
    });
    job->start();
#else
    Q_UNUSED(key)
    QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT keyStored(false,
                                 QCoreApplication::translate(
                                         "OpenAIKeychain", "This build has no keychain support."));
            },
            Qt::QueuedConnection);
#endif
}
