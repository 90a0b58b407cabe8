#include "corelog.h"

Q_LOGGING_CATEGORY(lcCore, "drillstudio.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "drillstudio.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "drillstudio.jobs", QtInfoMsg)
