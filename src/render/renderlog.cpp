#include "renderlog.h"

Q_LOGGING_CATEGORY(lcRender, "drillstudio.render", QtInfoMsg)
