#include "settingswatcher.h"

#include "settings.h"

#include <QFileInfo>
#include <QSettings>

SettingsWatcher::SettingsWatcher(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    snapshot();
    // Editors often replace the file instead of writing into it, so the folder is watched too.
    m_watcher.addPath(settings->filePath());
    m_watcher.addPath(QFileInfo(settings->filePath()).absolutePath());
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &SettingsWatcher::reread);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &SettingsWatcher::reread);
    connect(settings, &Settings::changed, this, &SettingsWatcher::snapshot);
}

SettingsWatcher::~SettingsWatcher() = default;

void SettingsWatcher::snapshot()
{
    for (const Settings::Entry &entry : Settings::entries())
        m_values.insert(QLatin1String(entry.key), m_settings->value(entry.key).toString());
}

void SettingsWatcher::reread()
{
    const QString path = m_settings->filePath();
    if (QFileInfo::exists(path) && !m_watcher.files().contains(path))
        m_watcher.addPath(path);
    // QSettings objects of one file share its contents within a process: syncing any of them
    // reads the file again for all.
    QSettings(path, QSettings::IniFormat).sync();
    QStringList changedKeys;
    for (const Settings::Entry &entry : Settings::entries()) {
        const QString key = QLatin1String(entry.key);
        const QString now = m_settings->value(entry.key).toString();
        if (m_values.value(key) != now) {
            m_values.insert(key, now);
            changedKeys << key;
        }
    }
    for (const QString &key : std::as_const(changedKeys))
        Q_EMIT m_settings->changed(key);
}
