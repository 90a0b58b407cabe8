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

    // What the API key row says (stored, none, or that no keychain runs).
    QString keyStatus() const;

Q_SIGNALS:
    // The keychain answered a read or a store (for tests and the window).
    void keyStatusChanged(const QString &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        const char *key = nullptr;
        QLineEdit *edit = nullptr;
        QCheckBox *check = nullptr;
        QLabel *error = nullptr;
    };

    QVariant valueOf(const Field &field) const;
    void retranslate();
    void readKey();
    void storeKey();
    void setKeyStatus(const QString &text, bool error);
    void validateAll();

    std::unique_ptr<Ui::SettingsDialog> ui;
    Settings *m_settings;
    QList<Field> m_fields;
    QStringList m_sections; // the section of each tab, in order
};
