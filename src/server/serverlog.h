#pragma once
// Logging category of the REST server: every refusal is logged here.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
