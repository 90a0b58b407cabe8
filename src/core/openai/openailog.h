#pragma once
// Logging category of the openai provider and its client.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOpenAI)
