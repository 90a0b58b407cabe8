#include "mp4encoder.h"

#include "mediabackend.h"

struct Mp4Encoder::Private
{
    std::unique_ptr<MediaEncoder> encoder;
};

Mp4Encoder::Mp4Encoder()
    : d(std::make_unique<Private>())
{
    if (const MediaBackend *backend = MediaBackend::get(&m_error))
        d->encoder = backend->createEncoder();
}

Mp4Encoder::~Mp4Encoder() = default;

int Mp4Encoder::framesWritten() const
{
    return d->encoder ? d->encoder->framesWritten() : 0;
}

bool Mp4Encoder::open(const QString &path, const Options &options)
{
    if (!d->encoder)
        return false; // m_error says why the module is missing
    const bool ok = d->encoder->open(path, options);
    if (!ok)
        m_error = d->encoder->errorString();
    return ok;
}

bool Mp4Encoder::addFrame(const QImage &frame)
{
    if (!d->encoder)
        return false;
    const bool ok = d->encoder->addFrame(frame);
    if (!ok)
        m_error = d->encoder->errorString();
    return ok;
}

bool Mp4Encoder::finish()
{
    if (!d->encoder)
        return false;
    const bool ok = d->encoder->finish();
    if (!ok)
        m_error = d->encoder->errorString();
    return ok;
}

void Mp4Encoder::abort()
{
    if (d->encoder)
        d->encoder->abort();
}
