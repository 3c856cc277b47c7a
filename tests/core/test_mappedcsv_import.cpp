// A spreadsheet of any columns imported through its mapping, end to end: the events a
// newsroom's Cyrillic spreadsheet becomes, importing it again (nothing doubles: rows without
// an id column are found again by their date and title), each messy row refused with its line
// and reason, and the wizard's preview saying exactly what the import then does.

#include "import/importer.h"

#include "importerfixture.h"
#include "mappedcsvfixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

ImportOptions mapped(const ColumnMapping &mapping = kyivMapping())
{
    ImportOptions options;
    options.format = ImportFormat::Csv;
    options.mapping = mapping;
    return options;
}

const Event *eventTitled(const Project &p, std::string_view title)
{
    for (const Event &event : p.events()) {
        if (p.view(event.title) == title)
            return &event;
    }
    ADD_FAILURE() << "no event titled " << title;
    return nullptr;
}

QStringList previewProblems(const QString &path, const ColumnMapping &mapping)
{
    QStringList lines;
    for (const ImportPreviewRow &row : previewMapping(readCsvSample(path), mapping)) {
        if (!row.problem.isEmpty())
            lines << QString::number(row.line) + QStringLiteral(": ") + row.problem;
    }
    return lines;
}

} // namespace

TEST(MappedCsvImport, KyivSpreadsheetBecomesEvents)
{
    Project p;
    const ImportReport report = importFiles({csvFixture("kyiv-strikes.csv")}, p, mapped());
    EXPECT_TRUE(report.problems.empty()) << problemLines(report).join(u'\n').toStdString();
    EXPECT_EQ(report.rows, 20);
    EXPECT_EQ(report.added, 20);
    ASSERT_EQ(p.events().size(), 20u);

    const Event *strike = eventTitled(p, "Удар по критической инфраструктуре");
    ASSERT_TRUE(strike);
    EXPECT_EQ(strike->when, FuzzyTime::fromDate(2022, 11, 23));
    EXPECT_EQ(text(p, strike->summary),
              "ПВО сбила часть ракет, остальные попали в энергообъекты; Киев без света.");
    EXPECT_EQ(
        partyNames(p, *strike),
        (QStringList {QStringLiteral("Вооружённые силы России"), QStringLiteral("ПВО Украины")}));
    EXPECT_EQ(
        sourceTitles(p, *strike),
        (QStringList {QStringLiteral("kyivindependent.com"), QStringLiteral("suspilne.media")}));
    const Citation &first = p.citations(strike->sources).front();
    EXPECT_EQ(text(p, p.sources()[first.source].url),
              "https://kyivindependent.com/missile-strike-nov-23/");
    EXPECT_DOUBLE_EQ(strike->latitude, 50.5110);
    EXPECT_DOUBLE_EQ(strike->longitude, 30.4900);
    EXPECT_EQ(attribute(p, *strike, "Район"), "Вышгородский");
    EXPECT_EQ(attribute(p, *strike, "Погибшие"), "#3");
    EXPECT_EQ(originText(p, *strike).substr(0, 4), "csv ");
    // One party per name across rows, one source per address.
    EXPECT_EQ(p.parties().size(), 2u);

    const Event *iso = eventTitled(p, "Самая массированная атака");
    ASSERT_TRUE(iso);
    EXPECT_EQ(iso->when, FuzzyTime::fromDate(2023, 12, 29));
}

TEST(MappedCsvImport, TheSameFileAgainChangesNothing)
{
    Project p;
    ASSERT_EQ(importFiles({csvFixture("kyiv-strikes.csv")}, p, mapped()).added, 20);
    const ImportReport again = importFiles({csvFixture("kyiv-strikes.csv")}, p, mapped());
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.updated, 0);
    EXPECT_EQ(again.unchanged, 20);
    EXPECT_TRUE(again.missingIds.empty());
    EXPECT_EQ(p.events().size(), 20u);
}

TEST(MappedCsvImport, AnEditedRowUpdatesItsEvent)
{
    QTemporaryDir dir;
    const QString edited = dir.filePath(QStringLiteral("kyiv-strikes.csv"));
    std::string csv = readString(csvFixture("kyiv-strikes.csv"));
    const std::string before = "Отключения света в Киеве и области после атаки.";
    const std::size_t at = csv.find(before);
    ASSERT_NE(at, std::string::npos);
    csv.replace(at, before.size(), "Свет отключали до вечера.");
    ASSERT_TRUE(writeFile(edited, csv));

    Project p;
    ASSERT_EQ(importFiles({csvFixture("kyiv-strikes.csv")}, p, mapped()).added, 20);
    const ImportReport report = importFiles({edited}, p, mapped());
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.unchanged, 19);
    const Event *event = eventTitled(p, "Атака по энергосистеме");
    ASSERT_TRUE(event);
    EXPECT_EQ(text(p, event->summary), "Свет отключали до вечера.");
}

TEST(MappedCsvImport, MessyRowsAreRefusedAndThePreviewSaidSo)
{
    Project p;
    const ImportReport report = importFiles({csvFixture("kyiv-strikes-messy.csv")}, p, mapped());
    const QStringList expected {
        QStringLiteral("3: date \"03/13/2023\" is not a day when read day first (DD/MM/YYYY)"),
        QStringLiteral("4: date \"31.02.2023\" is not a day"),
        QStringLiteral("5: date \"03.04.23\" has a two-digit year"),
        QStringLiteral("6: title is empty"),
        QStringLiteral("7: latitude \"95.2\" is out of range (-90 to 90)"),
        QStringLiteral("8: longitude is empty while latitude is given"),
        QStringLiteral("9: source URL \"https://\" is not a web address"),
        QStringLiteral("10: date \"вчера\" is not a date"),
        QStringLiteral("11: 3 fields where the header has 9"),
        QStringLiteral("15: date is empty"),
    };
    EXPECT_EQ(problemLines(report), expected);
    EXPECT_EQ(report.added, 4);
    EXPECT_EQ(previewProblems(csvFixture("kyiv-strikes-messy.csv"), kyivMapping()), expected);
    const Event *month = eventTitled(p, "Только месяц");
    ASSERT_TRUE(month);
    EXPECT_EQ(month->when.toDisplayString().toStdString(), "Feb 2023");
}

TEST(MappedCsvImport, AMappingForOtherColumnsReadsNothing)
{
    ColumnMapping german;
    german.date = "Datum";
    german.title = "Titel";
    german.header = {"Datum", "Titel"};
    Project p;
    const ImportReport report = importFiles({csvFixture("kyiv-strikes.csv")}, p, mapped(german));
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line, 0);
    EXPECT_TRUE(report.problems[0].reason.contains(
        QStringLiteral("no columns \"Datum\" and \"Titel\" in the file (the mapping was made for "
                       "\"Datum\", \"Titel\")")))
        << report.problems[0].reason.toStdString();
    EXPECT_TRUE(p.events().empty());
}
