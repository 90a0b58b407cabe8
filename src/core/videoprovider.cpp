#include "videoprovider.h"

VideoProvider::~VideoProvider() = default;

double VideoProvider::estimateCost(const QString &, QSize, int) const
{
    return 0;
}
