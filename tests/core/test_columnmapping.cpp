// The column mapping's first guess and checks: which columns a spreadsheet's header names
// (in the languages newsrooms write them), what a date column's values say of their order
// (and when they cannot say: the wizard's warning), the sample the wizard previews, and the
// header signature mappings are remembered by.

#include "import/mapping/columnmapping.h"

#include "import/importer.h"
#include "mappedcsvfixture.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// A sample with this header and rows, as readCsvSample() gives it.
CsvSample sampleOf(std::vector<std::string> header, std::vector<std::vector<std::string>> rows)
{
    CsvSample sample;
    sample.header = std::move(header);
    sample.rows = std::move(rows);
    for (std::size_t i = 0; i < sample.rows.size(); ++i)
        sample.lines.push_back(std::int64_t(i) + 2);
    return sample;
}

// A one-column sample of dates.
CsvSample dates(std::vector<std::string> values)
{
    std::vector<std::vector<std::string>> rows;
    for (std::string &value : values)
        rows.push_back({std::move(value)});
    return sampleOf({"Date"}, std::move(rows));
}

// The guess for a header whose rows are empty cells.
ColumnMapping guessFor(std::vector<std::string> header)
{
    const std::size_t count = header.size();
    return guessMapping(sampleOf(std::move(header), {std::vector<std::string>(count)}));
}

} // namespace

TEST(ColumnMapping, GuessesTheKyivSpreadsheet)
{
    const CsvSample sample = readCsvSample(csvFixture("kyiv-strikes.csv"));
    ASSERT_TRUE(sample.error.isEmpty()) << sample.error.toStdString();
    EXPECT_EQ(sample.header, kyivColumns());
    EXPECT_EQ(sample.rows.size(), 20u);
    EXPECT_EQ(sample.delimiter, ',');
    // The guess is what a person would choose: day first, as 17.10.2022 shows.
    EXPECT_EQ(guessMapping(sample), kyivMapping());
}

TEST(ColumnMapping, GuessesHeadersInSixLanguages)
{
    ColumnMapping english = guessFor({"Event ID", "Date", "Headline", "Actor", "Notes",
                                      "Source URL", "Location", "Latitude", "Longitude"});
    EXPECT_EQ(english.id, "Event ID");
    EXPECT_EQ(english.date, "Date");
    EXPECT_EQ(english.title, "Headline");
    EXPECT_EQ(english.party, "Actor");
    EXPECT_EQ(english.summary, "Notes");
    EXPECT_EQ(english.sourceUrl, "Source URL");
    EXPECT_EQ(english.place, "Location");
    EXPECT_EQ(english.latitude, "Latitude");
    EXPECT_EQ(english.longitude, "Longitude");

    const ColumnMapping german = guessFor({"Datum", "Titel", "Partei", "Beschreibung", "Quelle"});
    EXPECT_EQ(german.date, "Datum");
    EXPECT_EQ(german.title, "Titel");
    EXPECT_EQ(german.party, "Partei");
    EXPECT_EQ(german.summary, "Beschreibung");
    EXPECT_EQ(german.sourceUrl, "Quelle");

    const ColumnMapping french = guessFor({"DATE", "Titre", "Acteur", "Description", "Lien"});
    EXPECT_EQ(french.date, "DATE");
    EXPECT_EQ(french.title, "Titre");
    EXPECT_EQ(french.party, "Acteur");
    EXPECT_EQ(french.sourceUrl, "Lien");

    const ColumnMapping spanish = guessFor({"Fecha", "Título", "Actor", "Descripción", "Fuente"});
    EXPECT_EQ(spanish.date, "Fecha");
    EXPECT_EQ(spanish.title, "Título");
    EXPECT_EQ(spanish.summary, "Descripción");

    const ColumnMapping ukrainian
        = guessFor({"ДАТА", "Подія", "Сторона", "Опис", "Джерело", "Широта", "Довгота"});
    EXPECT_EQ(ukrainian.date, "ДАТА");
    EXPECT_EQ(ukrainian.title, "Подія");
    EXPECT_EQ(ukrainian.party, "Сторона");
    EXPECT_EQ(ukrainian.summary, "Опис");
    EXPECT_EQ(ukrainian.sourceUrl, "Джерело");
    EXPECT_EQ(ukrainian.latitude, "Широта");
    EXPECT_EQ(ukrainian.longitude, "Довгота");
}

TEST(ColumnMapping, GuessPrefersWholeNamesAndKeepsRolesApart)
{
    // "Event" is the title even beside "Event date"; "End date" is not the date.
    const ColumnMapping events = guessFor({"Event date", "End date", "Event", "Long description"});
    EXPECT_EQ(events.date, "Event date");
    EXPECT_EQ(events.endDate, "End date");
    EXPECT_EQ(events.title, "Event");
    EXPECT_EQ(events.summary, "Long description");
    EXPECT_EQ(events.longitude, "");
    // One coordinates column; a latitude alone is no position.
    EXPECT_EQ(guessFor({"date", "title", "Coordinates"}).coordinates, "Coordinates");
    const ColumnMapping half = guessFor({"date", "title", "lat"});
    EXPECT_EQ(half.latitude, "");
    EXPECT_EQ(half.longitude, "");
}

TEST(ColumnMapping, GuessFindsTheDateAndTitleByTheirValues)
{
    const CsvSample sample
        = sampleOf({"n", "when it happened", "what", "link"},
                   {{"1", "25/12/2023", "Strike on the power plant", "https://example.org/a"},
                    {"2", "26/12/2023", "Shelling of the market", "https://example.org/b"}});
    const ColumnMapping mapping = guessMapping(sample);
    EXPECT_EQ(mapping.date, "when it happened");
    EXPECT_EQ(mapping.dateOrder, DateOrder::DayFirst);
    EXPECT_EQ(mapping.title, "what");
    EXPECT_EQ(mapping.sourceUrl, "link");
}

TEST(ColumnMapping, DateOrderFitsTheValues)
{
    const DateColumnFit dayFirst = fitDateColumn(dates({"03.04.2023", "25.12.2023", ""}), 0);
    EXPECT_EQ(dayFirst.fits, std::vector<DateOrder> {DateOrder::DayFirst});
    EXPECT_FALSE(dayFirst.ambiguous);
    EXPECT_EQ(guessMapping(dates({"03.04.2023", "25.12.2023"})).dateOrder, DateOrder::DayFirst);

    const DateColumnFit monthFirst = fitDateColumn(dates({"12/25/2023", "2023-01-02"}), 0);
    EXPECT_EQ(monthFirst.fits, std::vector<DateOrder> {DateOrder::MonthFirst});
    EXPECT_EQ(guessMapping(dates({"12/25/2023", "01/02/2023"})).dateOrder, DateOrder::MonthFirst);

    // ISO and written days read under every order: nothing to choose.
    const DateColumnFit iso = fitDateColumn(dates({"2023-04-03", "16 February 2023"}), 0);
    EXPECT_EQ(iso.fits.size(), 4u);
    EXPECT_FALSE(iso.ambiguous);
    EXPECT_EQ(guessMapping(dates({"2023-04-03", "2023-04"})).dateOrder, DateOrder::Iso);
    EXPECT_EQ(guessMapping(dates({"16 February 2023"})).dateOrder, DateOrder::Written);

    // A value no order reads is counted; the others still say their order.
    const DateColumnFit typo = fitDateColumn(dates({"25.12.2023", "soon", "03/13/23"}), 0);
    EXPECT_EQ(typo.fits, std::vector<DateOrder> {DateOrder::DayFirst});
    EXPECT_EQ(typo.unreadable, 2);
}

TEST(ColumnMapping, AmbiguousWhenEveryDayIsTwelveOrLess)
{
    const DateColumnFit both = fitDateColumn(dates({"03/04/2023", "05/06/2023", "2023-07-08"}), 0);
    EXPECT_EQ(both.fits, (std::vector<DateOrder> {DateOrder::DayFirst, DateOrder::MonthFirst}));
    EXPECT_TRUE(both.ambiguous);
    // The guess then is day first (the wizard warns).
    EXPECT_EQ(guessMapping(dates({"03/04/2023", "05/06/2023"})).dateOrder, DateOrder::DayFirst);
    // Days equal to their month read the same either way: nothing to warn about.
    const DateColumnFit same = fitDateColumn(dates({"01/01/2023", "02.02.2023"}), 0);
    EXPECT_EQ(same.fits.size(), 2u);
    EXPECT_FALSE(same.ambiguous);
    // One day past the twelfth settles it.
    EXPECT_FALSE(fitDateColumn(dates({"03/04/2023", "13/04/2023"}), 0).ambiguous);
}

TEST(ColumnMapping, CheckNamesTheFirstProblem)
{
    const std::vector<std::string_view> header(kyivColumns().begin(), kyivColumns().end());
    EXPECT_TRUE(checkMapping(kyivMapping(), header).isEmpty());
    ColumnMapping mapping = kyivMapping();
    mapping.date.clear();
    EXPECT_EQ(checkMapping(mapping, header).toStdString(), "no date column chosen");
    mapping = kyivMapping();
    mapping.title.clear();
    EXPECT_EQ(checkMapping(mapping, header).toStdString(), "no title column chosen");
    mapping = kyivMapping();
    mapping.longitude.clear();
    EXPECT_EQ(checkMapping(mapping, header).toStdString(),
              "a latitude column is chosen without a longitude column");
    mapping = kyivMapping();
    mapping.coordinates = "Район";
    EXPECT_EQ(checkMapping(mapping, header).toStdString(),
              "both a coordinates column and latitude and longitude columns are chosen: choose "
              "one or the other");
    const std::vector<std::string_view> other {"Datum", "Titel"};
    EXPECT_EQ(checkMapping(kyivMapping(), other).toStdString(),
              "no columns \"Дата\", \"Событие\", \"Сторона\", \"Описание\", \"Источник\", "
              "\"lat\" and \"lon\" in the file (the mapping was made for \"Дата\", \"Событие\", "
              "\"Сторона\", \"Описание\", \"Источник\", \"Район\", …)");
}

TEST(ColumnMapping, HeaderSignatureIsTheColumnsInOrder)
{
    const std::vector<std::string_view> a {"Дата", "Событие", "lat"};
    const std::vector<std::string_view> spaced {" Дата", "Событие ", "\xEF\xBB\xBFlat"};
    const std::vector<std::string_view> reordered {"Событие", "Дата", "lat"};
    const std::vector<std::string_view> fewer {"Дата", "Событие"};
    const std::vector<std::string_view> joined {"Дата", "Событиеlat"};
    EXPECT_EQ(headerSignature(a), headerSignature(spaced));
    EXPECT_NE(headerSignature(a), headerSignature(reordered));
    EXPECT_NE(headerSignature(a), headerSignature(fewer));
    EXPECT_NE(headerSignature(fewer), headerSignature(joined));
    // Usable as a settings key: no "/" or "\" (groups), printable.
    const QString signature = headerSignature(a);
    EXPECT_FALSE(signature.isEmpty());
    EXPECT_FALSE(signature.contains(u'/') || signature.contains(u'\\'));
}

TEST(ColumnMapping, SampleReadsTabsAndSays)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tabs.tsv"));
    ASSERT_TRUE(writeFile(path, "Datum\tTitel\n16.02.2023\tLuftalarm\n17.02.2023\tStromausfall\n"));
    const CsvSample sample = readCsvSample(path, 1);
    EXPECT_EQ(sample.delimiter, '\t');
    EXPECT_EQ(sample.header, (std::vector<std::string> {"Datum", "Titel"}));
    ASSERT_EQ(sample.rows.size(), 1u); // maxRows
    EXPECT_EQ(sample.lines, std::vector<std::int64_t> {2});

    EXPECT_EQ(
        readCsvSample(dir.filePath(QStringLiteral("none.csv"))).error.toStdString().substr(0, 16),
        "cannot be read: ");
    const QString empty = dir.filePath(QStringLiteral("empty.csv"));
    ASSERT_TRUE(writeFile(empty, ""));
    EXPECT_EQ(readCsvSample(empty).error.toStdString(), "the file is empty");
}

TEST(ColumnMapping, PreviewReadsRowsAsTheImportWill)
{
    const CsvSample sample = readCsvSample(csvFixture("kyiv-strikes-messy.csv"));
    ASSERT_TRUE(sample.error.isEmpty());
    const std::vector<ImportPreviewRow> preview = previewMapping(sample, kyivMapping());
    ASSERT_EQ(preview.size(), 14u);
    EXPECT_EQ(preview[0].line, 2);
    EXPECT_EQ(preview[0].when.toStdString(), "17 Oct 2022");
    EXPECT_EQ(preview[0].title.toStdString(), "Атака дронов-камикадзе на Киев");
    EXPECT_EQ(preview[0].parties, QStringList {QStringLiteral("Вооружённые силы России")});
    EXPECT_TRUE(preview[0].problem.isEmpty());
    EXPECT_EQ(preview[1].line, 3);
    EXPECT_EQ(preview[1].problem.toStdString(),
              "date \"03/13/2023\" is not a day when read day first (DD/MM/YYYY)");
    EXPECT_EQ(preview[11].line, 14);
    EXPECT_EQ(preview[11].when.toStdString(), "Feb 2023");

    // Month first, the American row reads and the European ones do not.
    ColumnMapping monthFirst = kyivMapping();
    monthFirst.dateOrder = DateOrder::MonthFirst;
    const std::vector<ImportPreviewRow> american = previewMapping(sample, monthFirst);
    EXPECT_EQ(american[1].when.toStdString(), "13 Mar 2023");
    EXPECT_EQ(american[0].problem.toStdString(),
              "date \"17.10.2022\" is not a day when read month first (MM/DD/YYYY)");

    // A mapping for other columns: one row says why, on the header's line.
    ColumnMapping german;
    german.date = "Datum";
    german.title = "Titel";
    const std::vector<ImportPreviewRow> refused = previewMapping(sample, german);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].line, 1);
    EXPECT_EQ(refused[0].problem.toStdString(), "no columns \"Datum\" and \"Titel\" in the file");
}
