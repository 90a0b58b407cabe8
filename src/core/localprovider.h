#pragma once
// Renders drill videos on this machine, off the GUI thread, with progress and cancel.
#include "videoprovider.h"

#include <QHash>
#include <QThreadPool>

#include <atomic>
#include <memory>

class LocalProvider final : public VideoProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalProvider)

public:
    explicit LocalProvider(QObject *parent = nullptr);
    ~LocalProvider() override;

    QString name() const override { return QStringLiteral("local"); }
    bool isRemote() const override { return false; }

    void start(const ProviderRequest &request) override;
    void cancel(const QString &jobId) override;

    void setMaxConcurrent(int jobs);

private:
    QThreadPool m_pool;
    QHash<QString, std::shared_ptr<std::atomic_bool>> m_cancelFlags;
};
