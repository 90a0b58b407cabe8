#pragma once
// The OpenAPI 3.0 document of the REST server's routes (a resource file, compacted once).
#include <QByteArray>

QByteArray openApiDocument();
