// The drill library in the job store (tags, synonyms, migration) on SQLite and PostgreSQL, and
// the whole way from an imported recording to a run answered with it.
#include "appcontext.h"
#include "database.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "library/drilllibrary.h"
#include "library/librarystore.h"
#include "library/synonyms.h"
#include "mediaprobe.h"
#include "settings.h"
#include "storefixture.h"
#include "videostore.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

LibraryVideo sampleVideo(const QString &id, const QString &sha)
{
    LibraryVideo v;
    v.id = id;
    v.filePath = QStringLiteral("library/") + sha + QStringLiteral(".mp4");
    v.sha256 = sha;
    v.bytes = 1234;
    v.durationMs = 4000;
    v.size = QStringLiteral("1280x720");
    v.sourceName = QStringLiteral("knees.mov");
    v.notes = QStringLiteral("Filmed at the track");
    v.cues = {QStringLiteral("膝を腰の高さまで"), QStringLiteral("腕を大きく")};
    v.tags = {{QStringLiteral("もも上げ"), QStringLiteral("ja")},
              {QStringLiteral("High knees"), QStringLiteral("en")}};
    v.createdAt = 1000;
    v.updatedAt = 1000;
    return v;
}

// Files under the folder, temporaries included.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_samples;

    QString sample(const QString &name, const QString &size, double seconds)
    {
        const QString path = m_samples.filePath(name);
        if (QFile::exists(path))
            return path;
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                      QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=%1:rate=25:duration=%2").arg(size).arg(seconds),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), path});
        if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
            return {};
        return path;
    }

    // A data folder whose library converts to a small size, so that imports are quick.
    bool openContext(AppContext &context, QTemporaryDir &dir)
    {
        AppContext::Options options;
        options.dataDir = dir.path();
        options.installLogFile = false;
        options.startJobs = false;
        if (!context.open(options))
            return false;
        context.settings()->setValue("generation/size", QStringLiteral("640x360"));
        return true;
    }

private Q_SLOTS:
    void store_data() { StoreFixture::addBackendRows(); }

    void store()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        Database database;
        OPEN_STORE(fixture, backend, database);
        LibraryStore store(&database);
        const QString before = store.revision();

        QVERIFY2(store.insertVideo(sampleVideo(QStringLiteral("v1"), QStringLiteral("aa"))),
                 qPrintable(store.errorString()));
        QVERIFY(store.revision() != before);
        bool duplicate = false;
        QVERIFY(!store.insertVideo(sampleVideo(QStringLiteral("v2"), QStringLiteral("aa")),
                                   &duplicate));
        QVERIFY(duplicate);
        QVERIFY(store.errorString().contains(QStringLiteral("v1")));

        auto read = store.video(QStringLiteral("v1"));
        QVERIFY(read);
        QCOMPARE(read->tagNames(),
                 QStringList({QStringLiteral("もも上げ"), QStringLiteral("High knees")}));
        QCOMPARE(read->tags.at(1).language, QStringLiteral("en"));
        QCOMPARE(read->cues.size(), 2);
        QCOMPARE(read->notes, QStringLiteral("Filmed at the track"));

        read->tags = {{QStringLiteral("Aスキップ"), QStringLiteral("ja")}};
        read->updatedAt = 2000;
        const QString beforeUpdate = store.revision();
        QVERIFY(store.updateVideo(*read));
        QVERIFY(store.revision() != beforeUpdate);
        QCOMPARE(store.video(QStringLiteral("v1"))->tagNames(),
                 QStringList {QStringLiteral("Aスキップ")});
        QCOMPARE(store.videos().size(), 1);

        QVERIFY(store.removeVideo(QStringLiteral("v1")));
        QVERIFY(!store.video(QStringLiteral("v1")));
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM library_tags")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void synonyms_data() { StoreFixture::addBackendRows(); }

    void synonyms()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        Database database;
        OPEN_STORE(fixture, backend, database);
        LibraryStore store(&database);
        const QList<DrillSynonym> builtin = DrillSynonyms::builtin();
        QVERIFY(builtin.size() > 100);
        // Every drill the renderer knows is there, by its Japanese and its English name.
        QVERIFY(std::any_of(builtin.cbegin(), builtin.cend(), [](const DrillSynonym &s) {
            return s.drill == u"high-knees" && s.term == u"もも上げ";
        }));
        QVERIFY(std::any_of(builtin.cbegin(), builtin.cend(), [](const DrillSynonym &s) {
            return s.drill == u"butt-kicks" && s.term == u"バットキック";
        }));
        QVERIFY(store.seedSynonyms(builtin, 1));
        QVERIFY(store.seedSynonyms(builtin, 2)); // again: nothing doubled
        QCOMPARE(store.synonyms().size(), builtin.size());
        QVERIFY(store.addSynonym(
                {QStringLiteral("high-knees"), QStringLiteral("ニーアップ"), QString(), false}, 3));
        QVERIFY(!store.addSynonym(
                {QStringLiteral("high-knees"), QStringLiteral("ニーアップ"), QString(), false}, 4));
        QVERIFY(store.errorString().isEmpty());
        QCOMPARE(store.synonyms().size(), builtin.size() + 1);
    }

    // A schema-2 store (before the library) is upgraded with its jobs intact and backed up.
    void upgradesFromSchema2()
    {
        StoreFixture fixture;
        {
            Database database;
            OPEN_STORE(fixture, QStringLiteral("sqlite"), database);
            QSqlQuery q(database.connection());
            for (const char *table :
                 {"library_matches", "drill_synonyms", "library_tags", "library_videos"})
                QVERIFY(q.exec(QStringLiteral("DROP TABLE ") + QLatin1String(table)));
            QVERIFY(q.exec(
                    QStringLiteral("UPDATE meta SET value = '2' WHERE key = 'schema_version'")));
            QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO jobs (id, run_id, drill_text, spec_hash, provider, model, size, "
                    "seconds, prompt, status, created_at) VALUES ('j1', 7, 'もも上げ', 'h', "
                    "'local', 'm', '1280x720', 4, 'p', 'completed', 1)")));
        }
        Database database;
        QVERIFY2(database.open(fixture.config()), qPrintable(database.errorString()));
        QCOMPARE(database.schemaVersion(), 3);
        QVERIFY(!database.lastBackupPath().isEmpty());
        LibraryStore store(&database);
        QVERIFY(store.insertVideo(sampleVideo(QStringLiteral("v1"), QStringLiteral("bb"))));
        JobStore jobs(&database);
        QVERIFY(jobs.job(QStringLiteral("j1")));
    }

    // From a recorded file to a run answered with it, at no cost, and back out again.
    void importAndAnswer()
    {
        const QString source = sample(QStringLiteral("knees.mp4"), QStringLiteral("480x640"), 2);
        QVERIFY(!source.isEmpty());
        QTemporaryDir dir;
        AppContext context;
        QVERIFY2(openContext(context, dir), qPrintable(context.errorString()));
        DrillLibrary *library = context.library();
        QVERIFY(library);

        DrillLibrary::ImportRequest request;
        request.file = source;
        request.drills = {QStringLiteral("もも上げ")};
        request.notes = QStringLiteral("Slow, then fast");
        const DrillLibrary::ImportResult imported = library->importFile(request);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        const LibraryVideo video = imported.video;
        QVERIFY(video.filePath.startsWith(QStringLiteral("library/")));
        const MediaInfo info = MediaProbe::probe(context.videos()->absolutePath(video.filePath));
        QVERIFY(info.valid);
        QCOMPARE(QSize(info.width, info.height), QSize(640, 360));
        QVERIFY(QFile::exists(context.videos()->absolutePath(video.thumbnailPath)));
        QVERIFY(QFile::exists(context.videos()->absolutePath(video.spritesheetPath)));
        QVERIFY(video.originalPath.isEmpty()); // library/keepOriginals is false by default

        // The same recording again is refused, leaves the first one whole and nothing else.
        const QStringList files = filesUnder(context.videos()->directory());
        const DrillLibrary::ImportResult again = library->importFile(request);
        QVERIFY(!again.ok);
        QVERIFY(again.duplicate);
        QCOMPARE(filesUnder(context.videos()->directory()), files);
        QVERIFY(QFile::exists(context.videos()->absolutePath(video.filePath)));

        const QString text = QStringLiteral(
                "【💪 おすすめの補強ドリル】\n腿上げを20回×3セット行いましょう。\n");
        JobSpec spec = JobSpec::fromSettings(*context.settings(), 42, text);
        const JobManager::Submission answered = context.jobs()->submit(spec);
        QCOMPARE(int(answered.kind), int(JobManager::Submission::Kind::CacheHit));
        QCOMPARE(answered.job.provider, QStringLiteral("library"));
        QCOMPARE(answered.job.filePath, video.filePath);
        QCOMPARE(answered.job.actualCost, 0.0);
        QVERIFY2(answered.libraryExplanation.contains(video.id),
                 qPrintable(answered.libraryExplanation));
        QCOMPARE(context.store()->jobForRun(42)->id, answered.job.id);
        const auto recorded = library->matchForRun(42);
        QVERIFY(recorded);
        QCOMPARE(recorded->videoId, video.id);

        // A second run shares the same link job.
        const JobManager::Submission second
                = context.jobs()->submit(JobSpec::fromSettings(*context.settings(), 43, text));
        QCOMPARE(second.job.id, answered.job.id);

        // Clearing the runs removes their links, never the library video.
        QVERIFY(context.jobs()->clearRun(42));
        QVERIFY(context.jobs()->clearRun(43));
        QVERIFY(!context.store()->jobForRun(42));
        QVERIFY(!library->matchForRun(42));
        QVERIFY(QFile::exists(context.videos()->absolutePath(video.filePath)));
        QCOMPARE(library->videos().size(), 1);
        QCOMPARE(context.jobs()->clearAll(), 0);
        QVERIFY(QFile::exists(context.videos()->absolutePath(video.filePath)));

        // A forced provider skips the library; so does force.
        spec.useLibrary = false;
        const JobManager::Submission forced = context.jobs()->submit(spec);
        QCOMPARE(int(forced.kind), int(JobManager::Submission::Kind::Started));
        context.jobs()->cancel(forced.job.id);
    }

    void providerOrder()
    {
        const QString source = sample(QStringLiteral("plank.mp4"), QStringLiteral("320x240"), 1);
        QVERIFY(!source.isEmpty());
        QTemporaryDir dir;
        AppContext context;
        QVERIFY(openContext(context, dir));
        DrillLibrary::ImportRequest request;
        request.file = source;
        request.drills = {QStringLiteral("プランク")};
        QVERIFY(context.library()->importFile(request).ok);
        const QString plank = QStringLiteral("プランクを30秒×3セット");
        const QString other = QStringLiteral("ジョギングを20分");

        // Default order: the library answers what it has; the rest is generated.
        QCOMPARE(int(context.jobs()
                             ->submit(JobSpec::fromSettings(*context.settings(), 1, plank))
                             .kind),
                 int(JobManager::Submission::Kind::CacheHit));
        const JobManager::Submission generated
                = context.jobs()->submit(JobSpec::fromSettings(*context.settings(), 2, other));
        QCOMPARE(int(generated.kind), int(JobManager::Submission::Kind::Started));
        QCOMPARE(generated.job.provider, QStringLiteral("local"));
        QVERIFY(!generated.libraryExplanation.isEmpty());
        context.jobs()->cancel(generated.job.id);

        // Without the library in the order, it is not asked.
        QVERIFY(context.settings()
                        ->setValue("generation/providerOrder", QStringLiteral("local"))
                        .isEmpty());
        const JobManager::Submission local
                = context.jobs()->submit(JobSpec::fromSettings(*context.settings(), 3, plank));
        QCOMPARE(local.job.provider, QStringLiteral("local"));
        context.jobs()->cancel(local.job.id);

        // The library alone: what it lacks is refused, with the reason.
        QVERIFY(context.settings()
                        ->setValue("generation/providerOrder", QStringLiteral("library"))
                        .isEmpty());
        const JobManager::Submission refused
                = context.jobs()->submit(JobSpec::fromSettings(*context.settings(), 4, other));
        QCOMPARE(int(refused.kind), int(JobManager::Submission::Kind::Rejected));
        QVERIFY(!refused.error.isEmpty());

        // "library,openai": openai generates what the library lacks.
        QVERIFY(context.settings()
                        ->setValue("generation/providerOrder", QStringLiteral("library,openai"))
                        .isEmpty());
        QCOMPARE(context.settings()->provider(), QStringLiteral("openai"));
        // openai over its budget: local, the next in the order, makes the video instead.
        QCOMPARE(context.settings()->setValue("generation/providerOrder",
                                              QStringLiteral("library,openai,local")),
                 QString());
        QCOMPARE(context.settings()->setValue("generation/size", QStringLiteral("1280x720")),
                 QString());
        QCOMPARE(context.settings()->setValue("budget/dailyUsd", QStringLiteral("0.01")),
                 QString());
        JobSpec overBudget = JobSpec::fromSettings(*context.settings(), 5, other);
        QCOMPARE(overBudget.provider, QStringLiteral("openai"));
        const JobManager::Submission fallback = context.jobs()->submit(overBudget);
        QCOMPARE(int(fallback.kind), int(JobManager::Submission::Kind::Started));
        QCOMPARE(fallback.job.provider, QStringLiteral("local"));
        context.jobs()->cancel(fallback.job.id);
        // A provider chosen for the request is the only one asked.
        overBudget.useLibrary = false;
        QCOMPARE(int(context.jobs()->submit(overBudget).kind),
                 int(JobManager::Submission::Kind::Rejected));
        QVERIFY(!context.settings()
                         ->setValue("generation/providerOrder", QStringLiteral("library,sora"))
                         .isEmpty());
    }

    void failedImportLeavesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("not a video") << QStringLiteral("text");
        QTest::newRow("cancelled") << QStringLiteral("cancel");
        QTest::newRow("no drill named") << QStringLiteral("nodrill");
    }

    void failedImportLeavesNothing()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        AppContext context;
        QVERIFY(openContext(context, dir));
        DrillLibrary::ImportRequest request;
        request.drills = {QStringLiteral("もも上げ")};
        request.file = sample(QStringLiteral("long.mp4"), QStringLiteral("640x360"), 5);
        std::function<bool(double)> progress;
        if (kind == u"text") {
            request.file = dir.filePath(QStringLiteral("notes.mp4"));
            QFile f(request.file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a video");
        } else if (kind == u"cancel") {
            progress = [](double done) {
                return done < 0.2;
            };
        } else {
            request.drills = {QStringLiteral("  ")};
        }
        const QStringList before = filesUnder(context.videos()->directory());
        const DrillLibrary::ImportResult result = context.library()->importFile(request, progress);
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(result.cancelled, kind == u"cancel");
        QCOMPARE(filesUnder(context.videos()->directory()), before);
        QCOMPARE(context.library()->videos().size(), 0);
    }

    // With library/keepOriginals the recording is kept as it was, beside the converted video.
    void keepsOriginals()
    {
        const QString source = sample(QStringLiteral("plank.mp4"), QStringLiteral("320x240"), 1);
        QTemporaryDir dir;
        AppContext context;
        QVERIFY(openContext(context, dir));
        QCOMPARE(context.settings()->setValue("library/keepOriginals", true), QString());
        DrillLibrary::ImportRequest request;
        request.file = source;
        request.drills = {QStringLiteral("プランク")};
        const DrillLibrary::ImportResult result = context.library()->importFile(request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.video.originalPath.endsWith(QStringLiteral(".mp4")));
        QFile original(context.videos()->absolutePath(result.video.originalPath));
        QFile recording(source);
        QVERIFY(original.open(QIODevice::ReadOnly) && recording.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), recording.readAll());
        // Removing the video removes every file it had.
        QVERIFY(context.library()->removeVideo(result.video.id));
        QCOMPARE(filesUnder(context.videos()->absolutePath(DrillLibrary::folderName())),
                 QStringList());
    }

    // Admins extend the synonyms; a known name stands for its drill.
    void addSynonym()
    {
        const QString source = sample(QStringLiteral("plank.mp4"), QStringLiteral("320x240"), 1);
        QTemporaryDir dir;
        AppContext context;
        QVERIFY(openContext(context, dir));
        DrillLibrary::ImportRequest request;
        request.file = source;
        request.drills = {QStringLiteral("もも上げ")};
        QVERIFY(context.library()->importFile(request).ok);
        const QString text = QStringLiteral("ニーアップを10回");
        QVERIFY(!context.library()->match(text).matched);
        QString drill;
        QVERIFY(context.library()->addSynonym(QStringLiteral("腿上げ"),
                                              QStringLiteral("ニーアップ"), &drill));
        QCOMPARE(drill, QStringLiteral("high-knees"));
        const LibraryMatch match = context.library()->match(text);
        QVERIFY2(match.matched, qPrintable(match.explanation));
    }
};

// A GUI application: runs the library does not answer go to the local renderer, which draws text.
QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
