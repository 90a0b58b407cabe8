// store_start DATA_DIR: what a start of DrillStudio does with its library, in a process of its
// own: open the data folder (settings, log, videos folder, job store with its checks and
// migrations, job manager) and read the first page of the library (1,000 videos, as the window
// loads it). Prints the number of videos on that page; exits 1 when the library cannot be opened.
// bench_store times it from exec to exit.
#include "appcontext.h"
#include "jobstore.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    AppContext context;
    AppContext::Options options;
    options.dataDir = QString::fromLocal8Bit(argv[1]);
    if (!context.open(options)) {
        QTextStream(stderr) << context.errorString() << Qt::endl;
        return 1;
    }
    const auto page = context.store()->library(1000, 0);
    QTextStream(stdout) << page.size() << Qt::endl;
    return page.isEmpty() ? 1 : 0;
}
