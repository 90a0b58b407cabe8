#pragma once
// Logging category of the render layer.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRender)
