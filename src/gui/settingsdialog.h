#pragma once
// Every key of the settings table, grouped by its section, checked as it is typed, with its
// default shown; OK stores the changed values, which take effect at once.
#include <QDialog>
#include <QHash>

#include <memory>

namespace Ui {
class SettingsDialog;
}
class QLabel;
class QLineEdit;
class QCheckBox;
class Settings;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The field of a key ("generation/seconds"): a QLineEdit, or a QCheckBox for true/false.
    QWidget *field(const QString &key) const;
    QString errorFor(const QString &key) const;

    void accept() override;

private:
    struct Field
    {
        const char *key = nullptr;
        QLineEdit *edit = nullptr;
        QCheckBox *check = nullptr;
        QLabel *error = nullptr;
    };

    QVariant valueOf(const Field &field) const;
    void validateAll();

    std::unique_ptr<Ui::SettingsDialog> ui;
    Settings *m_settings;
    QList<Field> m_fields;
};
