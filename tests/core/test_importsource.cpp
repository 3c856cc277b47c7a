// What a dataset is, as the import finds it from the content: each format from its header or
// its JSON shape, Claimline's CSV export as a folder or any of its files, a mapping that reads
// an unknown header, and the plain reason when a path is none of them.

#include "importerfixture.h"
#include "testsupport.h"

#include "format/projectreader.h"
#include "import/importer.h"
#include "import/importsource.h"
#include "import/mapping/columnmapping.h"
#include "model/project.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

class ImportSource : public ::testing::Test
{
protected:
    QString file(const char *name, std::string_view bytes)
    {
        const QString path = m_dir.filePath(QString::fromUtf8(name));
        EXPECT_TRUE(writeFile(path, bytes));
        return path;
    }

    DatasetProbe probe(const QString &path, ImportFormat format = ImportFormat::Auto,
                       const ColumnMapping *mapping = nullptr)
    {
        return probeDataset(path, format, mapping);
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(ImportSource, EachCsvFormatIsKnownByItsHeader)
{
    EXPECT_EQ(probe(importData("importer-acled.csv")).format, ImportFormat::Acled);
    EXPECT_EQ(probe(importData("importer-ucdp.csv")).format, ImportFormat::Ucdp);
    EXPECT_EQ(probe(file("t.csv",
                         "message,datetime,timestamp_desc\nLogin,2025-12-29T01:00:00+02:00,Event "
                         "Recorded\n"))
                  .format,
              ImportFormat::Timesketch);
    EXPECT_EQ(probe(importData("timelinejs/women_in_computing.csv")).format,
              ImportFormat::TimelineJs);
    // A header that is almost ACLED is read as ACLED, and says what it lacks.
    const DatasetProbe almost = probe(file("a.csv", "event_id_cnty,event_date,actor1\n"));
    EXPECT_EQ(almost.format, ImportFormat::Auto);
    EXPECT_EQ(almost.problem, QStringLiteral("not an ACLED file: no column \"time_precision\""));
}

TEST_F(ImportSource, ClaimlinesCsvExportIsKnownAsAFolderOrByAnyOfItsFiles)
{
    const QString events
        = file("events.csv", "id,title,when,earliest,latest,kind,status,parties,party_names\n");
    const QString claims
        = file("claims.csv",
               "id,made_at,earliest,latest,claimant,claimant_name,party,party_name,"
               "via,via_name,about,about_title,question,question_text,stance,"
               "statement\n");
    const QString relations
        = file("relations.csv", "from,from_party,to,to_party,kind,lag_min_seconds\n");
    EXPECT_EQ(probe(events).format, ImportFormat::ClaimlineCsv);
    EXPECT_EQ(probe(claims).format, ImportFormat::ClaimlineCsv);
    EXPECT_EQ(probe(relations).format, ImportFormat::ClaimlineCsv);
    EXPECT_EQ(probe(m_dir.path()).format, ImportFormat::ClaimlineCsv);
    EXPECT_EQ(probe(m_dir.path(), ImportFormat::ClaimlineCsv).format, ImportFormat::ClaimlineCsv);

    // Not an export: said so, whether asked for or not.
    const QString acled = file("acled.csv", "event_id_cnty,event_date,actor1\n");
    EXPECT_EQ(probe(acled, ImportFormat::ClaimlineCsv).problem,
              QStringLiteral("not a Claimline CSV file: the header is not that of events.csv, "
                             "claims.csv or relations.csv"));
    QTemporaryDir empty;
    const DatasetProbe folder = probe(empty.path());
    EXPECT_EQ(folder.format, ImportFormat::Auto);
    EXPECT_EQ(folder.problem,
              QStringLiteral("is a folder: a folder is imported only when it holds Claimline's "
                             "CSV export (events.csv, claims.csv, relations.csv)"));
}

TEST_F(ImportSource, AJsonDocumentIsTimelineJsAndJsonLinesTimesketch)
{
    const QString timeline
        = file("t.json",
               "\xEF\xBB\xBF {\n \"events\": [ {\"start_date\": {\"year\": \"2012\"}, \"text\": "
               "{\"headline\": \"Iowa\"}} ]\n}\n");
    EXPECT_EQ(probe(timeline).format, ImportFormat::TimelineJs);
    for (const char *name : {"houston.json", "marktwain.json", "republican.json"}) {
        EXPECT_EQ(probe(importData("timelinejs/") + QLatin1String(name)).format,
                  ImportFormat::TimelineJs)
            << name;
    }
    const QString lines = file("t.jsonl",
                               "{\"message\": \"Login\", \"datetime\": \"2025-12-29T01:00:00Z\", "
                               "\"timestamp_desc\": \"Event Recorded\"}\n"
                               "{\"message\": \"Logout\", \"datetime\": \"2025-12-29T02:00:00Z\", "
                               "\"timestamp_desc\": \"Event Recorded\"}\n");
    EXPECT_EQ(probe(lines).format, ImportFormat::Timesketch);

    // JSON asked to be read as a CSV format says what it is.
    EXPECT_EQ(probe(timeline, ImportFormat::Acled).problem,
              QStringLiteral("not an ACLED file: it is JSON"));
    EXPECT_EQ(probe(lines, ImportFormat::Ucdp).problem,
              QStringLiteral("not a UCDP GED file: it is JSON"));
}

TEST_F(ImportSource, AnUnknownHeaderIsReadByAMappingThatFitsIt)
{
    const QString sheet = file("sheet.csv", "Дата,Событие,Сторона\n16.02.2023,Удар,Россия\n");
    const DatasetProbe unknown = probe(sheet);
    EXPECT_EQ(unknown.format, ImportFormat::Auto);
    EXPECT_EQ(unknown.problem,
              QStringLiteral("not a format recognised by its columns (ACLED, UCDP GED, "
                             "TimelineJS, Timesketch or Claimline CSV): import it with a column "
                             "mapping (format \"csv\")"));

    ColumnMapping mapping;
    mapping.date = "Дата";
    mapping.dateOrder = DateOrder::DayFirst;
    mapping.title = "Событие";
    mapping.party = "Сторона";
    EXPECT_EQ(probe(sheet, ImportFormat::Auto, &mapping).format, ImportFormat::Csv);
    EXPECT_EQ(probe(sheet, ImportFormat::Csv, &mapping).format, ImportFormat::Csv);

    // A mapping made for other columns does not make a file readable.
    ColumnMapping other = mapping;
    other.date = "Datum";
    EXPECT_FALSE(probe(sheet, ImportFormat::Auto, &other).problem.isEmpty());
    EXPECT_FALSE(probe(sheet, ImportFormat::Csv, &other).problem.isEmpty());
}

TEST_F(ImportSource, AFileThatCannotBeReadSaysWhy)
{
    const DatasetProbe gone = probe(m_dir.filePath(QStringLiteral("gone.csv")));
    EXPECT_EQ(gone.format, ImportFormat::Auto);
    EXPECT_TRUE(gone.problem.startsWith(QStringLiteral("cannot be read: ")))
        << gone.problem.toStdString();
    EXPECT_EQ(probe(file("empty.csv", "")).problem, QStringLiteral("the file is empty"));
}

TEST_F(ImportSource, ATimelinesTitleSlideNamesANewProjectAndItsErasBecomePeriods)
{
    const QString timeline = file("talks.json", R"({
  "title": {"text": {"headline": "Talks <b>and</b> strikes", "text": "<p>Who said what.</p>"}},
  "events": [
    {"start_date": {"year": "2025", "month": "12", "day": "28"},
     "text": {"headline": "Mar-a-Lago meeting"}, "group": "United States"},
    {"start_date": {"year": "2025", "month": "12", "day": "29"},
     "text": {"headline": "Allegation"}, "group": "Russia"}
  ],
  "eras": [
    {"start_date": {"year": "2025", "month": "12", "day": "28"},
     "end_date": {"year": "2025", "month": "12", "day": "31"},
     "text": {"headline": "Allegation and denials"}}
  ]
}
)");
    Project fresh;
    const ImportReport first = importFiles({timeline}, fresh, {});
    EXPECT_TRUE(first.problems.empty());
    EXPECT_EQ(first.added, 2);
    EXPECT_TRUE(first.titleSet);
    EXPECT_EQ(fresh.text(fresh.meta().title), QStringLiteral("Talks and strikes"));
    EXPECT_EQ(fresh.text(fresh.meta().publicDescription), QStringLiteral("Who said what."));
    ASSERT_EQ(fresh.periods().size(), 1u);
    EXPECT_EQ(fresh.text(fresh.periods()[0].title), QStringLiteral("Allegation and denials"));
    EXPECT_EQ(fresh.periods()[0].when.toEdtf(), "2025-12-28/2025-12-31");
    EXPECT_EQ(first.summary(),
              QStringLiteral("2 events added, 0 updated, 0 unchanged, 0 rows "
                             "refused, 1 period added"));

    // Again: nothing new, the period is not doubled.
    const ImportReport again = importFiles({timeline}, fresh, {});
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.unchanged, 2);
    EXPECT_EQ(again.periodsAdded, 0);
    EXPECT_EQ(fresh.periods().size(), 1u);

    // A project of the user's keeps its own title and description.
    LoadResult sample = loadProject(samplePath());
    ASSERT_TRUE(sample.ok());
    const QString title = sample.project->text(sample.project->meta().title);
    const ImportReport into = importFiles({timeline}, *sample.project, {});
    EXPECT_FALSE(into.titleSet);
    EXPECT_EQ(sample.project->text(sample.project->meta().title), title);
}
