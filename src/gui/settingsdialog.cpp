#include "settingsdialog.h"

#include "language.h"
#include "openai/openaikeychain.h"
#include "settings.h"
#include "ui_settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {

QString sectionTitle(const QString &section)
{
    if (section == QLatin1String("generation"))
        return SettingsDialog::tr("Generation");
    if (section == QLatin1String("cache"))
        return SettingsDialog::tr("Cache");
    if (section == QLatin1String("jobs"))
        return SettingsDialog::tr("Jobs");
    if (section == QLatin1String("budget"))
        return SettingsDialog::tr("Budget");
    if (section == QLatin1String("store"))
        return SettingsDialog::tr("Job store");
    if (section == QLatin1String("openai"))
        return SettingsDialog::tr("OpenAI");
    if (section == QLatin1String("server"))
        return SettingsDialog::tr("REST server");
    if (section == QLatin1String("log"))
        return SettingsDialog::tr("Log");
    return section;
}

bool isFlag(const QVariant &value)
{
    return value.typeId() == QMetaType::Bool;
}

} // namespace

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    ui->setupUi(this);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    ui->languageCombo->addItems({QString(), QString(), QString()});
    ui->languageCombo->setItemData(0, QStringLiteral("system"));
    ui->languageCombo->setItemData(1, QStringLiteral("ja"));
    ui->languageCombo->setItemData(2, QStringLiteral("en"));
    ui->languageCombo->setCurrentIndex(
            ui->languageCombo->findData(Language::stored(settings->filePath())));
    connect(ui->apiKeyEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        ui->storeKeyButton->setEnabled(!text.trimmed().isEmpty());
    });
    connect(ui->storeKeyButton, &QPushButton::clicked, this, &SettingsDialog::storeKey);
    QHash<QString, QFormLayout *> forms;
    for (const Settings::Entry &entry : Settings::entries()) {
        const QString key = QLatin1String(entry.key);
        const QString section = key.section(QLatin1Char('/'), 0, 0);
        QFormLayout *form = forms.value(section);
        if (!form) {
            auto *scroll = new QScrollArea(ui->groupTabs);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            auto *page = new QWidget(scroll);
            form = new QFormLayout(page);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            scroll->setWidget(page);
            ui->groupTabs->addTab(scroll, sectionTitle(section));
            m_sections << section;
            forms.insert(section, form);
        }
        Field field;
        field.key = entry.key;
        auto *box = new QWidget(form->parentWidget());
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        const QString name = key.section(QLatin1Char('/'), 1);
        if (isFlag(entry.defaultValue)) {
            field.check = new QCheckBox(
                    tr("on (default: %1)").arg(entry.defaultValue.toBool() ? tr("on") : tr("off")),
                    box);
            field.check->setObjectName(key);
            field.check->setChecked(settings->flag(entry.key));
            field.check->setAccessibleName(name);
            field.check->setToolTip(QCoreApplication::translate("Settings", entry.description));
            column->addWidget(field.check);
            connect(field.check, &QCheckBox::toggled, this, &SettingsDialog::validateAll);
        } else {
            field.edit = new QLineEdit(box);
            field.edit->setObjectName(key);
            const QString current = settings->value(entry.key).toString();
            const QString fallback = entry.defaultValue.toString();
            field.edit->setText(current == fallback ? QString() : current);
            field.edit->setPlaceholderText(fallback.isEmpty() ? tr("(empty by default)")
                                                              : tr("default: %1").arg(fallback));
            field.edit->setAccessibleName(name);
            field.edit->setToolTip(QCoreApplication::translate("Settings", entry.description));
            field.edit->setClearButtonEnabled(true);
            column->addWidget(field.edit);
            connect(field.edit, &QLineEdit::textChanged, this, &SettingsDialog::validateAll);
        }
        field.error = new QLabel(box);
        field.error->setObjectName(key + QStringLiteral("-error"));
        field.error->setWordWrap(true);
        field.error->setStyleSheet(QStringLiteral("color: #b00020;"));
        field.error->hide();
        column->addWidget(field.error);
        auto *label = new QLabel(name, form->parentWidget());
        label->setToolTip(QCoreApplication::translate("Settings", entry.description));
        form->addRow(label, box);
        m_fields.append(field);
    }
    retranslate();
    validateAll();
    readKey();
}

void SettingsDialog::retranslate()
{
    ui->fileLabel->setText(
            tr("Stored in %1; edits made there by hand are picked up while the window is open.")
                    .arg(QDir::toNativeSeparators(m_settings->filePath())));
    ui->languageCombo->setItemText(0, tr("Follow the system"));
    ui->languageCombo->setItemText(1, QStringLiteral("日本語"));
    ui->languageCombo->setItemText(2, QStringLiteral("English"));
    ui->languageCombo->setAccessibleName(tr("Language"));
    ui->apiKeyEdit->setAccessibleName(tr("OpenAI API key"));
    ui->apiKeyEdit->setPlaceholderText(tr("paste a new key to store it"));
    for (int i = 0; i < m_sections.size(); ++i)
        ui->groupTabs->setTabText(i, sectionTitle(m_sections.at(i)));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

QString SettingsDialog::keyStatus() const
{
    return ui->keyStatusLabel->text();
}

void SettingsDialog::setKeyStatus(const QString &text, bool error)
{
    ui->keyStatusLabel->setText(text);
    ui->keyStatusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    Q_EMIT keyStatusChanged(text);
}

namespace {

QString noKeychainText(const QString &detail)
{
    QString text = SettingsDialog::tr(
            "No system keychain is running, so the key cannot be kept here. Start one (GNOME "
            "Keyring or KWallet), or set OPENAI_API_KEY, or name an environment file in "
            "openai/envFile.");
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + SettingsDialog::tr("(The keychain said: %1)").arg(detail);
    return text;
}

} // namespace

void SettingsDialog::readKey()
{
    if (!OpenAIKeychain::isAvailable()) {
        ui->apiKeyEdit->setEnabled(false);
        setKeyStatus(tr("This build has no keychain support; set OPENAI_API_KEY or name an "
                        "environment file in openai/envFile."),
                     true);
        return;
    }
    // The keychain job outlives a dialog closed before it answers: QtKeychain's Secret Service
    // backend calls back into the job even after it is deleted.
    auto *keychain = new OpenAIKeychain;
    QPointer<SettingsDialog> self(this);
    connect(keychain, &OpenAIKeychain::keyRead, keychain,
            [self, keychain](const QString &key, const QString &error) {
                keychain->deleteLater();
                if (!self)
                    return;
                if (!error.isEmpty() && key.isEmpty())
                    self->setKeyStatus(noKeychainText(error), true);
                else
                    self->setKeyStatus(key.isEmpty()
                                               ? tr("No key is stored in the system keychain yet.")
                                               : tr("A key is stored in the system keychain."),
                                       false);
            });
    keychain->read();
}

void SettingsDialog::storeKey()
{
    const QString key = ui->apiKeyEdit->text().trimmed();
    if (key.isEmpty())
        return;
    ui->storeKeyButton->setEnabled(false);
    auto *keychain = new OpenAIKeychain; // outlives the dialog, as in readKey()
    QPointer<SettingsDialog> self(this);
    connect(keychain, &OpenAIKeychain::keyStored, keychain,
            [self, keychain](bool ok, const QString &error) {
                keychain->deleteLater();
                if (!self)
                    return;
                if (ok) {
                    self->ui->apiKeyEdit->clear();
                    self->setKeyStatus(tr("The key is stored in the system keychain."), false);
                } else {
                    self->ui->storeKeyButton->setEnabled(true);
                    self->setKeyStatus(noKeychainText(error), true);
                }
            });
    keychain->store(key);
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::field(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (QLatin1String(field.key) == key)
            return field.edit ? static_cast<QWidget *>(field.edit) : field.check;
    }
    return nullptr;
}

QString SettingsDialog::errorFor(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (QLatin1String(field.key) == key)
            return field.error->isVisible() || !field.error->isHidden() ? field.error->text()
                                                                        : QString();
    }
    return {};
}

QVariant SettingsDialog::valueOf(const Field &field) const
{
    if (field.check)
        return field.check->isChecked();
    const QString text = field.edit->text().trimmed();
    for (const Settings::Entry &entry : Settings::entries()) {
        if (qstrcmp(entry.key, field.key) == 0 && text.isEmpty())
            return entry.defaultValue;
    }
    return text;
}

void SettingsDialog::validateAll()
{
    bool valid = true;
    for (const Field &field : std::as_const(m_fields)) {
        const QString error = Settings::validate(field.key, valueOf(field));
        field.error->setText(error);
        field.error->setVisible(!error.isEmpty());
        valid = valid && error.isEmpty();
    }
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

void SettingsDialog::accept()
{
    for (const Field &field : std::as_const(m_fields)) {
        const QVariant value = valueOf(field);
        if (value.toString() == m_settings->value(field.key).toString())
            continue;
        const QString error = m_settings->setValue(field.key, value);
        if (!error.isEmpty()) {
            field.error->setText(error);
            field.error->show();
            return;
        }
    }
    const QString language = ui->languageCombo->currentData().toString();
    if (language != Language::stored(m_settings->filePath())) {
        Language::store(m_settings->filePath(), language);
        Language::apply(language);
    }
    QDialog::accept();
}
