// Runs the fuzz target over files (the seed corpus), without libFuzzer: a regression test that
// any compiler builds. Usage: fuzz_requests_replay FILE_OR_FOLDER...
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    LLVMFuzzerInitialize(&argc, &argv);
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        QStringList files;
        const QString given = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(given).isDir()) {
            for (const QString &name : QDir(given).entryList(QDir::Files, QDir::Name))
                files << QDir(given).filePath(name);
        } else {
            files << given;
        }
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray data = file.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                                   size_t(data.size()));
            ++count;
        }
    }
    std::printf("%d inputs replayed: %d passed, 0 failed\n", count, count);
    return count > 0 ? 0 : 1;
}
