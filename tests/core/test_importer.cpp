// The import, end to end: ACLED and UCDP GED files into a project, as the user gets them
// (events, parties, sources, times, places, origins and attributes), the messy files people
// really have (each bad row refused with its physical line and reason, the good ones in),
// files that are no dataset, cancel, progress, and the report's text.

#include "importerfixture.h"

#include "import/importer.h"
#include "model/project.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

ImportReport importInto(Project &project, const QStringList &files,
                        const ImportOptions &options = {})
{
    return importFiles(files, project, options);
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace

TEST(Importer, AcledRowsBecomeEventsAsTheyRead)
{
    Project p;
    const ImportReport report = importInto(p, {importData("importer-acled.csv")});
    EXPECT_EQ(report.rows, 3);
    EXPECT_EQ(report.added, 3);
    EXPECT_EQ(report.updated + report.unchanged, 0);
    EXPECT_TRUE(report.problems.empty()) << problemLines(report).join(u'\n').toStdString();
    ASSERT_EQ(p.events().size(), 3u);

    const Event &strike = eventById(p, "acled-UKR100");
    EXPECT_EQ(text(p, strike.title), "Air/drone strike in Kharkiv");
    EXPECT_EQ(text(p, strike.summary),
              "On 16 February 2023, a drone hit a residential block in Kharkiv (Харків); "
              "officials called it \"deliberate\", 3 killed.");
    EXPECT_EQ(strike.when, FuzzyTime::fromDate(2023, 2, 16));
    EXPECT_EQ(strike.when.toDisplayString(), QStringLiteral("16 Feb 2023"));
    EXPECT_EQ(partyNames(p, strike),
              strings({"Military Forces of Russia (2000-)", "Civilians (Ukraine)"}));
    // "a; b": two sources, trimmed.
    EXPECT_EQ(sourceTitles(p, strike), strings({"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(kindOf(p, strike), "Explosions/Remote violence");
    EXPECT_EQ(tagWords(p, strike), strings({"Air/drone strike"}));
    EXPECT_EQ(text(p, strike.locationName), "Kharkiv");
    EXPECT_DOUBLE_EQ(strike.latitude, 49.9935);
    EXPECT_DOUBLE_EQ(strike.longitude, 36.2304);
    EXPECT_EQ(strike.locationPrecision, LocationPrecision::Town);
    EXPECT_EQ(strike.status, Status::Unverified);
    EXPECT_EQ(originText(p, strike), "acled UKR100 1676600000");
    EXPECT_EQ(attribute(p, strike, "fatalities"), "#3");
    EXPECT_EQ(attribute(p, strike, "admin1"), "Kharkiv");
    EXPECT_EQ(attribute(p, strike, "civilian_targeting"), "Civilian targeting");
    // The time and the version are the event's own fields, not attributes.
    EXPECT_EQ(attribute(p, strike, "event_date"), std::nullopt);
    EXPECT_EQ(attribute(p, strike, "timestamp"), std::nullopt);

    // time_precision 2: the week around the date, written as "16 February 2023".
    const Event &clash = eventById(p, "acled-UKR101");
    EXPECT_EQ(clash.when, FuzzyTime::fromDays(2023, 2, 13, 19));
    EXPECT_EQ(clash.locationPrecision, LocationPrecision::Area);
    // time_precision 3: the month only.
    const Event &statements = eventById(p, "acled-UKR102");
    EXPECT_EQ(statements.when, FuzzyTime::parse("2023-02"));
    EXPECT_EQ(statements.locationPrecision, LocationPrecision::Region);
    EXPECT_EQ(text(p, statements.summary),
              "In February 2023, both governments traded statements.\nThe exact day is not known.");

    // One party per distinct actor, one source per distinct name, with readable ids.
    EXPECT_EQ(p.parties().size(), 5u);
    EXPECT_EQ(report.newParties.size(), 5u);
    EXPECT_EQ(report.newParties.front(), "Military Forces of Russia (2000-)");
    const std::uint32_t russia = indexOf(p, "military-forces-of-russia-2000", ItemKind::Party);
    EXPECT_EQ(p.text(p.parties()[russia].name),
              QStringLiteral("Military Forces of Russia (2000-)"));
    ASSERT_EQ(p.sources().size(), 3u);
    const std::uint32_t pravda = indexOf(p, "src-ukrainska-pravda", ItemKind::Source);
    EXPECT_EQ(p.text(p.sources()[pravda].title), QStringLiteral("Ukrainska Pravda"));
    EXPECT_EQ(p.text(p.sources()[pravda].outlet), QStringLiteral("Ukrainska Pravda"));
    EXPECT_EQ(sourceTitles(p, statements), strings({"TASS", "Ukrainska Pravda"}));

    // What the views ask for works on the imported project.
    EXPECT_EQ(p.eventsInRange(FuzzyTime::fromDate(2023, 2, 16).start(),
                              FuzzyTime::fromDate(2023, 2, 16).end())
                  .size(),
              3u);
}

TEST(Importer, UcdpRowsBecomeEventsAsTheyRead)
{
    Project p;
    const ImportReport report = importInto(p, {importData("importer-ucdp.csv")});
    EXPECT_EQ(report.added, 2);
    EXPECT_TRUE(report.problems.empty()) << problemLines(report).join(u'\n').toStdString();

    const Event &missiles = eventById(p, "ucdp-900001");
    EXPECT_EQ(text(p, missiles.title), "State-based conflict in Kharkiv city");
    EXPECT_EQ(missiles.when, FuzzyTime::fromDate(2023, 2, 16));
    EXPECT_EQ(partyNames(p, missiles),
              strings({"Government of Russia (Soviet Union)", "Government of Ukraine"}));
    EXPECT_EQ(sourceTitles(p, missiles), strings({"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(missiles.locationPrecision, LocationPrecision::Point);
    // UCDP has no row version.
    EXPECT_EQ(originText(p, missiles), "ucdp 900001 ");
    EXPECT_EQ(attribute(p, missiles, "best"), "#3");
    EXPECT_EQ(attribute(p, missiles, "high"), "#5");

    // date_start .. date_end: the interval of days.
    const Event &shelling = eventById(p, "ucdp-900002");
    EXPECT_EQ(shelling.when, FuzzyTime::fromDays(2023, 2, 17, 20));
    EXPECT_EQ(shelling.when.toDisplayString(), QStringLiteral("17–20 Feb 2023"));
    EXPECT_EQ(kindOf(p, shelling), "one-sided violence");
    EXPECT_EQ(shelling.locationPrecision, LocationPrecision::Region);
    // One party for a side named in both rows.
    EXPECT_EQ(p.parties().size(), 3u);
}

TEST(Importer, TwoFormatsInOneImportShareSourcesByName)
{
    Project p;
    const ImportReport report
        = importInto(p, {importData("importer-acled.csv"), importData("importer-ucdp.csv")});
    EXPECT_EQ(report.added, 5);
    // Ukrainska Pravda and Kyiv Independent are cited by both files: still one source each.
    EXPECT_EQ(p.sources().size(), 3u);
    EXPECT_EQ(report.summary(),
              QStringLiteral("5 events added, 0 updated, 0 unchanged, 0 rows refused"));
}

TEST(Importer, ReusesPartiesAndSourcesTheProjectHasAndKeepsItsIds)
{
    Project p = projectFromJson(R"json({"format": "claimline", "version": 1,
        "parties": [{"id": "civilians", "name": "Civilians in Ukraine", "short": "civilians (ukraine)"},
                    {"id": "src-tass", "name": "Someone"}],
        "sources": [{"id": "ki", "title": "Kyiv Independent"}],
        "events": [{"id": "acled-UKR100", "title": "My own note", "when": "2023-02-16",
                    "parties": ["civilians"]}]})json");
    const ImportReport report = importInto(p, {importData("importer-acled.csv")});
    EXPECT_EQ(report.added, 3);
    // The user's event keeps its id and its text; the imported one gets a free id.
    EXPECT_EQ(text(p, eventById(p, "acled-UKR100").title), "My own note");
    const Event &strike = eventById(p, "acled-UKR100-2");
    EXPECT_EQ(text(p, strike.title), "Air/drone strike in Kharkiv");
    // A party matched by short name whatever the case; a source by its title.
    EXPECT_EQ(partyNames(p, strike),
              strings({"Military Forces of Russia (2000-)", "Civilians in Ukraine"}));
    EXPECT_EQ(sourceTitles(p, strike), strings({"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(p.sources().size(), 3u); // ki, Ukrainska Pravda, TASS
    EXPECT_EQ(p.find("src-kyiv-independent"), std::nullopt);
    EXPECT_EQ(std::count(report.newParties.begin(), report.newParties.end(), "Civilians (Ukraine)"),
              0);
    // Ids are one namespace: "src-tass" is a party's, so the new source takes the next one.
    const std::uint32_t tass = indexOf(p, "src-tass-2", ItemKind::Source);
    EXPECT_EQ(p.text(p.sources()[tass].title), QStringLiteral("TASS"));
}

// --- real, messy files ----------------------------------------------------------------------

class ImporterEncodings : public testing::TestWithParam<const char *>
{
};

TEST_P(ImporterEncodings, ReadAsThePlainFile)
{
    Project plain;
    ASSERT_EQ(importInto(plain, {importData("importer-acled.csv")}).added, 3);
    Project p;
    const ImportReport report = importInto(p, {importData(GetParam())});
    EXPECT_TRUE(report.problems.empty()) << problemLines(report).join(u'\n').toStdString();
    ASSERT_EQ(report.added, 3);
    for (const char *id : {"acled-UKR100", "acled-UKR101", "acled-UKR102"}) {
        const Event &a = eventById(plain, id);
        const Event &b = eventById(p, id);
        EXPECT_EQ(text(p, b.title), text(plain, a.title)) << id;
        EXPECT_EQ(text(p, b.summary), text(plain, a.summary)) << id;
        EXPECT_EQ(b.when, a.when) << id;
        EXPECT_EQ(partyNames(p, b), partyNames(plain, a)) << id;
        EXPECT_EQ(sourceTitles(p, b), sourceTitles(plain, a)) << id;
        EXPECT_EQ(originText(p, b), originText(plain, a)) << id;
        EXPECT_EQ(attribute(p, b, "fatalities"), attribute(plain, a, "fatalities")) << id;
    }
    // The BOM is not part of the first column's name, and UTF-16 Cyrillic arrives intact.
    EXPECT_NE(text(p, eventById(p, "acled-UKR100").summary).find("(Харків)"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Files, ImporterEncodings,
                         testing::Values("importer-acled-bom.csv", "importer-acled-utf16.csv",
                                         "importer-acled-semicolon.csv", "importer-acled-tab.tsv"));

TEST(Importer, RefusesBadRowsWithTheirPhysicalLineAndImportsTheRest)
{
    Project p;
    const QString file = importData("importer-acled-messy.csv");
    const ImportReport report = importInto(p, {file});
    // Line 3 is empty, the row on line 4 runs to line 6 (line breaks inside quotes).
    EXPECT_EQ(
        problemLines(report),
        strings({"7: 17 fields where the header has 31", "8: 33 fields where the header has 31",
                 "9: event_date \"not a date\" is not a date",
                 "10: event_date \"2026-02-30\" is not a date"}));
    for (const ImportProblem &problem : report.problems)
        EXPECT_EQ(problem.file, file);
    EXPECT_EQ(report.problems.front().toString(),
              file + QStringLiteral(":7: 17 fields where the header has 31"));
    EXPECT_EQ(report.rows, 7);
    EXPECT_EQ(report.refused(), 4);
    EXPECT_EQ(report.added, 3);
    EXPECT_EQ(p.events().size(), 3u);
    EXPECT_EQ(text(p, eventById(p, "acled-UKR201").summary),
              "Line one,\nline two with \"quotes\",\nline three.");
    EXPECT_EQ(text(p, eventById(p, "acled-UKR206").summary),
              "After the bad rows, \"quoted\", with a comma.");
    for (const char *refused : {"acled-UKR202", "acled-UKR203", "acled-UKR204", "acled-UKR205"})
        EXPECT_EQ(p.find(refused), std::nullopt) << refused;
    EXPECT_EQ(report.summary(),
              QStringLiteral("3 events added, 0 updated, 0 unchanged, 4 rows refused"));
}

TEST(Importer, AFileThatIsNoDatasetIsReportedAndChangesNothing)
{
    Project p;
    const QString file = importData("importer-not-a-dataset.csv");
    const ImportReport report = importInto(p, {file});
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line, 0);
    EXPECT_EQ(report.problems[0].toString(),
              file
                  + QStringLiteral(": not a format recognised by its columns (ACLED, UCDP GED, "
                                   "TimelineJS, Timesketch or Claimline CSV): import it with a "
                                   "column mapping (format \"csv\")"));
    EXPECT_EQ(report.refused(), 0);
    EXPECT_EQ(
        report.summary(),
        QStringLiteral("0 events added, 0 updated, 0 unchanged, 0 rows refused, 1 file not read"));
    EXPECT_TRUE(p.events().empty());
    EXPECT_TRUE(p.parties().empty());
}

TEST(Importer, AFileOfTheWrongFormatOrNoFileAtAll)
{
    Project p;
    ImportOptions ucdp;
    ucdp.format = ImportFormat::Ucdp;
    const ImportReport wrong = importInto(p, {importData("importer-acled.csv")}, ucdp);
    ASSERT_EQ(wrong.problems.size(), 1u);
    EXPECT_TRUE(
        wrong.problems[0].reason.startsWith(QStringLiteral("not a UCDP GED file: no column")))
        << wrong.problems[0].reason.toStdString();

    // A header that is almost ACLED names what it lacks.
    QTemporaryDir dir;
    const QString almost = dir.filePath(QStringLiteral("almost.csv"));
    ASSERT_TRUE(writeFile(almost, "event_id_cnty,actor1,notes\nUKR1,Someone,Text\n"));
    const ImportReport lacking = importInto(p, {almost});
    ASSERT_EQ(lacking.problems.size(), 1u);
    EXPECT_EQ(lacking.problems[0].reason,
              QStringLiteral("not an ACLED or UCDP GED file: no column \"event_date\""));

    const QString empty = dir.filePath(QStringLiteral("empty.csv"));
    ASSERT_TRUE(writeFile(empty, ""));
    const ImportReport nothing = importInto(p, {empty, dir.filePath(QStringLiteral("gone.csv"))});
    ASSERT_EQ(nothing.problems.size(), 2u);
    EXPECT_EQ(nothing.problems[0].reason, QStringLiteral("the file is empty"));
    EXPECT_TRUE(nothing.problems[1].reason.startsWith(QStringLiteral("cannot be read: ")));
    EXPECT_TRUE(p.events().empty());
}

// --- progress and cancel --------------------------------------------------------------------

namespace {

// An ACLED file of `rows` rows (ids UKR1...), written to `path`.
bool writeAcledRows(const QString &path, int rows)
{
    QByteArray header = readBytes(importData("importer-acled.csv"));
    header.truncate(header.indexOf('\n') + 1);
    QByteArray text = header;
    for (int i = 1; i <= rows; ++i) {
        text += "UKR" + QByteArray::number(i)
            + ",2023-02-16,2023,1,Political violence,Battles,Armed clash,Side A,,1,Side B,,1,11,,"
              "804,Europe,Ukraine,Donetsk,,,Bakhmut,48.59,38.00,1,Kyiv Independent,National,"
              "Notes.,0,,1676600000\n";
    }
    return writeFile(path, text);
}

} // namespace

TEST(Importer, ReportsProgressInBytes)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rows.csv"));
    ASSERT_TRUE(writeAcledRows(file, 10000));
    Project p;
    ImportProgress progress;
    const ImportReport report
        = importFiles({file, importData("importer-ucdp.csv")}, p, {}, &progress);
    EXPECT_EQ(report.added, 10002);
    EXPECT_EQ(progress.bytesTotal.load(),
              QFile(file).size() + QFile(importData("importer-ucdp.csv")).size());
    EXPECT_EQ(progress.bytesDone.load(), progress.bytesTotal.load());
    EXPECT_EQ(progress.percent(), 100);

    ImportProgress half;
    half.bytesTotal = 400;
    half.bytesDone = 100;
    EXPECT_EQ(half.percent(), 25);
    EXPECT_EQ(ImportProgress().percent(), 0);
}

TEST(Importer, CancelStopsTheImportAndTheCallersProjectIsUntouched)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rows.csv"));
    ASSERT_TRUE(writeAcledRows(file, 20000));
    Project original;
    ASSERT_EQ(importInto(original, {importData("importer-acled.csv")}).added, 3);
    const std::size_t events = original.events().size();
    const std::size_t parties = original.parties().size();

    // The caller imports into a clone and drops it when cancelled.
    Project clone = original.clone();
    ImportProgress progress;
    progress.cancel = true;
    const ImportReport report = importFiles({file}, clone, {}, &progress);
    EXPECT_TRUE(report.cancelled);
    // Noticed within the file, long before its end.
    EXPECT_LT(report.rows, 20000);
    EXPECT_LT(progress.percent(), 100);
    EXPECT_EQ(report.summary(), QStringLiteral("import cancelled"));

    EXPECT_EQ(original.events().size(), events);
    EXPECT_EQ(original.parties().size(), parties);
    EXPECT_EQ(original.find("acled-UKR1"), std::nullopt);
    EXPECT_EQ(text(original, eventById(original, "acled-UKR100").title),
              "Air/drone strike in Kharkiv");
}

TEST(Importer, CancelIsNoticedBetweenSmallFiles)
{
    Project p;
    ImportProgress progress;
    progress.cancel = true;
    const ImportReport report = importFiles(
        {importData("importer-acled.csv"), importData("importer-ucdp.csv")}, p, {}, &progress);
    EXPECT_TRUE(report.cancelled);
    // The second file was never read.
    EXPECT_EQ(p.find("ucdp-900001"), std::nullopt);
}

// --- the report -----------------------------------------------------------------------------

TEST(ImportReport, SummaryCountsInEnglish)
{
    ImportReport report;
    report.added = 1204;
    report.updated = 3;
    for (int line : {12, 40})
        report.problems.push_back({QStringLiteral("a.csv"), line, QStringLiteral("why")});
    EXPECT_EQ(report.summary(),
              QStringLiteral("1,204 events added, 3 updated, 0 unchanged, 2 rows refused"));

    ImportReport one;
    one.added = 1;
    one.unchanged = 1;
    one.problems.push_back({QStringLiteral("a.csv"), 2, QStringLiteral("why")});
    one.missingIds = {"UKR1", "UKR2"};
    EXPECT_EQ(one.summary(),
              QStringLiteral("1 event added, 0 updated, 1 unchanged, 1 row "
                             "refused, 2 missing (kept)"));
    one.removed = 2;
    EXPECT_EQ(one.summary(),
              QStringLiteral("1 event added, 0 updated, 1 unchanged, 1 row "
                             "refused, 2 missing (removed)"));
}

TEST(ImportReport, ProblemsAsCsvAndAsLines)
{
    ImportReport report;
    report.problems.push_back(
        {QStringLiteral("a, b.csv"), 7, QStringLiteral("event_date \"not a date\" is not a date")});
    report.problems.push_back({QStringLiteral("x.csv"), 0, QStringLiteral("=not a formula")});
    EXPECT_EQ(report.problemsCsv(),
              QStringLiteral("file,line,reason\r\n"
                             "\"a, b.csv\",7,\"event_date \"\"not a date\"\" is not a date\"\r\n"
                             "x.csv,0,'=not a formula\r\n"));
    EXPECT_EQ(report.problems[0].toString(),
              QStringLiteral("a, b.csv:7: event_date \"not a date\" is not a date"));
    EXPECT_EQ(report.problems[1].toString(), QStringLiteral("x.csv: =not a formula"));
    EXPECT_EQ(report.refused(), 1);
}

// --- the survey -----------------------------------------------------------------------------

TEST(ImportSurvey, PreviewsTheFirstRowsAndCountsPartyNames)
{
    const ImportSurvey survey
        = surveyFile(importData("importer-acled-messy.csv"), ImportFormat::Auto, 4);
    EXPECT_TRUE(survey.error.isEmpty()) << survey.error.toStdString();
    EXPECT_EQ(survey.format, ImportFormat::Acled);
    EXPECT_EQ(survey.delimiter, ',');
    EXPECT_EQ(survey.rows, 7);
    EXPECT_EQ(survey.refused, 4);
    ASSERT_EQ(survey.firstRows.size(), 4u);
    const ImportPreviewRow &first = survey.firstRows[0];
    EXPECT_EQ(first.line, 2);
    EXPECT_EQ(first.when, QStringLiteral("1 Mar 2023"));
    EXPECT_EQ(first.title, QStringLiteral("Armed clash in Avdiivka"));
    EXPECT_EQ(first.parties,
              strings({"Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"}));
    EXPECT_EQ(first.place, QStringLiteral("Avdiivka (town)"));
    EXPECT_TRUE(first.problem.isEmpty());
    EXPECT_EQ(survey.firstRows[1].line, 4);
    EXPECT_EQ(survey.firstRows[2].line, 7);
    EXPECT_EQ(survey.firstRows[2].problem, QStringLiteral("17 fields where the header has 31"));
    EXPECT_EQ(survey.firstRows[3].line, 8);
    // Counted over the whole file (3 good rows), not only the previewed ones.
    ASSERT_EQ(survey.partyNames.size(), 2u);
    EXPECT_EQ(survey.partyNames[0].name, "Military Forces of Russia (2000-)");
    EXPECT_EQ(survey.partyNames[0].rows, 3);
}

TEST(ImportSurvey, MostNamedPartiesFirst)
{
    ImportProgress progress;
    const ImportSurvey survey
        = surveyFile(importData("importer-acled.csv"), ImportFormat::Auto, 20, &progress);
    EXPECT_EQ(survey.rows, 3);
    EXPECT_EQ(survey.refused, 0);
    EXPECT_EQ(survey.firstRows.size(), 3u);
    EXPECT_EQ(survey.firstRows[1].when, QStringLiteral("13–19 Feb 2023"));
    EXPECT_EQ(survey.firstRows[2].place, QStringLiteral("Novgorod (region)"));
    ASSERT_EQ(survey.partyNames.size(), 5u);
    EXPECT_EQ(survey.partyNames[0].name, "Military Forces of Russia (2000-)");
    EXPECT_EQ(survey.partyNames[0].rows, 2);
    for (std::size_t i = 1; i < survey.partyNames.size(); ++i)
        EXPECT_EQ(survey.partyNames[i].rows, 1);
    // Ties by name.
    EXPECT_EQ(survey.partyNames[1].name, "Civilians (Ukraine)");
    EXPECT_EQ(progress.percent(), 100);
}

TEST(ImportSurvey, SaysWhyAFileIsNoDataset)
{
    const ImportSurvey survey
        = surveyFile(importData("importer-not-a-dataset.csv"), ImportFormat::Auto);
    EXPECT_EQ(survey.format, ImportFormat::Auto);
    EXPECT_EQ(survey.error,
              QStringLiteral("not a format recognised by its columns (ACLED, UCDP GED, "
                             "TimelineJS, Timesketch or Claimline CSV): import it with a column "
                             "mapping (format \"csv\")"));
    EXPECT_TRUE(survey.firstRows.empty());
}

TEST(Importer, AHeaderThatCannotBeReadRefusesTheFile)
{
    // A legacy code page: "é" as the byte E9 is not UTF-8, and the columns cannot be trusted.
    QTemporaryDir dir;
    const QString latin1 = dir.filePath(QStringLiteral("latin1.csv"));
    std::string text = readString(importData("importer-acled.csv"));
    text.insert(text.find('\n'), ",r\xe9gion");
    ASSERT_TRUE(writeFile(latin1, text));
    Project p;
    const ImportReport report = importFiles({latin1}, p, {});
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line, 0);
    EXPECT_EQ(report.problems[0].reason,
              QStringLiteral("the header line cannot be read: not UTF-8 text"));
    EXPECT_TRUE(p.events().empty());
}
