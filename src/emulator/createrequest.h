#pragma once
// Reads and validates the body of POST /videos and POST /videos/{id}/remix as OpenAI does.
#include "apierror.h"

#include <QByteArray>
#include <QString>

struct EmulatorConfig;

struct CreateParams
{
    QString prompt;
    QString model = QStringLiteral("sora-2");
    QString seconds = QStringLiteral("4");
    QString size = QStringLiteral("720x1280");
    // "file" (multipart upload), "image_url" or "file_id"; empty without a reference.
    QString inputReference;
};

namespace CreateRequest {

// Fills params from a JSON or multipart/form-data body, or answers the error OpenAI would.
emulator::ApiError parseCreate(const QByteArray &contentType, const QByteArray &body,
                               const EmulatorConfig &config, CreateParams *params);

// The remix body has one field, prompt.
emulator::ApiError parseRemix(const QByteArray &contentType, const QByteArray &body,
                              const EmulatorConfig &config, QString *prompt);

} // namespace CreateRequest
