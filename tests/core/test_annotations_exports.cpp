// Annotations and internal notes never reach a public export (issue 22): the sample, with a
// marked note and annotation on every item, exported by the real command line to every view
// and format that has text to search (data, pages, SVG pictures), holds neither mark.
// `--with-notes` adds them where they can be marked as internal, and is refused elsewhere.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "model/itemkinds.h"
#include "model/project.h"
#include "testprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using claimline::test::readBytes;
using claimline::test::runClaimline;

namespace {

constexpr const char NoteMark[] = "QQ-INTERNAL-NOTE";
constexpr const char AnnotationMark[] = "QQ-ANNOTATION";
constexpr const char DescriptionMark[] = "QQ-PROJECT-DESCRIPTION";

QStringList arguments(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

class AnnotationExports : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        LoadResult result = loadProject(test::samplePath());
        ASSERT_TRUE(result.ok());
        Project &p = *result.project;
        forEachItemType([&]<typename Item>(std::type_identity<Item>) {
            for (Item &item : p.items<Item>()) {
                Annotation a;
                a.author = p.addText(std::string_view("Ana"));
                a.at = *FuzzyTime::parse("2026-01-02T09:30:00Z");
                a.text = p.addText(std::string(AnnotationMark) + " on "
                                   + std::string(p.view(item.id)));
                item.annotations = p.addAnnotations({&a, 1});
                item.starred = true;
            }
        });
        for (Event &e : p.events())
            e.notes = p.addText(std::string_view(NoteMark));
        for (Claim &c : p.claims())
            c.notes = p.addText(std::string_view(NoteMark));
        for (Source &s : p.sources())
            s.notes = p.addText(std::string_view(NoteMark));
        p.meta().description = p.addText(std::string_view(DescriptionMark));
        project = dir.filePath(QStringLiteral("annotated.claimline"));
        ASSERT_TRUE(saveProject(p, project).isEmpty());
    }

    // Runs `claimline export ARGS --out OUT PROJECT` and returns every byte written (a folder's
    // files one after the other).
    QByteArray exported(const QStringList &args, const QString &out)
    {
        const auto outcome = runClaimline(QStringList {QStringLiteral("export")} + args
                                          + QStringList {QStringLiteral("--out"), out, project});
        EXPECT_EQ(outcome.exitCode, 0)
            << args.join(u' ').toStdString() << ": " << outcome.err.toStdString();
        if (!QFileInfo(out).isDir())
            return readBytes(out);
        QByteArray bytes;
        QDirIterator files(out, QDir::Files);
        while (files.hasNext())
            bytes += readBytes(files.next());
        return bytes;
    }

    QTemporaryDir dir;
    QString project;
};

} // namespace

TEST_F(AnnotationExports, NoPublicExportCarriesNotesOrAnnotations)
{
    struct Case
    {
        QStringList args;
        const char *out;
    };
    const std::vector<Case> cases {
        {arguments({"--format", "csv"}), "data/"},
        {arguments({"--format", "timelinejs", "--claims"}), "timeline.json"},
        {arguments({"--view", "narratives", "--format", "html"}), "matrix.html"},
        {arguments({"--view", "narratives", "--a", "russia", "--b", "ukraine"}), "side.html"},
        {arguments({"--view", "positions", "--format", "html"}), "positions.html"},
        {arguments({"--view", "positions", "--format", "csv"}), "positions.csv"},
        {arguments({"--format", "svg"}), "timeline.svg"},
        {arguments({"--view", "narratives", "--format", "svg"}), "narratives.svg"},
        {arguments({"--view", "positions", "--format", "svg"}), "positions.svg"},
        {arguments({"--view", "chart:claims-per-day", "--format", "svg"}), "chart.svg"},
    };
    for (const Case &c : cases) {
        const QByteArray bytes = exported(c.args, dir.filePath(QString::fromLatin1(c.out)));
        // Each export says something (the sample's items, its title), so that an empty file
        // cannot pass. (The evidence manifest has fixed columns and no text of an item but a
        // source's title: test_evidence holds its columns.)
        EXPECT_GT(bytes.size(), 200) << c.out;
        EXPECT_FALSE(bytes.contains(NoteMark)) << c.out;
        EXPECT_FALSE(bytes.contains(AnnotationMark)) << c.out;
        EXPECT_FALSE(bytes.contains(DescriptionMark)) << c.out;
        // Every item is starred: no ★ is published either (the app's lists show them).
        EXPECT_FALSE(bytes.contains("\u2605")) << c.out;
    }
}

TEST_F(AnnotationExports, WithNotesTheDataAndThePageCarryThemMarkedAsInternal)
{
    const QString folder = dir.filePath(QStringLiteral("notes/"));
    exported(arguments({"--format", "csv", "--with-notes"}), folder);
    const QByteArray events = readBytes(folder + QStringLiteral("events.csv"));
    const QByteArray claims = readBytes(folder + QStringLiteral("claims.csv"));
    const QByteArray headerEnd = QByteArrayLiteral(",starred,internal_notes,annotations\r\n");
    EXPECT_TRUE(events.left(events.indexOf('\n') + 1).endsWith(headerEnd));
    EXPECT_TRUE(claims.left(claims.indexOf('\n') + 1)
                    .endsWith(QByteArray(QByteArrayLiteral(",tags") + headerEnd)));
    EXPECT_TRUE(events.contains(",true,QQ-INTERNAL-NOTE,[2026-01-02T09:30:00Z Ana] QQ-ANNOTATION "
                                "on ev-"));
    EXPECT_TRUE(claims.contains(NoteMark));
    // Relations are no items: their file is as without notes.
    EXPECT_FALSE(readBytes(folder + QStringLiteral("relations.csv")).contains("annotations"));

    const QByteArray timeline = exported(arguments({"--format", "timelinejs", "--with-notes"}),
                                         dir.filePath(QStringLiteral("notes.json")));
    EXPECT_TRUE(timeline.contains("Internal, not for publication"));
    EXPECT_TRUE(timeline.contains("This copy includes internal notes and annotations: not for "
                                  "publication."));
    EXPECT_TRUE(timeline.contains(AnnotationMark));
    EXPECT_TRUE(timeline.contains(NoteMark));

    const QByteArray page
        = exported(arguments({"--view", "narratives", "--format", "html", "--with-notes"}),
                   dir.filePath(QStringLiteral("notes.html")));
    EXPECT_TRUE(page.contains("This copy includes internal notes and annotations: not for "
                              "publication."));
    EXPECT_TRUE(page.contains("<div class=\"internal\">"));
    EXPECT_TRUE(page.contains(AnnotationMark));
    EXPECT_TRUE(page.contains(NoteMark));
    // The project's internal description stays out even then: it is no item's note.
    for (const QByteArray &bytes : {events, claims, timeline, page})
        EXPECT_FALSE(bytes.contains(DescriptionMark));
}

TEST_F(AnnotationExports, WithNotesIsRefusedWhereNotesCannotBeMarked)
{
    for (const QStringList &args :
         {arguments({"--format", "png"}), arguments({"--view", "positions", "--format", "html"}),
          arguments({"--format", "evidence-csv"}),
          arguments({"--view", "chart:claims-per-day", "--format", "svg"})}) {
        const QString out = dir.filePath(QStringLiteral("refused"));
        const auto outcome = runClaimline(
            QStringList {QStringLiteral("export")} + args
            + QStringList {QStringLiteral("--with-notes"), QStringLiteral("--out"), out, project});
        EXPECT_EQ(outcome.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_TRUE(outcome.err.contains("--with-notes applies to the timeline's csv and "
                                         "timelinejs and the narratives' html only"))
            << outcome.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(out));
    }
}
