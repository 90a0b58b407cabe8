#pragma once
// Picks up settings.ini edited by hand while the program runs: the file is read again and
// Settings::changed is emitted for every key whose value changed, as if set in the program.
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QVariant>

class Settings;

class SettingsWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsWatcher)

public:
    explicit SettingsWatcher(Settings *settings, QObject *parent = nullptr);
    ~SettingsWatcher() override;

private:
    void reread();
    void snapshot();

    Settings *m_settings;
    QFileSystemWatcher m_watcher;
    QHash<QString, QString> m_values;
};
