#pragma once
// Matches a drill text (the advice card's whole drill section) against the library's tagged
// videos: synonyms by MeCab reading and by English words first, then similar readings, then
// similar characters. Built once from the store's rows; match() is read-only and thread-safe.
#include "librarystore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

struct DrillMention
{
    QString drill; // the drill's identifier: a catalog key or an admin's or a tag's own name
    QString name; // for people
    QString said; // the words of the text that name it
    QString term; // the synonym or tag name they matched
    enum class Method { Synonym, Reading, Characters };
    Method method = Method::Synonym;
    double confidence = 0; // 0..1
    qsizetype position = 0; // in the text's body
};

struct LibraryMatch
{
    bool matched = false;
    QString videoId; // the chosen video
    double confidence = 0;
    QList<DrillMention> covered; // the named drills the chosen video shows
    // Named drills the chosen video does not show, with the best library video for each (empty
    // when none).
    QList<QPair<DrillMention, QString>> others;
    QList<DrillMention> notInLibrary; // named drills (known synonyms) no video shows
    QString explanation; // for people, several lines
};

class DrillMatcher
{
public:
    struct Video
    {
        QString id;
        QStringList tags;
        qint64 createdAt = 0;
        QString label; // how the explanation names it
    };

    DrillMatcher();
    ~DrillMatcher();
    DrillMatcher(DrillMatcher &&) noexcept;
    DrillMatcher &operator=(DrillMatcher &&) noexcept;
    Q_DISABLE_COPY(DrillMatcher)

    void build(const QList<DrillSynonym> &synonyms, const QList<Video> &videos);
    static QList<Video> videosOf(const QList<LibraryVideo> &videos);

    // threshold: the lowest confidence (0..1) at which a drill counts as named.
    LibraryMatch match(const QString &text, double threshold) const;
    // The drills the text names (known to the synonyms or the tags), in the order it names them.
    QList<DrillMention> mentions(const QString &text, double threshold) const;

    int videoCount() const;
    int termCount() const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};
